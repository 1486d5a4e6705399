"""REST API over a store: read endpoints with pagination, and token-protected ingest jobs.

Reads use their thread's own cursor; writes (ingest jobs) run one at a time on a single
writer thread, which suits DuckDB's single writer, while the documents are computed in a
worker process so that a slow job cannot stall reads. Every query is parameterised.
"""

from __future__ import annotations

import hmac
import shutil
import tempfile
import threading
import time
import unicodedata
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path, PurePath
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi import Path as Path_
from fastapi.responses import JSONResponse

from marea import __version__
from marea.corpus import Corpus, actors_left_out, records
from marea.errors import MareaError, StoreError
from marea.executors import ProcessExecutor
from marea.nlp.encoder import DEFAULT, DISABLED, load_encoder
from marea.params import DATE_FORMS
from marea.pipeline import ingest
from marea.search import MAX_LIMIT, SOURCE_NAME, Filters, search
from marea.settings import Settings
from marea.store import Store, sharing
from marea.store.dataset import is_dataset, read_only_error
from marea.web.pages import router, source_name

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
# Checked by marea.params.date_prefix (as in the CLI and Python): a refusal is a 400 with
# the accepted forms, not a bare pattern mismatch.
DateText = Annotated[str | None, Query(description=f"ISO date or prefix: {DATE_FORMS}")]
StanceLabel = Literal["favor", "against", "neutral"]
CHECKPOINT_TRIES = 20  # x 0.25 s: how long a job's snapshot waits for active reads to end
ClaimKind = Literal["figure", "poll", "ranking", "comparison", "superlative"]
AlertKind = Literal["event", "attention", "stance", "narrative"]
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK = ("127.0.0.1", "localhost", "[::1]")
MAX_NAME = 120  # characters kept of an uploaded file's name
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
     b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def allowed_hosts(host: str, port: int, extra: Iterable[str] = ()) -> set[str]:
    """Return the Host header values the server answers: loopback names, the bound host and
    the names given, each bare and with the port (a rebinding attacker's name is in none)."""
    names = {*LOOPBACK, host, *extra}
    return {value.lower() for name in names for value in (name, f"{name}:{port}")}


class Guard:
    """One ASGI middleware for what every request goes through: a Host allow-list (against
    DNS rebinding), a body limit counted on the bytes actually read, and security headers."""

    def __init__(self, app: ASGIApp, hosts: set[str] | None, max_bytes: int) -> None:
        self.app, self.hosts, self.max_bytes = app, hosts, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = headers.get(b"host", b"").decode("latin-1").lower()
        if self.hosts is not None and host not in self.hosts:
            await self._refuse(send, 400, f"host {host[:100]!r} is not served here "
                                          "(start the server with --allow-host NAME)")
            return
        length = headers.get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(send, 413, f"request over {self.max_bytes / 1e6:g} MB")
            return
        read = 0

        async def counted() -> Message:
            nonlocal read
            message = await receive()
            read += len(message.get("body", b""))
            if read > self.max_bytes:
                raise HTTPException(413, f"request over {self.max_bytes / 1e6:g} MB")
            return message

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, counted, secured)

    @staticmethod
    async def _refuse(send: Send, status: int, detail: str) -> None:
        response = JSONResponse({"detail": detail}, status)
        await send({"type": "http.response.start", "status": status,
                    "headers": [*response.raw_headers, *SECURITY_HEADERS]})
        await send({"type": "http.response.body", "body": response.body})


def upload_name(raw: str | None, taken: set[str]) -> str:
    """Return a safe, unique file name for an uploaded part: no path, no control characters,
    no leading dots, valid UTF-8, at most MAX_NAME characters, its suffix kept."""
    text = (raw or "").encode("utf-8", "replace").decode("utf-8")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]  # no paths from clients
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C").strip().lstrip(".")
    text = text.strip() or "upload"
    suffix = "".join(PurePath(text).suffixes)[-20:]
    stem = text[: len(text) - len(suffix)] if suffix else text
    name, number = stem[: MAX_NAME - len(suffix)] + suffix, 1
    while name.lower() in taken:
        number += 1
        tail = f"-{number}{suffix}"
        name = stem[: MAX_NAME - len(tail)] + tail
    taken.add(name.lower())
    return name


