"""The learned fallback: a PLOVER type for a verb the trigger lexicon does not know.

Where a verb has no lexicon entry but governs two different actors (a subject, and an object
or prepositional complement), its clause is encoded with the packaged sentence encoder and a
linear classifier over that vector proposes a type with a probability. The classifier's
weights ship as package data (`data/fallback/`), trained offline by
`scripts/train_event_fallback.py`; its BUILD.json records the version, the encoder, the
training examples and the threshold. Only proposals at or above that threshold, chosen on
the dev halves for precision, become events (`method = "classifier"`).

The encoder is always the packaged one the weights were trained on (`minilm-l6-int8`),
whatever `[models] encoder` says: another encoder's vectors would mean nothing to them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from marea.nlp.encoder import load_encoder

if TYPE_CHECKING:
    from marea.events.lexicon import Lexicon
    from marea.events.tree import DependencyTree
    from marea.model import Mention

NONE = "NONE"  # the class of clauses that code no event
SUBJECT_DEPS = {"nsubj", "csubj"}  # active subjects only: passives need the agent's case
COMPLEMENT_DEPS = {"obj", "dobj", "iobj", "obl", "dative"}
# Children that stay in a clause's text; sub-clauses and punctuation are cut off.
CLAUSE_DEPS = SUBJECT_DEPS | COMPLEMENT_DEPS | {
    "neg", "advmod", "aux", "prt", "compound:prt", "prep", "pobj", "agent", "det", "amod",
    "compound", "flat", "nmod", "case", "poss", "nummod", "expl:pv", "expl", "obl:arg"}


@dataclass(frozen=True)
class Classifier:
    """Softmax weights over encoder vectors, the class names and the kept threshold."""

    classes: tuple[str, ...]
    weights: np.ndarray  # (classes, dimensions)
    bias: np.ndarray  # (classes,)
    threshold: float
    encoder: str
    version: str

    def predict(self, vectors: np.ndarray) -> list[tuple[str, float]]:
        """Return the most probable class of each vector with its probability."""
        logits = vectors @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        best = probabilities.argmax(axis=1)
        return [(self.classes[b], float(probabilities[row, b])) for row, b in enumerate(best)]


@lru_cache(maxsize=1)
def classifier() -> Classifier | None:
    """Return the packaged classifier, or None when the package carries none."""
    folder = resources.files("marea.events").joinpath("data", "fallback")
    if not folder.joinpath("classifier.npz").is_file():
        return None
    build = json.loads(folder.joinpath("BUILD.json").read_text("utf-8"))
    with folder.joinpath("classifier.npz").open("rb") as handle:
        arrays = np.load(handle)
        weights, bias = arrays["weights"].astype(np.float32), arrays["bias"].astype(np.float32)
    return Classifier(tuple(build["classes"]), weights, bias, float(build["threshold"]),
                      str(build["encoder"]), str(build["version"]))


def clause_span(tree: DependencyTree, index: int) -> tuple[int, int]:
    """Return the character span of a verb's own clause: the verb with its arguments and
    modifiers, without the clauses it embeds ("said that ..."), inside its sentence."""
    tokens = tree.doc.tokens
    sentence = tokens[index].sentence
    kept, stack = [index], [index]
    while stack:
        node = stack.pop()
        for child in tree.children[node]:
            if tokens[child].dep in CLAUSE_DEPS and tokens[child].sentence == sentence:
                kept.append(child)
                stack.append(child)
    return tokens[min(kept)].start, tokens[max(kept)].end


def clause_text(tree: DependencyTree, index: int) -> str:
    """Return what the classifier reads: the verb's lemma, then its clause ("storm: thousands
    of supporters stormed Congress"); the lemma weighs the verb's meaning in the vector."""
    return f"{tree.lemma(index)}: {tree.doc.text[slice(*clause_span(tree, index))]}"


def candidates(tree: DependencyTree, words: Lexicon) -> list[tuple[int, Mention, Mention]]:
    """Return (verb, subject actor, complement actor) for each verb that no lexicon entry
    names and that governs two different actors."""
    found = []
    report = words.cues.get("report_verbs", set())
    for index, token in enumerate(tree.doc.tokens):
        if token.pos != "VERB" or index in tree.triggers:
            continue
        lemma = words.verb_lemma(tree.lemma(index))
        if lemma in words.verbs or lemma in report or lemma in words.blockers:
            continue
        subjects = [tree.actor_at[s] for s in tree.kids(index, SUBJECT_DEPS)
                    if s in tree.actor_at]
        others = [tree.actor_at[c] for c in _complements(tree, index) if c in tree.actor_at]
        others = [m for m in others if subjects and m.actor_id != subjects[0].actor_id]
        if subjects and others:
            found.append((index, subjects[0], others[0]))
    return found


def _complements(tree: DependencyTree, index: int) -> list[int]:
    """Objects and prepositional complements of a verb (English prep -> pobj included)."""
    found = []
    for child in tree.kids(index, COMPLEMENT_DEPS | {"prep"}):
        if tree.doc.tokens[child].dep == "prep":
            found.extend(tree.kids(child, {"pobj"}))
        else:
            found.append(child)
    return found


def proposals(tree: DependencyTree, words: Lexicon
              ) -> list[tuple[int, Mention, Mention, str, float]]:
    """Return (verb, source, target, type, probability) for the candidates the classifier
    types at or above its threshold."""
    model = classifier()
    found = candidates(tree, words)
    if model is None or not found:
        return []
    clauses = [clause_text(tree, index) for index, _, _ in found]
    vectors = load_encoder(model.encoder).encode(clauses)
    kept = []
    for (index, source, target), (kind, probability) in zip(
            found, model.predict(vectors), strict=True):
        if kind != NONE and probability >= model.threshold:
            kept.append((index, source, target, kind, probability))
    return kept
