"""Server faults of issue 10: concurrent reads, jobs out of process, uploads, headers, links."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

import marea
from marea.executors import ProcessExecutor
from marea.model import Document
from marea.nlp.encoder import DISABLED
from marea.server import upload_name
from marea.settings import load_settings
from marea.store import Store
from marea.web.pages import safe_url
from tests.conftest import EXAMPLES, serving

TOKEN = "fault-token-456"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
THREADS, READS = 8, 200


@contextmanager
def serve(db: str, tmp: Path, *extra: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Run `marea serve` (uploads under `tmp`); yield its base URL and process."""
    env = {**os.environ, "MAREA_TOKEN": TOKEN, "TMPDIR": str(tmp)}
    with serving(db, env, tmp / f"serve-{uuid.uuid4().hex[:8]}.log", *extra) as started:
        yield started


def article(number: int, sentences: int = 12) -> bytes:
    """A distinct plain-text news article (its number makes it unique)."""
    line = (f"In report {number}, the government of Chile announced on Monday that it would "
            f"meet officials from Peru in Lima to discuss trade, and Bolivia protested "
            f"against the plan number {number}. ")
    return (f"Chile and Peru talks, part {number}\n\n" + line * sentences).encode()


def wait_job(client: httpx.Client, job: str) -> dict[str, Any]:
    deadline = time.monotonic() + 900
    while (state := client.get(f"/jobs/{job}", headers=AUTH).json())["status"] in (
            "queued", "running"):
        assert time.monotonic() < deadline, state
        time.sleep(0.5)
    return dict(state)


def upload_folders(tmp: Path) -> list[str]:
    return sorted(p.name for p in tmp.glob("marea-upload-*"))


