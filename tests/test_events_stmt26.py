"""STATEMENT events the gold does not have (session 26): a verb of saying whose only complement
is a noun phrase naming a thing, an act or people ("anunció 150 despidos", "asserting maritime
claims", "asegura petróleo a sus aliados", "sostener a estos trabajadores") makes no statement;
one with a clause, a quotation or a speech noun its entry takes ("issued a statement") keeps it.
Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

ENGLISH = {
    "claims": "“We will not tolerate attempts to assert illegal claims,” Mark Esper said on "
              "Friday.",
    "new_rules": "The Mexican government announced new rules for imports on Monday.",
    "said_clause": "Gabriel Boric said that the economy would grow next year.",
    "issued": "The foreign ministry of Peru issued a statement on Monday.",
    "quote": "“The country will recover,” Gabriel Boric said.",
}

SPANISH = {
    "despidos": "La empresa anunció 150 despidos para fin de mes.",
    "petroleo": "Venezuela asegura petróleo barato a sus aliados.",
    "trabajadores": "“La empresa no puede sostener más a estos trabajadores”, dijo Álvaro "
                    "Reinaldo.",
    "dijo_que": "Gabriel Boric dijo que la economía crecerá el próximo año.",
    "comunicado": "Cristina Kirchner emitió un comunicado el lunes.",
}

COLUMNS = "e.trigger, e.type, e.source_id"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[object, ...]]]:
    return events_by_sentence(Path(tmp_path_factory.mktemp("stmt26_en")), ENGLISH, "en",
                              "2024-05-02", COLUMNS)[1]


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[object, ...]]]:
    return events_by_sentence(Path(tmp_path_factory.mktemp("stmt26_es")), SPANISH, "es",
                              "2024-05-02", COLUMNS)[1]


def statements(rows: set[tuple[object, ...]]) -> set[tuple[object, ...]]:
    return {row for row in rows if row[1] == "STATEMENT"}


def test_a_noun_phrase_said_of_things_is_no_statement(
        english: dict[str, set[tuple[object, ...]]]) -> None:
    """"assert illegal claims" is no speech act of Esper's (his quote's verb is)."""
    assert statements(english["new_rules"]) == set()
    assert statements(english["claims"]) == {("said", "STATEMENT", "x-person-mark-esper")}


@pytest.mark.parametrize("key", ["despidos", "petroleo"])
def test_spanish_noun_phrase_of_things_is_no_statement(
        spanish: dict[str, set[tuple[object, ...]]], key: str) -> None:
    assert statements(spanish[key]) == set()


def test_spanish_personal_object_is_no_statement(
        spanish: dict[str, set[tuple[object, ...]]]) -> None:
    """"sostener a estos trabajadores" keeps people on, it asserts nothing; the quote's own
    verb of saying stays a statement."""
    assert {row[0] for row in statements(spanish["trabajadores"])} == {"dijo"}


def test_clauses_quotes_and_issued_statements_stay(
        english: dict[str, set[tuple[object, ...]]],
        spanish: dict[str, set[tuple[object, ...]]]) -> None:
    assert statements(english["said_clause"]) == {("said", "STATEMENT", "gabriel-boric")}
    assert statements(english["quote"]) == {("said", "STATEMENT", "gabriel-boric")}
    assert statements(english["issued"]) == {("issued", "STATEMENT", "PERGOV")}
    assert statements(spanish["dijo_que"]) == {("dijo", "STATEMENT", "gabriel-boric")}
    assert statements(spanish["comunicado"]) == {
        ("emitió", "STATEMENT", "cristina-fernandez-de-kirchner")}
