"""Triggers the lexicon lacked on the third fresh set's dev pages (issue 11, session 27):
taking someone to court is suing them, an invitation to appear or testify is a summons,
pressuring someone to act asks it of them, praying a court asks it for a ruling, the unions'
"medidas de fuerza" are strikes and "brindar seguridad" mobilises the police; and events
coded twice or wrongly there: a "protest march" is one protest, "ir al paro" one strike, a
growing "concentración" of food production no protest, and prices or levels that "amenazan"
make no threat; a state blocking a border crossing restricts it, as closing it does.
Sentences from those pages (some shortened) and written ones, through the real pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

ENGLISH = {
    "dragged": "President of the Senate, Bukola Saraki, Senator Dino Melaye and Senator Ben "
               "Murray-Bruce have dragged the Inspector-General of Police, Ibrahim Idris, to "
               "court.",
    "took": "Donald Trump took Joe Biden to court.",
    "invited-appear": "The police had invited only Melaye and Murray-Bruce to appear before the "
                      "Federal Capital Territory Command over alleged assaults on its men.",
    "invited-visit": "The White House invited Lula to visit Washington.",
    "pressuring": "Iran, Russia and Syria have been pressuring the U.S. to leave al-Tanf.",
    "praying": "Instead, the lawmakers are praying the court to direct the defendants to pay "
               "the applicants the sum of N500m.",
    "protest-march": "The lawmakers of the Peoples Democratic Party led a protest march to the "
                     "headquarters of the Independent National Electoral Commission in Abuja.",
    "blocked-crossing": "Jordan closed its borders with Syria and blocked the Rukban crossing "
                        "point.",
    "blocked-road": "Protesters blocked the road to the airport.",
}
SPANISH = {
    "invito-declarar": "La Fiscalía invitó a Evo Morales a declarar sobre el caso.",
    "medidas": "En función del resultado de la audiencia de hoy los sindicatos que componen la "
               "federación sindical (FTIA) se reunirán para definir eventuales medidas de "
               "fuerza.",
    "medidas-sin-fuerza": "El Gobierno anunció medidas económicas para frenar la inflación.",
    "brinda": "La Policía Nacional brinda seguridad en el sector con drones.",
    "ir-al-paro": "En Buenos Aires, Rodolfo Daer amenaza con ir al paro esta misma noche.",
    "concentracion-produccion": "La Federación, a cargo de Morcillo, también elabora un informe "
                                "que da cuenta de la concentración creciente en la producción de "
                                "alimentos.",
    "concentracion-docentes": "Los docentes realizaron una concentración frente al Congreso "
                              "contra el Gobierno.",
    "niveles": "La CASIA relevó para abril una inflación de 5,3 por ciento, todavía en niveles "
               "que amenazan con barrer con cualquier pauta salarial acordada hasta ahora.",
    "disparada": "La disparada de precios tensiona el último tramo de las paritarias y amaga con "
                 "impulsar un paro nacional del gremio de Alimentación.",
    "unionistas": "Los unionistas amenazan con un boicot.",
    "bloqueo-paso": "Colombia bloqueó el paso fronterizo con Venezuela.",
}
COLUMNS = ("e.trigger, e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, ''), e.modality")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    return events_by_sentence(tmp_path_factory.mktemp("lex27-en"), ENGLISH, "en",
                              "2018-09-25", COLUMNS)[1]


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    return events_by_sentence(tmp_path_factory.mktemp("lex27-es"), SPANISH, "es",
                              "2022-05-12", COLUMNS)[1]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "trigger", "target"), [
    ("dragged", "dragged", None),
    ("took", "took", "joe-biden"),
])
def test_taking_someone_to_court_sues_them(english: dict[str, set[tuple[str, ...]]],
                                           key: str, trigger: str, target: str | None) -> None:
    rows = {row for row in english[key] if row[:3] == (trigger, "ACCUSE", "allege")}
    assert rows, english[key]
    assert target is None or any(row[4] == target for row in rows), rows


@pytest.mark.slow
def test_invitation_to_appear_is_a_summons(english: dict[str, set[tuple[str, ...]]],
                                           spanish: dict[str, set[tuple[str, ...]]]) -> None:
    assert {("invited", "ACCUSE", "investigate", "COP", "x-person-melaye", "asserted"),
            ("invited", "ACCUSE", "investigate", "COP", "x-person-murray-bruce", "asserted")
            } <= english["invited-appear"], english["invited-appear"]
    assert ("invitó", "ACCUSE", "investigate", "BOLJUD", "evo-morales", "asserted") in (
        spanish["invito-declarar"]), spanish["invito-declarar"]
    # invited to visit is still an invitation to meet
    assert any(row[1:3] == ("AGREE", "meet") for row in english["invited-visit"]), (
        english["invited-visit"])
    assert not any(row[1] == "ACCUSE" for row in english["invited-visit"]), (
        english["invited-visit"])


@pytest.mark.slow
def test_pressuring_to_act_is_a_request(english: dict[str, set[tuple[str, ...]]]) -> None:
    rows = {row[1:5] for row in english["pressuring"] if row[0] == "pressuring"}
    assert {("REQUEST", "", source, "USA") for source in ("IRN", "RUS", "SYR")} <= rows, rows
    assert not any(row[0] == "COERCE" for row in rows), rows


@pytest.mark.slow
def test_praying_the_court_asks_it(english: dict[str, set[tuple[str, ...]]]) -> None:
    assert any(row[:2] == ("praying", "REQUEST") for row in english["praying"]), (
        english["praying"])


@pytest.mark.slow
def test_medidas_de_fuerza_are_strikes(spanish: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("medidas", "PROTEST", "strike", "LAB", "", "hypothetical") in spanish["medidas"], (
        spanish["medidas"])
    assert not any(row[1] == "PROTEST" for row in spanish["medidas-sin-fuerza"]), (
        spanish["medidas-sin-fuerza"])


@pytest.mark.slow
def test_brindar_seguridad_mobilises_police(spanish: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("brinda", "MOBILIZE", "police", "COP", "", "asserted") in spanish["brinda"], (
        spanish["brinda"])


@pytest.mark.slow
def test_protest_march_is_one_protest(english: dict[str, set[tuple[str, ...]]]) -> None:
    protests = {row for row in english["protest-march"] if row[1] == "PROTEST"}
    assert {row[0] for row in protests} == {"march"}, protests


@pytest.mark.slow
def test_going_on_strike_is_one_strike(spanish: dict[str, set[tuple[str, ...]]]) -> None:
    rows = spanish["ir-al-paro"]
    assert ("ir", "PROTEST", "strike", "x-person-rodolfo-daer", "", "future") in rows, rows
    assert not any(row[0] == "paro" for row in rows), rows


@pytest.mark.slow
def test_concentration_of_production_is_no_protest(
        spanish: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[1] == "PROTEST" for row in spanish["concentracion-produccion"]), (
        spanish["concentracion-produccion"])
    assert any(row[1:4] == ("PROTEST", "demo", "EDU")
               for row in spanish["concentracion-docentes"]), spanish["concentracion-docentes"]


@pytest.mark.slow
def test_prices_threaten_nobody(spanish: dict[str, set[tuple[str, ...]]]) -> None:
    for key in ("niveles", "disparada"):
        assert not any(row[1] == "THREATEN" for row in spanish[key]), spanish[key]
    # people the knowledge base does not know still threaten
    assert any(row[1] == "THREATEN" for row in spanish["unionistas"]), spanish["unionistas"]


@pytest.mark.slow
def test_blocking_a_border_crossing_restricts(english: dict[str, set[tuple[str, ...]]],
                                              spanish: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("blocked", "COERCE", "restrict", "JOR", "", "asserted") in (
        english["blocked-crossing"]), english["blocked-crossing"]
    assert ("bloqueó", "COERCE", "restrict", "COL", "VEN", "asserted") in (
        spanish["bloqueo-paso"]), spanish["bloqueo-paso"]
    # protesters blocking a road still obstruct it
    assert any(row[1:3] == ("PROTEST", "obstruct") for row in english["blocked-road"]), (
        english["blocked-road"])
