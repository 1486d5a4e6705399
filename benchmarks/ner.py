"""Entity-level F1 of the spaCy pipelines marea ships, on public CoNLL gold data.

    python benchmarks/ner.py [--limit N] [--config FILE]

Reads the gold test sets from ../shared/benchmarks beside the checkout (CoNLL-2003 English,
original and CoNLL++; CoNLL-2002 Spanish esp.testb), joins each sentence's gold tokens with
single spaces, runs the pipeline marea loads for the language (settings file overrides via
--config) and scores exact-match (start, end, type) entity spans as conlleval does. spaCy
labels are mapped to PER/LOC/ORG/MISC (OntoNotes DATE, CARDINAL, ... are dropped).

Prints one row per dataset: sentences, micro P/R/F1, per-type F1 (PER LOC ORG MISC) and
sentences/s of the `nlp.pipe` pass. Nothing is disabled: without the parser's sentence
boundaries the English NER predicts some different spans.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from marea.nlp.models import load_pipeline
from marea.settings import load_settings

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
DATASETS = [  # name, language, file under SHARED
    ("conll2003-en", "en", "ner-en-conll2003/conll2003_test.iob2.txt"),
    ("conll++-en", "en", "ner-en-conll2003/conllpp_test.iob2.txt"),
    ("conll2002-es", "es", "ner-es-conll2002/esp.testb"),
]
TYPES = ("PER", "LOC", "ORG", "MISC")
# OntoNotes (English) labels to CoNLL types; the Spanish pipeline already uses the CoNLL ones.
LABEL_MAP = {
    "PERSON": "PER", "GPE": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
    "LAW": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LANGUAGE": "MISC",
    **{t: t for t in TYPES},
}  # fmt: skip

Span = tuple[int, int, str]


def read_sentences(path: Path) -> list[list[tuple[str, str]]]:
    """Return the sentences of a CoNLL file as lists of (token, NER tag); -DOCSTART- dropped."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        cols = line.split()
        if cols and cols[0] != "-DOCSTART-":
            current.append((cols[0], cols[-1]))
        elif current:
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def gold_spans(tags: list[str], offsets: list[tuple[int, int]]) -> set[Span]:
    """IOB tags to character spans; an I- after O or another type starts an entity (conlleval)."""
    spans: set[Span] = set()
    start: int | None = None
    kind = ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if start is not None and (prefix != "I" or typ != kind):
            spans.add((offsets[start][0], offsets[i - 1][1], kind))
            start = None
        if start is None and prefix in ("B", "I"):
            start, kind = i, typ
    return spans


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(nlp: Any, sentences: list[list[tuple[str, str]]]) -> list[float]:
    """Score the pipeline on the sentences; return P, R, F1, per-type F1 (%) and sentences/s."""
    texts: list[str] = []
    golds: list[set[Span]] = []
    for sent in sentences:
        offsets, pos = [], 0
        for token, _ in sent:
            offsets.append((pos, pos + len(token)))
            pos += len(token) + 1
        texts.append(" ".join(token for token, _ in sent))
        golds.append(gold_spans([tag for _, tag in sent], offsets))
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    started = time.perf_counter()
    for doc, gold in zip(nlp.pipe(texts, batch_size=64), golds, strict=True):
        pred = {
            (e.start_char, e.end_char, LABEL_MAP[e.label_])
            for e in doc.ents
            if e.label_ in LABEL_MAP
        }
        n_pred.update(kind for _, _, kind in pred)
        n_gold.update(kind for _, _, kind in gold)
        tp.update(kind for _, _, kind in pred & gold)
    elapsed = time.perf_counter() - started
    micro = f1(sum(tp.values()), sum(n_pred.values()), sum(n_gold.values()))
    per_type = [f1(tp[t], n_pred[t], n_gold[t])[2] for t in TYPES]
    return [100 * x for x in (*micro, *per_type)] + [len(texts) / elapsed]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N sentences per dataset")
    parser.add_argument("--config", default=None, help="marea settings file (TOML)")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"ner benchmark skipped: gold data folder {SHARED} is absent")
        return 0
    settings = load_settings(args.config)
    for language in sorted({lang for _, lang, _ in DATASETS}):
        nlp = load_pipeline(settings.model_for(language), language)
        print(f"{language}: {settings.model_for(language)} {nlp.meta.get('version', '')}")
    head = f"{'dataset':<14}{'sents':>6}{'P':>6}{'R':>6}{'F1':>6}"
    print(head + "".join(f"{t:>6}" for t in TYPES) + f"{'sent/s':>8}")
    for name, language, rel in DATASETS:
        path = SHARED / rel
        if not path.is_file():
            print(f"{name:<14} missing {path}")
            continue
        sentences = read_sentences(path)[: args.limit]
        nlp = load_pipeline(settings.model_for(language), language)
        *scores, rate = evaluate(nlp, sentences)
        row = f"{name:<14}{len(sentences):>6}" + "".join(f"{x:>6.1f}" for x in scores)
        print(row + f"{rate:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
