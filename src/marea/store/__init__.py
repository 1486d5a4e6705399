"""The embedded store: a DuckDB file with a versioned schema, written one batch per transaction.

A batch's documents, their spans and the inputs they came from commit together, so a run
killed at any point leaves whole batches only, and the next run skips the inputs recorded.
DuckDB failures (disk full, permissions, a corrupt block) leave a Store as one StoreError
naming the file (`io_errors`, and `with Store(...)` for whatever runs inside the block).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import fields
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from marea.errors import StoreError
from marea.model import (
    ActorRecord,
    Claim,
    Document,
    Event,
    EventMention,
    Frame,
    Mention,
    Sentence,
    SourceError,
    Stance,
    Theme,
    Token,
    Tone,
)
from marea.nlp.encoder import DIMENSIONS, build_of
from marea.settings import Settings, load_settings
from marea.store import dataset, sharing
from marea.store.crash import crash_point
from marea.store.schema import (
    ACTOR_EVENTS,
    CLAIM_KINDS,
    DOCUMENT_TONE,
    LATEST,
    MIGRATIONS,
    NARRATIVE_KEYS,
    SENTENCE_SPANS,
    STANCE_EVIDENCE,
)

__all__ = ["Store", "store_error"]

DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """Store("marea.duckdb")  # opens or creates the file and migrates it to the latest schema

    Store("parts/", read_only=True) opens a Parquet dataset (`ingest --parquet`) instead, in
    memory and read-only (marea.store.dataset; `store.dataset` is then True).

    `store.con` is a connection of the calling thread's own (a DuckDB cursor on the one
    database instance): a DuckDB connection must not be shared by threads, and a server
    answers each request on a pool thread while its writer thread commits batches.
    """

    def __init__(self, path: str | Path, read_only: bool = False,
                 settings: Settings | None = None) -> None:
        self.path = str(path)
        self.read_only = read_only
        self.snapshot: str | None = None  # the server's snapshot read instead of the file
        self.dataset = dataset.is_dataset(self.path)  # Parquet partitions, read in memory
        if self.dataset:
            if not read_only:
                raise dataset.read_only_error(self.path)
            self._root = _connect(":memory:", False)
        else:
            _check_file(self.path, read_only)
            try:
                self._root = _connect(self.path, read_only)
            except duckdb.Error as exc:
                if not sharing.locked(exc):
                    raise StoreError(f"[E020] Can't open store {self.path}: "
                                     f"{_first_line(exc)}") from exc
                self._root = self._open_shared(exc)
        self._local = threading.local()
        self._owner = threading.get_ident()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self._closed = False
        with self.io_errors():
            if self.dataset:
                self._migrate()  # the empty schema, then the dataset's rows in its tables
                dataset.attach(self, settings or load_settings())
            elif not read_only:
                self._migrate()
            elif self.version() == 0:
                raise StoreError(f"[E021] {self.path} is not a marea store "
                                 "(run `marea ingest`).")

    def _open_shared(self, exc: duckdb.Error) -> duckdb.DuckDBPyConnection:
        """The store is held by another process: read the snapshot its server publishes, or
        say in one line who holds it and what to do instead."""
        server = sharing.server_of(self.path)
        snapshot = sharing.snapshot_path(self.path)
        if server and not self.read_only:
            raise StoreError(
                f"[E160] Store {self.path} is held by `marea serve` at {server['url']}: "
                f"ingest through it with `marea ingest --server {server['url']} PATH...` "
                "(token in $MAREA_TOKEN).") from exc
        if server and snapshot.is_file():
            try:
                connection = _connect(str(snapshot), True)
            except duckdb.Error as again:
                raise store_error(str(snapshot), again) from again
            self.snapshot = str(snapshot)
            return connection
        holder = re.search(r"\(PID (\d+)\)", str(exc))
        raise StoreError(
            f"[E161] Store {self.path} is in use by another process"
            f"{f' (PID {holder.group(1)})' if holder else ''}: DuckDB lets only one process "
            "open a store to write; close it and retry.") from exc

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """This thread's connection: the root one in the opening thread, a cursor elsewhere."""
        if threading.get_ident() == self._owner:
            return self._root
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self.cursor()
            with self._lock:
                self._cursors.append(cursor)
            self._local.cursor = cursor
        return cursor

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on the store: DuckDB starts one in the in-memory database the store
        file is attached to (`_connect`), so it is pointed at the store first."""
        with self._lock:
            cursor = self._root.cursor()
        if not self.dataset and self.path != ":memory:":  # those two attach no file
            cursor.execute(f"USE {DATABASE}")
        return cursor

    def close(self) -> None:
        """Close, writing the WAL into the file first so a full disk is reported, not ignored."""
        if self._closed:
            return
        self._closed = True
        with self._lock:
            for cursor in self._cursors:
                cursor.close()
            self._cursors.clear()
        try:
            with self.io_errors():
                if not self.read_only:
                    self._root.execute("CHECKPOINT")
        finally:
            self._root.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        """Close; a DuckDB failure inside the block leaves as a one-line StoreError."""
        try:
            self.close()
        except StoreError:
            if error is None:
                raise
        if isinstance(error, duckdb.Error):
            raise store_error(self.path, error) from error

    @contextmanager
    def io_errors(self) -> Iterator[None]:
        """Turn DuckDB failures (disk full, permissions, a corrupt block) into StoreError."""
        try:
            yield
        except duckdb.Error as exc:
            raise store_error(self.path, exc) from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN ... COMMIT; on any failure roll back (when DuckDB has not already) and raise."""
        self.con.execute("BEGIN")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            with suppress(duckdb.Error):  # a failed COMMIT has already ended the transaction
                self.con.execute("ROLLBACK")
            raise

    def require_merged(self, what: str) -> None:
        """Refuse, in one line, what needs a table only `marea merge` computes (the text and
        vector indexes, stories, narratives) when this is a Parquet dataset."""
        if self.dataset:
            raise StoreError(f"[E177] {what} needs what `marea merge` computes over the whole "
                             f"corpus; {self.path} is a Parquet dataset: load it into a store "
                             f"with `marea merge {self.path} --db FILE` and open FILE.")

    # -- schema ---------------------------------------------------------------------------
    def version(self) -> int:
        """Return the schema version of the file, 0 for an empty file."""
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def _migrate(self) -> None:
        current = self.version()
        if current > LATEST:
            raise StoreError(
                f"[E022] {self.path} has schema version {current}, newer than this marea "
                f"({LATEST}). Upgrade marea."
            )
        for number in range(current + 1, LATEST + 1):
            with self.transaction():
                if number == 1:
                    self.con.execute(
                        "CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)"
                    )
                self.con.execute(MIGRATIONS[number])
                self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, _now()])

    # -- encoder ---------------------------------------------------------------------------
    def encoder(self) -> str | None:
        """Return the encoder that made the stored sentence vectors (None before any)."""
        if self.dataset or not self.query(  # read-only, not yet migrated: none recorded
                "SELECT 1 FROM duckdb_tables() WHERE table_name = 'store_encoder'"):
            return None
        rows = self.query("SELECT name FROM store_encoder")
        return str(rows[0][0]) if rows else None

    def encoder_build(self) -> str | None:
        """Return the checksum of the weights that made the stored vectors (None when the
        encoder is not a packaged one, or before any)."""
        if self.encoder() is None:
            return None
        rows = self.query("SELECT build FROM store_encoder")
        return str(rows[0][0]) if rows and rows[0][0] is not None else None

    def record_encoder(self, name: str) -> None:
        """Remember the encoder of the store's vectors, and its build (after a run that made
        them all)."""
        with self.io_errors(), self.transaction():
            self.con.execute("DELETE FROM store_encoder")
            self.con.execute("INSERT INTO store_encoder VALUES (?, ?)", [name, build_of(name)])

    # -- runs -----------------------------------------------------------------------------
    def start_run(self, command: str) -> int:
        """Record a new run (marking runs left 'running' by a killed process) and return its id."""
        with self.io_errors():
            self.mark_interrupted()
            row = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            run_id = int(row[0]) if row else 1
            self.con.execute(
                "INSERT INTO runs (run_id, command, started_at, status) "
                "VALUES (?, ?, ?, 'running')", [run_id, command, _now()],
            )
        return run_id

    def mark_interrupted(self) -> int:
        """Mark runs left 'running' (their process was killed) as 'interrupted'; say how many."""
        row = self.con.execute("UPDATE runs SET status = 'interrupted' "
                               "WHERE status = 'running'").fetchone()
        return int(row[0]) if row else 0

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        with self.io_errors():
            self.con.execute(
                "UPDATE runs SET finished_at = ?, status = ?, stored = ?, near_duplicates = ?, "
                "duplicates = ?, unchanged = ?, failed = ?, skipped = ? WHERE run_id = ?",
                [_now(), status, counts["stored"], counts["near_duplicates"],
                 counts["duplicates"], counts["unchanged"], counts["failed"], counts["skipped"],
                 run_id],
            )

    # -- lookups before writing -----------------------------------------------------------
    def seen_inputs(self, docs: Iterable[Document]) -> set[tuple[str, str, str]]:
        """Return the (source, locator, raw_sha) keys of these inputs already recorded."""
        keys = [(d.source, d.locator, d.raw_sha) for d in docs]
        if not keys:
            return set()
        table = pa.table({"source": [k[0] for k in keys], "locator": [k[1] for k in keys],
                          "raw_sha": [k[2] for k in keys]})
        self.con.register("_keys", table)
        try:
            rows = self.con.execute(
                "SELECT i.source, i.locator, i.raw_sha FROM inputs i "
                "JOIN _keys k USING (source, locator, raw_sha)"
            ).fetchall()
        finally:
            self.con.unregister("_keys")
        return {(r[0], r[1], r[2]) for r in rows}

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Return which of these document ids are stored."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        self.con.register("_wanted", pa.table({"doc_id": pa.array(wanted, pa.string())}))
        try:  # a semi-join, as in fill_page_columns
            rows = self.con.execute(
                "SELECT doc_id FROM documents WHERE doc_id IN (SELECT doc_id FROM _wanted)"
            ).fetchall()
        finally:
            self.con.unregister("_wanted")
        return {r[0] for r in rows}

    def fingerprints(self) -> Iterator[tuple[str, bytes]]:
        """Yield (doc_id, MinHash signature) of every stored original (not near-duplicate), in
        order of storing, through a cursor of its own (the caller may write meanwhile)."""
        cursor = self.cursor()
        try:
            cursor.execute(
                "SELECT doc_id, fingerprint FROM documents WHERE fingerprint IS NOT NULL "
                "AND duplicate_of IS NULL ORDER BY run_id, doc_id")
            while rows := cursor.fetchmany(10_000):
                yield from ((r[0], bytes(r[1])) for r in rows)
        finally:
            cursor.close()

    # -- near-duplicate buckets (marea.ingest.dedup) ----------------------------------------
    def near_duplicate_scheme(self) -> tuple[int, int] | None:
        """(bands, rows per band) the stored buckets were made with; None before any."""
        row = self.con.execute("SELECT bands, band_rows FROM near_duplicate_scheme").fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def near_duplicate_next_seq(self) -> int:
        row = self.con.execute("SELECT coalesce(max(seq) + 1, 0) FROM near_duplicate_buckets"
                               ).fetchone()
        return int(row[0]) if row else 0

    def near_duplicate_candidates(self, buckets: list[int]) -> list[tuple[int, int, str]]:
        """(bucket, seq, doc_id) of the earliest stored original in each of these buckets
        (the only one a match can name: a bucket shared by many originals returns one row)."""
        if not buckets:
            return []
        self.con.register("_wanted", pa.table({"bucket": pa.array(buckets, pa.int64())}))
        try:
            rows = self.con.execute(
                "SELECT bucket, min(seq), arg_min(doc_id, (seq, doc_id)) "
                "FROM near_duplicate_buckets WHERE bucket IN (SELECT bucket FROM _wanted) "
                "GROUP BY bucket").fetchall()
        finally:
            self.con.unregister("_wanted")
        return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]

    def clear_near_duplicates(self, bands: int, rows: int) -> None:
        """Drop every bucket and record the scheme the next ones are made with."""
        self.con.execute("DELETE FROM near_duplicate_buckets")
        self.con.execute("DELETE FROM near_duplicate_scheme")
        self.con.execute("INSERT INTO near_duplicate_scheme VALUES (?, ?)", [bands, rows])

    def add_near_duplicate_buckets(self, rows: list[tuple[int, str, int]]) -> None:
        """Insert (bucket, doc_id, seq) rows (inside the caller's transaction)."""
        if rows:
            self._insert("near_duplicate_buckets", pa.table({
                "bucket": pa.array([r[0] for r in rows], pa.int64()),
                "doc_id": pa.array([r[1] for r in rows], pa.string()),
                "seq": pa.array([r[2] for r in rows], pa.int64())}))

    # -- writing --------------------------------------------------------------------------
    def fill_page_columns(self, doc_ids: list[str]) -> None:
        """Copy each stance's strongest cue and each claim's kinds as a list onto their rows,
        each document's sentence offsets into `sentence_spans`, its own tone into
        `document_tone` and its events under each actor into `actor_events` (what listing
        pages and search snippets read without joining or scanning), for these documents.
        Each table is filtered by a semi-join with the ids: list_contains(?, doc_id) compares
        every row with every id (2.5 s against 0.04 s for 40 ids over 264k sentences)."""
        self.con.register("_page_docs", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        docs = "doc_id IN (SELECT doc_id FROM _page_docs)"
        try:
            self.con.execute(STANCE_EVIDENCE.format(docs=docs, stances=f"stances.{docs}"))
            self.con.execute(CLAIM_KINDS.format(docs=docs))
            self.con.execute(SENTENCE_SPANS.format(docs=docs))
            self.con.execute(f"DELETE FROM document_tone WHERE {docs}")
            self.con.execute(DOCUMENT_TONE.format(docs=docs))
            self.con.execute(f"DELETE FROM actor_events WHERE {docs}")
            self.con.execute(ACTOR_EVENTS.format(docs=f"e.{docs}"))
        finally:
            self.con.unregister("_page_docs")

    def add_to_story_inbox(self, doc_ids: list[str]) -> None:
        """Note documents whose events were written or deleted, for the next stories refresh
        (marea.events.stories), inside the caller's transaction."""
        self._insert("story_inbox", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))

    def add_narrative_keys(self, tables: dict[str, pa.Table]) -> None:
        """Record what the next narratives update counts of these rows' sentences (their
        `tokens`, `mentions` and `events` tables: schema NARRATIVE_KEYS), inside the caller's
        transaction; the update keeps those of the sentences it pools."""
        names = ("tokens", "mentions", "events")
        for name in names:
            self.con.register(f"_{name}", tables[name])
        try:
            self.con.execute("INSERT INTO narrative_keys " + NARRATIVE_KEYS.format(
                only="", **{name: f"_{name}" for name in names}))
        finally:
            for name in names:
                self.con.unregister(f"_{name}")

    def count_actors(self, mentions: pa.Table | str, sign: int = 1) -> None:
        """Add to `actor_stats` (sign -1: take away) the mentions and documents of these
        mention rows (doc_id, actor_id), an arrow table or a query. Called with each write,
        in its transaction, so the counts follow the store without recounting it; the
        documents of one call are disjoint from those counted before."""
        table = isinstance(mentions, pa.Table)
        if table:
            self.con.register("_counted", mentions)
        try:
            self.con.execute(
                f"INSERT INTO actor_stats SELECT actor_id, {sign} * count(*), "
                f"{sign} * count(DISTINCT doc_id) FROM {'_counted' if table else f'({mentions})'} "
                "WHERE actor_id IS NOT NULL "
                "GROUP BY actor_id ON CONFLICT (actor_id) DO UPDATE SET "
                "mentions = actor_stats.mentions + excluded.mentions, "
                "documents = actor_stats.documents + excluded.documents")
        finally:
            if table:
                self.con.unregister("_counted")
        if sign < 0:
            self.con.execute("DELETE FROM actor_stats WHERE mentions <= 0")

    def write_batch(self, run_id: int, docs: list[Document],
                    duplicates: list[Document], errors: list[tuple[SourceError, str]],
                    buckets: list[tuple[int, str, int]] | None = None,
                    tables: dict[str, pa.Table] | None = None) -> None:
        """Store documents with their spans, near-duplicate buckets (bucket, doc_id, seq),
        inputs seen and errors, in one transaction. `tables`: the analysis tables made where
        the documents were computed (`pipeline.compute_batch`), of these documents and maybe
        others; without them they are made here from the documents."""
        now = _now()
        with self.io_errors(), self.transaction():
            if docs:
                self._insert("documents", documents_table(docs, run_id, now))
                analyses = (analysis_tables(docs) if tables is None else
                            rows_of(tables, [d.doc_id for d in docs]))
                for table, data in analyses.items():
                    self._insert(table, data)
                # the vectors the next narratives update assigns (opinion/narratives.py)
                self._insert("narrative_inbox", analyses["sentence_vectors"])
                self.add_narrative_keys(analyses)
                self.add_to_story_inbox([d.doc_id for d in docs])
                self._upsert_actors(docs)
                self.fill_page_columns([d.doc_id for d in docs])
                self.count_actors(analyses["mentions"])
            self.add_near_duplicate_buckets(buckets or [])
            inputs = [(d, "stored") for d in docs] + [(d, "duplicate") for d in duplicates]
            if inputs:
                self._insert("inputs", inputs_table(inputs, run_id), conflict="OR IGNORE")
            self._insert_errors(run_id, errors, now)
            crash_point("batch-commit")

    # -- what was fetched from the web --------------------------------------------------------
    def known_url(self, url: str) -> bool:
        """Whether a document read from this URL (or answered at it) is stored."""
        row = self.con.execute(
            "SELECT EXISTS (SELECT 1 FROM inputs WHERE source = ?) "
            "OR EXISTS (SELECT 1 FROM documents WHERE url = ?)", [url, url]).fetchone()
        return bool(row and row[0])

    def fetch_validators(self) -> dict[str, tuple[str | None, str | None]]:
        """ETag and Last-Modified of every feed or sitemap read before, by URL."""
        rows = self.con.execute("SELECT url, etag, last_modified FROM fetch_state").fetchall()
        return {str(r[0]): (r[1], r[2]) for r in rows}

    def save_fetch_state(self, responses: Iterable[Any]) -> None:
        """Remember feeds and sitemaps read, once the documents they listed are stored."""
        with self.io_errors(), self.transaction():
            for r in responses:
                self.con.execute(
                    "INSERT OR REPLACE INTO fetch_state VALUES (?, ?, ?, ?, ?, ?)",
                    [r.url, r.final_url, r.status, r.headers.get("etag"),
                     r.headers.get("last-modified"), r.fetched_at])

    # -- watched sources and their alerts ---------------------------------------------------------
    def register_sources(self, sources: Iterable[Any]) -> None:
        """Add or update the watched sources, keeping each one's poll history."""
        with self.io_errors(), self.transaction():
            for s in sources:
                self.con.execute(
                    "INSERT INTO sources VALUES (?, ?, ?, ?, ?, NULL, 0, 0, 0, NULL) "
                    "ON CONFLICT (name) DO UPDATE SET site = excluded.site, "
                    "language = excluded.language, urls = excluded.urls, "
                    "interval_seconds = excluded.interval_seconds",
                    [s.name, s.site, s.language, list(s.urls), s.interval_seconds])

    def next_polls(self, intervals: dict[str, float]) -> dict[str, float]:
        """Seconds until each source is due (0 or less: due now), from its last poll."""
        rows = dict(self.con.execute(
            "SELECT name, epoch(last_poll) FROM sources WHERE list_contains(?, name)",
            [list(intervals)]).fetchall())
        now = time.time()
        return {name: (rows[name] + every - now) if rows.get(name) is not None else 0.0
                for name, every in intervals.items()}

    def record_poll(self, source: Any, items: int, errors: int, last_error: str | None) -> None:
        self.con.execute(
            "UPDATE sources SET last_poll = ?, polls = polls + 1, items = items + ?, "
            "errors = errors + ?, last_error = coalesce(?, last_error) WHERE name = ?",
            [_now(), items, errors, last_error, source.name])

    def save_alerts(self, run_id: int, alerts: list[dict[str, Any]]) -> None:
        now = _now()
        with self.io_errors(), self.transaction():
            for a in alerts:
                self.con.execute(
                    "INSERT INTO alerts (created_at, run_id, kind, subject, message, doc_id, "
                    "start_char, end_char, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [now, run_id, a["kind"], a["subject"], a["message"], a["doc_id"],
                     a["start_char"], a["end_char"], json.dumps(a["detail"])])

    def replace_analyses(self, run_id: int, docs: list[Document], tables: Iterable[str],
                         columns: Iterable[str], task: str,
                         errors: list[tuple[SourceError, str]]) -> None:
        """Replace these documents' rows in `tables` and their `columns` of `documents` with
        what re-run stages found, and record them done for reanalysis `task`, in one
        transaction (`marea reanalyse`)."""
        now = _now()
        columns = list(columns)
        with self.io_errors(), self.transaction():
            if docs:
                ids = pa.table({"doc_id": pa.array([d.doc_id for d in docs], pa.string())})
                built = analysis_tables(docs)
                self.con.register("_ids", ids)
                try:
                    for table in tables:
                        if table == "mentions":
                            self.count_actors("SELECT doc_id, actor_id FROM mentions "
                                              "WHERE doc_id IN (SELECT doc_id FROM _ids)", -1)
                            self.count_actors(built[table])
                        self.con.execute(f"DELETE FROM {table} WHERE doc_id IN "
                                         "(SELECT doc_id FROM _ids)")
                        self._insert(table, built[table])
                finally:
                    self.con.unregister("_ids")
                if "events" in tables:
                    self.add_to_story_inbox([d.doc_id for d in docs])
                if columns:
                    self.con.register("_batch", documents_table(docs, run_id, now))
                    try:
                        self.con.execute(
                            "UPDATE documents SET " + ", ".join(f"{c} = b.{c}" for c in columns)
                            + " FROM _batch b WHERE documents.doc_id = b.doc_id")
                    finally:
                        self.con.unregister("_batch")
                self._upsert_actors(docs)
                self.fill_page_columns([d.doc_id for d in docs])
                self._insert("reanalysed", pa.table({
                    "task": pa.array([task] * len(docs), pa.string()), "doc_id": ids["doc_id"]}),
                    conflict="OR IGNORE")
            self._insert_errors(run_id, errors, now)
            crash_point("reanalyse-batch-commit")

    def replace_documents(self, run_id: int, renamed: list[tuple[str, Document]],
                          task: str) -> None:
        """Replace documents whose clean text changed (`marea reanalyse` cleaning again) by
        their new versions, in one transaction: the old id's rows go, the new document and
        its rows come (unless a document with its new id is already stored), and inputs and
        near-duplicate links follow the new id."""
        if not renamed:
            return
        now = _now()
        with self.io_errors(), self.transaction():
            moved = pa.table({"old": pa.array([old for old, _ in renamed], pa.string()),
                              "new": pa.array([d.doc_id for _, d in renamed], pa.string())})
            self.con.register("_moved", moved)
            try:
                self.count_actors("SELECT doc_id, actor_id FROM mentions "
                                  "WHERE doc_id IN (SELECT old FROM _moved)", -1)
                for table in ("documents", *analysis_tables([])):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN "
                                     "(SELECT old FROM _moved)")
                existing = self.existing_ids(d.doc_id for _, d in renamed)
                fresh = list({d.doc_id: d for _, d in renamed
                              if d.doc_id not in existing}.values())
                if fresh:
                    self._insert("documents", documents_table(fresh, run_id, now))
                    built = analysis_tables(fresh)
                    for table, data in built.items():
                        self._insert(table, data)
                    self.count_actors(built["mentions"])
                    self._upsert_actors(fresh)
                    self.fill_page_columns([d.doc_id for d in fresh])
                self.con.execute("UPDATE inputs SET doc_id = m.new FROM _moved m "
                                 "WHERE inputs.doc_id = m.old")
                self.con.execute("UPDATE documents SET duplicate_of = m.new FROM _moved m "
                                 "WHERE documents.duplicate_of = m.old")
                # the old id's vectors leave the vector index's key table; the new one is
                # indexed by the next refresh
                self.con.execute("DELETE FROM doc_keys WHERE doc_id IN (SELECT old FROM _moved)")
                for table in ("sentence_spans", "document_tone", "actor_events"):
                    self.con.execute(f"DELETE FROM {table} WHERE doc_id IN "
                                     "(SELECT old FROM _moved)")
                for table in ("near_duplicate_buckets", "narrative_pool", "narrative_inbox",
                              "narrative_keys"):
                    self.con.execute(f"UPDATE {table} SET doc_id = m.new FROM _moved m "
                                     f"WHERE {table}.doc_id = m.old")
            finally:
                self.con.unregister("_moved")
            done = [old for old, _ in renamed] + [d.doc_id for _, d in renamed]
            self.add_to_story_inbox(done)  # the old id's events are gone, the new one's came
            self._insert("reanalysed", pa.table({
                "task": pa.array([task] * len(done), pa.string()),
                "doc_id": pa.array(done, pa.string())}), conflict="OR IGNORE")

    def _insert_errors(self, run_id: int, errors: list[tuple[SourceError, str]],
                       now: datetime) -> None:
        for error, stage in errors:
            self.con.execute(
                "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, ?)",
                [run_id, error.source, error.locator, stage, error.message, error.skipped, now],
            )


    # -- refresh state: what the corpus-wide summaries were last computed from ------------------
    def documents_state(self) -> tuple[int, int]:
        """(count, XOR of hashed ids) of the stored documents: changes whenever the set does."""
        row = self.con.execute(
            "SELECT count(*), coalesce(bit_xor(hash(doc_id)), 0) FROM documents").fetchone()
        return (int(row[0]), int(row[1])) if row else (0, 0)

    def refreshed(self) -> dict[str, tuple[int, int]]:
        """The documents state each refresh step last completed against, by step."""
        rows = self.con.execute("SELECT step, documents, digest FROM refresh_state").fetchall()
        return {str(r[0]): (int(r[1]), int(r[2])) for r in rows}

    def mark_refreshed(self, step: str, state: tuple[int, int]) -> None:
        self.con.execute("INSERT OR REPLACE INTO refresh_state VALUES (?, ?, ?, ?)",
                         [step, state[0], state[1], _now()])

    def _upsert_actors(self, docs: list[Document]) -> None:
        """Insert or refresh the actors these documents mention (the knowledge base may grow)."""
        rows = actors_table(docs)
        if rows.num_rows:
            self._insert("actors", rows, upsert=ACTOR_UPSERT)

    def _insert(self, table: str, data: pa.Table, conflict: str = "", upsert: str = "") -> None:
        self.con.register("_batch", data)
        try:
            columns = ", ".join(data.column_names)
            self.con.execute(
                f"INSERT {conflict} INTO {table} ({columns}) SELECT {columns} FROM _batch {upsert}"
            )
        finally:
            self.con.unregister("_batch")

    # -- reading --------------------------------------------------------------------------
    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run a parameterised read query and return its rows."""
        return self.con.execute(sql, params or []).fetchall()

    def resolve_doc_id(self, prefix: str) -> str:
        """Return the one document id starting with `prefix`; StoreError if none or several.
        A whole id is looked up through the documents' key first (no scan)."""
        rows = (self.query("SELECT doc_id FROM documents WHERE doc_id = ?", [prefix])
                or self.query("SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) "
                              "LIMIT 2", [prefix]))
        if len(rows) != 1:
            what = "no document" if not rows else "several documents"
            raise StoreError(f"[E023] {what} with an id starting '{prefix}' in this store")
        return str(rows[0][0])


