"""Terminal views of the store: status, document table, one document with its mentions."""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def progress_bar(console: Console) -> Progress:
    """Return the ingest progress display: documents done, documents/s, elapsed, last input."""
    return Progress(
        SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(),
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
    console.print(f"store {store.path} (schema v{store.version()})", highlight=False)
    console.print(f"documents {docs} ({dups} near-duplicates), words {words}, "
                  f"sentences {sentences}, mentions {mentions}", highlight=False)
    langs = store.query("SELECT coalesce(language, '?'), count(*) FROM documents "
                        "GROUP BY 1 ORDER BY 2 DESC")
    console.print("languages: " + ", ".join(f"{lang} {n}" for lang, n in langs), highlight=False)
    table = Table("run", "started", "status", "stored", "near-dup", "dup", "unchanged",
                  "skipped", "failed", title="recent runs")
    for row in store.query("SELECT run_id, strftime(started_at, '%Y-%m-%d %H:%M:%S'), status, "
                           "stored, near_duplicates, duplicates, unchanged, skipped, failed "
                           "FROM runs ORDER BY run_id DESC LIMIT 5"):
        table.add_row(*(str(v) for v in row))
    console.print(table)


def print_documents(console: Console, store: Store, limit: int) -> None:
    """Print a table of stored documents, newest publication first; titles fill the width."""
    rows = store.query(
        "SELECT left(d.doc_id, 12), coalesce(d.language, '?'), coalesce(d.published, ''), "
        "d.n_words, (SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id), "
        "CASE WHEN d.duplicate_of IS NULL THEN '' ELSE 'dup' END, "
        "coalesce(d.title, split_part(d.text, chr(10), 1)) "
        "FROM documents d ORDER BY d.published DESC NULLS LAST, d.doc_id LIMIT ?", [limit])
    header = ("id", "lang", "published", "words", "ents", "near", "title")
    cells = [[str(v) for v in row] for row in rows]
    widths = [max([len(header[i])] + [len(r[i]) for r in cells]) for i in range(6)]
    room = max(20, console.width - sum(widths) - 2 * len(widths))

    def line(values: list[str] | tuple[str, ...]) -> str:
        fixed = "  ".join(v.rjust(w) if i in (3, 4) else v.ljust(w)
                          for i, (v, w) in enumerate(zip(values[:6], widths, strict=True)))
        title = values[6] if len(values[6]) <= room else values[6][: room - 1] + "…"
        return f"{fixed}  {title}"

    console.print(line(header), style="bold", highlight=False, markup=False)
    for row in cells:
        console.print(line(row), highlight=False, markup=False, soft_wrap=True)
    (total,), = store.query("SELECT count(*) FROM documents")
    console.print(f"{len(cells)} of {total} documents in {store.path}", style="dim",
                  highlight=False)


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
