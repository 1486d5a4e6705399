"""Terminal views of events: a filtered table and an actor's dated timeline."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marea.actors.views import find_actor
from marea.params import date_prefix
from marea.store import Store

EVENT_ROWS = (
    "SELECT coalesce(e.date, '?'), e.type, coalesce(e.mode, ''), e.modality, "
    "coalesce(sa.name, e.source_id, '-'), coalesce(ta.name, e.target_id, '-'), "
    "coalesce(e.city || ', ', '') || coalesce(e.country, ''), left(e.doc_id, 12), "
    "substr(d.text, s.start_char + 1, s.end_char - s.start_char) "
    "FROM events e JOIN documents d USING (doc_id) "
    "JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence "
    "LEFT JOIN actors sa ON sa.actor_id = e.source_id "
    "LEFT JOIN actors ta ON ta.actor_id = e.target_id "
)


def _filters(store: Store, actor: str | None, kind: str | None, since: str | None,
             until: str | None) -> tuple[str, list[object]]:
    """Return a WHERE clause and its parameters; dates compare as ISO prefixes."""
    where: list[str] = ["1 = 1"]
    params: list[object] = []
    since, until = date_prefix(since, "since"), date_prefix(until, "until")
    if actor:
        actor_id = find_actor(store, actor)
        where.append("(e.source_id = ? OR e.target_id = ?)")
        params += [actor_id, actor_id]
    if kind:
        where.append("e.type = ?")
        params.append(kind.upper())
    if since:
        where.append("e.date >= ?")
        params.append(since)
    if until:
        where.append("left(e.date, ?) <= ?")
        params += [len(until), until]
    return " AND ".join(where), params


def print_events(console: Console, store: Store, actor: str | None, kind: str | None,
                 since: str | None, until: str | None, limit: int) -> None:
    """Print events matching the filters, newest first."""
    where, params = _filters(store, actor, kind, since, until)
    table = Table("date", "type", "mode", "modality", "source", "target", "place", "doc")
    for row in store.query(f"{EVENT_ROWS} WHERE {where} ORDER BY e.date DESC NULLS LAST, "
                           "e.doc_id, e.idx LIMIT ?", [*params, limit]):
        table.add_row(*(Text(str(v)) for v in row[:8]))
    console.print(table)


def print_timeline(console: Console, store: Store, actor: str, limit: int) -> None:
    """Print an actor's events in date order, each with its evidence sentence."""
    where, params = _filters(store, actor, None, None, None)
    rows = store.query(f"{EVENT_ROWS} WHERE {where} ORDER BY e.date NULLS LAST, e.doc_id, e.idx "
                       "LIMIT ?", [*params, limit])
    for date, kind, mode, modality, source, target, place, doc, sentence in rows:
        head = Text(f"{date:<10} ", style="bold")
        head.append(f"{source} —{kind}{'/' + mode if mode else ''}→ {target}", style="cyan")
        if modality != "asserted":
            head.append(f" [{modality}]", style="yellow")
        if place:
            head.append(f"  @ {place}", style="green")
        console.print(head)
        console.print(Text(f"    {sentence.strip()}  ({doc})", style="dim"))
