"""The Python API for notebooks: a store's contents as pandas DataFrames.

    corpus = marea.open("marea.duckdb")
    corpus.events(actor="AMLO", since=datetime.date(2021, 1, 1))      # a DataFrame

Parameters and columns have the names of the CLI and the REST API (README, "Names"): `site`
is a document's outlet, `path` the file or feed it was read from, `source_actor` and
`target_actor` an event's acting and acted-upon actors, `sentence` a sentence's index in its
document and `sentence_text` its text, `text` the text of a span itself. The database keeps
its own column names (`docs/schema.md`); the queries below rename them, and nowhere else does.
Dates are returned as ISO text cut to their known precision ("2021", "2021-06",
"2021-06-03"), so a year-only date is never mistaken for January 1st.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from marea import params as check
from marea.actors.views import find_actor
from marea.errors import MareaError
from marea.search import HIT_KEYS, SOURCE_NAME, Filters, search
from marea.settings import load_settings
from marea.store import Store

# A date filter: ISO prefix text ("2021-06"), a datetime.date, or a year as a number.
DateValue = str | date | int | None
# Rows of a document that is not a near-duplicate copy of another (copies are collapsed).
ORIGINALS = "(SELECT doc_id FROM documents WHERE duplicate_of IS NULL)"


# The full rows of a page of events, given as lists: its (doc_id, idx) keys and its
# documents' ids (five times). Each table is read through a filter on that literal list (a
# scan of its doc_id column, the other columns read for the page's rows only), and stories
# through their key, so the cost follows the page, not the tables: "key". {order} is the
# listing's order.
EVENT_ROWS = (
    "WITH page AS (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::INTEGER[]) AS idx), "
    "page_events AS (SELECT * FROM events WHERE list_contains(?, doc_id)), "
    "texts AS (SELECT doc_id, text FROM documents WHERE list_contains(?, doc_id)), "
    "spans AS (SELECT * FROM sentence_spans WHERE list_contains(?, doc_id)), "
    "reports AS (SELECT doc_id, event, count(*) AS mentions FROM event_mentions "
    "WHERE list_contains(?, doc_id) GROUP BY ALL), "
    "links AS (SELECT * FROM story_events WHERE list_contains(?, doc_id)), "
    "page_stories AS (SELECT * FROM stories WHERE story_id IN (SELECT story_id FROM links)) "
    "SELECT e.doc_id, e.idx, e.date, e.date_basis, e.type, e.mode, e.cameo, "
    "e.goldstein, e.quad_class, e.modality, e.source_id AS source_actor_id, "
    "sa.name AS source_actor, e.source_role AS source_actor_role, "
    "e.target_id AS target_actor_id, ta.name AS target_actor, "
    "e.target_role AS target_actor_role, e.implied_target_id, e.target_basis, e.country, "
    "e.city, e.trigger, e.method, e.confidence, e.main, e.start_char, e.end_char, e.sentence, "
    "substr(d.text, s.starts[e.sentence + 1] + 1, "
    "s.ends[e.sentence + 1] - s.starts[e.sentence + 1]) AS sentence_text, "
    "coalesce(r.mentions, 0) AS mentions, st.story_id, st.mentions AS story_mentions, "
    "st.articles, st.sources "
    "FROM page p JOIN page_events e ON e.doc_id = p.doc_id AND e.idx = p.idx "
    "JOIN texts d ON d.doc_id = p.doc_id "
    "JOIN spans s ON s.doc_id = p.doc_id "
    "LEFT JOIN reports r ON r.doc_id = p.doc_id AND r.event = p.idx "
    "LEFT JOIN actors sa ON sa.actor_id = e.source_id "
    "LEFT JOIN actors ta ON ta.actor_id = e.target_id "
    "LEFT JOIN links l ON l.doc_id = p.doc_id AND l.idx = p.idx "
    "LEFT JOIN page_stories st ON st.story_id = l.story_id "
    "ORDER BY {order}, e.doc_id, e.idx")


def actors_left_out(frame: pd.DataFrame, unknown: bool, switch: str) -> str:
    """What an actors listing leaves out, said the same way by the CLI, REST and pages: the
    names not in the knowledge base, or (listing those) the known actors; `switch` is how
    the caller's interface asks for the other side."""
    left_out = frame.attrs.get("left_out", 0)
    if not left_out:
        return ""
    if unknown:
        return (f"{left_out} knowledge-base actors and agents left out "
                f"(without {switch} they are listed)")
    return f"{left_out} names not in the knowledge base left out ({switch} lists them)"


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
        with self.store.cursor() as cursor:
            frame = cursor.execute(sql, params).df()
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
        """Return the id of the actor `name` stands for: an id, a name, an alias or a
        surname, knowledge-base actors first; an unknown or ambiguous name is refused
        (MareaError E024/E028, the latter listing the candidates)."""
        return find_actor(self.store, name)

    def documents(self, language: str | None = None, actor: str | None = None,
                  since: DateValue = None, until: DateValue = None,
                  limit: int | None = 100, offset: int = 0, *, site: str | None = None,
                  duplicates: bool = False, after: str | None = None, text: bool = True
                  ) -> pd.DataFrame:
        """Return stored documents, newest first, one row each (raw bytes left out).

        Args:
            language: two-letter code; actor: documents naming it (id, name or alias);
            since/until: inclusive dates (ISO prefix text or `datetime.date`); site: the
            outlet, any case; duplicates: include near-duplicate copies.
            limit: rows per page (None: all); offset: rows skipped first; after: a cursor
            (attrs["next"] of the previous page, "published|doc_id") to start after, so deep
            pages cost what the first does (`offset` then counts from there); text: False
            leaves the text column out (reading it is most of a page's cost).
        Returns:
            doc_id, title, author, published, site, url, language, kind, opinion_score, the
            document's tone (tone, positive, negative, polarity, activity, self_group),
            duplicate_of, copies (near-duplicates of it), n_words, path (the file or feed
            read), locator (the record within it), text; attrs["total"] counts every match,
            attrs["next"] is the cursor of the next page when there is one.
        """
        filters = Filters(actor=self.actor_id(actor) if actor else None, language=language,
                          since=check.date_prefix(since, "since"),
                          until=check.date_prefix(until, "until"), site=site,
                          duplicates=duplicates)
        where, params = filters.sql()
        start = check.cursor(after)
        published, doc_id = start if start else (None, None)
        # The page is cut from the documents' dates and ids first (top-N, also after a
        # cursor); tone (from `document_tone`), copies and the text are fetched for its rows
        # only.
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
            "WHERE c.duplicate_of = d.doc_id) AS copies, d.n_words, d.source AS path, d.locator, "
            f"{'d.text, ' if text else ''}p.total, p.remaining FROM page p "
            "JOIN documents d USING (doc_id) LEFT JOIN document_tone t USING (doc_id) "
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
        """Return a document's entity mentions in text order: idx, sentence (index),
        start_char/end_char (offsets in the clean text), text, label (spaCy entity label),
        actor_id, actor (its name), role (CAMEO code at the document's date), link (how the
        actor was found)."""
        return self._frame(
            "SELECT m.idx, m.sentence, m.start_char, m.end_char, m.text, m.label, m.actor_id, "
            "a.name AS actor, m.role, m.link FROM mentions m LEFT JOIN actors a "
            "USING (actor_id) WHERE m.doc_id = ? ORDER BY m.idx",
            [self.store.resolve_doc_id(doc_id)])

    def actors(self, type: str | None = None, limit: int | None = 100, offset: int = 0, *,
               unknown: bool = False) -> pd.DataFrame:
        """Return actors ranked by mentions.

        Args:
            type: person, country, org (parties included) or agent; unknown: the names not
            in the knowledge base instead (worth adding to a --kb file); limit/offset: paging.
        Returns:
            actor_id, name, type, country, cameo, origin (kb, agent or unknown), mentions and
            documents (counted after each ingest run); attrs["total"] counts every match,
            attrs["left_out"] the actors of the type on the other side of `unknown`, so that
            a listing can say what it leaves out.
        """
        types = check.actor_kind(type)
        sides = ("FROM actor_stats s JOIN actors a USING (actor_id) "
                 "WHERE (? IS NULL OR list_contains(?, a.type)) AND (a.origin = 'unknown') = ? ")
        frame = self._page(
            "SELECT a.actor_id, a.name, a.type, a.country, a.cameo, a.origin, s.mentions, "
            f"s.documents, count(*) OVER () AS total {sides}"
            "ORDER BY s.mentions DESC, a.name LIMIT ? OFFSET ?",
            [types, types, unknown], limit, offset)
        frame.attrs["left_out"] = int(self._frame(
            f"SELECT count(*) AS n {sides}", [types, types, not unknown])["n"].iloc[0])
        return frame

    def events(self, actor: str | None = None, type: str | None = None,
               since: DateValue = None, until: DateValue = None,
               limit: int | None = 100, offset: int = 0, doc_id: str | None = None, *,
               site: str | None = None, duplicates: bool = False, newest_first: bool = False,
               one_per_story: bool = False) -> pd.DataFrame:
        """Return coded events, oldest first (undated last), or newest first.

        Args:
            actor: events it acts in or is acted upon in; type: a PLOVER event type, any
            case; since/until: inclusive dates of the event; site: events of one outlet's
            documents (any case); doc_id: one document's events (copies included);
            duplicates: events of near-duplicate copies too; one_per_story: each story's
            lead event only; limit/offset: paging.
        Returns:
            doc_id, idx, date (ISO, as precise as known), date_basis, type, mode, cameo,
            goldstein, quad_class, modality, source_actor_id, source_actor (name),
            source_actor_role, target_actor_id, target_actor, target_actor_role,
            implied_target_id (with no named target, the state the event is directed at by
            implication) and target_basis (named / place / own state), country,
            city, trigger, method (lexicon or classifier) and confidence, main (on its
            sentence's governing clause, events/main_event.py), start_char/end_char
            (the trigger's offsets in the clean text),
            sentence (index) and sentence_text (the evidence sentence); mentions (the
            event's reports in its document: a headline and its lead), story_id,
            story_mentions, articles and sources (its story across documents,
            events/stories.py); attrs["total"].
        """
        if one_per_story:
            self.store.require_merged("The timeline (one event per story)")
        actor_id = self.actor_id(actor) if actor else None
        since, until = check.date_prefix(since, "since"), check.date_prefix(until, "until")
        kind = check.event_type(type)
        order = "e.date DESC NULLS LAST" if newest_first else "e.date NULLS LAST"
        # Only the filters given become conditions. The page is cut from key columns alone:
        # one document's events (cost "key"), else a top-N over the events' key columns
        # (cost "page": one scan of `events`' filtered columns, no join before the cut), or
        # with an actor over that actor's rows of `actor_events`. The page's full rows are
        # then fetched by their documents' ids as a literal list (EVENT_ROWS), never by a
        # join that would read every event's columns.
        keys = "actor_events" if actor_id is not None and doc_id is None else "events"
        conditions, values = _event_conditions(
            doc_id=doc_id, actor_id=actor_id, kind=kind, since=since, until=until, site=site,
            originals=not (duplicates or doc_id is not None), one_per_story=one_per_story,
            by_actor=keys == "actor_events")
        page = self._page(
            f"SELECT e.doc_id, e.idx, count(*) OVER () AS total FROM {keys} e "
            f"WHERE {conditions} ORDER BY {order}, e.doc_id, e.idx LIMIT ? OFFSET ?",
            values, limit, offset)
        documents = sorted(set(page["doc_id"]))
        frame = self._frame(EVENT_ROWS.format(order=order), [
            list(page["doc_id"]), [int(i) for i in page["idx"]], *[documents] * 5])
        frame.attrs["total"] = page.attrs["total"]
        return frame

    def timeline(self, actor: str, limit: int | None = None, offset: int = 0, *,
                 duplicates: bool = False) -> pd.DataFrame:
        """An actor's stories in date order, one row each (its lead event), with how many
        articles and sources reported it (all of them unless `limit`)."""
        return self.events(actor=actor, limit=limit, offset=offset, duplicates=duplicates,
                           one_per_story=True)

    def stories(self, actor: str | None = None, type: str | None = None,
                since: DateValue = None, until: DateValue = None,
                limit: int | None = 100, offset: int = 0, *, duplicates: bool = False
                ) -> pd.DataFrame:
        """Stories (an event across the documents reporting it), most reported first, with
        GDELT-style counts and the lead report's evidence sentence.

        A story only near-duplicate copies report is left out unless `duplicates`.
        """
        self.store.require_merged("Stories")
        actor_id = self.actor_id(actor) if actor else None
        since, until = check.date_prefix(since, "since"), check.date_prefix(until, "until")
        kind = check.event_type(type)
        return self._page(
            "WITH page AS (SELECT *, count(*) OVER () AS total FROM stories st "
            "WHERE (? IS NULL OR st.source_id = ? OR st.target_id = ?) "
            "AND (? IS NULL OR st.type = upper(?)) AND (? IS NULL OR st.date >= ?) "
            "AND (? IS NULL OR left(st.date, length(?)) <= ?) AND (? OR st.copies < st.articles) "
            "ORDER BY st.articles DESC, st.mentions DESC, st.date DESC NULLS LAST, st.story_id "
            "LIMIT ? OFFSET ?) "
            "SELECT st.total, st.story_id, st.date, st.first_date, st.last_date, e.type, "
            "e.mode, e.modality, st.source_id AS source_actor_id, sa.name AS source_actor, "
            "st.target_id AS target_actor_id, ta.name AS target_actor, st.mentions, "
            "st.articles, st.sources, st.copies, st.doc_id, st.idx, e.trigger, e.start_char, "
            "e.end_char, e.sentence, "
            "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS sentence_text "
            "FROM page st JOIN events e ON e.doc_id = st.doc_id AND e.idx = st.idx "
            "JOIN documents d ON d.doc_id = st.doc_id "
            "JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
            "LEFT JOIN actors sa ON sa.actor_id = st.source_id "
            "LEFT JOIN actors ta ON ta.actor_id = st.target_id "
            "ORDER BY st.articles DESC, st.mentions DESC, st.date DESC NULLS LAST, st.story_id",
            [actor_id, actor_id, actor_id, kind, kind, since, since, until, until, until,
             duplicates], limit, offset)

    def story(self, story_id: int) -> pd.DataFrame:
        """Every report of one story: document, source, date, trigger span and sentence."""
        self.store.require_merged("A story")
        (found, count), = self.store.query(
            "SELECT count(*) FILTER (WHERE story_id = ?), count(*) FROM stories", [story_id])
        if not found:
            raise MareaError(f"[E120] No story {story_id}: {count} stories are stored "
                             "(`marea stories` lists their ids).")
        return self._frame(
            f"SELECT l.doc_id, l.idx AS event, m.idx AS report, d.published, {SOURCE_NAME} "
            "AS site, d.duplicate_of, d.title, m.date, m.date_basis, m.trigger, m.start_char, "
            "m.end_char, m.sentence, "
            "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS sentence_text "
            "FROM story_events l JOIN event_mentions m ON m.doc_id = l.doc_id "
            "AND m.event = l.idx JOIN documents d ON d.doc_id = l.doc_id "
            "JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
            "WHERE l.story_id = ? ORDER BY d.duplicate_of IS NOT NULL, d.published NULLS LAST, "
            "l.doc_id, m.start_char", [int(story_id)])


    def stances(self, actor: str, site: str | None = None, since: DateValue = None,
                until: DateValue = None, limit: int | None = 100, offset: int = 0
                ) -> pd.DataFrame:
        """Return how each document leans toward an actor, newest first (copies left out).

        Args:
            actor: id, name or alias; site: one outlet (any case); since/until: inclusive
            publication dates; limit/offset: paging.
        Returns:
            doc_id, published, site, title, label (favor, against, neutral), score in
            [-1, 1], mentions, and the strongest cue: cue_kind, cue, cue_weight,
            start_char/end_char (its offsets), sentence (index) and sentence_text;
            attrs["total"] counts every match.
        """
        since, until = check.date_prefix(since, "since"), check.date_prefix(until, "until")
        # The page is cut from the actor's stances' keys and their documents' dates first
        # (only the filters given become conditions); the page's stance rows are then read
        # through its documents' ids as a literal list, and the cue and its sentence's span
        # are stored on the stance row, so only the page's rows reach the document text and
        # its sentence offsets (by key) for the evidence: "page".
        actor_id = self.actor_id(actor)
        given = [(f"lower({SOURCE_NAME}) = lower(?)", [site]), ("d.published >= ?", [since]),
                 ("left(d.published, length(?)) <= ?", [until, until])]
        conditions = " ".join(f"AND {sql}" for sql, values in given if values[0] is not None)
        page = self._page(
            "SELECT s.doc_id, s.idx, count(*) OVER () AS total FROM stances s "
            "JOIN documents d USING (doc_id) WHERE s.actor_id = ? AND d.duplicate_of IS NULL "
            f"{conditions} ORDER BY d.published DESC NULLS LAST, s.doc_id LIMIT ? OFFSET ?",
            [actor_id, *[v for _, values in given if values[0] is not None for v in values]],
            limit, offset)
        frame = self._frame(
            "WITH page AS (SELECT unnest(?::VARCHAR[]) AS doc_id, unnest(?::INTEGER[]) AS idx), "
            "rows AS (SELECT * FROM stances WHERE actor_id = ? AND list_contains(?, doc_id)) "
            f"SELECT s.doc_id, d.published, {SOURCE_NAME} AS site, d.title, "
            "s.label, s.score, s.mentions, s.cue_kind, s.cue, s.cue_weight, "
            "s.cue_start AS start_char, s.cue_end AS end_char, "
            "list_position(sp.starts, s.evidence_start) - 1 AS sentence, "
            "substr(d.text, s.evidence_start + 1, s.evidence_end - s.evidence_start) "
            "AS sentence_text FROM page p JOIN rows s USING (doc_id, idx) "
            "JOIN documents d USING (doc_id) LEFT JOIN sentence_spans sp USING (doc_id) "
            "ORDER BY d.published DESC NULLS LAST, s.doc_id",
            [list(page["doc_id"]), [int(i) for i in page["idx"]], actor_id,
             sorted(set(page["doc_id"]))])
        frame.attrs["total"] = page.attrs["total"]
        return frame

    def stance_timeline(self, actor: str, period: str = "year", site: str | None = None
                        ) -> pd.DataFrame:
        """Return the mean stance toward an actor per period (year or month) and site:
        period, site, documents, mean_score, favor, against, neutral.

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

    def attention(self, actor: str, period: str = "month", by_site: bool = False
                  ) -> pd.DataFrame:
        """Return mentions of an actor (and documents naming it) per day, week (ISO,
        "2021-W07"), month or year, per site with `by_site`: period, [site,] mentions,
        documents; near-duplicate copies left out.

        A document dated more coarsely than the period (a month-only date when weeks are
        asked) is left out and counted in attrs["undated"], never drawn at the period's start.
        """
        width = {"day": 10, "week": 10, "month": 7, "year": 4}.get(period)
        if width is None:
            raise MareaError(f"[E069] Unknown period '{period}': choose day, week, month "
                             "or year.")
        label = ("strftime(CAST(left(d.published, 10) AS DATE), '%G-W%V')" if period == "week"
                 else f"left(d.published, {width})")
        site = SOURCE_NAME if by_site else "NULL"
        actor_id = self.actor_id(actor)
        frame = self._frame(
            f"SELECT {label} AS period, {site} AS site, count(*) AS mentions, "
            "count(DISTINCT m.doc_id) AS documents FROM mentions m JOIN documents d "
            "USING (doc_id) WHERE m.actor_id = ? AND d.duplicate_of IS NULL "
            "AND length(d.published) >= ? GROUP BY ALL ORDER BY period, site",
            [actor_id, width])
        if not by_site:
            frame = frame.drop(columns=["site"])
        (undated,), = self.store.query(
            "SELECT count(DISTINCT m.doc_id) FROM mentions m JOIN documents d USING (doc_id) "
            "WHERE m.actor_id = ? AND d.duplicate_of IS NULL "
            "AND coalesce(length(d.published), 0) < ?", [actor_id, width])
        frame.attrs["undated"] = int(undated)
        return frame

    def document_stances(self, doc_id: str) -> pd.DataFrame:
        """Return one document's stance toward every actor it names, strongest first:
        actor_id, actor (name), label, score, mentions."""
        return self._frame(
            "SELECT s.actor_id, a.name AS actor, s.label, s.score, s.mentions FROM stances s "
            "LEFT JOIN actors a USING (actor_id) WHERE s.doc_id = ? "
            "ORDER BY abs(s.score) DESC, s.mentions DESC, s.actor_id",
            [self.store.resolve_doc_id(doc_id)])

    def themes(self, doc_id: str | None = None, language: str | None = None,
               since: DateValue = None, until: DateValue = None) -> pd.DataFrame:
        """Return themes across the corpus, or one document's themed sentences.

        Across the corpus (copies left out, filtered by language and publication dates):
        theme, documents, mean_share, first and last publication date. For `doc_id`:
        sentence (index), theme, score (cue hits), terms, sentence_text.
        """
        if doc_id:
            return self._frame(
                "SELECT t.sentence, t.theme, t.score, t.terms, "
                "substr(d.text, s.starts[t.sentence + 1] + 1, "
                "s.ends[t.sentence + 1] - s.starts[t.sentence + 1]) AS sentence_text "
                "FROM themes t JOIN documents d USING (doc_id) JOIN sentence_spans s "
                "ON s.doc_id = t.doc_id WHERE t.doc_id = ? "
                "AND t.sentence BETWEEN 0 AND len(s.starts) - 1 ORDER BY t.sentence, t.theme",
                [self.store.resolve_doc_id(doc_id)])
        since, until = check.date_prefix(since, "since"), check.date_prefix(until, "until")
        language = check.language(language)
        # agg; the mean share is averaged with compensation (favg), so it does not change
        # with the order parallel threads add the documents in.
        return self._frame(
            "SELECT t.theme, count(*) AS documents, round(favg(t.score), 3) AS mean_share, "
            "min(d.published) AS first, max(d.published) AS last "
            "FROM themes t JOIN documents d USING (doc_id) WHERE t.sentence = -1 "
            "AND d.duplicate_of IS NULL AND (? IS NULL OR d.language = ?) "
            "AND (? IS NULL OR d.published >= ?) "
            "AND (? IS NULL OR left(d.published, length(?)) <= ?) "
            "GROUP BY t.theme ORDER BY documents DESC, t.theme",
            [language, language, since, since, until, until, until])

    def frames(self, doc_id: str) -> pd.DataFrame:
        """Return a document's framing-technique spans in text order: idx, sentence
        (index), start_char/end_char, technique (SemEval-2020 name), score, method (pattern,
        lexicon or classifier), text (the span)."""
        return self._frame(
            "SELECT f.idx, f.sentence, f.start_char, f.end_char, f.technique, f.score, "
            "f.method, substr(d.text, f.start_char + 1, f.end_char - f.start_char) AS text "
            "FROM frames f JOIN documents d USING (doc_id) WHERE f.doc_id = ? "
            "ORDER BY f.start_char, f.technique", [self.store.resolve_doc_id(doc_id)])

    def claims(self, actor: str | None = None, kind: str | None = None,
               doc_id: str | None = None, limit: int | None = 100, offset: int = 0, *,
               duplicates: bool = False) -> pd.DataFrame:
        """Return check-worthy claims, best-scored first (copies left out).

        Args:
            actor: claims whose claimant is this actor; kind: figure, poll, ranking,
            comparison or superlative; doc_id: one document's claims; limit/offset: paging.
        Returns:
            doc_id, idx, published, site, kinds (comma-separated), score, claimant (as
            written), claimant_id, start_char/end_char, text (the claim); attrs["total"].
        """
        actor_id = self.actor_id(actor) if actor else None
        doc = self.store.resolve_doc_id(doc_id) if doc_id else None
        kind = check.claim_kind(kind)
        # The page is cut from claims and their documents' dates first (kinds are a stored
        # list); only its rows reach the document text. Only the filters given become
        # conditions, so one document's claims are found by its key: cost "key"; else "page".
        given = [("c.doc_id = ?", doc), ("c.claimant_id = ?", actor_id),
                 ("list_contains(c.kind_list, ?)", kind)]
        conditions = [sql for sql, value in given if value is not None]
        if not (duplicates or doc is not None):
            conditions.append("d.duplicate_of IS NULL")
        return self._page(
            "WITH page AS (SELECT c.*, d.published, count(*) OVER () AS total "
            "FROM claims c JOIN documents d USING (doc_id) "
            f"WHERE {' AND '.join(conditions) or 'TRUE'} "
            "ORDER BY c.score DESC, d.published DESC NULLS LAST, c.doc_id, c.idx "
            "LIMIT ? OFFSET ?) "
            f"SELECT c.doc_id, c.idx, c.published, {SOURCE_NAME} AS site, "
            "c.kinds, c.score, c.claimant, c.claimant_id, c.start_char, c.end_char, "
            "substr(d.text, c.start_char + 1, c.end_char - c.start_char) AS text, c.total "
            "FROM page c JOIN documents d USING (doc_id) "
            "ORDER BY c.score DESC, c.published DESC NULLS LAST, c.doc_id, c.idx",
            [value for _, value in given if value is not None], limit, offset)

    def narratives(self, limit: int | None = 100, narrative_id: int | None = None,
                   offset: int = 0) -> pd.DataFrame:
        """Return recurring narratives, widest first (most documents), or the one asked for.

        Returns:
            narrative_id; label (the actors and event types recurring in its sentences, and
            what else they are about); actor_ids, event_types (those of the label); terms
            (its ten most distinctive words); sentences, documents, sites (distinct sites of
            its documents); first_date, last_date; cohesion (mean similarity to the centre);
            example_doc_id, example_sentence, example_start_char, example_end_char,
            example_text: the sentence nearest its centre, as evidence. attrs["total"]
            counts the narratives.
        """
        self.store.require_merged("Narratives")
        # The page of narratives (a few hundred rows at most) first, then its examples'
        # sentence offsets and texts by key: cost "page".
        return self._page(
            "WITH page AS (SELECT *, count(*) OVER () AS total FROM narratives n "
            "WHERE (? IS NULL OR n.narrative_id = ?) "
            "ORDER BY n.documents DESC, n.sentences DESC, n.narrative_id LIMIT ? OFFSET ?), "
            "example AS (SELECT n.*, s.starts[n.example_sentence + 1] AS start_char, "
            "s.ends[n.example_sentence + 1] AS end_char FROM page n "
            "LEFT JOIN sentence_spans s ON s.doc_id = n.example_doc_id) "
            "SELECT n.narrative_id, n.label, n.actor_ids, n.event_types, n.terms, n.sentences, "
            "n.documents, n.sources AS sites, n.first_date, n.last_date, "
            "round(n.cohesion, 3) AS cohesion, n.example_doc_id, n.example_sentence, "
            "n.start_char AS example_start_char, n.end_char AS example_end_char, "
            "trim(substr(d.text, n.start_char + 1, n.end_char - n.start_char), "
            "' ' || chr(10) || chr(13) || chr(9)) AS example_text, n.total FROM example n "
            "LEFT JOIN (SELECT doc_id, text FROM documents WHERE doc_id IN "
            "(SELECT example_doc_id FROM page)) d ON d.doc_id = n.example_doc_id "
            "ORDER BY n.documents DESC, n.sentences DESC, n.narrative_id",
            [narrative_id, narrative_id], limit, offset)

    def sources(self, limit: int | None = 100, offset: int = 0) -> pd.DataFrame:
        """Watched sources (`marea watch`) with their last poll, items stored and errors."""
        return self._page(
            "SELECT name, site, language, urls, interval_seconds / 60 AS interval_minutes, "
            "last_poll, polls, items, errors, last_error, count(*) OVER () AS total "
            "FROM sources ORDER BY name LIMIT ? OFFSET ?", [], limit, offset)

    def alerts(self, kind: str | None = None, since: str | None = None,
               limit: int | None = 100, offset: int = 0) -> pd.DataFrame:
        """What changed after each poll of `marea watch`, newest first, with evidence."""
        kind, since = check.alert_kind(kind), check.date_prefix(since, "since")
        return self._page(
            "SELECT a.alert_id, a.created_at, a.kind, a.subject, a.message, a.doc_id, "
            "a.start_char, a.end_char, d.title, d.url, a.detail, count(*) OVER () AS total "
            "FROM alerts a LEFT JOIN documents d USING (doc_id) "
            "WHERE (? IS NULL OR a.kind = ?) AND (? IS NULL OR strftime(a.created_at, "
            "'%Y-%m-%d') >= ?) ORDER BY a.alert_id DESC LIMIT ? OFFSET ?",
            [kind, kind, since, since], limit, offset)

    def narrative(self, narrative_id: int, limit: int | None = None, offset: int = 0
                  ) -> pd.DataFrame:
        """Return the sentences of one narrative by date: doc_id, sentence (index),
        similarity, published, site, title, start_char/end_char, sentence_text (all of them
        unless `limit`; attrs["total"] counts them); an unknown id is refused (E070)."""
        self.store.require_merged("A narrative")
        (found, count), = self.store.query(
            "SELECT count(*) FILTER (WHERE narrative_id = ?), count(*) FROM narratives",
            [narrative_id])
        if not found:
            raise MareaError(f"[E070] No narrative {narrative_id}: {count} narratives are "
                             "stored (`marea narratives` lists their ids).")
        return self._page(
            "SELECT m.doc_id, m.sentence, round(m.similarity, 3) AS similarity, d.published, "
            f"{SOURCE_NAME} AS site, d.title, s.start_char, s.end_char, "
            "substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS sentence_text, "
            "count(*) OVER () AS total FROM narrative_sentences m JOIN documents d USING (doc_id) "
            "JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
            "WHERE m.narrative_id = ? ORDER BY d.published NULLS LAST, m.similarity DESC, "
            "m.doc_id, m.sentence LIMIT ? OFFSET ?", [int(narrative_id)], limit, offset)

    def search(self, query: str, limit: int | None = 20, offset: int = 0,
               mode: str = "hybrid", *,
               actor: str | None = None, stance: str | None = None, theme: str | None = None,
               type: str | None = None, language: str | None = None, site: str | None = None,
               since: DateValue = None, until: DateValue = None, duplicates: bool = False
               ) -> pd.DataFrame:
        """Return documents matching a query, best first; `limit` None: every one.

        Args:
            mode: hybrid (full-text and semantic fused), text or semantic; actor: documents
            naming it, or with `stance` (favor, against, neutral) leaning that way toward
            it; theme: a theme id; type: documents with an event of this PLOVER type;
            language, site, since/until (publication dates), duplicates: as in documents().
        Returns:
            doc_id, title, published, language, site, path, score (NaN past the
            documents MiniLM re-scores over static vectors: marea.search), snippet (the best
            matching sentence, else the opening), sentence (its index, when a sentence
            matched) and start_char/end_char; attrs["total"] counts every document the
            query ranks (holding a query word, or for the semantic ranking any document
            with sentence vectors) that passes the filters.
        """
        filters = Filters(actor=self.actor_id(actor) if actor else None, event_type=type,
                          language=language, site=site,
                          since=check.date_prefix(since, "since"),
                          until=check.date_prefix(until, "until"), theme=theme,
                          stance=stance, duplicates=duplicates)
        hits = search(self.store, query, filters, limit, offset, mode)
        frame = pd.DataFrame(hits, columns=list(HIT_KEYS))
        frame.attrs["total"] = hits.total
        return frame


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return DataFrame rows as JSON-ready dicts (missing values as None)."""
    return [{k: _plain(v) for k, v in row.items()}
            for row in frame.astype(object).to_dict(orient="records")]


