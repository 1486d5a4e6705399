"""Spanish events of issue 11 (session 14): constructions that reported acts which did not
take place. Taking the oath ("tomó protesta", "tomó posesión") is an office given, not a
protest; what an infinitive of purpose seeks ("para forzar la renuncia") has not happened;
a participle before a name is an epithet ("la militarizada Guardia Nacional"), no act;
a person taken whom the parser hung on an adjective is still whom the act is done to; an
order is a request made, what it orders only demanded; an imperfect es_core_news_sm tags as
a conditional ("se extendían") still reports what was going on; whoever steps on a mine is
the victim of an explosive attack.
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "protesta": "El Congreso estatal tomó la protesta al nuevo alcalde de Zinacantán.",
    "posesion": "Ernesto Zedillo tomó posesión como presidente de México.",
    "decision": "Los campesinos tomaron la decisión de marchar a la capital.",
    "forzar": "Los camioneros bloquearon las rutas para forzar la renuncia del ministro.",
    "obligar": "Los campesinos bloquearon la carretera para obligar a una suspensión del "
               "transporte.",
    "llevar": "Los jubilados viajaron desde Oruro para llevar sus protestas a la sede del "
              "Gobierno.",
    "forzaron": "Los camioneros forzaron la renuncia del ministro.",
    "militarizada": "Las protestas estudiantiles eran reprimidas por la militarizada Guardia "
                    "Nacional.",
    "rumbo": "Guerrilleros de las FARC se llevaron con rumbo desconocido a un comerciante.",
    "ordeno": "La jueza ordenó la detención del exministro Juan Pérez.",
    "extendian": "Mientras se extendían las protestas en Quito, el papa visitó Chile.",
    "habria": "Según la oposición, la policía habría reprimido a los manifestantes en Quito.",
    "mina": "Un soldado murió luego de pisar una mina antipersonal en zona rural de Tame.",
    "mina_oro": "Los mineros pisaron el suelo de la mina de oro por primera vez.",
    "destituido": "Pedro Castillo, destituido por el Congreso, fue detenido en Lima.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, modality, trigger)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-readings14"), SENTENCES, "es", "1995-09-01",
        "e.type, coalesce(e.mode, ''), e.modality, e.trigger")[1]


def _asserted(rows: set[tuple[str, ...]]) -> set[tuple[str, str]]:
    return {(r[0], r[3]) for r in rows if r[2] == "asserted"}


@pytest.mark.slow
def test_taking_the_oath_is_an_office_given_not_a_protest(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("SUPPORT", "office", "asserted", "tomó") in found["protesta"], found["protesta"]
    assert not any(r[0] == "PROTEST" for r in found["protesta"]), found["protesta"]
    assert ("SUPPORT", "office", "asserted", "tomó") in found["posesion"], found["posesion"]
    assert found["decision"] == set(), found["decision"]  # "tomar una decisión" stays blocked


@pytest.mark.slow
def test_what_a_purpose_infinitive_seeks_has_not_happened(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert _asserted(found["forzar"]) == {("PROTEST", "bloquearon")}, found["forzar"]
    assert ("RETREAT", "resign", "hypothetical", "renuncia") in found["forzar"], found["forzar"]
    assert _asserted(found["obligar"]) == {("PROTEST", "bloquearon")}, found["obligar"]
    # a light verb's noun is the act done, not sought
    assert ("PROTEST", "protestas") in _asserted(found["llevar"]), found["llevar"]
    # a resignation forced, not sought, took place
    assert ("RETREAT", "renuncia") in _asserted(found["forzaron"]), found["forzaron"]


@pytest.mark.slow
def test_a_participle_before_a_name_is_an_epithet(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(r[0] == "MOBILIZE" for r in found["militarizada"]), found["militarizada"]
    assert ("COERCE", "reprimidas") in _asserted(found["militarizada"]), found["militarizada"]
    # set off by commas after the name, it reports the act
    assert ("COERCE", "destituido") in _asserted(found["destituido"]), found["destituido"]


@pytest.mark.slow
def test_a_person_taken_hung_on_an_adjective_is_the_target(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    # es_core_news_sm attaches "a un comerciante" to "desconocido"; "se" is no object
    assert ("ASSAULT", "abduct", "asserted", "llevaron") in found["rumbo"], found["rumbo"]


@pytest.mark.slow
def test_an_order_is_a_request_made_and_what_it_orders_is_demanded(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("REQUEST", "ordenó") in _asserted(found["ordeno"]), found["ordeno"]
    assert ("COERCE", "arrest", "demanded", "detención") in found["ordeno"], found["ordeno"]


@pytest.mark.slow
def test_an_imperfect_tagged_conditional_is_asserted(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("PROTEST", "protestas") in _asserted(found["extendian"]), found["extendian"]
    # a real conditional stays hypothetical
    assert not _asserted(found["habria"]), found["habria"]
    assert any(r[0] == "COERCE" and r[2] == "hypothetical" for r in found["habria"]), \
        found["habria"]


@pytest.mark.slow
def test_stepping_on_a_mine_is_an_explosive_attack_on_whoever_stepped(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("ASSAULT", "explosives", "asserted", "pisar") in found["mina"], found["mina"]
    assert found["mina_oro"] == set(), found["mina_oro"]  # the ground of a gold mine
