"""Actor-linking precision and recall on marea's own gold set (benchmarks/gold/actors).

    python benchmarks/actors.py [--kb extra.yaml]

Ingests the gold texts with the full pipeline into a temporary store, then compares each
gold mention (span + actor) with marea's linked mentions overlapping it. Prints:
- recall: gold mentions whose span overlaps a marea mention linked to the right actor;
- precision (on gold spans): of marea's links overlapping gold spans, the share that are right;
- precision (strict): the same, also counting as wrong every marea link to a known actor or
  agent on a span the annotators left out (demonyms, plain places...);
- per-kind recall, the main confusions, and negatives ("none" spans) wrongly linked.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from marea.actors.kb import fold, load_kb
from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store

GOLD = Path(__file__).resolve().parent / "gold" / "actors"
SLUG = re.compile(r"[^a-z0-9]+")


def expected_id(actor: str, kind: str, kb_types: dict[str, str], names: dict[str, str]
                ) -> str | None:
    """Return the marea actor id a gold actor should get (None for the 'none' negatives)."""
    if kind == "none":
        return None
    if kind in ("country", "agent"):
        return actor
    if kind == "unknown":
        name = actor.split(":", 1)[1]
        return f"x-person-{SLUG.sub('-', fold(name)).strip('-')}"
    known = names.get(fold(actor)) or next(
        (e.actor_id for e in load_kb().lookup(actor) if e.kind in ("name", "alias", "acronym")),
        None)
    if known:
        return known
    return f"x-{'person' if kind == 'person' else 'org'}-{SLUG.sub('-', fold(actor)).strip('-')}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kb", action="append", default=[], help="extra knowledge-base file")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON line")
    args = parser.parse_args()
    kb = load_kb(tuple(args.kb))
    names = {fold(a.name): a.id for a in kb.actors.values()}
    names.update({fold(alias): a.id for a in kb.actors.values() for alias in a.aliases
                  if len(alias.split()) > 1})
    gold = [json.loads(line) for line in (GOLD / "mentions.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings().with_(db=str(Path(tmp) / "gold.duckdb"),
                                         kb_files=tuple(args.kb))
        with Store(settings.db) as store:
            summary = ingest([str(GOLD / "texts")], store, settings)
            assert not summary.failed, summary.failed
            rows = store.query(
                "SELECT regexp_extract(d.source, '[^/]+$'), m.start_char, m.end_char, m.text, "
                "m.actor_id, a.origin FROM mentions m JOIN documents d USING (doc_id) "
                "JOIN actors a USING (actor_id)")
    linked: dict[str, list[tuple[int, int, str, str, str]]] = defaultdict(list)
    for file, start, end, text, actor_id, origin in rows:
        linked[file].append((start, end, text, actor_id, origin))

    hits, per_kind, confusions = 0, Counter(), Counter()
    totals: Counter[str] = Counter()
    wrong_negatives = []
    used: set[tuple[str, int, int]] = set()
    correct_links = wrong_links = 0
    for g in gold:
        want = expected_id(g["actor"], g["kind"], {}, names)
        overlapping = [m for m in linked[g["file"]] if m[0] < g["end"] and g["start"] < m[1]]
        for m in overlapping:
            used.add((g["file"], m[0], m[1]))
        if want is None:
            bad = [m for m in overlapping if m[4] != "unknown"]
            if bad:
                wrong_negatives.append((g["file"], g["text"], bad[0][3]))
            continue
        totals[g["kind"]] += 1
        got = {m[3] for m in overlapping}
        if want in got:
            hits += 1
            per_kind[g["kind"]] += 1
        else:
            confusions[(g["kind"], g["text"], want, ",".join(sorted(got)) or "-")] += 1
        correct_links += sum(m[3] == want for m in overlapping)
        wrong_links += sum(m[3] != want for m in overlapping)
    extra = sum(1 for file, found in linked.items() for m in found
                if (file, m[0], m[1]) not in used and m[4] != "unknown")
    total = sum(totals.values())
    if args.json:
        print(json.dumps({"recall": hits / total,
                          "precision": correct_links / max(1, correct_links + wrong_links)}))
        return
    print(f"gold texts {len({g['file'] for g in gold})}, gold mentions {total} "
          f"(+{sum(g['kind'] == 'none' for g in gold)} negatives), marea links {len(rows)}")
    print(f"recall                    {hits / total:.3f}  ({hits}/{total})")
    print(f"precision on gold spans   {correct_links / max(1, correct_links + wrong_links):.3f}"
          f"  ({correct_links}/{correct_links + wrong_links})")
    strict = correct_links / max(1, correct_links + wrong_links + extra)
    print(f"precision (strict)        {strict:.3f}  (+{extra} links to known actors or agents "
          "on spans the gold leaves out)")
    print("recall by kind: " + ", ".join(
        f"{kind} {per_kind[kind] / n:.2f} ({n})" for kind, n in totals.most_common()))
    print(f"negatives linked to a known actor: {len(wrong_negatives)} "
          + "; ".join(f"{f}:{t}->{a}" for f, t, a in wrong_negatives))
    print("most frequent misses (kind, text, expected, got):")
    for (kind, text, want, got), count in confusions.most_common(25):
        print(f"  {count:>2}  {kind:8} {text!r:34} {want:32} {got}")


if __name__ == "__main__":
    main()
