"""Document themes against our gold set (benchmarks/gold/themes, see its README).

    python benchmarks/themes.py [--json]   # --json: the held-out half's scores, one line

Scores count (document, theme) pairs: precision = right themes / themes given, recall = right
themes / gold themes. The threshold (cue hits per 1,000 words) and the minimum hits are swept
on the tuning half only; the held-out half is scored at the shipped settings
(marea.opinion.themes) and at the tuning half's choice: the highest F1 whose precision is at
least PRECISION_FLOOR (the .75 target plus a margin, since the other half will differ).
Documents come from the bundled examples, the seeds, trafilatura-eval pages and FNC-1 bodies
(../shared/benchmarks); absent ones are skipped.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold import EXAMPLES, HERE, SEEDS, doc_name, load_gold  # noqa: E402

from marea.ingest.sources import read_inputs  # noqa: E402
from marea.model import Document  # noqa: E402
from marea.opinion.themes import MIN_HITS, THRESHOLD, document_themes  # noqa: E402
from marea.pipeline import run_stages  # noqa: E402
from marea.settings import load_settings  # noqa: E402

SHARED = HERE.parents[1] / "shared" / "benchmarks"
GOLD = HERE / "gold" / "themes" / "documents.jsonl"
STAGES = ("marea.clean.v1", "marea.language.v1", "marea.linguistic.v1", "marea.actors.v1",
          "marea.tone.v1")
PRECISION_FLOOR = 0.8
GRID = [(hits, float(per_thousand)) for hits in (2, 3, 4, 5) for per_thousand in range(2, 11)]
Setting = tuple[int, float]  # minimum hits, hits per 1,000 words


def documents(wanted: set[str]) -> dict[str, Document]:
    """The gold documents that exist here, processed up to the tone stage."""
    settings = load_settings()
    paths = [str(EXAMPLES / d) for d in ("html", "text", "feeds")]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    docs = [d for d in read_inputs(paths, settings) if isinstance(d, Document)
            and doc_name(d.source, d.locator) in wanted]
    pages = SHARED / "trafilatura-eval" / "html"
    for name in sorted(wanted):
        page = pages / f"{name.removeprefix('traf-')}.html.gz"
        if name.startswith("traf-") and page.is_file():
            docs.append(Document(source=name, locator="", raw=gzip.decompress(page.read_bytes()),
                                 content_type="html"))
    bodies = SHARED / "stance-fnc1" / "competition_test_bodies.csv"
    if bodies.is_file():
        with bodies.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if f"fnc-{row['Body ID']}" in wanted:
                    docs.append(Document(source=f"fnc-{row['Body ID']}", locator="",
                                         raw=row["articleBody"].encode(), content_type="text",
                                         metadata={"language": "en"}))
    done: list[Document] = []
    for start in range(0, len(docs), 16):
        done += run_stages(docs[start:start + 16], STAGES, settings)
    return {_name(d): d for d in done}


def _name(doc: Document) -> str:
    return doc.source if doc.source.startswith(("traf-", "fnc-")) else doc_name(doc.source,
                                                                                doc.locator)


def predicted(doc: Document, setting: Setting) -> set[str]:
    """The document's themes at a setting, from its sentence-level theme rows."""
    hits: Counter[str] = Counter()
    terms: dict[str, Counter[str]] = {}
    for row in doc.themes:
        if row.sentence >= 0:
            hits[row.theme] += int(row.score)
            terms.setdefault(row.theme, Counter()).update(row.terms.split(", "))
    words = doc.tone[0].words if doc.tone else 0
    return {t.theme for t in document_themes(hits, terms, words, setting[1], setting[0])}


def score(docs: dict[str, Document], gold: dict[str, set[str]], setting: Setting
          ) -> dict[str, float]:
    right = given = expected = 0
    counts = []
    for name, themes in gold.items():
        found = predicted(docs[name], setting)
        right += len(found & themes)
        given += len(found)
        expected += len(themes)
        counts.append(len(found))
    precision = right / given if given else 0.0
    recall = right / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"documents": len(gold), "precision": round(precision, 3),
            "recall": round(recall, 3), "f1": round(f1, 3),
            "themes_per_doc": round(sum(counts) / max(len(counts), 1), 2),
            "max_themes": max(counts, default=0)}


def evaluate() -> dict[str, object]:
    rows = load_gold(GOLD)
    docs = documents({r["doc"] for r in rows})
    halves = {half: {r["doc"]: set(r["themes"]) for r in rows
                     if r["half"] == half and r["doc"] in docs}
              for half in ("tuning", "held_out")}
    sweep = {t: score(docs, halves["tuning"], t) for t in GRID}
    good = [t for t in GRID if sweep[t]["precision"] >= PRECISION_FLOOR] or GRID
    chosen = max(good, key=lambda t: (sweep[t]["f1"], sweep[t]["precision"]))
    shipped = (MIN_HITS, THRESHOLD)
    return {"shipped": shipped, "tuning_choice": chosen, "sweep": sweep,
            "tuning": score(docs, halves["tuning"], shipped),
            "held_out": score(docs, halves["held_out"], shipped),
            "held_out_at_choice": score(docs, halves["held_out"], chosen)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true",
                        help="print the held-out half's scores as one JSON line")
    args = parser.parse_args()
    result = evaluate()
    if args.json:  # what tests/test_quality.py gates on
        held = result["held_out"]
        assert isinstance(held, dict)
        print(json.dumps({"precision": held["precision"], "recall": held["recall"]}))
        return
    print(f"(min hits, hits per 1,000 words): shipped {result['shipped']}, tuning half's "
          f"choice {result['tuning_choice']} (best F1 with precision >= {PRECISION_FLOOR})")
    print("sweep on the tuning half (setting: P / R / F1, themes per document):")
    sweep = result["sweep"]
    assert isinstance(sweep, dict)
    for (hits, per_thousand), row in sweep.items():
        print(f"    {hits} {per_thousand:>4}  {row['precision']:.3f} / {row['recall']:.3f} / "
              f"{row['f1']:.3f}, {row['themes_per_doc']} (max {row['max_themes']})")
    for name in ("tuning", "held_out", "held_out_at_choice"):
        row = result[name]
        assert isinstance(row, dict)
        print(f"{name:<20} n={row['documents']:<3} P {row['precision']:.3f}  R "
              f"{row['recall']:.3f}  F1 {row['f1']:.3f}  themes/doc {row['themes_per_doc']} "
              f"(max {row['max_themes']})")


if __name__ == "__main__":
    main()
