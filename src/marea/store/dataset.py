"""A Parquet dataset (`marea ingest --parquet DIR`) opened as a read-only store, so a corpus
computed on many machines is browsed without merging it: an in-memory DuckDB whose tables
are views over the complete partitions' Parquet files.

What `marea merge` works out over the whole corpus is worked out here at open time when it
costs one pass over a few columns: which copy of a document read in two partitions counts
(the partition written first, as merge keeps it), near-duplicates (merge's LSH, in memory),
the stances' and claims' page columns, each document's sentence spans (event pages read
their evidence through them), each document's own tone, each actor's events and the
per-actor counts. The full-text and vector indexes, stories and narratives are not: what
needs them is refused in one line naming `marea merge` (Store.require_merged).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pyarrow as pa

from marea.errors import StoreError
from marea.store.schema import ACTOR_EVENTS, DOCUMENT_TONE, SENTENCE_SPANS

if TYPE_CHECKING:
    from marea.settings import Settings
    from marea.store import Store

# Columns a partition does not hold, computed as merge fills them (`p`: the partition's row).
DERIVED = {
    "claims": {"kind_list": "string_split(p.kinds, ',')"},
    "stances": {"cue_kind": "x.kind", "cue": "x.cue", "cue_weight": "x.weight",
                "cue_start": "x.start_char", "cue_end": "x.end_char",
                "evidence_start": "x.sentence_start", "evidence_end": "x.sentence_end"},
}
# The strongest cue of each stance and its sentence's span (schema.STANCE_EVIDENCE).
STANCE_CUE = ("LEFT JOIN (SELECT c.doc_id, c.actor_id, c.kind, c.cue, c.weight, c.start_char, "
              "c.end_char, t.start_char AS sentence_start, t.end_char AS sentence_end "
              "FROM stance_cues c LEFT JOIN sentences t ON t.doc_id = c.doc_id "
              "AND t.idx = c.sentence WHERE c.idx = 0) x "
              "ON x.doc_id = p.doc_id AND x.actor_id = p.actor_id")
MATERIALISED = ("stances",)  # small, and read by pages that should not join per request


def is_dataset(path: str | Path) -> bool:
    """Whether `path` names a folder (a Parquet dataset, not a store file)."""
    return Path(path).is_dir()


def read_only_error(path: str) -> StoreError:
    """The one line refusing a write into a dataset."""
    return StoreError(f"[E175] {path} is a Parquet dataset (`marea ingest --parquet`), "
                      "read-only: ingest into a store file, or load the dataset into one with "
                      f"`marea merge {path} --db FILE`.")


def attach(store: Store, settings: Settings) -> None:
    """Turn the store's empty in-memory schema into the dataset at store.path, linking
    near-duplicates with the [dedup] settings given."""
    folder = Path(store.path)
    if not (folder / "inputs").is_dir():
        raise StoreError(f"[E176] {folder} is a folder but not a Parquet dataset (no inputs/ "
                         "folder): give a store file, or a folder `marea ingest --parquet` "
                         "wrote.")
    con = store.con
    # a partition is complete once its inputs file exists; merge reads them in this order
    markers = sorted((folder / "inputs").glob("*.parquet"),
                     key=lambda f: (f.stat().st_mtime_ns, f.name))
    _create(con, "_parts", pa.table({"part": pa.array([m.stem for m in markers], pa.string()),
                                     "seq": pa.array(range(len(markers)), pa.int32())}))
    files = {table: _files(folder, table, [m.stem for m in markers]) for table in _tables()}
    if not files["documents"]:
        return  # no document yet: the empty tables stand
    con.execute(f"CREATE TABLE _owners AS SELECT doc_id, arg_min(s.part, s.seq) AS part, "
                f"count(*) AS copies FROM {_read(files['documents'])} p "
                "JOIN _parts s ON s.part = parse_filename(p.filename, true) GROUP BY doc_id")
    (copied,), = con.execute("SELECT count(*) FROM _owners WHERE copies > 1").fetchall()
    shared = bool(copied)
    near = _near_duplicates(store, settings, files["documents"], shared)
    for table in ("stance_cues", "sentences", *sorted(set(files) - {"stance_cues",
                                                                    "sentences"})):
        if table == "actors" or not files[table]:
            continue
        _replace(con, table, _select(con, table, files[table], shared, near))
    if files["actors"]:  # an actor named in several partitions: the last written describes
        # it, with the last country a partition stated (Store.ACTOR_UPSERT, as merge keeps it)
        columns = ", ".join(c if c not in ("country", "cameo") else
                            f"coalesce({c}, last_{c}) AS {c}" for c in _columns(con, "actors"))
        con.execute(f"INSERT INTO actors SELECT {columns} FROM (SELECT *, row_number() OVER "
                    "(PARTITION BY actor_id ORDER BY s.seq DESC) AS latest, "
                    "last_value(country IGNORE NULLS) OVER (PARTITION BY actor_id ORDER BY s.seq "
                    "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_country, "
                    "last_value(cameo IGNORE NULLS) OVER (PARTITION BY actor_id ORDER BY s.seq "
                    "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last_cameo FROM "
                    f"{_read(files['actors'])} p JOIN _parts s ON s.part = "
                    "parse_filename(p.filename, true)) WHERE latest = 1")
    con.execute("INSERT INTO actor_stats SELECT actor_id, count(*), count(DISTINCT doc_id) "
                "FROM mentions WHERE actor_id IS NOT NULL GROUP BY actor_id")
    con.execute(SENTENCE_SPANS.format(docs="TRUE"))
    con.execute(DOCUMENT_TONE.format(docs="TRUE"))
    con.execute(ACTOR_EVENTS.format(docs="TRUE"))


def _tables() -> list[str]:
    """The tables a partition holds (every table with a folder of its own is one)."""
    from marea.store import analysis_tables

    return ["documents", *analysis_tables([]), "actors", "errors", "inputs"]


def _files(folder: Path, table: str, parts: list[str]) -> list[str]:
    return [str(f) for f in (folder / table / f"{part}.parquet" for part in parts)
            if f.is_file()]


def _read(files: list[str], rows: bool = False) -> str:
    """read_parquet over these files, each row with the file it came from (and with `rows`,
    its row number in the file)."""
    quoted = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    numbered = ", file_row_number = true" if rows else ""
    return f"read_parquet([{quoted}], filename = true, union_by_name = true{numbered})"


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """The store's columns of a table, in order, with their types."""
    return dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_name = ? ORDER BY ordinal_position", [table]
                            ).fetchall())


