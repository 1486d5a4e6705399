from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from marea.errors import StoreError
from marea.ingest.sources import read_inputs
from marea.pipeline import RunSummary, read_item, run_stages
from marea.settings import Settings
from marea.store import ROW_GROUP_ROWS, Store
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


def test_store_runs_duckdbs_allocator_thread_so_freed_pages_go_back(tmp_path: Path) -> None:
    # Without it, the rows an ingest's checkpoint writes out stay resident (marea/store).
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.query("SELECT current_setting('allocator_background_threads')") == [(True,)]
    with Store(path, read_only=True) as store:
        assert store.query("SELECT current_setting('allocator_background_threads')") == [(True,)]


def test_a_checkpoint_leaves_the_full_row_groups_of_an_older_store_unwritten(
        tmp_path: Path) -> None:
    # A store written with DuckDB's default row groups (122,880 rows): one row group holds
    # every document, and appending to it made each checkpoint rewrite it whole.
    path = tmp_path / "s.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO documents (doc_id, source, locator, raw_sha, raw, content_type, "
                "text, n_chars, n_words, run_id, ingested_at) SELECT 'old' || range, 'f', "
                "range::VARCHAR, 'sha', ''::BLOB, 'text/plain', repeat('word ', 200), 1000, "
                "200, 1, now() FROM range(9000)")
    con.close()

    def text_blocks(store: Store) -> dict[int, list[tuple[int, int]]]:
        rows = store.query("SELECT row_group_id, block_id, block_offset FROM "
                           "pragma_storage_info('documents') WHERE column_name = 'text' "
                           "ORDER BY ALL")
        found: dict[int, list[tuple[int, int]]] = {}
        for group, block, offset in rows:
            found.setdefault(group, []).append((block, offset))
        return found

    with Store(path) as store:
        before = text_blocks(store)
        assert list(before) == [0]  # all 9,000 documents in one row group
        store.con.execute("INSERT INTO documents SELECT * REPLACE ('new' || doc_id AS doc_id) "
                          "FROM documents LIMIT 32")
        store.con.execute("CHECKPOINT")
        after = text_blocks(store)
    assert after[0] == before[0]  # the old row group was not rewritten
    assert list(after) == [0, 1]  # the new documents started a row group of their own
    with Store(path) as store:  # and new row groups hold at most ROW_GROUP_ROWS rows
        store.con.execute("INSERT INTO documents SELECT * REPLACE ('more' || doc_id AS doc_id) "
                          "FROM documents WHERE doc_id LIKE 'old%'")
        store.con.execute("CHECKPOINT")
        sizes = store.query("SELECT count FROM pragma_storage_info('documents') "
                            "WHERE column_name = 'doc_id' AND segment_id = 0 "
                            "AND row_group_id > 0")
    assert max(n for n, in sizes) == ROW_GROUP_ROWS


def test_spilled_query_data_goes_beside_the_store_not_into_the_working_directory(
        tmp_path: Path) -> None:
    # The store is attached to an in-memory DuckDB, whose own default is `.tmp` in the
    # working directory (unwritable for a server started in /, litter in a user's folder).
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        assert store.query("SELECT current_setting('temp_directory')") == [(f"{path}.tmp",)]
    with Store(path, read_only=True) as store:
        assert store.cursor().execute("SELECT current_setting('temp_directory')").fetchall() == [
            (f"{path}.tmp",)]


def test_an_in_memory_store_answers_on_other_cursors() -> None:
    # Only a store file is attached to DuckDB's in-memory database; ":memory:" is that one.
    with Store(":memory:") as store:
        assert store.cursor().execute("SELECT max(version) FROM schema_version").fetchall() == [
            (LATEST,)]


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


def test_ingest_writes_are_checkpointed_past_a_few_mb_of_log(settings: Settings,
                                                               tmp_path: Path) -> None:
    """Rows not yet checkpointed stay in DuckDB's memory: a write of ~6MB is checkpointed at the
    next commit (at DuckDB's 16MB default its log would still hold it)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(20):
        words = " ".join(f"palabro{n}x{i}" for i in range(9000))
        (folder / f"page{n}.txt").write_text(f"Page {n}\n\n{words}.\n")
    summary = RunSummary(run_id=0)
    docs = [d for d in read_inputs([str(folder)], settings) if read_item(d, summary, [])]
    docs = run_stages(docs, ("marea.clean.v1", "marea.fingerprint.v1"), settings)
    wal = Path(settings.db + ".wal")
    with Store(settings.db) as store:
        store.write_batch(store.start_run("ingest"), list(docs), [], [])
        assert wal.stat().st_size > 4_000_000
        store.start_run("ingest")
        assert not wal.exists() or wal.stat().st_size < 100_000
