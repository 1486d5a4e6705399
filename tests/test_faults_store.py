"""The store under faults: ingest killed at every phase, `marea doctor`, and I/O failures.

Kill tests run `python -m marea.cli ingest` with MAREA_TEST_KILL_AT=<phase> (the process
SIGKILLs itself there), then a plain `ingest` of the same inputs, and compare the store table
by table with SQL against a clean run's store.
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from marea.store.crash import KILL_ENV
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow

FILES = ("html/en-news-peru-castillo-ouster.html",
         "html/en-news-peru-castillo-ouster-syndicated.html",  # a near-duplicate
         "html/es-news-bolivia-2019.html", "html/en-news-oas-assembly.html",
         "text/en-opinion-venezuela-sanctions.txt")
# two documents per batch: 3 batches, so a kill between batches leaves some stored
CONFIGS = {"fast": 'batch_size = 2\n[models]\nencoder = "none"\n',
           "default": "batch_size = 2\n"}  # the packaged encoder: vectors and narratives
PHASES = ("read", "batch-commit", "between-batches", "before-refresh", "refresh-narratives",
          "refresh-stories", "refresh-search-index", "after-refresh")

# Columns that differ between two runs of the same inputs, killed or not: which run stored
# a row and when. Everything else, including the full-text index tables, must be equal.
# `runs` (ids, times, counts per run) is compared apart: a killed run adds one 'interrupted'.
IGNORED = {"schema_version": {"applied_at"}, "documents": {"run_id", "ingested_at"},
           "inputs": {"run_id"}, "errors": {"run_id", "logged_at"},
           "refresh_state": {"refreshed_at"},
           # the order buckets were written in (a rebuild numbers them in id order)
           "near_duplicate_buckets": {"seq"},
           # a document's number in the vector index, given in order of indexing
           "doc_keys": {"number"}}
NO_EXTENSIONS = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def cli(*args: str, env: dict[str, str] | None = None,
        preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `marea` in a child process (wide COLUMNS: one error line is one line)."""
    return subprocess.run([sys.executable, "-m", "marea.cli", *args], capture_output=True,
                          text=True, timeout=600, preexec_fn=preexec,
                          env={**os.environ, "COLUMNS": "1000", **(env or {})})


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of every schema (fts index included), rows sorted, ignored columns out."""
    con = duckdb.connect(str(db), read_only=True, config=NO_EXTENSIONS)
    try:
        tables = con.execute("SELECT table_schema, table_name FROM information_schema.tables "
                             "WHERE table_type = 'BASE TABLE' ORDER BY ALL").fetchall()
        found = {}
        for schema, table in tables:
            if table == "runs":
                continue
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = ? "
                "AND table_name = ? ORDER BY ordinal_position", [schema, table]).fetchall()
                if r[0] not in IGNORED.get(table, set())]
            select = ", ".join(f'"{c}"' for c in columns)
            found[f"{schema}.{table}"] = con.execute(
                f'SELECT {select} FROM "{schema}"."{table}" ORDER BY ALL').fetchall()
        return found
    finally:
        con.close()


def run_statuses(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True, config=NO_EXTENSIONS)
    try:
        return [r[0] for r in con.execute("SELECT status FROM runs ORDER BY run_id").fetchall()]
    finally:
        con.close()


def assert_same_store(db: Path, clean: Path) -> None:
    got, want = snapshot(db), snapshot(clean)
    assert sorted(got) == sorted(want)
    for table in want:
        assert got[table] == want[table], f"{table} differs from the clean run's"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for name in FILES:
        shutil.copy(EXAMPLES / name, folder / Path(name).name)
    return folder


@pytest.fixture(scope="module")
def configs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("configs")
    for name, text in CONFIGS.items():
        (folder / f"{name}.toml").write_text(text, "utf-8")
    return {name: folder / f"{name}.toml" for name in CONFIGS}


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory, inputs: Path,
          configs: dict[str, Path]) -> Callable[[str], Path]:
    """The store of one uninterrupted ingest per config (made once, on first use)."""
    made: dict[str, Path] = {}

    def store(config: str) -> Path:
        if config not in made:
            db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
            result = cli("ingest", str(inputs), "--db", str(db), "--config", str(configs[config]))
            assert result.returncode == 0, result.stderr
            tables = snapshot(db)
            assert len(tables["main.documents"]) == 5
            assert len(tables["main.search_docs"]) == 5
            assert tables["main.actor_stats"]
            assert bool(tables["main.narratives"]) == (config == "default")
            made[config] = db
        return made[config]

    return store


def kill_at(phase: str, db: Path, inputs: Path, config: Path) -> None:
    killed = cli("ingest", str(inputs), "--db", str(db), "--config", str(config),
                 env={KILL_ENV: phase})
    assert killed.returncode == -signal.SIGKILL, killed.stderr


CASES = [(phase, "fast") for phase in PHASES] + [("between-batches", "default"),
                                                 ("refresh-narratives", "default")]


@pytest.mark.parametrize(("phase", "config"), CASES)
def test_a_killed_ingest_is_completed_by_the_next_plain_ingest(
        phase: str, config: str, tmp_path: Path, inputs: Path, configs: dict[str, Path],
        clean: Callable[[str], Path]) -> None:
    db = tmp_path / "killed.duckdb"
    kill_at(phase, db, inputs, configs[config])
    again = cli("ingest", str(inputs), "--db", str(db), "--config", str(configs[config]))
    assert again.returncode == 0, again.stderr
    assert_same_store(db, clean(config))
    assert run_statuses(db) == ["interrupted", "done"]


def test_the_same_inputs_twice_make_the_same_narratives(
        tmp_path: Path, inputs: Path, configs: dict[str, Path],
        clean: Callable[[str], Path]) -> None:
    """Clustering is seeded: a second clean store is equal, narratives included."""
    db = tmp_path / "second.duckdb"
    assert cli("ingest", str(inputs), "--db", str(db), "--config",
               str(configs["default"])).returncode == 0
    assert_same_store(db, clean("default"))


def doctor(db: Path, *extra: str) -> tuple[int, list[str]]:
    result = cli("doctor", "--db", str(db), *extra)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout.strip().splitlines()


def test_doctor_reports_and_repairs_a_store_killed_during_refresh(
        tmp_path: Path, inputs: Path, configs: dict[str, Path],
        clean: Callable[[str], Path]) -> None:
    db = tmp_path / "killed.duckdb"
    kill_at("refresh-search-index", db, inputs, configs["fast"])
    assert doctor(db) == (1, [
        "ok       schema version",
        "problem  runs left running: run 1 (killed?)",
        "ok       span rows without a document",
        "ok       inputs recorded without a document",
        "problem  refresh steps: missing or stale: search_index",
        "problem  search index: missing"])
    assert doctor(db, "--repair") == (0, [
        "ok       schema version",
        "fixed    runs left running: run 1 (killed?)",
        "ok       span rows without a document",
        "ok       inputs recorded without a document",
        "fixed    refresh steps: missing or stale: search_index",
        "fixed    search index: missing"])
    assert doctor(db)[0] == 0
    assert_same_store(db, clean("fast"))
    assert run_statuses(db) == ["interrupted"]


def test_doctor_deletes_rows_whose_document_is_not_stored(
        tmp_path: Path, clean: Callable[[str], Path]) -> None:
    db = tmp_path / "orphans.duckdb"
    shutil.copy(clean("fast"), db)
    con = duckdb.connect(str(db), config=NO_EXTENSIONS)
    con.execute("INSERT INTO sentences VALUES ('gone', 0, 0, 5), ('gone', 1, 6, 9)")
    con.execute("INSERT INTO mentions (doc_id, idx, sentence, start_char, end_char, text, "
                "label, actor_id) VALUES ('gone', 0, 0, 0, 4, 'Peru', 'GPE', 'PER')")
    con.execute("INSERT INTO inputs VALUES ('lost.txt', '', 'abc', 'gone', 'stored', 1)")
    con.close()
    code, lines = doctor(db)
    assert code == 1
    assert "problem  span rows without a document: sentences 2, mentions 1" in lines
    assert "problem  inputs recorded without a document: 1" in lines
    code, lines = doctor(db, "--repair")
    assert code == 0, lines
    assert "fixed    span rows without a document: sentences 2, mentions 1" in lines
    assert_same_store(db, clean("fast"))


def test_doctor_on_a_missing_store_says_to_ingest_first(tmp_path: Path) -> None:
    db = tmp_path / "none.duckdb"
    line = one_error_line(cli("doctor", "--db", str(db), "--repair"))
    assert line == f"marea: [E025] No store at {db}: run `marea ingest` first."
    assert not db.exists()


# -- I/O failures: one line, exit 2, no traceback ------------------------------------------

def disk_of(size: int) -> Callable[[], None]:
    """A child set-up in which writes past `size` bytes fail with EFBIG, as on a full disk."""
    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return small_files


def test_a_full_disk_is_one_line_and_the_run_is_not_left_running(
        tmp_path: Path, inputs: Path, configs: dict[str, Path]) -> None:
    db = tmp_path / "full.duckdb"
    line = one_error_line(cli("ingest", str(inputs), "--db", str(db), "--config",
                              str(configs["fast"]), preexec=disk_of(200_000)))
    assert line.startswith(f"marea: [E027] Store {db} failed: ")
    assert "File too large" in line
    assert run_statuses(db) == ["failed"]


def test_a_checkpoint_on_a_full_disk_is_reported_not_ignored(
        tmp_path: Path, inputs: Path, configs: dict[str, Path]) -> None:
    """The batches fit in the WAL; writing them into the file at close does not."""
    db = tmp_path / "full.duckdb"
    line = one_error_line(cli("ingest", str(inputs), "--db", str(db), "--config",
                              str(configs["fast"]), preexec=disk_of(1_000_000)))
    assert line.startswith(f"marea: [E027] Store {db} failed: ")
    assert "File too large" in line
    assert run_statuses(db) == ["done"]  # kept in the WAL, written once there is room
    assert len(snapshot(db)["main.documents"]) == 5


def _without_root_overrides() -> None:
    """Let root feel file permissions too: drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # PR_CAPBSET_DROP = 24
            if libc.prctl(24, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_a_read_only_store_folder_is_one_line_and_reads_still_work(
        tmp_path: Path, inputs: Path, configs: dict[str, Path],
        clean: Callable[[str], Path]) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "store.duckdb"
    shutil.copy(clean("fast"), db)
    db.chmod(0o666)  # the file is writable, its folder (where the WAL goes) is not
    folder.chmod(0o555)
    try:
        line = one_error_line(cli("ingest", str(inputs), "--db", str(db), "--config",
                                  str(configs["fast"]), preexec=_without_root_overrides))
        assert line.startswith(f"marea: [E027] Store {db} failed: ")
        assert "Permission denied" in line
        status = cli("status", "--db", str(db), preexec=_without_root_overrides)
        assert status.returncode == 0, status.stderr
        new = folder / "new.duckdb"
        line = one_error_line(cli("ingest", str(inputs), "--db", str(new), "--config",
                                  str(configs["fast"]), preexec=_without_root_overrides))
        assert line.startswith(f"marea: [E020] Can't open store {new}: ")
    finally:
        folder.chmod(0o755)
    assert run_statuses(db) == ["done"]


def corrupt(db: Path, offset: int, length: int) -> None:
    with db.open("r+b") as file:
        file.seek(offset)
        file.write(bytes(range(256)) * (length // 256))


def test_a_store_corrupt_in_its_middle_is_one_line(
        tmp_path: Path, inputs: Path, configs: dict[str, Path],
        clean: Callable[[str], Path]) -> None:
    db = tmp_path / "corrupt.duckdb"
    shutil.copy(clean("fast"), db)
    size = db.stat().st_size
    corrupt(db, size * 3 // 8, size // 4)  # a quarter of the file, metadata blocks included
    for command in (["status"], ["ingest", str(inputs), "--config", str(configs["fast"])]):
        line = one_error_line(cli(*command, "--db", str(db)))
        assert line.startswith(f"marea: [E020] Can't open store {db}: IO Error: Corrupt "
                               "database file: computed checksum"), command


def test_a_corrupt_documents_block_is_one_line_and_the_run_is_not_left_running(
        tmp_path: Path, inputs: Path, configs: dict[str, Path],
        clean: Callable[[str], Path]) -> None:
    """The store opens; reading the documents' block fails (a read command, and ingest when
    it loads the stored fingerprints)."""
    db = tmp_path / "corrupt.duckdb"
    shutil.copy(clean("fast"), db)
    con = duckdb.connect(str(db), read_only=True, config=NO_EXTENSIONS)
    row = con.execute("SELECT block_id FROM pragma_storage_info('documents') "
                      "WHERE column_name = 'doc_id' AND block_id >= 0").fetchone()
    block_size = con.execute("SELECT block_size FROM pragma_database_size()").fetchone()
    con.close()
    assert row and block_size
    header = 3 * 4096  # the file header and two database headers come before block 0
    corrupt(db, header + int(row[0]) * int(block_size[0]) + 64, 4096)
    for command in (["docs"], ["ingest", str(inputs), "--config", str(configs["fast"])]):
        line = one_error_line(cli(*command, "--db", str(db)))
        assert line.startswith(f"marea: [E027] Store {db} failed: IO Error: Corrupt database "
                               "file: computed checksum"), command
    assert run_statuses(db) == ["done", "failed"]


@pytest.mark.parametrize("kind", ["sqlite", "random"])
def test_a_foreign_file_as_db_is_refused_without_loading_an_extension(
        kind: str, tmp_path: Path, inputs: Path, configs: dict[str, Path]) -> None:
    db = tmp_path / "other.db"
    if kind == "sqlite":
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        what = "a SQLite database"
    else:
        db.write_bytes(bytes((i * 7919) % 256 for i in range(50_000)))
        what = "unknown content"
    before = db.read_bytes()
    home = tmp_path / "home"  # DuckDB would keep downloaded extensions under ~/.duckdb
    home.mkdir()
    for command in (["status"], ["ingest", str(inputs), "--config", str(configs["fast"])]):
        line = one_error_line(cli(*command, "--db", str(db), env={"HOME": str(home)}))
        assert line == f"marea: [E026] {db} is not a marea store: {what}, not a DuckDB file."
    assert db.read_bytes() == before
    assert list(home.iterdir()) == []


@pytest.mark.parametrize("command", [["status"], ["docs"], ["search", "peru"]])
def test_reading_a_missing_store_says_to_ingest_first(command: list[str],
                                                      tmp_path: Path) -> None:
    db = tmp_path / "missing.duckdb"
    line = one_error_line(cli(*command, "--db", str(db)))
    assert line == f"marea: [E025] No store at {db}: run `marea ingest` first."
    assert not db.exists()
