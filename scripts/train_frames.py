"""Train the framing-technique sentence classifier shipped as opinion/data/frames_model.npz.

    python scripts/train_frames.py

Reads opinion/data/frames_training.jsonl (original example sentences, en and es, written for
marea), embeds them with the packaged sentence encoder, fits one balanced logistic regression
per technique, picks each technique's threshold by 5-fold cross-validated F1, and saves the
weights. Prints the cross-validated precision/recall/F1 per technique.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from marea.nlp.encoder import encode
from marea.opinion.frames import TECHNIQUES

DATA = Path(__file__).resolve().parents[1] / "src" / "marea" / "opinion" / "data"
MIN_POSITIVES = 15  # techniques with fewer training sentences get no classifier


def main() -> None:
    rows = [json.loads(line) for line in
            (DATA / "frames_training.jsonl").read_text("utf-8").splitlines() if line.strip()]
    vectors = encode([r["text"] for r in rows])
    kept, weights, biases, thresholds = [], [], [], []
    for technique in TECHNIQUES:
        labels = np.array([technique in r["labels"] for r in rows])
        if labels.sum() < MIN_POSITIVES:
            continue
        model = LogisticRegression(C=2.0, class_weight="balanced", max_iter=2000)
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        chance = cross_val_predict(model, vectors, labels, cv=folds, method="predict_proba")[:, 1]
        best = max(np.arange(0.3, 0.95, 0.05), key=lambda t: _f1(labels, chance >= t)[2])
        precision, recall, f1 = _f1(labels, chance >= best)
        print(f"{technique:<38} n={labels.sum():<4} threshold {best:.2f}  cv P {precision:.2f}"
              f" R {recall:.2f} F1 {f1:.2f}")
        model.fit(vectors, labels)
        kept.append(technique)
        weights.append(model.coef_[0])
        biases.append(model.intercept_[0])
        thresholds.append(best)
    np.savez_compressed(DATA / "frames_model.npz", techniques=np.array(kept),
                        weights=np.array(weights, np.float32), bias=np.array(biases, np.float32),
                        thresholds=np.array(thresholds, np.float32))
    print(f"saved {len(kept)} techniques to {DATA / 'frames_model.npz'}")


def _f1(gold: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    tp = float((gold & predicted).sum())
    precision = tp / max(predicted.sum(), 1)
    recall = tp / max(gold.sum(), 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


if __name__ == "__main__":
    main()
