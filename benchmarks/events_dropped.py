"""Which check keeps the dev halves' gold triggers from an event, counted by check.

    python benchmarks/events_dropped.py [--sets gold,fresh,plover-gsr,es-1018,...] [--all]
                                        [--held-out]

The event extraction logs, at debug level ("marea.events.dropped"), each lexicon word that it
matched and then gave no event, with the check that dropped it (roles.py `note_drop`: the
unmet constraint of the word's nearest lexicon entry, "requires a target", "no actor on either
side", ...). This ingests the dev halves (our gold's even texts, the fresh set's dev files,
the external sets' even records) and counts, for each gold trigger marea misses (no
event of the gold type on it, in its sentence for the external sets), the check logged on the
trigger word, "another type" (an event of another type on it), or "no check logged" (not in
the lexicon as tagged, a noun filter, an event dropped after extraction). --all also counts
every drop logged on the dev halves, gold trigger or not. --held-out counts the held-out halves
instead, counts only (no word or sentence is printed, as for events.py --classes).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from events import FRESH, MAIN, GoldSet, _ingested, _settings, external_sets  # noqa: E402

from marea.pipeline import ingest  # noqa: E402
from marea.store import Store  # noqa: E402

Drop = tuple[str, str, int, str, str]  # (file name, locator, start, word, check)


class Drops(logging.Handler):
    """Collects the drops the extraction logs."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.drops: list[Drop] = []

    def emit(self, record: logging.LogRecord) -> None:
        doc, start = record.__dict__["doc"], record.__dict__["start"]
        word = next((doc.text[t.start:t.end] for t in doc.tokens if t.start == start), "")
        self.drops.append((Path(doc.source).name, doc.locator, start, word.lower(),
                           record.getMessage()))


def gold_misses(gold_set: GoldSet, drops: Drops, half: str = "dev"
                ) -> tuple[Counter[str], Counter[str]]:
    """Ingest a gold set's texts of one half; return (checks on its missed gold triggers, all
    checks logged)."""
    rows = [json.loads(line) for line in gold_set.rows.read_text("utf-8").splitlines()
            if line.strip()]
    rows = [g for g in rows if gold_set.half(g["file"]) == half]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for file in {g["file"] for g in rows} | {"metadata.jsonl"}:  # its dates
            (folder / file).write_bytes((gold_set.texts / file).read_bytes())
        drops.drops.clear()
        settings = _settings(Path(tmp) / "x.duckdb")
        with Store(settings.db) as store:
            ingest([str(folder)], store, settings)
            found = {(f, s, k) for f, s, k in store.query(
                "SELECT regexp_extract(d.source, '[^/]+$'), m.start_char, e.type FROM events e "
                "JOIN event_mentions m ON m.doc_id = e.doc_id AND m.event = e.idx "
                "JOIN documents d ON d.doc_id = e.doc_id")}
    checks = {(f, s): why for f, _, s, _, why in reversed(drops.drops)}  # the first logged
    typed = {(f, s) for f, s, _ in found}
    missed = Counter(checks.get((g["file"], g["trigger_start"]), "another type" if (
        g["file"], g["trigger_start"]) in typed else "no check logged")
                     for g in rows if (g["file"], g["trigger_start"], g["type"]) not in found)
    return missed, Counter(why for *_, why in drops.drops)


def external_misses(name: str, drops: Drops, half: str = "dev"
                    ) -> tuple[Counter[str], Counter[str]]:
    """The same for an external set's records of one half, a trigger being missed when its
    sentence has no event of its type and matched to a drop by its words."""
    parity = 0 if half == "dev" else 1
    records = [r for r in external_sets(None, name)[name] if r.number % 2 == parity]
    drops.drops.clear()
    with _ingested(name, records) as store:
        events = [(int(loc.split(":")[1]) - 1, kind, word.lower()) for loc, kind, word in
                  store.query("SELECT d.locator, e.type, e.trigger FROM events e "
                              "JOIN documents d USING (doc_id)")]
    types = {(number, kind) for number, kind, _ in events}
    typed = {(number, word) for number, _, word in events}
    by_sentence: dict[int, list[tuple[str, str]]] = {}
    for _, locator, _, word, why in drops.drops:
        by_sentence.setdefault(int(locator.split(":")[1]) - 1, []).append((word, why))
    missed: Counter[str] = Counter()
    for number, record in enumerate(records):
        for trigger in record.triggers:
            kind, _, words = trigger.partition(" ")
            if (number, kind) in types:
                continue
            tokens = {w.lower() for w in words.split()}
            missed[next((why for word, why in by_sentence.get(number, []) if word in tokens),
                        "another type" if any((number, w) in typed for w in tokens)
                        else "no check logged")] += 1
    return missed, Counter(why for *_, why in drops.drops)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default="gold,fresh,plover-gsr,es-1018,es-protest,es-fight")
    parser.add_argument("--all", action="store_true", help="also count every drop logged")
    parser.add_argument("--held-out", action="store_true", help="count the held-out halves")
    args = parser.parse_args()
    half = "held-out" if args.held_out else "dev"
    drops = Drops()
    logger = logging.getLogger("marea.events.dropped")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(drops)
    logger.propagate = False
    for name in args.sets.split(","):
        missed, every = (gold_misses(MAIN if name == "gold" else FRESH, drops, half)
                         if name in ("gold", "fresh") else external_misses(name, drops, half))
        print(f"{name} {half}: {sum(missed.values())} gold triggers missed; by the check "
              "logged on them: " + ", ".join(f"{k} {v}" for k, v in missed.most_common()))
        if args.all:
            print(f"  every drop logged: {sum(every.values())}: "
                  + ", ".join(f"{k} {v}" for k, v in every.most_common()))


if __name__ == "__main__":
    main()
