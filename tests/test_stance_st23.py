"""Stance, session 23: alliances a relational noun states with its owner ("Maduro's ally
Ortega", "aliado de Evo Morales") and the members of a dash-set range of examples ("corrupt
rulers — from X to Y —") take what the author says of the other end."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es
from tests.test_stance_readings19 import _read as _read_en


@pytest.mark.parametrize(("text", "read", "word"), [
    ("Nicolás Maduro is a brutal tyrant. Maduro's ally Daniel Ortega visited Caracas.",
     _read_en, "ally"),
    ("Nicolás Maduro is a brutal tyrant. Daniel Ortega, Maduro's closest ally, visited Caracas.",
     _read_en, "ally"),
    ("Nicolás Maduro es un tirano brutal. Daniel Ortega, aliado de Maduro, visitó Caracas.",
     _read_es, "aliado"),
])
def test_the_ally_of_a_tyrant_is_opposed(settings: Settings, text: str, read, word: str
                                         ) -> None:
    """The owner of "ally" is the ally's other end: Ortega stands with the tyrant."""
    stances = read(settings, text)
    assert stances["nicolas-maduro"][0] == "against", stances["nicolas-maduro"]
    label, cues = stances["daniel-ortega"]
    assert label == "against", cues
    assert ("alliance:nicolas-maduro", word) in cues, cues


@pytest.mark.parametrize(("text", "read", "word"), [
    ("Evo Morales is an honest and brave leader. Morales's ally Luis Arce won the election.",
     _read_en, "ally"),
    ("Evo Morales es un líder honesto y valiente. Luis Arce, aliado de Evo Morales, ganó las "
     "elecciones.", _read_es, "aliado"),
])
def test_the_ally_of_a_praised_leader_is_favoured(settings: Settings, text: str, read,
                                                  word: str) -> None:
    label, cues = read(settings, text)["luis-arce"]
    assert label == "favor", cues
    assert ("alliance:evo-morales", word) in cues, cues


def test_a_denied_alliance_sets_no_side(settings: Settings) -> None:
    """"no ally of Maduro" states no alliance: Ortega keeps no view."""
    label, cues = _read_en(settings, "Nicolás Maduro is a brutal tyrant. Daniel Ortega is no "
                           "ally of Maduro.")["daniel-ortega"]
    assert label == "neutral", cues
    assert not [kind for kind, _ in cues if kind.startswith("alliance")], cues


@pytest.mark.parametrize(("text", "read", "actors", "word"), [
    ("The region's corrupt rulers — from Nicolás Maduro to Daniel Ortega — jailed their "
     "critics.", _read_en, ("nicolas-maduro", "daniel-ortega"), "corrupt"),
    ("Los líderes corruptos — desde Daniel Ortega hasta Miguel Díaz-Canel — encarcelaron a "
     "sus críticos.", _read_es, ("daniel-ortega", "miguel-diaz-canel"), "corruptos"),
])
def test_the_members_of_a_range_share_what_is_said_of_it(settings: Settings, text: str, read,
                                                         actors: tuple[str, str],
                                                         word: str) -> None:
    """Both ends of "from X to Y" set off by dashes are examples of the noun before the dash:
    the label on that noun is the author's label on each (the one after "to"/"hasta" too)."""
    stances = read(settings, text)
    for actor in actors:
        label, cues = stances[actor]
        assert label == "against", (actor, cues)
        assert ("label", word) in cues, (actor, cues)


def test_a_place_in_a_range_is_no_member(settings: Settings) -> None:
    """A range of places ("from the capital that Maduro rules to the provinces") holds no
    actor as an example: the relative clause's subject is not one of the range's members."""
    label, cues = _read_en(settings, "The corrupt protests grew — from the capital that "
                           "Nicolás Maduro rules to the provinces.")["nicolas-maduro"]
    assert label == "neutral", cues
