"""Framing and propaganda techniques as spans (the SemEval-2020 Task 11 technique names).

Two detectors, joined per sentence:
- patterns (data/frame_patterns.yaml, per technique and language): regular expressions whose
  match is the span ("so-called", "the worst ... in the world", "vendepatria"); labels from
  the stance lexicon attached to a named actor are Name_Calling,Labeling.
- a sentence classifier: one logistic regression per technique over the sentence encoder's
  vectors, trained on original example sentences (data/frames_training.jsonl) by
  `scripts/train_frames.py` and shipped as data/frames_model.npz. It confirms pattern spans
  and, for the techniques that live in a whole clause (doubt, fear, black-and-white...), marks
  the sentence when it is confident and no pattern fired.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from marea.model import Document, Frame
from marea.opinion.lexicon import DATA, find, lexicon, words
from marea.settings import Settings

TECHNIQUES = (
    "Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy", "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation",
    "Flag-Waving", "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Slogans",
    "Thought-terminating_Cliches", "Whataboutism,Straw_Men,Red_Herring",
)
# techniques a pattern finds reliably without the classifier's agreement
LEXICAL = frozenset({"Loaded_Language", "Name_Calling,Labeling", "Slogans"})
# techniques whose span is a whole clause: the classifier alone may mark the sentence
CLAUSAL = frozenset({"Appeal_to_fear-prejudice", "Black-and-White_Fallacy",
                     "Causal_Oversimplification", "Doubt", "Whataboutism,Straw_Men,Red_Herring",
                     "Flag-Waving", "Appeal_to_Authority", "Thought-terminating_Cliches"})
PATTERN_GATE = 0.1  # a non-lexical pattern span needs at least this classifier probability
# the classifier alone marks a sentence only above this (its training sentences are cleaner
# than real articles, where its tuned thresholds over-fire), and only its top technique
CLASSIFIER_FLOOR = 0.9
LOADED_VALENCE = 2.0  # |valence| of a tone-lexicon word that counts as loaded language
LABEL_VALENCE = 1.5  # |valence| of a stance label that counts as name calling
REPEATS = 3  # a phrase of REPEAT_WORDS words seen this often in a document is Repetition
REPEAT_WORDS = 3


@dataclass(frozen=True)
class Classifier:
    """Per-technique logistic regressions over sentence vectors, with tuned thresholds."""

    techniques: tuple[str, ...]
    weights: np.ndarray  # techniques x dimensions
    bias: np.ndarray
    thresholds: np.ndarray

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights.T + self.bias)))


@lru_cache(maxsize=1)
def classifier() -> Classifier | None:
    """The shipped classifier, or None before `scripts/train_frames.py` has been run."""
    path = DATA.joinpath("frames_model.npz")
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        saved = np.load(handle)
        return Classifier(tuple(str(t) for t in saved["techniques"]), saved["weights"],
                          saved["bias"], saved["thresholds"])


@lru_cache(maxsize=8)
def patterns(language: str | None) -> dict[str, re.Pattern[str]]:
    """Span patterns of one language, one alternation per technique (one scan per sentence)."""
    import yaml

    raw = yaml.safe_load(DATA.joinpath("frame_patterns.yaml").read_text("utf-8")) or {}
    found = {}
    for technique, entry in raw.items():
        listed = (entry or {}).get(language) or []
        if technique in TECHNIQUES and listed:
            found[technique] = re.compile("|".join(f"(?:{p})" for p in listed), re.IGNORECASE)
    return found


def frames(batch: list[Document], settings: Settings) -> list[Document]:
    """Stage: fill `frames` (needs the encoder stage's vectors for the classifier)."""
    for doc in batch:
        doc.frames = find_frames(doc)
    return batch


def find_frames(doc: Document) -> list[Frame]:
    model = classifier()
    if model is None or doc.vectors is None or len(doc.vectors) != len(doc.sentences):
        model = None  # patterns and lexicons only
    probabilities = model.probabilities(np.asarray(doc.vectors, np.float32)) if model else None
    found: list[Frame] = []
    for number, sentence in enumerate(doc.sentences):
        text = doc.text[sentence.start:sentence.end]
        chance: dict[str, float] = {}
        if model is not None and probabilities is not None:
            chance = dict(zip(model.techniques, probabilities[number].tolist(), strict=True))
        marked: set[str] = set()
        for technique, pattern in patterns(doc.language).items():
            p = chance.get(technique, 1.0)
            if technique not in LEXICAL and p < PATTERN_GATE:
                continue
            for match in pattern.finditer(text):
                if match.end() > match.start():
                    found.append(Frame(number, sentence.start + match.start(),
                                       sentence.start + match.end(), technique,
                                       round(0.5 + 0.5 * p, 3), "pattern"))
                    marked.add(technique)
        if model is not None and probabilities is not None:
            index = int(np.argmax(probabilities[number]))
            technique = model.techniques[index]
            if (technique in CLAUSAL and technique not in marked
                    and chance[technique] >= max(model.thresholds[index], CLASSIFIER_FLOOR)):
                found.append(Frame(number, sentence.start, sentence.end, technique,
                                   round(chance[technique], 3), "classifier"))
    found += _name_calling(doc) + _loaded_words(doc) + _repetition(doc)
    return _dedupe(found)


def _name_calling(doc: Document) -> list[Frame]:
    """Strong labels next to a named actor ("the usurper Boluarte", "far-right Bolsonaro")."""
    lex = lexicon(doc.language)
    ends = [t.end for t in doc.tokens]
    found = []
    for mention in doc.mentions:
        if not mention.actor_id:
            continue
        sentence = doc.sentences[mention.sentence]
        window_start = max(sentence.start, mention.start - 40)
        window_end = min(sentence.end, mention.end + 40)
        first = bisect_left(ends, window_start + 1)
        last = first
        while last < len(doc.tokens) and doc.tokens[last].start < window_end:
            last += 1
        for hit in find(words(doc.tokens, doc.text, first, last), lex.labels, lex.longest):
            if abs(lex.labels[hit.term]) >= LABEL_VALENCE:
                start, end = doc.tokens[hit.first].start, doc.tokens[hit.last].end
                if not mention.start <= start < mention.end:
                    found.append(Frame(mention.sentence, start, end, "Name_Calling,Labeling",
                                       round(min(1.0, abs(lex.labels[hit.term]) / 3), 3),
                                       "lexicon"))
    return found


def _loaded_words(doc: Document) -> list[Frame]:
    """Strongly valenced adjectives and adverbs of the tone lexicon ("brutal", "shamelessly")."""
    lex = lexicon(doc.language)
    found = []
    for hit in find(words(doc.tokens, doc.text, 0, len(doc.tokens)), lex.polarity, lex.longest):
        token = doc.tokens[hit.first]
        if abs(lex.polarity[hit.term]) >= LOADED_VALENCE and token.pos in ("ADJ", "ADV"):
            found.append(Frame(token.sentence, token.start, doc.tokens[hit.last].end,
                               "Loaded_Language", round(abs(lex.polarity[hit.term]) / 3, 3),
                               "lexicon"))
    return found


def _repetition(doc: Document) -> list[Frame]:
    """Phrases of a few content words that the document repeats (slogans hammered home)."""
    seen: dict[str, list[tuple[int, int, int]]] = {}
    seq = words(doc.tokens, doc.text, 0, len(doc.tokens))
    content = [w for w in seq if doc.tokens[w[0]].pos in ("NOUN", "PROPN", "ADJ", "VERB")]
    for i in range(len(content) - REPEAT_WORDS + 1):
        window = content[i:i + REPEAT_WORDS]
        if window[-1][0] - window[0][0] > 2 * REPEAT_WORDS or all(
                doc.tokens[w[0]].pos in ("PROPN", "NOUN") for w in window):
            continue  # names and titles ("President Donald Trump") recur in any report
        key = " ".join(w[2] for w in window)
        first, last = doc.tokens[window[0][0]], doc.tokens[window[-1][0]]
        seen.setdefault(key, []).append((first.sentence, first.start, last.end))
    found = []
    for places in seen.values():
        if len(places) >= REPEATS:
            found += [Frame(s, a, b, "Repetition", 0.5, "pattern") for s, a, b in places]
    return found


def _dedupe(found: list[Frame]) -> list[Frame]:
    """One frame per (technique, span), the best-scored; in text order."""
    best: dict[tuple[str, int, int], Frame] = {}
    for frame in found:
        key = (frame.technique, frame.start, frame.end)
        if key not in best or frame.score > best[key].score:
            best[key] = frame
    return sorted(best.values(), key=lambda f: (f.start, f.end, f.technique))
