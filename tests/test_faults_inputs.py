"""Faulty, hostile and huge inputs: each costs only itself, within the budgets in settings.

The budgets are set small in a settings file so that the bombs of issue 10 (gigabytes when
expanded) run in seconds at a scale where an unbounded reader would still show in the memory.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from marea.errors import ConfigError
from marea.ingest.clean import decode, split_parts
from marea.model import Document
from marea.pipeline import STAGES, run_stages
from marea.settings import Settings, load_settings

ARTICLE = ("Peru's Congress removed President Pedro Castillo on Wednesday. Dina Boluarte was "
           "sworn in hours later in Lima. Mexico's president criticised the decision.")
SMALL_BUDGETS = """
max_file_mb = 5
[models]
encoder = "none"
[budget]
input_mb = 1
document_chars = 20000
sentence_tokens = 50
word_chars = 50
stage_seconds = 60
"""
# Peak RSS of one `marea ingest` child, measured in a wrapper process of its own.
MEASURE = ("import resource, subprocess, sys\n"
           "code = subprocess.run(sys.argv[1:]).returncode\n"
           "print('maxrss_kb', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
           "sys.exit(code)\n")


def run_ingest(folder: Path, *paths: Path) -> tuple[int, list[str], int]:
    """Run `marea ingest` in a child; return (exit code, error lines, peak RSS in MB)."""
    config = folder.parent / "small.toml"
    config.write_text(SMALL_BUDGETS, "utf-8")
    command = [sys.executable, "-c", MEASURE, sys.executable, "-m", "marea.cli", "ingest",
               "--db", str(folder.parent / "store.duckdb"), "--config", str(config),
               *(os.fsdecode(p) for p in (paths or (folder,)))]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "4000"})
    rss = int(done.stdout.rsplit("maxrss_kb", 1)[1]) // 1024
    lines = [line for line in (done.stdout + done.stderr).splitlines()
             if line.startswith(("error ", "marea:"))]
    return done.returncode, lines, rss


def stored(folder: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(folder.parent / "store.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchall()


def bomb(path: Path, megabytes: int, line: bytes) -> Path:
    """Write a gzip file that expands to `megabytes` MB of repeated `line`."""
    with gzip.open(path, "wb", compresslevel=9) as out:
        chunk = line * (1_000_000 // len(line))
        for _ in range(megabytes):
            out.write(chunk)
    return path


def warc_record(tag: str, number: int, inflate: int = 0) -> bytes:
    page = (f"<html><body><article><p>{ARTICLE} Record {tag} {number}.</p></article></body>"
            "</html>")
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + page.encode())
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/{number}"
            f"\r\nWARC-Date: 2023-01-01T00:00:00Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{number}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(http) + inflate}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


@pytest.fixture(scope="module")
def faults(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, list[str], int]:
    """One ingest over a folder of every faulty input of issue 10 plus a good control file."""
    folder = tmp_path_factory.mktemp("faults") / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, "utf-8")
    # Blank lines and one endless line: nothing to store before the budget stops the reader.
    for kind, line in (("txt", b"Lima " * 20 + b"\n"), ("jsonl", b" \n" * 50),
                       ("csv", b"\n" * 100), ("xml", b"<item>Lima</item>" * 8)):
        bomb(folder / f"bomb.{kind}.gz", 30, line)
    deep = [{"text": ARTICLE + " One.", "title": "first"}, "[" * 100_000,
            '{"text": "x", "n": ' + "7" * 5000 + "}",
            {"text": ARTICLE + " Two.", "title": "\udfff"},
            {"text": "Lone \udfff surrogate. " + ARTICLE}, {"text": ARTICLE + " Last."}]
    (folder / "records.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r) for r in deep) + "\n", "utf-8")
    oversize = "x" * 120_000  # over the CSV field limit: 5 x budget.document_chars
    (folder / "table.csv").write_text(
        f'text,title\n"{ARTICLE} First.",one\n"{oversize}",two\n"{ARTICLE} Third.",three\n',
        "utf-8")
    (folder / "fragments.jsonl").write_text(
        json.dumps({"html": f"<p>{ARTICLE} Fragment.</p>"}) + "\n"
        + json.dumps({"html": "Plain text body in an html column."}) + "\n", "utf-8")
    (folder / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>A</title><description>Plain text summary of the vote in Lima."
        "</description></item><item><title>B</title><description>&lt;p&gt;One paragraph "
        "about Congress.&lt;/p&gt;</description></item></channel></rss>", "utf-8")
    (folder / "plain.warc").write_bytes(b"".join(warc_record("a", n) for n in range(1, 4)))
    whole = b"".join(warc_record("b", n) for n in range(1, 4))
    (folder / "cut.warc").write_bytes(whole[: int(len(whole) * 0.8)])
    (folder / "inflated.warc").write_bytes(
        warc_record("c", 1) + warc_record("c", 2) + warc_record("c", 3, inflate=500))
    (folder / "stray.txt").write_bytes(ARTICLE.encode().replace(b"Lima", b"Lima \x81 Per\xc3\xba"))
    (folder / "utf16.txt").write_bytes((ARTICLE + " Sixteen.").encode("utf-16-le"))
    (folder / "amp.txt").write_text(ARTICLE + " " + "&" * 15_000, "utf-8")
    long = "\n\n".join(f"Paragraph {n}. {ARTICLE}" for n in range(300))  # ~55,000 chars
    (folder / "long.txt").write_text(long, "utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    with open(os.fsencode(folder) + b"/caf\xff\xfe.txt", "wb") as odd:
        odd.write((ARTICLE + " Odd name.").encode())
    (folder / "dated.txt").write_text(ARTICLE + " Dated.", "utf-8")
    (folder / "metadata.jsonl").write_text(
        json.dumps({"file": "dated.txt", "published": "2021-13-45", "language": "zz",
                    "title": "Dated"}) + "\n", "utf-8")
    code, lines, rss = run_ingest(folder)
    return folder, code, lines, rss


def error_for(lines: list[str], name: str) -> str:
    found = [line for line in lines if name in line]
    assert found, f"no error line names {name}: {lines}"
    return found[0]


def test_batch_with_faults_exits_1_and_stores_the_good_control(faults: tuple) -> None:
    folder, code, lines, _ = faults
    assert code == 1
    assert stored(folder, "SELECT count(*) FROM documents WHERE ends_with(source, 'good.txt')"
                  ) == [(1,)]


@pytest.mark.parametrize("kind", ["txt", "jsonl", "csv", "xml"])
def test_gzip_bomb_stops_at_the_input_budget(faults: tuple, kind: str) -> None:
    _, _, lines, rss = faults
    line = error_for(lines, f"bomb.{kind}.gz")
    assert line.endswith("over 1 MB when decompressed or read (setting budget.input_mb)")
    assert rss < 1500  # the four bombs expand to 120 MB; an unbounded reader holds it all


def test_fifo_and_symlink_to_dev_zero_are_refused(faults: tuple) -> None:
    _, _, lines, _ = faults
    for name in ("pipe.txt", "zero.txt"):
        assert error_for(lines, name).endswith(
            "not a regular file (a FIFO, device, socket or link to one)")


def test_broken_json_lines_cost_only_their_line(faults: tuple) -> None:
    folder, _, lines, _ = faults
    assert "records.jsonl#line:2: unreadable JSON line: maximum recursion depth" in error_for(
        lines, "records.jsonl#line:2")
    assert "Exceeds the limit (4300 digits)" in error_for(lines, "records.jsonl#line:3")
    rows = stored(folder, "SELECT locator, title, text FROM documents "
                  "WHERE ends_with(source, 'records.jsonl') ORDER BY locator")
    assert [r[0] for r in rows] == ["line:1", "line:4", "line:5", "line:6"]
    assert rows[1][1] == "\ufffd" and "Lone \ufffd surrogate." in rows[2][2]


def test_file_name_with_undecodable_bytes_is_stored(faults: tuple) -> None:
    folder, _, lines, _ = faults
    assert not [line for line in lines if "caf" in line]
    assert stored(folder, "SELECT count(*) FROM documents WHERE ends_with(source, "
                  "'caf\ufffd\ufffd.txt')") == [(1,)]


def test_csv_oversize_field_names_its_row_and_the_rest_is_read(faults: tuple) -> None:
    folder, _, lines, _ = faults
    assert "table.csv#row:3: invalid CSV: field larger than field limit" in error_for(
        lines, "table.csv")
    assert stored(folder, "SELECT locator FROM documents WHERE ends_with(source, 'table.csv') "
                  "ORDER BY locator") == [("row:2",), ("row:4",)]


def test_plain_and_single_paragraph_bodies_are_stored(faults: tuple) -> None:
    folder, _, lines, _ = faults
    assert not [line for line in lines if "fragments.jsonl" in line or "feed.rss" in line]
    rows = stored(folder, "SELECT text FROM documents WHERE ends_with(source, 'fragments.jsonl')"
                  " OR ends_with(source, 'feed.rss') ORDER BY source, locator")
    assert [r[0] for r in rows] == [
        "Plain text summary of the vote in Lima.", "One paragraph about Congress.",
        f"{ARTICLE} Fragment.", "Plain text body in an html column."]


def test_warc_valid_cut_and_inflated(faults: tuple) -> None:
    folder, _, lines, _ = faults
    assert not [line for line in lines if "plain.warc" in line]
    assert "cut.warc#record:3: truncated or corrupt WARC" in error_for(lines, "cut.warc")
    assert ("inflated.warc#record:3: truncated or corrupt WARC: record ends before its "
            "Content-Length") in error_for(lines, "inflated.warc")
    counts = stored(folder, "SELECT regexp_extract(source, '[a-z]+\\.warc$'), count(*) "
                    "FROM documents WHERE ends_with(source, '.warc') GROUP BY 1 ORDER BY 1")
    assert counts == [("cut.warc", 2), ("inflated.warc", 2), ("plain.warc", 3)]


def test_stray_byte_and_utf16_without_bom_are_text(faults: tuple) -> None:
    folder, _, lines, _ = faults
    assert not [line for line in lines if "stray.txt" in line or "utf16.txt" in line]
    (stray,), = stored(folder, "SELECT text FROM documents WHERE ends_with(source, 'stray.txt')")
    assert "Lima \ufffd Perú" in stray
    assert stored(folder, "SELECT count(*) FROM documents WHERE ends_with(source, 'utf16.txt') "
                  "AND text LIKE '%Sixteen.'") == [(1,)]


def test_long_run_without_spaces_is_broken_not_fatal(faults: tuple) -> None:
    folder, _, lines, _ = faults
    assert not [line for line in lines if "amp.txt" in line]
    (text,), = stored(folder, "SELECT text FROM documents WHERE ends_with(source, 'amp.txt')")
    assert text.count("&") == 15_000 and max(len(w) for w in text.split()) == 50


def test_long_document_is_split_into_parts(faults: tuple) -> None:
    folder, _, _, _ = faults
    rows = stored(folder, "SELECT locator, length(text) FROM documents "
                  "WHERE ends_with(source, 'long.txt') ORDER BY length(locator), locator")
    assert [r[0] for r in rows] == ["", "part:2", "part:3"]
    assert all(r[1] <= 20_000 for r in rows)


def test_sidecar_values_are_checked(faults: tuple) -> None:
    folder, _, lines, _ = faults
    sidecar = [line for line in lines if "metadata.jsonl#line:1" in line]
    assert [line.split(": ", 1)[1] for line in sidecar] == [
        "published '2021-13-45' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
        "language 'zz' is not one of the configured candidates (en, es, pt, fr, de, it)"]
    assert stored(folder, "SELECT title, published, language FROM documents "
                  "WHERE ends_with(source, 'dated.txt')") == [("Dated", None, "en")]


@pytest.mark.slow
def test_one_huge_sentence_stays_in_bounded_memory(tmp_path: Path) -> None:
    """One 60,000-token "sentence" (issue 10: "ab\\n" x 200k took over 6 GB): cut into
    sentences of 50 words and parts of 20,000 characters, parsed a few parts at a time."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, "utf-8")
    (folder / "lines.txt").write_text("".join(f"ab{n}\n" for n in range(30_000)), "utf-8")
    code, lines, rss = run_ingest(folder)
    assert (code, lines) == (0, [])
    parts = stored(folder, "SELECT max(length(text)), count(*) FROM documents "
                   "WHERE ends_with(source, 'lines.txt')")
    assert parts[0][0] <= 20_000 and parts[0][1] == 12  # 229,000 characters
    assert stored(folder, "SELECT max(n) FROM (SELECT count(*) AS n FROM tokens "
                  "GROUP BY doc_id, sentence)")[0][0] <= 60
    assert rss < 1500  # parsing 16 such parts in one spaCy batch took 3.7 GB


