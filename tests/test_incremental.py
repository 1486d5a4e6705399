"""A second, small ingest into a store: full-text index, near-duplicate buckets and narratives
are updated for the new documents only, and what was there keeps its ids and rankings."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from marea.cli import main
from marea.ingest.dedup import NearDuplicateIndex
from marea.opinion import narratives
from marea.opinion.narratives import is_boilerplate
from marea.pipeline import ingest
from marea.search import Filters, search
from marea.settings import Settings, load_settings
from marea.store import Store, fulltext
from tests.conftest import EXAMPLES, need_seeds

FIRST = [str(EXAMPLES / "html" / name) for name in (
    "en-news-oas-assembly.html", "en-news-peru-castillo-ouster.html", "en-opinion-us-aid.html",
    "es-news-bolivia-2019.html", "es-news-lula-inauguration.html", "es-opinion-amlo-oea.html",
    "pt-news-mercosur.html")]
SYNDICATED = EXAMPLES / "html" / "en-news-peru-castillo-ouster-syndicated.html"
# Documents on subjects no stored narrative is about.
UNRELATED = {
    "garden.txt": "Allotment gardeners in Leeds reported a record crop of runner beans this "
                  "summer after weeks of mild rain.\n\nThe allotment society said its members "
                  "had planted more beans and courgettes than in any year since it was founded "
                  "in 1952.\n\nVolunteers will hold a seed swap in the community hall next "
                  "month, with cuttings of rhubarb and gooseberry bushes for new members.",
    "comet.txt": "Amateur astronomers in New Zealand photographed a faint comet passing close "
                 "to the Pleiades star cluster on Tuesday night.\n\nThe comet, discovered by a "
                 "survey telescope in March, is expected to brighten slightly before it swings "
                 "around the Sun in the autumn.\n\nObservers with binoculars should look low in "
                 "the eastern sky an hour before dawn, the astronomical society advised.",
    "weavers.txt": "The Chinchero weavers cooperative opened a workshop where visitors learn "
                   "how alpaca wool is dyed with cochineal and indigo.\n\nThe cooperative's "
                   "weavers said the workshop pays for looms and for classes that teach "
                   "children the old patterns of their grandmothers.\n\nA textile historian "
                   "described the Chinchero patterns as a record of village life kept in "
                   "thread for five centuries.",
}


@dataclass
class Grown:
    store: Store
    settings: Settings
    narratives: list[tuple[Any, ...]]  # narratives before the second ingest
    members: set[tuple[Any, ...]]  # narrative sentences before the second ingest
    stored: int  # documents stored by the second ingest


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Grown]:
    """A store of seven examples, then a second ingest of the syndicated copy of one of them
    and three unrelated texts."""
    folder = tmp_path_factory.mktemp("incremental")
    settings = load_settings().with_(db=str(folder / "grown.duckdb"))
    second = folder / "second"
    second.mkdir()
    for name, text in UNRELATED.items():
        (second / name).write_text(text, "utf-8")
    with Store(settings.db) as store:
        assert not ingest(FIRST, store, settings).failed
        narratives = store.query("SELECT * FROM narratives ORDER BY narrative_id")
        members = set(store.query("SELECT * FROM narrative_sentences"))
        summary = ingest([str(second), str(SYNDICATED)], store, settings)
        assert not summary.failed
        yield Grown(store, settings, narratives, members, summary.stored)


def test_narrative_ids_are_stable_across_an_ingest_of_unrelated_documents(grown: Grown
                                                                          ) -> None:
    assert grown.narratives, "the first ingest makes narratives"
    after = grown.store.query("SELECT * FROM narratives WHERE narrative_id <= ? "
                              "ORDER BY narrative_id", [grown.narratives[-1][0]])
    assert after == grown.narratives  # same ids, labels, counts, dates
    members = set(grown.store.query("SELECT * FROM narrative_sentences"))
    assert grown.members <= members
    new_docs = {r[0] for r in grown.store.query(
        "SELECT doc_id FROM documents WHERE run_id = (SELECT max(run_id) FROM documents)")}
    joined = {m for m in members - grown.members if m[0] <= grown.narratives[-1][0]}
    assert not {m[1] for m in joined} & new_docs, "unrelated sentences joined a narrative"
    assert grown.store.query("SELECT count(*) FROM narrative_inbox") == [(0,)]


def test_text_search_finds_a_document_of_the_second_ingest(grown: Grown) -> None:
    hits = search(grown.store, "Chinchero weavers", mode="text")
    assert len(hits) == 1 and hits[0]["path"].endswith("weavers.txt")
    assert "Chinchero" in hits[0]["snippet"]


@pytest.mark.parametrize("query", ["Chinchero weavers", "Castillo Congress", "OAS assembly",
                                   "Evo Morales elecciones", "the president was removed"])
def test_text_ranking_equals_a_full_rebuild_of_the_fts_extension(grown: Grown, query: str
                                                                ) -> None:
    """Same documents, order and BM25 scores as DuckDB's fts index built over the whole store."""
    con = grown.store.con
    fulltext.load_stemmer(grown.store)
    con.execute("PRAGMA create_fts_index('documents', 'doc_id', 'title', 'text', "
                "stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, "
                "overwrite = 1)")
    try:
        rebuilt = con.execute(
            "SELECT doc_id, score FROM (SELECT doc_id, fts_main_documents.match_bm25(doc_id, ?) "
            "AS score FROM documents) WHERE score IS NOT NULL "
            "ORDER BY round(score, 9) DESC, doc_id",
            [query]).fetchall()
    finally:
        con.execute("PRAGMA drop_fts_index('documents')")
    ours = search(grown.store, query, Filters(duplicates=True), limit=100, mode="text")
    assert rebuilt
    assert [h["doc_id"] for h in ours] == [r[0] for r in rebuilt]
    assert [h["score"] for h in ours] == pytest.approx([r[1] for r in rebuilt], rel=1e-9)


