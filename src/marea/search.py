"""Search: full-text (BM25, by the fts extension's rules) and semantic (sentence vectors), fused,
with structured filters.

The same engine serves the CLI, the Python API and the REST API. The full-text index
(`marea.store.fulltext`) covers document titles and clean texts; each ingest run adds the
documents it stored, with the fts extension's text rules and BM25. Semantic search ranks
documents by their sentence nearest the query, which it returns as the snippet, through the
sentence-vector index with the filters applied without losing recall (marea.vectors); over
static vectors, MiniLM re-scores the first RERANK documents' best sentences (`_rescored`), and
the documents past them follow in the static ranking's order with no score (None): a static
cosine is on another scale than MiniLM's, so the two are never listed as one.
"hybrid" (the default) fuses both rankings, each cut at FUSION_DEPTH, by reciprocal rank
(k = 60): a document found both ways comes first. Titles and snippets are read by key for the
page's documents only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import duckdb

from marea import params as check
from marea.errors import StoreError
from marea.store import Store, fulltext
from marea.vectors import Nearest, index_is_stale, nearest_documents, update_index

MAX_LIMIT = 500  # the most rows one REST page returns
# A document's source for display, grouping and the site filter: its site (metadata), else
# its URL's domain, else the folder its file was read from.
SOURCE_NAME = ("coalesce(d.site, nullif(regexp_extract(d.url, "
               "'^[A-Za-z]+://(?:www[.])?([^/:?#]+)', 1), ''), "
               "nullif(regexp_extract(d.source, '([^/]+)/[^/]+$', 1), ''), d.source)")
MODES = ("hybrid", "text", "semantic")
FUSION_DEPTH = 200  # candidates taken from each ranking before fusing
RRF_K = 60
# Documents whose best sentence is re-scored by MiniLM when the store holds static vectors
# (marea.nlp.encoder.RESCORED_BY): the static ranking's first RERANK, chosen on the dev
# queries of benchmarks/retrieval.py (`minilm-l6-static+rerank=K`: 50, 100, 200, 400
# measured; 400 best on dev, en R@10 equal to MiniLM's, es -.03). Costs 400 sentence
# encodings a query (~14 s at load 13 on this machine, less with sentences met before).
RERANK = 400


def refresh_indexes(store: Store) -> list[str]:
    """Complete every corpus-wide summary that is missing or stale; return the steps run.

    The full-text index, the vector index, the stories and the narratives
    summarise the whole store, so they are brought up to date once after a run, not per
    batch. A step is recorded in `refresh_state` against the documents it summarised only
    after its result is committed: a run killed anywhere leaves it unrecorded, and the next
    `ingest` (or `marea doctor --repair`) redoes it, whether or not that run stores anything.
    """
    with store.io_errors():
        state = store.documents_state()
        ran = stale_refresh_steps(store)
        for step in ran:
            REFRESH_STEPS[step](store)
            store.mark_refreshed(step, state)
    return ran


def stale_refresh_steps(store: Store) -> list[str]:
    """The refresh steps never completed, or completed before the documents last changed."""
    state = store.documents_state()
    done = store.refreshed()
    return [step for step in REFRESH_STEPS
            if done.get(step) != state or (step == "search_index" and not has_search_index(store))
            or (step == "vector_index" and index_is_stale(store))]


def has_search_index(store: Store) -> bool:
    """True when every stored document is in the full-text index."""
    return fulltext.is_complete(store)


def _refresh_narratives(store: Store) -> None:
    from marea.opinion.narratives import update

    update(store)


def _refresh_stories(store: Store) -> None:
    from marea.events.stories import refresh

    refresh(store)


def _refresh_search_index(store: Store) -> None:
    fulltext.update(store)


def _refresh_vector_index(store: Store) -> None:
    update_index(store)


REFRESH_STEPS: dict[str, Callable[[Store], None]] = {
    "narratives": _refresh_narratives,
    "stories": _refresh_stories,
    "vector_index": _refresh_vector_index,
    "search_index": _refresh_search_index,
}


@dataclass(frozen=True)
class Filters:
    """Filters(actor="evo-morales", language="es", since="2019")  # all optional, combined"""

    actor: str | None = None  # actor id named in the document
    event_type: str | None = None  # PLOVER type of an event in the document
    language: str | None = None
    site: str | None = None
    since: str | None = None  # ISO date or prefix, inclusive
    until: str | None = None
    theme: str | None = None  # a document-level theme id (see `marea themes`)
    stance: str | None = None  # favor | against | neutral toward `actor`
    duplicates: bool = False  # include near-duplicate copies (collapsed by default)

    def __post_init__(self) -> None:
        """Refuse values that would silently match nothing or compare wrong."""
        checked = {"since": check.date_prefix(self.since, "since"),
                   "until": check.date_prefix(self.until, "until"),
                   "event_type": check.event_type(self.event_type),
                   "language": check.language(self.language),
                   "theme": check.theme(self.theme), "stance": check.stance_label(self.stance)}
        for name, value in checked.items():
            object.__setattr__(self, name, value)

    def sql(self) -> tuple[str, list[Any]]:
        """Return a WHERE fragment on documents `d` and its parameters (never interpolated)."""
        where: list[str] = []
        params: list[Any] = []
        if self.stance and not self.actor:
            raise StoreError("[E052] A stance filter needs an actor: stance toward whom?")
        if self.actor and self.stance:
            where.append("d.doc_id IN (SELECT doc_id FROM stances WHERE actor_id = ? "
                         "AND label = ?)")
            params += [self.actor, self.stance]
        elif self.actor:
            where.append("d.doc_id IN (SELECT doc_id FROM mentions WHERE actor_id = ?)")
            params.append(self.actor)
        if self.theme:
            where.append("d.doc_id IN (SELECT doc_id FROM themes WHERE sentence = -1 "
                         "AND theme = ?)")
            params.append(self.theme)
        if self.event_type:
            where.append("d.doc_id IN (SELECT doc_id FROM events WHERE type = ?)")
            params.append(self.event_type)
        if self.language:
            where.append("d.language = ?")
            params.append(self.language)
        if self.site:
            where.append(f"lower({SOURCE_NAME}) = lower(?)")
            params.append(self.site.strip())
        if not self.duplicates:
            where.append("d.duplicate_of IS NULL")
        if self.since:
            where.append("d.published >= ?")
            params.append(self.since)
        if self.until:
            where.append("left(d.published, ?) <= ?")
            params += [len(self.until), self.until]
        return (" AND ".join(where) or "TRUE"), params


