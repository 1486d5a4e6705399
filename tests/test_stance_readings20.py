"""Issue 15, session 20: a servile word denied ("no tiene nada de títere") is no servility,
another label denied counts half reversed; an arrest the police make is no wrong the author
condemns unless the author's words say so; a wrong done to the author's opponent makes no
villain of its doer; a Spanish passive with "ser" ("fue detenido por") has its agent after
"por". Sentences of our own."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es
from tests.test_stance_readings19 import _read as _read_en


@pytest.mark.parametrize(("text", "read"), [
    ("Nicolás Maduro no tiene nada de títere de Cuba: decide él mismo lo que hace.", _read_es),
    ("Nicolás Maduro no es un títere de Cuba.", _read_es),
    ("Nicolás Maduro is no puppet of Cuba.", _read_en),
    ("Nicolás Maduro is not a puppet of Cuba.", _read_en),
])
def test_a_servile_word_denied_is_no_servility(settings: Settings, text: str, read) -> None:
    stances = read(settings, text)
    assert stances["nicolas-maduro"] == ("neutral", []), stances["nicolas-maduro"]
    assert not [c for _, cues in stances.values() for c in cues
                if c[1] in ("títere", "puppet")], stances  # no label, no alliance with Cuba


@pytest.mark.parametrize(("text", "read"), [
    ("Nicolás Maduro es un títere de Cuba.", _read_es),
    ("Nicolás Maduro is a puppet of Cuba.", _read_en),
])
def test_a_servile_word_asserted_still_despises(settings: Settings, text: str, read) -> None:
    label, cues = read(settings, text)["nicolas-maduro"]
    assert label == "against" and cues[0][0] == "label", cues


@pytest.mark.parametrize("text", [
    "La Policía de Bolivia detuvo a tres campesinos en La Paz.",
    "La Policía de Bolivia detuvo a Evo Morales en La Paz.",
    "Evo Morales fue detenido por la Policía de Bolivia.",
])
def test_an_arrest_by_the_police_told_plainly_condemns_nobody(settings: Settings,
                                                              text: str) -> None:
    stances = _read_es(settings, text)
    for actor in ("BOLCOP", "evo-morales"):
        label, cues = stances.get(actor, ("neutral", []))
        assert label == "neutral", (actor, cues)
        assert not [c for c in cues if c[0].startswith(("predicate", "event"))], (actor, cues)


def test_an_arrest_the_author_calls_arbitrary_condemns_the_police(settings: Settings) -> None:
    stances = _read_es(settings, "La Policía de Bolivia detuvo arbitrariamente a tres "
                       "campesinos en La Paz.")
    assert stances["BOLCOP"][0] == "against", stances["BOLCOP"]
    assert stances["BOLCVL"][0] == "favor", stances["BOLCVL"]


def test_an_arrest_in_english_told_plainly_condemns_nobody(settings: Settings) -> None:
    stances = _read_en(settings, "Evo Morales was arrested by the Bolivian police.")
    assert stances["BOLCOP"] == ("neutral", []) and stances["evo-morales"] == ("neutral", [])


def test_a_wrong_done_to_the_authors_opponent_makes_no_villain(settings: Settings) -> None:
    stances = _read_en(settings, "The United States imposed sanctions on the dictator "
                       "Nicolás Maduro.")
    assert stances["nicolas-maduro"][0] == "against", stances["nicolas-maduro"]
    label, cues = stances["USA"]
    assert label != "against", cues
    assert ("predicate:subject:deserved", "imposed") in cues, cues


def test_the_same_wrong_done_to_one_the_author_pities_is_the_doers(settings: Settings) -> None:
    stances = _read_en(settings, "The United States imposed cruel sanctions on Cuba.")
    assert stances["USA"][0] == "against", stances["USA"]
    assert stances["CUB"][0] == "favor", stances["CUB"]


def test_a_spanish_passive_with_ser_has_its_agent_after_por(settings: Settings) -> None:
    stances = _read_es(settings, "Evo Morales fue derrocado por el Ejército de Bolivia.")
    assert stances["BOLMIL"] == ("against", [("predicate:subject", "derrocado")])
    assert stances["evo-morales"] == ("favor", [("predicate:object", "derrocado")])


@pytest.mark.parametrize(("text", "read"), [
    ("Nicolás Maduro no es sino un títere de Cuba.", _read_es),
    ("Nicolás Maduro no es más que un títere de Cuba.", _read_es),
    ("Nicolás Maduro is nothing but a puppet of Cuba.", _read_en),
])
def test_an_exception_after_the_negator_asserts_the_servile_word(settings: Settings, text: str,
                                                                 read) -> None:
    label, cues = read(settings, text)["nicolas-maduro"]
    assert label == "against" and [c for c in cues if c[1] in ("títere", "puppet")], cues


@pytest.mark.parametrize(("text", "read", "label"), [
    ("Nicolás Maduro no es un presidente legítimo.", _read_es, "against"),
    ("Nicolás Maduro no es honesto.", _read_es, "against"),
    ("Nicolás Maduro is not a dictator.", _read_en, "favor"),
])
def test_a_label_denied_counts_half_reversed(settings: Settings, text: str, read,
                                             label: str) -> None:
    """As a negated verb does: denying praise is blame, denying blame a defence."""
    found, cues = read(settings, text)["nicolas-maduro"]
    assert found == label, cues
    assert cues and all(kind == "denied label" for kind, _ in cues), cues