# DuckDB 1.5.5's parallel window operator sometimes fails a query computing `count(*) OVER ()`
# with "INTERNAL Error: Attempted to access index 0 within vector of size 0" and then
# invalidates the whole database (every later query of every cursor fails until the process
# restarts). It happens in one thread with no writer at all (the listing of an actor's stories
# failed once in a few hundred runs), more often under load. One thread per query avoids it
# (tens of thousands of runs clean); DuckDB 1.5.6 fixes it, but duckdb-extension-fts (the
# stemmer) has no 1.5.6 build and refuses to load into it. Drop this with that upgrade.
QUERY_THREADS = 1

# DuckDB checkpoints once its write-ahead log passes this; until then the tables' new rows
# stay in its memory: at its 16MB default 130-140MB by the fourth 32-article batch of an
# ingest, under which the next batch's spaCy peak came; at 4MB about one batch's rows.
CHECKPOINT_WAL = "4MB"
# DuckDB allocates through its own jemalloc, which keeps the pages it frees (the rows a
# checkpoint wrote out, a query's hash tables) resident until the same thread allocates
# again; with one query thread that can be never, so a checkpoint alone did not lower RSS.
# jemalloc's background thread gives them back about a second after they are freed. With
# both, peak RSS of benchmarks/ingest.py's 300-article ingest stays flat after its first
# batch (figures in its docstring).
ALLOCATOR_BACKGROUND_THREADS = True


