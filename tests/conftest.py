"""Shared fixtures: settings on a temporary store, the seed corpus, the bundled examples."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import pytest

from marea.model import Document
from marea.pipeline import ingest, run_stages
from marea.settings import Settings, load_settings
from marea.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = Path(str(resources.files("marea").joinpath("examples")))


def need_seeds() -> Path:
    """Return the seed folder, or skip the test when ../shared is not beside the checkout."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared is absent)")
    return SEEDS


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings().with_(db=str(tmp_path / "test.duckdb"))


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    with Store(settings.db) as opened:
        yield opened


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A store holding the bundled examples and, when present, the seeds (ingested once)."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    settings = load_settings().with_(db=str(path))
    paths = [str(EXAMPLES / name) for name in ("html", "text", "feeds")]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    with Store(path) as opened:
        summary = ingest(paths, opened, settings)
        assert not summary.failed, summary.failed
        yield opened


@contextmanager
def jsonl_store(folder: Path, records: list[dict[str, str]]) -> Iterator[Store]:
    """A store in `folder` with `records` ingested (one JSONL line each, no encoder): the
    document on line N has a locator ending in ":N"."""
    (folder / "t.jsonl").write_text("".join(
        json.dumps(record) + "\n" for record in records), "utf-8")
    settings = load_settings()
    settings = settings.with_(db=str(folder / "a.duckdb"),
                              models={**settings.models, "encoder": "none"})
    with Store(settings.db) as store:
        ingest([str(folder / "t.jsonl")], store, settings)
        yield store


def mention_links(store: Store, line: int, text: str) -> set[tuple[str | None, str | None]]:
    """(actor_id, role) of every mention of `text` in the document on line `line` of a
    `jsonl_store`; fails when there is none."""
    found = {tuple(row) for row in store.query(
        "SELECT m.actor_id, m.role FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ?) AND m.text = ?", [f":{line}", text])}
    assert found, f"no mention '{text}' in line {line}"
    return found


def checkpointed_copy(store: Store, folder: Path) -> str:
    """Copy a store's file into `folder` for CLI processes: the original is held open for
    writing by this process, which DuckDB lets no other process open."""
    import shutil

    store.con.execute("CHECKPOINT")
    path = folder / "copy.duckdb"
    shutil.copy(store.path, path)
    return str(path)


def text_of(store: Store, source_suffix: str) -> str:
    """Return the clean text of the one document whose source path ends with a suffix."""
    rows = store.query("SELECT text FROM documents WHERE ends_with(source, ?)", [source_suffix])
    assert len(rows) == 1, f"{len(rows)} documents from *{source_suffix}"
    return str(rows[0][0])


@contextmanager
def serving(db: str, env: dict[str, str], log: Path, *extra: str
            ) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run `marea serve` on a free loopback port, its output in `log`; yield its base URL and
    process once /health answers (a server that dies first fails with its log)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "marea.cli", "serve", "--db", db,
                                   "--port", str(port), *extra], env=env, stdout=out,
                                  stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, log.read_text()
            time.sleep(0.3)
        yield base, server
    finally:
        server.terminate()
        server.wait(timeout=60)


@contextmanager
def running_server(db: str, env: dict[str, str]) -> Iterator[str]:
    """Run `marea serve` on the store; yield its base URL (the log sits beside the store)."""
    with serving(db, env, Path(db).with_suffix(".serve.log")) as (base, _):
        yield base


def events_by_sentence(folder: Path, sentences: dict[str, str], language: str,
                       published: str, columns: str, where: str = "TRUE"
                       ) -> tuple[Path, dict[str, set[tuple[Any, ...]]]]:
    """Ingest each sentence as its own document (one JSONL record each, no encoder) and
    return the store's path and {sentence key: {(columns...) of each of its events}}."""
    keys = list(sentences)
    (folder / "s.jsonl").write_text("".join(
        json.dumps({"text": sentences[k], "language": language, "published": published})
        + "\n" for k in keys), "utf-8")
    settings = load_settings()
    settings = settings.with_(db=str(folder / "events.duckdb"),
                              models={**settings.models, "encoder": "none"})
    with Store(settings.db) as store:
        summary = ingest([str(folder / "s.jsonl")], store, settings)
        # a stage that crashes on a sentence must fail the test, not read as "no events"
        assert not summary.failed, summary.failed
        rows = store.query(f"SELECT d.locator, {columns} FROM events e "
                           f"JOIN documents d USING (doc_id) WHERE {where}")
    table: dict[str, set[tuple[Any, ...]]] = {k: set() for k in keys}
    for locator, *row in rows:
        table[keys[int(locator.split(":")[1]) - 1]].add(tuple(row))
    return Path(settings.db), table


FRAME_STAGES = ("marea.clean.v1", "marea.language.v1", "marea.linguistic.v1", "marea.actors.v1",
                "marea.tone.v1", "marea.embed.v1", "marea.frames.v1")


def frame_spans(settings: Settings, text: str, kind: str, language: str
                ) -> set[tuple[str, str]]:
    """(span text, technique) of every framing span the frames stage finds in one text of a
    declared kind ("news", "opinion")."""
    (doc,) = run_stages([Document(source="t.txt", locator="", raw=text.encode(),
                                  content_type="text",
                                  metadata={"language": language, "kind": kind})],
                        FRAME_STAGES, settings)
    assert doc.error is None, doc.error
    return {(doc.text[f.start:f.end], f.technique) for f in doc.frames}
