"""Whose words: a reporting verb beyond "say" ("explained", "reconoció") makes what follows
its subject's view, and an infinitive with no subject ("Conviene recordar que ...") is the
author's own, as a social post is in full."""

from __future__ import annotations

import math

import pytest

from marea.settings import Settings
from tests.test_stance_readings11 import _processed
from tests.test_stance_readings12 import VOICE_ES
from tests.test_stance_readings13 import LONG_EN, LONG_ES


@pytest.mark.parametrize(("text", "language"), [
    ("Rafael Correa explained that Lenín Moreno is a corrupt traitor.", "en"),
    ("Rafael Correa reconoció que Lenín Moreno es un traidor corrupto.", "es"),
])
def test_a_reporting_verb_makes_the_words_its_subjects(settings: Settings, text: str,
                                                       language: str) -> None:
    doc = _processed(settings, text + (LONG_EN if language == "en" else LONG_ES), language)
    (moreno,) = [s for s in doc.stances if s.actor_id == "lenin-moreno"]
    judged = [c for c in moreno.cues if c.weight]
    assert judged and all(c.kind.startswith("quoted ") for c in judged), moreno.cues


@pytest.mark.parametrize("opening", ["Conviene recordar que", "Hay que decir que"])
def test_an_infinitive_with_no_subject_is_the_authors_voice(settings: Settings, opening: str
                                                            ) -> None:
    doc = _processed(settings, f"{opening} México ofreció asilo a Evo Morales cuando su vida "
                     "corría peligro." + VOICE_ES, "es")
    (evo,) = [s for s in doc.stances if s.actor_id == "evo-morales"]
    assert evo.cues[0].kind == "victim" and evo.cues[0].cue == "asilo", evo.cues  # not quoted
    assert evo.score > 0


def test_a_social_post_is_its_authors_own_voice(settings: Settings) -> None:
    # the document's opinion score does not shrink a post's cues: the score is the plain
    # tanh of their sum (one mention: no division)
    doc = _processed(settings, "Donald Trump is a clown who insults everyone. #debate")
    (trump,) = [s for s in doc.stances if s.actor_id == "donald-trump"]
    total = sum(c.weight for c in trump.cues)
    assert total < 0 and trump.score == pytest.approx(math.tanh(total), abs=1e-3), trump
    assert trump.label == "against"
