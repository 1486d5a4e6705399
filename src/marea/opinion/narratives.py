"""Narratives: groups of similar sentences that recur across documents, kept up to date per run.

A full build (the first one, and `marea narratives --rebuild`) clusters the sentence vectors
(the encoder stage) with k-means (k grows with the corpus); a cluster keeps the sentences close
to its centre, and counts as a narrative when they come from at least two documents. Each
later ingest only updates them, at a cost that does not grow with the store: a new sentence
joins the narrative whose centre is nearest when close enough (ids and centres never change),
and new narratives are clustered from what is left: the new sentences no narrative took plus
the sentences of a bounded pool of recent leftovers that are close to one of them, so its
cost follows the new sentences. The k-means is plain numpy on one thread (`kmeans`).
Boilerplate sentences (author bios, donation pleas, photo credits, newsletter prompts) belong
to no narrative.

A narrative is labelled for a reader by what its sentences share: the actors named in several
of them, the event types coded in several of them, and, to say what else they are about, its
most distinctive words (class-based TF-IDF over lemmas, each language's stop words left
out: `stop_words`); beside the label it keeps its example, the member nearest its centre, as
evidence. Actors and event types come from the linked mentions and coded events, so a label
reads the same whatever the sentences' language. A narrative's figures and what its label is
read from are kept as running counts (`narrative_counts`: actors, event types, lemmas, sources
per narrative) that each update adds its new members to, so relabelling a narrative reads its
new members and its counts, never all its members (at 10k documents, the members of the
narratives an ingest touched were most of the store's, joined with every token, mention and
event: 5 s of the 1k store's refresh became 13 s). What the counts read of a new member (its
lemmas, actors and event types: schema NARRATIVE_KEYS) is recorded when its sentence is
written and kept while it waits in the inbox or the pool (`narrative_keys`), so an update
reads no token, mention or event of the store (joined with them, 1,259 new members scanned
all 7.0M token rows of a 10k store: 3.3 s at 1k became 7.7 s at 10k, now 3.8 s).
"""

from __future__ import annotations

import math
import re
import runpy
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import zip_longest
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
from threadpoolctl import threadpool_limits

from marea.corpus import SOURCE_NAME
from marea.nlp.encoder import DIMENSIONS
from marea.store import Store
from marea.store.crash import crash_point
from marea.store.fulltext import stopwords
from marea.store.schema import NARRATIVE_KEYS, WAITING_KEYS

MIN_CHARS = 60  # shorter sentences (datelines, captions) make no narrative
MAX_SENTENCES = 100_000  # a larger corpus is sampled (fixed seed) for the clustering
POOL_SENTENCES = 20_000  # unassigned sentences kept to form new narratives with later ones
SENTENCES_PER_CLUSTER = 25
NEAR_CHUNK = 2048  # rows compared with the centres or new sentences at a time
SENTENCE_ROWS = 8192  # sentences read from the store at a time
KMEANS_SAMPLE = 20_000  # rows k-means is fitted on (k ≤ 1000: ≥ 20 a cluster)
KMEANS_STEPS = 30  # Lloyd steps at most (the examples and seeds settle in under 15)
MIN_SIMILARITY = 0.55  # cosine to the cluster centre to count as a member
MIN_MEMBERS = 3
MIN_DOCUMENTS = 2
# An actor or event type is in the label when it recurs: named in at least this share of the
# narrative's sentences, and in at least two sentences of two documents.
RECUR_SHARE = 0.1
LABEL_ACTORS = 3
LABEL_EVENTS = 2
LABEL_TERMS = 4  # words in a label without recurring actors; else this many less one per item
# (marea's own event type STATEMENT, a bare "said", says nothing the sentences share.)
# Nouns spaCy's Spanish and Portuguese stop-word lists hold that can be what a political
# narrative is about (agreement, state; support, council, people, system): kept as terms.
STOP_WORDS_KEPT = frozenset({"acuerdo", "estado", "apoio", "conselho", "povo", "sistema"})

