"""Terminal view of a document's framing spans (listings are printed by marea.console)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marea.corpus import Corpus

# one colour per technique family in `marea frames`
FRAME_STYLES = ("on dark_red", "on dark_blue", "on dark_green", "on purple4", "on dark_orange3",
                "on deep_sky_blue4", "on grey37")


def bracketed(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Mark spans in plain text as ⟦span⟧{technique}; a span inside an earlier one is skipped
    so the marks never interleave."""
    out, at = [], 0
    for start, end, label in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < at:
            continue
        out += [text[at:start], "⟦", text[start:end], f"⟧{{{label}}}"]
        at = end
    return "".join([*out, text[at:]])


def print_frames(console: Console, corpus: Corpus, doc_id: str) -> None:
    """The document's text with technique spans highlighted, then a legend."""
    frame = corpus.frames(doc_id)
    doc = corpus.store.resolve_doc_id(doc_id)
    text = str(corpus.store.query("SELECT text FROM documents WHERE doc_id = ?", [doc])[0][0])
    styles = {t: FRAME_STYLES[i % len(FRAME_STYLES)]
              for i, t in enumerate(sorted(set(frame["technique"])))}
    if console.is_terminal:
        marked = Text(text)
        for row in frame.itertuples():
            marked.stylize(styles[row.technique], row.start_char, row.end_char)
        console.print(marked)
    else:  # piped or redirected: colours are lost, so the spans are marked in the text
        console.print(bracketed(text, [(r.start_char, r.end_char, r.technique)
                                       for r in frame.itertuples()]),
                      highlight=False, markup=False)
    legend = Table("technique", "spans", "example")
    for technique, group in frame.groupby("technique"):
        legend.add_row(Text(str(technique), style=styles[str(technique)]), str(len(group)),
                       Text(str(group.iloc[0]["text"])[:70]))
    console.print(legend)
