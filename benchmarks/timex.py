"""Date-expression finding and normalisation on the TempEval-3 platinum test set.

    python benchmarks/timex.py [--folder te3-platinum] [--errors]

Reads the TimeML files under ../shared/benchmarks/timex-tempeval3/<folder> beside the checkout
(`--folder TBAQ-cleaned/TimeBank` or `TBAQ-cleaned/AQUAINT` score the training data), strips
the tags of each <TEXT> to get the raw text, runs `find_timexes(text, "en", DCT)` with the
document creation time as the publication date, and pairs predicted and gold TIMEX3 spans one
to one, as the TempEval-3 scorer defines its matches.

Prints the number of gold TIMEX3 (the DCT excluded), detection precision/recall/F1 with relaxed
match (any character overlap) and strict match (exact span), value accuracy over the relaxed
matches (exact string equality) and value P/R/F1 (TempEval-3's headline "value F1"), then
per gold TYPE (DATE, TIME, DURATION, SET) the relaxed recall and value-correct count; only DATE
is in scope, so the other rows show what is left out. `--errors` lists the misses, the false
alarms and the wrong values.
"""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from marea.events.timex import Timex, find_timexes

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "timex-tempeval3"
TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, str, list[Gold]]:
    """Return the raw <TEXT>, the DCT value and the gold TIMEX3 of a TimeML file."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    assert dct is not None and body is not None, path
    parts: list[str] = []
    gold: list[Gold] = []
    size = 0

    def walk(node: ET.Element) -> None:
        nonlocal size
        start = size
        parts.append(node.text or "")
        size += len(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
            size += len(child.tail or "")
        if node.tag == "TIMEX3":
            gold.append(Gold(start, size, "".join(parts)[start:], node.get("type", ""),
                             node.get("value", "")))

    walk(body)
    return "".join(parts), dct.get("value", ""), gold


def ratios(hits: int, predicted: int, wanted: int) -> str:
    """Return "P R F1" as percentages."""
    p = hits / predicted if predicted else 0.0
    r = hits / wanted if wanted else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:6.1%}  R {r:6.1%}  F1 {f:6.1%}"


def pair(gold: list[Gold], found: list[Timex], strict: bool) -> list[tuple[Gold, Timex]]:
    """Pair each gold timex with the first unpaired prediction that matches it."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for i, t in enumerate(found):
            same = (t.start, t.end) == (g.start, g.end)
            if i not in used and (same if strict else t.start < g.end and g.start < t.end):
                used.add(i)
                pairs.append((g, t))
                break
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", default="te3-platinum")
    parser.add_argument("--errors", action="store_true", help="list misses and wrong values")
    args = parser.parse_args()
    folder = DATA / args.folder
    if not folder.is_dir():
        print(f"skipped: {folder} is absent (the shared benchmark data is not checked out)")
        return
    n_gold = n_found = strict = 0
    relaxed: list[tuple[Gold, Timex]] = []
    by_type: Counter[str] = Counter()
    errors: list[str] = []
    files = sorted(folder.rglob("*.tml"))
    for path in files:
        text, dct, gold = read_tml(path)
        found = find_timexes(text, "en", dct)
        n_gold += len(gold)
        n_found += len(found)
        strict += len(pair(gold, found, strict=True))
        pairs = pair(gold, found, strict=False)
        relaxed += pairs
        by_type.update(g.type for g in gold)
        if args.errors:
            paired_gold = {id(g) for g, _ in pairs}
            paired_found = {id(t) for _, t in pairs}
            errors += [f"{path.name} MISS  {g.type:8} {g.text!r} {g.value}"
                       for g in gold if id(g) not in paired_gold]
            errors += [f"{path.name} EXTRA {t.text!r} {t.value}"
                       for t in found if id(t) not in paired_found]
            errors += [f"{path.name} VALUE {g.type:8} {g.text!r} gold {g.value} got {t.value}"
                       f" ({t.text!r})" for g, t in pairs if g.value != t.value]
    correct = sum(g.value == t.value for g, t in relaxed)
    print(f"{args.folder}: {len(files)} documents, {n_gold} gold TIMEX3 (DCT excluded), "
          f"{n_found} found")
    print(f"  relaxed match   {ratios(len(relaxed), n_found, n_gold)}")
    print(f"  strict match    {ratios(strict, n_found, n_gold)}")
    accuracy = correct / len(relaxed) if relaxed else 0.0
    print(f"  value accuracy  {accuracy:6.1%} of {len(relaxed)} relaxed matches")
    print(f"  value           {ratios(correct, n_found, n_gold)}")
    print("  per gold type   gold  relaxed recall  value correct")
    for kind in TYPES:
        hits = [(g, t) for g, t in relaxed if g.type == kind]
        right = sum(g.value == t.value for g, t in hits)
        share = len(hits) / by_type[kind] if by_type[kind] else 0.0
        print(f"    {kind:12} {by_type[kind]:5}  {len(hits):5} ({share:6.1%})  {right:5}")
    for line in errors:
        print(line)


if __name__ == "__main__":
    main()
