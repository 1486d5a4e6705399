"""Spanish linking defects seen on real pages by session 18's helpers: a capital the tagger
calls a person at a sentence's start, a government named by its head, titles before a name
or in apposition, and a radio station read as a place. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

TEXTS = (
    "Washington impuso sanciones a Caracas por la represión de las protestas.",
    "El Gobierno de Dina Boluarte anunció un estado de emergencia en Lima.",
    "El gobierno de Gustavo Petro suspendió los diálogos con el ELN.",
    "La reforma la presentó el gobierno del presidente Gabriel Boric.",
    "El presidente Gabriel Boric habló en Santiago. El senador por el Biobío, Gastón Saavedra "
    "(PS), criticó el proyecto. El diputado de Convergencia Social Diego Ibáñez respaldó la "
    "reforma. Tanto la ministra del Interior, Izkia Siches, como el subsecretario de la misma "
    "cartera, Manuel Monsalve, visitaron Temuco. El presidente de la Confederación de "
    "Camioneros, Sergio Pérez, criticó la medida. El secretario general de Convergencia Social "
    "Pedro Soto lo apoyó.",
    "En entrevista con Cooperativa, el senador dijo que votará en contra. Lo repitió en "
    "declaraciones a Cooperativa- esta mañana. En entrevista con Juan Pérez, el ministro "
    "respondió.",
)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("eslink18"), [
            {"text": text, "language": "es", "published": "2022-05-04"}
            for text in TEXTS]) as store:
        yield store


def _events(store: Store, line: int) -> set[tuple[str, str | None, str | None]]:
    return {tuple(row) for row in store.query(
        "SELECT e.trigger, e.source_id, e.target_id FROM events e JOIN documents d "
        "USING (doc_id) WHERE ends_with(d.locator, ?)", [f":{line}"])}


def test_a_capital_opening_a_sentence_as_a_state_acts_subject_is_the_state(
        linked: Store) -> None:
    assert mention_links(linked, 1, "Washington") == {("USA", "USA")}
    assert ("impuso", "USA", "VEN") in _events(linked, 1)


def test_a_government_of_a_known_person_is_that_persons_states_government(
        linked: Store) -> None:
    assert mention_links(linked, 2, "El Gobierno") == {("PERGOV", "PERGOV")}
    assert mention_links(linked, 2, "Dina Boluarte") == {("dina-boluarte", "PERGOV")}
    assert mention_links(linked, 3, "El gobierno") == {("COLGOV", "COLGOV")}
    assert ("suspendió", "COLGOV", "eln") in _events(linked, 3)
    assert mention_links(linked, 4, "el gobierno") == {("CHLGOV", "CHLGOV")}  # past a title


@pytest.mark.parametrize("name, role", [
    ("Gastón Saavedra", "CHLLEG"),  # a title, its seat, a comma
    ("Diego Ibáñez", "CHLLEG"),  # a title, "de" and a known party
    ("Izkia Siches", "CHLGOV"),  # a title, its portfolio, a comma
    ("Manuel Monsalve", "CHLGOV"),  # "subsecretario de la misma cartera"
    ("Sergio Pérez", None),  # a union's president is no state office
    ("Pedro Soto", None),  # nor a party's secretary general
])
def test_a_title_with_its_seat_or_portfolio_before_a_name_gives_the_role(
        linked: Store, name: str, role: str | None) -> None:
    assert {found for _, found in mention_links(linked, 5, name)} == {role}


def test_who_an_interview_is_given_to_is_a_medium_unless_a_person(linked: Store) -> None:
    assert mention_links(linked, 6, "Cooperativa") == {("x-org-cooperativa", "MED")}
    assert not linked.query("SELECT 1 FROM mentions WHERE text LIKE '%-'")  # a hyphen cut off
    assert mention_links(linked, 6, "Juan Pérez") == {("x-person-juan-perez", None)}