def _plain(value: Any) -> Any:
    """A cell as JSON takes it: list columns as lists, missing values (NaN) as None."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return None if value != value else value  # NaN != NaN



def open_corpus(path: str | Path, config: str | Path | None = None) -> Corpus:
    """Return a Corpus over the store at `path`, opened read-only (a missing store is
    refused: run `marea ingest` first), or over the Parquet dataset in the folder `path`
    (`marea ingest --parquet`), read without merging it, its near-duplicates linked by the
    [dedup] settings of `config` (a TOML file, else $MAREA_CONFIG, else the defaults)."""
    return Corpus(Store(path, read_only=True, settings=load_settings(config)))


def _event_conditions(*, doc_id: str | None, actor_id: str | None, kind: str | None,
                      since: str | None, until: str | None, site: str | None, originals: bool,
                      one_per_story: bool, by_actor: bool = False) -> tuple[str, list[Any]]:
    """The WHERE conditions on events `e` for the filters given, and their parameters; with
    `by_actor`, on the actor's rows of `actor_events` instead."""
    given: list[tuple[str, list[Any]]] = [
        ("e.doc_id = ?", [doc_id]) if doc_id is not None else ("", []),
        ("e.actor_id = ?", [actor_id]) if by_actor
        else ("(e.source_id = ? OR e.target_id = ?)", [actor_id, actor_id])
        if actor_id is not None else ("", []),
        ("e.type = upper(?)", [kind]) if kind is not None else ("", []),
        ("e.date >= ?", [since]) if since is not None else ("", []),
        ("left(e.date, length(?)) <= ?", [until, until]) if until is not None else ("", []),
        ("e.original" if by_actor else f"e.doc_id IN {ORIGINALS}", []) if originals
        else ("", []),
        ("e.doc_id IN (SELECT d.doc_id FROM documents d WHERE "
         f"lower({SOURCE_NAME}) = lower(trim(?)))", [site]) if site is not None else ("", []),
        ("EXISTS (SELECT 1 FROM stories st WHERE st.doc_id = e.doc_id AND st.idx = e.idx)", [])
        if one_per_story else ("", []),
    ]
    return (" AND ".join(sql for sql, _ in given if sql) or "TRUE",
            [value for sql, values in given if sql for value in values])
