"""Terminal views of stance, themes, frames, claims and narratives (queries live in Corpus)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from marea.corpus import Corpus

STANCE_STYLE = {"favor": "green", "against": "red", "neutral": "dim"}
# one colour per technique family in `marea frames`
FRAME_STYLES = ("on dark_red", "on dark_blue", "on dark_green", "on purple4", "on dark_orange3",
                "on deep_sky_blue4", "on grey37")


def print_stance(console: Console, corpus: Corpus, actor: str, period: str,
                 site: str | None, limit: int) -> None:
    """Per-document stances toward an actor, then the mean per period and source."""
    rows = corpus.stances(actor, site=site, limit=limit)
    table = Table("published", "source", "stance", "score", "mentions", "strongest cue",
                  title=f"stance toward {corpus.actor_id(actor)}")
    for row in rows.itertuples():
        cue = f"{row.cue_kind}: {row.cue}" if isinstance(row.cue_kind, str) else ""
        table.add_row(Text(str(row.published or "")), Text(str(row.site)[:30]),
                      Text(row.label, style=STANCE_STYLE[row.label]), f"{row.score:+.2f}",
                      str(row.mentions), Text(cue[:70]))
    console.print(table)
    over_time = Table(period, "source", "docs", "mean", "favor", "against", "neutral",
                      title="over time")
    for row in corpus.stance_timeline(actor, period).itertuples():
        over_time.add_row(Text(str(row.period)), Text(str(row.site)[:30]), str(row.documents),
                          f"{row.mean_score:+.2f}", str(row.favor), str(row.against),
                          str(row.neutral))
    console.print(over_time)


def print_themes(console: Console, corpus: Corpus, doc_id: str | None, language: str | None,
                 since: str | None, until: str | None) -> None:
    frame = corpus.themes(doc_id, language, since, until)
    if doc_id:
        table = Table("sentence", "theme", "hits", "terms", "text")
        for row in frame.itertuples():
            table.add_row(str(row.sentence), row.theme, f"{row.score:g}", Text(row.terms),
                          Text(row.text.strip()[:80]))
    else:
        table = Table("theme", "documents", "mean share", "first", "last")
        for row in frame.itertuples():
            table.add_row(row.theme, str(row.documents), f"{row.mean_share:.2f}",
                          str(row.first or ""), str(row.last or ""))
    console.print(table)


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


def print_claims(console: Console, corpus: Corpus, actor: str | None, kind: str | None,
                 limit: int) -> None:
    table = Table("score", "kinds", "claimant", "published", "doc", "claim")
    for row in corpus.claims(actor, kind, limit=limit).itertuples():
        table.add_row(f"{row.score:.2f}", row.kinds, Text(str(row.claimant or "—")[:30]),
                      str(row.published or ""), row.doc_id[:12], Text(row.text.strip()[:110]))
    console.print(table)


def print_narratives(console: Console, corpus: Corpus, show: int | None, limit: int) -> None:
    if show is not None:
        table = Table("published", "source", "sim", "doc", "sentence",
                      title=f"narrative {show}")
        for row in corpus.narrative(show).itertuples():
            table.add_row(str(row.published or ""), Text(str(row.site)[:25]),
                          f"{row.similarity:.2f}", row.doc_id[:12], Text(row.text.strip()[:100]))
        console.print(table)
        return
    table = Table("id", "label", "sentences", "docs", "sources", "from", "to", "cohesion")
    for row in corpus.narratives(limit).itertuples():
        table.add_row(str(row.narrative_id), Text(row.label), str(row.sentences),
                      str(row.documents), str(row.sources), str(row.first_date or ""),
                      str(row.last_date or ""), f"{row.cohesion:.2f}")
    console.print(table)
