"""Cost of a small ingest into a growing store: 100 new documents into 1k, 10k and 50k.

    python benchmarks/incremental.py [--sizes 1000 10000 50000] [--new 100] [--keep]

The examples and seeds (../shared/corpus/seeds when present) are ingested once into a
template store; for each size a copy of it is grown by copying rows in bulk SQL
(`benchmarks/api.py`'s `copy_documents`: documents, sentences, mentions, events, opinion
rows, full-text postings, near-duplicate buckets, actor counts, sentence vectors and the
vector index, built with BUILD_EXPANSION, narrative memberships and pool added as an update
adds them) and indexed (stories), so the timed ingest's narratives step is an update (a
rebuild there stops the benchmark).
Then --new documents (seeds and examples recombined, `benchmarks/_corpus.py`; the same
texts for every size) are ingested with the full pipeline. Their NLP does not depend on the
store, so it runs once (for the first size) and later sizes replay its results (`Replay`);
each line gives the store-side time of the ingest (reading, writing, near-duplicate
look-ups, refresh) and the whole ingest time (NLP once + store side), then the parts that
could grow with the store: the near-duplicate look-ups, the actor counts each batch adds
(`Store.count_actors`) and each refresh step
(full-text index, narratives, stories, vector index). For the
before/after comparison it also times, on the same store after the ingest, the fts
extension's whole-index rebuild that every ingest ran before, and compares text search with
that fts index over a query set: top-10 overlap, queries whose top-10 scores are equal (to
1e-9), median query time. Last, the ratios of the largest size to the smallest (target for
the whole ingest: at most 1.3).

Measured (ops18, `--repeats 2`, load average 11-17 on 2 cores, seconds of wall clock): the
new documents' NLP took 112 s once; store side 1k 27.5 / 29.6, 10k 54.5 / 61.1 (narratives
5.2 / 4.3 -> 12.5 / 14.4, text index 1.0 -> 1.2-1.3, vectors 1.6 -> 1.8-2.4, stories 0.8 ->
0.9-1.4, dedup and actor counts 0.2-0.3 flat); whole ingest 10k/1k 1.19 / 1.22. The fts
extension's whole-index rebuild the ingest no longer runs: 8.3 s at 1k, 71.6 s at 10k. The
50k store was not reached (building the 10k one took 723 s at this load: narratives 407 s).
Of the store side's growth not in the refresh steps (~19 -> ~37 s), the writes' checkpoints
are the cause found: DuckDB's default row group holds 122,880 rows, so until a store has that
many documents every checkpoint rewrites the whole `documents` row group (text and raw bytes)
to append a batch: after 32 new documents a CHECKPOINT wrote 135 MB at 10k documents (3-8 s
at this load), and 26 MB into a copy attached with ROW_GROUP_SIZE 8192 (0.7-1.6 s). An
ingest checkpoints whenever its log passes 4MB (marea/store CHECKPOINT_WAL) and on close, so
this cost grew with the store up to 122,880 documents (~1.6 GB per checkpoint there). The
store is now attached with 8192-row row groups (marea/store ROW_GROUP_ROWS): into a copy of
the 10k store so attached, a checkpoint after 32 new documents wrote 0.1-3.5 MB (0.1-0.9 s).
Measured (ops19, code before its narratives change, load average 14-19 on 2 cores): NLP
145 s once; store side 1k 26.3, 10k 66.4 s (narratives 3.4 -> 18.5, text index 1.1 -> 1.3,
vectors 1.3 -> 2.6, stories 0.9 -> 1.3, dedup 0.1 -> 0.3, actor counts 0.1 -> 0.4); whole
ingest 10k/1k 1.23; the fts extension's rebuild 9.9 -> 122.5 s. Building the 10k store took
955 s (rows 323, vectors 224, stories 37, narratives 371); the 50k one, started at 16:52,
was not built by the end of the session (18:00). The narratives step grew because it
relabelled each narrative it touched from all its members, joined with every token, mention
and event; it now adds the new members to running counts (marea/opinion/narratives.py).
After it (`--sizes 1000 10000`, load 19-23): store side 1k 35.3, 10k 38.8 s (narratives 4.8
-> 10.3, text index 1.0 -> 0.9, vectors 2.6 -> 2.7, stories 1.2 -> 1.4); whole ingest 10k/1k
1.01, store side 1.10 (before: 2.53). One update alone, in a 3,000-document store built
this way with the last 100 documents' sentences put back in the inbox
(1,577 member rows, all 19 narratives
touched): 7.6 s before, 6.9 and 5.3 s after (cProfile of the 5.3: reading the new sentences
2.6 s, 1.9 of it the BOILERPLATE regex over 1,600 sentences; counting and labelling 1.4 s).
Measured (ops20, copies placed in narratives by api.copy_narratives instead of a full build,
two processes `--sizes 1000 10000` and `--sizes 1000 50000`, load 9-18 on 2 cores): NLP
74 s once; store side 1k 13.8 / 15.1, 10k 27.5, 50k 20.2 (narratives 1.1 / 1.6 -> 5.7 ->
6.1, stories 0.3 / 0.6 -> 0.9 -> 0.5, vectors 0.6 / 0.8 -> 1.2 -> 1.3, text index 0.5 ->
0.7 -> 0.5, actor counts 0.1 -> 0.3 -> 0.1, dedup 0.1 -> 0.2 -> 0.1); whole ingest 10k/1k
1.16, 50k/1k 1.06 (store side 1.33); the 50k ingest ran at a lower load (9-13) than the
10k one. Building the 10k store took 195 s (rows), 142 s (vectors), 21 s (narratives), 19
s (stories); the 50k one 1044, 660, 46 and 30 s (30 minutes in all). The narratives step's
growth is its running counts' joins with whole tables: adding 1,259 new members (98
documents) to the term counts scans all 7.0M token rows of the 10k store (1.2-2.3 s; with
the new documents' ids filtered first 0.7 s, still a scan), the actor counts all 0.76M
mentions (0.3 s).
Measured (narr21, before and after its narratives change run side by side, `--sizes 1000
10000`, load 12-18 on 2 cores): narratives 1k 3.31 -> 10k 7.71 s before (2.33x), 3.25 ->
3.80 s after (1.17x): the update reads the keys recorded with each batch (`narrative_keys`)
instead of every token, mention and event; store side 28.2 -> 36.5 s before, 30.3 -> 34.9 s
after; whole ingest 10k/1k 1.05 before, 1.03 after.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from marea import search
from marea.ingest import dedup
from marea.model import Document
from marea.opinion import narratives
from marea.pipeline import ingest
from marea.settings import Settings, load_settings
from marea.store import Store, fulltext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _corpus import SEEDS, run_in_temp_folder, write_corpus  # noqa: E402
from api import PHRASES, WORDS, copy_documents  # noqa: E402

# The vector index's search width while the copies are added (the index's own is 128): the
# ingest measured here adds a segment of its own and never searches the main file, whose size
# does not depend on the width; 16 builds it ~10x faster (30k vectors: 15 s -> 1.3 s here).
BUILD_EXPANSION = 16
QUERIES = (*PHRASES, *WORDS, "Castillo Congress", "Lula Bolsonaro", "sanciones Venezuela",
           "OAS election observation", "golpe de estado")


def timed(figures: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """fn, adding its run time to figures[name] on every call."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            figures[name] = figures.get(name, 0.0) + time.perf_counter() - started
    return wrapper


