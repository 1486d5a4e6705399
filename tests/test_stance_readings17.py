"""Issue 15, session 17: implicit stance on opinion pages. The one who carries out a wrong a
noun names ("the repression under X", "the crimes committed by X") is opposed; the one who
"did an excellent job" is sided with. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings11 import VOICE, _processed, _stances
from tests.test_stance_readings13 import LONG_EN, LONG_ES


def _read(settings: Settings, text: str, language: str = "en"
          ) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return _stances(_processed(settings, text + (LONG_EN if language == "en" else LONG_ES)
                               + VOICE, language))


@pytest.mark.parametrize(("text", "actor", "cue"), [
    ("The increasing repression seen under Xi Jinping worries us all.", "xi-jinping",
     "repression"),
    ("The brutal crimes committed by the Colombian army shocked the nation.", "COLMIL",
     "brutal crimes"),
])
def test_the_doer_of_a_wrong_a_noun_names_is_opposed(settings: Settings, text: str,
                                                      actor: str, cue: str) -> None:
    label, cues = _read(settings, text)[actor]
    assert label == "against", cues
    assert ("predicate:subject", cue) in cues, cues


def test_the_doer_of_a_wrong_in_spanish_is_opposed(settings: Settings) -> None:
    doc = _processed(settings, "La represión bajo Pinochet dejó miles de muertos en Chile."
                     + LONG_ES + VOICE, "es")
    (pinochet,) = [s for s in doc.stances if s.actor_id == "x-person-pinochet"]
    assert [(c.kind, c.cue) for c in pinochet.cues if c.weight < 0] == [
        ("predicate:subject", "represión")]


@pytest.mark.parametrize("text", [
    "The reforms passed under Lula lifted millions of Brazilians out of poverty.",
    "The conviction of Lula by the court in Curitiba was reported on Monday.",
])
def test_an_act_under_or_by_an_actor_that_is_no_wrong_opposes_nobody(settings: Settings,
                                                                     text: str) -> None:
    stances = _read(settings, text)
    assert not [c for _, cues in stances.values() for c in cues
                if c[0] == "predicate:subject"], stances


def test_an_excellent_job_sides_with_the_one_who_did_it(settings: Settings) -> None:
    label, cues = _read(settings, "Emily Maitlis did an excellent job pressing the prince "
                        "about his friends.")["x-person-emily-maitlis"]
    assert label == "favor", cues
    assert cues[0][0] == "predicate:subject" and "excellent job" in cues[0][1], cues


def test_an_evaluative_word_on_what_an_actor_owns_judges_the_owner(settings: Settings) -> None:
    stances = _read(settings, "Joe Biden's reckless policy toward Venezuela has failed.")
    label, cues = stances["joe-biden"]
    assert label == "against", cues
    assert ("attribute", "reckless policy") in cues, cues
    label, cues = _read(settings, "The brilliant plan of Lula for the Amazon deserves "
                        "support.")["luiz-inacio-lula-da-silva"]
    assert label == "favor" and ("attribute", "brilliant plan") in cues, cues


def test_sympathy_for_what_an_actor_owns_is_no_fault_of_it(settings: Settings) -> None:
    stances = _read(settings, "Venezuela's poor families suffer every day.")
    assert not [c for c in stances["VEN"][1] if c[0] == "attribute"], stances["VEN"]


def test_what_a_protest_forces_is_judged_as_the_protest(settings: Settings) -> None:
    """Issue 15's open case on seed 001: the protests the author approves of forced Piñera's
    hand, so Piñera is no victim of them (a cue against him when the author praises them,
    none when no word judges them); the police forcing him still makes him its target."""
    doc = _processed(settings, "The massive and heroic protests forced Sebastián Piñera to "
                     "call a referendum on a new constitution." + LONG_EN + VOICE)
    (pinera,) = [s for s in doc.stances if s.actor_id == "sebastian-pinera"]
    assert [(c.kind, c.cue, c.weight < 0) for c in pinera.cues if c.weight] == [
        ("event:COERCE:target", "forced", True)]
    plain = _read(settings, "The protests forced Sebastián Piñera to call a referendum on a "
                  "new constitution.")
    assert plain["sebastian-pinera"] == ("neutral", []), plain
    police = _read(settings, "The police forced Sebastián Piñera to leave the building.")
    assert ("event:COERCE:target", "forced") in police["sebastian-pinera"][1], police


def test_a_government_in_a_place_is_the_places_own(settings: Settings) -> None:
    stances = _read(settings, "The deals with authoritarian governments in Turkey deserve "
                    "scrutiny from the new congress.")
    label, cues = stances["TUR"]
    assert label == "against", cues
    assert ("attribute", "authoritarian governments") in cues, cues
    placed = _read(settings, "The authoritarian measures in Turkey deserve scrutiny from the "
                   "new congress.")
    assert not [c for c in placed.get("TUR", ("", []))[1] if c[0] == "attribute"], placed