# Rows per row group of the rows this process writes (DuckDB's default: 122,880). A
# checkpoint rewrites the row group that new rows were appended to, whole: at the default
# that was the entire `documents` table (text and raw bytes) of any store under 122,880
# documents, so each checkpoint of an ingest wrote 135 MB at 10k documents and grew with the
# store. At 8192 a checkpoint after 32 new documents wrote 0.1-3.5 MB into a copy of that
# store (its old row group counts as full; benchmarks/incremental.py's docstring).
ROW_GROUP_ROWS = 8192
DATABASE = "store"  # the name the store file is attached under


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the store file attached (with ROW_GROUP_ROWS) and in use.
    Spilled query data goes beside the file (STORE.tmp), as when DuckDB opens the file
    itself: an in-memory database would put it in `.tmp` of the working directory."""
    config: dict[str, Any] = {"autoinstall_known_extensions": False,
                              "autoload_known_extensions": False,
                              "threads": QUERY_THREADS,
                              "checkpoint_threshold": CHECKPOINT_WAL,
                              "allocator_background_threads": ALLOCATOR_BACKGROUND_THREADS}
    if path == ":memory:":
        return duckdb.connect(":memory:", config=config)
    con = duckdb.connect(":memory:", config={**config, "temp_directory": path + ".tmp"})
    try:
        con.execute("ATTACH '" + path.replace("'", "''") + f"' AS {DATABASE} "
                    f"(ROW_GROUP_SIZE {ROW_GROUP_ROWS}{', READ_ONLY' if read_only else ''})")
        con.execute(f"USE {DATABASE}")
    except duckdb.Error:
        con.close()
        raise
    return con


def store_error(path: str, exc: BaseException) -> StoreError:
    """The one-line error for a store that failed under DuckDB: the file and the reason."""
    return StoreError(f"[E027] Store {path} failed: {_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _check_file(path: str, read_only: bool) -> None:
    """Refuse a missing store when reading, and a file that is not DuckDB's, before DuckDB
    guesses its format (it would reach for the SQLite extension)."""
    if path == ":memory:":
        return
    if not os.path.exists(path):
        if read_only:
            raise StoreError(f"[E025] No store at {path}: run `marea ingest` first.")
        return
    try:
        with open(path, "rb") as file:
            head = file.read(16)
    except OSError as exc:
        raise StoreError(f"[E020] Can't open store {path}: {exc.strerror}") from exc
    if head and head[8:12] != DUCKDB_MAGIC:
        what = "a SQLite database" if head.startswith(b"SQLite format 3") else "unknown content"
        raise StoreError(f"[E026] {path} is not a marea store: {what}, not a DuckDB file.")


def inputs_table(inputs: list[tuple[Document, str]], run_id: int) -> pa.Table:
    """Rows of `inputs`: each input read and its outcome (stored, duplicate)."""
    return pa.table({
        "source": pa.array([d.source for d, _ in inputs], pa.string()),
        "locator": pa.array([d.locator for d, _ in inputs], pa.string()),
        "raw_sha": pa.array([d.raw_sha for d, _ in inputs], pa.string()),
        "doc_id": pa.array([d.doc_id for d, _ in inputs], pa.string()),
        "outcome": pa.array([o for _, o in inputs], pa.string()),
        "run_id": pa.array([run_id] * len(inputs), pa.int32()),
    })


# An actor written again is described anew, but keeps a country (and code) a document stated
# when the new description has none.
ACTOR_UPSERT = ("ON CONFLICT (actor_id) DO UPDATE SET type = excluded.type, name = excluded.name, "
                "country = coalesce(excluded.country, country), "
                "cameo = coalesce(excluded.cameo, cameo), origin = excluded.origin, "
                "aliases = excluded.aliases, roles = excluded.roles")


def actors_table(docs: list[Document]) -> pa.Table:
    """Rows of `actors`: every actor these documents mention, once (with a country when one
    document states it: "Japanese Prime Minister X" in one, "X" alone in another)."""
    found: dict[str, ActorRecord] = {}
    for actor in (a for d in docs for a in d.actors):
        if actor.actor_id not in found or found[actor.actor_id].country is None:
            found[actor.actor_id] = actor
    rows = list(found.values())
    return pa.table({
        "actor_id": pa.array([a.actor_id for a in rows], pa.string()),
        "type": pa.array([a.type for a in rows], pa.string()),
        "name": pa.array([a.name for a in rows], pa.string()),
        "country": pa.array([a.country for a in rows], pa.string()),
        "cameo": pa.array([a.cameo for a in rows], pa.string()),
        "origin": pa.array([a.origin for a in rows], pa.string()),
        "aliases": pa.array([json.dumps(list(a.aliases), ensure_ascii=False) for a in rows],
                            pa.string()),
        "roles": pa.array([a.roles for a in rows], pa.string()),
    })


_META_COLUMNS = ("title", "author", "published", "site", "url", "kind")


def documents_table(docs: list[Document], run_id: int, now: datetime) -> pa.Table:
    def meta(key: str) -> list[str | None]:
        return [(str(d.metadata[key]) if d.metadata.get(key) else None) for d in docs]

    columns: dict[str, Any] = {
        "doc_id": [d.doc_id for d in docs],
        "source": [d.source for d in docs],
        "locator": [d.locator for d in docs],
        "raw_sha": [d.raw_sha for d in docs],
        "raw": pa.array([d.raw for d in docs], pa.binary()),
        "content_type": [d.content_type for d in docs],
    }
    columns.update({key: meta(key) for key in _META_COLUMNS})
    columns.update({
        "language": [d.language for d in docs],
        "language_detected": [d.language_detected for d in docs],
        "language_confidence": pa.array([d.language_confidence for d in docs], pa.float64()),
        "text": [d.text for d in docs],
        "n_chars": pa.array([len(d.text) for d in docs], pa.int32()),
        "n_words": pa.array([len(d.text.split()) for d in docs], pa.int32()),
        "duplicate_of": pa.array([d.duplicate_of for d in docs], pa.string()),
        "opinion_score": pa.array([d.opinion_score for d in docs], pa.float64()),
        "domain": pa.array([d.domain for d in docs], pa.string()),
        "domain_score": pa.array([d.domain_score for d in docs], pa.float64()),
        "fingerprint": pa.array([d.fingerprint or None for d in docs], pa.binary()),
        "metadata": [json.dumps(d.metadata, ensure_ascii=False, default=str) for d in docs],
        "run_id": pa.array([run_id] * len(docs), pa.int32()),
        "ingested_at": pa.array([now] * len(docs), pa.timestamp("us")),
    })
    return pa.table(columns)


# table, Document attribute, item class: one row per item, columns named after its fields
ITEM_TABLES = (("sentences", "sentences", Sentence), ("tokens", "tokens", Token),
               ("mentions", "mentions", Mention), ("events", "events", Event),
               ("tone", "tone", Tone), ("themes", "themes", Theme),
               ("stances", "stances", Stance), ("frames", "frames", Frame),
               ("claims", "claims", Claim))
_COLUMN_NAMES = {"start": "start_char", "end": "end_char"}
_ARROW_TYPES = {"int": pa.int32(), "float": pa.float64(), "bool": pa.bool_()}


def _items_table(docs: list[Document], attr: str, item: type) -> pa.Table:
    """Return the items of one kind (sentences, events, stances...) as rows of its table.

    Columns are the item's scalar fields (start/end renamed start_char/end_char) plus
    doc_id and idx, the item's position in the document; list fields are left out.
    """
    hints = {f.name: str(f.type).split(" | ")[0] for f in fields(item)}
    names = [name for name, hint in hints.items() if not hint.startswith("list")]
    items = [getattr(doc, attr) for doc in docs]
    get = attrgetter(*names)  # one tuple of field values per item (a table has 2+ fields)
    values = list(zip(*(get(value) for found in items for value in found), strict=True)) or [
        ()] * len(names)
    columns = {"doc_id": pa.array([doc.doc_id for doc, found in zip(docs, items, strict=True)
                                   for _ in found], pa.string()),
               "idx": pa.array([index for found in items for index in range(len(found))],
                               pa.int32())}
    for name, column in zip(names, values, strict=True):
        columns[_COLUMN_NAMES.get(name, name)] = pa.array(
            column, _ARROW_TYPES.get(hints[name], pa.string()))
    return pa.table(columns)


def analysis_tables(docs: list[Document]) -> dict[str, pa.Table]:
    """Every per-document table but `documents` itself, as rows of these documents."""
    tables = {table: _items_table(docs, attr, item) for table, attr, item in ITEM_TABLES}
    tables["stance_cues"] = _stance_cues_table(docs)
    tables["event_mentions"] = _event_mentions_table(docs)
    tables["sentence_vectors"] = _vectors_table(docs)
    return tables


def rows_of(tables: dict[str, pa.Table], doc_ids: list[str]) -> dict[str, pa.Table]:
    """The rows of these documents in each table, in the tables' order."""
    wanted = pa.array(doc_ids, pa.string())
    return {name: table.filter(pc.is_in(table["doc_id"], value_set=wanted))
            for name, table in tables.items()}


