"""Named entities for a language with no recogniser of its own, from a related language's.

No Portuguese spaCy pipeline is on PyPI, so Portuguese text gets a blank pipeline: tokens and
sentences, no entities, and the people a page is about were never actors. Spanish's
recogniser finds most Portuguese names, but also spans no reader calls a name: lower-case
words ("não", "possa", "destacou"), capitalised sentence openers ("Após", "Hoje", "Embora
Pacheco") and clauses ("A estratégia de Pacheco"). Only its entity spans are borrowed (its
tagger, parser and lemmas never see the text), and each is cut to the runs of capitalised
words a name is made of, less the sentence openers the document shows are common words.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any

from marea.actors.kb import fold
from marea.nlp.models import NAME_PARTICLES

# Lower-case words inside a name ("Alexandre de Moraes", "Marcel van Hattem").
CONNECTORS = NAME_PARTICLES | {"das", "e"}


def _capitalised(text: str) -> bool:
    return text[:1].isupper() or (text[:1].isdigit() and text.isalnum())


def _opens_sentence(token: Any) -> bool:
    """Whether only punctuation (an opening quote, a dash) comes before the token in its
    sentence: a capital there says nothing about the word."""
    sentence = token.sent
    return all(t.is_punct or t.is_space for t in sentence[:token.i - sentence.start])


def _runs(tokens: list[Any]) -> list[list[Any]]:
    """Split an entity's tokens into runs of capitalised words, joined by connectors."""
    runs: list[list[Any]] = []
    current: list[Any] = []
    for token in tokens:
        joins = token.text in CONNECTORS or (  # or an initial's stop: "Estado de S. Paulo"
            token.text == "." and len(current[-1].text) == 1) if current else False
        if _capitalised(token.text) or joins:
            current.append(token)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    return [r[:max(i for i, t in enumerate(r) if t.text not in CONNECTORS) + 1]
            for r in runs if any(t.text not in CONNECTORS for t in r)]


def _trim(run: list[Any], named: set[str]) -> list[Any]:
    """Drop the run's first word while it opens the sentence and is a common word: one of the
    language's function words, or a word the document never capitalises elsewhere unless the
    next word of the run is a name word too ("Rodrigo Pacheco" opening a sentence)."""
    while run and _opens_sentence(run[0]):
        word = run[0]
        followed = len(run) > 1 and run[1].text not in CONNECTORS
        if not word.is_stop and (word.text in named or followed):
            break
        run = run[1:]
        while run and run[0].text in CONNECTORS:
            run = run[1:]
    return run


def borrowed_entities(doc: Any, recogniser: Any, titles: Set[str]
                      ) -> list[tuple[int, int, str]]:
    """Return (start token, end token, "PER") of the people the recogniser names.

    Only people are borrowed: its organisation and place labels on Portuguese are a coin toss
    ("Congresso Nacional" a place, "Corte" and "PEC" organisations) and would displace the
    knowledge base's parties and institutions. A run cut from a MISC clause ("A estratégia de
    Pacheco") is a person's when the document names that person elsewhere or a person's title
    comes right before it ("O senador Lasier Martins vê"). A one-word name, whatever its label
    ("Lira" a place, "Fux" an organisation), is a person's only when it ends a person's full
    name in the document (news gives the full name first, the surname after): "Executivo",
    "STF", "Maio" tagged PER end none."""
    named = {t.text for t in doc if _capitalised(t.text) and not _opens_sentence(t)}
    runs: list[tuple[int, int, str]] = []
    for entity in recogniser(doc.text).ents:
        tokens = doc.char_span(entity.start_char, entity.end_char, alignment_mode="expand")
        if tokens is None:
            continue
        for run in _runs(list(tokens)):
            run = _trim(run, named)
            if run and run[0].sent.start == run[-1].sent.start and not (
                    runs and runs[-1][1] > run[0].i):  # two entities in one of our tokens
                runs.append((run[0].i, run[-1].i + 1, entity.label_))
    runs = [(start, end, "PER" if _after_title(doc, start, titles) else label)
            for start, end, label in runs]
    people = {doc[start:end].text for start, end, label in runs if label == "PER"}
    surnames = {doc[end - 1].text for start, end, label in runs
                if label == "PER" and end - start > 1}
    return [(start, end, "PER") for start, end, label in runs
            if (end - start > 1 and (label == "PER" or doc[start:end].text in people))
            or doc[start].text in surnames]


def _after_title(doc: Any, start: int, titles: Set[str]) -> bool:
    """Whether the one or two words before a token are a person's title in the knowledge
    base ("o senador", "o deputado federal")."""
    return any(start >= size and not doc[start - 1].is_punct
               and fold(doc[start - size:start].text) in titles for size in (1, 2))
