"""Train the events fallback classifier shipped in src/marea/events/data/fallback/.

    PYTHONPATH=src python scripts/train_event_fallback.py [--precision 0.6] [--limit N]

Examples, all from dev material (held-out halves are never read: odd record numbers of the
external sets, odd-numbered texts of our gold set, the fresh sets' held-out halves):
- every annotated trigger's clause, with its type: our gold set's even-numbered texts
  (benchmarks/gold/events), the dev halves of the three fresh sets (SHA-1 order, as
  benchmarks/events.py splits them) and the even records of the three Spanish
  UniversalPetrarch sets (MIT); plover-gsr (CC BY-SA) is left out;
- in those same texts, every verb governing at least one actor, typed by the annotated
  trigger it falls in, else NONE (the examples it learns to abstain on), read as if the
  lexicon knew no verb (`_blind`): the verbs the fallback is really handed (a sentence with
  no lexicon event, a verb the lexicon leaves) are too few to learn from (111 on these dev
  texts, 11 of them events); sentences the annotators left uncoded give NONE only;
- English examples written for marea in the same verb-with-object form, 8 to 23 per
  type and a hundred-odd that code nothing (scripts/data/event_fallback_examples.tsv), and
  the PLOVER codebook's 135 mode descriptions (plover-reference, NGEC, MIT), each weighing 3
  dev examples; C is 10.
Each example is the verb with its object (fallback.action_text). Left out, measured out of
fold on the candidates in earlier versions: the trigger lexicons' entries as further
examples (they hold no NONE, and lowered precision at every threshold), and each verb's
whole clause as the feature (no threshold reached .6 precision on 5 or more).
A multinomial logistic regression over the packaged encoder's vectors of those texts.
Its threshold is the lowest probability at which the fallback's own proposals reach the
wanted precision, 5 or more of them: the candidates it is handed in the dev texts, typed
out of fold (5 folds grouped by text, so no text's sentences sit on both sides), pooled
with those of plover-gsr's dev half (even records) typed by the final weights (the set
measures the weights and never trains them). The blind candidates' curve is recorded too,
but not used: most of them are verbs the lexicon codes, which the fallback never sees.
BUILD.json records it all.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import events as bench  # noqa: E402

from marea.events import extract  # noqa: E402
from marea.events.fallback import NONE, action_text, candidates  # noqa: E402
from marea.events.lexicon import Lexicon  # noqa: E402
from marea.events.tree import DependencyTree  # noqa: E402
from marea.ingest.sources import read_inputs  # noqa: E402
from marea.model import Document  # noqa: E402
from marea.nlp.encoder import DEFAULT, load_encoder  # noqa: E402
from marea.pipeline import run_stages  # noqa: E402
from marea.settings import load_settings  # noqa: E402

OUT = ROOT / "src" / "marea" / "events" / "data" / "fallback"
VERSION = "4"
# plover-gsr is CC BY-SA 4.0: weights learnt from it would have to be shared alike, and
# marea is Apache-2.0. It stays a benchmark only.
EXCLUDED_SETS = {"plover-gsr"}
WRITTEN = ROOT / "scripts" / "data" / "event_fallback_examples.tsv"
CODEBOOK = bench.SHARED / "plover-reference" / "PLOVER_structured_codebook_updated.csv"
STAGES = ("marea.clean.v1", "marea.language.v1", "marea.linguistic.v1", "marea.actors.v1",
          "marea.events.v1")


def _gold_documents(settings: object, gold_set: bench.GoldSet = bench.MAIN
                    ) -> list[tuple[Document, list[tuple[int, int, str]]]]:
    """A gold set's dev texts (ours: even-numbered; a fresh set's: its SHA-1 dev half) with
    their (start, end, type) triggers."""
    gold = [json.loads(line) for line in gold_set.rows.read_text("utf-8").splitlines() if line]
    picked = sorted(p for p in gold_set.texts.glob("*.txt") if gold_set.half(p.name) == "dev")
    docs = [d for d in read_inputs([str(p) for p in picked], settings)  # type: ignore[arg-type]
            if isinstance(d, Document)]
    found = []
    for doc in docs:
        name = Path(doc.source).name
        spans = [(g["trigger_start"], g["trigger_start"] + len(g["trigger"]), g["type"])
                 for g in gold if g["file"] == name and g["type"] != "STATEMENT"]
        found.append((doc, spans))
    return found


def _record_documents(limit: int | None, calibration: bool = False
                      ) -> list[tuple[Document, list[tuple[int, int, str]]]]:
    """The even (dev) records of the MIT external sets with their triggers located in the
    text (with `calibration`, those of the sets left out of training instead)."""
    found = []
    for name, records in bench.external_sets(limit).items():
        if (name in EXCLUDED_SETS) != calibration:
            continue
        for record in records:
            if record.number % 2:
                continue  # held-out
            doc = Document(source=f"{name}:{record.number}", locator="", raw=record.text.encode(),
                           content_type="text",
                           metadata={"language": record.language, "published": record.published})
            spans = []
            for trigger in record.triggers:
                kind, _, words = trigger.partition(" ")
                span = _locate(record.text, words)
                if span and kind != "STATEMENT":
                    spans.append((*span, kind))
            found.append((doc, spans if record.coded else []))
    return found


def _written_examples() -> tuple[list[str], list[str]]:
    """The hand-written examples: their texts and types."""
    rows = [line.split("\t") for line in WRITTEN.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return [text.strip() for _, text in rows], [kind for kind, _ in rows]


def _locate(text: str, words: str) -> tuple[int, int] | None:
    """Return the span of an annotated trigger text in its sentence (its first word if the
    whole is not found verbatim)."""
    words = " ".join(words.replace("(EVT:", "").replace(")", "").split())
    for needle in (words, words.split(" ")[0] if words else ""):
        if len(needle) >= 3:
            at = text.lower().find(needle.lower())
            if at >= 0:
                return at, at + len(needle)
    return None


def _blind(tree: DependencyTree, words: Lexicon) -> list[int]:
    """The candidates were the lexicon to know no verb and the sentence to hold no event:
    every verb governing an actor. They teach the classifier the verbs the lexicon codes
    beside the verbs around them that code nothing, in the form it reads at run time."""
    coded, tree.triggers = tree.triggers, set()
    try:
        return [i for i, _, _ in candidates(tree, replace(words, verbs={}, blockers={}))]
    finally:
        tree.triggers = coded


def _examples(pairs: list[tuple[Document, list[tuple[int, int, str]]]]
              ) -> tuple[list[str], list[str], list[str], list[str | None], list[bool]]:
    """Return clause texts, labels, group ids, for each candidate (see _blind) its language
    (None for the other examples) and whether the fallback is handed it at run time (the
    sentence has no lexicon event and the lexicon leaves the verb). The texts go through the
    real event stage; its call to the fallback is replaced by one that records the
    candidates."""
    settings = load_settings().with_(models={**load_settings().models, "encoder": "none"})
    spans_of = {id(d): s for d, s in pairs}
    texts, labels, groups = [], [], []
    candidate_language: list[str | None] = []
    handed: list[bool] = []
    seen: list[tuple[Document, DependencyTree, list[int], set[int]]] = []

    def record(tree: DependencyTree, words: Lexicon) -> list[object]:
        seen.append((tree.doc, tree, _blind(tree, words),
                     {index for index, _, _ in candidates(tree, words)}))
        return []

    extract.proposals = record  # type: ignore[assignment]
    docs = [d for d, _ in pairs]
    for start in range(0, len(docs), 64):
        run_stages(docs[start:start + 64], STAGES, settings)
    for doc, tree, found, real in seen:
        spans = spans_of.get(id(doc), [])
        starts = [t.start for t in doc.tokens]
        for begin, end, kind in spans:  # annotated triggers: their clause and type
            index = next((i for i, s in enumerate(starts) if begin <= s < end), None)
            if index is not None and index not in found:
                texts.append(action_text(tree, index))
                labels.append(kind)
                groups.append(f"{doc.source}:{doc.tokens[index].sentence}")
                candidate_language.append(None)
                handed.append(False)
        for index in found:  # typed by the trigger it falls in
            start = doc.tokens[index].start
            texts.append(action_text(tree, index))
            labels.append(next((k for b, e, k in spans if b <= start < e), NONE))
            groups.append(f"{doc.source}:{doc.tokens[index].sentence}")
            candidate_language.append(doc.language)
            handed.append(index in real)
    return texts, labels, groups, candidate_language, handed


CUTS = [round(float(c), 2) for c in np.arange(0.30, 0.96, 0.05)]


def _curve(probabilities: np.ndarray, classes: list[str], truth: list[str]
           ) -> dict[str, list[int]]:
    """(kept, right) of the typed candidates at every cut."""
    best = probabilities.argmax(axis=1)
    names = [classes[b] for b in best]
    scores = probabilities[np.arange(len(best)), best]
    curve = {}
    for cut in CUTS:
        kept = [(n, t) for n, t, s in zip(names, truth, scores, strict=True)
                if n != NONE and s >= cut]
        curve[f"{cut:.2f}"] = [len(kept), sum(n == t for n, t in kept)]
    return curve


def _threshold(curve: dict[str, list[int]], precision: float) -> float:
    """The lowest cut that keeps 5 or more at the wanted precision (1.01, so nothing is
    kept, when none does)."""
    for cut in CUTS:
        kept, right = curve[f"{cut:.2f}"]
        if kept >= 5 and right / kept >= precision:
            return cut
    return 1.01


def _codebook_examples() -> tuple[list[str], list[str]]:
    """The PLOVER codebook's mode descriptions ("Promise to sign a treaty") with their type,
    without their parenthesised notes."""
    with CODEBOOK.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["mode_def"].strip()]
    return [r["mode_def"].split("(")[0].strip() for r in rows], [r["event"] for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--precision", type=float, default=0.6,
                        help="precision the kept candidates must reach out of fold")
    parser.add_argument("--limit", type=int, help="only the first N records of each set")
    parser.add_argument("--c", type=float, default=10.0, help="inverse regularisation")
    parser.add_argument("--written-weight", type=float, default=3.0,
                        help="weight of each hand-written or codebook example against a dev one")
    args = parser.parse_args()
    settings = load_settings()
    pairs = [p for gold_set in (bench.MAIN, *bench.FRESH_SETS)
             for p in _gold_documents(settings, gold_set)] + _record_documents(args.limit)
    texts, labels, groups, candidate_language, handed = _examples(pairs)
    dev = len(texts)
    written, written_labels = _written_examples()
    described, described_labels = _codebook_examples()
    texts += written + described
    labels += written_labels + described_labels
    groups += [f"written:{n}" for n in range(len(written) + len(described))]
    encoder = load_encoder(DEFAULT)
    vectors = encoder.encode(texts)
    y = np.array(labels)
    documents = [g.rsplit(":", 1)[0] for g in groups]  # folds keep a text's sentences together
    model = LogisticRegression(C=args.c, max_iter=3000)
    classes = sorted(set(labels))
    out_of_fold = np.zeros((len(texts), len(classes)), np.float32)
    weights = np.array([1.0] * dev + [args.written_weight] * (len(texts) - dev))
    for train, test in GroupKFold(n_splits=5).split(vectors, y, documents):
        model.fit(vectors[train], y[train], sample_weight=weights[train])
        columns = [classes.index(c) for c in model.classes_]
        out_of_fold[np.ix_(test, columns)] = model.predict_proba(vectors[test])
    picked = np.array([language is not None for language in candidate_language]
                      + [False] * (len(texts) - dev))
    given = np.array(handed + [False] * (len(texts) - dev))
    blind_curve = _curve(out_of_fold[picked], classes, list(y[picked]))
    handed_curve = _curve(out_of_fold[given], classes, list(y[given]))
    model.fit(vectors, y, sample_weight=weights)
    # plover-gsr's dev half measures the weights, never trains them (see EXCLUDED_SETS)
    held_texts, held_labels, _, _, held_handed = _examples(
        _record_documents(args.limit, calibration=True))
    gsr_given = np.array(held_handed, dtype=bool)
    gsr_curve = (_curve(model.predict_proba(encoder.encode(held_texts))[gsr_given],
                        [str(c) for c in model.classes_], list(np.array(held_labels)[gsr_given]))
                 if gsr_given.any() else {f"{cut:.2f}": [0, 0] for cut in CUTS})
    pooled = {cut: [a + b for a, b in zip(handed_curve[cut], gsr_curve[cut], strict=True)]
              for cut in handed_curve}
    threshold = _threshold(pooled, args.precision)
    OUT.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez_compressed(buffer, weights=model.coef_.astype(np.float32),
                        bias=model.intercept_.astype(np.float32))
    (OUT / "classifier.npz").write_bytes(buffer.getvalue())
    build = {
        "version": VERSION, "built": date.today().isoformat(), "encoder": DEFAULT,
        "classes": [str(c) for c in model.classes_], "threshold": threshold,
        "wanted_precision": args.precision, "c": args.c,
        "written_weight": args.written_weight,
        "examples": dict(Counter(labels).most_common()),
        "candidates": {"blind": int(picked.sum()), "blind_events": int((y[picked] != NONE).sum()),
                       "handed": int(given.sum()), "handed_events": int((y[given] != NONE).sum()),
                       "plover_gsr_dev_handed": int(gsr_given.sum()),
                       "plover_gsr_dev_handed_events": int(sum(
                           label != NONE for label, g in zip(held_labels, held_handed,
                                                             strict=True) if g))},
        "handed_out_of_fold_kept_right_by_threshold": handed_curve,
        "plover_gsr_dev_handed_kept_right_by_threshold": gsr_curve,
        "blind_out_of_fold_kept_right_by_threshold": blind_curve,
        "sources": ["marea gold set, even-numbered texts",
                    "the three fresh gold sets, their dev halves (SHA-1 order)",
                    "UniversalPetrarch Spanish sets dev (even records)",
                    f"hand-written examples ({WRITTEN.relative_to(ROOT)})",
                    "PLOVER codebook mode descriptions (plover-reference, NGEC, MIT)"],
    }
    (OUT / "BUILD.json").write_text(json.dumps(build, indent=1, ensure_ascii=False) + "\n",
                                    "utf-8")
    print(json.dumps({k: build[k] for k in ("threshold", "candidates", "examples")}))
    print(json.dumps(pooled))


if __name__ == "__main__":
    main()
