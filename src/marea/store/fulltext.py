"""The full-text index: an inverted index in the store's own tables, updated per new document.

DuckDB's fts extension can only rebuild its index whole (26 s at 50,000 documents), so every
ingest paid for the whole store. These tables hold the same index: `search_docs` (a number
and the indexed length of each document), `search_terms` (a number for each term) and
`search_postings` (term number, document number, term frequency). Texts are split by the fts
extension's own rules (lower case, accents stripped, anything but letters splits, its English
stopword list, its Porter `stem` function) and scored with its BM25 (k1 = 1.2, b = 0.75,
idf = log10((N - df + 0.5) / (df + 0.5) + 1), document frequencies and average length taken
at query time), so adding documents costs only their own postings while the ranking stays
that of a full rebuild.

A query reads only the postings of its terms when they are stored in term order (DuckDB skips
row groups by their min/max): each run appends its postings sorted, and once the postings
appended since the last compaction pass COMPACT_SHARE of the table, the table is rewritten in
term order (a cost proportional to the store, paid once per that much growth).
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources

from marea.store import Store
from marea.store.crash import crash_point

K1 = 1.2
B = 0.75
CHUNK = 5_000  # documents tokenised per statement (bounds the memory of a first build)
COMPACT_SHARE = 0.1
ROW_GROUP = 122_880  # DuckDB's rows per row group: a smaller unsorted tail costs little
# The fts extension's tokenize macro: its separators are digits, punctuation and spaces.
TOKENS = ("string_split_regex(regexp_replace(lower(strip_accents(CAST({} AS VARCHAR))), "
          "'[0-9!@#$%^&*()_+={{}}\\[\\]:;<>,.?~\\\\/\\|''\"`-]+', ' ', 'g'), '\\s+')")


@cache
def stopwords() -> tuple[str, ...]:
    """The fts extension's English stopword list (571 words), shipped beside this module."""
    text = resources.files("marea.store").joinpath("search_stopwords.txt").read_text("utf-8")
    return tuple(word for word in text.splitlines() if word)


def load_stemmer(store: Store) -> None:
    """Load the fts extension (its `stem` function) from the duckdb-extension-fts package."""
    import duckdb_extension_fts

    folder = os.path.dirname(duckdb_extension_fts.__file__)
    version = store.con.execute("SELECT version()").fetchone()
    path = os.path.join(folder, "extensions", str(version[0] if version else ""),
                        "fts.duckdb_extension")
    store.con.execute("LOAD '" + path.replace("'", "''") + "'")


def update(store: Store) -> int:
    """Index the stored documents not yet indexed and forget the ones no longer stored, in one
    transaction; return how many documents were indexed."""
    load_stemmer(store)
    with store.transaction():
        gone = [r[0] for r in store.con.execute(
            "SELECT docno FROM search_docs WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
        ).fetchall()]
        if gone:
            store.con.execute("DELETE FROM search_postings WHERE list_contains(?, docno)", [gone])
            store.con.execute("DELETE FROM search_docs WHERE list_contains(?, docno)", [gone])
        new = [r[0] for r in store.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM search_docs) "
            "ORDER BY doc_id").fetchall()]
        for start in range(0, len(new), CHUNK):
            _index(store, new[start:start + CHUNK])
        _compact_if_grown(store)
        crash_point("refresh-search-index")
    return len(new)


