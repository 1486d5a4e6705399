"""Semantic search through the sentence-vector index (marea.vectors)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from marea import vectors
from marea.pipeline import ingest
from marea.search import Filters, search
from marea.settings import Settings
from marea.store import Store

from .conftest import EXAMPLES

# Nine sentences on a football match and one on monetary policy: the document's mean vector
# is about football, far from the one sentence a question about interest rates should find.
MATCH = ("Boca Juniors beat River Plate two goals to one at La Bombonera on Sunday night. "
         "The home side scored first after a corner in the twelfth minute. "
         "River equalised just before half time with a header from the captain. "
         "The second half was tense and both goalkeepers made fine saves. "
         "Boca's winning goal came from a long shot in the eighty-first minute. "
         "The fans sang for the whole match and lit flares behind the goal. "
         "The referee showed six yellow cards and sent off a River defender. "
         "Meanwhile the central bank raised its benchmark interest rate by two points to "
         "fight inflation. "
         "The coach praised his midfield for winning the ball back quickly. "
         "Boca now lead the league table by three points with five games to play.\n")
RATE_SENTENCE = "Meanwhile the central bank raised its benchmark interest rate"
QUERY = "monetary authority increases borrowing costs to curb rising prices"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Store:
    folder = tmp_path_factory.mktemp("vectors")
    inputs = folder / "inputs"
    inputs.mkdir()
    (inputs / "superclasico.txt").write_text(MATCH, encoding="utf-8")
    db = folder / "vectors.duckdb"
    from marea.settings import load_settings

    settings: Settings = load_settings().with_(db=str(db))
    store = Store(db)
    summary = ingest([str(inputs), str(EXAMPLES / "text")], store, settings)
    assert not summary.failed, summary.failed
    return store


def test_ingest_indexes_every_sentence(indexed: Store) -> None:
    index = vectors.open_index(indexed)
    (sentences,), = indexed.query("SELECT count(*) FROM sentence_vectors")
    assert index is not None and len(index) == sentences
    assert not vectors.index_is_stale(indexed)


@pytest.mark.parametrize(("exact_docs", "exact_vectors"),
                         [(0, 0), (0, vectors.EXACT_VECTORS), (3000, 0)],
                         ids=["index-graph", "index-scanned", "exact"])
def test_filtered_search_finds_the_one_far_sentence(indexed: Store, exact_docs: int,
                                                    exact_vectors: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the index's graph (as in a big store), its exhaustive scan (a small one) and
    the filter's exact scoring alike."""
    monkeypatch.setattr(vectors, "EXACT_DOCS", exact_docs)
    monkeypatch.setattr(vectors, "EXACT_VECTORS", exact_vectors)
    hits = search(indexed, QUERY, Filters(language="en"), limit=1, mode="semantic")
    assert len(hits) == 1
    assert hits[0]["title"].startswith("Boca Juniors beat River Plate")
    assert hits[0]["snippet"].startswith(RATE_SENTENCE)
    text = indexed.query("SELECT text FROM documents WHERE doc_id = ?", [hits[0]["doc_id"]])
    assert text[0][0][hits[0]["start_char"]:].startswith(RATE_SENTENCE)
    # the filter keeps it out when it does not match
    others = search(indexed, QUERY, Filters(language="es"), limit=20, mode="semantic")
    assert others and all(h["language"] == "es" for h in others)
    hybrid = search(indexed, QUERY, Filters(language="en"), limit=3)
    assert hybrid[0]["snippet"].startswith(RATE_SENTENCE)


def test_documents_not_yet_indexed_are_scored_exactly(indexed: Store, tmp_path: Path) -> None:
    path = vectors.index_path(indexed)
    os.replace(path, tmp_path / "saved.vectors")
    try:
        assert vectors.index_is_stale(indexed)
        hits = search(indexed, QUERY, Filters(language="en"), limit=1, mode="semantic")
        assert hits[0]["snippet"].startswith(RATE_SENTENCE)
    finally:
        os.replace(tmp_path / "saved.vectors", path)


