"""Stance, session 28 (issue 15): an arrest the police make is their office whether a verb or
a noun tells it ("la Policía realizó 14.000 capturas"): no wrong of theirs by itself, only
the author's words on it condemn it. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_victim26 import _read


@pytest.mark.parametrize(
    "text",
    [
        "La policía salvadoreña realizó más de 14.000 capturas en los barrios de San Salvador.",
        "La policía salvadoreña capturó a más de 14.000 personas en los barrios de San Salvador.",
    ],
)
def test_an_arrest_by_the_police_is_no_wrong_by_itself(settings: Settings, text: str) -> None:
    label, cues = _read(settings, text, "es")["SLVCOP"]
    assert label == "neutral", cues
    assert not [cue for kind, cue in cues if kind.startswith("event:")], cues


def test_an_arrest_the_author_condemns_is_still_a_wrong(settings: Settings) -> None:
    label, cues = _read(
        settings,
        "La policía salvadoreña realizó más de 14.000 capturas arbitrarias e injustas en los "
        "barrios de San Salvador.",
        "es",
    )["SLVCOP"]
    assert label == "against", cues


def test_a_state_of_exception_is_no_regime(settings: Settings) -> None:
    """ "régimen de excepción" is the legal name of a state of emergency: it condemns neither
    the country nor the arrests made under it; "el régimen de Maduro" still does."""
    stances = _read(
        settings,
        "La policía salvadoreña capturó a más de 14.000 personas en los barrios de San "
        "Salvador durante el régimen de excepción.",
        "es",
    )
    for actor in ("SLVCOP", "SLV"):
        label, cues = stances[actor]
        assert label == "neutral", (actor, cues)
    text = "El régimen de Nicolás Maduro encarceló a los opositores."
    label, cues = _read(settings, text, "es")["nicolas-maduro"]
    assert label == "against", cues
    assert ("attribute", "régimen") in cues, cues
