"""Narrative clustering: the numpy k-means groups real sentences by subject, the same way on
every run."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marea.nlp.encoder import encode
from marea.opinion import narratives
from marea.opinion.narratives import kmeans
from marea.store import Store

SUBJECTS = [
    ["Congress voted to remove President Pedro Castillo from office on Wednesday.",
     "Peruvian lawmakers impeached Castillo hours after he tried to dissolve the legislature.",
     "The Peruvian Congress ousted the president in a vote of 101 to 6."],
    ["Heavy rain flooded the coastal highway and forced hundreds of families from their homes.",
     "Rescue teams evacuated villages after the river burst its banks during the storm.",
     "The floods destroyed crops and bridges across the northern provinces."],
    ["The central bank raised interest rates to slow inflation.",
     "Consumer prices rose faster than expected, pushing the bank to lift its benchmark rate.",
     "Economists expect borrowing costs to stay high while inflation remains above target."],
]


def test_kmeans_groups_sentences_by_subject_and_repeats_itself() -> None:
    vectors = encode([s for subject in SUBJECTS for s in subject])
    centres, assigned, similarity = kmeans(vectors, 3)
    groups = [set(assigned[i:i + 3].tolist()) for i in range(0, 9, 3)]
    assert all(len(g) == 1 for g in groups) and len(set.union(*groups)) == 3
    assert np.allclose(np.linalg.norm(centres, axis=1), 1.0, atol=1e-5)
    assert np.allclose(similarity, np.sum(vectors * centres[assigned], axis=1), atol=1e-5)
    again = kmeans(vectors, 3)
    assert np.array_equal(again[1], assigned) and np.array_equal(again[0], centres)


def test_kmeans_never_asks_for_more_clusters_than_rows() -> None:
    vectors = encode(SUBJECTS[0][:2])
    centres, assigned, _ = kmeans(vectors, 5)
    assert len(centres) == 2 and sorted(assigned.tolist()) == [0, 1]


def test_sentences_read_in_batches_and_sampled_are_those_of_one_whole_read(
        corpus_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full build reads sentences a few at a time; reading them so, and sampling a large
    corpus while reading, keeps the rows one whole read and one draw over it would keep."""
    monkeypatch.setattr(narratives, "is_boilerplate", lambda text: False)  # keep every row
    whole = narratives._sentences(corpus_store, new_only=False)
    assert len(whole.keys) > 300 and whole.vectors.shape == (len(whole.keys), 384)
    assert whole.keys == sorted(whole.keys)
    monkeypatch.setattr(narratives, "SENTENCE_ROWS", 7)
    batched = narratives._sentences(corpus_store, new_only=False)
    assert batched.keys == whole.keys and np.array_equal(batched.vectors, whole.vectors)
    monkeypatch.setattr(narratives, "MAX_SENTENCES", len(whole.keys) // 3)
    sampled = narratives._sentences(corpus_store, new_only=False)
    rows = np.sort(np.random.default_rng(0).choice(len(whole.keys), len(whole.keys) // 3,
                                                   replace=False))
    assert sampled.keys == [whole.keys[i] for i in rows]
    assert np.array_equal(sampled.vectors, whole.vectors[rows])


def _document(store: Store, doc: str, language: str, words: list[tuple[str, str]],
              site: str = "", published: str | None = None) -> None:
    """A document of one sentence with these tokens' (lemma, part of speech)."""
    store.con.execute("INSERT INTO documents (doc_id, source, locator, raw_sha, raw, "
                      "content_type, language, text, n_chars, n_words, run_id, ingested_at, "
                      "site, published) VALUES (?, ?, '', '', '', 'text/plain', ?, '', 0, 0, 1, "
                      "now(), nullif(?, ''), ?)", [doc, doc, language, site, published])
    for index, (lemma, pos) in enumerate(words):
        store.con.execute("INSERT INTO tokens (doc_id, idx, sentence, start_char, end_char, "
                          "lemma, pos) VALUES (?, ?, 0, 0, 1, ?, ?)", [doc, index, lemma, pos])


def _terms_of(tmp_path: Path, lemmas: dict[int, tuple[str, list[tuple[str, str]]]]
              ) -> dict[int, list[str]]:
    """The distinctive terms `narratives._terms` finds for narratives of one sentence each,
    given as (its document's language, its tokens' (lemma, part of speech))."""
    with Store(tmp_path / "n.duckdb") as store:
        for number, (language, words) in lemmas.items():
            _document(store, f"d{number}", language, words)
            store.con.execute("INSERT INTO narrative_sentences VALUES (?, ?, 0, 0.9)",
                              [number, f"d{number}"])
        store.con.execute("CREATE TEMP TABLE _added AS FROM narrative_sentences")
        narratives._count(store, recorded=False)
        store.con.execute("CREATE TEMP TABLE _summarised AS SELECT DISTINCT narrative_id "
                          "FROM narrative_sentences")
        return narratives._terms(store)


def test_an_update_adds_its_new_members_without_reading_the_earlier_ones(
        tmp_path: Path) -> None:
    """A narrative's figures and counts grow by its new members alone: with its earlier
    members' rows gone before an update, it reads as one built from all of them at once (a
    refresh that read every member of a grown narrative cost more as the store grew)."""
    centre = np.zeros(narratives.DIMENSIONS, np.float32)
    empty = narratives.Sentences([], np.zeros((0, narratives.DIMENSIONS), np.float32))
    with Store(tmp_path / "n.duckdb") as store:
        _document(store, "d1", "en", [("strike", "NOUN"), ("port", "NOUN")], "a.example",
                  "2024-03-02")
        _document(store, "d2", "en", [("strike", "NOUN"), ("wage", "NOUN")], "b.example",
                  "2024-03-05")
        _document(store, "d3", "en", [("strike", "NOUN"), ("port", "NOUN")], "a.example",
                  "2024-03-01")

        def add(members: list[tuple[int, str, int, float]], formed: list[int]) -> None:
            with store.transaction():
                narratives._add(store, members, [(n, centre) for n in formed], empty)
                narratives._summarise(store, formed, recorded=False)

        add([(1, "d1", 0, 0.9), (1, "d2", 0, 0.7)], [1])
        store.con.execute("DELETE FROM narrative_sentences")
        add([(1, "d3", 0, 0.8)], [])
        add([(2, "d1", 0, 0.9), (2, "d2", 0, 0.7), (2, "d3", 0, 0.8)], [2])
        rows = store.query("SELECT narrative_id, sentences, documents, sources, first_date, "
                           "last_date, round(cohesion, 9), example_doc_id, example_sentence "
                           "FROM narratives ORDER BY 1")
        assert rows == [(n, 3, 3, 2, "2024-03-01", "2024-03-05", 0.8, "d1", 0) for n in (1, 2)]
        counts = store.query("SELECT narrative_id, kind, key, hits, documents "
                             "FROM narrative_counts ORDER BY kind, key, narrative_id")
        assert [row[1:] for row in counts if row[0] == 1] == [
            row[1:] for row in counts if row[0] == 2]
        assert [row[1:] for row in counts if row[0] == 1] == [
            ("source", "a.example", 2, 2), ("source", "b.example", 1, 1),
            ("term", "port", 2, 2), ("term", "strike", 3, 3), ("term", "wage", 1, 1)]


def test_a_narratives_distinctive_words_are_no_common_words(tmp_path: Path) -> None:
    """"about: such" named a narrative of the seeds: the tagger calls "such" and "other"
    adjectives, and they are frequent in every cluster but none names a subject."""
    terms = _terms_of(tmp_path, {
        1: ("en", [("such", "ADJ"), ("such", "ADJ"), ("such", "ADJ"), ("election", "NOUN"),
                   ("other", "ADJ"), ("other", "ADJ"), ("ballot", "NOUN")]),
        2: ("en", [("flood", "NOUN"), ("river", "NOUN"), ("rain", "NOUN")])})
    assert terms == {1: ["ballot", "election"], 2: ["flood", "rain", "river"]}


def test_spanish_and_portuguese_narratives_leave_out_their_own_common_words(
        tmp_path: Path) -> None:
    """Each sentence is read with its document's language's stop words: "otro", "mismo",
    "nuevo" in Spanish, "mesmo", "novo" in Portuguese (an English sentence keeps "otro"); the
    nouns a political narrative is about ("acuerdo", "povo"), in spaCy's lists, stay."""
    terms = _terms_of(tmp_path, {
        1: ("es", [("otro", "ADJ"), ("otro", "ADJ"), ("mismo", "ADJ"), ("nuevo", "ADJ"),
                   ("acuerdo", "NOUN"), ("paz", "NOUN"), ("guerrilla", "NOUN")]),
        2: ("pt", [("mesmo", "ADJ"), ("mesmo", "ADJ"), ("novo", "ADJ"), ("povo", "NOUN"),
                   ("greve", "NOUN"), ("salário", "NOUN")]),
        3: ("en", [("other", "ADJ"), ("otro", "NOUN"), ("strike", "NOUN")])})
    assert terms == {1: ["acuerdo", "guerrilla", "paz"], 2: ["greve", "povo", "salário"],
                     3: ["otro", "strike"]}
