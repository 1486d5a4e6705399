"""Fit the news-vs-opinion weights (OPINION_WEIGHTS in marea/opinion/tone.py).

    python scripts/fit_opinion_kind.py

Labelled documents: the bundled examples (news/opinion by file name), the actor gold texts
(`kind` in their metadata) and, when ../shared is present, the seeds (opinion). Prints the
leave-one-out accuracy and the weights to paste into tone.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneOut, cross_val_score

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _gold import EXAMPLES, GOLD_TEXTS, SEEDS, doc_name  # noqa: E402

from marea.ingest.sources import read_inputs  # noqa: E402
from marea.model import Document  # noqa: E402
from marea.opinion import tone  # noqa: E402
from marea.pipeline import run_stages  # noqa: E402
from marea.settings import load_settings  # noqa: E402

STAGES = ("marea.clean.v1", "marea.language.v1", "marea.linguistic.v1")


def main() -> None:
    settings = load_settings()
    paths = [str(EXAMPLES / d) for d in ("html", "text", "feeds")] + [str(GOLD_TEXTS)]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    docs = [d for d in read_inputs(paths, settings) if isinstance(d, Document)]
    docs = run_stages(docs, STAGES, settings)
    rows, labels = [], []
    for doc in docs:
        name = doc_name(doc.source, doc.locator)
        kind = doc.metadata.get("kind") or ("opinion" if "opinion" in name or name.startswith(
            "seed") else "news" if "news" in name or "wire" in name else None)
        if kind not in ("news", "opinion") or doc.error:
            continue
        features = tone.analyse(doc)
        rows.append([features[k] for k in sorted(features)])
        labels.append(kind == "opinion")
    x, y = np.array(rows), np.array(labels)
    model = LogisticRegression(C=30.0, max_iter=5000)  # C chosen by leave-one-out accuracy
    accuracy = cross_val_score(model, x, y, cv=LeaveOneOut()).mean()
    model.fit(x, y)
    print(f"{len(y)} documents ({y.sum()} opinion); leave-one-out accuracy {accuracy:.3f}")
    weights = {"bias": round(float(model.intercept_[0]), 3)}
    weights.update({k: round(float(w), 3) for k, w in zip(sorted(features), model.coef_[0],
                                                          strict=True)})
    print("OPINION_WEIGHTS =", weights)


if __name__ == "__main__":
    main()
