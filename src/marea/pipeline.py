"""The ingest pipeline: stages by name, run over batches by an executor, written by one writer.

A stage is `stage(batch: list[Document], settings) -> list[Document]`: a plain, picklable
module-level function, so a Dask executor can ship it unchanged. The writer (this process)
skips inputs already stored, drops exact duplicates, links near-duplicates and commits
each batch in one transaction.
"""

from __future__ import annotations

import ctypes
import gc
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

import pyarrow as pa

from marea.actors.link import actors
from marea.errors import ConfigError, StoreError
from marea.events.domain import domain
from marea.events.extract import events
from marea.events.reports import reports
from marea.heap import fix_mmap_threshold
from marea.ingest.clean import clean, raw_digest
from marea.ingest.dedup import NearDuplicateIndex, fingerprint
from marea.ingest.sources import is_url, read_inputs
from marea.model import Document, SourceError
from marea.nlp.encoder import DEFAULT, DISABLED, build_of, embed
from marea.nlp.language import language
from marea.nlp.linguistic import linguistic
from marea.opinion.claims import claims
from marea.opinion.frames import frames
from marea.opinion.stance import stance
from marea.opinion.tone import tone
from marea.search import refresh_indexes
from marea.settings import Settings
from marea.store import Store, analysis_tables
from marea.store.crash import crash_point

if TYPE_CHECKING:
    from marea.ingest.web import WebSession

Stage = Callable[[list[Document], Settings], list[Document]]

STAGES: dict[str, Stage] = {
    "marea.clean.v1": clean,
    "marea.fingerprint.v1": fingerprint,
    "marea.language.v1": language,
    "marea.linguistic.v1": linguistic,
    "marea.actors.v1": actors,
    "marea.events.v1": events,
    "marea.domain.v1": domain,
    "marea.reports.v1": reports,
    "marea.tone.v1": tone,
    "marea.stance.v1": stance,
    "marea.embed.v1": embed,
    "marea.frames.v1": frames,
    "marea.claims.v1": claims,
}
DEFAULT_PIPELINE = tuple(STAGES)


class Executor(Protocol):
    """Runs a function over batches and yields the results in order (local, Dask, ...)."""

    def map(self, fn: Callable[[list[Document]], list[Document]],
            batches: Iterable[list[Document]]) -> Iterator[list[Document]]: ...


class Processed(list[Document]):
    """A computed batch, with what each stage cost computing it: {stage: [wall s, CPU s]}.

    The costs travel with the documents (pickled to and from a pool or Dask worker), so the
    writer's report says where time went wherever the batch ran.
    """

    def __init__(self, docs: Iterable[Document] = (),
                 seconds: dict[str, list[float]] | None = None) -> None:
        super().__init__(docs)
        self.seconds: dict[str, list[float]] = seconds or {}
        self.tables: dict[str, pa.Table] | None = None  # see compute_batch


class LocalExecutor:
    """LocalExecutor()  # runs every batch in this process, one after the other"""

    def map(self, fn: Callable[[list[Document]], list[Document]],
            batches: Iterable[list[Document]]) -> Iterator[list[Document]]:
        return map(fn, batches)


def run_stages(batch: list[Document], stages: tuple[str, ...], settings: Settings
               ) -> Processed:
    """Run stages over a batch; a document that fails gets `error` set and leaves the batch.

    A stage that raises on the batch, or runs past budget.stage_seconds per document, is
    retried one document at a time, so one bad document costs only itself. Documents a stage
    adds (the parts of a split text) are returned after the batch.
    """
    out = Processed(batch)
    known = {id(d) for d in batch}
    live = [d for d in batch if d.error is None]
    for name in stages:
        stage = STAGES[name]
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            with _deadline(settings.max_stage_seconds * len(live)):
                live = stage(live, settings)
        except Exception:
            survivors = []
            for doc in live:
                try:
                    with _deadline(settings.max_stage_seconds):
                        survivors.extend(stage([doc], settings))
                except Exception as exc:  # noqa: BLE001 - any failure is reported per document
                    doc.error, doc.error_stage = _one_line(exc), name.split(".")[1]
            live = survivors
        out.seconds[name.split(".")[1]] = [time.perf_counter() - wall,
                                           time.process_time() - cpu]
        out.extend(d for d in live if id(d) not in known)
        known.update(id(d) for d in live)
    freeze_models()
    return out


_frozen = threading.Event()


def freeze_models() -> None:
    """After a process's first batch, when the stages have loaded their models, move every
    live object out of the garbage collector's sight (`gc.freeze`), once.

    The models are some 340,000 objects that live as long as the process, and each full
    collection walked all of them: 6% of an ingest's CPU, 2% after. Frozen objects are still
    freed when nothing refers to them; only a reference cycle among them would stay."""
    if not _frozen.is_set():
        _frozen.set()
        gc.collect()
        gc.freeze()


