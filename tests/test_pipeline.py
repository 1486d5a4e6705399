from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marea.export import EXPORT_TABLES, export
from marea.pipeline import ingest
from marea.settings import Settings
from marea.store import Store
from tests.conftest import EXAMPLES, need_seeds

ARTICLE = ("Peru's Congress removed President Pedro Castillo on Wednesday. Dina Boluarte was "
           "sworn in hours later in Lima. Mexico's president criticised the decision. ")


def table_counts(store: Store) -> dict[str, int]:
    return {t: store.query(f"SELECT count(*) FROM {t}")[0][0]
            for t in ("documents", "sentences", "tokens", "mentions", "inputs")}


def test_seeds_ingest_with_spans_and_metadata(settings: Settings, store: Store) -> None:
    seeds = need_seeds()
    summary = ingest([str(seeds)], store, settings)
    assert (summary.stored, summary.failed, summary.near_duplicates) == (5, [], 0)
    rows = store.query("SELECT author, published, language, language_detected FROM documents "
                       "ORDER BY source")
    assert rows[1] == ("David Raby", "2021-08", "en", "en")
    assert rows[2][1] == "2006-04" and all(r[3] == "en" for r in rows)
    # Every mention's offsets point at its own text in the stored clean text.
    bad = store.query("SELECT count(*) FROM mentions m JOIN documents d USING (doc_id) "
                      "WHERE substr(d.text, m.start_char + 1, m.end_char - m.start_char) <> m.text")
    assert bad == [(0,)]
    names = {r[0] for r in store.query("SELECT text FROM mentions WHERE label = 'PERSON'")}
    assert {"Pedro Castillo", "Keiko Fujimori", "Evo Morales"} <= names


def test_reingest_changes_nothing(settings: Settings, store: Store) -> None:
    first = ingest([str(EXAMPLES / "html")], store, settings)
    before = table_counts(store)
    again = ingest([str(EXAMPLES / "html")], store, settings)
    assert first.stored > 5 and again.stored == 0
    assert again.unchanged == first.stored + first.duplicates
    assert table_counts(store) == before


def test_exact_and_near_duplicates(tmp_path: Path, settings: Settings, store: Store) -> None:
    folder = tmp_path / "dups"
    folder.mkdir()
    sentences = [f"Delegation {n} from region {n * 7 % 13} voted on motion {n * 3}."
                 for n in range(60)]
    body = " ".join(sentences)
    (folder / "a.txt").write_text(body, "utf-8")
    (folder / "b.txt").write_text(body + "\n\n", "utf-8")  # same clean text
    sentences[30] = "One delegation walked out in protest."
    (folder / "c.txt").write_text(" ".join(sentences) + " Updated at noon.", "utf-8")
    summary = ingest([str(folder)], store, settings)
    assert (summary.stored, summary.duplicates, summary.near_duplicates) == (2, 1, 1)
    (original,), = store.query("SELECT doc_id FROM documents WHERE ends_with(source, 'a.txt')")
    (near,), = store.query("SELECT duplicate_of FROM documents WHERE ends_with(source, 'c.txt')")
    assert near == original


def test_syndicated_example_is_a_near_duplicate(settings: Settings, store: Store) -> None:
    ingest([str(EXAMPLES / "html")], store, settings)
    rows = store.query(
        "SELECT d.source, o.source FROM documents d JOIN documents o ON d.duplicate_of = o.doc_id")
    # The copy read second points at the first: inputs are read in sorted path order.
    assert [(Path(a).name, Path(b).name) for a, b in rows] == [
        ("en-news-peru-castillo-ouster.html", "en-news-peru-castillo-ouster-syndicated.html")]


def test_languages_of_examples(settings: Settings, store: Store) -> None:
    ingest([str(EXAMPLES / "html")], store, settings)
    found = dict(store.query("SELECT regexp_extract(source, '[^/]+$'), language_detected "
                             "FROM documents"))
    assert found["es-news-lula-inauguration.html"] == "es"
    assert found["pt-news-mercosur.html"] == "pt"
    assert found["en-news-oas-assembly.html"] == "en"
    # Portuguese has no spaCy pipeline on PyPI: sentences and tokens, and only the mentions
    # the actor knowledge base finds (no statistical entities).
    (pt,), = store.query("SELECT doc_id FROM documents WHERE source LIKE '%pt-news-mercosur%'")
    assert store.query("SELECT count(*) FROM sentences WHERE doc_id = ?", [pt])[0][0] > 5
    unlinked, total = store.query("SELECT count(*) FILTER (WHERE actor_id IS NULL), count(*) "
                                  "FROM mentions WHERE doc_id = ?", [pt])[0]
    assert unlinked == 0 and total > 5
    spanish = {r[0] for r in store.query(
        "SELECT m.text FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE d.language = 'es' AND m.label = 'PER'")}
    assert any("Lula" in name for name in spanish)


def bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per bad-input case; return {file name: expected reason fragment}."""
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, "utf-8")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes("Perú: la elección de López terminó.".encode("latin-1"))
    (folder / "mixed.txt").write_bytes(
        "Línea uno en UTF-8.\n".encode() + "Línea dos en Latin-1.\n".encode("latin-1"))
    with (folder / "huge.txt").open("wb") as out:
        out.truncate(200_000_000)
    (folder / "broken.html").write_text(
        "<html><body><div><p>Unclosed <b>tags <i>everywhere<p>" + ARTICLE * 3, "utf-8")
    (folder / "chrome-only.html").write_text(
        "<html><body><nav>Home</nav><footer>© 2024</footer></body></html>", "utf-8")
    (folder / "records.jsonl").write_text(
        json.dumps({"text": ARTICLE + " One."}) + "\n{broken\n" + json.dumps({"text": ARTICLE})
        + "\n", "utf-8")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "cut.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    return {
        "junk.txt": "binary content, not text",
        "empty.txt": "empty input",
        "huge.txt": "over the 50 MB limit",
        "chrome-only.html": "no article text found in HTML",
        "records.jsonl#line:2": "invalid JSON",
        "dangling.txt": "can't read file",
        "cut.warc.gz#record:1": "truncated or corrupt WARC",
    }


def test_bad_inputs_each_get_one_line_and_the_batch_goes_on(
        tmp_path: Path, settings: Settings, store: Store) -> None:
    expected = bad_inputs(tmp_path / "bad")
    summary = ingest([str(tmp_path / "bad")], store, settings)
    failed = {name.split("/bad/")[1]: reason for name, reason in summary.failed}
    assert set(failed) == set(expected)
    for name, fragment in expected.items():
        assert fragment in failed[name], (name, failed[name])
    stored = {r[0] for r in store.query("SELECT regexp_extract(source, '[^/]+$') || "
                                        "CASE WHEN locator <> '' THEN '#' || locator ELSE '' END "
                                        "FROM documents")}
    assert stored == {"good.txt", "latin1.txt", "mixed.txt", "broken.html",
                      "records.jsonl#line:1"}  # line 3 is the same text as good.txt
    assert summary.duplicates == 1
    texts = dict(store.query("SELECT regexp_extract(source, '[^/]+$'), text FROM documents"))
    assert texts["latin1.txt"] == "Perú: la elección de López terminó."
    assert texts["mixed.txt"] == "Línea uno en UTF-8.\nLínea dos en Latin-1."
    logged = store.query("SELECT count(*) FROM errors WHERE run_id = ?", [summary.run_id])
    assert logged == [(len(expected),)]


def test_cli_exit_code_and_error_lines(tmp_path: Path) -> None:
    bad_inputs(tmp_path / "bad")
    result = subprocess.run(
        [sys.executable, "-m", "marea.cli", "ingest", str(tmp_path / "bad"),
         "--db", str(tmp_path / "cli.duckdb")],
        capture_output=True, text=True, timeout=300, env={**os.environ, "COLUMNS": "200"})
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("error ")]
    assert len(lines) == 7
    assert any(line.endswith("junk.txt: binary content, not text") for line in lines)


@pytest.mark.slow
def test_killed_run_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 120
    for n in range(total):
        (corpus / f"doc{n:03}.txt").write_text(f"Report number {n}. " + ARTICLE * 12, "utf-8")
    config = tmp_path / "small-batches.toml"
    config.write_text("batch_size = 4\n", "utf-8")
    db = tmp_path / "kill.duckdb"
    command = [sys.executable, "-m", "marea.cli", "ingest", str(corpus), "--db", str(db),
               "--config", str(config)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wal = Path(str(db) + ".wal")
    deadline = time.monotonic() + 120
    # Kill once a few batches have been committed to the write-ahead log. One batch of four
    # such documents writes ~650 KB in one commit, and the file grows while it is written:
    # past 1.5 MB the second commit is under way, so the first is whole (a kill inside the
    # first commit, seen at 200 KB on a loaded machine, left nothing committed).
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and wal.stat().st_size > 1_500_000:
            break
        time.sleep(0.05)
    assert process.poll() is None, "ingest finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    with Store(db) as store:
        committed = store.query("SELECT count(*) FROM documents")[0][0]
    assert 0 < committed < total
    resumed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    with Store(db) as store:
        counts = table_counts(store)
        assert counts["documents"] == counts["inputs"] == total
        dupes = store.query("SELECT count(*) FROM (SELECT doc_id, idx FROM sentences "
                            "GROUP BY ALL HAVING count(*) > 1)")
        assert dupes == [(0,)]
        runs = store.query("SELECT status, stored, unchanged FROM runs ORDER BY run_id")
    assert runs == [("interrupted", 0, 0), ("done", total - committed, committed)]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_round_trip(tmp_path: Path, settings: Settings, store: Store, fmt: str) -> None:
    ingest([str(EXAMPLES / "text")], store, settings)
    written = export(store, tmp_path / "out", fmt)
    assert set(written) == set(EXPORT_TABLES)
    if fmt == "jsonl":
        docs = [json.loads(line) for line in written["documents"].read_text("utf-8").splitlines()]
        mentions = [json.loads(line)
                    for line in written["mentions"].read_text("utf-8").splitlines()]
    else:
        docs = pq.read_table(written["documents"]).to_pylist()
        mentions = pq.read_table(written["mentions"]).to_pylist()
    stored = dict(store.query("SELECT doc_id, text FROM documents"))
    assert {d["doc_id"]: d["text"] for d in docs} == stored
    assert len(mentions) == store.query("SELECT count(*) FROM mentions")[0][0] > 0
    for mention in mentions:
        text = stored[mention["doc_id"]]
        assert text[mention["start_char"]:mention["end_char"]] == mention["text"]


def test_token_heads_index_stored_tokens(tmp_path: Path, settings: Settings, store: Store) -> None:
    (tmp_path / "a.txt").write_text("Mexico  sent two ships.\n\n\nCuba  thanked Mexico.", "utf-8")
    ingest([str(tmp_path / "a.txt")], store, settings)
    rows = store.query("SELECT idx, head, dep, substr(d.text, start_char + 1, "
                       "end_char - start_char) FROM tokens JOIN documents d USING (doc_id) "
                       "ORDER BY idx")
    words = {idx: word for idx, _, _, word in rows}
    assert [w for w in words.values() if not w.strip()] == []  # no whitespace tokens
    heads = {word: words[head] for _, head, _, word in rows}
    assert heads["Mexico"] in ("sent", "thanked") and heads["Cuba"] == "thanked"
    assert heads["ships"] == "sent"


def test_parsing_new_words_leaves_spacy_vocabulary_as_it_was(settings: Settings) -> None:
    """Words spaCy has never met (invented here) are annotated, but its string store and
    lexemes are back to their size after the stage, so a long ingest's vocabulary stays
    bounded."""
    from marea.model import Document
    from marea.nlp.linguistic import linguistic
    from marea.nlp.models import load_pipeline

    nlp = load_pipeline(settings.model_for("en"), "en")
    text = ("The senator Quorvellin Tashbrook denounced the zentrifax accord in Brastovia. "
            "Minister Oblemari Fenwhistle said the plurquendal talks would resume.")
    doc = Document(source="new-words.txt", locator="", raw=text.encode(), content_type="text",
                   text=text, language="en")
    before = len(nlp.vocab.strings)
    linguistic([doc], settings)
    assert len(nlp.vocab.strings) == before
    # (len(nlp.vocab) counts lexemes ever added, so membership is checked instead)
    assert "zentrifax" not in nlp.vocab.strings and "zentrifax" not in nlp.vocab
    words = {text[t.start:t.end]: t for t in doc.tokens}
    assert words["denounced"].lemma == "denounce" and words["zentrifax"].pos in {"NOUN", "ADJ",
                                                                                 "PROPN"}
    assert [text[s.start:s.end] for s in doc.sentences][1].startswith("Minister Oblemari")
