"""The sentence-vector index against the exhaustive scan: recall@10, build and query time.

    python benchmarks/vectors.py [--size 200000] [--vss 20000]

Pool and queries are those of benchmarks/retrieval.py (hand-written restatements of one
target sentence each, English and Spanish; even positions dev, odd held-out), encoded with the
default encoder. The pool is padded to --size vectors with distractors: pool vectors plus
Gaussian noise (norm 0.5 before normalising), so the index is searched at a realistic size
and has to tell near copies apart. For each method: recall@10 of the target (a relevant
sentence among the ten nearest) per half, agreement with the exhaustive top ten, build time
(seconds per 1,000 vectors) and query p50. Methods: the exhaustive scan (numpy), marea's index
(usearch HNSW, int8, marea.vectors settings; searched for k neighbours with expansion ef,
the first ten kept; "(marea)" marks how marea searches it) and, on the first --vss vectors
only (it is slow to build), DuckDB's vss extension (HNSW, float32) beside the exhaustive scan
on the same subset.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pool import build_pool  # noqa: E402
from retrieval import QUERIES, relevant  # noqa: E402

from marea import vectors  # noqa: E402
from marea.nlp.encoder import DEFAULT, DIMENSIONS, load_encoder  # noqa: E402


def padded(pool: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    """The pool followed by noisy copies of its vectors up to `size` rows, all normalised."""
    extra = max(0, size - len(pool))
    copies = pool[rng.integers(0, len(pool), extra)]
    noise = rng.normal(size=copies.shape).astype(np.float32)
    noise *= 0.5 / np.linalg.norm(noise, axis=1, keepdims=True)
    every = np.vstack([pool, copies + noise]).astype(np.float32)
    return every / np.linalg.norm(every, axis=1, keepdims=True)


def report(name: str, found: list[list[int]], exact: list[list[int]],
           targets: list[set[int]], seconds: list[float], build: float, size: int) -> None:
    halves = {"dev": range(0, len(targets), 2), "held-out": range(1, len(targets), 2)}
    recall = {half: np.mean([bool(set(found[i]) & targets[i]) for i in rows])
              for half, rows in halves.items()}
    agree = np.mean([len(set(f) & set(e)) / 10 for f, e in zip(found, exact, strict=True)])
    print(f"{name:<30} {size:>8} {recall['dev']:>8.3f} {recall['held-out']:>9.3f} "
          f"{agree:>8.3f} {1000 * build / size:>10.2f} "
          f"{1000 * statistics.median(seconds):>8.2f}", flush=True)


def exhaustive(data: np.ndarray, queries: np.ndarray) -> tuple[list[list[int]], list[float]]:
    found, seconds = [], []
    for query in queries:
        began = time.perf_counter()
        found.append(np.argsort(-(data @ query))[:10].tolist())
        seconds.append(time.perf_counter() - began)
    return found, seconds


def usearch_index(data: np.ndarray, queries: np.ndarray
                  ) -> list[tuple[str, list[list[int]], list[float], float]]:
    """Build marea's index over `data`; search it as marea does (OVERFETCH neighbours per
    result asked, expansion EXPANSION_SEARCH) and with a few other expansions."""
    index = vectors.new_index()
    began = time.perf_counter()
    index.add(np.arange(len(data), dtype=np.uint64), data)
    build = time.perf_counter() - began
    runs = []
    for expansion in sorted({64, vectors.EXPANSION_SEARCH, 512}):
        index.expansion_search = expansion
        for count in (10, vectors.OVERFETCH * 10):
            found, seconds = [], []
            for query in queries:
                began = time.perf_counter()
                hits = index.search(query, count)
                seconds.append(time.perf_counter() - began)
                found.append([int(k) for k in hits.keys[:10]])
            marea = " (marea)" if (expansion, count) == (
                vectors.EXPANSION_SEARCH, vectors.OVERFETCH * 10) else ""
            runs.append((f"usearch ef={expansion} k={count}{marea}", found, seconds, build))
    return runs


def vss_index(data: np.ndarray, queries: np.ndarray, folder: str
              ) -> tuple[list[list[int]], list[float], float]:
    import duckdb
    import duckdb_extension_vss
    import pyarrow as pa

    con = duckdb.connect(os.path.join(folder, "vss.duckdb"))
    version = con.execute("SELECT version()").fetchone()[0]  # type: ignore[index]
    con.execute("LOAD '" + os.path.join(os.path.dirname(duckdb_extension_vss.__file__),
                                        "extensions", version, "vss.duckdb_extension") + "'")
    con.execute("SET hnsw_enable_experimental_persistence = true")
    column = pa.FixedSizeListArray.from_arrays(pa.array(data.reshape(-1)), DIMENSIONS)
    con.register("rows", pa.table({"id": np.arange(len(data)), "vector": column}))
    con.execute(f"CREATE TABLE v AS SELECT id, vector::FLOAT[{DIMENSIONS}] AS vector "
                "FROM rows")
    began = time.perf_counter()
    con.execute("CREATE INDEX v_hnsw ON v USING HNSW (vector) WITH (metric = 'cosine')")
    con.execute("CHECKPOINT")
    build = time.perf_counter() - began
    found, seconds = [], []
    for query in queries:
        began = time.perf_counter()
        rows = con.execute(f"SELECT id FROM v ORDER BY array_cosine_distance(vector, "
                           f"?::FLOAT[{DIMENSIONS}]) LIMIT 10", [query.tolist()]).fetchall()
        seconds.append(time.perf_counter() - began)
        found.append([int(r[0]) for r in rows])
    con.close()
    return found, seconds, build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=200_000, help="vectors in the index")
    parser.add_argument("--vss", type=int, default=20_000, help="vectors for DuckDB vss "
                        "(0: leave it out)")
    args = parser.parse_args()
    pool, notes = build_pool()
    for note in notes:
        print(note)
    sentences = [s for lang in ("en", "es") for s in pool[lang]]
    asked = [(key, query) for lang in ("en", "es") for key, query in QUERIES[lang]]
    targets = [relevant(sentences, key) for key, _ in asked]
    asked = [a for a, t in zip(asked, targets, strict=True) if t]
    targets = [t for t in targets if t]
    encoder = load_encoder(DEFAULT)
    data = padded(encoder.encode(sentences), args.size, np.random.default_rng(7))
    queries = encoder.encode([query for _, query in asked])
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    print(f"pool {len(sentences)} sentences padded to {len(data)}; {len(asked)} queries")
    print(f"{'method':<30} {'vectors':>8} {'R@10 dev':>8} {'R@10 held':>9} {'=exact':>8} "
          f"{'build s/1k':>10} {'query ms':>8}")
    exact, seconds = exhaustive(data, queries)
    report("exhaustive scan (numpy)", exact, exact, targets, seconds, 0.0, len(data))
    for name, found, seconds, build in usearch_index(data, queries):
        report(name, found, exact, targets, seconds, build, len(data))
    if args.vss:
        subset = data[:args.vss]
        inside = [{i for i in t if i < args.vss} for t in targets]
        exact, seconds = exhaustive(subset, queries)
        report("exhaustive scan (subset)", exact, exact, inside, seconds, 0.0, len(subset))
        for name, found, seconds, build in usearch_index(subset, queries):
            if "marea" in name:
                report(name, found, exact, inside, seconds, build, len(subset))
        with tempfile.TemporaryDirectory(prefix="marea-vss-") as folder:
            found, seconds, build = vss_index(subset, queries, folder)
        report("DuckDB vss HNSW f32 (subset)", found, exact, inside, seconds, build,
               len(subset))


if __name__ == "__main__":
    main()
