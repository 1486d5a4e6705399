"""Operator errors at the command line: one line on stderr, exit 2, no traceback, no raw
terminal escapes from stored text, no export silently overwritten."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from marea.cli import main
from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store

HOSTILE_TITLE = "Coup\x1b]0;pwned\x07 in \x1b[2JLima\x9b"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A small store with one document whose title and text carry terminal escapes."""
    folder = tmp_path_factory.mktemp("cli")
    feed = folder / "wire.jsonl"
    record = {"title": HOSTILE_TITLE, "published": "2022-12-07",
              "text": "Peru's Congress removed President Pedro Castillo on Wednesday.\x1b[31m "
                      "Lawmakers voted 101 to 6 to oust him."}
    feed.write_text(json.dumps(record) + "\n", "utf-8")
    path = str(folder / "cli.duckdb")
    settings = load_settings().with_(db=path, models={**load_settings().models,
                                                      "encoder": "none"})
    with Store(path) as store:
        assert ingest([str(feed)], store, settings).stored == 1
    return path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would, output piped (not a terminal), 40 columns."""
    env = {**os.environ, "COLUMNS": "40"}
    return subprocess.run([sys.executable, "-m", "marea.cli", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_stored_escape_sequences_are_shown_not_sent(db: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["docs", "--db", db]) == 0
    listing = capsys.readouterr().out
    assert "\x1b" not in listing and "\x9b" not in listing and "\x07" not in listing
    assert "Coup\\x1b]0;pwned" in listing and "Lima" in listing
    doc_id = Store(db, read_only=True).query("SELECT doc_id FROM documents")[0][0]
    assert main(["show", doc_id[:8], "--db", db]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "Coup\\x1b]0;pwned" in shown
    assert "Wednesday. Lawmakers" in shown  # the clean stage already dropped the text's ESC


@pytest.mark.parametrize("args", [["docs", "--limit", "-1"], ["events", "--limit", "0"],
                                  ["actors", "--top", "-5"], ["narratives", "--show", "0"],
                                  ["claims", "--limit", "ten"]])
def test_bad_counts_are_refused_in_one_line(db: str, args: list[str]) -> None:
    done = run(*args, "--db", db)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "is not a whole number of at least 1" in done.stderr.splitlines()[-1]


def test_export_refuses_a_file_an_unwritable_place_and_an_earlier_export(db: str,
                                                                         tmp_path: Path) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("keep me", "utf-8")
    done = run("export", "--out", str(a_file), "--db", db)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "[E031]" in done.stderr and a_file.read_text("utf-8") == "keep me"
    done = run("export", "--out", "/proc/marea-export", "--db", db)
    assert done.returncode == 2 and done.stderr.startswith("marea: [E032]")
    assert "Traceback" not in done.stderr
    out = tmp_path / "out"
    assert run("export", "--out", str(out), "--db", db).returncode == 0
    (out / "documents.jsonl").write_text("edited by hand\n", "utf-8")
    done = run("export", "--out", str(out), "--db", db)
    assert done.returncode == 2 and "[E033]" in done.stderr and "--force" in done.stderr
    assert (out / "documents.jsonl").read_text("utf-8") == "edited by hand\n"
    assert run("export", "--out", str(out), "--db", db, "--force").returncode == 0
    assert "Peru's Congress" in (out / "documents.jsonl").read_text("utf-8")


def test_report_into_a_missing_folder_is_one_line(db: str, tmp_path: Path) -> None:
    done = run("report", "Pedro Castillo", "--out", str(tmp_path / "no" / "r.html"),
               "--db", db)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "[E034]" in done.stderr and "does not exist" in done.stderr


def test_error_lines_are_not_wrapped_when_piped(db: str, tmp_path: Path) -> None:
    """At 40 columns a long reason stays on one line, so `grep`/log readers get it whole."""
    deep = tmp_path / ("a-rather-long-folder-name-" * 4) / "article.txt"
    done = run("ingest", str(deep), "--db", str(tmp_path / "fresh.duckdb"))
    assert done.returncode == 1
    lines = [line for line in done.stdout.splitlines() if line.startswith("error ")]
    assert len(lines) == 1 and lines[0].endswith("article.txt: no such file or folder")


@pytest.mark.parametrize("bad", ["2021/06/01", "June 2021", "2022-13-45", "2021-02-30", "21"])
def test_one_date_grammar_for_cli_and_python(db: str, bad: str) -> None:
    """A date that would compare wrong as text is refused, showing the accepted forms."""
    from marea.corpus import Corpus
    from marea.errors import ParameterError
    from marea.search import Filters

    done = run("events", "--since", bad, "--db", db)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "use YYYY, YYYY-MM or YYYY-MM-DD" in done.stderr.splitlines()[-1]
    with Corpus(Store(db, read_only=True)) as corpus:
        for call in (lambda: corpus.events(since=bad), lambda: corpus.themes(until=bad),
                     lambda: corpus.stances("Pedro Castillo", since=bad),
                     lambda: Filters(until=bad)):
            with pytest.raises(ParameterError, match=r"\[E060\].*is not a date: use YYYY"):
                call()
        assert len(corpus.events(since="2022-12", until="2022-12-07")) >= 1
