"""Terminal view of an actor's timeline: stories by date, each with its evidence sentence and
how many articles and sources reported it."""

from __future__ import annotations

from numbers import Real

import pandas as pd
from rich.console import Console
from rich.text import Text


def print_timeline(console: Console, frame: pd.DataFrame, as_json: bool = False,
                   offset: int = 0) -> None:
    """Print stories in date order (frame from Corpus.timeline), then how many of how many."""
    from marea.console import count_line, field, print_listing

    if as_json:
        print_listing(console, frame, [(key, field(key)) for key in frame.columns],
                      noun="stories", as_json=True, offset=offset)
        return
    for row in frame.itertuples():
        head = Text(f"{row.date or 'undated':<10} ", style="bold")
        head.append(f"{_name(row.source_actor, row.source_actor_id)} —{row.type}"
                    f"{'/' + row.mode if isinstance(row.mode, str) else ''}→ "
                    f"{_name(row.target_actor, row.target_actor_id)}", style="cyan")
        if row.modality != "asserted":
            head.append(f" [{row.modality}]", style="yellow")
        place = ", ".join(str(v) for v in (row.city, row.country) if isinstance(v, str))
        if place:
            head.append(f"  @ {place}", style="green")
        head.append(f"  {reported_by(row.articles, row.sources)}", style="magenta")
        console.print(head)
        console.print(Text(f"    {str(row.sentence_text).strip()}  ({row.doc_id[:12]})",
                           style="dim"))
    console.print(count_line(len(frame), frame.attrs.get("total"), "stories", offset),
                  soft_wrap=True)


def _name(name: object, actor_id: object) -> str:
    """An actor's name, else its id, else "-" (a missing value is None or NaN)."""
    return next((str(v) for v in (name, actor_id) if isinstance(v, str) and v), "-")


def reported_by(articles: object, sources: object) -> str:
    """ "reported by 3 articles / 2 sites" (1 / 1 before the stories are refreshed); a story's
    `sources` (GDELT's NumSources) are distinct sites."""
    counts = [int(float(v)) if isinstance(v, Real) and v == v else 1  # NaN != NaN
              for v in (articles, sources)]
    return (f"reported by {counts[0]} article{'s' if counts[0] != 1 else ''} / "
            f"{counts[1]} site{'s' if counts[1] != 1 else ''}")
