"""Arguments of events whose trigger is right (issue 11, triple recall), session 27: a body of
people no word, publisher or actor linker places is of the state the document names ("gremios
de la alimentación" in a story about Argentina's wage talks); "their" stands for a list of
people as it does for a list of states ("Biden and Trudeau ... their summit"), also when the
list opens with a pronoun the English parser tagged a name ("on Monday he, Justin Trudeau and
... held"), but never for the ones acting on what it owns ("leaders such as Bolsonaro and
Orban have jailed their critics": not the leaders); a threat of a strike with no one named
threatened is directed at the state the protest would be, as the protest is: the place its
clause names, else the threateners' state;
a refusal of "the accusations" answers the accusers of the latest accusation against the refuser
or its state; a wire story's dateline is no subject ("HANOI, Vietnam (AP) — ... Mark Esper accused
China"). Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SPANISH = {
    "unplaced union": "Gremios de la alimentación amenazan con un paro. El Gobierno de Argentina "
                      "convocó a una audiencia en Buenos Aires.",
    "threat placed": "En Buenos Aires, Rodolfo Daer amenaza con ir al paro esta misma noche.",
    "threat of unions": "Gremios de la alimentación marcan una inflación de 5% y amenazan con "
                        "paro. El Gobierno de Argentina convocó a una audiencia.",
    "accusations": "Venezuela acusó a Colombia de preparar un golpe. El gobierno colombiano "
                   "rechazó las acusaciones.",
    "dateline subject": "CARACAS, Venezuela (AP) — El presidente Nicolás Maduro acusó a Colombia "
                        "de preparar un golpe.",
    "dateline agency": "LIMA (EFE) — La fiscal Patricia Benavides denunció a Pedro Castillo.",
}

ENGLISH = {
    "their summit": "Joe Biden and Justin Trudeau praised the deal at their summit in Ottawa.",
    "their summit later": "Joe Biden and Justin Trudeau met in Ottawa. Their summit ended on "
                          "Monday.",
    "he heads a list": "Joe Biden condemned the attack, and on Monday he, Justin Trudeau and "
                       "Andrés Manuel López Obrador held a summit in Mexico City.",
    "their after he": "Joe Biden condemned the attack, and on Monday he, Justin Trudeau and "
                      "Andrés Manuel López Obrador issued a statement from their summit in "
                      "Mexico City.",
    "their critics": "Corrupt leaders such as Jair Bolsonaro and Viktor Orban have jailed "
                     "their critics.",
    "threat placed": "In Buenos Aires, Rodolfo Daer threatened to go on strike tonight.",
    "accusations": "Russia and Syria accused U.S. forces of blocking aid. The Pentagon rejected "
                   "these accusations as false.",
    "dateline appos": "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday "
                      "accused China of using coercion.",
    "dateline subject": "CARACAS, Venezuela (AP) — President Nicolás Maduro accused Colombia of "
                        "plotting a coup.",
}

COLUMNS = "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target)}} of both languages' sentences."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("args27es"), SPANISH, "es",
                                 "2024-03-05", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("args27en"), ENGLISH, "en",
                                 "2024-03-05", COLUMNS)[1]
    yield {f"es {k}": v for k, v in spanish.items()} | {f"en {k}": v for k, v in english.items()}


def test_unplaced_body_is_of_the_state_the_document_names(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("THREATEN", "amenazan", "ARGLAB", "ARG") in found["es unplaced union"]
    assert not any(source == "LAB" for _, _, source, _ in found["es unplaced union"])


def test_their_stands_for_a_list_of_people(found: dict[str, set[tuple[str, ...]]]) -> None:
    for key in ("en their summit", "en their summit later"):
        summits = {source for kind, trigger, source, _ in found[key]
                   if (kind, trigger) == ("CONSULT", "summit")}
        assert summits == {"joe-biden", "justin-trudeau"}, key


def test_a_pronoun_tagged_a_name_heading_a_list_is_resolved(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    held = {(source, target) for kind, trigger, source, target in found["en he heads a list"]
            if (kind, trigger) == ("CONSULT", "held")}
    assert ("joe-biden", "justin-trudeau") in held
    assert ("joe-biden", "andres-manuel-lopez-obrador") in held
    summits = {source for kind, trigger, source, _ in found["en their after he"]
               if (kind, trigger) == ("CONSULT", "summit")}
    assert summits == {"joe-biden", "justin-trudeau", "andres-manuel-lopez-obrador"}


def test_their_never_makes_the_doers_their_own_victims(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    """The critics are jailed, not the leaders (nor, by "their", one leader by the other)."""
    jailings = {(source, target) for kind, trigger, source, target in found["en their critics"]
                if (kind, trigger) == ("COERCE", "jailed")}
    assert {source for source, _ in jailings} == {"jair-bolsonaro", "x-person-viktor-orban"}
    assert not {target for _, target in jailings} & {"GOV", "jair-bolsonaro",
                                                     "x-person-viktor-orban"}, jailings


def test_a_threatened_strike_is_directed_at_the_protest_state(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    for key in ("es threat placed", "en threat placed"):
        threats = {(source, target) for kind, _, source, target in found[key]
                   if kind == "THREATEN"}
        assert threats == {("x-person-rodolfo-daer", "ARG")}, key
    assert ("THREATEN", "amenazan", "ARGLAB", "ARG") in found["es threat of unions"]


def test_a_rejected_accusation_answers_the_accusers(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("REJECT", "rechazó", "COLGOV", "VEN") in found["es accusations"]
    rejections = {(source, target) for kind, _, source, target in found["en accusations"]
                  if kind == "REJECT"}
    assert rejections == {("USA", "RUS"), ("USA", "SYR")}


def test_a_dateline_is_no_subject(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {row for row in found["en dateline appos"] if row[0] == "ACCUSE"} == {
        ("ACCUSE", "accused", "x-person-mark-esper", "CHN")}
    assert {row for row in found["en dateline subject"] if row[0] == "ACCUSE"} == {
        ("ACCUSE", "accused", "nicolas-maduro", "COL")}
    assert {row for row in found["es dateline subject"] if row[0] == "ACCUSE"} == {
        ("ACCUSE", "acusó", "nicolas-maduro", "COL")}
    assert found["es dateline agency"] == {
        ("ACCUSE", "denunció", "x-person-patricia-benavides", "pedro-castillo")}
