"""REST API over a store: read endpoints with pagination, and token-protected ingest jobs.

Reads use their own cursor per request; writes (ingest jobs) run one at a time on a single
writer thread, which suits DuckDB's single writer. Every query is parameterised.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi import Path as Path_
from fastapi.responses import JSONResponse, Response

from marea import __version__
from marea.corpus import Corpus, records
from marea.errors import MareaError
from marea.nlp.encoder import DISABLED, PACKAGED, load_encoder
from marea.pipeline import ingest
from marea.search import MAX_LIMIT, Filters, search
from marea.settings import Settings
from marea.store import Store
from marea.web.pages import router

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]
DateText = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$",
                                       description="ISO date or prefix (2021, 2021-07)")]
StanceLabel = Literal["favor", "against", "neutral"]
ClaimKind = Literal["figure", "poll", "ranking", "comparison", "superlative"]




def create_app(settings: Settings, token: str | None, max_upload_mb: float = 20) -> FastAPI:
    """Build the API over the store named in settings; `token` enables writes."""
    store = Store(settings.db)
    corpus = Corpus(store)
    if settings.models.get("encoder", PACKAGED) != DISABLED:  # now, not in the first search
        load_encoder(settings.models.get("encoder", PACKAGED))
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="marea-writer")
    jobs: dict[str, dict[str, Any]] = {}
    lock = threading.Lock()
    app = FastAPI(title="marea", version=__version__,
                  description="Political news as a dated, queryable knowledge base.")

    @app.middleware("http")
    async def limit_request_size(request: Request, call_next: Any) -> Response:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > max_upload_mb * 1_000_000:
            return JSONResponse({"detail": f"request over {max_upload_mb:g} MB"}, 413)
        response: Response = await call_next(request)
        return response

    @app.exception_handler(MareaError)
    async def marea_error(_: Request, exc: MareaError) -> JSONResponse:
        status = 404 if "[E023]" in str(exc) or "[E024]" in str(exc) else 400
        return JSONResponse({"detail": str(exc)}, status)

    def writer_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not token:
            raise HTTPException(403, "writes are disabled: start the server with MAREA_TOKEN")
        if authorization != f"Bearer {token}":
            raise HTTPException(401, "missing or wrong bearer token",
                                headers={"WWW-Authenticate": "Bearer"})

    app.include_router(router(corpus, settings.models.get("encoder")))

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__}

    @app.get("/documents")
    def documents(limit: Limit = 50, offset: Offset = 0, language: str | None = None,
                  actor: str | None = None, since: DateText = None, until: DateText = None
                  ) -> dict[str, Any]:
        frame = corpus.documents(language, actor, since, until, limit, offset)
        items = records(frame.drop(columns=["text"]))
        return {"items": items, "limit": limit, "offset": offset}

    @app.get("/documents/{doc_id}")
    def document(doc_id: str) -> dict[str, Any]:
        full = store.resolve_doc_id(doc_id)
        rows = store.con.cursor().execute(
            "SELECT doc_id, title, author, published, site, url, language, kind, duplicate_of, "
            "source, locator, text FROM documents WHERE doc_id = ?", [full]).fetchall()
        keys = ("doc_id", "title", "author", "published", "site", "url", "language", "kind",
                "duplicate_of", "source", "locator", "text")
        found = dict(zip(keys, rows[0], strict=True))
        found["mentions"] = records(corpus.mentions(full))
        found["events"] = records(corpus.events(limit=MAX_LIMIT, doc_id=full))
        found["stances"] = records(corpus.document_stances(full))
        found["frames"] = records(corpus.frames(full))
        found["claims"] = records(corpus.claims(doc_id=full, limit=MAX_LIMIT))
        found["themes"] = records(corpus.themes(full))
        return found

    @app.get("/actors")
    def actors(limit: Limit = 50, kind: str | None = Query(None, alias="type")
               ) -> dict[str, Any]:
        return {"items": records(corpus.actors(kind, limit)), "limit": limit}

    @app.get("/actors/{name}")
    def actor(name: str) -> dict[str, Any]:
        actor_id = corpus.actor_id(name)
        row = store.con.cursor().execute(
            "SELECT actor_id, type, name, country, cameo, origin, aliases, roles FROM actors "
            "WHERE actor_id = ?", [actor_id]).fetchall()[0]
        keys = ("actor_id", "type", "name", "country", "cameo", "origin", "aliases", "roles")
        return dict(zip(keys, row, strict=True))

    @app.get("/events")
    def events(limit: Limit = 50, offset: Offset = 0, actor: str | None = None,
               kind: str | None = Query(None, alias="type"), since: DateText = None,
               until: DateText = None) -> dict[str, Any]:
        frame = corpus.events(actor, kind, since, until, limit, offset)
        return {"items": records(frame), "limit": limit, "offset": offset}

    @app.get("/timeline/{name}")
    def timeline(name: str, limit: Limit = 200) -> dict[str, Any]:
        return {"items": records(corpus.timeline(name, limit)), "limit": limit}

    @app.get("/stances/{name}")
    def stances(name: str, limit: Limit = 50, offset: Offset = 0, site: str | None = None,
                since: DateText = None, until: DateText = None) -> dict[str, Any]:
        frame = corpus.stances(name, site, since, until, limit, offset)
        return {"items": records(frame), "limit": limit, "offset": offset}

    @app.get("/stances/{name}/timeline")
    def stance_timeline(name: str, period: Literal["year", "month"] = "year"
                        ) -> dict[str, Any]:
        return {"items": records(corpus.stance_timeline(name, period))}

    @app.get("/themes")
    def themes(language: str | None = None, since: DateText = None, until: DateText = None
               ) -> dict[str, Any]:
        return {"items": records(corpus.themes(None, language, since, until))}

    @app.get("/claims")
    def claims(limit: Limit = 50, offset: Offset = 0, actor: str | None = None,
               kind: ClaimKind | None = None) -> dict[str, Any]:
        frame = corpus.claims(actor, kind, limit=limit, offset=offset)
        return {"items": records(frame), "limit": limit, "offset": offset}

    @app.get("/narratives")
    def narratives(limit: Limit = 50) -> dict[str, Any]:
        return {"items": records(corpus.narratives(limit)), "limit": limit}

    @app.get("/narratives/{narrative_id}")
    def narrative(narrative_id: Annotated[int, Path_(ge=1, le=1_000_000)]) -> dict[str, Any]:
        rows = records(corpus.narratives(narrative_id=narrative_id))
        if not rows:
            raise HTTPException(404, "no such narrative")
        return {**rows[0], "members": records(corpus.narrative(narrative_id))}

    @app.get("/search")
    def search_documents(q: Annotated[str, Query(min_length=1, max_length=500)],
                         limit: Limit = 20, offset: Offset = 0, actor: str | None = None,
                         event_type: str | None = None, language: str | None = None,
                         site: str | None = None, since: DateText = None,
                         until: DateText = None, theme: str | None = None,
                         stance: StanceLabel | None = None,
                         mode: Literal["hybrid", "text", "semantic"] = "hybrid"
                         ) -> dict[str, Any]:
        filters = Filters(corpus.actor_id(actor) if actor else None, event_type, language,
                          site, since, until, theme, stance)
        hits = search(store, q, filters, limit, offset, mode, settings.models.get("encoder"))
        return {"items": hits, "limit": limit, "offset": offset, "mode": mode}

    @app.post("/ingest", status_code=202, dependencies=[Depends(writer_token)])
    def ingest_upload(files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        folder = Path(tempfile.mkdtemp(prefix="marea-upload-"))
        for upload in files:
            name = Path(upload.filename or "upload.txt").name  # no paths from clients
            with (folder / name).open("wb") as out:
                shutil.copyfileobj(upload.file, out)
        job_id = uuid.uuid4().hex
        with lock:
            jobs[job_id] = {"id": job_id, "status": "queued", "files": len(files)}
        writer.submit(_run_job, job_id, folder)
        return jobs[job_id]

    def _run_job(job_id: str, folder: Path) -> None:
        jobs[job_id]["status"] = "running"
        try:
            summary = ingest([str(folder)], store, settings, command="api ingest")
            jobs[job_id].update(status="done", **summary.counts(),
                                errors=[f"{Path(n).name}: {r}" for n, r in summary.failed])
        except Exception as exc:  # noqa: BLE001 - reported to the client, not raised
            jobs[job_id].update(status="failed", error=str(exc))
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    @app.get("/jobs/{job_id}")
    def job(job_id: str) -> dict[str, Any]:
        if job_id not in jobs:
            raise HTTPException(404, "no such job")
        return jobs[job_id]

    return app