@pytest.mark.parametrize("where", ["main thread", "worker thread"])  # a Dask worker's
def test_stage_over_its_time_fails_that_document_only(
        monkeypatch: pytest.MonkeyPatch, settings: Settings, where: str) -> None:
    def slow(batch: list[Document], settings: Settings) -> list[Document]:
        if any(d.text == "slow" for d in batch):
            while True:
                pass
        return batch

    monkeypatch.setitem(STAGES, "test.slow.v1", slow)
    docs = [Document("a.txt", "", b"", "text", text="slow"),
            Document("b.txt", "", b"", "text", text="fast")]
    limited = settings.with_(max_stage_seconds=0.2)
    if where == "main thread":
        done = run_stages(docs, ("test.slow.v1",), limited)
    else:
        with ThreadPoolExecutor(1) as thread:
            done = thread.submit(run_stages, docs, ("test.slow.v1",), limited).result(30)
    assert [(d.source, d.error, d.error_stage) for d in done] == [
        ("a.txt", "stage took over 0.2 s (setting budget.stage_seconds)", "slow"),
        ("b.txt", None, None)]


@pytest.mark.parametrize("toml, message", [
    ("batch_size = 0", "[E003] Bad setting batch_size = 0: it must be an integer >= 1."),
    ("batch_size = -1", "[E003] Bad setting batch_size = -1: it must be an integer >= 1."),
    ("[dedup]\nnum_perm = 0", "[E003] Bad setting dedup.num_perm = 0: it must be an integer >= 1."),
    ("[dedup]\nthreshold = 2",
     "[E003] Bad setting dedup.threshold = 2.0: it must be a number in (0, 1]."),
    ("max_file_mb = nan", "[E003] Bad setting max_file_mb = nan: it must be a finite number > 0."),
    ("[budget]\ninput_mb = inf",
     "[E003] Bad setting max_input_mb = inf: it must be a finite number > 0."),
    ("[budget]\nstage_seconds = 0",
     "[E003] Bad setting max_stage_seconds = 0.0: it must be a finite number > 0."),
    ("[budget]\ndocument_chars = 2000000",
     "[E003] Bad setting budget.document_chars = 2000000: it must be at most 1,000,000."),
])
def test_bad_settings_are_one_line_config_errors(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(toml + "\n", "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_settings(path)
    assert str(raised.value) == message


def test_binary_settings_file_is_one_line_from_the_cli(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "marea.cli", "status", "--db",
                           str(tmp_path / "s.duckdb")], capture_output=True, text=True,
                          timeout=120,
                          env={**os.environ, "MAREA_CONFIG": "/bin/ls", "COLUMNS": "4000"})
    assert done.returncode == 2
    assert done.stderr.startswith("marea: [E001] Can't read settings file /bin/ls: ")
    assert len(done.stderr.strip().splitlines()) == 1


def test_decode_and_split_units() -> None:
    assert decode("año x".encode() + b"\xffz") == "año x\ufffdz"
    assert decode("El año pasado\n".encode() + b"caf\xe9 con leche") == (
        "El año pasado\ncafé con leche")  # a Windows-1252 line
    assert decode("Perú".encode("utf-16-be")) == "Perú"
    assert split_parts("aaaa\n\nbbbb\n\ncccc", 10) == ["aaaa\n\nbbbb", "cccc"]
    assert split_parts("aaaa bbbb cccc", 9) == ["aaaa bbbb", "cccc"]
