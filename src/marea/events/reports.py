"""One event, many reports: an event a document reports more than once is stored once.

A headline and its lead ("Peru's Congress removes Castillo" / "Peru's Congress voted on
Wednesday to remove President Pedro Castillo"), or a summary repeating an earlier sentence,
report one event. Two events of a document are one event with two mentions when they have
the same type, mode, source, target and modality, and

- the same date (two reports without a time expression share the publication date), or
- one has no date of its own (dated by publication, or the document has none) and the other
  a date from the text within REPORT_WINDOW_DAYS of the publication: the headline takes the
  lead's date. Of several such dates, the one nearest the publication wins.

The merged event keeps the fields of its best-dated report (a date from the text before one
from publication; then the first in the text) and the evidence of every report in
`Event.mentions`, in text order. Stories across documents are built later, from the store
(events/stories.py).
"""

from __future__ import annotations

from datetime import date

from marea.model import Document, Event, EventMention
from marea.settings import Settings

# How far from publication an undated report may take a dated twin's date. A daily's headline
# reports yesterday's event, a weekly's last week's; older dates are history, not the news.
REPORT_WINDOW_DAYS = 7
_BASIS_RANK = {"text": 0, "publication": 1, "none": 2, "vague": 3}

Key = tuple[str, str | None, str | None, str | None, str]


def reports(batch: list[Document], settings: Settings) -> list[Document]:
    """Merge each document's repeated reports of one event (needs events)."""
    for doc in batch:
        doc.events = merge_reports(doc.events, str(doc.metadata.get("published") or "") or None)
    return batch


def merge_reports(events: list[Event], published: str | None) -> list[Event]:
    """Return the events with repeated reports merged, in text order of their evidence."""
    groups: dict[tuple[Key, str | None], list[Event]] = {}
    for event in events:
        groups.setdefault((_key(event), _when(event)), []).append(event)
    for (key, when), members in list(groups.items()):
        if when != published or any(m.date_basis not in ("publication", "none")
                                     for m in members):
            continue  # a report dated by its own words keeps its day
        dated = [(k, w) for k, w in groups if k == key and w != when
                 and groups[(k, w)][0].date_basis == "text"]
        target = _nearest(dated, published)
        if target is not None:
            groups[target].extend(groups.pop((key, when)))
    merged = [_merge(members) for members in groups.values()]
    return sorted(merged, key=lambda e: (e.start, e.end))


def _key(event: Event) -> Key:
    return (event.type, event.mode, event.source_id, event.target_id, event.modality)


def _when(event: Event) -> str | None:
    """The date a report is compared by; a vague one by its words ("in the 1970s")."""
    return f"vague:{event.date_text}" if event.date_basis == "vague" else event.date


def _nearest(dated: list[tuple[Key, str | None]], published: str | None
             ) -> tuple[Key, str | None] | None:
    """The dated group whose date is nearest the publication, within the window; with no
    publication date, the only dated group."""
    if published is None:
        return dated[0] if len(dated) == 1 else None
    distances = [(_days_apart(when or "", published), when or "", (key, when))
                 for key, when in dated]
    close = [d for d in distances if d[0] is not None and d[0] <= REPORT_WINDOW_DAYS]
    return min(close)[2] if close else None


def _days_apart(when: str, published: str) -> int | None:
    """Days between two ISO dates; 0 when a month or year contains the other; else None."""
    if len(when) < 10 or len(published) < 10:
        short = min(len(when), len(published))
        return 0 if short >= 4 and when[:short] == published[:short] else None
    try:
        return abs((date.fromisoformat(when[:10]) - date.fromisoformat(published[:10])).days)
    except ValueError:
        return None


def _merge(members: list[Event]) -> Event:
    """One event from its reports: the best-dated report's fields, every report's span."""
    ordered = sorted(members, key=lambda e: (e.start, e.end))
    best = min(ordered, key=lambda e: _BASIS_RANK.get(e.date_basis, 9))
    spans: dict[tuple[int, int], EventMention] = {}
    for event in ordered:
        for mention in event.mentions or [_mention(event)]:
            spans.setdefault((mention.start, mention.end), mention)
    best.mentions = list(spans.values())
    best.main = any(e.main for e in members)  # a headline's main event is main
    return best


def _mention(event: Event) -> EventMention:
    return EventMention(sentence=event.sentence, start=event.start, end=event.end,
                        trigger=event.trigger, date=event.date, date_basis=event.date_basis)