@pytest.fixture(scope="module")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of the bundled examples, built once and copied by the tests that write."""
    db = str(tmp_path_factory.mktemp("faults-server") / "base.duckdb")
    subprocess.run([sys.executable, "-m", "marea.cli", "ingest",
                    *(str(EXAMPLES / n) for n in ("html", "text", "feeds")), "--db", db],
                   check=True, capture_output=True, timeout=900)
    return db


def copy_db(base_db: str, tmp_path: Path) -> str:
    target = tmp_path / "copy.duckdb"
    shutil.copy(base_db, target)
    return str(target)


def endpoint_mix(client: httpx.Client) -> list[str]:
    """Paths over every read endpoint and a few dashboard pages, with real ids and names."""
    docs = client.get("/documents", params={"limit": 4}).json()["items"]
    actors = client.get("/actors", params={"limit": 3}).json()["items"]
    paths = ["/documents?limit=20", "/actors?limit=30", "/events?limit=30", "/themes",
             "/claims?limit=20", "/narratives", "/health", "/", "/ui/events", "/ui/narratives"]
    for mode in ("text", "semantic", "hybrid"):
        paths.append(f"/search?q=Castillo%20Congress&mode={mode}")
    for doc in docs:
        paths += [f"/documents/{doc['doc_id']}", f"/ui/doc/{doc['doc_id']}"]
    for actor in actors:
        name = quote(actor["name"])
        paths += [f"/actors/{name}", f"/timeline/{name}", f"/stances/{name}",
                  f"/ui/actor/{quote(actor['actor_id'])}"]
    return paths


def answer(client: httpx.Client, path: str) -> tuple[int, str]:
    response = client.get(path)
    return response.status_code, response.text


def hammer(base: str, paths: list[str], expected: dict[str, tuple[int, str]],
           keep_going: threading.Event | None = None) -> tuple[int, list[str], list[str]]:
    """8 threads × 200 reads (more while `keep_going` is set); return count, non-2xx and
    answers that differ from `expected` (only paths in it are compared)."""
    failures: list[str] = []
    differences: list[str] = []
    done = [0]
    lock = threading.Lock()

    def reader(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            count = 0
            while count < READS or (keep_going is not None and keep_going.is_set()):
                path = paths[(offset * 7 + count) % len(paths)]
                try:
                    got = answer(client, path)
                except httpx.HTTPError as exc:
                    got = (0, repr(exc))
                with lock:
                    done[0] += 1
                    if not 200 <= got[0] < 300:
                        failures.append(f"{got[0]} {path}: {got[1][:200]}")
                    elif path in expected and got != expected[path]:
                        differences.append(path)
                count += 1

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0], failures, differences


@pytest.mark.slow
def test_concurrent_reads_match_sequential_with_and_without_a_job(
        base_db: str, tmp_path: Path) -> None:
    db = copy_db(base_db, tmp_path)
    with serve(db, tmp_path) as (base, _), httpx.Client(base_url=base, timeout=60) as client:
        paths = endpoint_mix(client)
        expected = {path: answer(client, path) for path in paths}
        assert all(status == 200 for status, _ in expected.values()), expected
        count, failures, differences = hammer(base, paths, expected)
        assert (count, failures[:5], differences[:5]) == (THREADS * READS, [], [])

        files = [("files", (f"new-{n}.txt", article(n), "text/plain")) for n in range(30)]
        accepted = client.post("/ingest", files=files, headers=AUTH)
        assert accepted.status_code == 202
        stable = {p: expected[p] for p in paths if p.startswith(("/documents/", "/actors/"))}
        running = threading.Event()
        running.set()
        watcher = threading.Thread(target=lambda: (wait_job(client, accepted.json()["id"]),
                                                   running.clear()))
        watcher.start()
        count, failures, differences = hammer(base, paths, stable, keep_going=running)
        watcher.join()
        state = wait_job(client, accepted.json()["id"])
        assert (state["status"], state.get("stored"), state.get("failed")) == ("done", 30, 0), state
        assert count >= THREADS * READS
        assert (failures[:5], differences[:5]) == ([], [])
        assert upload_folders(tmp_path) == []


@pytest.mark.slow
def test_reads_answer_during_a_big_job_and_sigterm_stops_the_server(
        base_db: str, tmp_path: Path) -> None:
    db = copy_db(base_db, tmp_path)
    with serve(db, tmp_path) as (base, server), httpx.Client(base_url=base,
                                                             timeout=60) as client:
        doc_id = client.get("/documents", params={"limit": 1}).json()["items"][0]["doc_id"]
        files = [("files", (f"big-{n}.txt", article(n, 60), "text/plain")) for n in range(400)]
        job = client.post("/ingest", files=files, headers=AUTH).json()["id"]
        while client.get(f"/jobs/{job}", headers=AUTH).json()["status"] == "queued":
            time.sleep(0.2)
        for _ in range(5):  # the 5-second client timeout is the bound: a stall raises
            assert httpx.get(f"{base}/health", timeout=5).status_code == 200
            assert httpx.get(f"{base}/documents/{doc_id}", timeout=5).status_code == 200
            time.sleep(0.5)
        assert client.get(f"/jobs/{job}", headers=AUTH).json()["status"] == "running"
        workers = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()
                   and _parent(p) == server.pid]
        assert workers, "the job computes in a worker process"
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=60) == -signal.SIGTERM  # uvicorn re-raises it when done
    deadline = time.monotonic() + 60  # children (workers, resource tracker) end after it
    while [pid for pid in workers if _running(pid)] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _running(pid)]
    assert upload_folders(tmp_path) == []
    with Store(db, read_only=True) as store:  # the job's run was closed, not left running
        assert store.query("SELECT command, status FROM runs ORDER BY run_id DESC LIMIT 1"
                           ) == [("api ingest", "failed")]


def _stat(proc: Path) -> list[str]:
    """A process's /proc stat fields after its name: state, parent id, ...; [] once gone."""
    try:
        return (proc / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return []


def _parent(proc: Path) -> int:
    fields = _stat(proc)
    return int(fields[1]) if fields else -1


def _running(pid: int) -> bool:
    fields = _stat(Path(f"/proc/{pid}"))
    return bool(fields) and fields[0] != "Z"


def hang_on_marker(batch: list[Document]) -> list[Document]:
    """A stage stand-in: titles each document, and hangs on one whose text is 'hang'."""
    for doc in batch:
        if doc.text == "hang":
            time.sleep(3600)
        doc.metadata["title"] = f"seen {doc.source}"
    return batch


@pytest.mark.slow
def test_process_executor_kills_a_batch_past_its_deadline_and_goes_on() -> None:
    base = load_settings()
    settings = base.with_(language_candidates=("en",),
                          models={**base.models, "encoder": DISABLED})
    batches = [[Document(f"d{n}", "", b"", "text", text="hang" if n == 2 else "ok")]
               for n in range(5)]
    with ProcessExecutor(settings, workers=1, batch_timeout=20) as executor:
        done = list(executor.map(hang_on_marker, iter(batches)))
    assert [b[0].source for b in done] == ["d0", "d1", "d2", "d3", "d4"]
    assert [b[0].error for b in done] == [
        None, None, "batch took over 20 s; its worker was stopped", None, None]
    assert [b[0].metadata.get("title") for b in done] == [
        "seen d0", "seen d1", None, "seen d3", "seen d4"]


# -- uploads -----------------------------------------------------------------------------

def multipart(parts: list[tuple[bytes, bytes]]) -> tuple[bytes, str]:
    """Build a multipart body by hand, so that names can be any bytes."""
    boundary = "marea-test-boundary"
    body = b"".join(
        b"--" + boundary.encode() + b"\r\nContent-Disposition: form-data; name=\"files\"; "
        b"filename=\"" + name + b"\"\r\nContent-Type: text/plain\r\n\r\n" + data + b"\r\n"
        for name, data in parts) + b"--" + boundary.encode() + b"--\r\n"
    return body, f"multipart/form-data; boundary={boundary}"


def test_upload_names_are_sanitised_and_unique() -> None:
    taken: set[str] = set()
    names = [upload_name(raw, taken) for raw in
             ["..", ".", "", None, "x" * 300 + ".txt", "same.txt", "SAME.txt", "same.txt",
              "a/../../etc/passwd", "c:\\win\\evil.html", "bad\udcff\udcfe.txt", "tab\tname.md"]]
    assert names == ["upload", "upload-2", "upload-3", "upload-4", "x" * 116 + ".txt",
                     "same.txt", "SAME-2.txt", "same-3.txt", "passwd", "evil.html",
                     "bad??.txt", "tabname.md"]


@pytest.mark.slow
def test_uploads_are_bounded_named_safely_and_cleaned(base_db: str, tmp_path: Path) -> None:
    db = copy_db(base_db, tmp_path)
    with serve(db, tmp_path) as (base, _), httpx.Client(base_url=base, timeout=120) as client:
        def chunks() -> Iterator[bytes]:  # no Content-Length: the server must count
            body, _ = multipart([(b"big.txt", b"x" * 21_000_000)])
            for start in range(0, len(body), 1_000_000):
                yield body[start:start + 1_000_000]

        kind = multipart([])[1]
        try:
            status = client.post("/ingest", content=chunks(), headers={
                **AUTH, "Content-Type": kind}).status_code
        except httpx.TransportError:  # the server may answer and close before reading all
            status = 413
        assert status == 413
        assert upload_folders(tmp_path) == []

        odd = [b"..", b".", b"x" * 300 + b".txt", b"\xff\xfe.txt", b"same.txt", b"same.txt"]
        body, kind = multipart([(name, article(100 + n)) for n, name in enumerate(odd)])
        accepted = client.post("/ingest", content=body, headers={**AUTH, "Content-Type": kind})
        assert accepted.status_code == 202, accepted.text
        state = wait_job(client, accepted.json()["id"])
        assert (state["status"], state["stored"], state["skipped"]) == ("done", 4, 2), state
        sources = [d["path"] for d in client.get("/documents",
                                                   params={"limit": 200}).json()["items"]]
        uploaded = sorted(s for s in sources if s.endswith(".txt") and "opinion" not in s)
        latin = "\u00ff\u00fe.txt"  # the name's bytes, read as Latin-1 by the form parser
        assert uploaded == ["same-2.txt", "same.txt", "x" * 116 + ".txt", latin]
        assert upload_folders(tmp_path) == []

        assert client.get(f"/jobs/{accepted.json()['id']}").status_code == 401
        wrong = client.get(f"/jobs/{accepted.json()['id']}",
                           headers={"Authorization": f"Bearer {TOKEN}x"})
        assert wrong.status_code == 401


# -- headers, hosts, docs, paths ---------------------------------------------------------

@pytest.mark.slow
def test_headers_hosts_offline_docs_and_no_server_paths(base_db: str, tmp_path: Path) -> None:
    db = copy_db(base_db, tmp_path)
    with serve(db, tmp_path, "--allow-host", "marea.test") as (base, _), \
            httpx.Client(base_url=base, timeout=60) as client:
        port = base.rsplit(":", 1)[1]
        page = client.get("/")
        assert page.status_code == 200
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["x-frame-options"] == "DENY"
        assert page.headers["referrer-policy"] == "no-referrer"
        assert "script-src 'self';" in page.headers["content-security-policy"]
        assert "<script>" not in page.text  # every script is a file, allowed by the CSP
        for host, status in [("evil.example", 400), (f"evil.example:{port}", 400),
                             (f"localhost:{port}", 200), (f"marea.test:{port}", 200)]:
            response = client.get("/health", headers={"Host": host})
            assert response.status_code == status, host
        refused = client.get("/health", headers={"Host": "evil.example"})
        assert refused.json()["detail"].startswith("host 'evil.example' is not served here")
        assert refused.headers["x-frame-options"] == "DENY"

        docs = client.get("/docs")
        scripts = re.findall(r'(?:src|href)="([^"]+)"', docs.text)
        assert scripts == ["/static/swagger-ui.css", "/static/swagger-ui-bundle.js",
                           "/static/docs.js"]
        bundle = client.get("/static/swagger-ui-bundle.js")
        assert bundle.status_code == 200 and "SwaggerUIBundle" in bundle.text

        listed = client.get("/documents", params={"limit": 200}).json()["items"]
        one = client.get(f"/documents/{listed[0]['doc_id']}").json()
        for source in [d["path"] for d in listed] + [one["path"]]:
            assert "/" not in source or source.startswith(("http://", "https://")), source
        assert "en-news-oas-assembly.html" in {d["path"] for d in listed}
        assert str(EXAMPLES) not in client.get(f"/ui/doc/{listed[0]['doc_id']}").text


# -- links -------------------------------------------------------------------------------

@pytest.mark.parametrize("url, safe", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("  HTTP://example.org/", "HTTP://example.org/"),
    ("javascript:alert(1)", ""), ("JaVaScRiPt:alert(1)", ""), (" \x01\x1fjavascript:x", ""),
    ("java\tscript:alert(1)", ""), ("jav\nascript:x", ""), ("data:text/html,<b>", ""),
    ("vbscript:x", ""), ("//evil.example/x", ""), ("/relative", ""), ("", ""), (None, ""),
])
def test_safe_url_keeps_only_http_links(url: str | None, safe: str) -> None:
    assert safe_url(url) == safe


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>
<item><title>Feed story about Chile</title><link>  JAVASCRIPT:alert(3)</link>
<description>x</description><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>{body}</p><p>{body}</p>]]></content:encoded></item>
</channel></rss>
"""


@pytest.mark.slow
def test_script_links_from_records_sidecars_and_feeds_are_not_rendered(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    body = article(7).decode().split("\n\n")[1]
    records = [{"title": "Record story", "url": " \x01JaVaScRiPt:alert(1)", "text": body},
               {"title": "Good story", "url": "https://news.example/good",
                "text": article(8).decode()}]
    (inputs / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records), "utf-8")
    (inputs / "sidecar.txt").write_bytes(article(9))
    (inputs / "metadata.jsonl").write_text(json.dumps(
        {"file": "sidecar.txt", "title": "Sidecar story", "url": "\tjavascript:alert(2)"}),
        "utf-8")
    (inputs / "feed.xml").write_text(RSS.format(body=body.replace("7", "11")), "utf-8")
    db = str(tmp_path / "links.duckdb")
    subprocess.run([sys.executable, "-m", "marea.cli", "ingest", str(inputs), "--db", db],
                   check=True, capture_output=True, timeout=900)
    with serve(db, tmp_path) as (base, _), httpx.Client(base_url=base, timeout=60) as client:
        docs = {d["title"]: d for d in client.get("/documents").json()["items"]}
        assert set(docs) == {"Record story", "Good story", "Sidecar story",
                             "Feed story about Chile"}
        assert "javascript" in docs["Record story"]["url"].lower()  # stored as data
        for title, doc in docs.items():
            page = client.get(f"/ui/doc/{doc['doc_id']}").text
            hrefs = re.findall(r'href="([^"]*)"', page)
            assert not [h for h in hrefs if "script" in h.lower()], title
            assert ('href="https://news.example/good"' in page) == (title == "Good story")


# -- operator errors ---------------------------------------------------------------------

@pytest.mark.parametrize("args, message", [
    (["--port", "70000", "--db", "exists.duckdb"],
     "marea: [E080] --port 70000 is not a TCP port (1-65535)."),
    (["--db", "missing.duckdb"], "marea: [E081] No store at missing.duckdb: run `marea ingest` "
                                 "first."),
])
def test_serve_refuses_bad_port_and_missing_store(tmp_path: Path, args: list[str],
                                                  message: str) -> None:
    (tmp_path / "exists.duckdb").touch()
    here = str(Path(marea.__file__).parents[1])  # this marea, also from another folder
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([here, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "marea.cli", "serve", *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [message]
    assert not (tmp_path / "missing.duckdb").exists()
