"""Stories: one event reported by several documents, with GDELT-style counts and evidence.

Events of different documents with the same type, mode, source, target and modality whose dates
are within STORY_WINDOW_DAYS of each other are one story. A story is anchored at the date of
the event that started it: a new event joins the story of its key whose anchor is nearest
(the oldest story on a tie), or starts one. An event dated only to a month or year joins a
story of exactly that date; an undated event is a story of its own. Near-duplicate copies
join the story of their original like any report.

Counts, as GDELT's NumMentions / NumArticles / NumSources: `mentions` is every report
(a headline and its lead are two, see events/reports.py), `articles` the documents, copies
included (`copies` says how many are near-duplicates), `sources` the distinct source names
(site, else URL domain, else folder). The story's evidence is its lead event (`doc_id`,
`idx`): the first original report by publication date, else the first copy; every member is
in `story_events` with its reports in `event_mentions`.

Maintained after each ingest (a refresh step): only events not yet in a story are placed,
looked for among the documents the writers noted in `story_inbox` (stored, re-analysed or
replaced since the last refresh; every document when the refresh state was cleared: a first
build, or a reanalysis that may have changed the members' events in place), so a story
keeps its id when unrelated documents arrive; members whose event is gone are dropped and
the counts of the stories that gained or lost members are recomputed (of every story when
the state was cleared), so the cost follows the new events, not the store. Only the stories
of the new events' keys anchored within their window are read.
New events are placed in a fixed order (originals first, then by date, document and
position), so the same documents give the same stories whether they came in one run or in a
run killed half-way and the next.
"""

from __future__ import annotations

from datetime import date, timedelta

import pyarrow as pa

from marea.search import SOURCE_NAME
from marea.store import Store
from marea.store.crash import crash_point

STORY_WINDOW_DAYS = 1  # the same event reported as of its day, the next or the one before

Key = tuple[str, str | None, str | None, str | None, str]  # type, mode, source, target, modality
# Stories (s) read for the new events: of their keys, anchored at a day a new event could join
# (`_days`), or at a full date not written YYYY-MM-DD (read always: `_matching` decides).
NEAR = ("(s.date IN (FROM _days) OR left(s.date, 10) IN (FROM _days) OR (length(s.date) >= 10 "
        "AND NOT regexp_full_match(left(s.date, 10), '[0-9]{4}-[0-9]{2}-[0-9]{2}')))")


