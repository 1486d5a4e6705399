"""`marea doctor`: check a store for what a killed or failed run can leave, and repair it.

Each check names what it looked at and the problem found ("" when healthy). Repairs only
complete or remove what a later run would redo anyway: refresh steps, runs left 'running',
span rows and recorded inputs whose document is not stored (the next ingest re-reads them).
"""

from __future__ import annotations

from dataclasses import dataclass

from marea.search import has_search_index, refresh_indexes, stale_refresh_steps
from marea.store import ITEM_TABLES, Store
from marea.store.schema import LATEST

# tables whose rows belong to one document (doc_id) and mean nothing without it
SPAN_TABLES = (*(table for table, _, _ in ITEM_TABLES), "stance_cues", "event_mentions",
               "sentence_vectors", "doc_keys", "narrative_sentences", "story_events",
               "narrative_inbox", "narrative_pool", "narrative_keys", "near_duplicate_buckets",
               "sentence_spans", "document_tone", "actor_events")


@dataclass(frozen=True)
class Check:
    name: str
    problem: str  # "" when healthy


def diagnose(store: Store) -> list[Check]:
    """Every check on the store, in the order they are reported."""
    version = store.version()
    checks = [Check("schema version", "" if version == LATEST else
                    f"{version}, older than {LATEST}: --repair migrates it")]
    if version < LATEST:
        return checks  # the other checks read tables of the latest schema
    running = [str(r[0]) for r in store.query(
        "SELECT run_id FROM runs WHERE status = 'running' ORDER BY run_id")]
    checks.append(Check("runs left running", f"run {', '.join(running)} (killed?)"
                        if running else ""))
    orphans = _orphans(store)
    checks.append(Check("span rows without a document", ", ".join(
        f"{table} {count}" for table, count in orphans.items())))
    row = store.query("SELECT count(*) FROM inputs "
                      "WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
    lost = int(row[0][0]) if row else 0
    checks.append(Check("inputs recorded without a document", f"{lost}" if lost else ""))
    if store.dataset:  # a Parquet dataset has no summaries of its own: `marea merge` makes them
        return checks
    stale = stale_refresh_steps(store)
    checks.append(Check("refresh steps", f"missing or stale: {', '.join(stale)}"
                        if stale else ""))
    checks.append(Check("search index", "" if has_search_index(store) else "missing"))
    return checks


def repair(store: Store) -> None:
    """Mark killed runs interrupted, delete orphan rows, then complete the refresh."""
    with store.io_errors():
        store.mark_interrupted()
        orphans = _orphans(store)
        with store.transaction():
            for table in orphans:
                store.con.execute(f"DELETE FROM {table} "
                                  "WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
            store.con.execute("DELETE FROM inputs "
                              "WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
            if orphans:  # summaries may count the deleted rows: rebuild them all
                store.con.execute("DELETE FROM refresh_state")
    refresh_indexes(store)


def _orphans(store: Store) -> dict[str, int]:
    """Rows per span table whose document is not stored (only tables with any)."""
    found = {}
    for table in SPAN_TABLES:
        row = store.query(f"SELECT count(*) FROM {table} "
                          "WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
        if row and row[0][0]:
            found[table] = int(row[0][0])
    return found
