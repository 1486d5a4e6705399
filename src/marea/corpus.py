"""The Python API for notebooks: a store's contents as pandas DataFrames.

    corpus = marea.open("marea.duckdb")
    corpus.events(actor="AMLO", since="2021")      # a DataFrame
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from marea.actors.views import find_actor
from marea.search import MAX_LIMIT, Filters, search
from marea.store import Store


class Corpus:
    """Corpus(Store("marea.duckdb", read_only=True))  # or marea.open("marea.duckdb")"""

    def __init__(self, store: Store) -> None:
        self.store = store

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _frame(self, sql: str, params: list[Any]) -> pd.DataFrame:
        return self.store.con.cursor().execute(sql, params).df()

    def actor_id(self, name: str) -> str:
        """Return the id of an actor given its id, name or alias."""
        return find_actor(self.store, name)

    def documents(self, language: str | None = None, actor: str | None = None,
                  since: str | None = None, until: str | None = None,
                  limit: int = 100, offset: int = 0) -> pd.DataFrame:
        """Documents (without raw bytes), newest first."""
        filters = Filters(actor=self.actor_id(actor) if actor else None, language=language,
                          since=since, until=until)
        where, params = filters.sql()
        return self._frame(
            "SELECT d.doc_id, d.title, d.author, d.published, d.site, d.url, d.language, "
            "d.kind, d.duplicate_of, d.n_words, d.source, d.locator, d.text FROM documents d "
            f"WHERE {where} ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?",
            [*params, _limit(limit), max(0, offset)])

    def mentions(self, doc_id: str) -> pd.DataFrame:
        """A document's mentions with the actors they name."""
        return self._frame(
            "SELECT m.idx, m.sentence, m.start_char, m.end_char, m.text, m.label, m.actor_id, "
            "a.name AS actor, m.role, m.link FROM mentions m LEFT JOIN actors a "
            "USING (actor_id) WHERE m.doc_id = ? ORDER BY m.idx",
            [self.store.resolve_doc_id(doc_id)])

    def actors(self, kind: str | None = None, top: int = 100) -> pd.DataFrame:
        """Actors ranked by mentions (unknown names included, marked by origin).

        Counts come from actor_stats, refreshed after each ingest run.
        """
        return self._frame(
            "SELECT a.actor_id, a.name, a.type, a.country, a.cameo, a.origin, s.mentions, "
            "s.documents FROM actor_stats s JOIN actors a USING (actor_id) "
            "WHERE (? IS NULL OR a.type = ?) ORDER BY s.mentions DESC, a.name LIMIT ?",
            [kind, kind, _limit(top)])

    def events(self, actor: str | None = None, kind: str | None = None,
               since: str | None = None, until: str | None = None,
               limit: int = 100, offset: int = 0, doc_id: str | None = None) -> pd.DataFrame:
        """Events with their actors' names and evidence sentence, by date."""
        actor_id = self.actor_id(actor) if actor else None
        return self._frame(
            "SELECT e.doc_id, e.idx, e.date, e.date_basis, e.type, e.mode, e.cameo, "
            "e.goldstein, e.quad_class, e.modality, e.source_id, sa.name AS source, "
            "e.source_role, e.target_id, ta.name AS target, e.target_role, e.country, e.city, "
            "e.trigger, e.start_char, e.end_char, "
            "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS sentence "
            "FROM events e JOIN documents d USING (doc_id) "
            "JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
            "LEFT JOIN actors sa ON sa.actor_id = e.source_id "
            "LEFT JOIN actors ta ON ta.actor_id = e.target_id "
            "WHERE (? IS NULL OR e.doc_id = ?) "
            "AND (? IS NULL OR e.source_id = ? OR e.target_id = ?) "
            "AND (? IS NULL OR e.type = upper(?)) AND (? IS NULL OR e.date >= ?) "
            "AND (? IS NULL OR left(e.date, length(?)) <= ?) "
            "ORDER BY e.date NULLS LAST, e.doc_id, e.idx LIMIT ? OFFSET ?",
            [doc_id, doc_id, actor_id, actor_id, actor_id, kind, kind, since, since, until,
             until, until, _limit(limit), max(0, offset)])

    def timeline(self, actor: str, limit: int = MAX_LIMIT) -> pd.DataFrame:
        """An actor's events in date order."""
        return self.events(actor=actor, limit=limit)

    def search(self, query: str, limit: int = 20, offset: int = 0,
               **filters: str | None) -> pd.DataFrame:
        """Full-text search with filters (actor, event_type, language, site, since, until)."""
        if filters.get("actor"):
            filters["actor"] = self.actor_id(str(filters["actor"]))
        rows = search(self.store, query, Filters(**filters), limit, offset)
        return pd.DataFrame(rows)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return DataFrame rows as JSON-ready dicts (missing values as None)."""
    return [{k: (None if v != v else v) for k, v in row.items()}  # NaN != NaN
            for row in frame.astype(object).to_dict(orient="records")]


def _limit(value: int) -> int:
    return max(1, min(int(value), MAX_LIMIT))


def open_corpus(path: str | Path) -> Corpus:
    """Open a marea store read-only for analysis."""
    return Corpus(Store(path, read_only=True))
