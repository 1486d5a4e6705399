"""Actor linking defects a careful reader found on real pages (session 29): a party's one-word
alias in another language's text, a given name read as a mocking blend, a bare surname after a
father and son of one name, a city many states have, a name inside "-era", a title's body
beside its holder, a re-election written with a hyphen. Sentences of our own, after the pages
(the Weizsäcker and Assange ones after article-extraction-benchmark pages)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.store import Store
from tests.conftest import events_by_sentence, jsonl_store, mention_links

TEXTS = [
    # German "Rede" (speech) is no Brazilian party, whose lists name it in en, es and pt only
    ("de", "Am Dienstag war die Rede des Kanzlers im Bundestag das wichtigste Thema. Die Rede "
           "dauerte eine Stunde."),
    ("pt", "A Rede Sustentabilidade, partido de Marina Silva, anunciou apoio ao governo."),
    # "Gilberto" of a longer name is a given name, not a blend mocking "Alberto"
    ("en", "Colombia's environment minister Luis Gilberto Murillo met the governor of Choco on "
           "Monday."),
    # the father is named to say whose son the victim is: the bare surname is the son
    ("en", "The son of former German President Richard von Weizsäcker, Fritz Eckart von "
           "Weizsäcker, was stabbed to death during a talk at a Berlin clinic. Police said von "
           "Weizsäcker was attacked by a man from the audience."),
]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("pages29"), [
            {"text": text, "language": language, "published": "2019-11-20"}
            for language, text in TEXTS]) as store:
        yield store


def _actors(store: Store, line: int) -> set[str]:
    return {row[0] for row in store.query(
        "SELECT m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ?) AND m.actor_id IS NOT NULL", [f":{line}"])}


def test_a_party_word_alias_holds_only_in_the_languages_that_list_it(linked: Store) -> None:
    assert "rede-bra" not in _actors(linked, 1)
    assert mention_links(linked, 2, "Rede Sustentabilidade") == {("rede-bra", "BRAPTY")}


def test_a_given_name_inside_a_longer_name_is_no_blend_of_a_known_person(linked: Store
                                                                         ) -> None:
    links = mention_links(linked, 3, "Luis Gilberto Murillo")
    assert {actor for actor, _ in links} == {"x-person-luis-gilberto-murillo"}


def test_a_bare_surname_is_not_the_relative_named_to_introduce_someone(linked: Store) -> None:
    assert {actor for actor, _ in mention_links(linked, 4, "von Weizsäcker")} == {
        "x-person-fritz-eckart-von-weizsacker"}


SENTENCES = {
    # a name opening a hyphenated modifier ending in a noun dates the noun, and does nothing
    "era": "Critics of the Barack Obama-era policy met with the senators on Tuesday.",
    # a body named through a title beside its holder is no second target
    "title": "Sweden dropped its inquiry into a 2010 rape allegation against WikiLeaks "
             "co-founder Julian Assange.",
    # the one re-elected is the target, as when elected
    "reelected": "Lula was re-elected on Sunday.",
    # an ambiguous city with no state in the story sets the act in none
    "city": "Protesters blocked roads in Santa Cruz on Monday.",
    "city_placed": "Bolivia's president Luis Arce visited the east. Protesters blocked roads "
                   "in Santa Cruz on Monday.",
}


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[object, ...]]]:
    folder: Path = tmp_path_factory.mktemp("pages29_events")
    _, table = events_by_sentence(folder, SENTENCES, "en", "2022-11-02",
                                  "e.trigger, e.type, e.source_id, e.target_id, e.country")
    return table


def test_a_name_inside_an_era_modifier_is_no_argument(events: dict[str, set[tuple[object, ...]]]
                                                      ) -> None:
    assert events["era"], "the meeting is still an event"
    assert not any("barack-obama" in row for row in events["era"])


def test_a_title_body_beside_its_holder_is_no_second_target(
        events: dict[str, set[tuple[object, ...]]]) -> None:
    targets = {row[3] for row in events["title"] if row[0] == "allegation"}
    assert targets == {"x-person-julian-assange"}


def test_the_one_re_elected_is_the_target(events: dict[str, set[tuple[object, ...]]]) -> None:
    assert {row[1:4] for row in events["reelected"]} == {
        ("SUPPORT", None, "luiz-inacio-lula-da-silva")}


def test_an_ambiguous_city_sets_no_state_without_the_story_naming_one(
        events: dict[str, set[tuple[object, ...]]]) -> None:
    assert {row[4] for row in events["city"] if row[0] == "blocked"} == {None}
    assert {row[4] for row in events["city_placed"] if row[0] == "blocked"} == {"BOL"}
