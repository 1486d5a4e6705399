"""`marea reanalyse`: re-run chosen stages over stored documents, in place.

A store made by an older marea (or before a stage improved) gets the new analyses without
re-ingesting: each document is rebuilt from its stored clean text and analyses (to clean
again, from its stored raw bytes: a document whose clean text changes gets its new id, and
its inputs and near-duplicate copies follow it), the chosen stages run again with every stage
that reads what they write (nothing is left computed from stale input), and the rows those
stages own are replaced, one transaction per batch. Done documents are recorded in
`reanalysed` under the run's task (its stage list), so a killed reanalyse of the same stages
continues where it stopped; the corpus-wide refresh (search index, actor counts, narratives)
runs at the end.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from functools import partial
from typing import Any

import numpy as np

from marea.ingest.dedup import NearDuplicateIndex
from marea.model import ActorRecord, Document, SourceError, StanceCue
from marea.nlp.encoder import DEFAULT, DISABLED
from marea.opinion.narratives import record_waiting_keys
from marea.pipeline import (
    DEFAULT_PIPELINE,
    Executor,
    LocalExecutor,
    RunSummary,
    chunked,
    close_run,
    run_stages,
)
from marea.search import refresh_indexes
from marea.settings import Settings
from marea.store import ITEM_TABLES, Store
from marea.store.crash import crash_point
from marea.vectors import drop_index

# The stages that can run again from stored clean text, in pipeline order, with what each
# reads from earlier stages, the tables it writes and the columns of `documents` it sets.
READS: dict[str, set[str]] = {
    "clean": set(),
    "language": {"clean"},
    "linguistic": {"language"},
    "actors": {"linguistic"},
    "events": {"linguistic", "actors"},
    "domain": {"linguistic", "actors", "events"},
    "reports": {"events", "domain"},
    "tone": {"linguistic", "actors"},
    "stance": {"linguistic", "actors", "events", "reports", "tone"},
    "embed": {"linguistic"},
    "frames": {"linguistic", "actors", "tone", "embed"},
    "claims": {"linguistic", "actors"},
}
STAGES = tuple(READS)
TABLES: dict[str, tuple[str, ...]] = {
    "linguistic": ("sentences", "tokens", "mentions"), "actors": ("mentions",),
    "events": ("events",), "domain": ("events",), "reports": ("events", "event_mentions"),
    "tone": ("tone", "themes"), "stance": ("stances", "stance_cues"),
    "embed": ("sentence_vectors",), "frames": ("frames",), "claims": ("claims",)}
COLUMNS: dict[str, tuple[str, ...]] = {
    "clean": ("fingerprint",),
    "language": ("language", "language_detected", "language_confidence"),
    "domain": ("domain", "domain_score"),
    "tone": ("opinion_score",)}
# Actor linking rewrites the entity mentions it reads (merging agents, dropping parts), so it
# can only start again from the parser's mentions, not from its own stored output.
REWRITES = {"actors": "linguistic"}


def plan(chosen: Iterable[str]) -> tuple[str, ...]:
    """The stages to run for `chosen`: with every stage that reads what they write, and the
    stage whose output they rewrite; in pipeline order."""
    todo = set(chosen)
    while True:
        more = {REWRITES[s] for s in todo if s in REWRITES}
        more |= {stage for stage, reads in READS.items() if reads & todo}
        if more <= todo:
            return tuple(stage for stage in STAGES if stage in todo)
        todo |= more


def full_names(stages: Iterable[str]) -> tuple[str, ...]:
    """Pipeline stage names ("marea.events.v1") of short names ("events"); cleaning again
    also takes the near-duplicate signature of the new text."""
    by_short = {name.split(".")[1]: name for name in DEFAULT_PIPELINE}
    stages = tuple(stages)
    if "clean" in stages:
        stages = ("clean", "fingerprint", *(s for s in stages if s != "clean"))
    return tuple(by_short[stage] for stage in stages)


def reanalyse(store: Store, settings: Settings, chosen: Iterable[str],
              executor: Executor | None = None,
              on_progress: Callable[[RunSummary, str], None] | None = None) -> RunSummary:
    """Re-run `chosen` stages (and those that depend on them) over every stored document."""
    stages = plan(chosen)
    task = ",".join(stages)
    tables = tuple(dict.fromkeys(t for stage in stages for t in TABLES.get(stage, ())))
    columns = tuple(c for stage in stages for c in COLUMNS.get(stage, ()))
    executor = executor or LocalExecutor()
    summary = RunSummary(run_id=store.start_run(f"reanalyse {task}"))
    started = time.perf_counter()
    status = "failed"
    try:
        with store.io_errors():
            todo = [str(r[0]) for r in store.query(
                "SELECT doc_id FROM documents WHERE doc_id NOT IN "
                "(SELECT doc_id FROM reanalysed WHERE task = ?) ORDER BY doc_id", [task])]
            summary.unchanged = int(store.query(
                "SELECT count(*) FROM reanalysed WHERE task = ?", [task])[0][0])
            if todo:  # the summaries no longer match the analyses: redo them at the end
                store.con.execute("DELETE FROM refresh_state")
        work = partial(run_stages, stages=full_names(stages), settings=settings)
        stored_as: dict[tuple[str, str, str], str] = {}  # input -> id before cleaning again

        def batches() -> Iterator[list[Document]]:
            for ids in chunked(todo, settings.batch_size):
                docs = load_documents(store, ids)
                stored_as.update(((d.source, d.locator, d.raw_sha), d.doc_id) for d in docs)
                yield docs

        for batch in executor.map(work, batches()):
            summary.add_seconds(getattr(batch, "seconds", {}))  # none for a failed batch
            wall, cpu = time.perf_counter(), time.process_time()
            # a text cleaned again may be split anew: its stored parts are redone on their own
            batch = [d for d in batch if (d.source, d.locator, d.raw_sha) in stored_as]
            errors = [(SourceError(d.source, d.locator, d.error or ""),
                       d.error_stage or "process") for d in batch if d.error]
            old_ids = {id(d): stored_as.pop((d.source, d.locator, d.raw_sha)) for d in batch}
            done = [d for d in batch if d.error is None]
            renamed = [(old_ids[id(d)], d) for d in done if d.doc_id != old_ids[id(d)]]
            same = [d for d in done if d.doc_id == old_ids[id(d)]]
            store.replace_documents(summary.run_id, renamed, task)
            store.replace_analyses(summary.run_id, same, tables, columns, task, errors)
            summary.stored += len(done)
            summary.failed += [(d.name, d.error or "") for d in batch if d.error]
            summary.words += sum(len(d.text.split()) for d in done)
            summary.add_seconds({"write": [time.perf_counter() - wall,
                                           time.process_time() - cpu]})
            summary.seconds = time.perf_counter() - started
            if on_progress and batch:
                on_progress(summary, batch[-1].name)
            crash_point("reanalyse-between-batches")
        with store.io_errors(), store.transaction():  # finished: forget the progress marks
            store.con.execute("DELETE FROM reanalysed WHERE task = ?", [task])
        NearDuplicateIndex(settings, store)  # fills the buckets of a store migrated before
        if "embed" in stages and summary.stored:  # new vectors (say, another encoder)
            drop_index(store)
        encoder = settings.models.get("encoder", DEFAULT)
        if "embed" in stages and encoder != DISABLED:  # every vector is now this encoder's
            store.record_encoder(encoder)
        if summary.stored:  # narratives' running counts came from the replaced analyses
            with store.io_errors(), store.transaction():
                store.con.execute("UPDATE narratives SET example_doc_id = NULL")  # recounted
                record_waiting_keys(store)  # so did the keys of the sentences waiting
        refresh_indexes(store)
        status = "done"
    finally:
        close_run(store, summary, status, started)
    return summary


# A batch's rows are read through list_contains(?, doc_id), not a semi-join: DuckDB runs that
# filter in the scan, so wide columns are read for the batch's rows only (EXPLAIN ANALYZE, 25
# ids in a 10k store: sentence_vectors 11 ms against 914 ms for doc_id IN (SELECT unnest(?)),
# mentions 13 against 88 ms); the semi-join only wins from about 1,000 ids.
def load_documents(store: Store, ids: list[str]) -> list[Document]:
    """Rebuild Documents as the pipeline left them: stored text, metadata and analyses."""
    rows = store.query(
        "SELECT doc_id, source, locator, raw, content_type, metadata, text, raw_sha, language, "
        "language_detected, language_confidence, duplicate_of, fingerprint, opinion_score "
        "FROM documents WHERE list_contains(?, doc_id) ORDER BY doc_id", [ids])
    docs = {r[0]: Document(
        source=r[1], locator=r[2], raw=bytes(r[3]), content_type=r[4],
        metadata=json.loads(r[5]) if r[5] else {}, text=r[6], doc_id=r[0], raw_sha=r[7],
        language=r[8], language_detected=r[9], language_confidence=r[10], duplicate_of=r[11],
        fingerprint=bytes(r[12]) if r[12] is not None else b"", opinion_score=r[13])
        for r in rows}
    for table, attr, item in ITEM_TABLES:
        for doc_id, value in _items(store, table, item, ids):
            getattr(docs[doc_id], attr).append(value)
    cues: dict[tuple[str, str], list[StanceCue]] = defaultdict(list)
    for r in store.query(
            "SELECT doc_id, actor_id, sentence, start_char, end_char, kind, cue, weight FROM "
            "stance_cues WHERE list_contains(?, doc_id) ORDER BY doc_id, actor_id, idx", [ids]):
        cues[(r[0], r[1])].append(StanceCue(*r[2:]))
    for doc in docs.values():
        for stance in doc.stances:
            stance.cues = cues.get((doc.doc_id, stance.actor_id), [])
    vectors: dict[str, list[Any]] = defaultdict(list)
    for doc_id, vector in store.query(
            "SELECT doc_id, vector FROM sentence_vectors WHERE list_contains(?, doc_id) "
            "ORDER BY doc_id, sentence", [ids]):
        vectors[doc_id].append(vector)
    for doc_id, found in vectors.items():
        docs[doc_id].vectors = np.asarray(found, np.float32)
    _attach_actors(store, list(docs.values()))
    return list(docs.values())


def _items(store: Store, table: str, item: type, ids: list[str]) -> Iterator[tuple[str, Any]]:
    """Yield (doc_id, item) of one table for these documents, in stored order."""
    names = [f.name for f in fields(item) if not str(f.type).startswith("list")]
    columns = ", ".join({"start": "start_char", "end": "end_char"}.get(n, n) for n in names)
    for row in store.query(f"SELECT doc_id, {columns} FROM {table} WHERE "
                           "list_contains(?, doc_id) ORDER BY doc_id, idx", [ids]):
        yield row[0], item(**dict(zip(names, row[1:], strict=True)))


def _attach_actors(store: Store, docs: list[Document]) -> None:
    """Give each document the actor records its mentions and events name."""
    wanted: dict[str, set[str]] = {}
    for doc in docs:
        named: set[str | None] = {m.actor_id for m in doc.mentions}
        for event in doc.events:
            named |= {event.source_id, event.target_id, event.speaker_id}
        wanted[doc.doc_id] = {a for a in named if a}
    every = sorted(set().union(*wanted.values())) if wanted else []
    records = {r[0]: ActorRecord(r[0], r[1], r[2], r[3], r[4], r[5],
                                 tuple(json.loads(r[6]) if r[6] else ()), r[7] or "[]")
               for r in store.query(
                   "SELECT actor_id, type, name, country, cameo, origin, aliases, roles "
                   "FROM actors WHERE list_contains(?, actor_id) ORDER BY actor_id", [every])}
    for doc in docs:
        doc.actors = [records[a] for a in sorted(wanted[doc.doc_id]) if a in records]