class Hits(list[dict[str, Any]]):
    """One page of search hits, with `total`: how many documents the query ranks in all
    (documents holding a query word, and for the semantic ranking every document with
    sentence vectors, that pass the filters)."""

    def __init__(self, hits: list[dict[str, Any]], total: int) -> None:
        super().__init__(hits)
        self.total = total


def search(store: Store, query: str, filters: Filters = Filters(), limit: int | None = 20,
           offset: int = 0, mode: str = "hybrid", encoder: str | None = None) -> Hits:
    """Return documents matching a query and filters, best first (`limit` None: all).

    Each hit has doc_id, title, published, language, site, path, score, snippet and, when
    a sentence matched, its offsets (sentence, start_char, end_char). The result's `total`
    counts every document the ranking would return past this page. Both rankings are
    bounded (marea.store.fulltext.top_documents, marea.vectors); titles and snippets are
    read for the page's documents only.
    """
    from marea.nlp.encoder import DISABLED

    store.require_merged("Search")
    if not query.strip():
        raise StoreError("[E050] Empty search query.")
    if mode not in MODES:
        raise StoreError(f"[E053] Unknown search mode '{mode}': choose {', '.join(MODES)}.")
    limit, offset = check.page_size(limit), check.offset(offset)
    terms = _terms(store, query) if mode != "semantic" else []
    semantic = mode != "text" and encoder != DISABLED
    with _candidates(store, filters) as count:
        total = _total(store, terms, semantic)
        wanted = total - offset if limit is None else limit
        if wanted <= 0:
            return Hits([], total)
        depth = offset + wanted if mode != "hybrid" else max(FUSION_DEPTH, offset + wanted)
        text = _text(store, terms, depth, count) if mode != "semantic" else []
        near = _semantic(store, query, depth, count, encoder) if semantic else []
    if mode == "text":
        ranked = text
    elif mode == "semantic":
        ranked = [(n.doc_id, n.similarity) for n in near]
    else:
        fused: dict[str, float] = {}
        for ranking in (text, [(n.doc_id, n.similarity) for n in near]):
            for rank, (doc_id, _) in enumerate(ranking):
                fused[doc_id] = fused.get(doc_id, 0.0) + 1.0 / (RRF_K + rank + 1)
        ranked = sorted(fused.items(), key=lambda item: (-item[1], item[0]))
    # The snippet is a sentence holding the query's words when there is one (the reader sees
    # why it matched), else, in semantic and hybrid modes, the nearest in meaning.
    nearest = {n.doc_id: n for n in near}
    return Hits(_hits(store, query, ranked[offset:offset + wanted], nearest,
                      {doc_id for doc_id, _ in text}), total)


