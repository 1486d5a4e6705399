"""Fit the stance constants on the tuning half of our gold, shippable documents only.

    python benchmarks/fit_stance.py            # prints the chosen values; paste them into stance.py
    python benchmarks/fit_stance.py --errors   # the tuning errors by cause, then stop
    python benchmarks/fit_stance.py --errors --list   # and each error pair with its cues
    python benchmarks/fit_stance.py --inner    # the overfit inside the tuning half (see inner())

The tuning half of benchmarks/gold/stance/split.json restricted to documents we may tune on:
the seeds, the bundled examples, our own gold texts and the trafilatura-eval pages
(Apache-2.0). FNC-1 and PTC documents are evaluation-only and are never read here. Each
document is processed once up to the stance stage; then coordinate descent over a small grid
per constant (two rounds) maximises macro-F1 over favor/against/neutral, keeping the current
value unless another gains more than MIN_GAIN. benchmarks/stance.py reports the held-out half.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold import EXAMPLES, GOLD_TEXTS, SEEDS, doc_name, stage_shared  # noqa: E402
from stance import EVALUATION_ONLY, GOLD, SHARED_SETS, gold_rows, scores, sector_ids  # noqa: E402

import marea.opinion.stance as stance_module  # noqa: E402
from marea.ingest.sources import read_inputs  # noqa: E402
from marea.model import Document, Stance  # noqa: E402
from marea.pipeline import DEFAULT_PIPELINE, run_stages  # noqa: E402
from marea.settings import load_settings  # noqa: E402

MIN_GAIN = 0.002  # macro-F1 a new value must add over the current one
GRID: dict[str, list[float]] = {
    "label": [0.5, 1.0, 1.5, 2.0, 3.0], "attribute": [0.0, 0.2, 0.4, 0.8, 1.2],
    "predicate": [0.5, 0.75, 1.0, 1.5, 2.0], "event": [0.0, 0.15, 0.3, 0.6, 1.0],
    "context": [0.25, 0.5, 0.75, 1.0, 1.5], "quoted": [0.0, 0.25, 0.5, 0.75, 1.0],
    "ally": [0.0, 0.25, 0.5, 1.0], "oppose": [0.0, 0.25, 0.5, 1.0],
    "state": [0.0, 0.25, 0.5, 1.0], "rival": [0.0, 0.25, 0.5, 1.0],
    "headline": [1.0, 1.5, 2.0], "lead": [1.0, 1.5, 2.0], "victim": [0.0, 0.2, 0.4, 0.8, 1.2],
    "voice": [0.0, 0.25, 0.5, 1.0, 1.5], "side": [0.0, 0.5, 1.0, 1.5, 2.0, 3.0],
}
MODULE_GRID: dict[str, list[float]] = {
    "THRESHOLD": [0.1, 0.15, 0.2, 0.25, 0.3, 0.4], "REPORT_VOICE": [0.05, 0.1, 0.2, 0.35, 0.5],
    "OWNER_SCALE": [0.5, 1.0], "MAIN_MENTIONS": [1, 2, 3]}


def tuning_documents() -> tuple[dict[str, Document], list[dict]]:
    """The shippable tuning documents processed up to stance, and their gold rows."""
    split = json.loads((GOLD / "split.json").read_text("utf-8"))
    names = {n for n in split["tuning"] if not n.startswith(EVALUATION_ONLY)}
    rows = [r for r in gold_rows() if r["doc"] in names]
    settings = load_settings()
    paths = [str(EXAMPLES / d) for d in ("html", "text", "feeds")] + [str(GOLD_TEXTS)]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    with tempfile.TemporaryDirectory() as tmp:
        staged = stage_shared({n for n in names if n.startswith(SHARED_SETS)}, Path(tmp))
        if staged is not None:
            paths.append(str(staged))
        found: dict[str, Document] = {}
        for item in read_inputs(paths, settings):
            if isinstance(item, Document) and doc_name(item.source, item.locator) in names:
                found.setdefault(doc_name(item.source, item.locator), item)
        before = DEFAULT_PIPELINE[:DEFAULT_PIPELINE.index("marea.stance.v1")]
        done = run_stages(list(found.values()), before, settings)
    docs = {doc_name(d.source, d.locator): d for d in done if d.error is None}
    given = {name: {m.actor_id for m in doc.mentions if m.actor_id} for name, doc in docs.items()}
    return docs, sector_ids([r for r in rows if r["doc"] in docs], given)


def macro_f1(docs: dict[str, Document], rows: list[dict]) -> float:
    predicted = {(name, s.actor_id): s.label for name, doc in docs.items()
                 for s in stance_module.document_stances(doc)}
    pairs = [(r["stance"], predicted.get((r["doc"], r["actor_id"]), "neutral")) for r in rows]
    return float(scores(pairs)["macro_f1"])  # type: ignore[arg-type]


def error_causes(docs: dict[str, Document], rows: list[dict]) -> Counter:
    """The tuning errors by cause: no cue at all (an implicit stance), cues too weak to pass
    THRESHOLD (apart: those that would pass undivided by the mentions, or in the author's
    full voice in a report), cues of the wrong sign, or cues on a pair the reader calls
    neutral (by the kind of the strongest cue, "quoted" kept). A pair marea did not find
    counts as neutral with no cue."""
    found = {(name, s.actor_id): s for name, doc in docs.items()
             for s in stance_module.document_stances(doc)}
    causes: Counter = Counter()
    for row in rows:
        stance = found.get((row["doc"], row["actor_id"]))
        label = stance.label if stance else "neutral"
        cues = [c for c in stance.cues if c.weight] if stance else []
        if label == row["stance"]:
            continue
        if row["stance"] == "neutral":
            kind = cues[0].kind.split(":")[0]
            causes[f"neutral called {label} (strongest cue: {kind})"] += 1
        elif not cues:
            causes[f"{row['stance']} called neutral: no cue"] += 1
        elif label == "neutral":
            causes[f"{row['stance']} called neutral: {_weak(docs[row['doc']], stance)}"] += 1
        else:
            causes[f"{row['stance']} called {label}: cues of the wrong sign"] += 1
    return causes


def _weak(doc: Document, stance: Stance) -> str:
    """Why a sided pair's cues stay below THRESHOLD: the division by its mentions, the news
    voice (REPORT_VOICE) or cues too weak or mixed either way."""
    total = sum(c.weight for c in stance.cues)
    report = stance_module._author_voice(doc)
    if abs(math.tanh(report * total)) >= stance_module.THRESHOLD:
        return "cues below the threshold once divided by the mentions"
    if abs(stance_module._score(total, stance.mentions)) >= stance_module.THRESHOLD:
        return "cues below the threshold in a report's voice"
    return "cues below the threshold"


def error_list(docs: dict[str, Document], rows: list[dict]) -> list[str]:
    """One line per tuning error: the pair, gold and predicted label, the score and the
    three strongest cues (kind, words, weight), to read what evidence a pair lacks."""
    found = {(name, s.actor_id): s for name, doc in docs.items()
             for s in stance_module.document_stances(doc)}
    lines = []
    for row in rows:
        stance = found.get((row["doc"], row["actor_id"]))
        label = stance.label if stance else "neutral"
        if label == row["stance"]:
            continue
        cues = "; ".join(f"{c.kind} {c.cue!r} {c.weight:+.2f}" for c in
                         (stance.cues[:3] if stance else []) if c.weight) or "no cue"
        score = f"{stance.score:+.2f}" if stance else "not scored"
        lines.append(f"{row['doc']} {row['actor_id']}: {row['stance']} called {label} "
                     f"({score}): {cues}")
    return lines


def fit(docs: dict[str, Document], rows: list[dict], best: float) -> float:
    """Coordinate descent over GRID and MODULE_GRID (two rounds) on these documents: sets the
    chosen values in marea.opinion.stance and returns the macro-F1 they reach."""
    for _ in range(2):
        changed = False
        for name, values in [*GRID.items(), *MODULE_GRID.items()]:
            get, put = _setter(name)
            current = get()
            results = {}
            for value in values:
                put(value)
                results[value] = macro_f1(docs, rows)
            put(current)
            choice = max(values, key=lambda v: results[v])
            baseline = results.get(current, best)
            if results[choice] > baseline + MIN_GAIN:
                put(choice)
                best, changed = results[choice], True
                print(f"  {name}: {current} -> {choice}  macro-F1 {best:.3f}")
        if not changed:
            break
    return best


def inner_part(name: str) -> str:
    """The inner half of a tuning document: "design" or "check", by the parity of a hash
    other than the one that made the tuning/held-out split (sha1), so that a rule designed
    from one part of the tuning documents can be measured on the other."""
    return "check" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 2 else "design"


def _figures(docs: dict[str, Document], rows: list[dict]) -> str:
    predicted = {(name, s.actor_id): s.label for name, doc in docs.items()
                 for s in stance_module.document_stances(doc)}
    result = scores([(r["stance"], predicted.get((r["doc"], r["actor_id"]), "neutral"))
                     for r in rows])
    f1 = result["f1"]
    return (f"n={result['n']:<4} macro-F1 {result['macro_f1']:.3f}  "  # type: ignore[index]
            f"favor {f1['favor']:.3f} against {f1['against']:.3f}")  # type: ignore[index]


def cue_transfer(docs: dict[str, Document], rows: list[dict]) -> dict[str, Counter]:
    """Per cue kind (the part before ":"; "quoted" kept apart), on each inner part: the
    documents it fires in, and the gold pairs it decides (their strongest cue) whose label
    comes out right or wrong."""
    gold = {(r["doc"], r["actor_id"]): r["stance"] for r in rows}
    found: dict[str, Counter] = {}
    fired: dict[str, set[tuple[str, str]]] = {}
    for name, doc in docs.items():
        part = inner_part(name)
        for s in stance_module.document_stances(doc):
            cues = [cue for cue in s.cues if cue.weight]
            for cue in cues:
                fired.setdefault(cue.kind.split(":")[0], set()).add((part, name))
            label = gold.get((name, s.actor_id))
            if label is None or not cues:
                continue
            deciding = max(cues, key=lambda cue: abs(cue.weight)).kind.split(":")[0]
            outcome = "right" if s.label == label else "wrong"
            found.setdefault(deciding, Counter())[f"{part} {outcome}"] += 1
    for kind, places in fired.items():
        found.setdefault(kind, Counter()).update(f"{part} docs" for part, _ in places)
    return found


def ablation(parts: dict[str, tuple[dict[str, Document], list[dict]]]) -> None:
    """Macro-F1 on each inner part with each weight of GRID set to 0 (the rule family off)."""
    for name in GRID:
        get, put = _setter(name)
        current = get()
        put(0.0)
        print(f"    {name:<10} off: " + " | ".join(
            f"{part} {macro_f1(*parts[part]):.3f}" for part in ("design", "check")))
        put(current)


def inner(docs: dict[str, Document], rows: list[dict]) -> None:
    """The honest figure inside the tuning half: the constants as they are on each inner part,
    then refitted on the design part alone and scored on the check part, and per cue kind
    where it fires and whether its sign agrees with the gold on each part."""
    parts = {part: ({n: d for n, d in docs.items() if inner_part(n) == part},
                    [r for r in rows if inner_part(r["doc"]) == part])
             for part in ("design", "check")}
    for part, (part_docs, part_rows) in parts.items():
        print(f"  {part:<6} {len(part_docs):>3} documents, now: {_figures(part_docs, part_rows)}")
        for language in sorted({doc.language or "" for doc in part_docs.values()}):
            own = {n: d for n, d in part_docs.items() if d.language == language}
            print(f"    {language:<4} {len(own):>3} documents: "
                  f"{_figures(own, [r for r in part_rows if r['doc'] in own])}")
    print("  cue kind: documents fired in, pairs it decides right/wrong (design | check)")
    for kind, counts in sorted(cue_transfer(docs, rows).items(),
                               key=lambda item: -sum(item[1].values())):
        print(f"    {kind:<22} " + " | ".join(
            f"{counts[part + ' docs']:>3} docs {counts[part + ' right']:>3}/"
            f"{counts[part + ' wrong']:<3}" for part in ("design", "check")))
    print("  each weight set to 0 (macro-F1):")
    ablation(parts)
    design_docs, design_rows = parts["design"]
    fit(design_docs, design_rows, macro_f1(design_docs, design_rows))
    print(f"  refitted on design, check: {_figures(*parts['check'])}")


def _setter(name: str) -> tuple[Callable[[], float], Callable[[float], None]]:
    if name in GRID:
        return (lambda: stance_module.WEIGHTS[name],
                lambda value: stance_module.WEIGHTS.__setitem__(name, value))
    return (lambda: getattr(stance_module, name),
            lambda value: setattr(stance_module, name, value))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--errors", action="store_true",
                        help="print the tuning errors by cause and fit nothing")
    parser.add_argument("--list", action="store_true",
                        help="with --errors: also print each error pair with its cues")
    parser.add_argument("--inner", action="store_true",
                        help="split the tuning documents in two, refit on one, score the other")
    args = parser.parse_args()
    docs, rows = tuning_documents()
    best = macro_f1(docs, rows)
    print(f"{len(rows)} pairs in {len(docs)} shippable tuning documents; macro-F1 now {best:.3f}")
    if args.errors:
        for cause, count in error_causes(docs, rows).most_common():
            print(f"  {count:>3}  {cause}")
        if args.list:
            print("\n".join(error_list(docs, rows)))
        return
    if args.inner:
        inner(docs, rows)
        return
    best = fit(docs, rows, best)
    print(f"macro-F1 {best:.3f} with")
    print(f"WEIGHTS = {stance_module.WEIGHTS}")
    for name in MODULE_GRID:
        print(f"{name} = {getattr(stance_module, name)}")


if __name__ == "__main__":
    main()