# Sentences about the page or its author rather than the story, in English, Spanish and
# Portuguese: bios, republication notes, donation pleas, photo credits, newsletter prompts.
BOILERPLATE = re.compile(r"""
    ^(?:[A-ZÁÉÍÓÚ][\w.'’-]+\ ){1,4}(?:is|was|es|fue|é|foi)\ (?:an?|the|una?|el|la|um|uma|o|a)
        \ (?:[\w-]+\ ){0,6}(?:professor|profesora?|fellow|journalist|periodista|jornalista
        |writer|escritora?|author|autora?|editor|editora?|correspondent|corresponsal
        |correspondente|columnist|columnista|colunista|analyst|analista|researcher
        |investigadora?|pesquisadora?|lecturer|contributor|colaboradora?|student|estudiante
        |reporter|reportera?|rep[oó]rter|coordinator|coordinadora?|director|directora?
        |diretora?|founder|fundadora?)\b
  | \b(?:he|she|they)\ (?:is|are)\ (?:the\ )?(?:co-?)?(?:author|editor)\ of\b
  | \bcan\ be\ reached\ at\b|\bpuede\ ser\ contactad[oa]\b
  | \bfollow\ (?:him|her|them|us)\ on\b|\bs[ií]gue(?:lo|la|nos)\ en\b
  | \b(?:originally|first)\ (?:published|appeared)\b|\brepublished\ (?:from|with)\b
  | \b(?:publicado|publicada)\ originalmente\b|\bthe\ views\ expressed\b
  | \b(?:donat\w+|patreon|paypal|reader-(?:supported|funded)|tax-deductible)\b
  | \bif\ you\ value\ (?:independent\ |our\ )?(?:journalism|reporting)\b
  | \bsupport\ (?:our|independent)\ (?:journalism|reporting|work)\b
  | \bbecome\ a\ (?:member|patron|subscriber|supporter)\b
  | \b(?:don[aá]\w*|doaç[aã]o|doe\ agora|apoya\ (?:nuestro|el)\ periodismo)\b
  | \((?:AP|AFP|EFE|Reuters|Getty)\b[^)]{0,60}\)|\b(?:getty\ images|shutterstock
        |wikimedia\ commons)\b|^\W*(?:photo|image|foto|imagen|imagem)(?:\ credit)?\s*[:/]
  | \b(?:photo|foto)\ (?:by|por|de)\ [A-ZÁÉÍÓÚ]|\b(?:photo|foto|imagen|imagem)\s*:\s*[A-ZÁÉÍÓÚ]
  | \bphoto/[A-ZÁÉÍÓÚ]|©
  | \b(?:sign\ up|subscribe|suscr[ií]b\w+|inscr[ií]b\w+|assine|inscreva-se)\b.{0,80}
        \b(?:newsletter|bolet[ií]n|inbox|e-?mail|correo)\b
""", re.IGNORECASE | re.VERBOSE)


def is_boilerplate(sentence: str) -> bool:
    """True for a sentence about the page or its author (bio, plea, credit, prompt)."""
    return bool(BOILERPLATE.search(sentence))


@dataclass
class Sentences:
    """Candidate sentences: (doc_id, sentence index) keys with their unit vectors."""

    keys: list[tuple[str, int]]
    vectors: np.ndarray

    def take(self, rows: np.ndarray | list[int]) -> Sentences:
        return Sentences([self.keys[i] for i in rows], self.vectors[np.asarray(rows, int)])

    def __add__(self, other: Sentences) -> Sentences:
        if not self.keys:
            return other
        if not other.keys:
            return self
        return Sentences(self.keys + other.keys, np.vstack([self.vectors, other.vectors]))