@pytest.mark.parametrize("query", ["Castillo Congress", "the president was removed",
                                   "Evo Morales elecciones", "OAS assembly weavers"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_filtered_text_ranking_is_the_full_ranking_of_the_passing_documents(
        grown: Grown, query: str, language: str) -> None:
    """Filtering keeps every passing document that holds a query term, in the same order
    and with the same scores as without the filter; a shorter page is its head."""
    every = search(grown.store, query, Filters(duplicates=True), limit=100, mode="text")
    languages = dict(grown.store.query("SELECT doc_id, language FROM documents"))
    passing = [(h["doc_id"], h["score"]) for h in every if languages[h["doc_id"]] == language]
    filtered = search(grown.store, query, Filters(language=language, duplicates=True),
                      limit=100, mode="text")
    assert [(h["doc_id"], h["score"]) for h in filtered] == passing
    for depth in (1, 2):
        page = search(grown.store, query, Filters(language=language, duplicates=True),
                      limit=depth, mode="text")
        assert [h["doc_id"] for h in page] == [doc_id for doc_id, _ in passing[:depth]]


def test_a_near_duplicate_is_found_across_ingests_through_the_stored_buckets(grown: Grown
                                                                             ) -> None:
    original, copy = (grown.store.query(
        "SELECT doc_id, duplicate_of FROM documents WHERE ends_with(source, ?)", [name])[0]
        for name in ("/en-news-peru-castillo-ouster.html", "-syndicated.html"))
    assert copy[1] == original[0] and original[1] is None
    bands = grown.store.query("SELECT bands FROM near_duplicate_scheme")[0][0]
    per_doc = dict(grown.store.query(
        "SELECT doc_id, count(*) FROM near_duplicate_buckets GROUP BY doc_id"))
    assert per_doc[original[0]] == bands and copy[0] not in per_doc  # copies are not indexed
    assert len(per_doc) == grown.store.query(
        "SELECT count(*) FROM documents WHERE duplicate_of IS NULL")[0][0]


def test_buckets_are_rebuilt_from_stored_signatures_when_the_scheme_changes(grown: Grown
                                                                            ) -> None:
    def buckets() -> list[tuple[Any, ...]]:
        return sorted(grown.store.query("SELECT bucket, doc_id FROM near_duplicate_buckets"))

    before = buckets()
    grown.store.con.execute("UPDATE near_duplicate_scheme SET bands = 1")
    index = NearDuplicateIndex(grown.settings, grown.store)
    assert buckets() == before
    assert grown.store.near_duplicate_scheme() == (index.bands, index.rows) == (14, 9)


def test_boilerplate_sentences_make_no_narrative(grown: Grown) -> None:
    seeds = need_seeds()
    text = (seeds / "000_ce8d7cfe5695b9be.txt").read_text("utf-8") + "\n" + "\n".join(
        path.read_text("utf-8") for path in sorted(seeds.glob("00[1-4]_*.txt")))
    bios = [line.strip(" •") for line in text.splitlines()
            if " is a retired professor" in line or " is a Latin American writer" in line]
    assert len(bios) == 2 and all(is_boilerplate(b.split(". ")[0]) for b in bios)
    for sentence in ("Sign up for our free newsletter: the Americas in five minutes, every "
                     "weekday.",
                     "If you value independent journalism, please consider donating to "
                     "Americas Dispatch.",
                     "Lawmakers vote in the chamber of Peru's Congress in Lima on Wednesday. "
                     "Photo: Lucía Ferrando/Prensa Andina Imagen",
                     "Suscríbete a nuestro boletín para recibir las noticias en tu correo."):
        assert is_boilerplate(sentence), sentence
    for sentence in ("Evo Morales was the first indigenous president of Bolivia.",
                     "By nightfall, small groups of Castillo supporters had gathered outside "
                     "the prefecture.",
                     '"This assembly showed an organization that still matters," said Carolina '
                     "Mendes, a researcher who follows the OAS."):
        assert not is_boilerplate(sentence), sentence
    texts = [r[0] for r in grown.store.query(
        "SELECT substr(d.text, s.start_char + 1, s.end_char - s.start_char) FROM "
        "narrative_sentences m JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
        "JOIN documents d ON d.doc_id = m.doc_id")]
    assert texts and not [t for t in texts if is_boilerplate(t)]


def test_narratives_rebuild_reclusters_everything(grown: Grown, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    grown.store.con.execute("CHECKPOINT")
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(grown.settings.db).read_bytes())
    assert main(["narratives", "--rebuild", "--db", str(copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("rebuilt: ") and "narratives" in out
    with Store(copy, read_only=True) as store:
        ids = [r[0] for r in store.query("SELECT narrative_id FROM narratives ORDER BY 1")]
        assert ids == list(range(1, len(ids) + 1)) and f"rebuilt: {len(ids)} narratives" in out
        assert store.query("SELECT count(*) FROM narrative_centres")[0][0] == len(ids)
        assert store.query("SELECT count(*) FROM narrative_inbox") == [(0,)]
        assert store.query("SELECT count(*) FROM refresh_state WHERE step = 'narratives' "
                           "AND documents = (SELECT count(*) FROM documents)")[0][0] == 1


RECOUNT = ("SELECT actor_id, count(*), count(DISTINCT doc_id) FROM mentions "
           "WHERE actor_id IS NOT NULL GROUP BY actor_id ORDER BY actor_id")


def test_actor_stats_follow_each_write_as_a_full_recount_would(tmp_path: Path) -> None:
    """Counts added per batch (a near-duplicate and an exact duplicate among them) and
    replaced by a reanalyse equal a recount of the whole store after every run."""
    from marea.reanalyse import reanalyse

    settings = load_settings().with_(db=str(tmp_path / "counted.duckdb"), batch_size=2,
                                     models={**load_settings().models, "encoder": "none"})
    again = tmp_path / "again.html"
    again.write_bytes(Path(FIRST[0]).read_bytes())  # an exact duplicate, read under a new name

    def counted(store: Store) -> list[tuple[Any, ...]]:
        return store.query("SELECT actor_id, mentions, documents FROM actor_stats "
                           "ORDER BY actor_id")

    with Store(settings.db) as store:
        ingest(FIRST[:3], store, settings)
        assert counted(store) == store.query(RECOUNT) and counted(store)
        second = ingest([*FIRST[3:5], str(SYNDICATED), str(again)], store, settings)
        assert (second.stored, second.near_duplicates, second.duplicates) == (3, 1, 1)
        assert counted(store) == store.query(RECOUNT)
        # as an older linker left them: the mentions of one actor under another id
        (actor,), = store.query("SELECT actor_id FROM actor_stats ORDER BY mentions DESC, "
                                "actor_id LIMIT 1")
        store.con.execute("UPDATE mentions SET actor_id = 'older-linker-id' WHERE actor_id = ?",
                          [actor])
        store.con.execute("DELETE FROM actor_stats")
        store.con.execute(f"INSERT INTO actor_stats {RECOUNT}")
        before = counted(store)
        assert reanalyse(store, settings, ["actors"]).stored == 6
        after = counted(store)
        assert after == store.query(RECOUNT)
        assert "older-linker-id" in {r[0] for r in before} - {r[0] for r in after}
        assert actor in {r[0] for r in after} - {r[0] for r in before}



def test_a_filtered_search_counts_its_candidates_once_and_leaves_no_table(
        tmp_path: Path) -> None:
    """Search evaluates its filters once into a per-connection candidate table: its total
    equals a recount of the filtered documents holding a query word, after two ingests and
    a reanalyse, and the table is gone afterwards."""
    from marea.reanalyse import reanalyse

    settings = load_settings().with_(db=str(tmp_path / "searched.duckdb"), batch_size=2,
                                     models={**load_settings().models, "encoder": "none"})
    with Store(settings.db) as store:
        ingest(FIRST[:3], store, settings)
        ingest([*FIRST[3:5], str(SYNDICATED)], store, settings)
        assert reanalyse(store, settings, ["actors"]).stored == 6
        hits = search(store, "president", Filters(language="en"), mode="text")
        (recount,), = store.query(
            "SELECT count(*) FROM documents d WHERE d.language = 'en' AND d.duplicate_of IS NULL "
            "AND d.doc_id IN (SELECT i.doc_id FROM search_postings p JOIN search_docs i "
            "USING (docno) JOIN search_terms t USING (termid) WHERE t.term = 'presid')")
        assert hits.total == recount == len(hits) > 0
        assert store.query("SELECT count(*) FROM duckdb_tables() "
                           "WHERE table_name = '_search_candidates'") == [(0,)]


TONE_RECOMPUTED = ("SELECT doc_id, tone, positive, negative, polarity, activity, self_group "
                   "FROM tone WHERE sentence = -1 ORDER BY doc_id")


def test_document_tone_follows_each_write_as_a_recomputation_would(tmp_path: Path) -> None:
    """The documents listing's per-document tone table equals the document rows of `tone`
    after two ingests (a near-duplicate and an exact duplicate among them) and after a
    reanalyse of the tone stage replaced older scores."""
    from marea.reanalyse import reanalyse

    settings = load_settings().with_(db=str(tmp_path / "toned.duckdb"), batch_size=2,
                                     models={**load_settings().models, "encoder": "none"})
    again = tmp_path / "again.html"
    again.write_bytes(Path(FIRST[0]).read_bytes())

    def stored(store: Store) -> list[tuple[Any, ...]]:
        return store.query("SELECT * FROM document_tone ORDER BY doc_id")

    with Store(settings.db) as store:
        ingest(FIRST[:3], store, settings)
        assert stored(store) == store.query(TONE_RECOMPUTED) and len(stored(store)) == 3
        second = ingest([*FIRST[3:5], str(SYNDICATED), str(again)], store, settings)
        assert (second.stored, second.near_duplicates, second.duplicates) == (3, 1, 1)
        assert stored(store) == store.query(TONE_RECOMPUTED) and len(stored(store)) == 6
        # as an older tone stage left them: other scores in both tables
        store.con.execute("UPDATE tone SET tone = tone + 50 WHERE sentence = -1")
        store.con.execute("UPDATE document_tone SET tone = tone + 50")
        older = stored(store)
        assert reanalyse(store, settings, ["tone"]).stored == 6
        assert stored(store) == store.query(TONE_RECOMPUTED) != older
        assert all(row[1] < 50 for row in stored(store))


ACTOR_EVENTS_RECOMPUTED = (
    "SELECT DISTINCT unnest([e.source_id, e.target_id]) AS actor_id, e.doc_id, e.idx, e.date, "
    "e.type, d.duplicate_of IS NULL FROM events e JOIN documents d USING (doc_id) "
    "ORDER BY ALL")


def test_actor_events_follow_each_write_as_a_recomputation_would(tmp_path: Path) -> None:
    """Each event under each actor it names, with its document's original/copy flag, equals
    a recomputation from `events` after two ingests (a near-duplicate and an exact duplicate
    among them) and after a reanalyse of the events stage replaced older events."""
    from marea.reanalyse import reanalyse

    settings = load_settings().with_(db=str(tmp_path / "acted.duckdb"), batch_size=2,
                                     models={**load_settings().models, "encoder": "none"})
    again = tmp_path / "again.html"
    again.write_bytes(Path(FIRST[0]).read_bytes())

    def stored(store: Store) -> list[tuple[Any, ...]]:
        return store.query("SELECT * FROM actor_events ORDER BY ALL")

    def recomputed(store: Store) -> list[tuple[Any, ...]]:
        return [row for row in store.query(ACTOR_EVENTS_RECOMPUTED) if row[0] is not None]

    with Store(settings.db) as store:
        ingest(FIRST[:3], store, settings)
        assert stored(store) == recomputed(store) and stored(store)
        second = ingest([*FIRST[3:5], str(SYNDICATED), str(again)], store, settings)
        assert (second.stored, second.near_duplicates, second.duplicates) == (3, 1, 1)
        assert stored(store) == recomputed(store)
        assert {row[5] for row in stored(store)} == {True, False}  # the copy's events too
        # as an older extractor left them: one actor's events under another id
        (actor,), = store.query("SELECT actor_id FROM actor_events GROUP BY 1 "
                                "ORDER BY count(*) DESC, 1 LIMIT 1")
        for column in ("source_id", "target_id", "actor_id"):
            table = "actor_events" if column == "actor_id" else "events"
            store.con.execute(f"UPDATE {table} SET {column} = 'older-id' WHERE {column} = ?",
                              [actor])
        assert reanalyse(store, settings, ["events"]).stored == 6
        assert stored(store) == recomputed(store)
        assert actor in {row[0] for row in stored(store)}
        assert "older-id" not in {row[0] for row in stored(store)}


def test_unrelated_sentences_wait_in_the_pool_after_the_earlier_leftovers(grown: Grown
                                                                          ) -> None:
    """The second ingest's leftovers are appended to the pool (no narrative takes sentences of
    one document alone); the first ingest's leftovers keep their places before them."""
    rows = grown.store.query("SELECT p.doc_id, d.run_id, p.seq FROM narrative_pool p "
                             "JOIN documents d USING (doc_id) ORDER BY p.seq")
    runs = [run for _, run, _ in rows]
    assert runs == sorted(runs) and len(set(runs)) == 2
    second = {doc for doc, run, _ in rows if run == runs[-1]}
    # of the garden, comet and weavers texts: with the per-token encoder one garden sentence
    # and the weavers' three form a two-document narrative, so the weavers wait no more
    assert len(second) == 2


def test_stories_recounted_after_the_second_ingest_equal_a_recount_of_every_story(
        grown: Grown) -> None:
    """The second ingest recounts only the stories its events joined or started (the
    syndicated copy joins its original's stories); every story then reads as a full recount."""
    from marea.events.stories import refresh

    after = grown.store.query("SELECT * FROM stories ORDER BY story_id")
    copy = grown.store.query("SELECT doc_id FROM documents WHERE duplicate_of IS NOT NULL")
    assert len(copy) == 1
    joined = grown.store.query("SELECT s.copies, s.articles FROM stories s JOIN story_events l "
                               "USING (story_id) WHERE l.doc_id = ?", [copy[0][0]])
    assert any(copies == 1 and articles >= 2 for copies, articles in joined)
    grown.store.con.execute("DELETE FROM refresh_state WHERE step = 'stories'")
    assert refresh(grown.store) == 0  # every event is placed: only the counts are redone
    assert grown.store.query("SELECT * FROM stories ORDER BY story_id") == after


def test_a_bucket_shared_by_several_originals_gives_its_earliest_only(tmp_path: Path) -> None:
    """A look-up returns one row per bucket: the original stored first (lowest seq, then
    id), the one a match names, however many originals share the bucket."""
    with Store(tmp_path / "buckets.duckdb") as store:
        with store.transaction():
            store.add_near_duplicate_buckets([(7, "later", 5), (7, "first", 2), (7, "also", 2),
                                              (8, "only", 9), (9, "elsewhere", 1)])
        assert sorted(store.near_duplicate_candidates([7, 8, 10])) == [(7, 2, "also"),
                                                                       (8, 9, "only")]


def test_narrative_terms_counted_in_the_store_equal_a_count_of_every_token(grown: Grown
                                                                          ) -> None:
    """_terms counts lemmas per narrative in DuckDB; the ranking must be the one a count of
    each member token but common words (the class-based TF-IDF over every narrative) gives."""
    store = grown.store
    numbers = [r[0] for r in store.query("SELECT narrative_id FROM narratives ORDER BY 1")]
    rows = store.query(
        "SELECT m.narrative_id, d.language, lower(t.lemma) FROM narrative_sentences m "
        "JOIN documents d USING (doc_id) JOIN tokens t "
        "ON t.doc_id = m.doc_id AND t.sentence = m.sentence "
        "WHERE t.pos IN ('NOUN', 'PROPN', 'ADJ') AND length(t.lemma) > 2")
    counts: dict[int, Counter[str]] = {}
    for number, language, lemma in rows:  # _terms leaves each language's stop words out
        if lemma not in narratives.stop_words(language):
            counts.setdefault(number, Counter())[lemma] += 1
    spread = Counter(term for c in counts.values() for term in c)
    average = sum(sum(c.values()) for c in counts.values()) / len(counts)
    expected = {}
    for number, terms in counts.items():
        scored = {t: n / sum(terms.values()) * math.log(1 + average / spread[t])
                  for t, n in terms.items()}
        expected[number] = sorted(scored, key=lambda t: (-scored[t], t))[:10]
    store.con.execute("CREATE OR REPLACE TEMP TABLE _summarised AS "
                      "SELECT unnest(?::INTEGER[]) AS narrative_id", [numbers])
    try:
        found = narratives._terms(store)
    finally:
        store.con.execute("DROP TABLE _summarised")
    assert len(expected) >= 3 and any(len(terms) == 10 for terms in expected.values())
    assert found == expected
