"""Search: full-text (DuckDB's fts extension, BM25) combined with structured filters.

The same engine serves the CLI, the Python API and the REST API. The index covers document
titles and clean texts; it is rebuilt after each ingest run that stored documents, since
DuckDB's fts index does not follow later inserts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from marea.errors import StoreError
from marea.store import Store

MAX_LIMIT = 500  # the most rows one search or page returns


def _load_fts(store: Store) -> None:
    """Load the fts extension shipped by the duckdb-extension-fts package (no download)."""
    import duckdb_extension_fts

    folder = os.path.dirname(duckdb_extension_fts.__file__)
    version = store.con.execute("SELECT version()").fetchone()
    path = os.path.join(folder, "extensions", str(version[0] if version else ""),
                        "fts.duckdb_extension")
    store.con.execute("LOAD " + _quoted(path))


def _quoted(path: str) -> str:
    return "'" + path.replace("'", "''") + "'"


def refresh_indexes(store: Store) -> None:
    """(Re)build the full-text index, the per-actor mention counts and the narratives.

    All summarise the whole store, so they are refreshed once after a run, not per batch.
    """
    from marea.opinion.narratives import rebuild

    rebuild(store)
    store.con.execute("BEGIN")
    store.con.execute("DELETE FROM actor_stats")
    store.con.execute("INSERT INTO actor_stats SELECT actor_id, count(*), count(DISTINCT doc_id) "
                      "FROM mentions WHERE actor_id IS NOT NULL GROUP BY actor_id")
    store.con.execute("COMMIT")
    _load_fts(store)
    store.con.execute(
        "PRAGMA create_fts_index('documents', 'doc_id', 'title', 'text', "
        "stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, "
        "overwrite = 1)")


@dataclass(frozen=True)
class Filters:
    """Filters(actor="evo-morales", language="es", since="2019")  # all optional, combined"""

    actor: str | None = None  # actor id named in the document
    event_type: str | None = None  # PLOVER type of an event in the document
    language: str | None = None
    site: str | None = None
    since: str | None = None  # ISO date or prefix, inclusive
    until: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """Return a WHERE fragment on documents `d` and its parameters (never interpolated)."""
        where: list[str] = []
        params: list[Any] = []
        if self.actor:
            where.append("d.doc_id IN (SELECT doc_id FROM mentions WHERE actor_id = ?)")
            params.append(self.actor)
        if self.event_type:
            where.append("d.doc_id IN (SELECT doc_id FROM events WHERE type = ?)")
            params.append(self.event_type.upper())
        if self.language:
            where.append("d.language = ?")
            params.append(self.language)
        if self.site:
            where.append("d.site = ?")
            params.append(self.site)
        if self.since:
            where.append("d.published >= ?")
            params.append(self.since)
        if self.until:
            where.append("left(d.published, ?) <= ?")
            params += [len(self.until), self.until]
        return (" AND ".join(where) or "TRUE"), params


def search(store: Store, query: str, filters: Filters = Filters(), limit: int = 20,
           offset: int = 0) -> list[dict[str, Any]]:
    """Return documents matching a full-text query and filters, best BM25 score first."""
    if not query.strip():
        raise StoreError("[E050] Empty search query.")
    limit = max(1, min(limit, MAX_LIMIT))
    try:
        _load_fts(store)
        where, params = filters.sql()
        rows = store.con.execute(
            "SELECT d.doc_id, d.title, d.published, d.language, d.site, d.source, s.score, "
            "left(d.text, 240) FROM (SELECT doc_id, fts_main_documents.match_bm25(doc_id, ?) "
            "AS score FROM documents) s JOIN documents d USING (doc_id) "
            f"WHERE s.score IS NOT NULL AND {where} ORDER BY s.score DESC, d.doc_id "
            "LIMIT ? OFFSET ?", [query, *params, limit, max(0, offset)]).fetchall()
    except Exception as exc:  # noqa: BLE001 - a missing index is the usual cause
        if "fts_main_documents" in str(exc):
            raise StoreError("[E051] No search index yet: run `marea ingest` first.") from exc
        raise
    keys = ("doc_id", "title", "published", "language", "site", "source", "score", "snippet")
    return [dict(zip(keys, row, strict=True)) for row in rows]
