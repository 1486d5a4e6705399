"""Concurrent load on the REST server and dashboard, without and then with ingest jobs running.

    python benchmarks/load.py [--clients 8] [--requests 2000] [--keep]

Builds a store from the bundled examples, starts `marea serve` in a subprocess and measures
a /health baseline (sequential, one client). Then --clients threads each send --requests
GET requests over an endpoint mix (every read endpoint, each search mode, a few dashboard
pages, with ids and names taken from the store): first with no writes, then while a thread
keeps one ingest job (POST /ingest of 20 new synthetic articles) running after another.
Every answer of the second phase is also compared with the first phase's answer to the same
request where it cannot change (a document by id, an actor by name).

Prints per phase: requests, non-2xx, transport errors, changed answers, p50/p95/max in ms
and p50 / p50 of /health (the baseline in the same run, since machines are shared and
noisy), then per endpoint the p50 and p95 under load; and the jobs done during phase two.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import httpx

from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import run_in_temp_folder  # noqa: E402

JOB_ARTICLES = 20


@dataclass
class Phase:
    """What one phase measured: latencies per endpoint, failures, changed answers."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    answers: dict[str, tuple[int, str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def build_store(db: Path) -> float:
    """Ingest the bundled examples into `db`; return the seconds it took."""
    root = Path(str(resources.files("marea").joinpath("examples")))
    started = time.perf_counter()
    with Store(db) as store:
        summary = ingest([str(root / n) for n in ("html", "text", "feeds")], store,
                         load_settings().with_(db=str(db)), command="benchmark load")
        assert not summary.failed, summary.failed
    return time.perf_counter() - started


def start_server(db: Path, token: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start `marea serve` on a free loopback port; return it once /health answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "marea.cli", "serve", "--db", str(db),
                                 "--port", str(port)], stdout=out, stderr=subprocess.STDOUT,
                                env={**os.environ, "MAREA_TOKEN": token})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited with {proc.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.2)
    proc.terminate()
    sys.exit(f"server did not answer /health in 120 s:\n{log.read_text()}")


def endpoint_mix(client: httpx.Client) -> list[str]:
    """Paths over every read endpoint, each search mode and a few dashboard pages."""
    docs = client.get("/documents", params={"limit": 4}).json()["items"]
    actors = client.get("/actors", params={"limit": 3}).json()["items"]
    paths = ["/documents?limit=20", "/actors?limit=30", "/events?limit=30", "/themes",
             "/claims?limit=20", "/narratives", "/", "/ui/events", "/ui/narratives"]
    paths += [f"/search?q=Castillo%20Congress&mode={m}" for m in ("text", "semantic", "hybrid")]
    for doc in docs:
        paths += [f"/documents/{doc['doc_id']}", f"/ui/doc/{doc['doc_id']}"]
    for actor in actors:
        name = quote(actor["name"])
        paths += [f"/actors/{name}", f"/timeline/{name}", f"/stances/{name}",
                  f"/ui/actor/{quote(actor['actor_id'])}"]
    return paths


def kind(path: str) -> str:
    """An endpoint's name in the table: the path without ids and query values."""
    head = path.split("?")[0]
    parts = head.strip("/").split("/")
    if path.startswith("/search"):
        return "/search " + path.rsplit("=", 1)[1]
    if len(parts) > 1:
        return "/" + "/".join(parts[:-1]) + "/{x}"
    return head


