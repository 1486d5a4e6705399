"""Place and linking bugs found by newcomer reads (session 23, issue 11): another spelling of a
city abroad placing a story's own region abroad, a town of a place tag read in the wrong
state, generic party names in a story that names no state. Constructed sentences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.events.place import city
from marea.store import Store
from tests.conftest import events_by_sentence, jsonl_store, mention_links

REPUBLICANS = "Republicans blocked the bill in the Senate. Democrats criticized the vote."
WORKERS = "The Workers' Party won the runoff on Sunday."
CHILE = "In Chile, the Republicans won the vote on Sunday."
FATHER = ("Rep. Dan Lipinski won the primary on Tuesday. His father, Bill Lipinski, held the "
          "seat before him. The younger Lipinski thanked voters. The elder Lipinski praised "
          "his son.")
SON = ("Bill Lipinski held the seat for years. Dan Lipinski, his son, won the primary on "
       "Tuesday. The younger Lipinski thanked voters. The elder Lipinski praised him.")
# the tagger reads this headline's first word as a common noun
HEADLINE = ("Áñez claims the presidency as Morales lands in Mexico\n\nJeanine Áñez, Bolivia's "
            "interim president, said on Sunday that elections would be held soon.")

DOCS = [{"text": text, "language": language, "published": "2020-01-10"}
        for text, language in [(REPUBLICANS, "en"), (WORKERS, "en"), (CHILE, "en"),
                               (FATHER, "en"), (SON, "en"), (HEADLINE, "en")]]


def surname_links(store: Store, text: str, surname: str) -> list[str | None]:
    """The actor of each mention of a bare surname in the document `text`, in text order."""
    return [row[0] for row in store.query(
        "SELECT m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ?) AND m.text = ? ORDER BY m.start_char",
        [f":{line(text)}", surname])]


def line(text: str) -> int:
    """The jsonl line of the document whose text is `text`."""
    return [doc["text"] for doc in DOCS].index(text) + 1


@pytest.fixture(scope="module")
def reads(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("bugs23"), DOCS) as store:
        yield store


def test_a_city_abroad_under_another_spelling_needs_its_state_in_the_story() -> None:
    # GeoNames lists "Antioquia" as a spelling of Antakya: no place of a Colombian story,
    # while a city's own name stands anywhere and a namesake in the story's state comes first
    assert city("Antioquia") == ("Antakya", "TUR")
    assert city("Antioquia", {"COL"}) is None
    assert city("Antioquia", {"TUR"}) == ("Antakya", "TUR")
    # a respelling of a city's own name still names it in a story of another state
    assert city("Zakho", {"TUR"}) == ("Zaxo", "IRQ")
    assert city("East Jerusalem", {"ISR"}) == ("East Jerusalem", "PSE")
    assert city("Granada") == ("Granada", "ESP")
    assert city("Granada", {"COL"}) == ("Granada", "COL")


def test_the_capital_of_antioquia_is_no_turkish_place(tmp_path: Path) -> None:
    _, found = events_by_sentence(tmp_path, {
        "col": "La Fuerza Pública desplegó una ofensiva en la capital de Antioquia, dijo el "
               "Ejército de Colombia.",
        "tur": "Turquía desplegó tropas en Antioquia el lunes."}, "es", "2020-01-10",
        "e.trigger, e.source_id, e.city, e.country")
    assert ("desplegó", "COLCOP", None, "COL") in found["col"]
    assert not any("TUR" in str(row) for row in found["col"])
    # a story of Turkey reads the name as the city it is there
    assert ("desplegó", "TUR", "Antakya", "TUR") in found["tur"]


def test_a_town_of_a_place_tag_is_the_one_in_the_story_state(tmp_path: Path) -> None:
    _, found = events_by_sentence(tmp_path, {
        "col": "Guerrilleros quemaron tres buses en la vía principal , META , GRANADA. El "
               "gobierno de Colombia condenó el ataque."}, "es", "2020-01-10",
        "e.trigger, e.source_id, e.target_id, e.country")
    # Granada, Meta: not Spain's; nor is the tag's "GRANADA" Grenada (its Spanish name), whose
    # guerrillas these would be
    assert ("quemaron", "COLREB", "COL", "COL") in found["col"]


def test_a_generic_party_name_placed_nowhere_is_the_most_prominent_party(reads: Store) -> None:
    # the knowledge base's party with most members: the US parties, not Chile's or Bolivia's
    assert mention_links(reads, line(REPUBLICANS), "Republicans") == {
        ("republican-usa", "USAPTY")}
    assert mention_links(reads, line(REPUBLICANS), "Democrats") == {
        ("democratic-usa", "USAPTY")}
    assert mention_links(reads, line(WORKERS), "Workers' Party") == {("pt-bra", "BRAPTY")}
    # a story naming the state of another party of the name keeps that one
    assert mention_links(reads, line(CHILE), "Republicans") == {
        ("republicano-chl", "CHLPTY")}


def test_the_younger_and_the_elder_of_one_surname(reads: Store) -> None:
    # the apposition says who is whose father or son, whichever is named first
    younger, elder = "x-person-dan-lipinski", "x-person-bill-lipinski"
    assert surname_links(reads, FATHER, "Lipinski") == [younger, elder]
    assert surname_links(reads, SON, "Lipinski") == [younger, elder]


def test_a_headline_surname_tagged_a_common_noun_is_the_person_named_in_full(
        reads: Store) -> None:
    assert mention_links(reads, line(HEADLINE), "Áñez") == {("jeanine-anez", "BOLGOV")}