# The documents passing a search's filters, evaluated once per request (the actor, stance and
# theme filters are subqueries over tables of a million rows) into a temporary table of the
# request's thread's connection, which the total, the text and the semantic rankings read.
CANDIDATES = "_search_candidates"
PASSING = f"d.doc_id IN (SELECT doc_id FROM {CANDIDATES})"


@contextmanager
def _candidates(store: Store, filters: Filters) -> Iterator[int]:
    """Fill CANDIDATES with the documents passing `filters` (their full-text number, length
    and whether they have sentence vectors); yield how many there are; drop it after. Cost:
    one scan of `documents` with the filters (and their subqueries) once: "page"."""
    where, params = filters.sql()
    store.con.execute(
        f"CREATE OR REPLACE TEMP TABLE {CANDIDATES} AS SELECT d.doc_id, s.docno, s.length, "
        "k.doc_id IS NOT NULL AS vectors FROM documents d LEFT JOIN search_docs s "
        f"USING (doc_id) LEFT JOIN doc_keys k USING (doc_id) WHERE {where}", params)
    try:
        (count,), = store.query(f"SELECT count(*) FROM {CANDIDATES}")
        yield int(count)
    finally:
        store.con.execute(f"DROP TABLE IF EXISTS {CANDIDATES}")


def _terms(store: Store, query: str) -> list[int]:
    """The query's term numbers in the full-text index."""
    fulltext.load_stemmer(store)
    try:
        return fulltext.term_ids(store, query)
    except duckdb.CatalogException as exc:  # a store of an older schema, opened read-only
        raise StoreError("[E051] No search index in this store (made by an older marea): "
                         "run `marea ingest` or `marea doctor --repair` to build it.") from exc


def _total(store: Store, terms: list[int], semantic: bool) -> int:
    """How many candidates hold a query term or (semantic) have sentence vectors: every one
    of them has a place in the ranking. Counted exactly, in one pass over the candidates
    and the postings of the query's terms (cost "index")."""
    if not terms and not semantic:
        return 0
    holding = (f"c.docno IN (SELECT docno FROM search_postings WHERE termid IN "
               f"({', '.join('?' * len(terms))}))" if terms else "FALSE")
    (count,), = store.query(f"SELECT count(*) FROM {CANDIDATES} c WHERE "
                            f"{'c.vectors' if semantic else 'FALSE'} OR {holding}", terms)
    return int(count)


def _hits(store: Store, query: str, page: list[tuple[str, float]],
          nearest: dict[str, Nearest], by_words: set[str]) -> list[dict[str, Any]]:
    """The page's documents with title, site and snippet: for documents the text ranking
    found (`by_words`), the sentence with the most query words (the reader sees why it
    matched); else the sentence found semantically; else the opening. A score NaN (not
    re-scored: `_rescored`) is shown as None; a document deleted since it was ranked is left
    out. Read by key (documents, sentence_spans): cost "key"."""
    if not page:
        return []
    marks = ", ".join("?" * len(page))
    ids = [doc_id for doc_id, _ in page]
    rows = {row[0]: row for row in store.query(
        f"SELECT d.doc_id, d.title, d.published, d.language, {SOURCE_NAME}, d.source, d.text "
        f"FROM documents d WHERE d.doc_id IN ({marks})", ids)}
    spans = {row[0]: row[1:] for row in store.query(
        f"SELECT doc_id, starts, ends FROM sentence_spans WHERE doc_id IN ({marks})", ids)}
    pattern = term_pattern(query)
    hits = []
    for doc_id, score in page:
        if doc_id not in rows:
            continue
        *shown, text = rows[doc_id]
        starts, ends = spans.get(doc_id, ([], []))
        idx = _matching(pattern, text, starts, ends) if doc_id in by_words else None
        if idx is None and doc_id in nearest:
            idx = nearest[doc_id].sentence
        if idx is None or idx >= len(starts):
            found: tuple[Any, ...] = (text[:240], None, None, None)
        else:
            found = (text[starts[idx]:ends[idx]], idx, starts[idx], ends[idx])
        hits.append(dict(zip(HIT_KEYS, (*shown, None if math.isnan(score) else score, *found),
                             strict=True)))
    return hits