class Replay:
    """An executor that runs the stages once per batch of inputs and replays their results on
    later runs over the same inputs (the NLP does not depend on the store)."""

    def __init__(self) -> None:
        self.done: dict[tuple[tuple[str, str], ...], list[Document]] = {}
        self.seconds = 0.0  # spent running stages

    def map(self, fn: Callable[[list[Document]], list[Document]],
            batches: Iterable[list[Document]]) -> Iterator[list[Document]]:
        for batch in batches:
            key = tuple((d.source, d.locator) for d in batch)
            if key not in self.done:
                started = time.perf_counter()
                self.done[key] = fn(batch)
                self.seconds += time.perf_counter() - started
            yield copy.deepcopy(self.done[key])  # the writer sets fields (duplicate_of)


def template(folder: Path, settings: Settings) -> Path:
    """Ingest the examples and seeds once; return the store file."""
    db = folder / "template.duckdb"
    root = Path(str(resources.files("marea").joinpath("examples")))
    paths = [str(root / name) for name in ("html", "text", "feeds")]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    with Store(db) as store:
        summary = ingest(paths, store, settings, command="benchmark base")
        assert not summary.failed, summary.failed
    return db


def build(db: Path, size: int) -> dict[str, float]:
    """Grow the store to `size` documents; return the build's times."""
    with Store(db) as store:
        built = copy_documents(store, size, expansion=BUILD_EXPANSION)
    return {f"build_{part}": built[f"{part}_s"]
            for part in ("copy", "vectors", "index", "narratives")}


