"""The Python API for notebooks: a store's contents as pandas DataFrames.

    corpus = marea.open("marea.duckdb")
    corpus.events(actor="AMLO", since="2021")      # a DataFrame
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from marea.actors.views import find_actor
from marea.errors import MareaError
from marea.params import date_prefix
from marea.search import MAX_LIMIT, Filters, search
from marea.store import Store

# a document's source for display and grouping: its site, else its file name
SOURCE_NAME = "coalesce(d.site, regexp_extract(d.source, '[^/]+$'))"


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
            "d.kind, d.opinion_score, t.tone, t.positive, t.negative, t.polarity, t.activity, "
            "t.self_group, d.duplicate_of, d.n_words, d.source, d.locator, d.text "
            "FROM documents d LEFT JOIN tone t ON t.doc_id = d.doc_id AND t.sentence = -1 "
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
        since, until = date_prefix(since, "since"), date_prefix(until, "until")
        # The page is cut from events alone first, so the joins that fetch names and the
        # evidence sentence touch only its rows.
        return self._frame(
            "WITH page AS (SELECT * FROM events e WHERE (? IS NULL OR e.doc_id = ?) "
            "AND (? IS NULL OR e.source_id = ? OR e.target_id = ?) "
            "AND (? IS NULL OR e.type = upper(?)) AND (? IS NULL OR e.date >= ?) "
            "AND (? IS NULL OR left(e.date, length(?)) <= ?) "
            "ORDER BY e.date NULLS LAST, e.doc_id, e.idx LIMIT ? OFFSET ?) "
            "SELECT e.doc_id, e.idx, e.date, e.date_basis, e.type, e.mode, e.cameo, "
            "e.goldstein, e.quad_class, e.modality, e.source_id, sa.name AS source, "
            "e.source_role, e.target_id, ta.name AS target, e.target_role, e.country, e.city, "
            "e.trigger, e.start_char, e.end_char, "
            "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS sentence "
            "FROM page e JOIN documents d USING (doc_id) "
            "JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
            "LEFT JOIN actors sa ON sa.actor_id = e.source_id "
            "LEFT JOIN actors ta ON ta.actor_id = e.target_id "
            "ORDER BY e.date NULLS LAST, e.doc_id, e.idx",
            [doc_id, doc_id, actor_id, actor_id, actor_id, kind, kind, since, since, until,
             until, until, _limit(limit), max(0, offset)])

    def timeline(self, actor: str, limit: int = MAX_LIMIT) -> pd.DataFrame:
        """An actor's events in date order."""
        return self.events(actor=actor, limit=limit)

    def stances(self, actor: str, site: str | None = None, since: str | None = None,
                until: str | None = None, limit: int = 100, offset: int = 0) -> pd.DataFrame:
        """How each document leans toward an actor, with its strongest cue, newest first."""
        since, until = date_prefix(since, "since"), date_prefix(until, "until")
        return self._frame(
            f"SELECT s.doc_id, d.published, {SOURCE_NAME} AS site, d.title, "
            "s.label, s.score, s.mentions, c.kind AS cue_kind, c.cue, c.weight AS cue_weight, "
            "c.start_char, c.end_char, "
            "substr(d.text, t.start_char + 1, t.end_char - t.start_char) AS evidence "
            "FROM stances s JOIN documents d USING (doc_id) "
            "LEFT JOIN stance_cues c ON c.doc_id = s.doc_id AND c.actor_id = s.actor_id "
            "AND c.idx = 0 LEFT JOIN sentences t ON t.doc_id = c.doc_id AND t.idx = c.sentence "
            "WHERE s.actor_id = ? AND d.duplicate_of IS NULL "
            f"AND (? IS NULL OR {SOURCE_NAME} = ?) "
            "AND (? IS NULL OR d.published >= ?) "
            "AND (? IS NULL OR left(d.published, length(?)) <= ?) "
            "ORDER BY d.published DESC NULLS LAST, s.doc_id LIMIT ? OFFSET ?",
            [self.actor_id(actor), site, site, since, since, until, until, until,
             _limit(limit), max(0, offset)])

    def stance_timeline(self, actor: str, period: str = "year") -> pd.DataFrame:
        """Mean stance toward an actor per period (year or month) and source."""
        width = {"year": 4, "month": 7}.get(period)
        if width is None:
            raise MareaError(f"[E031] Unknown period '{period}': choose year or month.")
        return self._frame(
            f"SELECT left(d.published, ?) AS period, {SOURCE_NAME} AS site, "
            "count(*) AS documents, round(avg(s.score), 3) AS mean_score, "
            "count(*) FILTER (WHERE s.label = 'favor') AS favor, "
            "count(*) FILTER (WHERE s.label = 'against') AS against, "
            "count(*) FILTER (WHERE s.label = 'neutral') AS neutral "
            "FROM stances s JOIN documents d USING (doc_id) "
            "WHERE s.actor_id = ? AND d.duplicate_of IS NULL AND length(d.published) >= ? "
            "GROUP BY ALL ORDER BY period, site",
            [width, self.actor_id(actor), width])

    def document_stances(self, doc_id: str) -> pd.DataFrame:
        """One document's stances toward every actor it names, strongest first."""
        return self._frame(
            "SELECT s.actor_id, a.name AS actor, s.label, s.score, s.mentions FROM stances s "
            "LEFT JOIN actors a USING (actor_id) WHERE s.doc_id = ? "
            "ORDER BY abs(s.score) DESC, s.mentions DESC, s.actor_id",
            [self.store.resolve_doc_id(doc_id)])

    def themes(self, doc_id: str | None = None, language: str | None = None,
               since: str | None = None, until: str | None = None) -> pd.DataFrame:
        """Themes across the corpus (documents, share), or one document's themed sentences."""
        if doc_id:
            return self._frame(
                "SELECT t.sentence, t.theme, t.score, t.terms, "
                "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS text "
                "FROM themes t JOIN documents d USING (doc_id) JOIN sentences s "
                "ON s.doc_id = t.doc_id AND s.idx = t.sentence "
                "WHERE t.doc_id = ? ORDER BY t.sentence, t.theme",
                [self.store.resolve_doc_id(doc_id)])
        since, until = date_prefix(since, "since"), date_prefix(until, "until")
        return self._frame(
            "SELECT t.theme, count(*) AS documents, round(avg(t.score), 3) AS mean_share, "
            "min(d.published) AS first, max(d.published) AS last "
            "FROM themes t JOIN documents d USING (doc_id) WHERE t.sentence = -1 "
            "AND d.duplicate_of IS NULL AND (? IS NULL OR d.language = ?) "
            "AND (? IS NULL OR d.published >= ?) "
            "AND (? IS NULL OR left(d.published, length(?)) <= ?) "
            "GROUP BY t.theme ORDER BY documents DESC, t.theme",
            [language, language, since, since, until, until, until])

    def frames(self, doc_id: str) -> pd.DataFrame:
        """A document's framing-technique spans in text order."""
        return self._frame(
            "SELECT f.idx, f.sentence, f.start_char, f.end_char, f.technique, f.score, "
            "f.method, substr(d.text, f.start_char + 1, f.end_char - f.start_char) AS text "
            "FROM frames f JOIN documents d USING (doc_id) WHERE f.doc_id = ? "
            "ORDER BY f.start_char, f.technique", [self.store.resolve_doc_id(doc_id)])

    def claims(self, actor: str | None = None, kind: str | None = None,
               doc_id: str | None = None, limit: int = 100, offset: int = 0) -> pd.DataFrame:
        """Check-worthy claims with their claimant, best-scored first."""
        actor_id = self.actor_id(actor) if actor else None
        doc = self.store.resolve_doc_id(doc_id) if doc_id else None
        return self._frame(
            f"SELECT c.doc_id, c.idx, d.published, {SOURCE_NAME} AS site, "
            "c.kinds, c.score, c.claimant, c.claimant_id, c.start_char, c.end_char, "
            "substr(d.text, c.start_char + 1, c.end_char - c.start_char) AS text "
            "FROM claims c JOIN documents d USING (doc_id) WHERE d.duplicate_of IS NULL "
            "AND (? IS NULL OR c.doc_id = ?) AND (? IS NULL OR c.claimant_id = ?) "
            "AND (? IS NULL OR list_contains(string_split(c.kinds, ','), ?)) "
            "ORDER BY c.score DESC, d.published DESC NULLS LAST, c.doc_id, c.idx "
            "LIMIT ? OFFSET ?",
            [doc, doc, actor_id, actor_id, kind, kind, _limit(limit), max(0, offset)])

    def narratives(self, limit: int = 100, narrative_id: int | None = None) -> pd.DataFrame:
        """Recurring narratives, widest first (most documents), or the one asked for."""
        return self._frame(
            "SELECT narrative_id, label, terms, sentences, documents, sources, first_date, "
            "last_date, round(cohesion, 3) AS cohesion FROM narratives "
            "WHERE (? IS NULL OR narrative_id = ?) "
            "ORDER BY documents DESC, sentences DESC, narrative_id LIMIT ?",
            [narrative_id, narrative_id, _limit(limit)])

    def narrative(self, narrative_id: int) -> pd.DataFrame:
        """The sentences of one narrative with their documents and dates."""
        return self._frame(
            "SELECT m.doc_id, m.sentence, round(m.similarity, 3) AS similarity, d.published, "
            f"{SOURCE_NAME} AS site, d.title, s.start_char, s.end_char, "
            "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS text "
            "FROM narrative_sentences m JOIN documents d USING (doc_id) "
            "JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
            "WHERE m.narrative_id = ? ORDER BY d.published NULLS LAST, m.similarity DESC",
            [int(narrative_id)])

    def search(self, query: str, limit: int = 20, offset: int = 0, mode: str = "hybrid",
               **filters: str | None) -> pd.DataFrame:
        """Hybrid, full-text or semantic search with filters (actor, event_type, language,
        site, since, until, theme, stance toward the actor)."""
        if filters.get("actor"):
            filters["actor"] = self.actor_id(str(filters["actor"]))
        rows = search(self.store, query, Filters(**filters), limit, offset, mode)
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