def create_app(settings: Settings, token: str | None, max_upload_mb: float = 20,
               hosts: set[str] | None = None, batch_timeout: float = 900.0,
               url: str | None = None) -> FastAPI:
    """Build the API over the store named in settings; `token` enables writes; `hosts` (see
    allowed_hosts) are the Host headers answered, None for any; `url`, where it is served,
    makes it announce itself beside the store and publish snapshots for other processes'
    readers (marea.store.sharing); a Parquet dataset's folder is served read-only."""
    store = Store(settings.db, read_only=is_dataset(settings.db), settings=settings)
    if store.dataset:
        url = None  # held in this process's memory: nothing to share, nothing to publish

    def publish() -> bool:
        """Checkpoint and copy the store for readers in other processes (writer thread);
        False when this server's own readers kept the checkpoint from running for 5 s (the
        previous snapshot stays, the next job publishes)."""
        if not url:
            return True
        for _ in range(CHECKPOINT_TRIES):
            try:
                with store.io_errors():
                    store.con.execute("CHECKPOINT")
                break
            except StoreError:
                time.sleep(0.25)
        else:
            return False
        sharing.publish_snapshot(settings.db)
        return True

    if url:
        publish()
        sharing.announce(settings.db, url)
    corpus = Corpus(store)
    if settings.models.get("encoder", DEFAULT) != DISABLED:  # now, not in the first search
        load_encoder(settings.models.get("encoder", DEFAULT))
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="marea-writer")
    workers = ProcessExecutor(settings, workers=1, batch_timeout=batch_timeout)
    jobs: dict[str, dict[str, Any]] = {}
    uploads: dict[str, Path] = {}  # job id -> its folder, until the job is over
    lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        writer.shutdown(wait=False, cancel_futures=True)
        workers.close()  # a job mid-way fails at once instead of holding the exit
        writer.shutdown(wait=True)
        for folder in list(uploads.values()):
            shutil.rmtree(folder, ignore_errors=True)
        if url:
            sharing.withdraw(settings.db)
        store.close()

    app = FastAPI(title="marea", version=__version__, lifespan=lifespan, docs_url=None,
                  redoc_url=None,
                  description="Political news as a dated, queryable knowledge base.")
    app.add_middleware(Guard, hosts=hosts, max_bytes=int(max_upload_mb * 1_000_000))

    @app.exception_handler(MareaError)
    async def marea_error(_: Request, exc: MareaError) -> JSONResponse:
        status = 404 if any(code in str(exc) for code in ("[E023]", "[E024]", "[E120]")) else 400
        return JSONResponse({"detail": str(exc)}, status)

    def writer_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(403, "writes are disabled: start the server with MAREA_TOKEN")
        if not hmac.compare_digest((authorization or "").encode("utf-8", "replace"),
                                   f"Bearer {token}".encode()):
            raise HTTPException(401, "missing or wrong bearer token",
                                headers={"WWW-Authenticate": "Bearer"})

    app.include_router(router(corpus, settings.models.get("encoder")))

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__}

    def page(frame: Any, limit: int, offset: int, **extra: Any) -> dict[str, Any]:
        """A listing as every endpoint returns it: its rows and how many of how many."""
        items = records(frame)
        return {"items": items, "shown": len(items), "total": frame.attrs.get("total"),
                "limit": limit, "offset": offset, **extra}

    # Cost classes, named in a comment beside each endpoint's query (figures at 50,000
    # documents in benchmarks/api.py):
    #   "key"   look-ups by document or actor id, and what hangs off one document;
    #   "page"  a top-N over one table's filtered key columns (dates, scores, ids), then the
    #           page's rows joined to the rest: documents, events, claims, stances;
    #   "agg"   an aggregate over one actor's or theme's rows, or over a summary table;
    #   "index" a full-text (BM25) or sentence-vector index look-up, then the hits' rows.

    @app.get("/documents")
    def documents(limit: Limit = 50, offset: Offset = 0, language: str | None = None,
                  actor: str | None = None, since: DateText = None, until: DateText = None,
                  site: str | None = None, duplicates: bool = False,
                  after: Annotated[str | None, Query(
                      description="cursor: the `next` of the previous page")] = None
                  ) -> dict[str, Any]:
        # page (a deep page by cursor costs what the first does)
        frame = corpus.documents(language, actor, since, until, limit, offset, site=site,
                                 duplicates=duplicates, after=after, text=False)
        listing = page(frame, limit, offset,
                       next=frame.attrs.get("next"))
        for item in listing["items"]:
            item["path"] = source_name(item["path"])
        return listing

    @app.get("/documents/{doc_id}")
    def document(doc_id: str) -> dict[str, Any]:
        # key
        full = store.resolve_doc_id(doc_id)
        with store.cursor() as cursor:
            rows = cursor.execute(
                f"SELECT doc_id, title, author, published, {SOURCE_NAME}, url, language, "
                "kind, duplicate_of, source, locator, text FROM documents d WHERE doc_id = ?",
                [full]).fetchall()
        keys = ("doc_id", "title", "author", "published", "site", "url", "language", "kind",
                "duplicate_of", "path", "locator", "text")
        found = dict(zip(keys, rows[0], strict=True))
        found["path"] = source_name(found["path"])
        found["mentions"] = records(corpus.mentions(full))
        found["events"] = records(corpus.events(limit=MAX_LIMIT, doc_id=full))
        found["stances"] = records(corpus.document_stances(full))
        found["frames"] = records(corpus.frames(full))
        found["claims"] = records(corpus.claims(doc_id=full, limit=MAX_LIMIT))
        found["themes"] = records(corpus.themes(full))
        return found

    @app.get("/actors")
    def actors(limit: Limit = 50, offset: Offset = 0,
               kind: str | None = Query(None, alias="type"), unknown: bool = False
               ) -> dict[str, Any]:
        # page (over the actor_stats summary)
        found = corpus.actors(kind, limit, offset, unknown=unknown)
        return page(found, limit, offset, left_out=found.attrs["left_out"],
                    note=actors_left_out(found, unknown, "unknown=true"))

    @app.get("/actors/{name}")
    def actor(name: str) -> dict[str, Any]:
        # key
        actor_id = corpus.actor_id(name)
        with store.cursor() as cursor:
            row = cursor.execute(
                "SELECT actor_id, type, name, country, cameo, origin, aliases, roles "
                "FROM actors WHERE actor_id = ?", [actor_id]).fetchall()[0]
        keys = ("actor_id", "type", "name", "country", "cameo", "origin", "aliases", "roles")
        return dict(zip(keys, row, strict=True))

    @app.get("/events")
    def events(limit: Limit = 50, offset: Offset = 0, actor: str | None = None,
               kind: str | None = Query(None, alias="type"), site: str | None = None,
               since: DateText = None, until: DateText = None, duplicates: bool = False
               ) -> dict[str, Any]:
        # page
        frame = corpus.events(actor, kind, since, until, limit, offset, site=site,
                              duplicates=duplicates)
        return page(frame, limit, offset)

    @app.get("/timeline/{name}")
    def timeline(name: str, limit: Limit = 200, offset: Offset = 0, duplicates: bool = False
                 ) -> dict[str, Any]:
        # agg
        return page(corpus.timeline(name, limit, offset, duplicates=duplicates), limit, offset)

    @app.get("/stories")
    def stories(limit: Limit = 50, offset: Offset = 0, actor: str | None = None,
                kind: str | None = Query(None, alias="type"), since: DateText = None,
                until: DateText = None, duplicates: bool = False) -> dict[str, Any]:
        # page
        frame = corpus.stories(actor, kind, since, until, limit, offset, duplicates=duplicates)
        return page(frame, limit, offset)

    @app.get("/stories/{story_id}")
    def story(story_id: Annotated[int, Path_(ge=1, le=2_000_000_000)]) -> dict[str, Any]:
        # key
        rows = records(corpus.story(story_id))
        return {"story_id": story_id, "reports": rows, "shown": len(rows)}

    @app.get("/attention/{name}")
    def attention(name: str, period: Literal["day", "week", "month", "year"] = "month",
                  by_site: bool = False) -> dict[str, Any]:
        # agg
        frame = corpus.attention(name, period, by_site)
        return {"items": records(frame), "undated_documents": frame.attrs["undated"],
                "period": period}

    @app.get("/stances/{name}")
    def stances(name: str, limit: Limit = 50, offset: Offset = 0, site: str | None = None,
                since: DateText = None, until: DateText = None) -> dict[str, Any]:
        # page (the strongest cue and its span are stored on each stance)
        frame = corpus.stances(name, site, since, until, limit, offset)
        return page(frame, limit, offset)

    @app.get("/stances/{name}/timeline")
    def stance_timeline(name: str, period: Literal["year", "month"] = "year",
                        site: str | None = None) -> dict[str, Any]:
        # agg
        return {"items": records(corpus.stance_timeline(name, period, site))}

    @app.get("/themes")
    def themes(language: str | None = None, since: DateText = None, until: DateText = None
               ) -> dict[str, Any]:
        # agg (document-level theme rows joined to their documents' dates)
        return {"items": records(corpus.themes(None, language, since, until))}

    @app.get("/claims")
    def claims(limit: Limit = 50, offset: Offset = 0, actor: str | None = None,
               kind: ClaimKind | None = None, duplicates: bool = False) -> dict[str, Any]:
        # page
        frame = corpus.claims(actor, kind, limit=limit, offset=offset, duplicates=duplicates)
        return page(frame, limit, offset)

    @app.get("/alerts")
    def alerts(limit: Limit = 50, offset: Offset = 0, kind: AlertKind | None = None,
               since: DateText = None) -> dict[str, Any]:
        # page (alerts are few: one row per change a poll found)
        frame = corpus.alerts(kind, since, limit=limit, offset=offset)
        return page(frame, limit, offset)

    @app.get("/sources")
    def sources(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        # page (one row per watched outlet)
        return page(corpus.sources(limit, offset=offset), limit, offset)

    @app.get("/narratives")
    def narratives(limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
        # page
        return page(corpus.narratives(limit, offset=offset), limit, offset)

    @app.get("/narratives/{narrative_id}")
    def narrative(narrative_id: Annotated[int, Path_(ge=1, le=1_000_000)]) -> dict[str, Any]:
        # key
        rows = records(corpus.narratives(narrative_id=narrative_id))
        if not rows:
            raise HTTPException(404, "no such narrative")
        return {**rows[0], "members": records(corpus.narrative(narrative_id))}

    @app.get("/search")
    def search_documents(q: Annotated[str, Query(min_length=1, max_length=500)],
                         limit: Limit = 20, offset: Offset = 0, actor: str | None = None,
                         kind: str | None = Query(None, alias="type"),
                         language: str | None = None,
                         site: str | None = None, since: DateText = None,
                         until: DateText = None, theme: str | None = None,
                         stance: StanceLabel | None = None,
                         mode: Literal["hybrid", "text", "semantic"] = "hybrid",
                         duplicates: bool = False) -> dict[str, Any]:
        # index (semantic: marea.vectors; text: the full-text index; hybrid: both, fused)
        filters = Filters(corpus.actor_id(actor) if actor else None, kind, language,
                          site, since, until, theme, stance, duplicates)
        hits = search(store, q, filters, limit, offset, mode, settings.models.get("encoder"))
        for hit in hits:
            hit["path"] = source_name(hit["path"])
        return {"items": hits, "shown": len(hits), "total": hits.total, "limit": limit,
                "offset": offset, "mode": mode}

    @app.post("/ingest", status_code=202, dependencies=[Depends(writer_token)])
    def ingest_upload(files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        if store.dataset:
            raise read_only_error(settings.db)
        folder = Path(tempfile.mkdtemp(prefix="marea-upload-"))
        job_id = uuid.uuid4().hex
        try:
            taken: set[str] = set()
            for upload in files:
                with (folder / upload_name(upload.filename, taken)).open("wb") as out:
                    shutil.copyfileobj(upload.file, out)
            with lock:
                jobs[job_id] = {"id": job_id, "status": "queued", "files": len(files)}
                uploads[job_id] = folder
            writer.submit(_run_job, job_id, folder)
        except BaseException:
            uploads.pop(job_id, None)
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return jobs[job_id]

    def _run_job(job_id: str, folder: Path) -> None:
        jobs[job_id]["status"] = "running"
        try:
            summary = ingest([str(folder)], store, settings, executor=workers,
                             command="api ingest")
            snapshot = "published" if publish() else "not updated (readers were active)"
            jobs[job_id].update(status="done", snapshot=snapshot, **summary.counts(),
                                errors=[f"{Path(n).name}: {r}" for n, r in summary.failed])
        except Exception as exc:  # noqa: BLE001 - reported to the client, not raised
            jobs[job_id].update(status="failed", error=str(exc))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            uploads.pop(job_id, None)

    @app.get("/jobs/{job_id}", dependencies=[Depends(writer_token)])
    def job(job_id: str) -> dict[str, Any]:
        if job_id not in jobs:
            raise HTTPException(404, "no such job")
        return jobs[job_id]

    return app
