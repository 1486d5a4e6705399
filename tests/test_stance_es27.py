"""Stance, session 27 (issue 15): Spanish readings. A wrong whose victim is named in other
words ("contra Cuba", "Cuba sufre", "víctima de") names its doer with "de": "el bloqueo
criminal de Estados Unidos" is the US's act, not one done to it. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_victim26 import _read


@pytest.mark.parametrize(
    "text",
    [
        "Cuba sufre el bloqueo criminal de Estados Unidos.",
        "El bloqueo criminal de Estados Unidos contra Cuba dura ya seis décadas.",
        "Cuba es víctima del bloqueo criminal de Estados Unidos.",
    ],
)
def test_the_de_of_a_wrong_with_a_named_victim_is_its_doer(settings: Settings, text: str) -> None:
    read = _read(settings, text, "es")
    assert read["USA"][0] == "against", read["USA"]
    assert read["CUB"][0] == "favor", read["CUB"]


def test_the_undergoer_of_a_wrong_is_its_victim(settings: Settings) -> None:
    label, cues = _read(
        settings, "Venezuela padece las sanciones ilegales de Estados Unidos.", "es"
    )["VEN"]
    assert label == "favor", cues
    assert ("victim", "sanciones ilegales") in cues


def test_the_de_of_a_wrong_alone_is_still_its_victim(settings: Settings) -> None:
    """With no other victim named, "el bloqueo de Cuba" is done to Cuba."""
    label, cues = _read(settings, "El bloqueo de Cuba dura ya seis décadas.", "es")["CUB"]
    assert label == "favor", cues


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Las masacres a manos de las FARC dejaron miles de víctimas.", "farc"),
        ("Cientos de líderes fueron asesinados a manos de paramilitares.", "auc"),
    ],
)
def test_a_manos_de_names_the_doer(settings: Settings, text: str, actor: str) -> None:
    """ "a manos de X" (parsed "a" + fixed "manos de") is "por X", not a wrong done to X."""
    label, cues = _read(settings, text, "es")[actor]
    assert label == "against", cues


@pytest.mark.parametrize(
    ("text", "actor", "expected"),
    [
        (
            "Rodrigo Granda dirigió el secuestro de Ingrid Betancourt.",
            "x-person-rodrigo-granda",
            "against",
        ),
        ("Jeanine Áñez encabezó el golpe de Estado contra Evo Morales.", "jeanine-anez", "against"),
        ("Lula lideró la recuperación de la economía.", "luiz-inacio-lula-da-silva", "favor"),
        ("Gabriel Boric dirigió la reunión del gabinete.", "gabriel-boric", "neutral"),
    ],
)
def test_who_leads_an_act_answers_for_it(
    settings: Settings, text: str, actor: str, expected: str
) -> None:
    """Leading verbs (dirigir, encabezar, liderar) take the sign of what is led."""
    label, cues = _read(settings, text, "es")[actor]
    assert label == expected, cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Javier Milei critica a Lula.", "neutral"),
        ("Lula fue criticado por Javier Milei.", "neutral"),
        ("Criticamos duramente a Lula por su política económica.", "against"),
        ("Hay que criticar a Lula.", "against"),
    ],
)
def test_blame_is_the_authors_only_when_nobody_else_voices_it(
    settings: Settings, text: str, expected: str
) -> None:
    """Another's criticism of Lula is that speaker's view; the author's own is the author's."""
    label, cues = _read(settings, text, "es")["luiz-inacio-lula-da-silva"]
    assert label == expected, cues


def test_a_state_forces_wrong_owned_by_it_is_its_act(settings: Settings) -> None:
    """Only a state's force represses: "la represión de la Policía" is the police's act."""
    label, cues = _read(
        settings, "La represión brutal de la Policía dejó decenas de heridos.", "es"
    )["COP"]
    assert label == "against", cues


def test_a_persons_persecution_is_done_to_them(settings: Settings) -> None:
    label, cues = _read(settings, "La persecución de Lula fue una farsa judicial.", "es")[
        "luiz-inacio-lula-da-silva"
    ]
    assert label == "favor", cues


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nicolás Maduro no respeta los derechos humanos.", "against"),
        ("Nicolás Maduro respeta la Constitución.", "neutral"),
    ],
)
def test_respecting_takes_the_sign_of_what_is_respected(
    settings: Settings, text: str, expected: str
) -> None:
    """ "respetar" is conduct, not praise: denied respect for rights is a fault."""
    label, cues = _read(settings, text, "es")["nicolas-maduro"]
    assert label == expected, cues


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Nuestro respaldo a Lula es total.", "luiz-inacio-lula-da-silva"),
        ("Expresamos nuestra solidaridad con Cuba.", "CUB"),
    ],
)
def test_the_authors_own_support_declares_for_an_actor(
    settings: Settings, text: str, actor: str
) -> None:
    label, cues = _read(settings, text, "es")[actor]
    assert label == "favor", cues
    assert cues[0][0] == "endorsement", cues


def test_anothers_blame_is_kept_as_a_quoted_cue(settings: Settings) -> None:
    """The evidence stays visible, weighed as the speaker's words, not the author's."""
    label, cues = _read(settings, "Javier Milei critica a Lula.", "es")["luiz-inacio-lula-da-silva"]
    assert label == "neutral", cues
    assert cues == [("quoted predicate:object", "critica")], cues


def test_a_wrong_that_acts_on_a_named_victim_is_its_owners_act(settings: Settings) -> None:
    """The wrong is the subject of a verb done to Cuba ("a Cuba", parsed as an obl): the
    US carries it out and Cuba suffers it."""
    read = _read(settings, "El bloqueo criminal de Estados Unidos asfixia a Cuba.", "es")
    assert read["USA"][0] == "against", read["USA"]
    assert read["CUB"][0] == "favor", read["CUB"]
