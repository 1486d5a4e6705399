from __future__ import annotations

from pathlib import Path

import pytest

from marea.errors import StoreError
from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store
from marea.store.schema import LATEST


def test_new_store_is_at_latest_schema_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.version() == LATEST
    with Store(path) as store:
        assert store.query("SELECT count(*) FROM schema_version") == [(LATEST,)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (?, now())", [LATEST + 1])
    with pytest.raises(StoreError, match=r"\[E022\].*newer than this marea"):
        Store(path)


def test_an_ingest_caps_the_memory_limit_and_gives_the_old_one_back(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The Senate passed the budget on Tuesday.\n", "utf-8")
    settings = load_settings().with_(db=str(tmp_path / "s.duckdb"), workers=1,
                                     store_memory_limit="300MB")
    seen = []
    with Store(settings.db, settings=settings) as store:
        (before,), = store.query("SELECT current_setting('memory_limit')")
        ingest([str(corpus)], store, settings, on_progress=lambda summary, name: seen.append(
            store.query("SELECT current_setting('memory_limit')")[0][0]))
        # DuckDB shows the limit in its own units: 300 MB is 286.1 MiB.
        assert seen == ["286.1 MiB"]
        assert store.query("SELECT current_setting('memory_limit')") == [(before,)]
        assert before != "286.1 MiB"


def test_a_query_over_the_memory_limit_names_the_setting(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        with store.memory_capped("8MB"), pytest.raises(
                StoreError, match=r"\[E137\] Store .*s\.duckdb needed more memory than its "
                r"limit: Out of Memory Error: .*; raise \[store\] memory_limit in the "
                r"settings\."), store.io_errors():
            store.query("SELECT count(DISTINCT i::VARCHAR || repeat('x', 50)) "
                        "FROM range(1000000) t(i)")
        assert store.query("SELECT count(*) FROM documents") == [(0,)]  # the store goes on


def test_killed_run_is_marked_interrupted(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        first = store.start_run("ingest a")
        second = store.start_run("ingest a")
        assert store.query("SELECT run_id, status FROM runs ORDER BY run_id") == [
            (first, "interrupted"), (second, "running")]


def test_actor_counts_are_refreshed_after_ingest(corpus_store: Store) -> None:
    live = dict(corpus_store.query("SELECT actor_id, count(*) FROM mentions "
                                   "WHERE actor_id IS NOT NULL GROUP BY actor_id"))
    stored = dict(corpus_store.query("SELECT actor_id, mentions FROM actor_stats"))
    assert stored == live and stored["PER"] > 10