def _stance_cues_table(docs: list[Document]) -> pa.Table:
    """The evidence of every stance, one row per cue, keyed by document and actor."""
    rows: list[tuple[Any, ...]] = [
        (doc.doc_id, index, stance.actor_id, cue.sentence, cue.start, cue.end, cue.kind,
         cue.cue, cue.weight)
        for doc in docs for stance in doc.stances for index, cue in enumerate(stance.cues)]
    names = ("doc_id", "idx", "actor_id", "sentence", "start_char", "end_char", "kind", "cue",
             "weight")
    types = (pa.string(), pa.int32(), pa.string(), pa.int32(), pa.int32(), pa.int32(),
             pa.string(), pa.string(), pa.float64())
    return pa.table({name: pa.array([r[i] for r in rows], types[i])
                     for i, name in enumerate(names)})


def _event_mentions_table(docs: list[Document]) -> pa.Table:
    """Every report of every event, keyed by document and event index; an event without
    merged reports (an extractor run alone) has its own span as its one report."""
    rows: list[tuple[Any, ...]] = []
    for doc in docs:
        for index, event in enumerate(doc.events):
            reports = event.mentions or [EventMention(event.sentence, event.start, event.end,
                                                      event.trigger, event.date,
                                                      event.date_basis)]
            for number, m in enumerate(reports):
                rows.append((doc.doc_id, index, number, m.sentence, m.start, m.end, m.trigger,
                             m.date, m.date_basis))
    names = ("doc_id", "event", "idx", "sentence", "start_char", "end_char", "trigger", "date",
             "date_basis")
    types = (pa.string(), pa.int32(), pa.int32(), pa.int32(), pa.int32(), pa.int32(),
             pa.string(), pa.string(), pa.string())
    return pa.table({name: pa.array([r[i] for r in rows], types[i])
                     for i, name in enumerate(names)})


def _vectors_table(docs: list[Document]) -> pa.Table:
    """Sentence vectors (FLOAT[384]) of the documents the encoder stage embedded."""
    ids: list[str] = []
    sentences: list[int] = []
    chunks: list[np.ndarray] = []
    for doc in docs:
        if doc.vectors is None or not len(doc.vectors):
            continue
        vectors = np.asarray(doc.vectors, np.float32)
        ids.extend([doc.doc_id] * len(vectors))
        sentences.extend(range(len(vectors)))
        chunks.append(vectors.reshape(-1))
    flat = pa.array(np.concatenate(chunks) if chunks else np.zeros(0, np.float32), pa.float32())
    return pa.table({"doc_id": pa.array(ids, pa.string()),
                     "sentence": pa.array(sentences, pa.int32()),
                     "vector": pa.FixedSizeListArray.from_arrays(flat, DIMENSIONS)})
