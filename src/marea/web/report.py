"""`marea report ACTOR`: one small, self-contained HTML page about an actor, to send around.

A colleague reading it has no store and no server, so every piece of evidence is quoted and
cited by its document's title, site, date and URL (a numbered source list), and the page
says when and from what it was made and how each number on it was counted. Charts are drawn
here as inline SVG: no script, nothing fetched, a few kilobytes instead of a 3 MB library.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from marea import __version__
from marea.corpus import Corpus, records
from marea.errors import MareaError
from marea.opinion.stance import THRESHOLD
from marea.search import SOURCE_NAME
from marea.web.pages import TEMPLATES, _rows, actor_events, months, safe_url, source_name

SPACES = re.compile(r"\s+")
EVENTS_SHOWN = 100  # events quoted with their evidence, oldest first
STANCES_SHOWN = 100  # documents listed with their stance and strongest cue
PARTNERS_SHOWN = 15  # co-mentioned actors listed


def write_report(corpus: Corpus, name: str, out: Path) -> Path:
    """Write the report on the actor `name` to `out` (an HTML file) and return its path."""
    if not out.parent.is_dir():
        raise MareaError(f"[E034] Can't write the report to {out}: folder {out.parent} "
                         "does not exist.")
    page = render_report(corpus, corpus.actor_id(name))
    try:
        out.write_text(page, "utf-8")
    except OSError as exc:
        raise MareaError(f"[E034] Can't write the report to {out}: {exc.strerror or exc}"
                         ) from exc
    return out


def render_report(corpus: Corpus, actor_id: str, now: datetime | None = None) -> str:
    """Return the report's HTML for an actor id."""
    info = _rows(corpus, "SELECT actor_id, name, type, country, cameo, origin, aliases, roles "
                         "FROM actors WHERE actor_id = ?", [actor_id])[0]
    attention = corpus.attention(actor_id, "month")
    stances = corpus.stances(actor_id, limit=STANCES_SHOWN)
    events = actor_events(corpus, actor_id, EVENTS_SHOWN)
    sources = Sources(corpus)
    stance_rows = [{**row, "cite": sources.cite(row["doc_id"], row["start_char"],
                                                row["end_char"])}
                   for row in records(stances)]
    starts = {(doc, idx): start for doc, idx, start in corpus.store.query(
        "SELECT doc_id, idx, start_char FROM sentences WHERE list_contains(?, doc_id)",
        [sorted(set(events["doc_id"]))])}
    event_rows = [{**row, "cite": sources.cite(row["doc_id"], row["start_char"],
                                               row["end_char"]),
                   "evidence": quoted(row["sentence_text"],
                                      row["start_char"] - starts[row["doc_id"], row["sentence"]],
                                      row["end_char"] - starts[row["doc_id"], row["sentence"]])}
                  for row in records(events)]
    stance_counts = _rows(corpus, "SELECT s.label, count(*) AS n FROM stances s JOIN documents "
                                  "d USING (doc_id) WHERE s.actor_id = ? "
                                  "AND d.duplicate_of IS NULL GROUP BY s.label", [actor_id])
    store = _rows(corpus, "SELECT count(*) FILTER (WHERE duplicate_of IS NULL) AS originals, "
                          "count(duplicate_of) AS copies FROM documents")[0]
    named = _rows(corpus, "SELECT count(*) AS mentions, count(DISTINCT m.doc_id) AS documents "
                          "FROM mentions m JOIN documents d USING (doc_id) WHERE m.actor_id = ? "
                          "AND d.duplicate_of IS NULL", [actor_id])[0]
    return TEMPLATES.get_template("report.html").render(
        actor=info, roles=json.loads(info["roles"] or "[]"),
        aliases=json.loads(info["aliases"] or "[]"),
        generated=(now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__, store_name=Path(corpus.store.path).name, store=store,
        named=named, undated=attention.attrs["undated"],
        volume=bar_chart(months(records(attention)), "mentions", "month"),
        stance_counts={row["label"]: row["n"] for row in stance_counts},
        stances=stance_rows, stances_total=stances.attrs["total"],
        over_time=records(corpus.stance_timeline(actor_id, "year")),
        partners=partners(corpus, actor_id), events=event_rows,
        events_total=events.attrs["total"], sources=sources.listed(),
        threshold=THRESHOLD, css=resources.files("marea").joinpath(
            "web", "static", "marea.css").read_text("utf-8"))


class Sources:
    """The documents a report cites, numbered in order of publication in `listed()`."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.cited: dict[str, dict[str, Any]] = {}

    def cite(self, doc_id: str | None, start: Any = None, end: Any = None) -> dict[str, Any]:
        """Return what a citation of `doc_id` shows: its document (numbered once listed)
        and where in its text the evidence is."""
        if doc_id is None:
            return {}
        if doc_id not in self.cited:
            self.cited[doc_id] = _rows(
                self.corpus, "SELECT d.doc_id, d.title, d.author, d.published, d.url, "
                "d.source AS path, d.locator, (SELECT count(*) FROM documents c "
                f"WHERE c.duplicate_of = d.doc_id) AS copies, {SOURCE_NAME} AS site "
                "FROM documents d WHERE d.doc_id = ?", [doc_id])[0]
        where = f", characters {start}–{end}" if start is not None and start == start else ""
        return {"source": self.cited[doc_id], "where": f"document {doc_id[:12]}{where}"}

    def listed(self) -> list[dict[str, Any]]:
        """Number the cited documents by date (undated last) and return them in order."""
        ordered = sorted(self.cited.values(),
                         key=lambda d: (d["published"] is None, d["published"] or "",
                                        d["title"] or ""))
        for number, source in enumerate(ordered, 1):
            source["number"] = number
            source["link"] = safe_url(source["url"])
            source["file"] = "" if source["link"] else source_name(source["path"])
        return ordered


def partners(corpus: Corpus, actor_id: str) -> list[dict[str, Any]]:
    """The knowledge-base actors most often named in the same original documents."""
    return _rows(corpus, "SELECT a.actor_id, a.name, a.type, count(DISTINCT o.doc_id) AS docs "
                         "FROM mentions m JOIN mentions o ON o.doc_id = m.doc_id "
                         "AND o.actor_id <> m.actor_id JOIN actors a ON a.actor_id = o.actor_id "
                         "JOIN documents d ON d.doc_id = m.doc_id "
                         "WHERE m.actor_id = ? AND a.origin <> 'unknown' "
                         "AND d.duplicate_of IS NULL GROUP BY ALL "
                         "ORDER BY docs DESC, a.name LIMIT ?", [actor_id, PARTNERS_SHOWN])


def quoted(sentence: str | None, start: int, end: int) -> Markup:
    """Return the evidence sentence escaped with the span start:end (offsets within it: the
    trigger) marked, each run of whitespace as one space."""
    text = str(sentence or "")
    if not 0 <= start < end <= len(text):
        return escape(" ".join(text.split()))
    return Markup("{}<mark>{}</mark>{}").format(
        SPACES.sub(" ", text[:start].lstrip()), text[start:end],
        SPACES.sub(" ", text[end:].rstrip()))


def bar_chart(rows: list[dict[str, Any]], value: str, period: str, width: int = 720,
              height: int = 200) -> Markup:
    """An SVG bar chart of rows' `value` per period, with axis titles and first/last labels.

    Periods are given in order with quiet ones present as zeros (see pages.months).
    """
    if not rows:
        return Markup("")
    left, bottom, top = 44, 40, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(int(r[value]) for r in rows) or 1
    step = plot_w / len(rows)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" class="svg-chart">',
             f'<title>{escape(value)} per {escape(period)}</title>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" '
             f'y2="{top + plot_h}" stroke="#888"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#888"/>',
             f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{peak}</text>',
             f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end">0</text>']
    for number, row in enumerate(rows):
        bar = plot_h * int(row[value]) / peak
        x = left + number * step
        parts.append(f'<rect x="{x + step * 0.1:.1f}" y="{top + plot_h - bar:.1f}" '
                     f'width="{max(step * 0.8, 1):.1f}" height="{bar:.1f}" fill="#1f77b4">'
                     f'<title>{escape(row["period"])}: {int(row[value])}</title></rect>')
    for number in sorted({0, len(rows) - 1}):
        x = left + (number + 0.5) * step
        parts.append(f'<text x="{x:.1f}" y="{top + plot_h + 14}" text-anchor="middle">'
                     f'{escape(rows[number]["period"])}</text>')
    parts += [f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" text-anchor="middle" '
              f'class="axis-title">{escape(period)}</text>',
              f'<text x="12" y="{top + plot_h / 2:.1f}" text-anchor="middle" '
              f'transform="rotate(-90 12 {top + plot_h / 2:.1f})" class="axis-title">'
              f'{escape(value)}</text>', "</svg>"]
    return Markup("".join(parts))
