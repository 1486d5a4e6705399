"""Faults a careful reader found in `marea events` on an Última Hora page (a Paraguayan appeal
court upholds a sentence) and an El Tiempo page (a Colombian presidential debate), each fixed
by a general rule and tested here on sentences from those pages or of our own: the headlines
of other stories that a page links to inside its body ("Lea más: ...", "(Le puede interesar:
...)", a headline alone in parentheses) gave events of those stories, dated by this page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.trigger, e.type || coalesce('/' || e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, '')")
SPANISH = {
    "lea_mas": "Las juezas condenaron a la ex subcontralora Nancy Torreblanca.\n\n"
               "Lea más: Secretaria vip: Tribunal condena a 4 años de prisión a ex contralor",
    "puede_leer": "Gustavo Petro no asistió al debate.\n\n(También puede leer: Quintero dijo que "
                  "en Antioquia también planearían asesinar a Petro)\n\n"
                  "( Reacción de candidatos a amenazas de muerte de Petro)",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {passage key: {(trigger, type/mode, source, target)}} of every passage."""
    yield events_by_sentence(tmp_path_factory.mktemp("readings12-es"), SPANISH, "es",
                             "2022-05-05", COLUMNS)[1]


def test_a_link_to_another_story_reports_none_of_its_events(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[0] for e in found["lea_mas"]} == {"condenaron"}
    assert found["puede_leer"] == set()
