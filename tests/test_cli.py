from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from marea.cli import main
from marea.store import Store


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marea.cli", *args], capture_output=True,
                          text=True, timeout=600, cwd=cwd, env={**os.environ, "COLUMNS": "160"})


def test_demo_then_look_at_the_store(tmp_path: Path) -> None:
    demo = run_cli("demo", cwd=tmp_path)  # default store ./marea.duckdb
    assert demo.returncode == 0, demo.stderr
    assert "stored 14 (1 near-duplicates)" in demo.stdout.replace("\n", " ")
    assert "Lula asume su tercer mandato" in demo.stdout
    with Store(tmp_path / "marea.duckdb", read_only=True) as store:
        (doc_id,), = store.query("SELECT doc_id FROM documents WHERE source LIKE ?",
                                 ["%en-sports-football.html"])
        assert store.query("SELECT count(DISTINCT language) FROM documents") == [(3,)]
    status = run_cli("status", cwd=tmp_path)
    assert "documents 14 (1 near-duplicates)" in status.stdout
    assert "languages: en 9, es 4, pt 1" in status.stdout
    shown = run_cli("show", doc_id[:8], cwd=tmp_path)
    assert shown.returncode == 0 and "Morales strikes late" in shown.stdout
    again = run_cli("demo", cwd=tmp_path)
    assert "stored 0 (0 near-duplicates), exact duplicates 0, unchanged 14" in (
        again.stdout.replace("\n", " "))


def test_export_command_and_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                          ) -> None:
    db = str(tmp_path / "x.duckdb")
    text = tmp_path / "a.txt"
    text.write_text("Gabriel Boric spoke in Santiago on Monday about the new constitution.",
                    "utf-8")
    assert main(["ingest", str(text), "--db", db]) == 0
    assert main(["export", "--db", db, "--out", str(tmp_path / "out"), "--format",
                 "parquet"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "actors.parquet", "claims.parquet", "documents.parquet", "event_mentions.parquet",
        "events.parquet", "frames.parquet", "mentions.parquet", "narratives.parquet",
        "sentences.parquet", "stances.parquet", "stories.parquet", "themes.parquet",
        "tone.parquet"]
    assert main(["show", "ffff", "--db", db]) == 2
    assert "no document with an id starting 'ffff'" in capsys.readouterr().err
    assert main(["status", "--db", str(tmp_path / "missing.duckdb")]) == 2
    with pytest.raises(SystemExit):
        main(["export", "--db", db, "--out", "x", "--format", "xml"])
