"""Reading a large JSONL or WARC file takes constant memory: peak RSS at two file sizes.

    python benchmarks/streaming.py [--mb 30 300] [--ingest-mb 5 25]

Writes a JSONL file and a WARC file of each size (short articles: recombined
paragraphs of the bundled examples under a numbered first line, so every article is a
distinct document; one HTML response record per article in the WARC),
then, in a fresh child process per file, reads it through `marea.ingest.sources.read_inputs`
(the readers ingest uses; `max_file_mb` and `budget.input_mb` raised above the file size)
and counts the documents. Each line gives the documents read, the read rate, and the
child's peak RSS (resource.getrusage) with its ratio to the smallest file's: constant memory
means a ratio near 1 however large the file. NLP is left out (it works per batch whatever
the file size; a 300 MB file would take hours).

Then, for each --ingest-mb size, a child runs `marea.pipeline.ingest` itself on a JSONL file
into a fresh store with the stages that need no model (clean, fingerprint): the writer's
side (already-stored inputs, near-duplicate look-ups, batch writes, the refresh after the run)
at the cost of some 3 CPU-s per MB. It prints the peak RSS when the last batch was written and
at the end (after the full-text index and the other refreshes), each with its ratio to the
smallest file's.

Measured (ops18, load average 11-23 on 2 cores): reading, `--mb 200 1000`: JSONL 221 MB
(158,084 documents) 196 MB peak RSS, 1106 MB (790,443) 198 MB (ratio 1.01); WARC 282 MB 199 MB,
1410 MB 199 MB (1.00).
Ingesting, `--ingest-mb 4 20` (before the store's 8192-row row groups): 4 MB (3,115 stored,
2,528 of them near-duplicates) 268 MB at the last batch and 306 MB at the end, 22 MB (15,598
stored) 352 MB (1.31) and 433 MB (1.41): the readers stream, the writer's side does not yet
stay flat (not traced further; DuckDB keeping the growing store's blocks and indexes in its
buffer pool is the first thing to check).
Traced (ops19, a 2 MB JSONL ingested in process with these stages, every 8 batches of 32:
tracemalloc, glibc mallinfo2, pyarrow's pool, DuckDB's duckdb_memory()): from 256 to 1,024
stored documents the process's current RSS grew 259 -> 308 MB while Python's traced objects
stayed at 10.7-10.8 MB, glibc's heap in use at 53-55 MB and pyarrow's pool at 0; DuckDB's
own account grew 6 -> 28 MB (rows not yet checkpointed, IN_MEMORY_TABLE 3 -> 20 MB, and
cached table blocks 1 -> 6 MB) and the rest (~25 MB) is memory DuckDB's allocator holds
outside that account. No list or cache of ours grows per document; what grows is DuckDB's.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import resources
from io import BytesIO
from pathlib import Path

from marea.ingest.sources import read_inputs
from marea.model import Document
from marea.pipeline import RunSummary, ingest
from marea.settings import load_settings
from marea.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import run_in_temp_folder  # noqa: E402

MODEL_FREE = ("marea.clean.v1", "marea.fingerprint.v1")  # the stages that load no model


def paragraphs() -> list[str]:
    """Paragraphs of the bundled plain-text examples, to recombine into articles."""
    root = Path(str(resources.files("marea").joinpath("examples"))) / "text"
    found = [p.strip() for path in sorted(root.glob("*.txt"))
             for p in path.read_text("utf-8").split("\n\n") if len(p.split()) > 20]
    assert found, "no example paragraphs"
    return found


def articles(megabytes: float, seed: int = 7) -> Iterator[tuple[str, str]]:
    """Yield (title, text) pairs of four example paragraphs until `megabytes` of text."""
    rng = random.Random(seed)
    pool = paragraphs()
    written, number = 0, 0
    while written < megabytes * 1e6:
        number += 1
        text = f"Report {number}.\n\n" + "\n\n".join(rng.sample(pool, min(len(pool), 4)))
        written += len(text.encode("utf-8"))
        yield f"Article {number}", text


def write_jsonl(path: Path, megabytes: float) -> None:
    with path.open("w", encoding="utf-8") as out:
        for title, text in articles(megabytes):
            out.write(json.dumps({"title": title, "text": text, "published": "2022-06-01"})
                      + "\n")


def write_warc(path: Path, megabytes: float) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for number, (title, text) in enumerate(articles(megabytes), 1):
            body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(f"https://example.org/{number}", "response",
                                               payload=BytesIO(html.encode("utf-8")),
                                               http_headers=headers)
            writer.write_record(record)


def child(path: str) -> None:
    """Read every document of the file; print documents, seconds and peak RSS (MB) as JSON."""
    size_mb = Path(path).stat().st_size / 1e6
    settings = load_settings().with_(max_file_mb=size_mb * 2 + 1, max_input_mb=size_mb * 2 + 1)
    started = time.perf_counter()
    documents = errors = 0
    for item in read_inputs([path], settings):
        if isinstance(item, Document):
            documents += 1
        else:
            errors += 1
    print(json.dumps({"documents": documents, "errors": errors,
                      "seconds": time.perf_counter() - started,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def ingest_child(path: str) -> None:
    """Ingest the file with the stages that need no model; print the documents stored and the
    peak RSS (MB) when the last batch was written and at the end, as JSON."""
    size_mb = Path(path).stat().st_size / 1e6
    db = Path(path).with_suffix(".duckdb")
    settings = load_settings().with_(db=str(db), max_file_mb=size_mb * 2 + 1,
                                     max_input_mb=size_mb * 2 + 1)
    batches_mb = [0.0]

    def on_batch(summary: RunSummary, last: str) -> None:
        batches_mb[0] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    started = time.perf_counter()
    with Store(db) as store:
        summary = ingest([path], store, settings, stages=MODEL_FREE, on_progress=on_batch)
    print(json.dumps({"stored": summary.stored, "near": summary.near_duplicates,
                      "seconds": time.perf_counter() - started, "batches_mb": batches_mb[0],
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run_ingests(args: argparse.Namespace, folder: Path) -> None:
    print(f"\n{'ingest':<12} {'MB':>6} {'stored':>9} {'near-dup':>8} {'MB/s':>6} "
          f"{'peak RSS MB at last batch':>25} {'ratio':>6} {'at end':>7} {'ratio':>6}")
    first: dict[str, float] = {}
    for megabytes in sorted(args.ingest_mb):
        path = folder / f"ingest-{megabytes:g}.jsonl"
        write_jsonl(path, megabytes)
        out = subprocess.run([sys.executable, __file__, "--ingest-child", str(path)],
                             capture_output=True, text=True, check=True).stdout
        got = json.loads(out.strip().splitlines()[-1])
        size = path.stat().st_size / 1e6
        for key in ("batches_mb", "peak_mb"):
            first.setdefault(key, got[key])
        print(f"{path.name:<12} {size:>6.0f} {got['stored']:>9} {got['near']:>8} "
              f"{size / got['seconds']:>6.2f} {got['batches_mb']:>25.0f} "
              f"{got['batches_mb'] / first['batches_mb']:>6.2f} {got['peak_mb']:>7.0f} "
              f"{got['peak_mb'] / first['peak_mb']:>6.2f}", flush=True)
        for file in folder.glob(path.stem + ".*"):
            file.unlink()


def run(args: argparse.Namespace, folder: Path) -> None:
    print(f"{'file':<12} {'MB':>6} {'documents':>9} {'errors':>6} {'MB/s':>6} {'peak RSS MB':>11} "
          f"{'ratio':>6}")
    for kind, write in (("jsonl", write_jsonl), ("warc", write_warc)):
        first = 0.0
        for megabytes in sorted(args.mb):
            path = folder / f"big-{megabytes:g}.{kind}"
            write(path, megabytes)
            out = subprocess.run([sys.executable, __file__, "--child", str(path)],
                                 capture_output=True, text=True, check=True).stdout
            got = json.loads(out.strip().splitlines()[-1])
            size = path.stat().st_size / 1e6
            first = first or got["peak_mb"]
            print(f"{path.name:<12} {size:>6.0f} {got['documents']:>9} {got['errors']:>6} "
                  f"{size / got['seconds']:>6.1f} {got['peak_mb']:>11.0f} "
                  f"{got['peak_mb'] / first:>6.2f}", flush=True)
            path.unlink()
    if args.ingest_mb:
        run_ingests(args, folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", nargs="+", type=float, default=[30, 300],
                        help="file sizes to write and read (MB of text)")
    parser.add_argument("--ingest-mb", nargs="*", type=float, default=[5, 25],
                        help="JSONL sizes to ingest with the model-free stages (MB of text; "
                        "none to skip)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--ingest-child", help=argparse.SUPPRESS)
    parser.add_argument("--keep", action="store_true", help="keep the folder")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    if args.ingest_child:
        ingest_child(args.ingest_child)
        return
    run_in_temp_folder("marea-streaming-bench-", args.keep, "nothing (files are deleted)",
                       lambda folder: run(args, folder))


if __name__ == "__main__":
    main()
