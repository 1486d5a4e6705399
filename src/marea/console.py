"""Terminal views of the store: status, document table, one document with its mentions."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from marea.pipeline import RunSummary
from marea.store import Store

# A listing column: its header and how to read its cell from a row (a dict of the frame).
Column = tuple[str, Callable[[dict[str, Any]], Any]]
MIN_CELL = 12  # below this many characters a cell is unreadable: switch to records
MIN_TEXT = 30  # nor should a column of sentences be folded narrower than this

# C0 controls but tab and newline, DEL and the C1 block: a stored title or text holding ESC
# sequences would otherwise retitle, clear or recolour the reader's terminal.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Return text with terminal control characters shown as visible escapes (ESC -> \\x1b)."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class SafeConsole(Console):
    """A rich Console that never sends control characters from the data to the terminal.

    Rich's own styling escapes are made after this filter, from segment styles, so colours stay.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            segment if segment.control else Segment(printable(segment.text), segment.style)
            for segment in buffer)


# Highlight style per entity label (spaCy English and Spanish label sets).
LABEL_STYLES = {
    "PERSON": "bold cyan", "PER": "bold cyan",
    "ORG": "bold magenta", "NORP": "magenta",
    "GPE": "bold green", "LOC": "green", "FAC": "green",
    "DATE": "yellow", "TIME": "yellow", "EVENT": "bold yellow",
    "MISC": "blue",
}