def _matching(pattern: re.Pattern[str] | None, text: str, starts: list[int], ends: list[int]
              ) -> int | None:
    """The first sentence with the most distinct query words; None when none has any."""
    best, most = None, 0
    for idx, (start, end) in enumerate(zip(starts, ends, strict=True)):
        found = len({m.lower() for m in pattern.findall(text[start:end])}) if pattern else 0
        if found > most:
            best, most = idx, found
    return best


HIT_KEYS = ("doc_id", "title", "published", "language", "site", "path", "score", "snippet",
            "sentence", "start_char", "end_char")


def term_pattern(query: str) -> re.Pattern[str] | None:
    """A pattern for the query's words and their inflections ("protest" finds "protested"),
    roughly as the stemmed full-text index matches them; None for a query without words."""
    words = sorted({w.lower() for w in re.findall(r"\w{2,}", query)}, key=len, reverse=True)
    if not words:
        return None
    stems = [re.escape(w[:max(4, len(w) - 2)] if len(w) > 5 else w) for w in words]
    return re.compile(rf"\b(?:{'|'.join(stems)})\w*", re.IGNORECASE)


def _text(store: Store, terms: list[int], depth: int, count: int) -> list[tuple[str, float]]:
    """The `depth` candidates with the highest BM25 score, best first
    (marea.store.fulltext.top_documents); cost: "index"."""
    if not terms or not count:
        return []
    return fulltext.top_documents(store, terms, CANDIDATES, depth)


def _semantic(store: Store, query: str, depth: int, count: int, encoder: str | None
              ) -> list[Nearest]:
    """Documents ranked by their sentence most similar to the query (cosine), found through
    the sentence-vector index (marea.vectors); cost: "index"."""
    from marea.nlp.encoder import DEFAULT, DISABLED, RESCORED_BY, encode_query

    if encoder == DISABLED or not count:
        return []
    # The query is encoded by the encoder that made the stored vectors, whatever is set.
    stored = store.encoder() or encoder or DEFAULT
    near = nearest_documents(store, encode_query(query, stored), PASSING, [], depth, count)
    if stored in RESCORED_BY:
        return _rescored(store, query, near, RESCORED_BY[stored])
    return near


def _rescored(store: Store, query: str, near: list[Nearest], encoder: str) -> list[Nearest]:
    """The first RERANK documents re-ranked by `encoder`'s cosine of their best sentence to
    the query (both encoded now): static vectors find the candidates cheaply, the network
    orders them as well as it would alone (benchmarks/retrieval.py). The rest follow in their
    first-stage order with similarity NaN (not re-scored): the documents past RERANK, and any
    whose sentence can no longer be read (deleted or re-ingested since the index search)."""
    from marea.nlp.encoder import encode, encode_query

    head = near[:RERANK]
    found = dict(store.query(
        "SELECT w.doc_id, substr(d.text, p.starts[w.idx + 1] + 1, "
        "p.ends[w.idx + 1] - p.starts[w.idx + 1]) FROM (SELECT unnest(?) AS doc_id, "
        "unnest(?) AS idx) w JOIN documents d USING (doc_id) "
        "JOIN sentence_spans p USING (doc_id)",
        [[n.doc_id for n in head], [n.sentence for n in head]])) if head else {}
    readable = [n for n in head if found.get(n.doc_id)]
    rescored = []
    if readable:
        cosines = (encode([found[n.doc_id] for n in readable], encoder)
                   @ encode_query(query, encoder))
        rescored = [Nearest(n.doc_id, n.sentence, float(c))
                    for n, c in zip(readable, cosines, strict=True)]
    taken = {n.doc_id for n in rescored}
    unscored = [Nearest(n.doc_id, n.sentence, math.nan) for n in near if n.doc_id not in taken]
    return sorted(rescored, key=lambda n: (-n.similarity, n.doc_id)) + unscored