def measure(db: Path, new: Path, settings: Settings, replay: Replay, compare: bool
            ) -> dict[str, float]:
    """Ingest the new documents; return the timings (and, with `compare`, the fts
    extension's rebuild time and the ranking comparison)."""
    figures: dict[str, float] = {}
    patches = {name: timed(figures, name, step) for name, step in search.REFRESH_STEPS.items()}
    original_steps = dict(search.REFRESH_STEPS)
    original_look_up = dedup.NearDuplicateIndex.look_up
    original_count = Store.count_actors
    original_rebuild = narratives.rebuild
    search.REFRESH_STEPS.update(patches)
    narratives.rebuild = timed(figures, "narratives_rebuild", original_rebuild)
    Store.count_actors = timed(figures, "actor_stats", original_count)  # type: ignore[method-assign]
    dedup.NearDuplicateIndex.look_up = timed(  # type: ignore[method-assign]
        figures, "near_duplicates", original_look_up)
    try:
        with Store(db) as store:
            started, nlp = time.perf_counter(), replay.seconds
            summary = ingest([str(new)], store, settings, executor=replay,
                             command="benchmark new")
            figures["store_s"] = time.perf_counter() - started - (replay.seconds - nlp)
            figures["ingest_s"] = replay.seconds + figures["store_s"]
            figures["stored"] = summary.stored
            figures["documents"] = store.query("SELECT count(*) FROM documents")[0][0]
            assert "narratives_rebuild" not in figures, "the narratives were rebuilt"
            if not compare:
                return figures
            started = time.perf_counter()
            fulltext.load_stemmer(store)
            store.con.execute(
                "PRAGMA create_fts_index('documents', 'doc_id', 'title', 'text', "
                "stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, "
                "overwrite = 1)")
            figures["fts_rebuild_s"] = time.perf_counter() - started
            figures.update(compare_rankings(store))
            store.con.execute("PRAGMA drop_fts_index('documents')")
    finally:
        search.REFRESH_STEPS.update(original_steps)
        dedup.NearDuplicateIndex.look_up = original_look_up  # type: ignore[method-assign]
        Store.count_actors = original_count  # type: ignore[method-assign]
        narratives.rebuild = original_rebuild
    return figures


def compare_rankings(store: Store) -> dict[str, float]:
    """Top-10 overlap of our text search with the fts extension's index over the same store,
    and the median query time of each, over QUERIES."""
    overlaps, same_scores, ours_s, theirs_s = [], 0, [], []
    for query in QUERIES:
        started = time.perf_counter()
        theirs = store.con.execute(
            "SELECT doc_id, score FROM (SELECT doc_id, fts_main_documents.match_bm25(doc_id, ?) "
            "AS score FROM documents) WHERE score IS NOT NULL "
            "ORDER BY round(score, 9) DESC, doc_id LIMIT 10", [query]).fetchall()
        theirs_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        ours = [(h["doc_id"], h["score"]) for h in search.search(
            store, query, search.Filters(duplicates=True), limit=10, mode="text")]
        ours_s.append(time.perf_counter() - started)
        overlaps.append(len({d for d, _ in ours} & {d for d, _ in theirs}) / len(theirs)
                        if theirs else float(not ours))  # no hits either way agrees
        same_scores += [round(s, 9) for _, s in ours] == [round(s, 9) for _, s in theirs]
    return {"overlap": statistics.mean(overlaps), "same_scores": same_scores,
            "query_ms": 1000 * statistics.median(ours_s),
            "fts_query_ms": 1000 * statistics.median(theirs_s)}


