"""Ingest on a real dask.distributed cluster: a `dask scheduler` and two `dask worker`
processes started on loopback by the test, one of them killed mid-run."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console

from marea.pipeline import DEFAULT_PIPELINE, RunSummary, ingest
from marea.settings import Settings, load_settings
from marea.store import Store
from tests.test_faults_store import cli

pytestmark = pytest.mark.slow

TOPICS = [("Pedro Castillo", "Peru", "dissolve Congress"),
          ("Evo Morales", "Bolivia", "resign after the disputed election"),
          ("Luis Almagro", "the OAS", "audit the vote count"),
          ("Nicolás Maduro", "Venezuela", "reject the new sanctions"),
          ("Gustavo Petro", "Colombia", "open talks with the guerrilla"),
          ("Gabriel Boric", "Chile", "rewrite the constitution"),
          ("Alberto Fernández", "Argentina", "renegotiate the IMF debt"),
          ("Andrés Manuel López Obrador", "Mexico", "criticise the summit")]


def article(name: str, place: str, plan: str) -> str:
    return (f"{name} said on Tuesday that {place} would {plan}. Opposition leaders accused "
            f"{name} of ignoring the courts, and thousands protested in the capital. The "
            f"United States called for calm while regional governments met to discuss "
            f"{place}.\n\nAnalysts warned that the crisis could deepen if {name} refused "
            f"to negotiate with the opposition before the end of the month.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[tuple[str, dict[str, subprocess.Popen[bytes]]]]:
    """A scheduler and two single-thread workers (no nanny: a killed worker stays dead; the
    test that kills one comes last)."""
    pytest.importorskip("distributed", reason="dask.distributed is not installed (the "
                        "`dask` extra: pip install 'marea[dask]')")
    dask = shutil.which("dask", path=str(Path(sys.executable).parent)) or shutil.which("dask")
    if dask is None:
        pytest.skip("the `dask` command is not installed beside this Python")
    tmp_path = tmp_path_factory.mktemp("cluster")
    address = f"tcp://127.0.0.1:{free_port()}"
    log = (tmp_path / "cluster.log").open("wb")
    processes: dict[str, subprocess.Popen[bytes]] = {}
    try:
        processes["scheduler"] = subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
             "--no-dashboard"], stdout=log, stderr=subprocess.STDOUT)
        for name in ("w1", "w2"):
            processes[name] = subprocess.Popen(
                [dask, "worker", address, "--name", name, "--host", "127.0.0.1",
                 "--nthreads", "1", "--no-nanny", "--no-dashboard", "--memory-limit", "0",
                 "--local-directory", str(tmp_path / name)],
                stdout=log, stderr=subprocess.STDOUT, env={**os.environ})
        yield address, processes
    finally:
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()


def cluster_settings(tmp_path: Path, address: str) -> Settings:
    return load_settings().with_(db=str(tmp_path / "dask.duckdb"), batch_size=1,
                                 dask_scheduler=address, dask_connect_seconds=120.0,
                                 dask_in_flight=4)


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    for number, topic in enumerate(TOPICS):
        (folder / f"story{number}.txt").write_text(article(*topic), "utf-8")


def test_workers_write_parquet_partitions_that_merge_once(
        tmp_path: Path, cluster: tuple[str, dict[str, subprocess.Popen[bytes]]]) -> None:
    address, _ = cluster
    write_corpus(tmp_path / "corpus")
    config = tmp_path / "config.toml"
    config.write_text("batch_size = 2\n[dask]\nconnect_seconds = 120\n", "utf-8")
    parts, db = tmp_path / "parts", tmp_path / "merged.duckdb"
    written = cli("ingest", str(tmp_path / "corpus"), "--scheduler", address, "--parquet",
                  str(parts), "--config", str(config))
    assert written.returncode == 0, written.stderr
    assert f"wrote {len(TOPICS)} documents to {parts}" in written.stdout
    assert len(list((parts / "inputs").glob("*.parquet"))) == len(TOPICS) // 2
    assert not db.exists()  # the workers wrote Parquet, nobody wrote a store
    for attempt in ("first", "second"):
        merged = cli("merge", str(parts), "--db", str(db))
        assert merged.returncode == 0, merged.stderr
        stored = len(TOPICS) if attempt == "first" else 0
        assert f"stored {stored} (0 near-duplicates)" in merged.stdout, merged.stdout
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*), count(DISTINCT doc_id) FROM documents") == \
            [(len(TOPICS), len(TOPICS))]
        assert store.query("SELECT count(DISTINCT doc_id) FROM sentence_vectors") == \
            [(len(TOPICS),)]
        assert store.query("SELECT count(*) FROM (SELECT doc_id, idx FROM tokens "
                           "GROUP BY ALL HAVING count(*) > 1)") == [(0,)]


def test_stage_seconds_come_back_from_the_workers(
        tmp_path: Path, cluster: tuple[str, dict[str, subprocess.Popen[bytes]]]) -> None:
    """Each batch's stage costs, measured in a Dask worker, reach the writer's summary and
    its printed report, with the stages a local run reports."""
    from marea.cluster import DaskExecutor
    from marea.console import print_summary

    address, _ = cluster
    write_corpus(tmp_path / "corpus")
    settings = cluster_settings(tmp_path, address)
    with Store(settings.db) as store, DaskExecutor(settings) as executor:
        workers = executor.run_everywhere(os.getpid)
        summary = ingest([str(tmp_path / "corpus")], store, settings, executor)
    assert summary.stored == len(TOPICS) and os.getpid() not in workers.values()
    names = [name.split(".")[1] for name in DEFAULT_PIPELINE]
    assert list(summary.stage_seconds) == [*names, "tables", "write"]
    for name in ("linguistic", "embed", "write"):  # real work, in the worker and the writer
        wall, cpu = summary.stage_seconds[name]
        assert wall > 0 and cpu > 0, (name, wall, cpu)
    local = tmp_path / "local"
    local.mkdir()
    write_corpus(local / "corpus")
    with Store(local / "local.duckdb") as store:  # in this process
        alone = ingest([str(local / "corpus" / "story0.txt")], store, settings)
    assert list(alone.stage_seconds) == list(summary.stage_seconds)
    console = Console(record=True, width=200)
    print_summary(console, summary)
    assert "CPU s by stage, summed over workers (wall s): clean " in console.export_text()


def test_a_worker_killed_mid_run_loses_no_document(
        tmp_path: Path, cluster: tuple[str, dict[str, subprocess.Popen[bytes]]]) -> None:
    from marea.cluster import DaskExecutor

    address, processes = cluster
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    settings = cluster_settings(tmp_path, address)
    killed: list[str] = []

    with Store(settings.db) as store, DaskExecutor(settings) as executor:
        executor.client.wait_for_workers(2, timeout=120)

        def kill_a_busy_worker(summary: RunSummary, last: str) -> None:
            """After the first result: SIGKILL the worker holding the most batches, computing
            or computed and not yet sent (both must be recomputed elsewhere)."""
            if killed:
                return
            held = {worker: len(keys) for worker, keys in executor.client.processing().items()}
            for workers in executor.client.who_has().values():
                for worker in workers:
                    held[worker] = held.get(worker, 0) + 1
            names = {address: info["name"] for address, info in
                     executor.client.scheduler_info()["workers"].items()}
            target = max(held, key=lambda worker: held[worker])
            assert held[target], "no batch left in a worker's hands to lose"
            killed.append(names[target])
            processes[names[target]].send_signal(signal.SIGKILL)

        summary = ingest([str(corpus)], store, settings, executor,
                         on_progress=kill_a_busy_worker)
        deadline = time.monotonic() + 60
        while len(executor.client.scheduler_info()["workers"]) > 1:
            assert time.monotonic() < deadline, "the killed worker is still listed"
            time.sleep(0.2)

        assert killed and processes[killed[0]].wait(timeout=30) == -signal.SIGKILL
        assert summary.failed == [] and summary.stored == len(TOPICS)
        (documents, inputs), = store.query(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM inputs)")
        assert documents == inputs == len(TOPICS)
        assert store.query("SELECT count(DISTINCT source) FROM documents") == [(len(TOPICS),)]
        for table, key in (("sentences", "doc_id, idx"), ("tokens", "doc_id, idx"),
                           ("mentions", "doc_id, idx"), ("tone", "doc_id, idx"),
                           ("sentence_vectors", "doc_id, sentence")):
            assert store.query(f"SELECT count(*) FROM (SELECT {key} FROM {table} GROUP BY ALL "
                               "HAVING count(*) > 1)") == [(0,)], f"{table} has duplicates"
            assert store.query(f"SELECT count(DISTINCT doc_id) FROM {table}") == \
                [(len(TOPICS),)], f"{table} misses documents"
        castillo = store.query(
            "SELECT m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
            "WHERE d.source LIKE '%story0.txt' AND m.text = 'Pedro Castillo'")
        assert ("pedro-castillo",) in castillo
        assert store.query("SELECT count(*) FROM events") != [(0,)]


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="dask.distributed is not installed")
    config = tmp_path / "quick.toml"
    config.write_text("[dask]\nconnect_seconds = 2\n", "utf-8")
    (tmp_path / "a.txt").write_text("The Congress of Peru met on Monday.", "utf-8")
    result = cli("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"),
                 "--config", str(config), "--scheduler", f"tcp://127.0.0.1:{free_port()}")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("marea: [E141] Can't reach the dask scheduler at "
                                    "tcp://127.0.0.1:"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    bad = cli("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.duckdb"),
              "--scheduler", "127.0.0.1:8786")
    assert bad.returncode == 2 and "[E003] Bad setting dask.scheduler" in bad.stderr
