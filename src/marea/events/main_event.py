"""The main event of each sentence: the one its governing clause reports.

A sentence often holds several events: "Russia sent troops to attack Ukraine" has the sending
(the governing clause) and the attack (its purpose); "X condemned the attack on Y" has the
condemnation and the attack condemned. Every event is stored, but coding schemes that give
one event per sentence (PLOVER's gold standard, GDELT rows) want the first of each pair, so
each event carries `main`.

An event is main when its trigger is the highest in its sentence's dependency tree among the
events that took place (asserted) and are not plain statements; coordinated clauses count as
one level ("Protesters blocked roads and clashed with police": both are main), and an event
noun is at the level of the light verb that carries it ("students staged demonstrations to
demand reforms": the demonstrations are main, the purpose clause's demand not). A sentence
with only statements or only unrealised events has its highest one of those main, so every
sentence with events has at least one main event; several events on one trigger (one per
source-target pair) share it.
"""

from __future__ import annotations

from bisect import bisect_left

from marea.events.lexicon import Lexicon
from marea.model import Document, Event

# Links that do not lower a clause: coordination and its conjunction.
SAME_LEVEL = {"conj", "cc"}
# How an event noun hangs on the light verb that carries it ("launched an [offensive]").
LIGHT_OBJECTS = {"dobj", "obj", "nsubjpass", "nsubj:pass"}


def mark_main(doc: Document, events: list[Event], words: Lexicon) -> None:
    """Set `main` on each event of a document (events of its tokens, the lexicon of its
    language for the light verbs)."""
    starts = [t.start for t in doc.tokens]
    by_sentence: dict[int, list[Event]] = {}
    for event in events:
        by_sentence.setdefault(event.sentence, []).append(event)
    for members in by_sentence.values():
        happened = [e for e in members if e.modality == "asserted" and e.type != "STATEMENT"]
        candidates = happened or members
        depth = {id(e): clause_depth(doc, bisect_left(starts, e.start), words)
                 for e in members}
        top = min(depth[id(e)] for e in candidates)
        chosen = {id(e) for e in candidates if depth[id(e)] == top}
        for event in members:
            event.main = id(event) in chosen


def clause_depth(doc: Document, index: int, words: Lexicon) -> int:
    """How many links a token is below its sentence's root, coordination and an event noun's
    link to its light verb not counted."""
    depth = 0
    token = doc.tokens[index]
    if token.pos == "NOUN" and token.dep in LIGHT_OBJECTS and token.head != index and (
            words.verb_lemma(doc.tokens[token.head].lemma.lower()) in words.light_verbs):
        index = token.head  # "staged [demonstrations]" is the clause of "staged"
    for _ in range(len(doc.tokens)):  # a malformed tree never loops forever
        token = doc.tokens[index]
        if token.head == index:
            break
        depth += token.dep not in SAME_LEVEL
        index = token.head
    return depth