COLUMNS = (("ingest_s", "ingest"), ("store_s", "store side"), ("near_duplicates", "dedup"),
           ("search_index", "text idx"), ("actor_stats", "actors"),
           ("narratives", "narratives"), ("stories", "stories"), ("vector_index", "vectors"),
           ("fts_rebuild_s", "old: fts"))


def run(args: argparse.Namespace, folder: Path) -> None:
    settings = load_settings().with_(db=str(folder / "unused.duckdb"))
    started = time.perf_counter()
    base = template(folder, settings)
    print(f"template store: {time.perf_counter() - started:.0f} s", flush=True)
    new = folder / "new"
    write_corpus(new, args.new, settings, seed=11)
    results: dict[int, list[dict[str, float]]] = {}
    replay = Replay()
    print(f"\n{'store':>7} {'stored':>6} " + " ".join(f"{label:>10}" for _, label in COLUMNS)
          + "   (seconds)")
    for size in args.sizes:
        db = folder / f"store-{size}.duckdb"
        shutil.copy(base, db)
        built = build(db, size)
        results[size] = []
        for repeat in range(args.repeats):  # each into a fresh copy of the grown store
            work = folder / f"work-{size}.duckdb"
            for file in folder.glob(db.name + "*"):  # the store and its vector index
                shutil.copy(file, str(work) + file.name[len(db.name):])
            f = measure(work, new, settings, replay, compare=repeat == 0)
            results[size].append(f)
            print(f"{f['documents'] - f['stored']:>7.0f} {f['stored']:>6.0f} "
                  + " ".join(f"{f.get(key, 0.0):>10.2f}" for key, _ in COLUMNS), flush=True)
            for file in folder.glob(work.name + "*"):  # with its segments
                file.unlink()
        f = results[size][0]
        print(f"        text search over {len(QUERIES)} queries: top-10 overlap with the "
              f"fts extension's full index {f['overlap']:.3f}, top-10 scores equal on "
              f"{f['same_scores']:.0f}, median query {f['query_ms']:.0f}"
              f" ms (fts extension {f['fts_query_ms']:.0f} ms)\n        store built in "
              f"{built['build_copy']:.0f} s (rows), {built['build_vectors']:.0f} s (vectors), "
              f"{built['build_index']:.0f} s (stories), {built['build_narratives']:.0f} s "
              "(narratives)", flush=True)
        for file in folder.glob(db.name + "*"):
            file.unlink()
    for repeat in range(args.repeats):
        small, large = results[min(results)][repeat], results[max(results)][repeat]
        print(f"\nratio {max(results)}/{min(results)} (run {repeat + 1}): " + ", ".join(
            f"{label} {large.get(key, 0.0) / max(small.get(key, 0.0), 1e-9):.2f}"
            for key, label in COLUMNS[:-1]) + " (target for the whole ingest: <= 1.3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10_000, 50_000])
    parser.add_argument("--new", type=int, default=100, help="documents in the new ingest")
    parser.add_argument("--repeats", type=int, default=1, help="ingests per size, each into "
                        "a fresh copy of the same grown store (the fts comparison runs on the "
                        "first)")
    parser.add_argument("--keep", action="store_true", help="keep the template and new "
                        "documents")
    args = parser.parse_args()
    args.sizes = sorted(args.sizes)
    run_in_temp_folder("marea-incremental-bench-", args.keep, "template and new documents",
                       lambda folder: run(args, folder))


if __name__ == "__main__":
    main()