def _sentences(store: Store, new_only: bool) -> Sentences:
    """Sentences fit for narratives (originals, ≥ MIN_CHARS, not boilerplate), in document
    order; with new_only, only those stored since the last update (`narrative_inbox`).

    Read a range of documents at a time (about SENTENCE_ROWS sentences), so a full build
    holds the kept vectors and one range's texts, and DuckDB sorts one range at a time; each
    sentence's text is cut from its document before the join with the vectors (joined
    whole, every sentence carried its document's full text into DuckDB's hash table: a
    160-article store's first build needed 80MB of DuckDB memory, now 48MB). With new_only
    only the inbox's documents are read (a semi-join: joined by the range alone, every
    document's text was scanned, 9,474 rows of a 10k store for 100 new ones)."""
    source = "narrative_inbox" if new_only else "sentence_vectors"
    cut = ("SELECT s.doc_id, s.idx, substr(d.text, s.start_char + 1, "
           "s.end_char - s.start_char) AS text FROM sentences s JOIN documents d "
           "USING (doc_id) WHERE d.duplicate_of IS NULL AND s.end_char - s.start_char >= ?"
           + (" AND d.doc_id IN (SELECT doc_id FROM narrative_inbox)" if new_only else ""))
    joined = f"FROM {source} v JOIN ({cut}) t ON t.doc_id = v.doc_id AND t.idx = v.sentence"
    sample = None
    if not new_only:
        (total,), = store.query(f"SELECT count(*) {joined}", [MIN_CHARS])
        if total > MAX_SENTENCES:
            sample = np.sort(np.random.default_rng(0).choice(total, MAX_SENTENCES,
                                                             replace=False))
    # The first document of each range: where the running count of sentences enters a
    # new multiple of SENTENCE_ROWS.
    starts = [row[0] for row in store.query(
        f"SELECT min(doc_id) FROM (SELECT doc_id, sum(n) OVER (ORDER BY doc_id) - n AS before "
        f"FROM (SELECT doc_id, count(*) AS n FROM {source} GROUP BY doc_id)) "
        "GROUP BY before // ? ORDER BY 1", [SENTENCE_ROWS])]
    keys: list[tuple[str, int]] = []
    chunks = []
    first = 0  # the row number of the batch's first row in the whole result
    for start, end in zip_longest(starts, starts[1:]):  # the last range has no end
        within = "WHERE v.doc_id >= ?" + (" AND v.doc_id < ?" if end is not None else "")
        reader = store.con.execute(
            f"SELECT v.doc_id, v.sentence, v.vector, t.text {joined} {within} "
            "ORDER BY v.doc_id, v.sentence",
            [MIN_CHARS, start, *([end] if end is not None else [])]
        ).to_arrow_reader(SENTENCE_ROWS)
        for batch in reader:
            rows = batch.num_rows
            if sample is not None:
                batch = batch.take(pa.array(sample[(sample >= first) & (sample < first + rows)]
                                            - first, pa.int64()))
            first += rows
            texts = batch.column("text").to_pylist()
            batch = batch.take(pa.array([i for i, text in enumerate(texts)
                                         if not is_boilerplate(text)], pa.int64()))
            if batch.num_rows:
                keys += zip(batch.column("doc_id").to_pylist(),
                            batch.column("sentence").to_pylist(), strict=True)
                chunks.append(batch.column("vector").flatten().to_numpy()
                              .reshape(batch.num_rows, -1))
    return Sentences(keys, np.concatenate(chunks) if chunks else np.zeros((0, 0), np.float32))


