"""`ingest --workers N`: a process pool computes the batches, the main process writes them in
order, and a killed run leaves no worker behind and resumes to the same store."""

from __future__ import annotations

import os
import shutil
import signal
import time
import uuid
from pathlib import Path

import psutil
import pytest

from marea.store.crash import KILL_ENV
from tests.conftest import EXAMPLES
from tests.test_faults_store import FILES, assert_same_store, cli, run_statuses

pytestmark = pytest.mark.slow

TAG = "MAREA_TEST_POOL_TAG"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    for name in FILES:  # five articles, one a near-duplicate of another
        shutil.copy(EXAMPLES / name, folder / Path(name).name)
    return folder


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("config") / "small.toml"
    path.write_text('batch_size = 1\n[models]\nencoder = "none"\n', "utf-8")
    return path


@pytest.fixture(scope="module")
def in_process(tmp_path_factory: pytest.TempPathFactory, inputs: Path, config: Path) -> Path:
    """The store of the same inputs ingested in the main process alone (--workers 1)."""
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    result = cli("ingest", str(inputs), "--db", str(db), "--config", str(config),
                 "--workers", "1")
    assert result.returncode == 0, result.stderr
    return db


def tagged(tag: str) -> list[psutil.Process]:
    """Live processes whose environment carries this test's tag (the CLI and its workers)."""
    found = []
    for process in psutil.process_iter():
        try:
            if process.environ().get(TAG) == tag and process.status() != "zombie":
                found.append(process)
        except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
    return found


def test_two_workers_store_what_one_process_stores(tmp_path: Path, inputs: Path, config: Path,
                                                   in_process: Path) -> None:
    db = tmp_path / "two.duckdb"
    result = cli("ingest", str(inputs), "--db", str(db), "--config", str(config),
                 "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert "stored 5 (1 near-duplicates)" in result.stdout
    assert_same_store(db, in_process)  # same rows, and the same copy marked near-duplicate


def test_a_killed_pool_run_leaves_no_worker_and_resumes(tmp_path: Path, inputs: Path,
                                                        config: Path, in_process: Path) -> None:
    db = tmp_path / "killed.duckdb"
    tag = uuid.uuid4().hex
    killed = cli("ingest", str(inputs), "--db", str(db), "--config", str(config),
                 "--workers", "2", env={KILL_ENV: "between-batches", TAG: tag})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    deadline = time.monotonic() + 30
    while left := tagged(tag):  # the workers notice their parent is gone and leave
        if time.monotonic() > deadline:
            for process in left:
                os.kill(process.pid, signal.SIGKILL)
            pytest.fail(f"workers outlived the killed ingest: {[p.pid for p in left]}")
        time.sleep(0.5)
    again = cli("ingest", str(inputs), "--db", str(db), "--config", str(config),
                "--workers", "2")
    assert again.returncode == 0, again.stderr
    assert_same_store(db, in_process)
    assert run_statuses(db) == ["interrupted", "done"]
