"""Check that a change leaves every table's rows as they were.

    python benchmarks/same_rows.py build DB [--size 100]
    python benchmarks/same_rows.py compare OLD.duckdb NEW.duckdb

`build` ingests the bundled examples and the ingest benchmark's `--size` real articles
(`benchmarks/_corpus.py`, one worker) into a fresh store DB with the code on PYTHONPATH,
both copied first to one folder under the temporary directory (documents record their
paths); run it once with the tree before a change and once after, one at a time.
`compare` then sets every table of the two stores side by side as multisets of rows,
leaving out the columns that record when something ran (TIMESTAMP columns and when a page
was fetched), and prints each table that differs with a few rows found on one side only; it
exits 1 when any does.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import write_news_corpus  # noqa: E402

from marea.pipeline import ingest  # noqa: E402
from marea.settings import load_settings  # noqa: E402
from marea.store import Store  # noqa: E402

CLOCKS = {("fetch_state", "fetched_at")}  # when a page was fetched, kept as text
SHOWN = 5  # rows shown per side of a table that differs


def build(db: Path, size: int) -> None:
    """Ingest the bundled examples, then `size` benchmark articles, into a fresh `db`."""
    db.unlink(missing_ok=True)
    settings = load_settings().with_(db=str(db))
    # one folder for both stores, whichever tree runs: documents record their paths
    folder = Path(tempfile.gettempdir()) / "marea-same-rows"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(Path(str(resources.files("marea").joinpath("examples"))), folder / "examples")
    write_news_corpus(folder / "articles", size, settings)
    with Store(settings.db) as store:
        for path in (folder / "examples", folder / "articles"):
            summary = ingest([str(path)], store, settings)
            assert not summary.failed, summary.failed


def table_rows(con: duckdb.DuckDBPyConnection, table: str) -> Counter[tuple[object, ...]]:
    """The table's rows without its clock columns, as a multiset; a float to 12 digits (the
    language detector's confidence differs in its 16th from one run to the next)."""
    columns = [name for name, kind in con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position", [table]).fetchall()
        if "TIMESTAMP" not in kind and (table, name) not in CLOCKS]
    listed = ", ".join(f'"{c}"' for c in columns)
    return Counter(tuple(f"{v:.12g}" if isinstance(v, float) else repr(v) for v in row)
                   for row in con.execute(f'SELECT {listed} FROM "{table}"').fetchall())


def compare(old: Path, new: Path) -> int:
    """Print the tables whose rows differ; return how many do."""
    cons = [duckdb.connect(str(p), read_only=True) for p in (old, new)]
    tables = [{t for (t,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
    ).fetchall()} for con in cons]
    differing = 0
    for table in sorted(tables[0] | tables[1]):
        if table not in tables[0] or table not in tables[1]:
            print(f"{table}: only in {'new' if table in tables[1] else 'old'}")
            differing += 1
            continue
        before, after = (table_rows(con, table) for con in cons)
        if before == after:
            print(f"{table}: {sum(before.values())} rows, identical")
            continue
        differing += 1
        print(f"{table}: {sum(before.values())} -> {sum(after.values())} rows, DIFFERENT")
        for side, only in (("old", before - after), ("new", after - before)):
            for row in list(only)[:SHOWN]:
                print(f"  {side} only: {row}"[:400])
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build")
    building.add_argument("db", type=Path)
    building.add_argument("--size", type=int, default=100)
    comparing = commands.add_parser("compare")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args()
    if args.command == "build":
        build(args.db, args.size)
    else:
        sys.exit(1 if compare(args.old, args.new) else 0)


if __name__ == "__main__":
    main()
