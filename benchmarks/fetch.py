"""Fetching throughput against a local site, and what fetching costs beside processing.

    python benchmarks/fetch.py [--pages 120] [--latency-ms 50] [--process 40]

Serves --pages article pages (the bundled example HTML pages, each made distinct) from
127.0.0.1 with --latency-ms of delay per response (standing in for the network), then fetches
them all through marea's Fetcher at concurrency 1, 4 and 16 with the per-host limits off
(host_connections = concurrency, no spacing). Prints pages/s and the ratio to concurrency 1
(the baseline, measured in the same run). Then ingests --process of the fetched pages from
files (every stage, encoder on) and prints fetch seconds per page at each concurrency as a
share of processing seconds per page.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from marea.ingest.fetch import Fetcher
from marea.ingest.web import WebSession, _fetch_pages
from marea.model import Document
from marea.pipeline import ingest
from marea.settings import Settings, load_settings
from marea.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import run_in_temp_folder  # noqa: E402


def pages(count: int) -> list[bytes]:
    """`count` distinct HTML pages made from the bundled examples."""
    folder = Path(str(resources.files("marea").joinpath("examples"))) / "html"
    bases = [p.read_bytes() for p in sorted(folder.glob("*.html"))]
    return [bases[i % len(bases)].replace(b"</body>", f"<p>Page {i}.</p></body>".encode())
            for i in range(count)]


def serve(bodies: list[bytes], latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            time.sleep(latency)
            if self.path == "/robots.txt":
                body, kind = b"User-agent: *\nAllow: /\n", "text/plain"
            else:
                body, kind = bodies[int(self.path.strip("/").split(".")[0])], "text/html"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def fetch_all(urls: list[str], settings: Settings, concurrency: int) -> tuple[float, list]:
    options = replace(settings.fetch, allow_private=True, connections=concurrency,
                      host_connections=concurrency, host_interval_seconds=0)
    started = time.perf_counter()
    with Fetcher(options, 10_000_000) as fetcher:
        found = [item for _, item in _fetch_pages(urls, {}, WebSession(fetcher))]
    return time.perf_counter() - started, found


def run(folder: Path, args: argparse.Namespace) -> None:
    settings = load_settings().with_(db=str(folder / "fetch.duckdb"))
    bodies = pages(args.pages)
    server = serve(bodies, args.latency_ms / 1000)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/{i}.html" for i in range(args.pages)]
    print(f"{args.pages} pages, {args.latency_ms:g} ms latency per response, local server")
    print(f"{'concurrency':>11} {'seconds':>8} {'pages/s':>8} {'× c=1':>6}")
    rates = {}
    fetched: list = []
    for concurrency in (1, 4, 16):
        seconds, fetched = fetch_all(urls, settings, concurrency)
        assert all(isinstance(d, Document) for d in fetched), "a page failed"
        rates[concurrency] = args.pages / seconds
        print(f"{concurrency:>11} {seconds:8.2f} {rates[concurrency]:8.1f} "
              f"{rates[concurrency] / rates[1]:6.2f}")
    server.shutdown()
    sample = folder / "pages"
    sample.mkdir()
    for number, doc in enumerate(fetched[:args.process]):
        (sample / f"{number}.html").write_bytes(doc.raw)
    with Store(folder / "warm.duckdb") as store:  # load the models outside the timing
        ingest([str(sample / "0.html")], store, settings)
    started = time.perf_counter()
    with Store(settings.db) as store:
        summary = ingest([str(sample)], store, settings)
    per_page = (time.perf_counter() - started) / max(summary.stored, 1)
    print(f"processing (every stage, encoder on): {per_page:.3f} s per page over "
          f"{summary.stored} pages")
    for concurrency, rate in rates.items():
        print(f"fetch at concurrency {concurrency:>2}: {1 / rate:.3f} s per page = "
              f"{1 / rate / per_page:.3f}× processing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--process", type=int, default=40)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    run_in_temp_folder("marea-fetch-", args.keep, "the fetched pages and their store",
                       lambda folder: run(folder, args))


if __name__ == "__main__":
    main()
