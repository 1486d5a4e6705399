"""Train the framing span tagger shipped as opinion/data/frame_tagger.npz.

    python scripts/train_frame_tagger.py [--cache DIR]

Trains only on text we may ship and on our own annotations: the English documents of the
`tuning` half of benchmarks/gold/frames (split.json) — the seeds, the bundled examples, our
gold-en texts and the trafilatura-eval / article-extraction-benchmark pages we annotated —
with the spans of gold/frames/spans.jsonl. The held-out half is never read here, and no
evaluation-only set (PTC, FNC-1) is: a document of theirs in the tuning list is refused.

Each token is labelled with the technique of the shortest gold span over it, or "O". C and
the threshold are chosen by FOLDS-fold cross-validation over documents: each fold's model
predicts documents it never saw, the stage's own filter (`frames.tagged_frames`) keeps its
spans, and the whole stage (rules and those spans, `frames.find_frames` with the default
MiniLM encoder) is scored (technique-aware partial-credit P/R/F1, pooled over the folds) on
the opinion documents, where the stage runs the tagger; the tagger's spans alone and the
rules alone are printed beside it. The choice is the best pooled F1 whose precision reaches
PRECISION_FLOOR (the stage is precision first), else the best precision. The shipped model is
then fitted on all the training documents. --cache keeps the featurised documents, under a
digest of the tuning list, the gold and the code they came from.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import tempfile
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from _gold import covered, gold_corpus, load_gold  # noqa: E402
from frames import FRAME_STAGES, SPLIT, code_digest, overlap_scores  # noqa: E402

from marea.model import Document  # noqa: E402
from marea.opinion import frame_tagger  # noqa: E402
from marea.opinion.frame_tagger import FEATURES, MODEL, decode, token_features  # noqa: E402
from marea.opinion.frames import TECHNIQUES, find_frames, tagged_frames  # noqa: E402
from marea.opinion.lexicon import DATA  # noqa: E402
from marea.pipeline import run_stages  # noqa: E402
from marea.settings import load_settings  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "frames" / "spans.jsonl"
CLASSES = ("O", *TECHNIQUES)
SHIPPABLE = ("seed-", "ex-", "gold-", "traf-", "aeb-")  # see the gold READMEs and _gold.py
FOLDS = 4
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
STRENGTHS = (0.05, 0.2, 1.0)  # inverse regularisation (C)
PRECISION_FLOOR = 0.6

Item = tuple[Document, np.ndarray, np.ndarray, bool]  # document, features, labels, opinion


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="folder for featurised documents")
    args = parser.parse_args()
    items, gold = training_documents(args.cache)
    print(f"{len(items)} English tuning documents ({sum(i[3] for i in items)} opinion), "
          f"{sum(int((i[2] > 0).sum()) for i in items)} technique tokens of "
          f"{sum(len(i[2]) for i in items)}")
    folds = [items[k::FOLDS] for k in range(FOLDS)]
    rules = [(d.doc_id, f.start, f.end, f.technique) for d, _, _, opinion in items if opinion
             for f in find_frames(d, tagged=[])]
    print(f"rules alone: {len(rules)} spans, technique P/R/F1 "
          f"{overlap_scores(rules, gold, True)}")
    best: tuple[tuple[bool, float], float, float] | None = None
    for strength in STRENGTHS:
        chances: dict[str, np.ndarray] = {}
        for k, held in enumerate(folds):
            model = fit([i for j, fold in enumerate(folds) if j != k for i in fold], strength)
            for doc, features, _, _ in held:
                chances[doc.doc_id] = _chance(model, features)
        for threshold in THRESHOLDS:
            tagged = {d.doc_id: tagged_frames(d, decode(d, chances[d.doc_id], CLASSES,
                                                        threshold))
                      for d, _, _, opinion in items if opinion}
            alone = [(name, f.start, f.end, f.technique) for name, found in tagged.items()
                     for f in found]
            predicted = [(d.doc_id, f.start, f.end, f.technique) for d, _, _, opinion in items
                         if opinion for f in find_frames(d, tagged=tagged[d.doc_id])]
            scores = overlap_scores(predicted, gold, True)
            print(f"C {strength} threshold {threshold}: tagger {len(alone)} spans, technique "
                  f"P/R/F1 {overlap_scores(alone, gold, True)}; stage {len(predicted)} spans, "
                  f"technique P/R/F1 {scores}, SI {overlap_scores(predicted, gold, False)}")
            rank = (scores[0] >= PRECISION_FLOOR, scores[2] if scores[0] >= PRECISION_FLOOR
                    else scores[0])
            if best is None or rank > best[0]:
                best = (rank, strength, threshold)
    assert best is not None
    _, strength, threshold = best
    model = fit(items, strength)
    np.savez_compressed(DATA / MODEL, classes=np.array(CLASSES), features=np.array(FEATURES),
                        weights=_full(model, 0), bias=_full(model, 1),
                        threshold=np.array(threshold, np.float32))
    print(f"saved C {strength} threshold {threshold} to {DATA / MODEL}")


def training_documents(cache: Path | None) -> tuple[list[Item], list[tuple[str, int, int, str]]]:
    """The English documents of the tuning half, featurised and labelled, and their gold
    spans on opinion documents (what cross-validation scores)."""
    split = json.loads(SPLIT.read_text("utf-8"))
    names = list(split["tuning"])
    refused = [n for n in names if not n.startswith(SHIPPABLE)]
    if refused:
        raise SystemExit(f"not ours to train on: {refused}")
    cached = cache / f"tuning-{_inputs_digest(split)}.pkl" if cache else None
    if cached and cached.is_file():
        with cached.open("rb") as handle:
            return pickle.load(handle)  # type: ignore[no-any-return]
    settings = load_settings()
    shared = [n for n in names if n.startswith(("traf-", "aeb-"))]
    with tempfile.TemporaryDirectory() as tmp:
        store, docs = gold_corpus(Path(tmp) / "gold.duckdb", settings, shared,
                                  split.get("kinds", {}))
        meta = {doc_id: (language, kind) for doc_id, language, kind in store.query(
            "SELECT doc_id, language, kind FROM documents")}
        store.close()
    rows = covered(load_gold(GOLD), docs, span=lambda row, text: text[row["start"]:row["end"]])
    items: list[Item] = []
    gold = []
    for name in names:
        if name not in docs:
            continue
        doc_id, text = docs[name]
        language, kind = meta[doc_id]
        if language != "en":
            continue
        (doc,) = run_stages([Document(source=name, locator="", raw=b"", content_type="text",
                                      text=text, doc_id=name, language="en",
                                      metadata={"kind": kind})],
                            FRAME_STAGES[:-1], settings)
        spans = [(r["start"], r["end"], r["technique"]) for r in rows if r["doc"] == name]
        labels = np.zeros(len(doc.tokens), np.int64)
        for index, token in enumerate(doc.tokens):
            over = [(b - a, t) for a, b, t in spans if a < token.end and token.start < b]
            if over:
                labels[index] = CLASSES.index(min(over)[1])
        items.append((doc, token_features(doc), labels, kind == "opinion"))
        if kind == "opinion":
            gold += [(name, a, b, t) for a, b, t in spans]
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with cached.open("wb") as handle:
            pickle.dump((items, gold), handle)
    return items, gold


def _inputs_digest(split: dict) -> str:
    """A digest of what the featurised documents depend on: the tuning list and the kinds
    declared, the gold spans, the stages before framing and the tagger's features (a cache
    written for another split or code is not read: it would train on other documents)."""
    digest = hashlib.sha1(json.dumps([split["tuning"], split.get("kinds", {})]).encode())
    digest.update(GOLD.read_bytes())
    digest.update(code_digest().encode())
    digest.update(Path(frame_tagger.__file__).read_bytes())
    return digest.hexdigest()[:16]


def fit(items: list[Item], strength: float) -> LogisticRegression:
    model = LogisticRegression(C=strength, max_iter=500)
    model.fit(np.concatenate([i[1] for i in items]).astype(np.float32),
              np.concatenate([i[2] for i in items]))
    return model


def _full(model: LogisticRegression, which: int) -> np.ndarray:
    """Weights (0) or biases (1) for every class in CLASSES; an unseen class never wins."""
    known = [int(c) for c in model.classes_]
    if which == 0:
        out = np.zeros((len(CLASSES), model.coef_.shape[1]), np.float32)
        out[known] = model.coef_
    else:
        out = np.full(len(CLASSES), -30.0, np.float32)
        out[known] = model.intercept_
    return out


def _chance(model: LogisticRegression, features: np.ndarray) -> np.ndarray:
    out = np.zeros((len(features), len(CLASSES)), np.float32)
    out[:, [int(c) for c in model.classes_]] = model.predict_proba(features.astype(np.float32))
    return out


if __name__ == "__main__":
    main()