def progress_bar(console: Console, label: str = "ingest") -> Progress:
    """Return the ingest progress display: documents done, documents/s, elapsed, last input."""
    return Progress(
        SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(),
        TextColumn("{task.completed} docs"), TextColumn("{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(), TextColumn("[dim]{task.fields[last]}"),
        console=console, transient=True,
    )


def print_summary(console: Console, summary: RunSummary) -> None:
    """Print what a run stored, skipped and failed, with one line per failed input."""
    rate = summary.stored / summary.seconds if summary.seconds else 0.0
    console.print(
        f"run {summary.run_id}: stored {summary.stored} "
        f"({summary.near_duplicates} near-duplicates), exact duplicates {summary.duplicates}, "
        f"unchanged {summary.unchanged}, skipped {len(summary.skipped)}, "
        f"failed {len(summary.failed)} in {summary.seconds:.1f}s ({rate:.1f} docs/s, "
        f"{summary.words / summary.seconds if summary.seconds else 0:.0f} words/s)",
        highlight=False,
    )
    print_stage_seconds(console, summary)
    print_failures(console, summary)


def print_stage_seconds(console: Console, summary: RunSummary) -> None:
    """One line of what each stage cost, wherever it ran (this process, a pool, a cluster)."""
    if summary.stage_seconds:
        console.print("CPU s by stage, summed over workers (wall s): " + ", ".join(
            f"{name} {cpu:.1f} ({wall:.1f})"
            for name, (wall, cpu) in summary.stage_seconds.items()),
            style="dim", highlight=False)


def print_failures(console: Console, summary: RunSummary) -> None:
    """One line per skipped and per failed input: its name and the reason."""
    for name, reason in summary.skipped:
        console.print(f"skipped {name}: {reason}", style="yellow", highlight=False, markup=False,
                      soft_wrap=True)
    for name, reason in summary.failed:
        console.print(f"error {name}: {reason}", style="red", highlight=False, markup=False,
                      soft_wrap=True)


def print_status(console: Console, store: Store) -> None:
    """Print document counts by language, span counts and the last runs."""
    (docs, dups, words), = store.query(
        "SELECT count(*), count(duplicate_of), coalesce(sum(n_words), 0) FROM documents")
    (sentences,), = store.query("SELECT count(*) FROM sentences")
    (mentions,), = store.query("SELECT count(*) FROM mentions")
    if store.dataset:
        (parts,), = store.query("SELECT count(*) FROM _parts")
        console.print(f"Parquet dataset {store.path}: {parts} complete partitions, read-only "
                      "(stories, narratives and search after `marea merge`)", highlight=False)
    else:
        console.print(f"store {store.path} (schema v{store.version()})", highlight=False)
    if store.snapshot:
        console.print(f"read from {store.snapshot}, which the running server published after "
                      "its last ingest job", highlight=False)
    console.print(f"documents {docs} ({dups} near-duplicates), words {words}, "
                  f"sentences {sentences}, mentions {mentions}", highlight=False)
    encoder = store.encoder()
    if encoder:
        console.print(f"sentence vectors by encoder {encoder}", highlight=False)
    langs = store.query("SELECT coalesce(language, '?'), count(*) FROM documents "
                        "GROUP BY 1 ORDER BY 2 DESC")
    console.print("languages: " + ", ".join(f"{lang} {n}" for lang, n in langs), highlight=False)
    domains = store.query("SELECT domain, count(*) FROM documents WHERE domain <> 'politics' "
                          "GROUP BY 1 ORDER BY 2 DESC, 1")
    if domains:
        console.print("not about politics (no events kept): " + ", ".join(
            f"{domain} {n}" for domain, n in domains), highlight=False)
    # Counted as the listings count them: copies' events and stories only copies report
    # are said apart.
    (events, copied, stories), = store.query(
        "SELECT count(*) FILTER (WHERE d.duplicate_of IS NULL), count(d.duplicate_of), "
        "(SELECT count(*) FROM stories WHERE copies < articles) "
        "FROM events e JOIN documents d USING (doc_id)")
    console.print(f"events {events}" + ("" if store.dataset else f" in {stories} stories") + (
        f" ({copied} more in near-duplicate copies)" if copied else ""), highlight=False)
    if store.dataset:
        return  # no runs: the partitions were written by `ingest --parquet` runs elsewhere
    # One sentence per run, as ingest prints it: nine numbers do not fit 80 columns as a table.
    console.print(Text("recent runs", style="bold"))
    for run, started, status, stored, near, dup, same, skipped, failed in store.query(
            "SELECT run_id, strftime(started_at, '%Y-%m-%d %H:%M:%S'), status, stored, "
            "near_duplicates, duplicates, unchanged, skipped, failed "
            "FROM runs ORDER BY run_id DESC LIMIT 5"):
        console.print(f"run {run} {started} {status}: stored {stored} ({near} near-duplicates),"
                      f" exact duplicates {dup}, unchanged {same}, skipped {skipped}, "
                      f"failed {failed}", highlight=False)



def print_document(console: Console, store: Store, prefix: str) -> None:
    """Print one document's metadata and clean text with its entity mentions highlighted."""
    doc_id = store.resolve_doc_id(prefix)
    (title, author, published, language, source, text, dup), = store.query(
        "SELECT title, author, published, language, source, text, duplicate_of "
        "FROM documents WHERE doc_id = ?", [doc_id])
    header = Text(f"{doc_id}  {title or '(no title)'}\n", style="bold")
    header.append(f"{author or 'unknown author'} · {published or 'undated'} · {language} · "
                  f"{source}" + (f" · near-duplicate of {dup}" if dup else ""), style="dim")
    console.print(header)
    body = Text(text)
    for start, end, label in store.query(
            "SELECT start_char, end_char, label FROM mentions WHERE doc_id = ? ORDER BY idx",
            [doc_id]):
        body.stylize(LABEL_STYLES.get(label, "underline"), start, end)
    console.print(body)


def field(key: str, width: int | None = None) -> Callable[[dict[str, Any]], Any]:
    """A column reading one field, cut to `width` characters when given."""
    def read(row: dict[str, Any]) -> Any:
        value = row.get(key)
        return value if width is None or not isinstance(value, str) else shorten(value, width)
    return read


def shorten(text: str, width: int) -> str:
    """Shorten at a word boundary, marking the cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    head = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[:width - 1]
    return head + "…"


def cell(value: Any) -> str:
    """A value as shown in a table: missing values (None, NaN, NaT) as empty cells."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:.0f}"
    return str(value)


def print_listing(console: Console, frame: pd.DataFrame | list[dict[str, Any]],
                  columns: list[Column], *, noun: str, title: str | None = None,
                  as_json: bool = False, offset: int = 0, note: str = "") -> None:
    """Print rows as a table, as records when the terminal is too narrow for the table, or
    as JSON; always followed by how many rows are shown of how many match.

    JSON items are the whole rows, uncut, under the names of the Python API and REST.
    """
    from marea.corpus import records

    rows = records(frame) if isinstance(frame, pd.DataFrame) else list(frame)
    # A frame without a total is a whole result (a summary): it shows all of its rows.
    total = (frame.attrs.get("total", len(rows)) if isinstance(frame, pd.DataFrame)
             else getattr(frame, "total", None))
    if as_json:
        out = {"shown": len(rows), "total": total, "offset": offset, "items": rows,
               **({"note": note} if note else {})}
        console.file.write(json.dumps(out, ensure_ascii=False, default=str) + "\n")
        return
    cells = [[cell(fn(row)) for _, fn in columns] for row in rows]
    widths = [max([len(header), *(len(r[i]) for r in cells)]) for i, (header, _) in
              enumerate(columns)]
    floors = [min(width, MIN_TEXT if width > 2 * MIN_TEXT else MIN_CELL) for width in widths]
    needed = sum(floor + 3 for floor in floors) + 1
    if title:
        console.print(Text(title, style="bold"))
    if needed > console.width:
        label = max(len(header) for header, _ in columns)
        for number, row in enumerate(cells):
            if number:
                console.print()
            for (header, _), value in zip(columns, row, strict=True):
                line = Text(f"{header:>{label}}  ", style="bold")
                line.append(value)
                console.print(line)
    else:
        table = Table(*(header for header, _ in columns))
        for column, floor in zip(table.columns, floors, strict=True):
            column.min_width, column.overflow = floor, "fold"
        for row in cells:
            table.add_row(*(Text(value) for value in row))
        console.print(table)
    console.print(count_line(len(rows), total, noun, offset, note))


def count_line(shown: int, total: int | None, noun: str, offset: int = 0, note: str = ""
               ) -> Text:
    """'20 of 218 events, from row 41 (...)': what a listing shows of what matches."""
    line = f"{shown} of {total} {noun}" if total is not None else f"{shown} {noun}"
    if offset:
        line += f", from row {offset + 1}"
    if total is not None and offset + shown < total:
        line += " (--offset to page, --all for every row)"
    return Text(line + (f"; {note}" if note else ""), style="dim")
