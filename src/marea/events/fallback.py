"""The learned fallback: a PLOVER type for a verb the trigger lexicon gives no event.

Where a verb has no lexicon entry, or only entries asking for objects it does not have, and
governs at least one actor (its subject or a passive's agent as the source; an object,
prepositional complement or a passive's subject as the target), the verb with its object
("impose curfew") is encoded with the packaged sentence encoder and a linear classifier
over that vector proposes a type with a probability, or NONE: it learnt to abstain from the
verbs around annotated events that code none.
The classifier's weights ship as package data (`data/fallback/`), trained offline by
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

from marea.events.tree import (
    OBJECTS,
    DependencyTree,
    actor_host,
    is_clitic,
    is_passive,
    subjects_of,
    unknown_place,
)
from marea.nlp.encoder import load_encoder

if TYPE_CHECKING:
    from marea.events.lexicon import Lexicon
    from marea.model import Mention

NONE = "NONE"  # the class of clauses that code no event
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "nsubj:pass"}
COMPLEMENT_DEPS = {"obj", "dobj", "iobj", "obl", "dative"}


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


def action_text(tree: DependencyTree, index: int) -> str:
    """Return what the classifier reads: the verb's lemma with its particle and the lemma of
    its object, else of its first prepositional complement with the preposition ("impose
    curfew", "gather in square", "levantar huelga"). Measured out of fold on the dev
    candidates, this kept more right types per wrong one than the verb's whole clause."""
    words = [tree.lemma(index)] + [tree.lemma(c) for c in tree.kids(index, {"prt", "compound:prt"})]
    objects = [o for o in tree.kids(index, OBJECTS) if not is_clitic(tree, o)]
    if objects:
        return " ".join([*words, tree.lemma(objects[0])])
    for child in tree.kids(index, {"prep", "obl", "iobj", "dative"}):
        if is_clitic(tree, child):
            continue
        if tree.doc.tokens[child].dep == "prep":
            nouns = tree.kids(child, {"pobj"})
            if nouns:
                return " ".join([*words, tree.lemma(child), tree.lemma(nouns[0])])
        else:
            marks = [tree.lemma(c) for c in tree.kids(child, {"case"})]
            return " ".join([*words, *marks, tree.lemma(child)])
    return " ".join(words)


def candidates(tree: DependencyTree, words: Lexicon
               ) -> list[tuple[int, Mention | None, Mention | None]]:
    """Return (verb, source actor, target actor) for each verb the lexicon gave no event that
    governs at least one actor (a linked actor, a generic agent or a resolved pronoun): a
    verb no entry names, or one whose entries all ask for objects it does not have ("pushed
    the reform" where "push" codes only "push for talks"). Either actor may be None.
    Only sentences the lexicon found no event in are read: in the others the verbs left over
    are the coded act's circumstances ("tried to hack", "threatened to ban [them from]
    participating in elections"); on plover-gsr's dev half none of the 83 such candidates
    was the annotated trigger."""
    found = []
    report = words.cues.get("report_verbs", set())
    coded = {tree.doc.tokens[t].sentence for t in tree.triggers}
    for index, token in enumerate(tree.doc.tokens):
        if token.pos != "VERB" or token.dep == "prep" or token.sentence in coded:
            continue  # "according to the ministry" is tagged a verb heading a preposition
        lemma = words.verb_lemma(tree.lemma(index))
        if lemma in report or not _uncovered(tree, index, lemma, words) or any(
                c in tree.triggers for c in _complements(tree, index)):
            continue  # "se unieron a la protesta": the noun already codes the event
        doers, done_to = _arguments(tree, index)
        sources = [tree.actor_at[s] for s in doers if s in tree.actor_at]
        source = sources[0] if sources else None
        targets = [tree.actor_at[t] for t in done_to if t in tree.actor_at
                   and not unknown_place(tree.actor_at[t])
                   and (source is None or tree.actor_at[t].actor_id != source.actor_id)]
        if source is not None or targets:
            found.append((index, source, targets[0] if targets else None))
    return found


def _uncovered(tree: DependencyTree, index: int, lemma: str, words: Lexicon) -> bool:
    """Whether the lexicon leaves a verb to the classifier: it has no entry, or every entry
    asks for an object and the verb's own object is none of them nor a blocked one."""
    objects = {tree.lemma(o) for o in tree.kids(index, OBJECTS)}
    blocked = {o for b in words.blockers.get(lemma, []) for o in b.objects}
    if lemma in words.blockers and (not blocked or objects & blocked):
        return False  # "struck a different note" is no strike
    entries = words.verbs.get(lemma)
    if not entries:
        return True
    return bool(objects) and all(e.objects and not objects & set(e.objects) for e in entries)


def _arguments(tree: DependencyTree, index: int) -> tuple[list[int], list[int]]:
    """Return a verb's doers (its subject, inherited if absent; a passive's agent) and what
    it is done to (objects and prepositional complements; a passive's subject)."""
    complements = _complements(tree, index)
    if not is_passive(tree, index):
        return [actor_host(tree, s) for s in subjects_of(tree, index)], [
            actor_host(tree, c) for c in complements]
    agents = [o for a in tree.kids(index, {"agent"}) for o in tree.kids(a, {"pobj"})] + [
        c for c in tree.kids(index, {"obl"}) if any(
            tree.lemma(m) == "por" for m in tree.kids(c, {"case"}))]
    done_to = [s for s in tree.kids(index, PASSIVE_SUBJECTS | SUBJECT_DEPS)]
    return ([actor_host(tree, a) for a in agents],
            [actor_host(tree, t) for t in done_to + [c for c in complements if c not in agents]])


def _complements(tree: DependencyTree, index: int) -> list[int]:
    """Objects and prepositional complements of a verb (English prep -> pobj included)."""
    found = []
    for child in tree.kids(index, COMPLEMENT_DEPS | {"prep"}):
        if tree.doc.tokens[child].dep == "prep":
            found.extend(tree.kids(child, {"pobj"}))
        elif not is_clitic(tree, child):
            found.append(child)
    return found


def proposals(tree: DependencyTree, words: Lexicon
              ) -> list[tuple[int, Mention | None, Mention | None, str, float]]:
    """Return (verb, source, target, type, probability) for the candidates the classifier
    types at or above its threshold."""
    model = classifier()
    if model is None or model.threshold > 1:
        return []  # no weights, or weights that reached the wanted precision at no threshold
    found = candidates(tree, words)
    if not found:
        return []
    vectors = load_encoder(model.encoder).encode([action_text(tree, i) for i, _, _ in found])
    kept = []
    for (index, source, target), (kind, probability) in zip(
            found, model.predict(vectors), strict=True):
        if kind != NONE and probability >= model.threshold:
            kept.append((index, source, target, kind, probability))
    return kept
