"""Terminal view of an actor's timeline: events by date, each with its evidence sentence."""

from __future__ import annotations

import pandas as pd
from rich.console import Console
from rich.text import Text


def print_timeline(console: Console, frame: pd.DataFrame, as_json: bool = False,
                   offset: int = 0) -> None:
    """Print events in date order (frame from Corpus.timeline), then how many of how many."""
    from marea.console import count_line, field, print_listing

    if as_json:
        print_listing(console, frame, [(key, field(key)) for key in frame.columns],
                      noun="events", as_json=True, offset=offset)
        return
    for row in frame.itertuples():
        head = Text(f"{row.date or 'undated':<10} ", style="bold")
        head.append(f"{row.source_actor or row.source_actor_id or '-'} —{row.type}"
                    f"{'/' + row.mode if isinstance(row.mode, str) else ''}→ "
                    f"{row.target_actor or row.target_actor_id or '-'}", style="cyan")
        if row.modality != "asserted":
            head.append(f" [{row.modality}]", style="yellow")
        place = ", ".join(str(v) for v in (row.city, row.country) if isinstance(v, str))
        if place:
            head.append(f"  @ {place}", style="green")
        console.print(head)
        console.print(Text(f"    {str(row.sentence_text).strip()}  ({row.doc_id[:12]})",
                           style="dim"))
    console.print(count_line(len(frame), frame.attrs.get("total"), "events", offset),
                  soft_wrap=True)