def load(base: str, paths: list[str], clients: int, requests: int, phase: Phase,
         compare: dict[str, tuple[int, str]] | None) -> float:
    """Send clients × requests GETs over `paths`; return the wall seconds."""

    def client_thread(number: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            for count in range(requests):
                path = paths[(number * 7 + count) % len(paths)]
                started = time.perf_counter()
                try:
                    response = client.get(path)
                    got = (response.status_code, response.text)
                except httpx.HTTPError as exc:
                    got = (0, repr(exc))
                seconds = time.perf_counter() - started
                with phase.lock:
                    phase.latencies.setdefault(kind(path), []).append(seconds)
                    if not 200 <= got[0] < 300:
                        phase.failures.append(f"{got[0]} {path}: {got[1][:160]}")
                    elif compare is None:
                        phase.answers.setdefault(path, got)
                    elif path in compare and got != compare[path]:
                        phase.changed.append(path)

    threads = [threading.Thread(target=client_thread, args=(n,)) for n in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def article(number: int) -> bytes:
    """A distinct synthetic news article of about 250 words."""
    line = (f"In report {number}, the government of Chile announced on Monday that it would "
            f"meet officials from Peru in Lima to discuss trade, and Bolivia protested "
            f"against the plan number {number}. ")
    return (f"Chile and Peru talks, part {number}\n\n" + line * 8).encode()


def keep_ingesting(base: str, token: str, stop: threading.Event, jobs: list[dict[str, object]]
                   ) -> None:
    """Run one ingest job after another until `stop` is set; record each finished job."""
    auth = {"Authorization": f"Bearer {token}"}
    number = 0
    with httpx.Client(base_url=base, timeout=120) as client:
        while not stop.is_set():
            files = [("files", (f"load-{number + n}.txt", article(number + n), "text/plain"))
                     for n in range(JOB_ARTICLES)]
            number += JOB_ARTICLES
            started = time.perf_counter()
            job = client.post("/ingest", files=files, headers=auth).json()["id"]
            while (state := client.get(f"/jobs/{job}", headers=auth).json())["status"] in (
                    "queued", "running"):
                time.sleep(0.2)
            jobs.append({**state, "seconds": time.perf_counter() - started})


def pct(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, phase: Phase, wall: float, health: float) -> None:
    every = [s for values in phase.latencies.values() for s in values]
    transport = sum(line.startswith("0 ") for line in phase.failures)
    p50 = statistics.median(every)
    print(f"{name:<22} {len(every):>8} {len(phase.failures) - transport:>7} {transport:>9} "
          f"{len(phase.changed):>7} {1000 * p50:>7.1f} {pct(every, 0.95):>7.1f} "
          f"{1000 * max(every):>8.1f} {p50 / health:>10.1f} {len(every) / wall:>7.1f}")


def run(args: argparse.Namespace, folder: Path) -> None:
    db = folder / "load.duckdb"
    print(f"store: bundled examples ingested in {build_store(db):.1f} s")
    token = secrets.token_hex(16)
    proc, base = start_server(db, token, folder / "server.log")
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            paths = endpoint_mix(client)
            client.get("/health")
            health_times = []
            for _ in range(300):
                started = time.perf_counter()
                client.get("/health")
                health_times.append(time.perf_counter() - started)
            for path in paths:  # warm-up, not recorded
                client.get(path)
        health = statistics.median(health_times)
        quiet = Phase()
        quiet_wall = load(base, paths, args.clients, args.requests, quiet, None)
        stable = {p: a for p, a in quiet.answers.items()
                  if p.startswith(("/documents/", "/actors/"))}
        busy = Phase()
        stop = threading.Event()
        jobs: list[dict[str, object]] = []
        writer = threading.Thread(target=keep_ingesting, args=(base, token, stop, jobs))
        writer.start()
        busy_wall = load(base, paths, args.clients, args.requests, busy, stable)
        stop.set()
        writer.join()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    print(f"/health baseline: p50 {1000 * health:.2f} ms, p95 {pct(health_times, 0.95):.2f} ms "
          f"(sequential, {len(health_times)} requests)")
    print(f"{args.clients} clients × {args.requests} requests over {len(paths)} paths\n")
    print(f"{'phase':<22} {'requests':>8} {'non-2xx':>7} {'transport':>9} {'changed':>7} "
          f"{'p50 ms':>7} {'p95 ms':>7} {'max ms':>8} {'p50/health':>10} {'req/s':>7}")
    report("reads only", quiet, quiet_wall, health)
    report("reads + ingest jobs", busy, busy_wall, health)
    stored = sum(int(str(j.get("stored", 0))) for j in jobs)
    print(f"\ningest during phase two: {len(jobs)} jobs finished "
          f"({sum(j['status'] == 'done' for j in jobs)} done), {stored} documents stored, "
          f"{statistics.median(float(str(j['seconds'])) for j in jobs) if jobs else 0:.1f} s "
          f"per job of {JOB_ARTICLES} articles (median)")
    print(f"\n{'endpoint':<28} {'p50 quiet':>9} {'p95 quiet':>9} {'p50 busy':>9} "
          f"{'p95 busy':>9}")
    for name in quiet.latencies:
        a, b = quiet.latencies[name], busy.latencies.get(name, [0.0])
        print(f"{name:<28} {1000 * statistics.median(a):>9.1f} {pct(a, 0.95):>9.1f} "
              f"{1000 * statistics.median(b):>9.1f} {pct(b, 0.95):>9.1f}")
    for line in (quiet.failures + busy.failures)[:5]:
        print(f"error: {line}")
    for path in busy.changed[:5]:
        print(f"changed answer: {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=8, help="client threads")
    parser.add_argument("--requests", type=int, default=2000, help="requests per client")
    parser.add_argument("--keep", action="store_true", help="keep the store and server log")
    args = parser.parse_args()
    run_in_temp_folder("marea-load-bench-", args.keep, "store load.duckdb, server.log",
                       lambda folder: run(args, folder))


if __name__ == "__main__":
    main()
