"""A Parquet dataset (`ingest --parquet DIR`) opened where a store is: `marea.open()`, the read
commands and `marea serve` show what a store merged from it shows; what only `marea merge`
computes is refused in one line, and so is any write."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import marea
from marea.cli import main
from marea.errors import ConfigError, StoreError
from marea.partitions import ingest_to_parquet, merge
from marea.pipeline import LocalExecutor
from marea.settings import load_settings
from marea.store import Store
from tests.conftest import EXAMPLES, running_server
from tests.test_faults_store import FILES

pytestmark = pytest.mark.slow

# Tables only `marea merge` fills (indexes, stories, narratives, its own records).
MERGE_ONLY = {"doc_keys", "merged_partitions", "narrative_centres", "narrative_pool",
              "narrative_counts", "narrative_keys", "narrative_sentences", "narratives",
              "near_duplicate_buckets", "refresh_state",
              "runs", "search_docs", "search_postings", "search_terms", "sentence_spans",
              "stories", "story_events",
              "store_encoder"}  # merge records its encoder: a dataset has no semantic search
STORY_COLUMNS = ["story_id", "story_mentions", "articles", "sources"]
# Columns that say which run stored a row and when.
RUN_COLUMNS = {"run_id", "ingested_at", "logged_at", "applied_at"}
MERGE_NEEDED = re.compile(r"^\[E177\] .+ needs what `marea merge` computes over the whole "
                          r"corpus; .+ is a Parquet dataset: load it into a store with "
                          r"`marea merge .+ --db FILE` and open FILE\.$")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """Five articles (one a near-duplicate) and an exact copy of one in another batch, written
    as partitions of two documents, and a store merged from them."""
    folder = tmp_path_factory.mktemp("dataset")
    inputs = folder / "inputs"
    inputs.mkdir()
    for name in FILES:
        shutil.copy(EXAMPLES / name, inputs / Path(name).name)
    shutil.copy(EXAMPLES / FILES[0], inputs / "zz-the-same-text-again.html")
    parts, db = folder / "parts", folder / "merged.duckdb"
    settings = load_settings().with_(batch_size=2, db=str(db))
    assert ingest_to_parquet([str(inputs)], str(parts), settings, LocalExecutor()).stored == 6
    with Store(db) as store:
        merged = merge(str(parts), store, settings)
    assert (merged.stored, merged.near_duplicates, merged.duplicates) == (5, 1, 1)
    yield parts, db


def test_every_table_holds_what_the_merged_store_holds(written: tuple[Path, Path]) -> None:
    parts, db = written
    with Store(parts, read_only=True) as dataset, Store(db, read_only=True) as store:
        assert dataset.dataset and not store.dataset
        tables = [r[0] for r in store.query("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main' ORDER BY 1")]
        compared = 0
        for table in tables:
            if table in MERGE_ONLY:
                continue
            columns = ", ".join(r[0] for r in store.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]) if r[0] not in RUN_COLUMNS)
            query = f"SELECT {columns} FROM {table} ORDER BY ALL"
            assert dataset.query(query) == store.query(query), table
            compared += bool(store.query(f"SELECT count(*) FROM {table}")[0][0])
        assert compared >= 18  # documents, spans, vectors, actors, actor_stats, inputs...
        # the copy read in a later partition is the duplicate; the syndicated text a near one
        assert dataset.query("SELECT outcome, count(*) FROM inputs GROUP BY 1 ORDER BY 1") \
            == [("duplicate", 1), ("stored", 5)]
        assert dataset.query("SELECT count(duplicate_of) FROM documents") == [(1,)]


def test_marea_open_reads_a_dataset_and_refuses_what_merge_computes(
        written: tuple[Path, Path]) -> None:
    parts, db = written
    with marea.open(parts) as corpus, marea.open(db) as merged:
        for listing in ("documents", "actors", "events", "claims"):
            got, want = getattr(corpus, listing)(), getattr(merged, listing)()
            assert got.attrs["total"] == want.attrs["total"] > 0, listing
            if listing == "events":  # the story an event belongs to: after `marea merge`
                assert got[STORY_COLUMNS].isna().all().all()
                got, want = got.drop(columns=STORY_COLUMNS), want.drop(columns=STORY_COLUMNS)
            assert got.equals(want), listing
        assert corpus.documents(duplicates=True).attrs["total"] == 5
        assert corpus.stances("USA").equals(merged.stances("USA"))
        assert corpus.attention("USA").equals(merged.attention("USA"))
        assert corpus.themes().equals(merged.themes())
        for refused in (corpus.stories, corpus.narratives, lambda: corpus.search("Castillo"),
                        lambda: corpus.timeline("USA")):
            with pytest.raises(StoreError, match=MERGE_NEEDED):
                refused()
    with pytest.raises(StoreError, match=r"^\[E175\] .*parts is a Parquet dataset .*read-only"):
        Store(parts)  # opening to write
    with pytest.raises(StoreError, match=r"^\[E176\] .* not a Parquet dataset"):
        marea.open(parts / "documents")


def test_read_commands_on_a_dataset(written: tuple[Path, Path],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    parts, db = written

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--db", str(parts)])
        out, err = capsys.readouterr()
        return code, out, err

    def footer(*args: str, db_path: Path) -> str:
        assert main([*args, "--db", str(db_path)]) == 0
        return capsys.readouterr().out.strip().splitlines()[-1]

    for command in (["docs"], ["docs", "--duplicates"], ["actors"], ["events"], ["claims"],
                    ["themes"], ["stance", "USA"], ["attention", "USA"]):
        assert footer(*command, db_path=parts) == footer(*command, db_path=db), command
    code, out, _ = run("status")
    out = " ".join(out.split())  # the console wraps long lines
    assert code == 0 and out.startswith(f"Parquet dataset {parts}: 3 complete partitions")
    assert "documents 5 (1 near-duplicates)" in out
    assert run("actor", "USA")[0] == 0 and run("show", "30ec4d52")[0] == 0
    assert run("doctor")[0] == 0
    for command in (["stories"], ["narratives"], ["timeline", "USA"], ["search", "Castillo"],
                    ["export", "--out", str(parts.parent / "export")]):
        code, out, err = run(*command)
        assert code == 2 and not out, command
        assert MERGE_NEEDED.match(err.removeprefix("marea: ").strip()), err
    code, _, err = run("ingest", str(EXAMPLES / "text"))
    assert code == 2 and err.startswith(f"marea: [E175] {parts} is a Parquet dataset")


def test_a_server_on_a_dataset_answers_as_on_the_merged_store(
        written: tuple[Path, Path]) -> None:
    parts, db = written
    env = {**os.environ, "MAREA_TOKEN": "dataset-token", "MAREA_ENCODER": "none"}
    with marea.open(db) as merged:
        want = {"documents": merged.documents().attrs["total"],
                "actors": merged.actors().attrs["total"],
                "events": merged.events().attrs["total"],
                "claims": merged.claims().attrs["total"]}
        doc_id = str(merged.documents()["doc_id"].iloc[0])
    with running_server(str(parts), env) as base, httpx.Client(base_url=base,
                                                                timeout=60) as client:
        for listing, total in want.items():
            answer = client.get(f"/{listing}")
            assert answer.status_code == 200 and answer.json()["total"] == total, listing
        assert client.get(f"/documents/{doc_id}").json()["doc_id"] == doc_id
        assert client.get("/actors/USA").json()["name"] == "United States"
        assert client.get("/stances/USA").json()["total"] > 0
        for path in ("/", "/ui/documents", "/ui/actors", "/ui/events", "/ui/claims",
                     "/ui/themes", "/ui/actor/USA", f"/ui/doc/{doc_id}"):
            page = client.get(path)
            assert page.status_code == 200 and "E177" not in page.text, path
        for path in ("/stories", "/narratives", "/timeline/USA", "/search?q=Castillo"):
            answer = client.get(path)
            assert answer.status_code == 400 and MERGE_NEEDED.match(answer.json()["detail"])
        for path in ("/ui/narratives", "/ui/search?q=Castillo"):
            page = client.get(path)
            assert page.status_code == 400 and "[E177]" in page.text, path
        upload = client.post("/ingest", headers={"Authorization": "Bearer dataset-token"},
                             files=[("files", ("a.txt", b"Some text.", "text/plain"))])
        assert upload.status_code == 400
        assert upload.json()["detail"].startswith(f"[E175] {parts} is a Parquet dataset")
    assert not list(parts.parent.glob("*.snapshot*"))  # nothing published beside it


def test_a_partition_still_being_written_is_not_read(written: tuple[Path, Path],
                                                     tmp_path: Path) -> None:
    """Tables of a batch whose inputs file is not there yet (a worker writing it, or killed
    midway) are left out until the partition is complete."""
    parts, _ = written
    copy = tmp_path / "parts"
    shutil.copytree(parts, copy)
    first = sorted((copy / "inputs").glob("*.parquet"))[0].stem
    for table in ("documents", "sentences", "mentions"):
        shutil.copy(copy / table / f"{first}.parquet", copy / table / "0unfinished.parquet")
    with marea.open(copy) as corpus, marea.open(parts) as whole:
        assert corpus.documents(duplicates=True).equals(whole.documents(duplicates=True))
        assert corpus.actors().equals(whole.actors())


def test_a_dataset_links_near_duplicates_by_the_settings_given(
        written: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The near-duplicates of a dataset are worked out at open, so the [dedup] settings of
    --config (or marea.open's config) decide them, as they would for `marea merge`."""
    parts, _ = written
    strict = tmp_path / "strict.toml"
    strict.write_text("[dedup]\nthreshold = 0.95\n", encoding="utf-8")
    with marea.open(parts) as default, marea.open(parts, config=strict) as exact:
        assert default.documents().attrs["total"] == 4  # the near-duplicate left out
        assert exact.documents().attrs["total"] == 5  # 0.75 < 0.95: no longer one
    assert main(["status", "--db", str(parts), "--config", str(strict)]) == 0
    assert "documents 5 (0 near-duplicates)" in " ".join(capsys.readouterr().out.split())
    too_high = tmp_path / "too-high.toml"
    too_high.write_text("[dedup]\nthreshold = 0.99\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^\[E094\] dedup.threshold = 0.99 with "
                                          r"dedup.num_perm = 128 leaves fewer than 2 LSH"):
        marea.open(parts, config=too_high)
