"""Words that judge nothing: an actor's own name ("United States"), the actor's own verb of
refusal once read as a predicate, and a refusal or an accusation read as an event (its doer
voices a view; what it refuses or accuses is no victim)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marea.settings import Settings
from tests.test_stance_readings11 import VOICE, _processed, _stances
from tests.test_stance_readings12 import VOICE_ES

# Plain report sentences that make a text too long to be read as a social post (whose
# actors take the tone of the whole post) and judge nobody.
LONG_EN = (" The meeting took place on a Tuesday in the capital, in a room on the second floor of"
           " the ministry building, and it lasted about three hours according to the schedule"
           " handed out to the press that morning. Delegations from eleven countries attended"
           " the sessions, which were held in English and in Spanish with simultaneous"
           " interpretation provided for every delegate present in the room.")
LONG_ES = (" La reunión se celebró un martes en la capital, en una sala del segundo piso del"
           " edificio del ministerio, y duró unas tres horas según el programa entregado a la"
           " prensa esa mañana. Asistieron delegaciones de once países a las sesiones, que se"
           " desarrollaron en inglés y en español con interpretación simultánea para cada uno de"
           " los delegados presentes en la sala.")


def test_an_actors_name_is_no_judgement(settings: Settings) -> None:
    """"United" in "United States" is no praise of what Bolivia rejects."""
    found = _stances(_processed(settings, "Bolivia rejected the demands of the United States."
                                + LONG_EN + VOICE))
    assert found["BOL"][0] == "neutral", found["BOL"]


@pytest.mark.parametrize(("text", "language", "actor"), [
    ("Evo Morales refused the offer.", "en", "evo-morales"),
    ("Evo Morales rechazó la oferta.", "es", "evo-morales"),
    ("Ricardo Martinelli se opuso a la entrega del avión.", "es", "ricardo-martinelli"),
])
def test_a_refusal_of_nothing_judged_is_no_fault(settings: Settings, text: str, language: str,
                                                 actor: str) -> None:
    voice = LONG_EN + VOICE if language == "en" else LONG_ES + VOICE_ES
    found = _stances(_processed(settings, text + voice, language))
    assert found[actor][0] == "neutral", found[actor]


@pytest.mark.parametrize(("text", "language", "actor"), [
    ("Evo Morales refused the brutal demands of the empire.", "en", "evo-morales"),
    ("Evo Morales rechazó la brutal agresión del imperio.", "es", "evo-morales"),
])
def test_a_refusal_of_a_wrong_sides_with_the_one_refusing(settings: Settings, text: str,
                                                          language: str, actor: str) -> None:
    voice = LONG_EN + VOICE if language == "en" else LONG_ES + VOICE_ES
    found = _stances(_processed(settings, text + voice, language))
    assert found[actor][0] == "favor", found[actor]
    assert found[actor][1][0][0] == "predicate:subject"


def test_a_rejection_event_voices_a_view_and_makes_no_victim(settings: Settings) -> None:
    """A refusal, like a request or an accusation, is its doer's view, not a wrong it does;
    what it refuses is no victim."""
    doc = _processed(settings, "Colombia's rejection of the Venezuelan proposal came on Monday."
                     + LONG_EN + VOICE)
    assert [(e.type, e.source_id, e.target_id) for e in doc.events
            if e.type == "REJECT"] == [("REJECT", "COL", "VEN")]
    found = _stances(doc)
    assert found["COL"][0] == "neutral", found["COL"]
    assert found["VEN"][0] == "neutral", found["VEN"]


def test_a_party_from_the_users_knowledge_base_carries_its_side(tmp_path: Path,
                                                                settings: Settings) -> None:
    """The party a user's kb file gives a person links them like a packaged one does."""
    extra = tmp_path / "extra.yaml"
    extra.write_text("people:\n  - id: rosa-quispe\n    name: Rosa Quispe\n    country: ARG\n"
                     "    party: pj-arg\n", "utf-8")
    text = ("El Partido Justicialista defiende con valentía a los trabajadores. El Partido "
            "Justicialista es un ejemplo admirable de dignidad. Rosa Quispe habló el lunes en "
            "Buenos Aires." + LONG_ES + VOICE_ES)
    found = _stances(_processed(settings.with_(kb_files=(str(extra),)), text, "es"))
    assert found["pj-arg"][0] == "favor", found["pj-arg"]
    assert found["rosa-quispe"] == ("favor", [("side:pj-arg", "Partido Justicialista")])


def test_the_one_whose_thing_a_condemned_act_takes_is_its_victim(settings: Settings) -> None:
    """"ilegalmente" condemns the taking: the plane's owner is wronged, not at fault (one
    victim cue alone is weak: the label may stay neutral, the sign must be for him)."""
    doc = _processed(settings, "Buscan apropiarse ilegalmente del avión de Ricardo Martinelli "
                     "en Guatemala." + LONG_ES + VOICE_ES, "es")
    (stance,) = [s for s in doc.stances if s.actor_id == "ricardo-martinelli"]
    assert stance.score > 0, stance
    assert [(c.kind, c.cue) for c in stance.cues if c.weight] == [
        ("victim", "apropiarse ilegalmente")]


def test_the_doer_of_a_condemned_act_is_against(settings: Settings) -> None:
    found = _stances(_processed(settings, "Washington cruelly seized the assets of Venezuela."
                                + LONG_EN + VOICE))
    assert found["USA"][0] == "against", found["USA"]
    assert ("predicate:subject", "cruelly seized") in found["USA"][1]
    assert ("victim", "cruelly seized") in found["VEN"][1]


HERO = ("The heroic Evo Morales is an example for the continent. Evo Morales defended the poor "
        "with courage. ")


def test_an_actor_named_together_with_the_authors_hero_joins_his_side(settings: Settings
                                                                      ) -> None:
    found = _stances(_processed(settings, HERO + "Reporters spoke with Evo Morales and Nicolás "
                                "Maduro on Monday." + LONG_EN + VOICE))
    assert found["evo-morales"][0] == "favor"
    assert found["nicolas-maduro"][0] == "favor", found["nicolas-maduro"]
    assert [kind for kind, _ in found["nicolas-maduro"][1]] == ["side:evo-morales"]


def test_places_listed_together_take_no_side(settings: Settings) -> None:
    found = _stances(_processed(settings, HERO + "Evo Morales gave speeches in Peru, Chile and "
                                "Colombia." + LONG_EN + VOICE))
    assert found["evo-morales"][0] == "favor"
    for country in ("PER", "CHL", "COL"):
        assert found[country] == ("neutral", []), found[country]


@pytest.mark.parametrize(("text", "language"), [
    ("There were talks between Evo Morales and Luis Arce on Monday.", "en"),
    ("Hubo una reunión entre Evo Morales y Luis Arce el lunes.", "es"),
])
def test_the_two_sides_of_a_meeting_are_no_allies(settings: Settings, text: str,
                                                  language: str) -> None:
    hero = HERO if language == "en" else ("El heroico Evo Morales es un ejemplo para el "
                                          "continente. ")
    voice = LONG_EN + VOICE if language == "en" else LONG_ES + VOICE_ES
    found = _stances(_processed(settings, hero + text + voice, language))
    assert found["evo-morales"][0] == "favor"
    assert not [kind for kind, _ in found["luis-arce"][1] if kind.startswith("side:")]
