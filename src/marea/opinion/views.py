"""Terminal view of a document's framing spans (listings are printed by marea.console)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marea.corpus import Corpus

# one colour per technique family in `marea frames`
FRAME_STYLES = ("on dark_red", "on dark_blue", "on dark_green", "on purple4", "on dark_orange3",
                "on deep_sky_blue4", "on grey37")


def print_frames(console: Console, corpus: Corpus, doc_id: str) -> None:
    """The document's text with technique spans highlighted, then a legend."""
    frame = corpus.frames(doc_id)
    doc = corpus.store.resolve_doc_id(doc_id)
    text = str(corpus.store.query("SELECT text FROM documents WHERE doc_id = ?", [doc])[0][0])
    styles = {t: FRAME_STYLES[i % len(FRAME_STYLES)]
              for i, t in enumerate(sorted(set(frame["technique"])))}
    marked = Text(text)
    for row in frame.itertuples():
        marked.stylize(styles[row.technique], row.start_char, row.end_char)
    console.print(marked)
    legend = Table("technique", "spans", "example")
    for technique, group in frame.groupby("technique"):
        legend.add_row(Text(str(technique), style=styles[str(technique)]), str(len(group)),
                       Text(str(group.iloc[0]["text"])[:70]))
    console.print(legend)
