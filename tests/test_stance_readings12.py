"""Favour with no evaluative word: the authority the author cites with "como bien dice", the
example "hay que seguir" (impersonal obligation is the author's own voice), and the actor, or
its plan, the author holds up as the solution."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings11 import VOICE, _processed, _stances

VOICE_ES = (" Nosotros lo hemos escrito durante años y lo seguiremos diciendo, porque creo que "
            "alguien tiene que decirlo.")


@pytest.mark.parametrize(("text", "actor", "label", "cue"), [
    ("Como bien dice Atilio Borón, la historia se repite.", "x-person-atilio-boron", "favor",
     "dice"),
    ("Hay que seguir el ejemplo de México en política exterior.", "MEX", "favor", "seguir"),
    ("Hay que apoyar a Pedro Castillo.", "pedro-castillo", "favor", "apoyar"),
    ("Es necesario seguir el ejemplo de Bolivia.", "BOL", "favor", "seguir"),
    ("No hay que seguir el ejemplo de México.", "MEX", "against", "seguir"),
])
def test_the_author_sides_without_praise_words_in_spanish(settings: Settings, text: str,
                                                          actor: str, label: str,
                                                          cue: str) -> None:
    found = _stances(_processed(settings, text + VOICE_ES, "es"))
    assert found[actor][0] == label, found.get(actor)
    assert found[actor][1][0][1] == cue


def test_plain_saying_or_a_reported_must_is_no_side(settings: Settings) -> None:
    said = _stances(_processed(settings, "Como dice Atilio Borón, la historia se repite."
                               + VOICE_ES, "es"))
    assert "verdict" not in [kind for kind, _ in said["x-person-atilio-boron"][1]]
    reported = _stances(_processed(settings, 'Keiko Fujimori dijo: "Hay que seguir el ejemplo '
                                   'de México en política exterior."' + VOICE_ES, "es"))
    assert "endorsement" not in [kind for kind, _ in reported.get("MEX", ("", []))[1]]


@pytest.mark.parametrize(("text", "language", "actor", "label"), [
    ("Bernie Sanders's plan is the solution to the crisis.", "en", "bernie-sanders",
     "favor"),
    ("The answer to the crisis is Bernie Sanders.", "en", "bernie-sanders", "favor"),
    ("Donald Trump is not the answer to the crisis.", "en", "donald-trump", "against"),
    ("Lula es la salida a la crisis.", "es", "luiz-inacio-lula-da-silva", "favor"),
    ("Bolivia tiene la respuesta a la crisis.", "es", "BOL", "favor"),
])
def test_the_actor_held_up_as_the_solution_is_sided_with(settings: Settings, text: str,
                                                         language: str, actor: str,
                                                         label: str) -> None:
    voice = VOICE if language == "en" else VOICE_ES
    found = _stances(_processed(settings, text + voice, language))
    assert found[actor][0] == label, found.get(actor)
    assert found[actor][1][0][0] == "verdict"  # not the crisis it answers, by context


def test_a_solution_somebody_else_announces_is_no_verdict(settings: Settings) -> None:
    found = _stances(_processed(settings, "The answer is more war, says Donald Trump." + VOICE))
    assert "verdict" not in [kind for kind, _ in found.get("donald-trump", ("", []))[1]]
