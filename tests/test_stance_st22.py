"""Issue 15, session 22: stance out of sample. An agreeing adjective form spaCy does not
lemmatise ("la nefasta Dina Boluarte": lemma "nefasta") is read as the masculine singular the
word lists hold; a "that" clause under any verb but a factive one is its subject's words or
belief, not the author's. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.model import Document, Token
from marea.opinion.lexicon import document_words
from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es
from tests.test_stance_readings19 import _read as _read_en


@pytest.mark.parametrize(("text", "word"), [
    ("La nefasta Dina Boluarte sigue en el poder.", "nefasta"),  # tagged a noun, name appos
    ("Dina Boluarte es nefasta para el país.", "nefasta"),  # an adjective, lemma "nefasta"
])
def test_an_agreeing_adjective_is_read_as_its_masculine_singular(
        settings: Settings, text: str, word: str) -> None:
    label, cues = _read_es(settings, text)["dina-boluarte"]
    assert label == "against", cues
    assert any(cue == word for _, cue in cues), cues


def _doc(text: str, pos: list[str], lemmas: list[str]) -> Document:
    """Tokens split at spaces; a proper noun after a noun is in apposition to it."""
    doc = Document(source="t", locator="", raw=text.encode(), content_type="text",
                   metadata={"language": "es"})
    doc.text, doc.language, start = text, "es", 0
    for index, (word, tag, lemma) in enumerate(zip(text.split(), pos, lemmas, strict=True)):
        appos = tag == "PROPN" and index > 0 and pos[index - 1] == "NOUN"
        doc.tokens.append(Token(start, start + len(word), 0, lemma, tag, tag,
                                "appos" if appos else "dep", index - 1 if appos else index))
        start += len(word) + 1
    return doc


@pytest.mark.parametrize(("text", "pos", "lemmas", "expected"), [
    ("nefasta gestión", ["ADJ", "NOUN"], ["nefasta", "gestión"], ["nefasto", "gestion"]),
    ("gestiones nefastas", ["NOUN", "ADJ"], ["gestión", "nefastas"], ["gestion", "nefasto"]),
    # a form the lists know as it is keeps its lemma ("golpista" is no "golpisto")
    ("derecha golpista", ["NOUN", "ADJ"], ["derecha", "golpista"], ["derecha", "golpista"]),
    ("nefasta Boluarte", ["NOUN", "PROPN"], ["nefasta", "Boluarte"], ["nefasto", "boluarte"]),
    # only adjectives: a noun's form is its own word ("la derecha" is not "el derecho")
    ("nefasta", ["NOUN"], ["nefasta"], ["nefasta"]),
])
def test_only_adjectives_an_unknown_lemma_falls_back(text: str, pos: list[str],
                                                     lemmas: list[str],
                                                     expected: list[str]) -> None:
    assert [lemma for _, _, lemma in document_words(_doc(text, pos, lemmas))] == expected


@pytest.mark.parametrize(("text", "read"), [
    ("Its witnesses never cite crimes but feel that Maduro is a dangerous tyrant.", _read_en),
    ("The protesters insist that Maduro is a dangerous tyrant.", _read_en),
    ("Los opositores sienten que Maduro es un tirano peligroso.", _read_es),
])
def test_a_that_clause_is_the_words_or_belief_of_the_verbs_subject(
        settings: Settings, text: str, read) -> None:
    """Any verb but a factive one gives its "that" clause as its subject's view, also a verb
    whose subject is shared with the one before it: the labels are quoted, not the author's
    (they count at the quoted weight)."""
    _, cues = read(settings, text)["nicolas-maduro"]
    assert {kind for kind, cue in cues if cue in ("tyrant", "tirano")} == {"quoted label"}, cues


@pytest.mark.parametrize(("text", "read"), [
    ("Everyone knows that Maduro is a dangerous tyrant.", _read_en),
    ("Todos saben que Maduro es un tirano peligroso.", _read_es),
])
def test_a_factive_verb_leaves_its_that_clause_to_the_author(settings: Settings, text: str,
                                                              read) -> None:
    label, cues = read(settings, text)["nicolas-maduro"]
    assert label == "against", cues
    assert {kind for kind, cue in cues if cue in ("tyrant", "tirano")} == {"label"}, cues


def test_what_is_done_without_a_harm_is_no_harm(settings: Settings) -> None:
    """"without" before a verb negates it as "not" does: killing nobody is no harm. (Spanish
    "sin matar" hangs as an adverbial clause the army is not read as the subject of.)"""
    label, cues = _read_en(settings, "The Bolivian army left the city without killing a "
                           "single civilian.")["BOLMIL"]
    assert label == "favor", cues
    assert ("predicate:subject", "killing") in cues, cues
