"""Readers on their own cursors while a writer commits, on one Store (issue 14: a listing's
`count(*) OVER ()` failed inside DuckDB and invalidated the database the server shared)."""

from __future__ import annotations

import threading
from pathlib import Path

import pyarrow as pa

from marea.store import Store

BATCHES = 60
MENTIONS_PER_BATCH = 12  # each commit adds exactly this many mentions to actor_stats
READS = 300

# The shape of DuckDB issue 22352 (a window total over a union with an anti-join, cut by
# ORDER BY ... LIMIT): on DuckDB 1.5.5 with more than one query thread it fails within a few
# hundred runs and invalidates the database.
WINDOW_TOTAL = (
    "WITH cols AS (SELECT i AS x FROM range(1) t(i)), "
    "picked AS (SELECT * FROM cols WHERE x >= 5000 UNION ALL "
    "SELECT * FROM cols WHERE NOT EXISTS (SELECT 1 FROM cols WHERE x >= 5000)) "
    "SELECT x, count() OVER () AS total FROM picked ORDER BY x DESC LIMIT 5")
# A listing like the actors page: a page of actor_stats with the total of all matching rows.
ACTOR_PAGE = (
    "SELECT s.actor_id, count(*) OVER () AS total FROM actor_stats s "
    "WHERE s.mentions > 0 AND EXISTS (SELECT 1 FROM actor_stats o WHERE o.actor_id = s.actor_id) "
    "ORDER BY s.mentions DESC, s.actor_id LIMIT 5")


def _mentions(batch: int) -> pa.Table:
    """MENTIONS_PER_BATCH mentions of four actors in three new documents."""
    return pa.table({
        "doc_id": pa.array([f"d{batch}-{i % 3}" for i in range(MENTIONS_PER_BATCH)]),
        "actor_id": pa.array([f"A{i % 4}" for i in range(MENTIONS_PER_BATCH)])})


def test_readers_see_whole_commits_and_no_errors_while_a_writer_commits(tmp_path: Path) -> None:
    errors: list[str] = []
    written = threading.Event()
    with Store(tmp_path / "s.duckdb") as store:

        def write() -> None:
            try:
                for batch in range(BATCHES):
                    with store.transaction():
                        store.count_actors(_mentions(batch))
                        if batch % 5 == 4:  # a later batch takes some back, as reanalyse does
                            store.count_actors(_mentions(batch), -1)
                            store.count_actors(_mentions(batch))
            except Exception as exc:  # noqa: BLE001 - the test reports every thread's first
                errors.append(f"writer: {exc}")
            finally:
                written.set()

        def read(reader: int) -> None:
            sql = ""
            try:
                for _ in range(READS):
                    sql = WINDOW_TOTAL
                    assert store.query(sql) == [(0, 1)]
                    sql = ACTOR_PAGE
                    page = store.query(sql)
                    assert len(page) <= 4 and all(total == len(page) for _, total in page)
                    sql = "SELECT coalesce(sum(mentions), 0) FROM actor_stats"
                    (total,), = store.query(sql)
                    assert total % MENTIONS_PER_BATCH == 0, f"a partial commit: {total}"
            except Exception as exc:  # noqa: BLE001
                errors.append(f"reader {reader} on {sql[:40]}: {str(exc).splitlines()[0]}")

        threads = [threading.Thread(target=write)]
        threads += [threading.Thread(target=read, args=(i,)) for i in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert written.is_set()
        assert errors == []
        assert store.query("SELECT sum(mentions), sum(documents) FROM actor_stats") == [
            (BATCHES * MENTIONS_PER_BATCH, BATCHES * 3 * 4)]
