"""Build the packaged static sentence encoder from the packaged ONNX MiniLM, on this machine.

    python scripts/build_static_encoder.py   # reads shared/benchmarks/article-extraction-benchmark

A static encoder keeps one vector per word piece and encodes a sentence as the normalised sum
of its pieces' vectors: no network runs at ingest. The vectors are distilled from the default
encoder (`minilm-l6-int8`), the model2vec idea (plus a contextual average) written here
without that package:

1. every word piece of the vocabulary is encoded alone (`[CLS] piece [SEP]`, mean-pooled, as
   the default encodes a sentence);
2. a piece seen in the article sentences below takes the mean of that vector and of its
   contextual vectors there (the default's last-layer states of the piece, each sentence run
   alone): what the piece adds to a real sentence's mean;
3. the vectors are centred on their frequency-weighted mean (the direction every MiniLM
   vector shares says nothing about a sentence);
4. each piece is scaled by a smooth inverse frequency weight, SMOOTHING / (SMOOTHING + p),
   with p its share of the word pieces of the article sentences, so frequent pieces ("the",
   "##s") count for little.

The article sentences are those of the English article bodies of article-extraction-benchmark
(MIT; not in the retrieval benchmark's pool). Quality here is agreement with the default:
for each sentence, the share of its 10 nearest sentences (by the default) that the static
vectors also put in its 10 nearest, and how often the default's nearest is among them.
SMOOTHING is chosen on the even-numbered bodies (dev) without step 2; step 2 is then learnt on
dev and measured on the odd-numbered bodies (held-out), and the shipped vectors learn it from
both halves. Nothing is fitted on a retrieval query. Written to
src/marea/nlp/encoders/minilm-l6-static/: tokenizer.json (the default's), vectors.npz (int8
rows with one scale each) and BUILD.json (recipe, version, checksums, the agreements). Bump
VERSION when the recipe changes.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sys
import time
from pathlib import Path

import numpy as np

from marea.nlp.encoder import DEFAULT, DIMENSIONS, OnnxEncoder, quantise_rows

VERSION = 1
ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src" / "marea" / "nlp" / "encoders" / DEFAULT
OUT = ROOT / "src" / "marea" / "nlp" / "encoders" / "minilm-l6-static"
ARTICLES = ROOT.parent / "shared" / "benchmarks" / "article-extraction-benchmark"
SMOOTHINGS = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
MIN_WORDS = 6
ENGLISH = re.compile(r"\b(?:the|and|of|to|is)\b")


def article_sentences() -> tuple[list[str], list[str]]:
    """Sentences of the English article bodies: (even-numbered bodies, odd-numbered)."""
    truth = json.loads((ARTICLES / "ground-truth.json").read_text("utf-8"))
    halves: tuple[list[str], list[str]] = ([], [])
    for number, key in enumerate(sorted(truth)):
        body = truth[key].get("articleBody") or ""
        if len(ENGLISH.findall(body.lower())) < 20:  # not English
            continue
        for line in body.splitlines():
            for part in SENTENCE_END.split(line.strip()):
                if len(part.split()) >= MIN_WORDS:
                    halves[number % 2].append(" ".join(part.split()))
    return halves


def piece_vectors(teacher: OnnxEncoder) -> np.ndarray:
    """Each word piece encoded alone between [CLS] and [SEP], mean-pooled."""
    size = teacher.tokenizer.get_vocab_size()
    cls, sep = teacher.tokenizer.token_to_id("[CLS]"), teacher.tokenizer.token_to_id("[SEP]")
    vectors = np.zeros((size, DIMENSIONS), np.float32)
    for piece in range(size):
        ids = np.array([[cls, piece, sep]], np.int64)
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids),
                "token_type_ids": np.zeros_like(ids)}
        hidden = teacher.session.run(None, {k: v for k, v in feed.items()
                                            if k in teacher.inputs})[0]
        vectors[piece] = hidden[0].mean(axis=0)
    return vectors


def piece_shares(teacher: OnnxEncoder, sentences: list[str]) -> np.ndarray:
    """Each word piece's share of all pieces in these sentences (add-one smoothed)."""
    counts = np.ones(teacher.tokenizer.get_vocab_size(), np.float64)
    for encoding in teacher.tokenizer.encode_batch(sentences, add_special_tokens=False):
        np.add.at(counts, encoding.ids, 1)
    return counts / counts.sum()


