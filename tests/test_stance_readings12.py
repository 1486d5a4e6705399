"""Favour with no evaluative word, in Spanish: the authority the author cites with "como bien
dice", and the example "hay que seguir" (impersonal obligation is the author's own voice)."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings11 import _processed, _stances

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
