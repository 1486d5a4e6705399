"""Stance, session 27 (issue 15): Spanish readings. A wrong whose victim is named in other
words ("contra Cuba", "Cuba sufre", "víctima de") names its doer with "de": "el bloqueo
criminal de Estados Unidos" is the US's act, not one done to it. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_victim26 import _read


@pytest.mark.parametrize("text", [
    "Cuba sufre el bloqueo criminal de Estados Unidos.",
    "El bloqueo criminal de Estados Unidos contra Cuba dura ya seis décadas.",
    "Cuba es víctima del bloqueo criminal de Estados Unidos.",
])
def test_the_de_of_a_wrong_with_a_named_victim_is_its_doer(settings: Settings,
                                                           text: str) -> None:
    read = _read(settings, text, "es")
    assert read["USA"][0] == "against", read["USA"]
    assert read["CUB"][0] == "favor", read["CUB"]


def test_the_undergoer_of_a_wrong_is_its_victim(settings: Settings) -> None:
    label, cues = _read(settings, "Venezuela padece las sanciones ilegales de Estados Unidos.",
                        "es")["VEN"]
    assert label == "favor", cues
    assert ("victim", "sanciones ilegales") in cues


def test_the_de_of_a_wrong_alone_is_still_its_victim(settings: Settings) -> None:
    """With no other victim named, "el bloqueo de Cuba" is done to Cuba."""
    label, cues = _read(settings, "El bloqueo de Cuba dura ya seis décadas.", "es")["CUB"]
    assert label == "favor", cues