def contextual(teacher: OnnxEncoder, sentences: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per word piece, the sum of its contextual vectors over these sentences and their count."""
    sums = np.zeros((teacher.tokenizer.get_vocab_size(), DIMENSIONS), np.float32)
    counts = np.zeros(len(sums), np.float64)
    states = teacher.token_states(sentences)
    for (vectors, _), encoding in zip(states, teacher.tokenizer.encode_batch(sentences),
                                      strict=True):
        ids = [i for i, special in zip(encoding.ids, encoding.special_tokens_mask, strict=True)
               if not special]
        np.add.at(sums, ids, vectors)
        np.add.at(counts, ids, 1)
    return sums, counts


def shape(pieces: np.ndarray, shares: np.ndarray, smoothing: float) -> np.ndarray:
    """Centred, frequency-weighted piece vectors."""
    centred = pieces - shares @ pieces
    return (centred * (smoothing / (smoothing + shares))[:, None]).astype(np.float32)


def agreement(static: np.ndarray, default: np.ndarray) -> dict[str, float]:
    """Share of each sentence's 10 nearest (by the default) the static vectors also rank in
    their 10 nearest, and how often the default's nearest is among them."""
    ours, theirs = static @ static.T, default @ default.T
    np.fill_diagonal(ours, -2)
    np.fill_diagonal(theirs, -2)
    top_ours = np.argsort(-ours, axis=1)[:, :10]
    top_theirs = np.argsort(-theirs, axis=1)[:, :10]
    shared = [len(set(a) & set(b)) / 10 for a, b in zip(top_ours, top_theirs, strict=True)]
    nearest = [b[0] in set(a) for a, b in zip(top_ours, top_theirs, strict=True)]
    return {"top-10 overlap": round(float(np.mean(shared)), 4),
            "nearest in top 10": round(float(np.mean(nearest)), 4)}


def encode(vectors: np.ndarray, teacher: OnnxEncoder, sentences: list[str]) -> np.ndarray:
    """The static encoding (as marea.nlp.encoder.StaticVectors does), normalised."""
    out = np.zeros((len(sentences), DIMENSIONS), np.float32)
    for row, encoding in enumerate(teacher.tokenizer.encode_batch(
            sentences, add_special_tokens=False)):
        if encoding.ids:
            out[row] = vectors[encoding.ids].sum(axis=0)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    if not ARTICLES.is_dir():
        sys.exit(f"{ARTICLES} is absent: the frequencies and the choice need its article bodies")
    teacher = OnnxEncoder(SOURCE)
    dev, held_out = article_sentences()
    print(f"article sentences: {len(dev)} dev, {len(held_out)} held-out", flush=True)
    began = time.perf_counter()
    pieces = piece_vectors(teacher)
    print(f"encoded {len(pieces)} word pieces in {time.perf_counter() - began:.0f} s", flush=True)
    shares = piece_shares(teacher, dev + held_out)
    default = {"dev": teacher.encode(dev), "held-out": teacher.encode(held_out)}
    tried = {}
    for smoothing in SMOOTHINGS:
        tried[smoothing] = agreement(encode(shape(pieces, shares, smoothing), teacher, dev),
                                     default["dev"])
        print(f"smoothing {smoothing:g}, dev: {tried[smoothing]}", flush=True)
    smoothing = max(tried, key=lambda k: tried[k]["top-10 overlap"])
    sums, counts = contextual(teacher, dev)
    learnt = shape((pieces + sums) / (1 + counts)[:, None], shares, smoothing)
    measured = {"vocabulary only, dev": tried[smoothing],
                "vocabulary only, held-out": agreement(
                    encode(shape(pieces, shares, smoothing), teacher, held_out),
                    default["held-out"]),
                "contextual from dev, held-out": agreement(
                    encode(learnt, teacher, held_out), default["held-out"])}
    print(f"smoothing {smoothing:g}: {measured}", flush=True)
    more, seen = contextual(teacher, held_out)
    vectors = shape((pieces + sums + more) / (1 + counts + seen)[:, None], shares, smoothing)
    OUT.mkdir(parents=True, exist_ok=True)
    quantised, scales = quantise_rows(vectors)
    with (OUT / "vectors.npz").open("wb") as handle:
        np.savez(handle, vectors=quantised, scales=scales)
    shutil.copy(SOURCE / "tokenizer.json", OUT / "tokenizer.json")
    (OUT / "BUILD.json").write_text(json.dumps({
        "version": VERSION, "recipe": "scripts/build_static_encoder.py",
        "teacher": {"encoder": DEFAULT,
                    "model.onnx sha256": json.loads((SOURCE / "BUILD.json").read_text(
                        "utf-8"))["model.onnx sha256"]},
        "article sentences": "English article bodies of article-extraction-benchmark (MIT): "
                             f"{len(dev)} dev, {len(held_out)} held-out",
        "smoothing": smoothing,
        "storage": "int8 rows, one float32 scale per row",
        "vectors.npz sha256": sha256(OUT / "vectors.npz"),
        "agreement with the teacher (article sentences)": measured,
    }, indent=2) + "\n", "utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
