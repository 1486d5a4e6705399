"""Stance, session 24: mechanisms checked on one inner half of the tuning documents and
measured on the other (benchmarks/fit_stance.py --inner)."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es
from tests.test_stance_readings19 import _read as _read_en


@pytest.mark.parametrize(("text", "read", "phrase"), [
    ("Nicolás Maduro es el responsable de la crisis humanitaria.", _read_es,
     "crisis humanitaria"),
    ("Nicolás Maduro is responsible for the humanitarian crisis.", _read_en,
     "humanitarian crisis"),
])
def test_a_label_inside_a_longer_phrase_yields_to_the_phrase(settings: Settings, text: str,
                                                             read, phrase: str) -> None:
    """"humanitaria" praises alone, but "crisis humanitaria" is a disaster: the longest
    listed term wins, across the polarity and the label lists as within each."""
    label, cues = read(settings, text)["nicolas-maduro"]
    assert label == "against", cues
    assert ("label", phrase) in cues, cues
    assert ("label", "humanitaria") not in cues, cues


def test_a_label_alone_still_judges(settings: Settings) -> None:
    label, cues = _read_es(settings, "Evo Morales es un líder humanitario.")["evo-morales"]
    assert label == "favor", cues
    assert ("label", "humanitario") in cues, cues