def _select(con: duckdb.DuckDBPyConnection, table: str, files: list[str], shared: bool,
            near: bool) -> str:
    """The query giving a table's rows as a merged store holds them."""
    have = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {_read(files)}").fetchall()}
    derived = dict(DERIVED.get(table, {}))
    joins = [STANCE_CUE] if table == "stances" else []
    keyed = "doc_id" in have
    if keyed and shared:  # a document read in two partitions counts once, in the first
        joins.append("JOIN _owners o ON o.doc_id = p.doc_id")
        if table == "inputs":
            derived["outcome"] = ("CASE WHEN o.part = parse_filename(p.filename, true) "
                                  "THEN 'stored' ELSE 'duplicate' END")
        else:
            joins[-1] += " AND o.part = parse_filename(p.filename, true)"
    if table == "documents" and near:
        joins.append("LEFT JOIN _near n ON n.doc_id = p.doc_id")
        derived["duplicate_of"] = "n.duplicate_of"
    exprs = [f"{derived[name]} AS {name}" if name in derived
             else f"p.{name}::{kind} AS {name}" if name in have else f"NULL::{kind} AS {name}"
             for name, kind in _columns(con, table).items()]
    return f"SELECT {', '.join(exprs)} FROM {_read(files)} p {' '.join(joins)}"


def _replace(con: duckdb.DuckDBPyConnection, table: str, query: str) -> None:
    """Put the dataset's rows in place of the empty table: a view, or a table for the small
    ones pages read often."""
    if table in MATERIALISED:
        con.execute(f"INSERT INTO {table} {query}")
    else:
        con.execute(f"DROP TABLE {table}")
        con.execute(f"CREATE VIEW {table} AS {query}")


def _near_duplicates(store: Store, settings: Settings, files: list[str], shared: bool) -> bool:
    """Link near-duplicates as merge does (the same LSH, partitions in the order written);
    return whether any was found (table `_near`)."""
    from marea.ingest.dedup import NearDuplicateIndex

    con = store.con
    index = NearDuplicateIndex(settings, store)  # the empty in-memory buckets
    owned = ("JOIN _owners o ON o.doc_id = p.doc_id AND o.part = s.part " if shared else "")
    found: list[tuple[str, str]] = []
    with con.cursor() as cursor:
        cursor.execute(f"SELECT p.doc_id, p.fingerprint FROM {_read(files, True)} p "
                       f"JOIN _parts s ON s.part = parse_filename(p.filename, true) {owned}"
                       "WHERE p.fingerprint IS NOT NULL ORDER BY s.seq, p.file_row_number")
        while rows := cursor.fetchmany(10_000):
            for doc_id, signature in rows:
                original = index.match(bytes(signature))
                if original is None:
                    index.add(doc_id, bytes(signature))
                else:
                    found.append((doc_id, original))
            index.pending.clear()  # kept in `index.found` alone: nothing is written
    _create(con, "_near", pa.table({"doc_id": pa.array([f[0] for f in found], pa.string()),
                                    "duplicate_of": pa.array([f[1] for f in found],
                                                             pa.string())}))
    return bool(found)


def _create(con: duckdb.DuckDBPyConnection, name: str, rows: pa.Table) -> None:
    """A table of these rows in the in-memory database."""
    con.register("_rows", rows)
    try:
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM _rows")
    finally:
        con.unregister("_rows")