def refresh(store: Store) -> int:
    """Place the events not yet in a story, recount every story; return the events placed."""
    con = store.con
    everything = "stories" not in store.refreshed()
    # the documents to look at: those in the inbox, or every one after the state was cleared
    noted = "TRUE" if everything else "doc_id IN (SELECT doc_id FROM story_inbox)"
    with store.transaction():
        dropped = con.execute(
            f"DELETE FROM story_events l WHERE {noted} AND NOT EXISTS (SELECT 1 FROM events e "
            "WHERE e.doc_id = l.doc_id AND e.idx = l.idx) RETURNING story_id").fetchall()
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _new AS SELECT e.doc_id, e.idx, e.type, e.mode, "
            "e.source_id, e.target_id, e.modality, e.date, d.duplicate_of IS NOT NULL AS copy "
            f"FROM (SELECT * FROM events WHERE {noted}) e JOIN documents d USING (doc_id) "
            f"WHERE NOT EXISTS (SELECT 1 FROM (SELECT * FROM story_events WHERE {noted}) l "
            "WHERE l.doc_id = e.doc_id AND l.idx = e.idx)")
        con.execute("DELETE FROM story_inbox")
        new = con.execute("SELECT doc_id, idx, type, mode, source_id, target_id, modality, date "
                          "FROM _new ORDER BY copy, date NULLS LAST, doc_id, idx"
                          ).fetchall()
        con.execute("CREATE OR REPLACE TEMP TABLE _days AS SELECT unnest(?::VARCHAR[]) AS day",
                    [sorted(_joinable_days([row[-1] for row in new]))])
        anchors: dict[tuple[Key, str | date], int] = {}  # oldest story per key and anchor
        for story_id, kind, mode, source, target, modality, day in con.execute(
                "SELECT story_id, type, mode, source_id, target_id, modality, date FROM stories s "
                f"WHERE {NEAR} AND EXISTS (SELECT 1 FROM _new n WHERE n.type = s.type "
                "AND n.mode IS NOT DISTINCT FROM s.mode AND n.modality = s.modality "
                "AND n.source_id IS NOT DISTINCT FROM s.source_id "
                "AND n.target_id IS NOT DISTINCT FROM s.target_id) ORDER BY story_id DESC"
        ).fetchall():
            _anchor(anchors, (kind, mode, source, target, modality), day, story_id)
        con.execute("DROP TABLE _new; DROP TABLE _days")
        (last,), = con.execute("SELECT coalesce(max(story_id), 0) FROM stories").fetchall()
        links: list[tuple[int, str, int]] = []
        created: list[tuple[int, Key, str | None, str, int]] = []
        for doc_id, idx, kind, mode, source, target, modality, day in new:
            key = (kind, mode, source, target, modality)
            story_id = _matching(anchors, key, day)
            if story_id is None:
                last += 1
                story_id = last
                _anchor(anchors, key, day, story_id, oldest=True)
                created.append((story_id, key, day, doc_id, idx))
            links.append((story_id, doc_id, idx))
        _insert(store, "stories", pa.table({
            "story_id": pa.array([c[0] for c in created], pa.int32()),
            "type": pa.array([c[1][0] for c in created], pa.string()),
            "mode": pa.array([c[1][1] for c in created], pa.string()),
            "source_id": pa.array([c[1][2] for c in created], pa.string()),
            "target_id": pa.array([c[1][3] for c in created], pa.string()),
            "modality": pa.array([c[1][4] for c in created], pa.string()),
            "date": pa.array([c[2] for c in created], pa.string()),
            "doc_id": pa.array([c[3] for c in created], pa.string()),
            "idx": pa.array([c[4] for c in created], pa.int32()),
            **{name: pa.array([0] * len(created), pa.int32())
               for name in ("mentions", "articles", "sources", "copies")}}))
        _insert(store, "story_events", pa.table({
            "story_id": pa.array([link[0] for link in links], pa.int32()),
            "doc_id": pa.array([link[1] for link in links], pa.string()),
            "idx": pa.array([link[2] for link in links], pa.int32())}))
        _recount(store, None if everything else
                 sorted({story_id for (story_id,) in dropped} | {link[0] for link in links}))
        crash_point("refresh-stories")
    return len(links)


def _insert(store: Store, table: str, rows: pa.Table) -> None:
    if not rows.num_rows:
        return
    store.con.register("_rows", rows)
    try:
        columns = ", ".join(rows.column_names)
        store.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _rows")
    finally:
        store.con.unregister("_rows")


def _anchor(anchors: dict[tuple[Key, str | date], int], key: Key, day: str | None,
            story_id: int, oldest: bool = False) -> None:
    """Note a story of this key anchored at `day`: by its date when it has a day, else by
    the month or year it names (undated stories are never joined). With `oldest`, a story
    noted before keeps its place."""
    anchor = _date(day) if day and len(day) >= 10 else day
    if anchor is not None and not (oldest and (key, anchor) in anchors):
        anchors[key, anchor] = story_id


def _matching(anchors: dict[tuple[Key, str | date], int], key: Key, day: str | None
              ) -> int | None:
    """The story whose anchor is nearest this date within the window (oldest on a tie)."""
    if day is None:
        return None
    if len(day) < 10:
        return anchors.get((key, day))
    when = _date(day)
    if when is None:
        return None
    for gap in range(STORY_WINDOW_DAYS + 1):  # nearest first, then the oldest story
        found = [story_id for step in {-gap, gap}
                 if (story_id := anchors.get((key, when + timedelta(days=step)))) is not None]
        if found:
            return min(found)
    return None


