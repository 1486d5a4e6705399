"""Inter-annotator agreement on the fresh event gold sets: fresh.jsonl, fresh2.jsonl and
fresh3.jsonl (the first annotations) against fresh_second.jsonl, fresh2_second.jsonl and
fresh3_second.jsonl (a second annotator's of the same texts, each made blind to the first; the
third covers only its set's held-out half, so only those texts are compared).

    PYTHONPATH=src python benchmarks/gold/events/agreement.py [--set fresh|fresh2|fresh3] [--list]

A trigger is a (file, trigger_start) pair. Trigger, (trigger, type), (sentence, type: the
benchmark's looser match, forgiving a different word for the same event) and (trigger, type,
source, target) agreement are F1 of the second annotation against the first (F1 is symmetric,
so which is the reference does not matter). Modality and date agreement and Cohen's kappa on
type are over the triggers both annotated: a trigger's type is the type of most of its rows, and
its modalities and dates are compared as sets, since one trigger can carry several events.
Each set is also split by language and into the benchmark's dev and held-out halves.
--list prints every disagreement, for reading.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
Row = dict
Key = tuple
# name: (first annotation, second annotation, the set's GoldSet in benchmarks/events.py)
SETS = {"fresh": ("fresh.jsonl", "fresh_second.jsonl", "FRESH"),
        "fresh2": ("fresh2.jsonl", "fresh2_second.jsonl", "FRESH2"),
        "fresh3": ("fresh3.jsonl", "fresh3_second.jsonl", "FRESH3")}


def load(name: str) -> list[Row]:
    return [json.loads(line) for line in (HERE / name).read_text("utf-8").splitlines()
            if line.strip()]


def f1(first: set[Key], second: set[Key]) -> tuple[float, float, float]:
    """Precision and recall of the second annotation taking the first as the answer, and F1."""
    both = len(first & second)
    precision = both / len(second) if second else 0.0
    recall = both / len(first) if first else 0.0
    return precision, recall, (2 * both / (len(first) + len(second)) if first or second else 0.0)


def by_trigger(rows: Iterable[Row]) -> dict[Key, list[Row]]:
    out: dict[Key, list[Row]] = {}
    for row in rows:
        out.setdefault((row["file"], row["trigger_start"]), []).append(row)
    return out


def main_type(rows: list[Row]) -> str:
    """The type most rows on one trigger have (ties: alphabetical), the trigger's one label."""
    counts = Counter(r["type"] for r in rows)
    return min(counts, key=lambda t: (-counts[t], t))


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two annotators' labels on the same items."""
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / n ** 2
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


KEYS: dict[str, Callable[[Row], Key]] = {
    "trigger": lambda r: (r["file"], r["trigger_start"]),
    "trigger+type": lambda r: (r["file"], r["trigger_start"], r["type"]),
    "sentence+type": lambda r: (r["file"], r["sentence"], r["type"]),
    "trigger+type+mode": lambda r: (r["file"], r["trigger_start"], r["type"], r["mode"]),
    "trigger+type+source+target": lambda r: (r["file"], r["trigger_start"], r["type"],
                                             r["source"], r["target"]),
}


def agreement(first: list[Row], second: list[Row]) -> dict[str, object]:
    scores: dict[str, object] = {"rows": (len(first), len(second))}
    for name, key in KEYS.items():
        a, b = {key(r) for r in first}, {key(r) for r in second}
        scores[name] = {"first": len(a), "second": len(b), "both": len(a & b),
                        "P R F1": tuple(round(x, 3) for x in f1(a, b))}
    one, two = by_trigger(first), by_trigger(second)
    shared = sorted(one.keys() & two.keys())

    def same(field: str) -> float:
        return sum({r[field] for r in one[k]} == {r[field] for r in two[k]}
                   for k in shared) / len(shared)

    types = [(main_type(one[k]), main_type(two[k])) for k in shared]
    scores["shared triggers"] = len(shared)
    scores["type agreement"] = round(sum(a == b for a, b in types) / len(shared), 3)
    scores["type kappa"] = round(kappa(types), 3)
    scores["modality agreement"] = round(same("modality"), 3)
    scores["date agreement"] = round(same("date"), 3)
    scores["speaker agreement"] = round(same("speaker"), 3)
    return scores


def disagreements(first: list[Row], second: list[Row]) -> Iterable[str]:
    one, two = by_trigger(first), by_trigger(second)

    def show(rows: list[Row]) -> str:
        return "; ".join(f"{r['type']}/{r['mode']} {r['source']} -> {r['target']} {r['date']} "
                         f"{r['modality']}" for r in rows)

    for key in sorted(one.keys() | two.keys()):
        a, b = one.get(key, []), two.get(key, [])
        trigger = (a or b)[0]["trigger"]
        if not a or not b or show(sorted(a, key=str)) != show(sorted(b, key=str)):
            yield (f"{key[0]} {key[1]} {trigger!r}\n  first:  {show(a) or '-'}\n"
                   f"  second: {show(b) or '-'}")


def halves(gold_set: str) -> Callable[[str], str]:
    """The benchmark's dev/held-out split of a fresh set, so agreement is reported by half."""
    sys.path.insert(0, str(HERE.parents[1]))  # benchmarks/, which events.py imports from
    import events  # loads marea, which only the command needs

    half: Callable[[str], str] = getattr(events, gold_set).half
    return half


def report(name: str, list_all: bool) -> None:
    first_file, second_file, gold_set = SETS[name]
    second = load(second_file)
    covered = {r["file"] for r in second}  # a second annotation may cover only some texts
    first = [r for r in load(first_file) if r["file"] in covered]
    half = halves(gold_set)
    groups: dict[str, Callable[[str], bool]] = {
        "all": lambda file: True, "en": lambda file: file.startswith("en"),
        "es": lambda file: file.startswith("es"), "dev": lambda file: half(file) == "dev",
        "held-out": lambda file: half(file) == "held-out"}
    print(f"##### {first_file} against {second_file}")
    for group, kept in groups.items():
        if not any(kept(file) for file in covered):
            continue
        print(f"== {group}")
        scores = agreement([r for r in first if kept(r["file"])],
                           [r for r in second if kept(r["file"])])
        for key, value in scores.items():
            print(f"  {key}: {value}")
    print("== per file: trigger F1, trigger+type+source+target F1")
    for file in sorted({r["file"] for r in first}):
        a = [r for r in first if r["file"] == file]
        b = [r for r in second if r["file"] == file]
        print(f"  {file} ({half(file)}): " + ", ".join(
            f"{f1({KEYS[k](r) for r in a}, {KEYS[k](r) for r in b})[2]:.3f}"
            for k in ("trigger", "trigger+type+source+target")))
    if list_all:
        for line in disagreements(first, second):
            print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(SETS), help="only this set (default: both)")
    parser.add_argument("--list", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    for name in [args.set] if args.set else SETS:
        report(name, args.list)


if __name__ == "__main__":
    main()