def compute_batch(batch: list[Document], stages: tuple[str, ...], settings: Settings
                  ) -> Processed:
    """The task `ingest` runs where a batch is computed (here, a pool or a Dask worker): the
    stages, then the rows of every analysis table, so the one writer only inserts them.

    The documents go back without their spans and vectors: Arrow columns pickle and load far
    cheaper than object graphs. Of documents sharing an id only the first has rows (the
    writer keeps the first and counts the others as duplicates)."""
    done = run_stages(batch, stages, settings)
    wall, cpu = time.perf_counter(), time.process_time()
    first: dict[str, Document] = {}
    for doc in done:
        if doc.error is None:
            first.setdefault(doc.doc_id, doc)
    done.tables = analysis_tables(list(first.values()))
    for doc in done:
        doc.sentences, doc.tokens, doc.mentions, doc.events = [], [], [], []
        doc.tone, doc.themes, doc.stances, doc.frames, doc.claims = [], [], [], [], []
        doc.vectors = None
    done.seconds["tables"] = [time.perf_counter() - wall, time.process_time() - cpu]
    return done


class StageTimeout(Exception):
    """A stage ran past its time budget."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise StageTimeout in the block after `seconds`: by SIGALRM in the main thread, and in
    any other (a Dask worker's, a server's) by a timer that raises it in the thread. Either
    way it is raised between Python instructions, so a long call in C ends first."""
    if seconds <= 0:
        yield
        return
    message = f"stage took over {seconds:g} s (setting budget.stage_seconds)"
    if threading.current_thread() is not threading.main_thread():
        with _thread_deadline(seconds, message):
            yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise StageTimeout(message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_deadline(seconds: float, message: str) -> Iterator[None]:
    """The deadline of a thread without signals: a timer thread has the interpreter raise
    StageTimeout in this one (an exception raised so takes no arguments: a subclass holds the
    message). One not yet raised when the block ends is withdrawn."""
    expired = type("StageTimeout", (StageTimeout,),
                   {"__init__": lambda self: StageTimeout.__init__(self, message)})
    thread = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, ctypes.py_object(expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True
            if state["fired"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread, None)
        timer.cancel()


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


@dataclass
class RunSummary:
    """What an ingest run did, for the final report and the runs table."""

    run_id: int = 0
    stored: int = 0
    near_duplicates: int = 0
    duplicates: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, list[float]] = field(default_factory=dict)  # name: [wall, CPU]

    def counts(self) -> dict[str, int]:
        return {"stored": self.stored, "near_duplicates": self.near_duplicates,
                "duplicates": self.duplicates, "unchanged": self.unchanged,
                "failed": len(self.failed), "skipped": len(self.skipped)}

    def add_seconds(self, seconds: dict[str, list[float]]) -> None:
        """Add one batch's [wall, CPU] seconds per stage to the run's."""
        for name, (wall, cpu) in seconds.items():
            total = self.stage_seconds.setdefault(name, [0.0, 0.0])
            total[0] += wall
            total[1] += cpu


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of `size` items (the last may be shorter), read as they are consumed."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def store_encoder(store: Store, settings: Settings) -> Settings:
    """Return the settings an ingest into `store` uses: the encoder that made its vectors
    unless `[models] encoder` names another, which is refused (their vectors can't be
    compared), as is a packaged encoder rebuilt since the store's vectors were made (same
    name, other weights). `marea reanalyse --stages embed` is how a store changes encoder."""
    recorded, chosen = store.encoder(), settings.models.get("encoder")
    if recorded is None or chosen == DISABLED:
        return settings
    if chosen is not None and chosen != recorded:
        raise ConfigError(
            f"[E093] The sentence vectors in {store.path} were made by encoder '{recorded}', "
            f"and [models] encoder is '{chosen}': vectors of two encoders can't be compared. "
            f"Leave [models] encoder unset to use the store's, or switch the whole store with "
            f"`marea reanalyse --stages embed`.")
    stored, shipped = store.encoder_build(), build_of(recorded)
    if stored and shipped and stored != shipped:
        raise ConfigError(
            f"[E182] The sentence vectors in {store.path} were made by another build of "
            f"encoder '{recorded}' (weights {stored[:12]}, this marea's {shipped[:12]}), whose "
            f"vectors can't be mixed with this one's: encode the store again with "
            f"`marea reanalyse --stages embed`, then `marea narratives --rebuild`.")
    return settings.with_(models={**settings.models, "encoder": recorded})


def remember_encoder(store: Store, settings: Settings) -> None:
    """Record the run's encoder as the one of the store's vectors when none is yet."""
    encoder = settings.models.get("encoder", DEFAULT)
    if store.encoder() is None and encoder != DISABLED:
        store.record_encoder(encoder)


def ingest(paths: Iterable[str], store: Store, settings: Settings,
           executor: Executor | None = None, stages: tuple[str, ...] = DEFAULT_PIPELINE,
           on_progress: Callable[[RunSummary, str], None] | None = None,
           command: str = "ingest", web: WebSession | None = None) -> RunSummary:
    """Read, process and store every input under `paths` (files, folders, URLs fetched
    through `web`); return what happened."""
    fix_mmap_threshold()  # resident memory flat as the corpus grows (marea/heap.py)
    executor = executor or LocalExecutor()
    paths = list(paths)
    settings = store_encoder(store, settings)
    if web is None and any(is_url(str(p)) for p in paths):
        with open_web_session(store, settings) as session:
            return ingest(paths, store, settings, executor, stages, on_progress, command,
                          session)
    summary = RunSummary(run_id=store.start_run(command))
    started = time.perf_counter()
    pending: list[tuple[SourceError, str]] = []

    def fresh_batches() -> Iterator[list[Document]]:
        """Yield batches of inputs not yet stored; read errors wait for the next write."""
        for chunk in chunked(read_inputs(paths, settings, web, store.path), settings.batch_size):
            docs = []
            for item in chunk:
                if read_item(item, summary, pending):
                    docs.append(item)
            crash_point("read")
            seen = store.seen_inputs(docs)
            summary.unchanged += sum((d.source, d.locator, d.raw_sha) in seen for d in docs)
            todo = [d for d in docs if (d.source, d.locator, d.raw_sha) not in seen]
            if todo:
                yield todo
            elif pending:
                store.write_batch(summary.run_id, [], [], pending)
                pending.clear()

    status = "failed"
    try:
        if any(STAGES.get(name) is embed for name in stages):
            remember_encoder(store, settings)
        index = NearDuplicateIndex(settings, store)
        work = partial(compute_batch, stages=stages, settings=settings)
        for batch in executor.map(work, fresh_batches()):
            summary.add_seconds(getattr(batch, "seconds", {}))  # none for a failed batch
            wall, cpu = time.perf_counter(), time.process_time()
            _write(batch, store, index, summary, pending)
            summary.add_seconds({"write": [time.perf_counter() - wall,
                                           time.process_time() - cpu]})
            pending.clear()
            summary.seconds = time.perf_counter() - started
            if on_progress:
                on_progress(summary, batch[-1].name)
            crash_point("between-batches")
        if pending:
            store.write_batch(summary.run_id, [], [], pending)
        if web is not None:  # only now: the documents these feeds listed are stored
            store.save_fetch_state(web.fetched.values())
            summary.unchanged += len(web.unchanged)
        crash_point("before-refresh")
        refresh_indexes(store)  # also completes what an earlier, killed run left undone
        crash_point("after-refresh")
        status = "done"
    finally:
        close_run(store, summary, status, started)
    return summary


def read_item(item: Document | SourceError, summary: RunSummary,
              errors: list[tuple[SourceError, str]]) -> bool:
    """True for a document (its raw digest now set); a read error is counted and kept in
    `errors` for the next write."""
    if isinstance(item, SourceError):
        (summary.skipped if item.skipped else summary.failed).append((item.name, item.message))
        errors.append((item, "skipped" if item.skipped else "read"))
        return False
    item.raw_sha = raw_digest(item.raw)
    return True


def close_run(store: Store, summary: RunSummary, status: str, started: float) -> None:
    """Record how a run ended; a store failure here is raised only when the run itself
    succeeded (else the error that stopped the run is the one to report)."""
    summary.seconds = time.perf_counter() - started
    try:
        store.finish_run(summary.run_id, status, summary.counts())
    except StoreError:
        if status == "done":
            raise


@contextmanager
def open_web_session(store: Store, settings: Settings, warc: str | None = None,
                     meta: dict[str, Any] | None = None) -> Iterator[WebSession]:
    """A fetcher for one run that skips URLs the store holds and revalidates feeds it read."""
    from marea.ingest.fetch import Fetcher
    from marea.ingest.web import WebSession

    fetcher = Fetcher(settings.fetch, int(settings.max_input_mb * 1_000_000), warc)
    try:
        yield WebSession(fetcher, meta or {}, store.known_url, store.fetch_validators())
    finally:
        fetcher.close()


def _write(batch: list[Document], store: Store, index: NearDuplicateIndex,
           summary: RunSummary, pending: list[tuple[SourceError, str]]) -> None:
    """Sort a processed batch into stored, duplicate and failed, then commit it."""
    errors = list(pending)
    ok = []
    for doc in batch:
        if doc.error:
            summary.failed.append((doc.name, doc.error))
            errors.append((SourceError(doc.source, doc.locator, doc.error),
                           doc.error_stage or "process"))
        else:
            ok.append(doc)
    existing = store.existing_ids(d.doc_id for d in ok)
    index.look_up(d.fingerprint for d in ok if d.fingerprint and d.doc_id not in existing)
    keep: list[Document] = []
    duplicates: list[Document] = []
    for doc in ok:
        if doc.doc_id in existing:
            duplicates.append(doc)
            continue
        existing.add(doc.doc_id)
        if doc.fingerprint:
            doc.duplicate_of = index.match(doc.fingerprint)
            if doc.duplicate_of is None:
                index.add(doc.doc_id, doc.fingerprint)
        keep.append(doc)
    store.write_batch(summary.run_id, keep, duplicates, errors, index.pending,
                      getattr(batch, "tables", None))
    index.written()
    summary.stored += len(keep)
    summary.duplicates += len(duplicates)
    summary.near_duplicates += sum(d.duplicate_of is not None for d in keep)
    summary.words += sum(len(d.text.split()) for d in keep)
