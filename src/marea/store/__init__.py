"""The embedded store: a DuckDB file with a versioned schema, written one batch per transaction.

A batch's documents, their spans and the inputs they came from commit together, so a run
killed at any point leaves whole batches only, and the next run skips the inputs recorded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from marea.errors import StoreError
from marea.model import Document, Event, SourceError
from marea.store.schema import LATEST, MIGRATIONS

__all__ = ["Store"]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """Store("marea.duckdb")  # opens or creates the file and migrates it to the latest schema"""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"[E020] Can't open store {self.path}: {exc}") from exc
        if not read_only:
            self._migrate()
        elif self.version() == 0:
            raise StoreError(f"[E021] {self.path} is not a marea store (run `marea ingest`).")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
            self.con.execute("BEGIN")
            try:
                if number == 1:
                    self.con.execute(
                        "CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)"
                    )
                self.con.execute(MIGRATIONS[number])
                self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [number, _now()])
                self.con.execute("COMMIT")
            except duckdb.Error:
                self.con.execute("ROLLBACK")
                raise

    # -- runs -----------------------------------------------------------------------------
    def start_run(self, command: str) -> int:
        """Record a new run (marking runs left 'running' by a killed process) and return its id."""
        self.con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        row = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
        run_id = int(row[0]) if row else 1
        self.con.execute(
            "INSERT INTO runs (run_id, command, started_at, status) VALUES (?, ?, ?, 'running')",
            [run_id, command, _now()],
        )
        return run_id

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, status = ?, stored = ?, near_duplicates = ?, "
            "duplicates = ?, unchanged = ?, failed = ?, skipped = ? WHERE run_id = ?",
            [_now(), status, counts["stored"], counts["near_duplicates"], counts["duplicates"],
             counts["unchanged"], counts["failed"], counts["skipped"], run_id],
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
        rows = self.con.execute(
            "SELECT doc_id FROM documents WHERE list_contains(?, doc_id)", [wanted]
        ).fetchall()
        return {r[0] for r in rows}

    def fingerprints(self) -> Iterable[tuple[str, bytes]]:
        """Yield (doc_id, MinHash signature) of every stored original (not near-duplicate)."""
        cursor = self.con.execute(
            "SELECT doc_id, fingerprint FROM documents "
            "WHERE fingerprint IS NOT NULL AND duplicate_of IS NULL ORDER BY run_id, doc_id"
        )
        while rows := cursor.fetchmany(10_000):
            yield from ((r[0], bytes(r[1])) for r in rows)

    # -- writing --------------------------------------------------------------------------
    def write_batch(self, run_id: int, docs: list[Document],
                    duplicates: list[Document], errors: list[tuple[SourceError, str]]) -> None:
        """Store documents with their spans, inputs seen and errors, in one transaction."""
        now = _now()
        self.con.execute("BEGIN")
        try:
            if docs:
                self._insert("documents", _documents_table(docs, run_id, now))
                self._insert("sentences", _spans_table(docs, "sentences"))
                self._insert("tokens", _spans_table(docs, "tokens"))
                self._insert("mentions", _spans_table(docs, "mentions"))
                self._insert("events", _events_table(docs))
                self._upsert_actors(docs)
            inputs = [(d, "stored") for d in docs] + [(d, "duplicate") for d in duplicates]
            if inputs:
                self._insert("inputs", pa.table({
                    "source": [d.source for d, _ in inputs],
                    "locator": [d.locator for d, _ in inputs],
                    "raw_sha": [d.raw_sha for d, _ in inputs],
                    "doc_id": [d.doc_id for d, _ in inputs],
                    "outcome": [o for _, o in inputs],
                    "run_id": pa.array([run_id] * len(inputs), pa.int32()),
                }), conflict="OR IGNORE")
            for error, stage in errors:
                self.con.execute(
                    "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [run_id, error.source, error.locator, stage, error.message, error.skipped, now],
                )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _upsert_actors(self, docs: list[Document]) -> None:
        """Insert or refresh the actors these documents mention (the knowledge base may grow)."""
        found = {a.actor_id: a for d in docs for a in d.actors}
        if not found:
            return
        rows = list(found.values())
        self._insert("actors", pa.table({
            "actor_id": [a.actor_id for a in rows],
            "type": [a.type for a in rows],
            "name": [a.name for a in rows],
            "country": pa.array([a.country for a in rows], pa.string()),
            "cameo": pa.array([a.cameo for a in rows], pa.string()),
            "origin": [a.origin for a in rows],
            "aliases": [json.dumps(list(a.aliases), ensure_ascii=False) for a in rows],
            "roles": [a.roles for a in rows],
        }), conflict="OR REPLACE")

    def _insert(self, table: str, data: pa.Table, conflict: str = "") -> None:
        self.con.register("_batch", data)
        try:
            columns = ", ".join(data.column_names)
            self.con.execute(
                f"INSERT {conflict} INTO {table} ({columns}) SELECT {columns} FROM _batch"
            )
        finally:
            self.con.unregister("_batch")

    # -- reading --------------------------------------------------------------------------
    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run a parameterised read query and return its rows."""
        return self.con.execute(sql, params or []).fetchall()

    def resolve_doc_id(self, prefix: str) -> str:
        """Return the one document id starting with `prefix`; StoreError if none or several."""
        rows = self.query("SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) LIMIT 2",
                          [prefix])
        if len(rows) != 1:
            what = "no document" if not rows else "several documents"
            raise StoreError(f"[E023] {what} with an id starting '{prefix}' in {self.path}")
        return str(rows[0][0])


_META_COLUMNS = ("title", "author", "published", "site", "url", "kind")


def _documents_table(docs: list[Document], run_id: int, now: datetime) -> pa.Table:
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
        "fingerprint": pa.array([d.fingerprint or None for d in docs], pa.binary()),
        "metadata": [json.dumps(d.metadata, ensure_ascii=False, default=str) for d in docs],
        "run_id": pa.array([run_id] * len(docs), pa.int32()),
        "ingested_at": pa.array([now] * len(docs), pa.timestamp("us")),
    })
    return pa.table(columns)


EVENT_FIELDS = tuple(f.name for f in fields(Event))
_EVENT_COLUMNS = {"start": "start_char", "end": "end_char"}


def _events_table(docs: list[Document]) -> pa.Table:
    """Return the events of these documents as rows of the events table."""
    rows: dict[str, list[Any]] = {"doc_id": [], "idx": []}
    rows.update({_EVENT_COLUMNS.get(name, name): [] for name in EVENT_FIELDS})
    for doc in docs:
        for index, event in enumerate(doc.events):
            rows["doc_id"].append(doc.doc_id)
            rows["idx"].append(index)
            for name in EVENT_FIELDS:
                rows[_EVENT_COLUMNS.get(name, name)].append(getattr(event, name))
    types = {"idx": pa.int32(), "sentence": pa.int32(), "start_char": pa.int32(),
             "end_char": pa.int32(), "quad_class": pa.int32(), "goldstein": pa.float64()}
    return pa.table({k: pa.array(v, types.get(k, pa.string())) for k, v in rows.items()})


def _spans_table(docs: list[Document], kind: str) -> pa.Table:
    """Return a table of one span kind (sentences, tokens or mentions) of these documents."""
    rows: dict[str, list[Any]] = {"doc_id": [], "idx": []}
    fields: tuple[str, ...] = {
        "sentences": ("start", "end"),
        "tokens": ("sentence", "start", "end", "lemma", "pos", "tag", "dep", "head", "morph"),
        "mentions": ("sentence", "start", "end", "text", "label", "actor_id", "role", "link"),
    }[kind]
    names = {"start": "start_char", "end": "end_char"}
    for field in fields:
        rows[names.get(field, field)] = []
    for doc in docs:
        for index, span in enumerate(getattr(doc, kind)):
            rows["doc_id"].append(doc.doc_id)
            rows["idx"].append(index)
            for field in fields:
                rows[names.get(field, field)].append(getattr(span, field))
    schema = {k: (pa.int32() if k in ("idx", "sentence", "start_char", "end_char", "head")
                  else pa.string()) for k in rows}
    return pa.table({k: pa.array(v, schema[k]) for k, v in rows.items()})
