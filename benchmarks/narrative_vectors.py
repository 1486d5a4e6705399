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

perf25, the per-token int8 graph (BUILD.json version 2) against the per-tensor one before,
both at .55 over these 5,579 sentences (vectors at cosine .991 mean, .967 lowest, to each
other; clustered with this file's `documents` and marea.opinion.narratives._cluster in a
one-off script): 219 and 221 narratives, 4,342 and 4,345 members, 39% of the old vectors'
joined pairs joined by the new (36% the other way). Any change of the vectors does as much:
the old vectors with isotropic noise at cosine .991, .999, .9999 or .99999 to themselves
keep 36-39% of their pairs (two noisy copies 34% of each other's), the same vectors twice
all of them. So which sentences a full build groups is not stable under the smallest change
of its vectors (most likely the greedy k-means++ seeding: a centre drawn otherwise changes
every later draw), and an encoder change regroups narratives this much whatever its
quality; the grouping says nothing for or against the new encoder. On the examples and the
seeds as ingested (narratives of a store), 15 narratives of 262 members became 12 of 251,
233 members in both, 1,698 of 3,216 co-member pairs kept: the labels read as well against
their sentences (Lula and Brazil; Evo Morales and AMLO; Peru's turn on Venezuela; the OAS),
a Mexico narrative and a protest one merged into others and a Chile one appeared.
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
