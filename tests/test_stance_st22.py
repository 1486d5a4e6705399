"""Issue 15, session 22: stance out of sample. An agreeing adjective form spaCy does not
lemmatise ("la nefasta Dina Boluarte": lemma "nefasta") is read as the masculine singular the
word lists hold. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.model import Document, Token
from marea.opinion.lexicon import document_words
from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es


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