@pytest.mark.parametrize("language", [None, "en"])
def test_hybrid_ranking_equals_fusing_the_exhaustive_rankings(
        corpus_store: Store, language: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The indexed hybrid search gives the head of what fusing the full BM25 ranking with
    every passing document's sentences scored exactly gives (the index's int8 vectors, or
    the stored float32 ones); further down, near ties may swap between int8 and float32."""
    from marea import search as engine
    from marea.nlp.encoder import DEFAULT, encode

    query = "Congress removed the president"
    filters = Filters(language=language)
    monkeypatch.setattr(vectors, "EXACT_DOCS", 10**6)  # every sentence, from the index
    exact = [h["doc_id"] for h in search(corpus_store, query, filters, limit=10)]
    monkeypatch.setattr(vectors, "EXACT_DOCS", 0)  # the nearest sentences the index finds
    hits = search(corpus_store, query, filters, limit=10)
    found = [h["doc_id"] for h in hits]
    assert len(hits) == 10 and found[:5] == exact[:5] and len(set(found) & set(exact)) >= 9
    where, params = filters.sql()
    text = [h["doc_id"] for h in search(corpus_store, query, filters, limit=500, mode="text")]
    every = vectors.scan_unindexed(corpus_store, 0, encode([query], DEFAULT)[0], where, params)
    semantic = sorted(every, key=lambda d: (-every[d].similarity, d))
    fused: dict[str, float] = {}
    for ranking in (text[:engine.FUSION_DEPTH], semantic[:engine.FUSION_DEPTH]):
        for rank, doc_id in enumerate(ranking):
            fused[doc_id] = fused.get(doc_id, 0.0) + 1.0 / (engine.RRF_K + rank + 1)
    expected = sorted(fused, key=lambda d: (-fused[d], d))
    # the head: the fifth and sixth fused scores over float32 vectors are a near tie
    # (.03002 and .02996 with the per-token encoder) that int8 vectors may order otherwise
    assert [h["doc_id"] for h in hits[:4]] == expected[:4]
    assert len(set(exact) & set(expected[:10])) >= 9


def test_each_update_adds_a_segment_folded_into_the_main_file_once_grown(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An update writes the new documents' sentences to a segment of their own (the main file
    is left as it is), searches and reads see main and segments as one index; too many
    segments are merged into one, and grown ones are folded into the main file."""
    import numpy as np

    from marea.nlp.encoder import DIMENSIONS

    rng = np.random.default_rng(3)
    stored: dict[str, np.ndarray] = {}

    def add(*docs: str) -> None:  # five random unit vectors per document
        for doc in docs:
            stored[doc] = rng.standard_normal((5, DIMENSIONS)).astype(np.float32)
            stored[doc] /= np.linalg.norm(stored[doc], axis=1, keepdims=True)
            for sentence, vector in enumerate(stored[doc]):
                store.con.execute("INSERT INTO sentence_vectors VALUES (?, ?, ?)",
                                  [doc, sentence, vector.tolist()])

    def segments() -> list[str]:
        return sorted(p.name[len(main.name):] for p in tmp_path.glob(main.name + ".*"))

    monkeypatch.setattr(vectors, "SEGMENT_SHARE", 100.0)
    with Store(tmp_path / "segments.duckdb") as store:
        main = vectors.index_path(store)
        add("a", "b", "c", "d")  # numbered 1-4
        assert vectors.update_index(store) == 20 and segments() == []
        built = main.stat().st_mtime_ns
        before = vectors.open_index(store)
        add("e")
        assert vectors.update_index(store) == 5 and segments() == [".5-5"]
        assert main.stat().st_mtime_ns == built
        index = vectors.open_index(store)
        assert index is not None and len(index) == 25 and index.highest == 5
        assert before is not None and index.parts[0] is before.parts[0]  # main not remapped
        assert not vectors.index_is_stale(store)
        found = index.search(stored["e"][2], 3)
        assert int(found.keys[0]) == 5 << vectors.SHIFT | 2 and found.distances[0] < 0.01
        keys = np.array([1 << vectors.SHIFT | 4, 5 << vectors.SHIFT | 1], np.uint64)
        read = index.get(keys)
        assert [float(v @ w) / float(np.linalg.norm(v)) > 0.99
                for v, w in zip(read, [stored["a"][4], stored["e"][1]], strict=True)] == [True,
                                                                                          True]
        monkeypatch.setattr(vectors, "MAX_SEGMENTS", 1)
        add("f")
        assert vectors.update_index(store) == 5 and segments() == [".5-6"]
        monkeypatch.setattr(vectors, "SEGMENT_SHARE", 0.0)
        add("g")
        assert vectors.update_index(store) == 5 and segments() == []
        index = vectors.open_index(store)
        assert index is not None and len(index) == 35 and index.highest == 7
        assert index.parts[0] is not before.parts[0]  # the folded main file is mapped anew
        assert int(index.search(stored["f"][0], 1).keys[0]) == 6 << vectors.SHIFT


def test_a_reader_that_lists_a_segment_folded_away_meanwhile_looks_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer folds segments into the main file and deletes them while a server thread
    may have just listed them: that reader looks at the files again instead of failing."""
    import numpy as np

    from marea.nlp.encoder import DIMENSIONS

    with Store(tmp_path / "race.duckdb") as store:
        main = vectors.index_path(store)
        for doc in ("a", "b"):
            store.con.execute("INSERT INTO sentence_vectors VALUES (?, 0, ?)",
                              [doc, np.ones(DIMENSIONS, np.float32).tolist()])
        assert vectors.update_index(store) == 2
        listed = vectors._segments
        gone = [(3, 3, main.with_name(main.name + ".3-3"))]  # a segment already folded away
        calls = iter([gone])
        monkeypatch.setattr(vectors, "_segments", lambda path: next(calls, None) or listed(path))
        index = vectors.open_index(store)
        assert index is not None and len(index) == 2 and index.highest == 2
