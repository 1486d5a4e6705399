"""REST API latency on a large store, as a ratio to /health measured in the same run.

    python benchmarks/api.py [--docs 50000] [--requests 200] [--keep] [--fresh] [--store FILE]
                             [--latency-only]

Builds a store without running NLP on every text: the bundled examples (and
../shared/corpus/seeds when present) go through the full pipeline once, then SQL copies
their rows until the store holds --docs documents. Copy k gets the id <first 10 chars of
the original><k as 6 hex digits>, a `published` date moved to a month between 2000-01 and
2024-12 (same precision; its events' dates move by as many months) and the text suffix
" (copy k)"; its inputs (the locator suffixed "#copy-k"), sentences (and their spans),
tokens, mentions, events, tone, themes, stances (with cues), frames, claims and
near-duplicate buckets are copied too, and so are its full-text postings (under a new
document number, plus the suffix's word) and its sentence vectors (with a little noise, see
NOISE), which are added to the vector index; the copies join narratives as ingests would
place them (copy_narratives); actors need no copies. Then stories are refreshed and the
narratives rebuilt (many narratives, as /narratives would serve them at this size). The
built store is kept in CACHE under a name holding a digest of the build code, so a re-run
only brings it up to date (--fresh rebuilds it).
Recall@10 of indexed semantic search against the exhaustive scan is measured (the ten
documents found for each phrase, per filter) unless --latency-only.

Then `marea serve` runs in a subprocess and each endpoint gets --requests sequential
requests (after one unrecorded warm-up; at most CAP_SECONDS per endpoint) with varying
parameters. It prints the store size and build times, then per endpoint: requests, non-2xx
responses, p50/p95/max latency in ms and p50 / p50 of /health (the in-process baseline,
since machines are shared and noisy), and the slowest request overall.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import numpy as np

from marea.opinion import narratives
from marea.pipeline import ingest
from marea.search import Filters, refresh_indexes
from marea.settings import load_settings
from marea.store import Store, fulltext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import run_in_temp_folder  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
CACHE = Path(tempfile.gettempdir()) / "marea-api-bench"  # built stores, one per --docs
CAP_SECONDS = 60.0  # per endpoint
START_SECONDS = 900.0  # for the server to answer /health
UPDATED_COPIES = 3  # copies per document placed by a narratives update (see copy_narratives)
NOISE = 0.01  # uniform noise width per dimension of a copied sentence vector (norm ~0.057)
PHRASES = ("the president was removed by congress", "sanctions against Venezuela",
           "elecciones presidenciales en Brasil", "US interference in Latin America",
           "protestas contra el gobierno", "regional integration and trade")
WORDS = ("Castillo", "Congress", "protest", "sanciones", "Lula", "coup", "OAS", "election",
         "Bolivia", "Mercosur", "Venezuela", "migration")

# Move an ISO date (or a prefix: YYYY, YYYY-MM, YYYY-Www, ...) by `months`; a day past the
# 28th becomes the 28th so every shifted date exists. Anything else is left as it is.
SHIFT_MACROS = r"""
CREATE OR REPLACE TEMP MACRO shift_one(d, months) AS CASE
    WHEN regexp_matches(d, '^\d{4}-\d{2}-\d{2}') THEN printf('%04d-%02d-%02d',
        (left(d, 4)::INT * 12 + substr(d, 6, 2)::INT - 1 + months) // 12,
        (left(d, 4)::INT * 12 + substr(d, 6, 2)::INT - 1 + months) % 12 + 1,
        least(substr(d, 9, 2)::INT, 28)) || substr(d, 11)
    WHEN regexp_matches(d, '^\d{4}-\d{2}') THEN printf('%04d-%02d',
        (left(d, 4)::INT * 12 + substr(d, 6, 2)::INT - 1 + months) // 12,
        (left(d, 4)::INT * 12 + substr(d, 6, 2)::INT - 1 + months) % 12 + 1) || substr(d, 8)
    WHEN regexp_matches(d, '^\d{4}') THEN
        printf('%04d', left(d, 4)::INT + floor(months / 12)::INT) || substr(d, 5)
    ELSE d END;
CREATE OR REPLACE TEMP MACRO shift(d, months) AS CASE
    WHEN contains(d, '/') THEN
        shift_one(split_part(d, '/', 1), months) || '/' || shift_one(split_part(d, '/', 2), months)
    ELSE shift_one(d, months) END;
