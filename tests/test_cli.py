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


# -- every README command at 80 columns, and the bad inputs of issue 12 -------------------

README = Path(__file__).resolve().parents[1] / "README.md"
# The package under test, also when the commands run in another folder (a relative
# PYTHONPATH=src would then find an installed copy instead).
PACKAGE = str(Path(__file__).resolve().parents[1] / "src")
NARROW = {**os.environ, "COLUMNS": "80",
          "PYTHONPATH": os.pathsep.join([PACKAGE, os.environ.get("PYTHONPATH", "")])}
NOT_RUN = {"serve": "runs until stopped (tests/test_server.py starts it)",
           "demo": "writes ./marea.duckdb (test_demo_then_look_at_the_store runs it)",
           "watch": "polls the web until stopped (tests/test_watch.py runs it on a local site)",
           "merge": "needs the folder of `ingest --parquet` (tests/test_partitions.py runs it)",
           "--server": "needs a running `marea serve` (tests/test_sharing.py runs it)"}


@pytest.fixture(scope="module")
def db(corpus_store: Store, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the shared store (the examples and seeds, ingested once per session)."""
    from tests.conftest import checkpointed_copy

    return checkpointed_copy(corpus_store, tmp_path_factory.mktemp("readme"))


def readme_commands() -> list[str]:
    """The `marea ...` synopsis lines of the README's indented code blocks, a continued
    line (one starting with "[") joined to the line above."""
    lines: list[str] = []
    for line in README.read_text("utf-8").splitlines():
        text = line.strip()
        if line.startswith("    marea "):
            lines.append(text.split("  #", 1)[0].strip())
        elif line.startswith("    ") and text.startswith("[") and lines:
            lines[-1] += " " + text
    return lines


def concrete(synopsis: str, values: dict[str, str], everything: bool) -> list[str]:
    """Turn a synopsis into arguments: placeholders become real values, `a|b` its first
    choice; with `everything` the optional [...] parts are given too, else only the rest."""
    words: list[tuple[str, int]] = []  # (word, bracket depth)
    depth = 0
    for raw in synopsis.split()[1:]:
        opened = raw.count("[")
        word = raw.strip("[]")
        words.append((word, depth + opened))
        depth += opened - raw.count("]")
    args: list[str] = []
    flag = ""
    for word, level in words:
        if level and not everything:
            continue
        if word.startswith("-"):
            flag = word
            args.append(word)
            continue
        key = f"{args[0]} {flag} {word}" if args else word
        value = values.get(key) or values.get(f"{flag} {word}") or values.get(word)
        args.append(value if value is not None else word.split("|")[0])
        flag = ""
    return [a for a in args if a != ""]


def cut_cells(out: str) -> list[str]:
    """Cells of the drawn tables narrower than 12 characters whose value was cut ("…") or
    folded (a header spread over two lines)."""
    found: list[str] = []
    lines = out.splitlines()
    for number, line in enumerate(lines):
        if not line.startswith("┏"):
            continue
        widths = [len(part) - 2 for part in line.strip("┏┓").split("┳")]
        narrow = [i for i, width in enumerate(widths) if width < 12]
        header_lines = 0
        for row in lines[number + 1:]:
            if row.startswith("└"):
                break
            if row.startswith("┃"):
                header_lines += 1
            cells = [c.strip() for c in row.strip("┃│").replace("┃", "│").split("│")]
            found += [cells[i] for i in narrow if i < len(cells) and cells[i].endswith("…")]
        if header_lines > 1 and narrow:
            found.append(f"header of {len(narrow)} narrow columns folded")
    return found


def test_every_readme_command_runs_at_80_columns(db: str, tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    with Store(db, read_only=True) as store:
        (doc,), = store.query("SELECT doc_id FROM documents WHERE site = 'Pacific Rim Courier'")
        (narrative,), = store.query("SELECT min(narrative_id) FROM narratives")
    values = {"PATH...": str(EXAMPLES / "text"), "FILE": db, "DOC": doc[:12],
              "NAME": "Pedro Castillo", "ACTOR": "Pedro Castillo", "A": "Pedro Castillo",
              "--theme T": "elections", "--type T": "COERCE", "L": "en", "S": "LatAm Wire",
              "--since D": "2021", "--until D": "2023-06", "QUERY": "Castillo Congress",
              "ID": str(narrative), "report.html": str(tmp_path / "report.html"),
              "export --out DIR": str(tmp_path / "export"),
              "--db FILE": db, "--format jsonl|csv|parquet|gdelt|graph": "csv",
              "--kind K": "event", "--workers N": "1",
              "reanalyse --stages events,stance|--all": "claims"}
    commands = readme_commands()
    assert len(commands) >= 19, commands  # the parser follows the README's layout
    ran = []
    for synopsis in commands:
        name = synopsis.split()[1]
        if name in NOT_RUN or any(word in NOT_RUN for word in synopsis.split()):
            continue
        bare, full = (concrete(synopsis, values, everything) for everything in (False, True))
        for args in ([bare, full] if bare != full else [bare]):
            if "--db" not in args:
                args += ["--db", db]
            done = subprocess.run([sys.executable, "-m", "marea.cli", *args],
                                  capture_output=True, text=True, env=NARROW, timeout=600,
                                  cwd=tmp_path)
            shown = f"marea {' '.join(args)}\n{done.stdout}\n{done.stderr}"
            assert done.returncode == 0, shown
            assert not done.stderr, shown  # no traceback, no model-loading bar
            assert not cut_cells(done.stdout), (cut_cells(done.stdout), shown)
            assert max(map(len, done.stdout.splitlines()), default=0) <= 80, shown
            ran.append(name)
    assert {"docs", "events", "search", "stance", "claims", "report", "export"} <= set(ran)


@pytest.mark.parametrize(("args", "says"), [
    (["search", "golpe", "--theme", "coups"], "[E062] Unknown theme 'coups'"),
    (["events", "--type", "PROTST"], "[E061] Unknown event type 'PROTST'"),
    (["docs", "--language", "xx"], "[E063] Unknown language 'xx'"),
    (["narratives", "--show", "99"], "[E070] No narrative 99"),
    (["docs", "--limit", "-1"], "--limit: '-1' is not a whole number of at least 1"),
    (["report", "Pedro Castillo", "--out", "/missing/dir/r.html"], "[E034]"),
    (["status", "--db", "/missing/store.duckdb"], "run `marea ingest` first"),
    (["docs", "--limt", "3"], "--limt (did you mean --limit?)"),
])
def test_bad_input_is_one_line_and_exit_2(db: str, args: list[str], says: str) -> None:
    done = subprocess.run([sys.executable, "-m", "marea.cli", *args,
                           *([] if "--db" in args else ["--db", db])],
                          capture_output=True, text=True, env=NARROW, timeout=300)
    assert done.returncode == 2, done
    assert done.stderr.count("\n") == 1 and says in done.stderr, done.stderr
    assert done.stderr.startswith("marea") and not done.stdout


def test_bare_marea_helps_and_version_answers() -> None:
    bare = subprocess.run([sys.executable, "-m", "marea.cli"], capture_output=True,
                          text=True, env=NARROW, timeout=120)
    assert bare.returncode == 0 and "Start with `marea demo`" in bare.stdout
    assert "ingest" in bare.stdout and not bare.stderr
    version = subprocess.run([sys.executable, "-m", "marea.cli", "--version"],
                             capture_output=True, text=True, env=NARROW, timeout=120)
    assert version.returncode == 0 and version.stdout.startswith("marea 0.")


def test_search_words_need_no_quotes(db: str) -> None:
    """`marea search golpe de estado` was refused ("unrecognized arguments"): the words are
    one query, as if quoted."""
    queries = (["golpe", "de", "estado"], ["golpe de estado"])
    runs = [subprocess.run([sys.executable, "-m", "marea.cli", "search", *words, "--db", db,
                            "--mode", "text"], capture_output=True, text=True, env=NARROW,
                           timeout=300) for words in queries]
    assert runs[0].returncode == 0 and not runs[0].stderr, runs[0]
    assert runs[0].stdout == runs[1].stdout
    assert "of" in runs[0].stdout.splitlines()[-2] + runs[0].stdout.splitlines()[-1]
