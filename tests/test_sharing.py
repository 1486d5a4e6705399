"""One store, several users at once: a server, a notebook reader and the CLI, while an ingest
job runs through the server (marea.store.sharing, marea.client)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import marea
from marea.errors import MareaError
from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store

from .conftest import EXAMPLES, serving

pytestmark = pytest.mark.slow

NEW_ARTICLE = ("Protesters marched in La Paz on Monday against the government of Luis Arce, "
               "demanding new elections. The police used tear gas to disperse the crowd near "
               "the presidential palace.\n")


def marea_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marea.cli", *args], env=env,
                          capture_output=True, text=True, timeout=600)


def test_reads_and_ingest_while_the_server_holds_the_store(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.duckdb")
    with Store(db) as store:
        summary = ingest([str(EXAMPLES / "text")], store, load_settings().with_(db=db))
        assert not summary.failed
        (before,), = store.query("SELECT count(*) FROM documents")
    token = secrets.token_hex(8)
    env = {**os.environ, "MAREA_TOKEN": token}
    inputs = tmp_path / "new"
    inputs.mkdir()
    (inputs / "la-paz.txt").write_text(NEW_ARTICLE, encoding="utf-8")

    with serving(db, env, tmp_path / "serve.log") as (base, _):
        # a writer is told in one line how to ingest through the server
        refused = marea_cli("ingest", str(inputs), "--db", db, env=env)
        assert refused.returncode == 2
        assert refused.stderr.strip() == (
            f"marea: [E160] Store {db} is held by `marea serve` at {base}: ingest through it "
            f"with `marea ingest --server {base} PATH...` (token in $MAREA_TOKEN).")

        # ingest through the server while a notebook reader and the CLI read the same store
        uploaded: dict[str, subprocess.CompletedProcess[str]] = {}
        upload = threading.Thread(target=lambda: uploaded.update(
            run=marea_cli("ingest", "--server", base, str(inputs), env=env)))
        upload.start()
        corpus = marea.open(db)
        try:
            assert corpus.store.snapshot == db + ".snapshot"
            assert len(corpus.documents(limit=None)) == before
            status = marea_cli("docs", "--db", db, "--json", "--all", env=env)
            assert status.returncode == 0, status.stderr
            assert f'"total": {before}' in status.stdout
        finally:
            corpus.close()
        upload.join(timeout=600)
        run = uploaded["run"]
        assert run.returncode == 0, run.stderr
        assert "files, stored 1 " in run.stdout

        # the snapshot published after the job shows the new document to a new reader
        with marea.open(db) as corpus:
            assert len(corpus.documents(limit=None)) == before + 1
            found = corpus.search("tear gas in La Paz", mode="text")
            assert found["title"].str.startswith("Protesters marched in La Paz").any()

    # with the server stopped its marker and snapshot are gone and the file opens as usual
    assert not Path(db + ".serving").exists() and not Path(db + ".snapshot").exists()
    with marea.open(db) as corpus:
        assert corpus.store.snapshot is None
        assert len(corpus.documents(limit=None)) == before + 1


def test_a_store_held_by_another_process_is_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "held.duckdb")
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, duckdb; "
                               f"c = duckdb.connect({db!r}); print('held', flush=True); "
                               "sys.stdin.read()"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout and holder.stdout.readline().strip() == "held"
        with pytest.raises(MareaError) as refused:
            marea.open(db)
        assert str(refused.value) == (
            f"[E161] Store {db} is in use by another process (PID {holder.pid}): DuckDB "
            "lets only one process open a store to write; close it and retry.")
    finally:
        holder.communicate("")