def _cluster(found: Sentences) -> list[tuple[np.ndarray, list[int], np.ndarray]]:
    """k-means clusters that make narratives: (unit centre, member rows, their similarities)."""
    if len(found.keys) < 2 * MIN_MEMBERS:
        return []
    k = max(2, min(1000, len(found.keys) // SENTENCES_PER_CLUSTER))
    centres, assigned, similarity = kmeans(found.vectors, k)
    clusters = []
    for cluster in range(len(centres)):
        rows = [int(i) for i in np.flatnonzero(assigned == cluster)
                if similarity[i] >= MIN_SIMILARITY]
        if len(rows) >= MIN_MEMBERS and len({found.keys[i][0] for i in rows}) >= MIN_DOCUMENTS:
            clusters.append((centres[cluster], rows, similarity[rows]))
    return clusters


def kmeans(vectors: np.ndarray, k: int, seed: int = 0
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Spherical k-means over unit vectors: (unit centres, each row's cluster, its cosine).

    Fitted on at most KMEANS_SAMPLE rows (all of them up to that), then every row goes to its
    nearest centre. Seeded by greedy k-means++ (a few candidates per centre, drawn with
    probability growing with their distance to the centres chosen; the one that leaves the
    rows closest is kept), then Lloyd steps until no row moves (at most KMEANS_STEPS). Plain
    numpy: no scikit-learn import and no OpenMP threads, which spun for seconds of CPU on a
    loaded machine for what costs a tenth of a second here.
    """
    rng = np.random.default_rng(seed)
    vectors = np.asarray(vectors, np.float32)
    k = min(k, len(vectors))
    sample = vectors if len(vectors) <= KMEANS_SAMPLE else vectors[
        np.sort(rng.choice(len(vectors), KMEANS_SAMPLE, replace=False))]
    centres = np.empty((k, vectors.shape[1]), np.float32)
    centres[0] = sample[rng.integers(len(sample))]
    distance = np.maximum(1.0 - sample @ centres[0], 0.0)
    trials = 2 + int(np.log(k))  # candidates per centre; the one leaving rows closest wins
    for n in range(1, k):
        total = float(distance.sum())
        if total <= 0:  # every row is a centre already
            centres[n:] = centres[0]
            break
        picks = rng.choice(len(sample), trials, p=distance / total)
        candidates = np.minimum(distance, np.maximum(1.0 - sample[picks] @ sample.T, 0.0))
        best = int(candidates.sum(axis=1).argmin())
        centres[n], distance = sample[picks[best]], candidates[best]
    assigned = np.full(len(sample), -1)
    for _ in range(KMEANS_STEPS):
        moved, _ = _nearest(sample, centres)
        if np.array_equal(moved, assigned):
            break
        assigned = moved
        sums = np.zeros_like(centres)
        np.add.at(sums, assigned, sample)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        filled = norms[:, 0] > 0  # a cluster left empty keeps its centre
        centres[filled] = sums[filled] / norms[filled]
    assigned, similarity = _nearest(vectors, centres)
    return centres, assigned, similarity


def _nearest(vectors: np.ndarray, centres: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's nearest centre and its cosine, NEAR_CHUNK rows at a time (bounded memory)."""
    nearest = np.empty(len(vectors), np.int64)
    similarity = np.empty(len(vectors), np.float32)
    for start in range(0, len(vectors), NEAR_CHUNK):
        block = vectors[start:start + NEAR_CHUNK] @ centres.T
        nearest[start:start + NEAR_CHUNK] = block.argmax(axis=1)
        similarity[start:start + NEAR_CHUNK] = block.max(axis=1)
    return nearest, similarity


def rebuild(store: Store) -> int:
    """Re-cluster every narrative from the stored vectors (new ids); return how many."""
    found = _sentences(store, new_only=False)
    with threadpool_limits(1):
        clusters = _cluster(found)
    members = [(number, *found.keys[i], float(sim))
               for number, (_, rows, sims) in enumerate(clusters, 1)
               for i, sim in zip(rows, sims, strict=True)]
    taken = {found.keys[i] for _, rows, _ in clusters for i in rows}
    left = [i for i, key in enumerate(found.keys) if key not in taken][-POOL_SENTENCES:]
    with store.transaction():
        for table in ("narratives", "narrative_sentences", "narrative_centres",
                      "narrative_inbox", "narrative_pool"):
            store.con.execute(f"DELETE FROM {table}")
        store.con.execute("DELETE FROM narrative_counts")
        formed = [(n, c) for n, (c, _, _) in enumerate(clusters, 1)]
        _add(store, members, formed, found.take(left))
        _summarise(store, [n for n, _ in formed], recorded=False)
        record_waiting_keys(store)
        crash_point("refresh-narratives")
    return len(clusters)


def update(store: Store) -> int:
    """Add the sentences stored since the last update to the narratives; return how many
    narratives gained sentences or were formed. Without narratives or a pool (the first
    update, or a store without sentence vectors) it is a full build."""
    if not store.query("SELECT 1 FROM narrative_centres UNION ALL "
                       "SELECT 1 FROM narrative_pool LIMIT 1"):
        rebuild(store)
        return int(store.query("SELECT count(*) FROM narratives")[0][0])
    recount_missing(store)
    new = _sentences(store, new_only=True)
    if not new.keys:  # nothing to add: the pool was clustered as it is already
        with store.transaction():
            store.con.execute("DELETE FROM narrative_inbox")
            _keep_pool_keys(store)
        return 0
    ids, centres = _centres(store)
    members: list[tuple[int, str, int, float]] = []
    left = new
    with threadpool_limits(1):
        if ids:
            best, similarity = _nearest(new.vectors, centres)
            close = similarity >= MIN_SIMILARITY
            members = [(ids[best[i]], *new.keys[i], float(similarity[i]))
                       for i in np.flatnonzero(close)]
            left = new.take(np.flatnonzero(~close))
        pool = _pool(store)
        candidates = _near(pool, left) + left
        clusters = _cluster(candidates) if left.keys else []
    start = max(ids, default=0) + 1
    formed = [(start + n, centre) for n, (centre, _, _) in enumerate(clusters)]
    members += [(start + n, *candidates.keys[i], float(sim))
                for n, (_, rows, sims) in enumerate(clusters) for i, sim in zip(rows, sims,
                                                                                strict=True)]
    taken = {candidates.keys[i] for _, rows, _ in clusters for i in rows}
    with store.transaction():
        store.con.execute("DELETE FROM narrative_inbox")
        gone = [key for key in pool.keys if key in taken]
        if gone:
            store.con.register("_gone", pa.table({"doc_id": [k[0] for k in gone],
                                                  "sentence": [k[1] for k in gone]}))
            try:
                store.con.execute("DELETE FROM narrative_pool p USING _gone g "
                                  "WHERE p.doc_id = g.doc_id AND p.sentence = g.sentence")
            finally:
                store.con.unregister("_gone")
        _add(store, members, formed,
             left.take([i for i, key in enumerate(left.keys) if key not in taken]))
        store.con.execute(
            "DELETE FROM narrative_pool WHERE seq < (SELECT min(seq) FROM (SELECT seq FROM "
            "narrative_pool ORDER BY seq DESC LIMIT ?))", [POOL_SENTENCES])
        _summarise(store, [n for n, _ in formed], recorded=True)
        _keep_pool_keys(store)
        crash_point("refresh-narratives")
    return len({m[0] for m in members})


def _keep_pool_keys(store: Store) -> None:
    """Drop the keys of the sentences no longer waiting (the inbox is empty): members are
    counted, and the sentences that left the pool will not be."""
    store.con.execute("DELETE FROM narrative_keys k WHERE NOT EXISTS (SELECT 1 FROM "
                      "narrative_pool p WHERE p.doc_id = k.doc_id AND p.sentence = k.sentence)")


def _near(pool: Sentences, new: Sentences) -> Sentences:
    """The pool's sentences close enough to a new one to share a narrative with it."""
    if not pool.keys or not new.keys:
        return Sentences([], np.zeros((0, DIMENSIONS), np.float32))
    near = np.zeros(len(pool.keys), bool)
    for start in range(0, len(pool.keys), NEAR_CHUNK):
        block = pool.vectors[start:start + NEAR_CHUNK] @ new.vectors.T
        near[start:start + NEAR_CHUNK] = block.max(axis=1) >= MIN_SIMILARITY
    return pool.take(np.flatnonzero(near))


def _centres(store: Store) -> tuple[list[int], np.ndarray]:
    table = store.con.execute("SELECT narrative_id, centre FROM narrative_centres "
                              "ORDER BY narrative_id").to_arrow_table()
    ids = table.column("narrative_id").to_pylist()
    if not ids:  # no narrative yet: numpy cannot infer the width of an empty matrix
        return ids, np.zeros((0, DIMENSIONS), np.float32)
    vectors = table.column("centre").combine_chunks().flatten().to_numpy()
    return ids, vectors.reshape(len(ids), -1)


def _pool(store: Store) -> Sentences:
    """The unassigned sentences kept from earlier updates, oldest first."""
    table = store.con.execute("SELECT doc_id, sentence, vector FROM narrative_pool "
                              "ORDER BY seq").to_arrow_table()
    vectors = table.column("vector").combine_chunks().flatten().to_numpy()
    return Sentences(list(zip(table.column("doc_id").to_pylist(),
                              table.column("sentence").to_pylist(), strict=True)),
                     vectors.reshape(table.num_rows, -1) if table.num_rows else
                     np.zeros((0, DIMENSIONS), np.float32))


def _add(store: Store, members: list[tuple[int, str, int, float]],
         formed: list[tuple[int, np.ndarray]], pool: Sentences) -> None:
    """Insert members, the centres of new narratives and sentences appended to the pool
    (inside a transaction); the members stay in temp table `_added` for `_summarise`."""
    (first_seq,), = store.query("SELECT coalesce(max(seq) + 1, 0) FROM narrative_pool")
    tables = {
        "narrative_sentences": pa.table({
            "narrative_id": pa.array([m[0] for m in members], pa.int32()),
            "doc_id": pa.array([m[1] for m in members], pa.string()),
            "sentence": pa.array([m[2] for m in members], pa.int32()),
            "similarity": pa.array([m[3] for m in members], pa.float64())}),
        "narrative_centres": pa.table({
            "narrative_id": pa.array([n for n, _ in formed], pa.int32()),
            "centre": _vectors(np.array([c for _, c in formed], np.float32))}),
        "narrative_pool": pa.table({
            "doc_id": pa.array([k[0] for k in pool.keys], pa.string()),
            "sentence": pa.array([k[1] for k in pool.keys], pa.int32()),
            "vector": _vectors(pool.vectors),
            "seq": pa.array(range(first_seq, first_seq + len(pool.keys)), pa.int64())}),
    }
    for name, table in tables.items():
        store.con.register("_rows", table)
        try:
            if name == "narrative_sentences":
                store.con.execute("CREATE OR REPLACE TEMP TABLE _added AS FROM _rows")
            if table.num_rows:
                store.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _rows")
        finally:
            store.con.unregister("_rows")


def _vectors(matrix: np.ndarray) -> pa.Array:

    flat = pa.array(np.asarray(matrix, np.float32).reshape(-1), pa.float32())
    return pa.FixedSizeListArray.from_arrays(flat, DIMENSIONS)


def recount_missing(store: Store) -> None:
    """Count and label afresh the narratives stored without an example (by an older marea,
    or before running counts were kept: schema 22), keeping ids."""
    numbers = [int(n) for (n,) in store.query(
        "SELECT narrative_id FROM narratives WHERE example_doc_id IS NULL")]
    if not numbers:
        return
    with store.transaction():
        store.con.execute("CREATE OR REPLACE TEMP TABLE _added AS SELECT * FROM "
                          "narrative_sentences WHERE list_contains(?, narrative_id)", [numbers])
        store.con.execute("DELETE FROM narrative_counts WHERE list_contains(?, narrative_id)",
                          [numbers])
        store.con.execute("DELETE FROM narratives WHERE list_contains(?, narrative_id)",
                          [numbers])
        _summarise(store, numbers, recorded=False)


def record_waiting_keys(store: Store) -> None:
    """Record afresh the keys of the sentences in the inbox and the pool from the store's
    tables (after a full build, or once their tokens, mentions or events were replaced)."""
    store.con.execute("DELETE FROM narrative_keys")
    store.con.execute("INSERT INTO narrative_keys " + WAITING_KEYS)


# Running counts per narrative and kind (narrative_counts): for each key, the member
# sentences and documents it is in (a term's `hits` are its occurrences, `name` the language).
# Each is read from the members' keys (`k`, schema NARRATIVE_KEYS) or their documents.
COUNTS = {
    "actor": ("k.key, a.name", "JOIN {keys} k ON k.doc_id = m.doc_id AND k.sentence = "
              "m.sentence AND k.kind = 'written' JOIN actors a ON a.actor_id = k.key"),
    "written": ("k.key, k.name", "JOIN {keys} k ON k.doc_id = m.doc_id AND k.sentence = "
                "m.sentence AND k.kind = 'written'"),
    "event": ("k.key, k.name", "JOIN {keys} k ON k.doc_id = m.doc_id AND k.sentence = "
              "m.sentence AND k.kind = 'event'"),
    "source": (f"{SOURCE_NAME}, ''", "JOIN documents d ON d.doc_id = m.doc_id"),
}


def _count(store: Store, recorded: bool) -> None:
    """Add the new members (temp table `_added`) to their narratives' running counts, from
    their keys: those recorded while they waited in the inbox or the pool (`narrative_keys`:
    the store's tokens, mentions and events are not read), else read from those tables."""
    keys = "narrative_keys"
    if not recorded:
        keys = "_keys"
        store.con.execute("CREATE OR REPLACE TEMP TABLE _keys AS " + NARRATIVE_KEYS.format(
            tokens="tokens", mentions="mentions", events="events",
            only="SEMI JOIN _added m ON m.doc_id = x.doc_id AND m.sentence = x.sentence"))
    parts = [f"SELECT m.narrative_id, '{kind}', {key}, count(DISTINCT (m.doc_id, m.sentence)), "
             f"count(DISTINCT m.doc_id) FROM _added m {joins.format(keys=keys)} GROUP BY ALL"
             for kind, (key, joins) in COUNTS.items()]
    parts.append("SELECT m.narrative_id, 'term', k.key, coalesce(d.language, ''), "
                 "sum(k.hits)::BIGINT, count(DISTINCT m.doc_id) FROM _added m JOIN documents d "
                 f"ON d.doc_id = m.doc_id JOIN {keys} k ON k.doc_id = m.doc_id "
                 "AND k.sentence = m.sentence AND k.kind = 'term' GROUP BY ALL")
    store.con.execute("CREATE OR REPLACE TEMP TABLE _counted AS SELECT * FROM ("
                      + " UNION ALL ".join(parts) + ") AS c(narrative_id, kind, key, name, "
                      "hits, documents) WHERE key IS NOT NULL AND name IS NOT NULL")
    store.con.execute("DROP TABLE IF EXISTS _keys")
    # the new members' documents are new to these narratives: sentences and documents add up
    store.con.execute(
        "UPDATE narrative_counts c SET hits = c.hits + n.hits, documents = c.documents + "
        "n.documents FROM _counted n WHERE c.narrative_id = n.narrative_id AND c.kind = n.kind "
        "AND c.key = n.key AND c.name = n.name")
    store.con.execute(
        "INSERT INTO narrative_counts SELECT * FROM _counted n WHERE NOT EXISTS (SELECT 1 "
        "FROM narrative_counts c WHERE c.narrative_id = n.narrative_id AND c.kind = n.kind "
        "AND c.key = n.key AND c.name = n.name)")
    store.con.execute("DROP TABLE _counted")


def _summarise(store: Store, formed: list[int], recorded: bool) -> None:
    """Add the new members (temp table `_added`) to the figures and counts of their
    narratives, the `formed` ones first given empty figures, and relabel them (inside a
    transaction). Only the new members are read: their narratives' earlier members are in
    the figures and counts already. `recorded`: the members' keys are in `narrative_keys`
    (`_count`)."""
    store.con.execute("INSERT INTO narratives (narrative_id, label, sentences, documents, "
                      "sources, cohesion) SELECT unnest(?::INTEGER[]), '', 0, 0, 0, 0",
                      [formed])
    # the narratives are named by a semi-join with this table: list_contains(?, narrative_id)
    # would compare every count row with every number
    store.con.execute("CREATE OR REPLACE TEMP TABLE _summarised AS "
                      "SELECT DISTINCT narrative_id FROM _added")
    numbers = [int(n) for (n,) in store.query("SELECT narrative_id FROM _summarised "
                                              "ORDER BY 1")]
    if not numbers:
        store.con.execute("DROP TABLE _summarised")
        return
    _count(store, recorded)
    # the example: the new members' best when nearer the centre than the narrative's (or, as
    # near, earlier in its document)
    better = ("n.example_similarity IS NULL OR a.best > n.example_similarity OR (a.best = "
              "n.example_similarity AND a.example_sentence < n.example_sentence)")
    store.con.execute(
        "UPDATE narratives n SET sentences = n.sentences + a.sentences, "
        "documents = n.documents + a.documents, sources = a.sources, "
        "first_date = least(n.first_date, a.first_date), "
        "last_date = greatest(n.last_date, a.last_date), "
        "cohesion = (n.cohesion * n.sentences + a.similarity) / (n.sentences + a.sentences), "
        f"example_doc_id = if({better}, a.example_doc_id, n.example_doc_id), "
        f"example_sentence = if({better}, a.example_sentence, n.example_sentence), "
        f"example_similarity = if({better}, a.best, n.example_similarity) FROM ("
        "SELECT m.narrative_id, count(*) AS sentences, count(DISTINCT m.doc_id) AS documents, "
        "min(d.published) AS first_date, max(d.published) AS last_date, "
        "sum(m.similarity) AS similarity, max(m.similarity) AS best, "
        "arg_max(m.doc_id, (m.similarity, -m.sentence)) AS example_doc_id, "
        "arg_max(m.sentence, (m.similarity, -m.sentence)) AS example_sentence, "
        "any_value(c.sources) AS sources "
        "FROM _added m JOIN documents d ON d.doc_id = m.doc_id LEFT JOIN ("
        "SELECT narrative_id, count(*) AS sources FROM narrative_counts WHERE kind = 'source' "
        "AND narrative_id IN (FROM _summarised) GROUP BY 1) c ON c.narrative_id = m.narrative_id "
        "GROUP BY m.narrative_id) a WHERE n.narrative_id = a.narrative_id")
    terms = _terms(store)
    actors, events = _recurring(store, "actor", LABEL_ACTORS), _recurring(store, "event",
                                                                          LABEL_EVENTS)
    # How the label's actors are written in the sentences ("Washington" for the US) is no
    # news beside their names.
    written: dict[int, list[str]] = {}
    for number, actor_id, text in store.query(
            "SELECT narrative_id, key, name FROM narrative_counts WHERE kind = 'written' "
            "AND narrative_id IN (FROM _summarised)"):
        if any(actor_id == key for key, _ in actors.get(number, [])):
            written.setdefault(number, []).append(text)
    labels: dict[str, list[Any]] = {"narrative_id": [], "label": [], "terms": [],
                                    "actor_ids": [], "event_types": []}
    for number in numbers:
        who, what = actors.get(number, []), events.get(number, [])
        words = _words_beyond(terms.get(number, []),
                              [name for _, name in who + what] + written.get(number, []),
                              max(1, LABEL_TERMS - len(who) - len(what)) if who or what
                              else LABEL_TERMS)
        for column, value in zip(labels, (number, label(who, what, words),
                                          ", ".join(terms.get(number, [])),
                                          [key for key, _ in who], [key for key, _ in what]),
                                 strict=True):
            labels[column].append(value)
    # one UPDATE for all (one per narrative cost 5 s of a 10 s refresh at 10k documents)
    store.con.register("_labels", pa.table({
        "narrative_id": pa.array(labels["narrative_id"], pa.int32()),
        "label": pa.array(labels["label"], pa.string()),
        "terms": pa.array(labels["terms"], pa.string()),
        "actor_ids": pa.array(labels["actor_ids"], pa.list_(pa.string())),
        "event_types": pa.array(labels["event_types"], pa.list_(pa.string()))}))
    try:
        store.con.execute(
            "UPDATE narratives SET label = l.label, terms = l.terms, actor_ids = l.actor_ids, "
            "event_types = l.event_types FROM _labels l "
            "WHERE narratives.narrative_id = l.narrative_id")
    finally:
        store.con.unregister("_labels")
    store.con.execute("DROP TABLE _summarised")


def label(actors: list[tuple[str, str]], events: list[tuple[str, str]], words: list[str]
          ) -> str:
    """'Pedro Castillo, Peru · coerce, support · about: office, congress'."""
    parts = [", ".join(name for _, name in actors), ", ".join(name for _, name in events)]
    if words:
        parts.append(("about: " if actors or events else "") + ", ".join(words))
    return " · ".join(part for part in parts if part)


def _recurring(store: Store, kind: str, most: int) -> dict[int, list[tuple[str, str]]]:
    """Per narrative being summarised, the (key, name) pairs of its `kind` counts that recur:
    in RECUR_SHARE of its sentences and two sentences of two documents; most frequent first,
    at most `most`."""
    rows = store.query(
        "SELECT c.narrative_id, c.key, c.name, c.hits, c.documents, n.sentences "
        "FROM narrative_counts c JOIN narratives n USING (narrative_id) "
        "WHERE c.kind = ? AND c.narrative_id IN (FROM _summarised) "
        "ORDER BY c.narrative_id, c.hits DESC, c.documents DESC, c.name", [kind])
    found: dict[int, list[tuple[str, str]]] = {}
    for number, key, name, sentences, documents, size in rows:
        chosen = found.setdefault(number, [])
        if len(chosen) < most and sentences >= max(2, RECUR_SHARE * size) and documents >= 2:
            chosen.append((key, name))
    return found


def _words_beyond(terms: list[str], names: list[str], most: int) -> list[str]:
    """The first `most` terms that are not words of the names already in the label."""
    taken = {word for name in names for word in re.findall(r"\w+", name.lower())}
    return [term for term in terms if term not in taken][:most]


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """Words too common in `language` to name a narrative ("such" and "other" are adjectives
    to the English tagger, "que" and "otro" to the Spanish one): for English the full-text
    index's list, else spaCy's list for the language less STOP_WORDS_KEPT, else English's."""
    if language and language != "en" and re.fullmatch(r"[a-z]{2,3}", language):
        words = _spacy_stop_words(language)
        if words is not None:
            return frozenset(words) - STOP_WORDS_KEPT
    return frozenset(stopwords())


def _spacy_stop_words(language: str) -> set[str] | None:
    """spaCy's stop words for the language (None when it has none), run from its module
    file `spacy/lang/<language>/stop_words.py`, which only builds the set: importing it
    imports spaCy first (27.7 s cold), which relabelling narratives has no other use for."""
    spec = find_spec("spacy")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0], "lang", language, "stop_words.py")
    return set(runpy.run_path(str(path))["STOP_WORDS"]) if path.is_file() else None


def _terms(store: Store) -> dict[int, list[str]]:
    """The ten most distinctive content lemmas of the narratives being summarised
    (class-based TF-IDF); a term's spread over the other narratives is read from their
    stored terms. Lemmas are read from the running counts (`_count`), per language."""
    rows = store.con.execute(
        "SELECT narrative_id, name, key, hits FROM narrative_counts WHERE kind = 'term' "
        "AND narrative_id IN (FROM _summarised)").fetchall()
    counts: dict[int, Counter[str]] = {}
    for number, language, lemma, n in rows:
        if lemma not in stop_words(language):
            counts.setdefault(number, Counter())[lemma] += n
    spread = Counter(term for c in counts.values() for term in c)
    for (terms,) in store.con.execute(
            "SELECT terms FROM narratives WHERE narrative_id NOT IN (FROM _summarised) "
            "AND terms IS NOT NULL").fetchall():
        spread.update(terms.split(", "))
    average = sum(sum(c.values()) for c in counts.values()) / max(len(counts), 1)
    labels = {}
    for number, terms in counts.items():
        total = sum(terms.values())
        scored = {t: n / total * math.log(1 + average / spread[t]) for t, n in terms.items()}
        labels[number] = sorted(scored, key=lambda t: (-scored[t], t))[:10]
    return labels
