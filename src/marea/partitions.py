"""Parquet partitions, for corpora too big for one writer: `ingest --parquet DIR` has each
worker write every table of its batches as Parquet, and `marea merge DIR` loads them.

A batch's partition is named by a hash of its inputs, one file per table under
DIR/<table>/<part>.parquet, each written to a temporary name and renamed (atomic), the
`inputs` file last: a partition counts as complete once its inputs file exists, and a batch
computed twice (a worker lost, a run resumed) writes the same names. Exact and near-duplicate
detection happen at merge time, in the one store; merging records each partition in
`merged_partitions` in the batch's transaction, so merging again stores nothing twice.
"""

from __future__ import annotations

import hashlib
import os
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from marea.errors import ConfigError
from marea.ingest.dedup import NearDuplicateIndex
from marea.ingest.sources import read_inputs
from marea.model import Document, SourceError
from marea.pipeline import (
    DEFAULT_PIPELINE,
    Executor,
    Processed,
    RunSummary,
    chunked,
    close_run,
    read_item,
    remember_encoder,
    run_stages,
    store_encoder,
)
from marea.search import refresh_indexes
from marea.settings import Settings
from marea.store import (
    ACTOR_UPSERT,
    Store,
    actors_table,
    analysis_tables,
    documents_table,
    inputs_table,
)

# Tables a partition holds besides documents, actors, errors and inputs (written last).
ANALYSIS_TABLES = tuple(analysis_tables([]))
ERRORS_SCHEMA = pa.schema([("run_id", pa.int32()), ("source", pa.string()),
                           ("locator", pa.string()), ("stage", pa.string()),
                           ("message", pa.string()), ("skipped", pa.bool_()),
                           ("logged_at", pa.timestamp("us"))])


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def part_name(keys: Iterable[tuple[str, str, str]]) -> str:
    """The partition of a batch: a hash of its inputs (source, locator, raw bytes' hash)."""
    digest = hashlib.sha256("\n".join("\0".join(k) for k in sorted(keys)).encode("utf-8"))
    return digest.hexdigest()[:24]


def _write(folder: Path, table: str, part: str, data: pa.Table) -> None:
    """Write one table of a partition atomically: a temporary file renamed into place."""
    target = folder / table / f"{part}.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{part}.{os.getpid()}.tmp")
    pq.write_table(data, temporary)
    os.replace(temporary, target)


def _errors_table(errors: list[tuple[SourceError, str]], now: datetime) -> pa.Table:
    return pa.table({
        "run_id": pa.array([0] * len(errors), pa.int32()),
        "source": [e.source for e, _ in errors], "locator": [e.locator for e, _ in errors],
        "stage": [stage for _, stage in errors], "message": [e.message for e, _ in errors],
        "skipped": pa.array([e.skipped for e, _ in errors], pa.bool_()),
        "logged_at": pa.array([now] * len(errors), pa.timestamp("us"))}, schema=ERRORS_SCHEMA)


def write_partition(folder: Path, part: str, docs: list[Document],
                    errors: list[tuple[SourceError, str]]) -> None:
    """Write every table of these documents and errors as partition `part`, inputs last
    (a text read twice in the batch is one document, and two inputs)."""
    now = _now()
    unique = list({d.doc_id: d for d in reversed(docs)}.values())[::-1]
    _write(folder, "documents", part, documents_table(unique, 0, now))
    for table, data in analysis_tables(unique).items():
        _write(folder, table, part, data)
    _write(folder, "actors", part, actors_table(unique))
    _write(folder, "errors", part, _errors_table(errors, now))
    _write(folder, "inputs", part, inputs_table([(d, "stored") for d in docs], 0))


def compute_partition(batch: list[Document], stages: tuple[str, ...], settings: Settings,
                      folder: str) -> Processed:
    """The task a worker runs: compute the batch, write its partition, and return the
    documents without their analyses (the caller only counts them and reports failures),
    with the stages' costs and the partition's as `write`."""
    part = part_name((d.source, d.locator, d.raw_sha) for d in batch)
    done = run_stages(batch, stages, settings)
    ok = [d for d in done if d.error is None]
    errors = [(SourceError(d.source, d.locator, d.error or ""), d.error_stage or "process")
              for d in done if d.error]
    wall, cpu = time.perf_counter(), time.process_time()
    write_partition(Path(folder), part, ok, errors)
    done.seconds["write"] = [time.perf_counter() - wall, time.process_time() - cpu]
    return Processed((Document(d.source, d.locator, b"", d.content_type, text=d.text,
                               doc_id=d.doc_id, error=d.error, error_stage=d.error_stage)
                      for d in done), done.seconds)


