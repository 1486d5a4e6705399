"""Issue 15, session 19: words that name a contest only beside another ("race", "seat",
"margin") make no election of a war sentence; an allegation a news report tells is no
authorial judgement. Sentences of our own."""

from __future__ import annotations

from marea.settings import Settings
from tests.test_stance_readings11 import VOICE, _processed, _stances
from tests.test_stance_readings13 import LONG_EN


def _read(settings: Settings, text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return _stances(_processed(settings, text + LONG_EN + VOICE))


def test_an_arms_race_names_no_contest(settings: Settings) -> None:
    """"race" alone is the arms race: crushing the rebels stays harm."""
    label, cues = _read(settings, "During the arms race, the Syrian army crushed the rebels "
                        "in the north.")["SYRMIL"]
    assert label == "against", cues
    assert ("predicate:subject", "crushed") in cues, cues


def test_a_race_for_a_seat_is_a_contest(settings: Settings) -> None:
    """"race" with "seat" is an election: beating a rival there is no harm."""
    stances = _read(settings, "In the race for the Senate seat, Pedro Castillo beat Keiko "
                    "Fujimori.")
    for actor in ("pedro-castillo", "keiko-fujimori"):
        label, cues = stances[actor]
        assert label == "neutral", (actor, cues)
        assert not [kind for kind, _ in cues if kind.startswith(("predicate", "side"))], cues
