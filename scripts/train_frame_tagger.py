"""Train the framing span tagger shipped as opinion/data/frame_tagger.npz.

    python scripts/train_frame_tagger.py [--cache DIR]

Reads the PTC training partition (../shared/benchmarks/propaganda-ptc-semeval2020) with the
fixed article split of benchmarks/gold/frames/ptc_split.json: the `train` articles fit the
model, the `dev` articles choose the regularisation and the threshold, the `held_out` ones
are never read here (benchmarks/frames.py scores them). Each token is labelled with the
technique of the shortest gold span over it, or "O"; "O" tokens are subsampled (one in
O_SAMPLE) so the fit is quick, which the threshold then corrects. Prints dev P/R/F1 (span and
technique-aware, the task's partial-credit metric) per candidate threshold.

Only weights leave this script: no PTC text is written to the package (see data/README.md).
--cache keeps the parsed, featurised articles between runs (they take minutes to make).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from frames import PTC, overlap_scores  # noqa: E402

from marea.model import Document  # noqa: E402
from marea.opinion.frame_tagger import FEATURES, MODEL, decode, token_features  # noqa: E402
from marea.opinion.frames import TECHNIQUES  # noqa: E402
from marea.opinion.lexicon import DATA  # noqa: E402
from marea.pipeline import run_stages  # noqa: E402
from marea.settings import load_settings  # noqa: E402

SPLIT = ROOT / "benchmarks" / "gold" / "frames" / "ptc_split.json"
CLASSES = ("O", *TECHNIQUES)
O_SAMPLE = 3
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
STRENGTHS = (0.05, 0.2)  # inverse regularisation (C) tried on dev


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="folder for featurised articles")
    args = parser.parse_args()
    split = json.loads(SPLIT.read_text("utf-8"))
    held_out, dev = set(split["held_out"]), set(split["dev"])
    ids = sorted(p.stem.removeprefix("article") for p in (PTC / "articles").glob("*.txt"))
    articles = [load(i, args.cache) for i in ids if i not in held_out]
    train = [a for a in articles if a[0].doc_id not in dev]
    tuning = [a for a in articles if a[0].doc_id in dev]
    print(f"{len(train)} train and {len(tuning)} dev articles")
    x, y = sample(train)
    gold = [(d.doc_id, a, b, t) for d, _, _, spans in tuning for a, b, t in spans]
    best = None
    for strength in STRENGTHS:
        model = LogisticRegression(C=strength, max_iter=300)
        model.fit(x, y)
        for threshold in THRESHOLDS:
            predicted = [(d.doc_id, a, b, t) for d, features, _, _ in tuning
                         for _, a, b, t, _ in decode(d, _chance(model, features), CLASSES,
                                                     threshold)]
            si = overlap_scores(predicted, gold, False)
            technique = overlap_scores(predicted, gold, True)
            print(f"C {strength} threshold {threshold}: {len(predicted)} spans, SI P/R/F1 {si},"
                  f" technique {technique}")
            if best is None or technique[2] > best[0]:
                best = (technique[2], strength, threshold, model)
    assert best is not None
    _, strength, threshold, model = best
    np.savez_compressed(DATA / MODEL, classes=np.array(CLASSES), features=np.array(FEATURES),
                        weights=_full(model, 0), bias=_full(model, 1),
                        threshold=np.array(threshold, np.float32))
    print(f"saved C {strength} threshold {threshold} to {DATA / MODEL}")


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


def sample(articles: list) -> tuple[np.ndarray, np.ndarray]:
    """All tokens inside a technique and one in O_SAMPLE of the others, in a fixed order."""
    rows, labels = [], []
    for number, (_, features, label, _) in enumerate(articles):
        keep = (label > 0) | (np.arange(len(label)) % O_SAMPLE == number % O_SAMPLE)
        rows.append(features[keep])
        labels.append(label[keep])
    return np.concatenate(rows).astype(np.float32), np.concatenate(labels)


def load(article_id: str, cache: Path | None) -> tuple:
    """(parsed document, token features, token labels, gold spans) of one PTC article."""
    cached = cache / f"{article_id}.pkl" if cache else None
    if cached and cached.is_file():
        with cached.open("rb") as handle:
            return pickle.load(handle)
    text = (PTC / "articles" / f"article{article_id}.txt").read_text("utf-8")
    (doc,) = run_stages([Document(source=article_id, locator="", raw=b"", content_type="text",
                                  text=text, doc_id=article_id, language="en")],
                        ("marea.linguistic.v1",), load_settings())
    spans = []
    for line in (PTC / "labels-TC" / f"article{article_id}.task2-TC.labels").read_text(
            "utf-8").splitlines():
        _, technique, start, end = line.split("\t")
        spans.append((int(start), int(end), technique))
    labels = np.zeros(len(doc.tokens), np.int64)
    for index, token in enumerate(doc.tokens):
        over = [(b - a, t) for a, b, t in spans if a < token.end and token.start < b]
        if over:
            labels[index] = CLASSES.index(min(over)[1])
    result = (doc, token_features(doc).astype(np.float16), labels, spans)
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        with cached.open("wb") as handle:
            pickle.dump(result, handle)
    return result


if __name__ == "__main__":
    main()
