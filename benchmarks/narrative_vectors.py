"""Narratives on another encoder's vectors against MiniLM's: do they join the same sentences?

    python benchmarks/narrative_vectors.py [--encoder minilm-l6-static]
                                           [--thresholds .5 .55 .6 .65 .7 .75 .8]

Shippable text only: the bundled examples, the seeds (../shared/corpus/seeds) and the
trafilatura-eval pages (English and Spanish), split as benchmarks/_pool.py does, keeping the
sentences narratives read (MIN_CHARS or longer, not boilerplate). Narratives are clustered as
a full build does (marea.opinion.narratives._cluster) over the default encoder's vectors at
its threshold (MIN_SIMILARITY), and over `--encoder`'s at each threshold; printed per
threshold: narratives, member share, and of the sentence pairs one narrative joins, how many
MiniLM's narratives join too (P) and what share of MiniLM's pairs that is (R).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from importlib import resources
from itertools import combinations
from pathlib import Path

import numpy as np
import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _pool import SHARED, sentences  # noqa: E402

from marea.nlp.encoder import DEFAULT, STATIC, encode  # noqa: E402
from marea.opinion import narratives  # noqa: E402


def documents() -> list[str]:
    examples = Path(str(resources.files("marea").joinpath("examples")))
    texts = [p.read_text("utf-8") for p in sorted((examples / "text").glob("*.txt"))]
    texts += [trafilatura.extract(p.read_text("utf-8")) or ""
              for p in sorted((examples / "html").glob("*.html"))]
    texts += [p.read_text("utf-8") for p in sorted((SHARED / "corpus" / "seeds").glob("*.txt"))]
    pages = SHARED / "benchmarks" / "trafilatura-eval"
    for page in json.loads((pages / "evaldata.subset.json").read_text("utf-8")).values():
        if page.get("lang_guess") in ("en", "es"):
            html = gzip.decompress((pages / "html" / (page["file"] + ".gz")).read_bytes())
            texts.append(trafilatura.extract(html) or "")
    return texts


def joined_pairs(keys: list[tuple[str, int]], vectors: np.ndarray, threshold: float
                 ) -> tuple[int, int, set[tuple[int, int]]]:
    """Narratives, members and the row pairs a narrative joins, at `threshold`."""
    narratives.MIN_SIMILARITY = threshold
    clusters = narratives._cluster(narratives.Sentences(keys, vectors))
    pairs = {pair for _, rows, _ in clusters for pair in combinations(sorted(rows), 2)}
    return len(clusters), sum(len(rows) for _, rows, _ in clusters), pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--encoder", default=STATIC)
    parser.add_argument("--thresholds", type=float, nargs="+",
                        default=[0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8])
    args = parser.parse_args()
    keys, texts = [], []
    for number, text in enumerate(documents()):
        for index, sentence in enumerate(sentences(text)):
            if len(sentence) >= narratives.MIN_CHARS and not narratives.is_boilerplate(sentence):
                keys.append((f"{number:04d}", index))
                texts.append(sentence)
    print(f"{len(texts)} sentences")
    count, members, reference = joined_pairs(keys, encode(texts), narratives.MIN_SIMILARITY)
    print(f"{DEFAULT} at {narratives.MIN_SIMILARITY:.2f}: {count} narratives, members "
          f"{members / len(texts):.3f}, {len(reference)} pairs")
    vectors = encode(texts, args.encoder)
    for threshold in args.thresholds:
        count, members, pairs = joined_pairs(keys, vectors, threshold)
        shared = len(pairs & reference)
        print(f"{args.encoder} at {threshold:.2f}: {count} narratives, members "
              f"{members / len(texts):.3f}, {len(pairs)} pairs, P {shared / max(len(pairs), 1):.2f}"
              f" R {shared / max(len(reference), 1):.2f}", flush=True)


if __name__ == "__main__":
    main()
