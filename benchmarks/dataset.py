"""Reading a Parquet dataset without merging it: open time and listing latency, as a ratio to
the same listings on a store holding the same rows, measured in the same run.

    python benchmarks/dataset.py [--sizes 2000 10000] [--part-docs 500] [--repeat 20] [--keep]
                                 [--template FILE]

The examples (and ../shared/corpus/seeds when present) are ingested once; for each size, a
copy of the store is grown by copying rows as `benchmarks/api.py` does (no index built: the
listings timed here read none), then written as the partitions `ingest --parquet` writes,
--part-docs documents each: every table's rows of those documents, without the columns a
merge fills (near-duplicate links, the stances' and claims' page columns). Opening the folder
(`Store(DIR, read_only=True)`) works out duplicates, near-duplicates (a copy keeps its
original's signature, so every copy is one here), actor counts and stances' page columns;
its time is printed per 1,000 documents. Then each listing runs --repeat times on the store
and on the dataset: median ms of each and the ratio dataset / store.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from marea.corpus import Corpus
from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store, analysis_tables

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import SEEDS, run_in_temp_folder  # noqa: E402
from api import COPIES, PLAN, SHIFT_MACROS  # noqa: E402

# What a partition leaves to merge (marea.store.dataset.DERIVED and the near-duplicate link).
MERGE_COLUMNS = {"stances": ("cue_kind", "cue", "cue_weight", "cue_start", "cue_end",
                             "evidence_start", "evidence_end"),
                 "claims": ("kind_list",)}
LISTINGS: dict[str, Callable[[Corpus], Any]] = {
    "documents": lambda c: c.documents(limit=50),
    "documents offset 1000": lambda c: c.documents(limit=50, offset=1000),
    "documents language=es": lambda c: c.documents(language="es", limit=50),
    "actors": lambda c: c.actors(limit=50),
    "events": lambda c: c.events(limit=50),
    "events actor=USA": lambda c: c.events("USA", limit=50),
    "claims": lambda c: c.claims(limit=50),
    "stances USA": lambda c: c.stances("USA", limit=50),
    "attention USA": lambda c: c.attention("USA"),
    "themes": lambda c: c.themes(),
}


def template(folder: Path) -> Path:
    """Ingest the examples and seeds once; return the store file."""
    db = folder / "template.duckdb"
    root = Path(str(resources.files("marea").joinpath("examples")))
    paths = [str(root / name) for name in ("html", "text", "feeds")]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    with Store(db) as store:
        summary = ingest(paths, store, load_settings().with_(db=str(db)),
                         command="benchmark base")
        assert not summary.failed, summary.failed
    return db


def grow(store: Store, docs: int) -> None:
    """Copy the stored documents' rows until there are `docs` documents (no index built)."""
    (base,), = store.query("SELECT count(*) FROM documents")
    con = store.con
    con.execute(SHIFT_MACROS)
    con.execute("BEGIN")
    con.execute(PLAN, [-(-max(0, docs - base) // base), max(0, docs - base)])
    for number, sql in enumerate(COPIES):
        con.execute(sql, [0] if number == 0 else [])
    con.execute("DROP TABLE plan")
    con.execute("COMMIT")


def write_dataset(store: Store, folder: Path, part_docs: int) -> int:
    """Write the store's rows as partitions of `part_docs` documents; return how many."""
    con = store.con
    con.execute("CREATE TEMP TABLE chunk AS SELECT doc_id, (row_number() OVER (ORDER BY doc_id)"
                f" - 1) // {part_docs} AS part FROM documents")
    (parts,), = store.query("SELECT max(part) + 1 FROM chunk")
    tables = ["documents", *analysis_tables([]), "actors", "errors", "inputs"]  # inputs last
    for table in tables:
        (folder / table).mkdir(parents=True)
    for part in range(parts):
        for table in tables:
            out = str(folder / table / f"p{part:05d}.parquet").replace("'", "''")
            drop = ", ".join(MERGE_COLUMNS.get(table, ()))
            rows = f"SELECT * EXCLUDE ({drop}) FROM {table}" if drop else f"SELECT * FROM {table}"
            if table == "documents":
                rows = "SELECT * REPLACE (NULL::VARCHAR AS duplicate_of) FROM documents"
            if table in ("actors", "errors"):  # every actor with the first partition
                where = "TRUE" if part == 0 and table == "actors" else "FALSE"
            else:
                where = f"doc_id IN (SELECT doc_id FROM chunk WHERE part = {part})"
            con.execute(f"COPY ({rows} WHERE {where}) TO '{out}' (FORMAT parquet)")
    con.execute("DROP TABLE chunk")
    return int(parts)


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm-up, unrecorded
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


def run(args: argparse.Namespace, folder: Path) -> None:
    started = time.perf_counter()
    base = Path(args.template) if args.template else template(folder)
    print(f"template store: {time.perf_counter() - started:.0f} s", flush=True)
    for size in args.sizes:
        db, parts = folder / f"store-{size}.duckdb", folder / f"parts-{size}"
        shutil.copy(base, db)
        with Store(db) as store:
            grow(store, size)
            count = write_dataset(store, parts, args.part_docs)
        started = time.perf_counter()
        dataset = Store(parts, read_only=True)
        opened = time.perf_counter() - started
        (docs,), = dataset.query("SELECT count(*) FROM documents")
        print(f"\n{docs} documents in {count} partitions: opened in {opened:.2f} s "
              f"({opened / docs * 1000:.2f} s per 1,000 documents)")
        print(f"{'listing':<24} {'store ms':>9} {'dataset ms':>11} {'ratio':>6}")
        with Corpus(Store(db, read_only=True)) as merged, Corpus(dataset) as parted:
            for name, listing in LISTINGS.items():
                on_store = median_ms(lambda: listing(merged), args.repeat)  # noqa: B023
                on_dataset = median_ms(lambda: listing(parted), args.repeat)  # noqa: B023
                print(f"{name:<24} {on_store:>9.1f} {on_dataset:>11.1f} "
                      f"{on_dataset / on_store:>6.1f}", flush=True)
        db.unlink()
        shutil.rmtree(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[2000, 10_000])
    parser.add_argument("--part-docs", type=int, default=500,
                        help="documents per partition")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each listing")
    parser.add_argument("--keep", action="store_true", help="keep the template store")
    parser.add_argument("--template", help="a template store kept by an earlier run")
    args = parser.parse_args()
    run_in_temp_folder("marea-dataset-bench-", args.keep, "template store",
                       lambda folder: run(args, folder))


if __name__ == "__main__":
    main()
