"""A learned span tagger for framing techniques (English), trained on annotated articles.

Each spaCy token gets features: the packaged MiniLM encoder's last-layer vector for it in its
sentence (the mean of its word pieces), the sentence's mean vector, and a few lexical ones
(tone-lexicon and label valence, part of speech, inside quotation marks). One multinomial
logistic regression gives each token a probability of lying outside any technique and of each
technique; a run of tokens whose outside probability is below the threshold is a span,
labelled with the technique most probable over the run. `scripts/train_frame_tagger.py` fits
it and writes data/frame_tagger.npz (weights, classes, threshold and the feature version).

The token states are the encoder's run of each sentence, the run that gives the sentence's
vector (its int8 activation scales are each token's own, so a document's spans do not
depend on what was ingested with it or batched beside it): the embed stage keeps them for
the documents the tagger reads (`reads`), so the frames stage runs nothing again. The
shipped weights were fitted (session 13) on states of padded batches of 64 sentences under
the older graph, whose int8 activation scales were the batch's (token cosine median ~.986
to a sentence run alone); a refit on per-sentence states was not shipped (data/README.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from marea.actors.kb import fold
from marea.errors import ModelError
from marea.model import Document
from marea.nlp.encoder import DEFAULT, DIMENSIONS, OnnxEncoder, load_encoder
from marea.opinion.lexicon import DATA, lexicon

MODEL = "frame_tagger.npz"
FEATURES = 1  # version of `token_features`; a model saved for another version is refused
POS = ("ADJ", "ADV", "NOUN", "PROPN", "VERB", "AUX", "PRON", "DET", "ADP", "PUNCT", "NUM")
QUOTED = re.compile(r'[“"«]([^“”"«»\n]{1,600})[”"»]')
TRIM = frozenset({"PUNCT", "CCONJ", "ADP", "DET", "SPACE"})  # never the edge of a span
CONTENT = frozenset({"ADJ", "ADV", "NOUN", "PROPN", "VERB"})  # a span holds one at least


@dataclass(frozen=True)
class Tagger:
    """Multinomial logistic regression over token features; class 0 is "outside"."""

    classes: tuple[str, ...]  # "O" then technique names
    weights: np.ndarray  # classes x features
    bias: np.ndarray
    threshold: float  # a token is inside a span when P(outside) < 1 - threshold

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = features @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def spans(self, doc: Document, threshold: float | None = None
              ) -> list[tuple[int, int, int, str, float]]:
        """(sentence, start, end, technique, score) for each run of inside tokens."""
        if not doc.tokens:
            return []
        chance = self.probabilities(token_features(doc))
        return decode(doc, chance, self.classes, self.threshold if threshold is None
                      else threshold)


def decode(doc: Document, chance: np.ndarray, classes: tuple[str, ...], threshold: float
           ) -> list[tuple[int, int, int, str, float]]:
    """Runs of tokens in one sentence whose inside probability reaches the threshold, their
    edges trimmed of punctuation and function words, then widened to whole written words."""
    inside = 1.0 - chance[:, 0]
    found = []
    index = 0
    while index < len(doc.tokens):
        if inside[index] < threshold:
            index += 1
            continue
        end = index
        sentence = doc.tokens[index].sentence
        while (end + 1 < len(doc.tokens) and inside[end + 1] >= threshold
               and doc.tokens[end + 1].sentence == sentence):
            end += 1
        first, last = index, end
        while first <= last and doc.tokens[first].pos in TRIM:
            first += 1
        while last >= first and doc.tokens[last].pos in TRIM:
            last -= 1
        while first <= last and first > 0 and glued(doc, first - 1):
            first -= 1  # a span never starts or ends inside a word ("anti-imperialist")
        while first <= last and last + 1 < len(doc.tokens) and glued(doc, last):
            last += 1
        if first <= last and any(doc.tokens[i].pos in CONTENT for i in range(first, last + 1)):
            run = chance[first:last + 1]
            technique = classes[1 + int(np.argmax(run[:, 1:].sum(axis=0)))]
            found.append((sentence, doc.tokens[first].start, doc.tokens[last].end, technique,
                          round(float(inside[first:last + 1].mean()), 3)))
        index = end + 1
    return found


def glued(doc: Document, index: int) -> bool:
    """Whether token `index` and the next are one written word ("anti", "-", "imperialist")."""
    here, after = doc.tokens[index], doc.tokens[index + 1]
    if here.end != after.start or here.sentence != after.sentence:
        return False
    pair = doc.text[here.start:here.end] + doc.text[after.start:after.end]
    return pair.replace("-", "").isalnum()


def reads(doc: Document) -> bool:
    """Whether the frames stage runs the tagger on `doc`: English (its encoder and training
    are English) and declared opinion by its source (see frames._tagged)."""
    return doc.language == "en" and doc.metadata.get("kind") == "opinion"


@lru_cache(maxsize=1)
def tagger() -> Tagger | None:
    """The shipped tagger, or None before `scripts/train_frame_tagger.py` has been run."""
    path = DATA.joinpath(MODEL)
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            saved = np.load(handle)
            version = int(saved["features"])
            model = Tagger(tuple(str(c) for c in saved["classes"]), saved["weights"],
                           saved["bias"], float(saved["threshold"]))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"[E180] Can't read the framing tagger {path}: {exc}. Reinstall marea "
                         f"or run scripts/train_frame_tagger.py.") from exc
    if version != FEATURES or model.weights.shape[1] != feature_count():
        raise ModelError(f"[E181] The framing tagger {path} was trained on features version "
                         f"{version} ({model.weights.shape[1]} columns); this marea computes "
                         f"version {FEATURES} ({feature_count()}). Run "
                         f"scripts/train_frame_tagger.py.")
    return model


def feature_count() -> int:
    return 2 * DIMENSIONS + len(POS) + 7


def token_features(doc: Document) -> np.ndarray:
    """One row per token of `doc` (see the module docstring); needs tokens and sentences."""
    encoder = load_encoder(DEFAULT)
    assert isinstance(encoder, OnnxEncoder)  # the packaged default is an ONNX folder
    texts = [doc.text[s.start:s.end] for s in doc.sentences]
    states = encoder.token_states(texts)
    lex = lexicon(doc.language)
    quotes = [m.span(1) for m in QUOTED.finditer(doc.text)]
    quote_starts = [a for a, _ in quotes]
    out = np.zeros((len(doc.tokens), feature_count()), np.float32)
    by_sentence: dict[int, list[int]] = {}
    for index, token in enumerate(doc.tokens):
        by_sentence.setdefault(token.sentence, []).append(index)
    for number, sentence in enumerate(doc.sentences):
        rows = by_sentence.get(number, [])
        vectors, offsets = states[number]
        if not rows or not len(vectors):
            continue
        starts = [doc.tokens[i].start - sentence.start for i in rows]
        owner = np.array([max(0, bisect_left(starts, a + 1) - 1) for a, _ in offsets])
        summed = np.zeros((len(rows), DIMENSIONS), np.float32)
        np.add.at(summed, owner, vectors)
        counts = np.bincount(owner, minlength=len(rows))[:, None]
        out[rows, :DIMENSIONS] = summed / np.maximum(counts, 1)
        mean = vectors.mean(axis=0)
        out[rows, DIMENSIONS:2 * DIMENSIONS] = mean / max(float(np.linalg.norm(mean)), 1e-9)
        for position, index in enumerate(rows):
            token = doc.tokens[index]
            word, lemma = fold(doc.text[token.start:token.end]), fold(token.lemma)
            polarity = lex.polarity.get(lemma, lex.polarity.get(word, 0.0)) / 3
            label = lex.labels.get(lemma, lex.labels.get(word, 0.0)) / 3
            q = bisect_left(quote_starts, token.start + 1) - 1
            extra = out[index, 2 * DIMENSIONS:]
            if token.pos in POS:
                extra[POS.index(token.pos)] = 1.0
            extra[len(POS):] = (
                max(-polarity, 0.0), max(polarity, 0.0), max(-label, 0.0), max(label, 0.0),
                float(q >= 0 and quotes[q][0] <= token.start and token.end <= quotes[q][1]),
                position / len(rows), min(len(rows), 60) / 60)
    return out