"""

# One row per copy: (old_id, new_id, k, months to shift); ? = copies per document, copies.
PLAN = r"""
CREATE TEMP TABLE plan AS
WITH base AS (
    SELECT doc_id, row_number() OVER (ORDER BY doc_id) AS i, CASE
        WHEN regexp_matches(published, '^\d{4}-\d{2}')
            THEN left(published, 4)::INT * 12 + substr(published, 6, 2)::INT - 1
        WHEN regexp_matches(published, '^\d{4}') THEN left(published, 4)::INT * 12 END AS month
    FROM documents)
SELECT b.doc_id AS old_id, left(b.doc_id, 10) || printf('%06x', r.k) AS new_id, r.k,
       coalesce(2000 * 12 + (r.k * 37 + b.i * 11) % 300 - b.month, 0) AS months
FROM base b CROSS JOIN range(1, ? + 1) r(k)
ORDER BY r.k, b.doc_id
LIMIT ?
"""

COPIES = (
    """INSERT INTO documents BY NAME SELECT d.* REPLACE (
        p.new_id AS doc_id, shift(d.published, p.months) AS published,
        d.text || printf(' (copy %d)', p.k) AS text,
        d.n_chars + length(printf(' (copy %d)', p.k)) AS n_chars, d.n_words + 2 AS n_words,
        left(d.duplicate_of, 10) || printf('%06x', p.k) AS duplicate_of,
        ? AS run_id, now()::TIMESTAMP AS ingested_at)
    FROM plan p JOIN documents d ON d.doc_id = p.old_id""",
    """INSERT INTO sentences BY NAME SELECT s.* REPLACE (p.new_id AS doc_id)
    FROM plan p JOIN sentences s ON s.doc_id = p.old_id""",
    """INSERT INTO mentions BY NAME SELECT m.* REPLACE (p.new_id AS doc_id)
    FROM plan p JOIN mentions m ON m.doc_id = p.old_id""",
    # the copies' mentions counted as a write counts them (Store.count_actors)
    """INSERT INTO actor_stats SELECT m.actor_id, count(*), count(DISTINCT p.new_id)
    FROM plan p JOIN mentions m ON m.doc_id = p.old_id WHERE m.actor_id IS NOT NULL
    GROUP BY m.actor_id ON CONFLICT (actor_id) DO UPDATE SET
    mentions = actor_stats.mentions + excluded.mentions,
    documents = actor_stats.documents + excluded.documents""",
    """INSERT INTO events BY NAME SELECT e.* REPLACE (
        p.new_id AS doc_id, shift(e.date, p.months) AS date)
    FROM plan p JOIN events e ON e.doc_id = p.old_id""",
    """INSERT INTO actor_events BY NAME SELECT a.* REPLACE (
        p.new_id AS doc_id, shift(a.date, p.months) AS date)
    FROM plan p JOIN actor_events a ON a.doc_id = p.old_id""",
    """INSERT INTO event_mentions BY NAME SELECT m.* REPLACE (
        p.new_id AS doc_id, shift(m.date, p.months) AS date)
    FROM plan p JOIN event_mentions m ON m.doc_id = p.old_id""",
    *(f"""INSERT INTO {table} BY NAME SELECT t.* REPLACE (p.new_id AS doc_id)
    FROM plan p JOIN {table} t ON t.doc_id = p.old_id""" for table in (
        "tokens", "tone", "document_tone", "themes", "stances", "stance_cues", "frames",
        "claims", "sentence_spans")),
    # an input per copy, as its ingest records it (an ingest looks its inputs up here)
    """INSERT INTO inputs BY NAME SELECT i.* REPLACE (
        i.locator || printf('#copy-%d', p.k) AS locator, p.new_id AS doc_id, ? AS run_id)
    FROM plan p JOIN inputs i ON i.doc_id = p.old_id""",
    # what a write notes for the next stories refresh (Store.add_to_story_inbox)
    "INSERT INTO story_inbox SELECT new_id FROM plan",
    # a copy keeps its original's signature, so it shares its near-duplicate buckets
    """INSERT INTO near_duplicate_buckets SELECT b.bucket, p.new_id, b.seq + 1000000 * p.k
    FROM plan p JOIN near_duplicate_buckets b ON b.doc_id = p.old_id""",
)


def cached_store(docs: int, folder: Path, fresh: bool) -> Path:
    """The store of `docs` documents from CACHE, built in `folder` and moved there when it
    is missing (or `fresh`); its name carries a digest of the build code and the inputs, so
    a changed build is never mistaken for the cached one (an older schema is migrated when
    the store is opened)."""
    digest = hashlib.sha1("\n".join([
        SHIFT_MACROS, PLAN, *COPIES, str(NOISE), str(UPDATED_COPIES), str(SEEDS.is_dir()),
        *(inspect.getsource(f) for f in (build_store, copy_documents, copy_postings,
                                         copy_vectors, copy_narratives))
    ]).encode()).hexdigest()[:12]
    cached = CACHE / f"api-{docs}-{digest}.duckdb"
    if cached.exists() and not fresh:
        print(f"store from the cache: {cached}")
        return cached
    db = folder / "api.duckdb"
    f = build_store(db, docs)
    print(f"store: {f['documents']:.0f} documents ({f['base_docs']:.0f} ingested, the "
          f"rest copied), {f['sentences']:.0f} sentences ({f['sentence_vectors']:.0f} "
          f"vectors), {f['mentions']:.0f} mentions, {f['events']:.0f} events, {f['mb']:.0f} MB")
    print(f"build: ingest {f['ingest_s']:.1f} s, copies with postings {f['copy_s']:.1f} s, "
          f"vectors and their index {f['vectors_s']:.1f} s, other indexes (actor counts, "
          f"stories) {f['index_s']:.1f} s, narratives {f['narratives_s']:.1f} s", flush=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    for stale in CACHE.glob(f"api-{docs}-*"):
        stale.unlink()
    vectors_file = Path(str(db) + ".vectors")
    os.replace(vectors_file, Path(str(cached) + ".vectors"))  # the store last: complete
    os.replace(db, cached)
    print(f"cached as {cached}")
    return cached


def build_store(db: Path, docs: int) -> dict[str, float]:
    """Ingest the examples and seeds, copy them up to `docs` documents, index; return figures."""
    settings = load_settings().with_(db=str(db))
    root = Path(str(resources.files("marea").joinpath("examples")))
    paths = [str(root / name) for name in ("html", "text", "feeds")]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    figures: dict[str, float] = {}
    with Store(db) as store:
        started = time.perf_counter()
        summary = ingest(paths, store, settings, command="benchmark base")
        assert not summary.failed, summary.failed
        figures["ingest_s"] = time.perf_counter() - started
        base = store.query("SELECT count(*) FROM documents")[0][0]
        figures["base_docs"] = base
        figures.update(copy_documents(store, docs))
        # many narratives and a full pool of leftovers, as /narratives would serve at this size
        started = time.perf_counter()
        narratives.rebuild(store)
        figures["narratives_s"] += time.perf_counter() - started
    figures["mb"] = db.stat().st_size / 1e6
    return figures


def copy_documents(store: Store, docs: int, expansion: int | None = None) -> dict[str, float]:
    """Copy the stored documents' rows, full-text postings and sentence vectors until there
    are `docs` documents, copy their narrative rows (copy_narratives), then refresh the other
    indexes; return the times and table sizes. `expansion`: see copy_vectors."""
    figures: dict[str, float] = {}
    base = store.query("SELECT count(*) FROM documents")[0][0]
    refresh_indexes(store)  # the originals' postings and vector keys are what gets copied
    started = time.perf_counter()
    run_id = store.start_run("benchmark copies")
    wanted = max(0, docs - base)
    con = store.con
    con.execute(SHIFT_MACROS)
    con.execute("BEGIN")
    con.execute(PLAN, [-(-wanted // base), wanted])
    for sql in COPIES:
        con.execute(sql, [run_id] if "run_id" in sql else [])
    copy_postings(store)
    con.execute("COMMIT")
    store.finish_run(run_id, "done", {"stored": wanted, "near_duplicates": 0,
                                      "duplicates": 0, "unchanged": 0, "failed": 0,
                                      "skipped": 0})
    figures["copy_s"] = time.perf_counter() - started
    started = time.perf_counter()
    copy_vectors(store, expansion=expansion)
    figures["vectors_s"] = time.perf_counter() - started
    started = time.perf_counter()
    copy_narratives(store)
    con.execute("DROP TABLE plan")
    figures["narratives_s"] = time.perf_counter() - started
    started = time.perf_counter()
    refresh_indexes(store)
    figures["index_s"] = time.perf_counter() - started
    for table in ("documents", "sentences", "mentions", "events", "sentence_vectors"):
        figures[table] = store.query(f"SELECT count(*) FROM {table}")[0][0]
    con.execute("CHECKPOINT")
    return figures


def copy_narratives(store: Store) -> None:
    """Place the copies in `plan` in the narratives as ingests of them would: the first
    UPDATED_COPIES copies of each document go through a narratives update (their sentences
    join the nearest narratives, and a leftover sentence forms a new one with its twins: its
    original's in the pool and the other copies'); each later copy takes its first copy's
    memberships, added to the figures and running counts as an update adds members
    (`narratives._summarise`). The later copies' leftovers are not pooled: an ingest would
    cluster them with their twins too, and a pool of 20,000 near-twins of the benchmark's
    new sentences (its first version) made the timed update cluster all of them, which no
    ingested store asks. The centres are kept and the inbox is left empty, so the next
    refresh has nothing to add and the timed ingest's narratives step is an update; a full
    build over the copies took 371 s at 10k documents and did not end in an hour at 50k."""
    con = store.con
    with store.transaction():
        con.execute("INSERT INTO narrative_inbox SELECT v.* FROM plan p JOIN sentence_vectors "
                    "v ON v.doc_id = p.new_id WHERE p.k <= ?", [UPDATED_COPIES])
        narratives.record_waiting_keys(store)  # as writing the copies would have
    narratives.update(store)
    with store.transaction():
        con.execute("CREATE OR REPLACE TEMP TABLE _added AS SELECT n.narrative_id, "
                    "p.new_id AS doc_id, n.sentence, n.similarity FROM plan p JOIN plan f "
                    "ON f.old_id = p.old_id AND f.k = 1 JOIN narrative_sentences n "
                    "ON n.doc_id = f.new_id WHERE p.k > ?", [UPDATED_COPIES])
        con.execute("INSERT INTO narrative_sentences BY NAME SELECT * FROM _added")
        narratives._summarise(store, [], recorded=False)
        con.execute("DROP TABLE _added")


def copy_postings(store: Store) -> None:
    """Give each copy in `plan` its original's full-text postings under a new number; the
    text suffix " (copy k)" adds one occurrence of the term `copy` (digits split words), so
    the index equals the one tokenising the copies would build (tests/test_api_bench.py)."""
    fulltext.load_stemmer(store)
    con = store.con
    con.execute("INSERT INTO search_terms SELECT t, (SELECT coalesce(max(termid), 0) + 1 "
                "FROM search_terms) FROM (SELECT stem('copy', 'porter') AS t) "
                "WHERE t NOT IN (SELECT term FROM search_terms)")
    (copy_term,), = store.query("SELECT termid FROM search_terms "
                                "WHERE term = stem('copy', 'porter')")
    con.execute("""CREATE TEMP TABLE copy_docnos AS
        SELECT p.new_id, o.docno AS old_docno, o.length + 1 AS length,
               (SELECT max(docno) FROM search_docs) + row_number() OVER (ORDER BY p.new_id)
               AS docno
        FROM plan p JOIN search_docs o ON o.doc_id = p.old_id""")
    con.execute("INSERT INTO search_docs SELECT new_id, docno, length FROM copy_docnos")
    con.execute("""INSERT INTO search_postings
        SELECT termid, docno, tf FROM (
            SELECT s.termid, c.docno, s.tf + (s.termid = $1)::INT AS tf
            FROM copy_docnos c JOIN search_postings s ON s.docno = c.old_docno
            UNION ALL
            SELECT $1, c.docno, 1 FROM copy_docnos c WHERE NOT EXISTS (
                SELECT 1 FROM search_postings s WHERE s.docno = c.old_docno AND s.termid = $1))
        ORDER BY termid, docno""", [copy_term])
    con.execute("DROP TABLE copy_docnos")
    fulltext.compact(store)


def copy_vectors(store: Store, chunk: int = 200, expansion: int | None = None) -> None:
    """Give each copy in `plan` its original's sentence vectors plus noise (uniform, width
    NOISE per dimension: copies are near, not identical, so the index is measured on distinct
    points as in a real corpus), stored and added to the vector index `chunk` copies of the
    base at a time. `expansion` (default: the index's own) is the graph search width while
    adding: a benchmark that never searches the copies can take a narrower one, which builds
    the same number of nodes and links (the same file size) about ten times faster
    (BUILD_EXPANSION in benchmarks/incremental.py)."""
    import pyarrow as pa

    from marea import vectors
    from marea.nlp.encoder import DIMENSIONS

    con = store.con
    con.execute("INSERT INTO doc_keys SELECT p.new_id, nextval('doc_key_numbers'), k.sentences "
                "FROM plan p JOIN doc_keys k ON k.doc_id = p.old_id ORDER BY p.k, p.old_id")
    originals: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    table = con.execute("SELECT k.number, v.sentence, v.vector FROM doc_keys k "
                        "JOIN sentence_vectors v USING (doc_id) WHERE k.doc_id IN "
                        "(SELECT old_id FROM plan) ORDER BY k.number, v.sentence"
                        ).to_arrow_table()
    numbers = table["number"].to_numpy()
    sentences = table["sentence"].to_numpy().astype(np.uint64)
    flat = table["vector"].combine_chunks().flatten().to_numpy().reshape(-1, DIMENSIONS)
    for number in np.unique(numbers):
        rows = numbers == number
        originals[int(number)] = (sentences[rows], flat[rows].astype(np.float32))
    copies = con.execute("SELECT p.new_id, n.number, o.number FROM plan p "
                         "JOIN doc_keys n ON n.doc_id = p.new_id "
                         "JOIN doc_keys o ON o.doc_id = p.old_id ORDER BY n.number").fetchall()
    index = vectors.new_index()
    path = vectors.index_path(store)
    index.load(str(path))
    if expansion is not None:
        index.expansion_add = expansion
    rng = np.random.default_rng(7)
    step = chunk * len(originals)
    for start in range(0, len(copies), step):
        part = copies[start:start + step]
        ids = [doc_id for doc_id, _, old in part for _ in originals[old][0]]
        indexes = np.concatenate([originals[old][0] for _, _, old in part])
        keys = np.concatenate([(np.uint64(new) << np.uint64(vectors.SHIFT)) | originals[old][0]
                               for _, new, old in part])
        noisy = np.concatenate([originals[old][1] for _, _, old in part])
        noisy += ((rng.random(noisy.shape, dtype=np.float32) - 0.5) * NOISE)
        rows = pa.table({"doc_id": ids, "sentence": indexes.astype(np.int32),
                         "vector": pa.FixedSizeListArray.from_arrays(noisy.ravel(), DIMENSIONS)})
        con.register("copied_vectors", rows)
        con.execute("INSERT INTO sentence_vectors SELECT doc_id, sentence, "
                    f"vector::FLOAT[{DIMENSIONS}] FROM copied_vectors")
        con.unregister("copied_vectors")
        index.add(keys, noisy)
    temporary = path.with_name(path.name + ".tmp")
    index.save(str(temporary))
    os.replace(temporary, path)


RECALL_FILTERS = {"none": {}, "language=es": {"language": "es"},
                  "since=2015": {"since": "2015"},
                  "USA against + us_foreign_policy": {"actor": "USA", "stance": "against",
                                                      "theme": "us_foreign_policy"}}


def print_recall(store: Store) -> None:
    """Recall@10 of indexed semantic search against the exhaustive scan (the documents whose
    best sentence is nearest, every sentence's float32 vector scored in DuckDB), per filter,
    over PHRASES."""
    from marea import vectors
    from marea.actors.views import find_actor
    from marea.nlp.encoder import DEFAULT, encode

    print(f"\n{'semantic recall@10 vs exhaustive':<34} {'recall':>7} {'±0.01':>8} {'index ms':>9} "
          f"{'exact ms':>9}")
    for name, given in RECALL_FILTERS.items():
        if "actor" in given:
            given = {**given, "actor": find_actor(store, given["actor"])}
        where, params = Filters(**given).sql()
        found, close, seconds = [], [], {"index": 0.0, "exact": 0.0}
        for phrase in PHRASES:
            vector = encode([phrase], DEFAULT)[0]
            began = time.perf_counter()
            indexed = vectors.nearest_documents(store, vector, where, params, 10)
            seconds["index"] += time.perf_counter() - began
            began = time.perf_counter()  # every sentence of every passing document, float32
            every = vectors.scan_unindexed(store, 0, vector, where, params)
            seconds["exact"] += time.perf_counter() - began
            got = {"index": {n.doc_id for n in indexed}, "exact": set(sorted(
                every, key=lambda d: (-every[d].similarity, d))[:10])}
            found.append(len(got["index"] & got["exact"]) / max(1, len(got["exact"])))
            # copies of one sentence differ by noise only: a document within 0.01 of the
            # exhaustive tenth is as near as the one it displaced
            tenth = min((every[d].similarity for d in got["exact"]), default=0.0)
            close.append(sum(every[d].similarity >= tenth - 0.01 for d in got["index"]
                             if d in every) / max(1, len(got["exact"])))
        print(f"{name:<34} {statistics.mean(found):>7.3f} {statistics.mean(close):>8.3f} "
              f"{1000 * seconds['index'] / len(PHRASES):>9.1f} "
              f"{1000 * seconds['exact'] / len(PHRASES):>9.1f}", flush=True)



def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start `marea serve` on a free loopback port; return it once /health answers (within
    START_SECONDS: the server first copies the store to the snapshot other processes read)."""
    port = free_port()
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "marea.cli", "serve", "--db", str(db),
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    sys.exit(f"server did not answer /health in {START_SECONDS:.0f} s:\n{log.read_text()}")


Request = Callable[[random.Random], tuple[str, dict[str, Any]]]


def endpoints(doc_ids: list[str], docs: int, cursors: list[str]) -> dict[str, Request]:
    """Name -> a function drawing one request (path, query parameters)."""
    years = [str(year) for year in range(2000, 2021)]
    return {
        "/health": lambda r: ("/health", {}),
        "/documents?offset=random": lambda r: (
            "/documents", {"limit": 50, "offset": r.randrange(max(1, docs - 50))}),
        "/documents/{random id}": lambda r: (f"/documents/{r.choice(doc_ids)}", {}),
        "/actors?limit=50": lambda r: ("/actors", {"limit": 50}),
        "/actors/{AMLO|Castillo|Peru}": lambda r: (
            f"/actors/{r.choice(['AMLO', 'Pedro Castillo', 'Peru'])}", {}),
        "/events?actor=Pedro Castillo": lambda r: (
            "/events", {"actor": "Pedro Castillo", "limit": 50,
                        "offset": 50 * r.randrange(20)}),
        "/events?type=COERCE&2010-2020": lambda r: (
            "/events", {"type": "COERCE", "since": "2010", "until": "2020", "limit": 50,
                        "offset": 50 * r.randrange(20)}),
        "/timeline/Evo Morales": lambda r: ("/timeline/Evo Morales", {}),
        "/search?q=word&mode=text": lambda r: ("/search", {"q": r.choice(WORDS),
                                                            "mode": "text"}),
        "/search?q=2 words&mode=text": lambda r: (
            "/search", {"q": " ".join(r.sample(WORDS, 2)), "mode": "text"}),
        "/search?q&language&since (text)": lambda r: (
            "/search", {"q": r.choice(WORDS), "language": r.choice(["en", "es", "pt"]),
                        "since": r.choice(years), "mode": "text"}),
        "/search?q=phrase&mode=semantic": lambda r: (
            "/search", {"q": r.choice(PHRASES), "mode": "semantic"}),
        "/search?q=phrase (hybrid)": lambda r: ("/search", {"q": r.choice(PHRASES)}),
        "/search hybrid+theme+stance": lambda r: (
            "/search", {"q": r.choice(PHRASES), "actor": "USA", "stance": "against",
                        "theme": "us_foreign_policy"}),
        "/search semantic+language+since": lambda r: (
            "/search", {"q": r.choice(PHRASES), "mode": "semantic",
                        "language": r.choice(["en", "es"]), "since": r.choice(years)}),
        "/documents?after=cursor": lambda r: (
            "/documents", {"limit": 50, "after": r.choice(cursors)}),
        "/stances/USA?offset=random": lambda r: (
            "/stances/USA", {"limit": 50, "offset": 50 * r.randrange(20)}),
        "/stances/USA/timeline": lambda r: ("/stances/USA/timeline", {"period": "year"}),
        "/themes": lambda r: ("/themes", {}),
        "/claims?kind=figure": lambda r: ("/claims", {"kind": "figure", "limit": 50}),
        "/narratives": lambda r: ("/narratives", {}),
    }


def measure(client: httpx.Client, draw: Request, requests: int, rng: random.Random
            ) -> tuple[list[float], list[str], tuple[float, str]]:
    """Issue sequential requests; return latencies (s), error lines and the slowest request."""
    path, params = draw(rng)
    client.get(path, params=params)  # warm-up, not recorded
    latencies: list[float] = []
    errors: list[str] = []
    worst = (0.0, "")
    deadline = time.perf_counter() + CAP_SECONDS
    while len(latencies) < requests and time.perf_counter() < deadline:
        path, params = draw(rng)
        started = time.perf_counter()
        try:
            response = client.get(path, params=params)
            status, detail = response.status_code, response.text[:200]
        except httpx.HTTPError as exc:
            status, detail = 0, repr(exc)
        seconds = time.perf_counter() - started
        latencies.append(seconds)
        url = str(httpx.URL(path, params=params))
        if not 200 <= status < 300:
            errors.append(f"{status} {url}: {detail}")
        worst = max(worst, (seconds, url))
    return latencies, errors, worst


def run(args: argparse.Namespace, folder: Path) -> None:
    """Build the store in `folder`, serve it, measure every endpoint and print the table."""
    db = Path(args.store) if args.store else cached_store(args.docs, folder, args.fresh)
    with Store(db) as store:  # brought up to date (a kept store, a store from the cache)
        started = time.perf_counter()
        print(f"store {db}: refreshed {refresh_indexes(store) or 'nothing'} in "
              f"{time.perf_counter() - started:.1f} s")
        (total,), = store.query("SELECT count(*) FROM documents")
    with Store(db, read_only=True) as store:
        doc_ids = [row[0] for row in store.query(
            "SELECT doc_id FROM documents USING SAMPLE reservoir(1000 ROWS) REPEATABLE (7)")]
        cursors = [f"{row[0] or ''}|{row[1]}" for row in store.query(
            "SELECT published, doc_id FROM documents WHERE duplicate_of IS NULL "
            "USING SAMPLE reservoir(1000 ROWS) REPEATABLE (7)")]
        if not args.latency_only:
            print_recall(store)
    proc, base = start_server(db, folder / "server.log")
    rng = random.Random(7)
    results: dict[str, tuple[list[float], list[str], tuple[float, str]]] = {}
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            for name, draw in endpoints(doc_ids, total, cursors).items():
                results[name] = measure(client, draw, args.requests, rng)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    health = statistics.median(results["/health"][0])
    print(f"\n{'endpoint':<32} {'requests':>8} {'non-2xx':>7} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'max ms':>8} {'p50/health':>10}")
    for name, (latencies, errors, _) in results.items():
        ms = sorted(1000 * s for s in latencies)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        print(f"{name:<32} {len(ms):>8} {len(errors):>7} {statistics.median(ms):>8.1f} "
              f"{p95:>8.1f} {ms[-1]:>8.1f} {statistics.median(ms) / 1000 / health:>10.1f}")
    seconds, url = max(worst for _, _, worst in results.values())
    print(f"\nslowest request: {url} ({1000 * seconds:.0f} ms)")
    for name, (_, errors, _) in results.items():
        for line in errors[:3]:
            print(f"error ({name}): {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=50_000, help="documents in the store")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    parser.add_argument("--keep", action="store_true", help="keep the server log")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached store")
    parser.add_argument("--latency-only", action="store_true", help="skip the recall "
                        "measurement (its exhaustive scans take minutes at 50,000 documents)")
    parser.add_argument("--store", help="measure this store (kept by --keep) instead of "
                        "building one")
    args = parser.parse_args()
    run_in_temp_folder("marea-api-bench-", args.keep, "server.log",
                       lambda folder: run(args, folder))


if __name__ == "__main__":
    main()