def _index(store: Store, doc_ids: list[str]) -> None:
    """Number these documents after the last indexed one and write their postings."""
    store.con.execute(
        "INSERT INTO search_docs SELECT doc_id, (SELECT coalesce(max(docno), 0) FROM "
        "search_docs) + row_number() OVER (ORDER BY doc_id), 0 FROM unnest(?::VARCHAR[]) "
        "AS t(doc_id)", [doc_ids])
    store.con.execute(
        "CREATE OR REPLACE TEMP TABLE _words AS SELECT s.docno, stem(w.word, 'porter') AS term "
        "FROM (SELECT doc_id, unnest(" + TOKENS.format("coalesce(title, '') || ' ' || text")
        + ") AS word FROM documents WHERE list_contains(?::VARCHAR[], doc_id)) w "
        "JOIN search_docs s USING (doc_id) "
        "WHERE w.word <> '' AND w.word NOT IN (SELECT unnest(?::VARCHAR[]))",
        [doc_ids, list(stopwords())])
    try:
        store.con.execute(
            "INSERT INTO search_terms SELECT term, (SELECT coalesce(max(termid), 0) FROM "
            "search_terms) + row_number() OVER (ORDER BY term) FROM (SELECT DISTINCT term "
            "FROM _words WHERE term NOT IN (SELECT term FROM search_terms))")
        store.con.execute(
            "INSERT INTO search_postings SELECT t.termid, w.docno, count(*) FROM _words w "
            "JOIN search_terms t USING (term) GROUP BY t.termid, w.docno "
            "ORDER BY t.termid, w.docno")
        store.con.execute("UPDATE search_docs SET length = w.n FROM (SELECT docno, count(*) "
                          "AS n FROM _words GROUP BY docno) w WHERE search_docs.docno = w.docno")
    finally:
        store.con.execute("DROP TABLE _words")


def _compact_if_grown(store: Store) -> None:
    """Rewrite the postings in term order once the unsorted tail passes COMPACT_SHARE."""
    row = store.con.execute("SELECT (SELECT count(*) FROM search_postings), "
                            "(SELECT coalesce(max(postings), 0) FROM search_compacted)").fetchone()
    total, compacted = (int(row[0]), int(row[1])) if row else (0, 0)
    if total - compacted > max(ROW_GROUP, COMPACT_SHARE * compacted):
        compact(store)


def compact(store: Store) -> None:
    """Rewrite the postings in term order (a query then reads only its terms' row groups)."""
    store.con.execute("CREATE TEMP TABLE _sorted AS SELECT * FROM search_postings "
                      "ORDER BY termid, docno")
    try:
        store.con.execute("DELETE FROM search_postings")
        store.con.execute("INSERT INTO search_postings SELECT * FROM _sorted")
    finally:
        store.con.execute("DROP TABLE _sorted")
    store.con.execute("DELETE FROM search_compacted")
    store.con.execute("INSERT INTO search_compacted SELECT count(*) FROM search_postings")


def is_complete(store: Store) -> bool:
    """True when every stored document is indexed."""
    row = store.con.execute(
        "SELECT count(*) FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM search_docs)"
    ).fetchone()
    return bool(row and row[0] == 0)


def term_ids(store: Store, query: str) -> list[int]:
    """The numbers of the query's stemmed terms that occur in the index."""
    return [int(r[0]) for r in store.con.execute(
        "SELECT termid FROM search_terms WHERE term IN (SELECT DISTINCT stem(unnest("
        + TOKENS.format("?") + "), 'porter'))", [query]).fetchall()]


def top_documents(store: Store, terms: list[int], candidates: str, depth: int
                  ) -> list[tuple[str, float]]:
    """The `depth` documents of the table `candidates` (doc_id, docno, length: the
    documents passing a search's filters, with their number and indexed length) with the
    highest BM25 score over `terms` (term numbers), best first: (doc_id, score).

    The term numbers are constants, so the scan skips other terms' row groups; only the
    postings of those terms meet the candidates. Document frequencies and the average length
    are those of the whole index. Scores are summed with compensation (fsum), so a score does
    not change with the order the join returns a document's terms in, and rounded for the
    order: equal texts (syndicated copies) tie exactly, and the tie goes to the lower id.
    """
    wanted = ", ".join("?" * len(terms))
    return [(doc_id, score) for doc_id, score in store.query(f"""
WITH postings AS (SELECT termid, docno, tf FROM search_postings WHERE termid IN ({wanted})),
frequency AS (SELECT termid, count(*) AS df FROM postings GROUP BY termid),
corpus AS (SELECT count(*) AS n, avg(length) AS avgdl FROM search_docs)
SELECT p.doc_id, fsum(log((c.n - f.df + 0.5) / (f.df + 0.5) + 1) * t.tf * ({K1} + 1)
    / (t.tf + {K1} * (1 - {B} + {B} * p.length / c.avgdl))) AS score
FROM postings t JOIN {candidates} p USING (docno) JOIN frequency f USING (termid), corpus c
GROUP BY p.doc_id ORDER BY round(score, 9) DESC, p.doc_id LIMIT ?""", [*terms, depth])]