def written_inputs(folder: Path) -> set[tuple[str, str, str]]:
    """The inputs of every complete partition in the folder."""
    files = sorted((folder / "inputs").glob("*.parquet"))
    if not files:
        return set()
    table = pq.read_table([str(f) for f in files] if len(files) > 1 else files[0],
                          columns=["source", "locator", "raw_sha"])
    return set(zip(*(table.column(c).to_pylist() for c in table.column_names), strict=True))


def unwritable(folder: str, token: str = "") -> str | None:
    """Why this process can't write partitions into `folder` (or, given the writer's `token`,
    does not see the file the writer left there: not the same folder); None when it can."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".probe.{socket.gethostname()}.{os.getpid()}.tmp"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    if token and not (path / f".writer.{token}.tmp").exists():
        return "it does not see the files the writer put there (not a shared folder)"
    return None


def check_shared_folder(folder: Path, executor: Executor) -> None:
    """Refuse, before any work, a partition folder this process or a Dask worker can't write
    to (a worker on another machine needs a shared file system)."""
    reason = unwritable(str(folder))
    if reason:
        raise ConfigError(f"[E173] --parquet {folder}: can't write there ({reason}).")
    everywhere = getattr(executor, "run_everywhere", None)
    if everywhere is None:  # worker processes on this machine share its file system
        return
    token = os.urandom(8).hex()
    marker = folder / f".writer.{token}.tmp"
    marker.write_bytes(b"")
    try:
        for worker, reason in sorted(everywhere(unwritable, str(folder), token).items()):
            if reason:
                raise ConfigError(f"[E174] --parquet {folder}: dask worker {worker} can't "
                                  f"write there: {reason}; give a folder every worker can "
                                  "write (a shared file system).")
    finally:
        marker.unlink()


def ingest_to_parquet(paths: Iterable[str], folder: str, settings: Settings,
                      executor: Executor,
                      on_progress: Callable[[RunSummary, str], None] | None = None
                      ) -> RunSummary:
    """Read every input under `paths` and have the executor's workers write partitions into
    `folder`; inputs of complete partitions already there are skipped (a resumed run)."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise ConfigError(f"[E146] --parquet {folder} is a file, not a folder.")
    check_shared_folder(out, executor)
    summary = RunSummary()
    started = time.perf_counter()
    seen = written_inputs(out)
    read_errors: list[tuple[SourceError, str]] = []

    def fresh_batches() -> Iterator[list[Document]]:
        for chunk in chunked(read_inputs(paths, settings), settings.batch_size):
            todo = []
            for item in chunk:
                if not read_item(item, summary, read_errors):
                    continue
                if (item.source, item.locator, item.raw_sha) in seen:
                    summary.unchanged += 1
                else:
                    todo.append(item)
            if todo:
                yield todo

    work = partial(compute_partition, stages=DEFAULT_PIPELINE, settings=settings,
                   folder=str(out))
    for batch in executor.map(work, fresh_batches()):
        summary.add_seconds(getattr(batch, "seconds", {}))  # none for a failed batch
        summary.failed += [(d.name, d.error) for d in batch if d.error]
        summary.stored += sum(d.error is None for d in batch)
        summary.words += sum(len(d.text.split()) for d in batch if d.error is None)
        summary.seconds = time.perf_counter() - started
        if on_progress and batch:
            on_progress(summary, batch[-1].name)
    if read_errors:  # the reader's own errors: a partition of errors alone
        part = part_name((e.source, e.locator, e.message) for e, _ in read_errors)
        write_partition(out, "read-" + part, [], read_errors)
    summary.seconds = time.perf_counter() - started
    return summary


