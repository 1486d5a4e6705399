"""The Python API for notebooks: a store's contents as pandas DataFrames.

    corpus = marea.open("marea.duckdb")
    corpus.events(actor="AMLO", since="2021")      # a DataFrame
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from marea import params as check
from marea.actors.views import find_actor
from marea.errors import MareaError
from marea.search import SOURCE_NAME, Filters, search
from marea.store import Store

# Rows of a document that is not a near-duplicate copy of another (copies are collapsed).
ORIGINALS = "(SELECT doc_id FROM documents WHERE duplicate_of IS NULL)"


class Corpus:
    """Corpus(Store("marea.duckdb", read_only=True))  # or marea.open("marea.duckdb")

    Every listing takes `limit` (None: all rows) and `offset`, and says how many rows match
    in `frame.attrs["total"]`. Near-duplicate copies are left out of listings and counts
    unless `duplicates=True`.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        self.store.__exit__(kind, error, trace)  # a DuckDB failure leaves as a StoreError

    def _frame(self, sql: str, params: list[Any]) -> pd.DataFrame:
        """Run a query; a `total` column (count(*) OVER ()) moves into attrs["total"]."""
        frame = self.store.con.cursor().execute(sql, params).df()
        if "total" in frame.columns:
            total = int(frame["total"].iloc[0]) if len(frame) else 0
            frame = frame.drop(columns=["total"])
            frame.attrs["total"] = total
        return frame

    def _page(self, sql: str, params: list[Any], limit: int | None, offset: int
              ) -> pd.DataFrame:
        """Run a listing query ending in LIMIT ? OFFSET ?; attrs["total"] counts every match,
        also when the page starts past the last row."""
        limit, offset = check.page_size(limit), check.offset(offset)
        frame = self._frame(sql, [*params, limit, offset])
        if not len(frame) and offset:
            frame.attrs["total"] = len(self._frame(sql, [*params, None, 0]))
        return frame

    def actor_id(self, name: str) -> str:
        """Return the id of an actor given its id, name or alias."""
        return find_actor(self.store, name)

    def documents(self, language: str | None = None, actor: str | None = None,
                  since: str | None = None, until: str | None = None,
                  limit: int | None = 100, offset: int = 0, *, site: str | None = None,
                  duplicates: bool = False, after: str | None = None) -> pd.DataFrame:
        """Documents (without raw bytes), newest first, each with its number of copies.

        `after` (a cursor: the `next` of attrs, "published|doc_id") starts the page after
        that document, so deep pages cost what the first does; `offset` counts from there.
        """
        filters = Filters(actor=self.actor_id(actor) if actor else None, language=language,
                          since=since, until=until, site=site, duplicates=duplicates)
        where, params = filters.sql()
        start = check.cursor(after)
        published, doc_id = start if start else (None, None)
        # The page is cut from the documents' dates and ids first (top-N, also after a
        # cursor); tone, copies and the text are fetched for its rows only.
        frame = self._page(
            "WITH page AS (SELECT *, count(*) OVER () AS remaining FROM (SELECT d.doc_id, "
            f"d.published, count(*) OVER () AS total FROM documents d WHERE {where}) "
            "WHERE NOT ? OR (CASE WHEN ? IS NULL THEN published IS NULL AND doc_id > ? "
            "ELSE published < ? OR (published = ? AND doc_id > ?) OR published IS NULL END) "
            "ORDER BY published DESC NULLS LAST, doc_id LIMIT ? OFFSET ?) "
            "SELECT d.doc_id, d.title, d.author, d.published, "
            f"{SOURCE_NAME} AS site, d.url, d.language, "
            "d.kind, d.opinion_score, t.tone, t.positive, t.negative, t.polarity, t.activity, "
            "t.self_group, d.duplicate_of, (SELECT count(*) FROM documents c "
            "WHERE c.duplicate_of = d.doc_id) AS copies, d.n_words, d.source, d.locator, "
            "d.text, p.total, p.remaining FROM page p JOIN documents d USING (doc_id) "
            "LEFT JOIN tone t ON t.doc_id = p.doc_id AND t.sentence = -1 "
            "ORDER BY d.published DESC NULLS LAST, d.doc_id",
            [*params, start is not None, published, doc_id, published, published, doc_id],
            limit, offset)
        remaining = int(frame["remaining"].iloc[0]) if len(frame) else 0
        frame = frame.drop(columns=["remaining"])
        if not len(frame) and start:  # past the last row: count the matches on their own
            (total,), = self.store.query(f"SELECT count(*) FROM documents d WHERE {where}",
                                         params)
            frame.attrs["total"] = int(total)
        if len(frame) and check.offset(offset) + len(frame) < remaining:
            last = frame.iloc[-1]
            frame.attrs["next"] = f"{last['published'] or ''}|{last['doc_id']}"
        return frame

    def mentions(self, doc_id: str) -> pd.DataFrame:
        """A document's mentions with the actors they name."""
        return self._frame(
            "SELECT m.idx, m.sentence, m.start_char, m.end_char, m.text, m.label, m.actor_id, "
            "a.name AS actor, m.role, m.link FROM mentions m LEFT JOIN actors a "
            "USING (actor_id) WHERE m.doc_id = ? ORDER BY m.idx",
            [self.store.resolve_doc_id(doc_id)])

    def actors(self, type: str | None = None, top: int | None = 100, offset: int = 0, *,
               unknown: bool = False) -> pd.DataFrame:
        """Actors ranked by mentions: knowledge-base and agent actors, or with `unknown` the
        names not in the knowledge base (to promote into a --kb file).

        `type` is person, country, org (parties included) or agent, as in the CLI and REST.
        Counts come from actor_stats, refreshed after each ingest run.
        """
        types = check.actor_kind(type)
        return self._page(
            "SELECT a.actor_id, a.name, a.type, a.country, a.cameo, a.origin, s.mentions, "
            "s.documents, count(*) OVER () AS total FROM actor_stats s "
            "JOIN actors a USING (actor_id) WHERE (? IS NULL OR list_contains(?, a.type)) "
            "AND (a.origin = 'unknown') = ? "
            "ORDER BY s.mentions DESC, a.name LIMIT ? OFFSET ?",
            [types, types, unknown], top, offset)

    def events(self, actor: str | None = None, type: str | None = None,
               since: str | None = None, until: str | None = None,
               limit: int | None = 100, offset: int = 0, doc_id: str | None = None, *,
               site: str | None = None, duplicates: bool = False, newest_first: bool = False
               ) -> pd.DataFrame:
        """Events with their actors' names and evidence sentence, oldest first.

        `type` is a PLOVER event type; `source`/`target` name the acting and the acted-upon
        actor (ids in source_id/target_id); `sentence` is the evidence sentence's text and
        start_char/end_char the trigger's offsets in the document's clean text. `site` keeps
        the events of one source's documents (any case).
        """
        actor_id = self.actor_id(actor) if actor else None
        since, until = check.date_prefix(since, "since"), check.date_prefix(until, "until")
        kind = check.event_type(type)
        order = "e.date DESC NULLS LAST" if newest_first else "e.date NULLS LAST"
        # The page is cut from events alone first, so the joins that fetch names and the
        # evidence sentence touch only its rows.
        return self._page(
            "WITH page AS (SELECT *, count(*) OVER () AS total FROM events e "
            "WHERE (? IS NULL OR e.doc_id = ?) "
            "AND (? IS NULL OR e.source_id = ? OR e.target_id = ?) "
            "AND (? IS NULL OR e.type = upper(?)) AND (? IS NULL OR e.date >= ?) "
            "AND (? IS NULL OR left(e.date, length(?)) <= ?) "
            f"AND (? OR e.doc_id IN {ORIGINALS}) AND (? IS NULL OR e.doc_id IN (SELECT "
            f"d.doc_id FROM documents d WHERE lower({SOURCE_NAME}) = lower(trim(?)))) "
            f"ORDER BY {order}, e.doc_id, e.idx LIMIT ? OFFSET ?) "
            "SELECT e.total, e.doc_id, e.idx, e.date, e.date_basis, e.type, e.mode, e.cameo, "
            "e.goldstein, e.quad_class, e.modality, e.source_id, sa.name AS source, "
            "e.source_role, e.target_id, ta.name AS target, e.target_role, e.country, e.city, "
            "e.trigger, e.start_char, e.end_char, "
            "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS sentence "
            "FROM page e JOIN documents d USING (doc_id) "
            "JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
            "LEFT JOIN actors sa ON sa.actor_id = e.source_id "
            "LEFT JOIN actors ta ON ta.actor_id = e.target_id "
            f"ORDER BY {order}, e.doc_id, e.idx",
            [doc_id, doc_id, actor_id, actor_id, actor_id, kind, kind, since, since, until,
             until, until, duplicates or doc_id is not None, site, site], limit, offset)

    def timeline(self, actor: str, limit: int | None = None, offset: int = 0, *,
                 duplicates: bool = False) -> pd.DataFrame:
        """An actor's events in date order (all of them unless `limit`)."""
        return self.events(actor=actor, limit=limit, offset=offset, duplicates=duplicates)

    def stances(self, actor: str, site: str | None = None, since: str | None = None,
                until: str | None = None, limit: int | None = 100, offset: int = 0
                ) -> pd.DataFrame:
        """How each document leans toward an actor, with its strongest cue, newest first."""
        since, until = check.date_prefix(since, "since"), check.date_prefix(until, "until")
        # The page is cut from the actor's stances and their documents' dates first; the cue
        # and its sentence's span are stored on the stance row, so only the page's rows
        # reach the document text for the evidence.
        return self._page(
            "WITH page AS (SELECT s.*, d.published, count(*) OVER () AS total FROM stances s "
            "JOIN documents d USING (doc_id) WHERE s.actor_id = ? AND d.duplicate_of IS NULL "
            f"AND (? IS NULL OR lower({SOURCE_NAME}) = lower(?)) "
            "AND (? IS NULL OR d.published >= ?) "
            "AND (? IS NULL OR left(d.published, length(?)) <= ?) "
            "ORDER BY d.published DESC NULLS LAST, s.doc_id LIMIT ? OFFSET ?) "
            f"SELECT s.doc_id, s.published, {SOURCE_NAME} AS site, d.title, "
            "s.label, s.score, s.mentions, s.cue_kind, s.cue, s.cue_weight, "
            "s.cue_start AS start_char, s.cue_end AS end_char, substr(d.text, "
            "s.evidence_start + 1, s.evidence_end - s.evidence_start) AS evidence, s.total "
            "FROM page s JOIN documents d USING (doc_id) "
            "ORDER BY s.published DESC NULLS LAST, s.doc_id",
            [self.actor_id(actor), site, site, since, since, until, until, until],
            limit, offset)

    def stance_timeline(self, actor: str, period: str = "year", site: str | None = None
                        ) -> pd.DataFrame:
        """Mean stance toward an actor per period (year or month) and source.

        A document dated only to a coarser period than asked (a year when months are asked)
        is left out, not drawn at the period's start.
        """
        width = {"year": 4, "month": 7}.get(period)
        if width is None:
            raise MareaError(f"[E069] Unknown period '{period}': choose year or month.")
        return self._frame(
            f"SELECT left(d.published, ?) AS period, {SOURCE_NAME} AS site, "
            "count(*) AS documents, round(avg(s.score), 3) AS mean_score, "
            "count(*) FILTER (WHERE s.label = 'favor') AS favor, "
            "count(*) FILTER (WHERE s.label = 'against') AS against, "
            "count(*) FILTER (WHERE s.label = 'neutral') AS neutral "
            "FROM stances s JOIN documents d USING (doc_id) "
            "WHERE s.actor_id = ? AND d.duplicate_of IS NULL AND length(d.published) >= ? "
            f"AND (? IS NULL OR lower({SOURCE_NAME}) = lower(?)) "
            "GROUP BY ALL ORDER BY period, site",
            [width, self.actor_id(actor), width, site, site])

    def attention(self, actor: str, period: str = "month", by_source: bool = False
                  ) -> pd.DataFrame:
        """Mentions of an actor (and documents naming it) per day, week, month or year,
        optionally per source; near-duplicate copies left out.

        A document dated more coarsely than the period (a month-only date when weeks are
        asked) is left out and counted in attrs["undated"], never drawn at the period's start.
        """
        width = {"day": 10, "week": 10, "month": 7, "year": 4}.get(period)
        if width is None:
            raise MareaError(f"[E069] Unknown period '{period}': choose day, week, month "
                             "or year.")
        label = ("strftime(CAST(left(d.published, 10) AS DATE), '%G-W%V')" if period == "week"
                 else f"left(d.published, {width})")
        source = f"{SOURCE_NAME}" if by_source else "NULL"
        actor_id = self.actor_id(actor)
        frame = self._frame(
            f"SELECT {label} AS period, {source} AS site, count(*) AS mentions, "
            "count(DISTINCT m.doc_id) AS documents FROM mentions m JOIN documents d "
            "USING (doc_id) WHERE m.actor_id = ? AND d.duplicate_of IS NULL "
            "AND length(d.published) >= ? GROUP BY ALL ORDER BY period, site",
            [actor_id, width])
        if not by_source:
            frame = frame.drop(columns=["site"])
        (undated,), = self.store.query(
            "SELECT count(DISTINCT m.doc_id) FROM mentions m JOIN documents d USING (doc_id) "
            "WHERE m.actor_id = ? AND d.duplicate_of IS NULL "
            "AND coalesce(length(d.published), 0) < ?", [actor_id, width])
        frame.attrs["undated"] = int(undated)
        return frame

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
        since, until = check.date_prefix(since, "since"), check.date_prefix(until, "until")
        language = check.language(language)
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
               doc_id: str | None = None, limit: int | None = 100, offset: int = 0, *,
               duplicates: bool = False) -> pd.DataFrame:
        """Check-worthy claims with their claimant, best-scored first."""
        actor_id = self.actor_id(actor) if actor else None
        doc = self.store.resolve_doc_id(doc_id) if doc_id else None
        kind = check.claim_kind(kind)
        # The page is cut from claims and their documents' dates first (kinds are a stored
        # list); only its rows reach the document text.
        return self._page(
            "WITH page AS (SELECT c.*, d.published, count(*) OVER () AS total "
            "FROM claims c JOIN documents d USING (doc_id) "
            "WHERE (? OR d.duplicate_of IS NULL) "
            "AND (? IS NULL OR c.doc_id = ?) AND (? IS NULL OR c.claimant_id = ?) "
            "AND (? IS NULL OR list_contains(c.kind_list, ?)) "
            "ORDER BY c.score DESC, d.published DESC NULLS LAST, c.doc_id, c.idx "
            "LIMIT ? OFFSET ?) "
            f"SELECT c.doc_id, c.idx, c.published, {SOURCE_NAME} AS site, "
            "c.kinds, c.score, c.claimant, c.claimant_id, c.start_char, c.end_char, "
            "substr(d.text, c.start_char + 1, c.end_char - c.start_char) AS text, c.total "
            "FROM page c JOIN documents d USING (doc_id) "
            "ORDER BY c.score DESC, c.published DESC NULLS LAST, c.doc_id, c.idx",
            [duplicates or doc is not None, doc, doc, actor_id, actor_id, kind, kind],
            limit, offset)

    def narratives(self, limit: int | None = 100, narrative_id: int | None = None,
                   offset: int = 0) -> pd.DataFrame:
        """Recurring narratives, widest first (most documents), or the one asked for."""
        return self._page(
            "SELECT narrative_id, label, terms, sentences, documents, sources, first_date, "
            "last_date, round(cohesion, 3) AS cohesion, count(*) OVER () AS total "
            "FROM narratives WHERE (? IS NULL OR narrative_id = ?) "
            "ORDER BY documents DESC, sentences DESC, narrative_id LIMIT ? OFFSET ?",
            [narrative_id, narrative_id], limit, offset)

    def narrative(self, narrative_id: int) -> pd.DataFrame:
        """The sentences of one narrative with their documents and dates."""
        (found, count), = self.store.query(
            "SELECT count(*) FILTER (WHERE narrative_id = ?), count(*) FROM narratives",
            [narrative_id])
        if not found:
            raise MareaError(f"[E070] No narrative {narrative_id}: {count} narratives are "
                             "stored (`marea narratives` lists their ids).")
        return self._frame(
            "SELECT m.doc_id, m.sentence, round(m.similarity, 3) AS similarity, d.published, "
            f"{SOURCE_NAME} AS site, d.title, s.start_char, s.end_char, "
            "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS text "
            "FROM narrative_sentences m JOIN documents d USING (doc_id) "
            "JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
            "WHERE m.narrative_id = ? ORDER BY d.published NULLS LAST, m.similarity DESC",
            [int(narrative_id)])

    def search(self, query: str, limit: int = 20, offset: int = 0, mode: str = "hybrid",
               **filters: Any) -> pd.DataFrame:
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



def open_corpus(path: str | Path) -> Corpus:
    """Open a marea store read-only for analysis."""
    return Corpus(Store(path, read_only=True))
