"""`ingest --parquet DIR` then `marea merge DIR`: the same store as a direct ingest, and
merging (or writing) twice adds nothing."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from marea.errors import ConfigError
from marea.partitions import ingest_to_parquet, merge
from marea.pipeline import LocalExecutor, ingest
from marea.settings import load_settings
from marea.store import Store
from tests.conftest import EXAMPLES
from tests.test_faults_store import FILES, snapshot

pytestmark = pytest.mark.slow


def comparable(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """The store's own tables, but the record of merged partitions (a direct ingest has none);
    the full-text index and the near-duplicate buckets number documents in the order they
    were inserted, so what the numbers stand for is compared."""
    tables = snapshot(db)
    tables.pop("main.merged_partitions", None)
    # numbered in insertion order: compare what the numbers stand for
    docs = tables.pop("main.search_docs")
    terms = tables.pop("main.search_terms")
    postings = tables.pop("main.search_postings")
    tables.pop("main.search_compacted", None)
    buckets = tables.pop("main.near_duplicate_buckets")
    return {name: rows for name, rows in tables.items() if name.startswith("main.")} | {
        "search documents": sorted((r[0], r[2]) for r in docs),
        "search terms": sorted(r[0] for r in terms), "postings": [(len(postings),)],
        "buckets": sorted((r[0], r[1]) for r in buckets)}


def test_merged_partitions_make_the_store_a_direct_ingest_makes(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for name in FILES:  # five articles, one a near-duplicate of another
        shutil.copy(EXAMPLES / name, inputs / Path(name).name)
    shutil.copy(EXAMPLES / FILES[0], inputs / "same-text-again.html")  # an exact duplicate
    (inputs / "junk.txt").write_bytes(b"\x00\x01\x02" * 50)  # fails in a stage
    (inputs / "figure.png").write_bytes(b"\x89PNG\r\n")  # skipped by the reader
    settings = load_settings().with_(batch_size=4, db=str(tmp_path / "direct.duckdb"))
    with Store(settings.db) as store:
        ingest([str(inputs)], store, settings)

    parts = tmp_path / "parts"
    written = ingest_to_parquet([str(inputs)], str(parts), settings, LocalExecutor())
    assert (written.stored, len(written.failed), len(written.skipped)) == (6, 1, 1)
    assert written.failed[0][0].endswith("junk.txt")
    markers = sorted(p.name for p in (parts / "inputs").glob("*.parquet"))
    assert len(markers) == 3  # two batches and the reader's own errors
    for table in ("documents", "sentences", "tokens", "mentions", "events", "stances",
                  "sentence_vectors", "actors", "errors"):
        assert sorted(p.name for p in (parts / table).glob("*.parquet")) == markers, table
    assert sum(pq.read_metadata(p).num_rows for p in (parts / "documents").glob("*")) == 6
    assert not list(parts.rglob(".*.tmp"))
    db = tmp_path / "merged.duckdb"
    with Store(db) as store:
        first = merge(str(parts), store, settings.with_(db=str(db)))
        assert (first.stored, first.near_duplicates, first.duplicates) == (5, 1, 1)
    merged_once = comparable(db)
    with Store(db) as store:
        second = merge(str(parts), store, settings.with_(db=str(db)))
        assert (second.stored, second.unchanged) == (0, 6)
        assert store.query("SELECT count(*) FROM merged_partitions") == [(3,)]
    assert comparable(db) == merged_once
    direct = comparable(Path(settings.db))
    assert sorted(merged_once) == sorted(direct)
    for table, rows in direct.items():
        assert merged_once[table] == rows, f"{table} differs from the direct ingest's"
    again = ingest_to_parquet([str(inputs)], str(parts), settings, LocalExecutor())
    assert (again.stored, again.unchanged) == (0, 6)  # a resumed run writes nothing again


def test_merge_refuses_a_folder_without_partitions(tmp_path: Path) -> None:

    with Store(tmp_path / "x.duckdb") as store, pytest.raises(
            ConfigError, match=r"\[E147\] .* holds no partitions"):
        merge(str(tmp_path), store, load_settings())


class ElsewhereWorkers:
    """Dask's run_everywhere as two workers see it: one shares the writer's folder, the
    other has a folder of the same name on its own disk."""

    def __init__(self, own_disk: Path) -> None:
        self.own_disk = own_disk

    def run_everywhere(self, fn: Any, folder: str, token: str) -> dict[str, Any]:
        return {"tcp://10.0.0.1:4001": fn(folder, token),
                "tcp://10.0.0.2:4001": fn(str(self.own_disk), token)}

    def map(self, fn: Any, batches: Any) -> Any:
        raise AssertionError("no batch may start before the folder is checked")


def test_a_folder_not_every_worker_can_write_is_refused_before_any_work(tmp_path: Path
                                                                         ) -> None:
    settings = load_settings().with_(db=str(tmp_path / "unused.duckdb"))
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(ConfigError, match=r"^\[E173\] --parquet .*a-file/parts: can't write "
                                          r"there \(.*\)\.$"):
        ingest_to_parquet([str(EXAMPLES)], str(tmp_path / "a-file" / "parts"), settings,
                          LocalExecutor())
    parts = tmp_path / "shared"
    with pytest.raises(ConfigError, match=r"^\[E174\] --parquet .*shared: dask worker "
                                          r"tcp://10.0.0.2:4001 can't write there: it does "
                                          r"not see the files the writer put there"):
        ingest_to_parquet([str(EXAMPLES)], str(parts), settings,
                          ElsewhereWorkers(tmp_path / "elsewhere"))  # type: ignore[arg-type]
    assert not list(parts.iterdir())  # the probes are gone


def test_a_merge_into_a_refreshed_store_places_every_merged_event_in_a_story(
        tmp_path: Path) -> None:
    """A merge notes its documents in the stories' inbox, so the refresh after it, which
    looks only at the documents noted there once the stories were built, places their
    events too."""
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    for name in FILES[:2]:
        shutil.copy(EXAMPLES / name, first / Path(name).name)
    for name in FILES[2:]:
        shutil.copy(EXAMPLES / name, later / Path(name).name)
    settings = load_settings().with_(db=str(tmp_path / "store.duckdb"))
    with Store(settings.db) as store:
        ingest([str(first)], store, settings)
        assert "stories" in store.refreshed()  # built: later refreshes read the inbox
        before = store.query("SELECT count(*) FROM events")[0][0]
    parts = tmp_path / "parts"
    ingest_to_parquet([str(later)], str(parts), settings, LocalExecutor())
    with Store(settings.db) as store:
        assert merge(str(parts), store, settings).stored == len(FILES[2:])
        assert store.query("SELECT count(*) FROM events")[0][0] > before
        assert store.query("SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM "
                           "story_events l WHERE l.doc_id = e.doc_id AND l.idx = e.idx)"
                           ) == [(0,)]
        assert store.query("SELECT count(*) FROM story_inbox") == [(0,)]
