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


@pytest.mark.parametrize(("text", "read", "actor", "expected", "verb"), [
    ("Evo Morales redujo la pobreza a la mitad.", _read_es, "evo-morales", "favor", "redujo"),
    ("Evo Morales cut poverty in half.", _read_en, "evo-morales", "favor", "cut"),
    ("Evo Morales eliminó el analfabetismo.", _read_es, "evo-morales", "favor", "eliminó"),
    ("Nicolás Maduro aumentó la pobreza.", _read_es, "nicolas-maduro", "against", "aumentó"),
    ("Nicolás Maduro no redujo la pobreza.", _read_es, "nicolas-maduro", "against", "redujo"),
])
def test_a_change_of_quantity_takes_its_sign_from_what_changes(
        settings: Settings, text: str, read, actor: str, expected: str, verb: str) -> None:
    """Lowering a social ill is to the doer's credit and raising it to its discredit (the
    decrease verbs read as triumph, the increase verbs as advocate); "pobreza" and
    "analfabetismo" judge in Spanish as "poverty" and "illiteracy" do in English."""
    label, cues = read(settings, text)[actor]
    assert label == expected, cues
    assert ("predicate:subject", verb) in cues, cues


def test_a_change_of_quantity_with_nothing_valenced_is_no_view(settings: Settings) -> None:
    label, cues = _read_es(settings, "Evo Morales redujo los aranceles a la mitad.")[
        "evo-morales"]
    assert label == "neutral", cues


@pytest.mark.parametrize(("text", "read", "actor", "expected", "verb"), [
    ("Lula acabó con el hambre en Brasil.", _read_es, "luiz-inacio-lula-da-silva", "favor",
     "acabó"),
    ("Nicolás Maduro acabó con la democracia en Venezuela.", _read_es, "nicolas-maduro",
     "against", "acabó"),
])
def test_a_verb_listed_with_its_preposition_is_found_by_both(
        settings: Settings, text: str, read, actor: str, expected: str, verb: str) -> None:
    """"acabar con" (end) is listed as a phrase: the verb's lemma and the case of its
    complement find it, and what was ended gives the sign."""
    label, cues = read(settings, text)[actor]
    assert label == expected, cues
    assert ("predicate:subject", verb) in cues, cues