def merge(folder: str, store: Store, settings: Settings,
          on_progress: Callable[[RunSummary, str], None] | None = None) -> RunSummary:
    """Load every complete partition of `folder` not merged before into the store."""
    source = Path(folder)
    if not (source / "inputs").is_dir():
        raise ConfigError(f"[E147] {folder} holds no partitions (no inputs/ folder): write "
                          "some with `marea ingest --parquet DIR`.")
    settings = store_encoder(store, settings)
    summary = RunSummary(run_id=store.start_run(f"merge {folder}"))
    started = time.perf_counter()
    status = "failed"
    try:
        with store.io_errors():
            if (source / "sentence_vectors").is_dir():
                remember_encoder(store, settings)  # as the workers were configured
            merged = {str(r[0]) for r in store.query("SELECT part FROM merged_partitions")}
            index = NearDuplicateIndex(settings, store)
            markers = sorted((source / "inputs").glob("*.parquet"),
                             key=lambda f: (f.stat().st_mtime_ns, f.name))
            for marker in markers:  # in the order they were written, as a direct ingest
                if marker.stem in merged:
                    summary.unchanged += pq.read_metadata(marker).num_rows
                    continue
                _merge_part(source, marker.stem, store, index, summary)
                summary.seconds = time.perf_counter() - started
                if on_progress:
                    on_progress(summary, marker.stem)
        refresh_indexes(store)
        status = "done"
    finally:
        close_run(store, summary, status, started)
    return summary


def _merge_part(folder: Path, part: str, store: Store, index: NearDuplicateIndex,
                summary: RunSummary) -> None:
    """Merge one partition in one transaction: new documents (near-duplicates linked) with
    their rows, inputs, actors and errors, and the partition recorded as merged."""
    def path(table: str) -> str:
        return str(folder / table / f"{part}.parquet")

    documents = pq.read_table(path("documents"), columns=["doc_id", "fingerprint", "n_words"])
    existing = store.existing_ids(documents.column("doc_id").to_pylist())
    index.look_up(sig for doc_id, sig in zip(documents.column("doc_id").to_pylist(),
                                             documents.column("fingerprint").to_pylist(),
                                             strict=True) if sig and doc_id not in existing)
    keep: dict[str, str | None] = {}
    for doc_id, signature, words in zip(*(c.to_pylist() for c in documents.columns),
                                        strict=True):
        if doc_id in existing or doc_id in keep:
            summary.duplicates += 1
            continue
        summary.words += words
        keep[doc_id] = index.match(signature) if signature else None
        if signature and keep[doc_id] is None:
            index.add(doc_id, signature)
    kept = pa.table({"doc_id": pa.array(list(keep), pa.string()),
                     "duplicate_of": pa.array(list(keep.values()), pa.string())})
    run_id, now = summary.run_id, _now()
    con = store.con
    with store.transaction():
        con.register("_keep", kept)
        try:
            con.execute("INSERT INTO documents BY NAME SELECT d.* REPLACE (k.duplicate_of AS "
                        "duplicate_of, ? AS run_id, ? AS ingested_at) FROM read_parquet(?) d "
                        "JOIN _keep k USING (doc_id)", [run_id, now, path("documents")])
            for table in ANALYSIS_TABLES:
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet(?) "
                            "WHERE doc_id IN (SELECT doc_id FROM _keep)", [path(table)])
            con.execute(f"INSERT INTO actors BY NAME SELECT * FROM read_parquet(?) {ACTOR_UPSERT}",
                        [path("actors")])
            con.execute("INSERT OR IGNORE INTO inputs BY NAME SELECT * REPLACE (CASE WHEN "
                        "doc_id IN (SELECT doc_id FROM _keep) THEN 'stored' ELSE 'duplicate' "
                        "END AS outcome, ? AS run_id) FROM read_parquet(?)",
                        [run_id, path("inputs")])
            con.execute("INSERT INTO errors BY NAME SELECT * REPLACE (? AS run_id) "
                        "FROM read_parquet(?)", [run_id, path("errors")])
            con.execute("INSERT INTO narrative_inbox SELECT doc_id, sentence, vector FROM "
                        "read_parquet(?) WHERE doc_id IN (SELECT doc_id FROM _keep)",
                        [path("sentence_vectors")])
            store.fill_page_columns(list(keep))
            store.add_to_story_inbox(list(keep))
            keyed = {}  # the columns narrative keys are read from (schema NARRATIVE_KEYS)
            for table, columns in (("tokens", ["lemma", "pos"]), ("mentions", ["actor_id", "text"]),
                                   ("events", ["type"])):
                rows = pq.read_table(path(table), columns=["doc_id", "sentence", *columns])
                keyed[table] = rows.filter(pc.is_in(rows["doc_id"], kept["doc_id"]))
            store.add_narrative_keys(keyed)
            store.count_actors(keyed["mentions"].select(["doc_id", "actor_id"]))
            store.add_near_duplicate_buckets(index.pending)
            con.execute("INSERT INTO merged_partitions VALUES (?, ?, ?)", [part, run_id, now])
        finally:
            con.unregister("_keep")
    index.written()
    summary.stored += len(keep)
    summary.near_duplicates += sum(v is not None for v in keep.values())
