"""Narratives: groups of similar sentences that recur across documents, rebuilt corpus-wide.

Sentence vectors (the encoder stage) are clustered with k-means (k grows with the corpus);
a cluster keeps the sentences close to its centre, and counts as a narrative when they come
from at least two documents. Its label is its most distinctive lemmas (class-based TF-IDF).
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pyarrow as pa

from marea.corpus import SOURCE_NAME
from marea.store import Store
from marea.store.crash import crash_point

MIN_CHARS = 60  # shorter sentences (datelines, captions) make no narrative
MAX_SENTENCES = 100_000  # a larger corpus is sampled (fixed seed) for the clustering
SENTENCES_PER_CLUSTER = 25
MIN_SIMILARITY = 0.55  # cosine to the cluster centre to count as a member
MIN_MEMBERS = 3
MIN_DOCUMENTS = 2
LABEL_TERMS = 4
CONTENT_POS = ("NOUN", "PROPN", "ADJ", "VERB")


def rebuild(store: Store) -> int:
    """Recompute the narratives tables from the stored vectors; return how many were found."""
    from sklearn.cluster import MiniBatchKMeans

    table = store.con.execute(
        "SELECT v.doc_id, v.sentence, v.vector FROM sentence_vectors v "
        "JOIN documents d USING (doc_id) JOIN sentences s ON s.doc_id = v.doc_id "
        "AND s.idx = v.sentence WHERE d.duplicate_of IS NULL AND s.end_char - s.start_char >= ? "
        "ORDER BY v.doc_id, v.sentence", [MIN_CHARS]).to_arrow_table()
    found: list[tuple[int, list[tuple[str, int, float]]]] = []
    if table.num_rows >= 2 * MIN_MEMBERS:
        rows = np.arange(table.num_rows)
        if len(rows) > MAX_SENTENCES:
            rows = np.sort(np.random.default_rng(0).choice(rows, MAX_SENTENCES, replace=False))
            table = table.take(pa.array(rows))
        vectors = table.column("vector").combine_chunks().flatten().to_numpy()
        vectors = vectors.reshape(table.num_rows, -1)
        k = max(2, min(1000, table.num_rows // SENTENCES_PER_CLUSTER))
        model = MiniBatchKMeans(n_clusters=k, random_state=0, n_init=3, batch_size=4096)
        assigned = model.fit_predict(vectors)
        centres = model.cluster_centers_ / np.linalg.norm(model.cluster_centers_, axis=1,
                                                          keepdims=True).clip(1e-9)
        similarity = np.einsum("ij,ij->i", vectors, centres[assigned])
        docs = table.column("doc_id").to_pylist()
        sentences = table.column("sentence").to_pylist()
        for cluster in range(k):
            members = [(docs[i], sentences[i], float(similarity[i]))
                       for i in np.flatnonzero(assigned == cluster)
                       if similarity[i] >= MIN_SIMILARITY]
            if len(members) >= MIN_MEMBERS and len({m[0] for m in members}) >= MIN_DOCUMENTS:
                found.append((cluster, members))
    _write(store, found)
    return len(found)


def _write(store: Store, found: list[tuple[int, list[tuple[str, int, float]]]]) -> None:
    members = [(number, doc, sentence, sim) for number, (_, group) in enumerate(found, 1)
               for doc, sentence, sim in group]
    member_table = pa.table({
        "narrative_id": pa.array([m[0] for m in members], pa.int32()),
        "doc_id": pa.array([m[1] for m in members], pa.string()),
        "sentence": pa.array([m[2] for m in members], pa.int32()),
        "similarity": pa.array([m[3] for m in members], pa.float64())})
    store.con.register("_members", member_table)
    try:
        with store.transaction():
            _replace(store)
    finally:
        store.con.unregister("_members")


def _replace(store: Store) -> None:
    """Swap the narratives tables' rows for those of `_members` (inside one transaction)."""
    store.con.execute("DELETE FROM narratives")
    store.con.execute("DELETE FROM narrative_sentences")
    store.con.execute("INSERT INTO narrative_sentences SELECT * FROM _members")
    terms = _labels(store)
    store.con.execute(
        "INSERT INTO narratives SELECT m.narrative_id, '', NULL, count(*), "
        f"count(DISTINCT m.doc_id), count(DISTINCT {SOURCE_NAME}), "
        "min(d.published), max(d.published), avg(m.similarity) "
        "FROM narrative_sentences m JOIN documents d USING (doc_id) GROUP BY m.narrative_id")
    for number, top in terms.items():
        store.con.execute("UPDATE narratives SET label = ?, terms = ? WHERE narrative_id = ?",
                          [" · ".join(top[:LABEL_TERMS]), ", ".join(top), number])
    crash_point("refresh-narratives")


def _labels(store: Store) -> dict[int, list[str]]:
    """Each narrative's ten most distinctive content lemmas (class-based TF-IDF)."""
    rows = store.con.execute(
        "SELECT m.narrative_id, lower(t.lemma) FROM narrative_sentences m JOIN tokens t "
        "ON t.doc_id = m.doc_id AND t.sentence = m.sentence "
        "WHERE t.pos IN ('NOUN', 'PROPN', 'ADJ', 'VERB') AND length(t.lemma) > 2").fetchall()
    counts: dict[int, Counter[str]] = {}
    for number, lemma in rows:
        counts.setdefault(number, Counter())[lemma] += 1
    spread = Counter(term for c in counts.values() for term in c)
    average = sum(sum(c.values()) for c in counts.values()) / max(len(counts), 1)
    labels = {}
    for number, terms in counts.items():
        total = sum(terms.values())
        scored = {t: n / total * math.log(1 + average / spread[t]) for t, n in terms.items()}
        labels[number] = sorted(scored, key=lambda t: (-scored[t], t))[:10]
    return labels