def _joinable_days(days: list[str | None]) -> set[str]:
    """The anchors, as written, of the stories events of these dates could join: a month or
    year itself, the days (YYYY-MM-DD) within the window of a full date."""
    found: set[str] = set()
    for day in days:
        when = _date(day) if day and len(day) >= 10 else None
        if day and len(day) < 10:
            found.add(day)
        elif when is not None:
            found.update((when + timedelta(days=step)).isoformat()
                         for step in range(-STORY_WINDOW_DAYS, STORY_WINDOW_DAYS + 1))
    return found


def _date(day: str) -> date | None:
    try:
        return date.fromisoformat(day[:10])
    except ValueError:
        return None


def _recount(store: Store, stories: list[int] | None) -> None:
    """Set the counts, dates and lead event of these stories (None: every story) from their
    members; drop those left empty."""
    if stories == []:
        return
    chosen = "TRUE"
    if stories is not None:  # a semi-join: list_contains would compare each row with each id
        store.con.execute("CREATE OR REPLACE TEMP TABLE _chosen AS "
                          "SELECT unnest($stories::INTEGER[]) AS story_id", {"stories": stories})
        chosen = "l.story_id IN (SELECT story_id FROM _chosen)"
    # The members' keys first, a small table the joins with events and documents start from
    # (joined to story_events directly, the plan built its hash table on every document:
    # 57 -> 36 ms by EXPLAIN ANALYZE for the stories of 100 documents in a 10k store).
    store.con.execute("CREATE OR REPLACE TEMP TABLE _links AS SELECT l.story_id, l.doc_id, "
                      f"l.idx FROM story_events l WHERE {chosen}")
    store.con.execute(
        "CREATE OR REPLACE TEMP TABLE _members AS SELECT l.story_id, e.doc_id, e.idx, e.date, "
        f"d.duplicate_of IS NOT NULL AS copy, d.published, {SOURCE_NAME} AS outlet "
        "FROM _links l JOIN events e ON e.doc_id = l.doc_id AND e.idx = l.idx "
        "JOIN documents d ON d.doc_id = e.doc_id")
    store.con.execute(
        "UPDATE stories SET mentions = c.mentions, articles = c.articles, "
        "sources = c.sources, copies = c.copies, first_date = c.first_date, "
        "last_date = c.last_date, doc_id = c.lead_doc, idx = c.lead_idx FROM ("
        "SELECT m.story_id, sum(coalesce(r.reports, 1)) AS mentions, "
        "count(DISTINCT m.doc_id) AS articles, count(DISTINCT m.outlet) AS sources, "
        "count(DISTINCT m.doc_id) FILTER (WHERE m.copy) AS copies, "
        "min(m.date) AS first_date, max(m.date) AS last_date, "
        "any_value(l.doc_id) AS lead_doc, any_value(l.idx) AS lead_idx "
        "FROM _members m LEFT JOIN (SELECT doc_id, event, count(*) AS reports "
        "FROM event_mentions WHERE doc_id IN (SELECT doc_id FROM _members) GROUP BY ALL) r "
        "ON r.doc_id = m.doc_id AND r.event = m.idx "
        "JOIN (SELECT story_id, doc_id, idx FROM _members QUALIFY "
        "row_number() OVER (PARTITION BY story_id ORDER BY copy, published NULLS LAST, "
        "doc_id, idx) = 1) l USING (story_id) GROUP BY m.story_id) c "
        "WHERE stories.story_id = c.story_id")
    store.con.execute("DELETE FROM stories s WHERE "  # _members holds every member of these
                      f"{chosen.replace('l.story_id', 's.story_id')} AND s.story_id NOT IN "
                      "(SELECT story_id FROM _members)")
    store.con.execute("DROP TABLE IF EXISTS _chosen; DROP TABLE _links; DROP TABLE _members")
