"""Actor-linking and event bugs found by newcomer reads (session 22, issue 11): a generic
party name in a story naming another state, "la paz" in small letters, the IRA's two homes,
given names as surname keys, one-word headings, Spanish answers with content, defences and
announced resignations, and stories that mixed an event's modes. Constructed sentences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from marea.actors.kb import load_kb
from marea.store import Store
from tests.conftest import events_by_sentence, jsonl_store, mention_links

PARTY_UK = "In Britain, the chairman of the Conservative Party said the vote would be close."
PARTY_COL = "In Colombia, the chairman of the Conservative Party said the vote would be close."
PEACE = "Miles de personas marcharon en Bogotá y buscan la paz. El país vive un momento difícil."
CITY = "El presidente llegó a La Paz el lunes. El país vive un momento difícil."
IRA_IRELAND = "The IRA declared a ceasefire, the Irish government said in Dublin."
IRA_NORTH = "The IRA declared a ceasefire in Northern Ireland on Sunday."
IRA_BELFAST = "The IRA declared a ceasefire, officials in Belfast said."
IRA_US = "Democrats defended the IRA, which cut drug prices for seniors."
GIVEN = "Carlos, a shopkeeper, said prices kept rising. Felipe agreed with him."
HEADING = "La ceremonia del lunes\n\nEvocación\n\nEl alcalde recordó a su madre en la ceremonia."
NAME_HEADING = "Entrevista\n\nPetro\n\nEl presidente Gustavo Petro habló el lunes."

DOCS = [{"text": text, "language": language, "published": published}
        for text, language, published in [
            (PARTY_UK, "en", "2024-05-02"),
            (PARTY_COL, "en", "2024-05-02"), (PEACE, "es", "2024-05-02"),
            (CITY, "es", "2024-05-02"), (IRA_IRELAND, "en", "1997-07-20"),
            (IRA_NORTH, "en", "1997-07-20"), (IRA_BELFAST, "en", "1997-07-20"),
            (IRA_US, "en", "2024-05-02"),
            (GIVEN, "en", "2024-05-02"), (HEADING, "es", "2024-05-02"),
            (NAME_HEADING, "es", "2024-05-02")]]


def line(text: str) -> int:
    """The jsonl line of the document whose text is `text`."""
    return [doc["text"] for doc in DOCS].index(text) + 1


def actors_of(store: Store, text: str) -> set[tuple[str, str | None]]:
    """(mention text, actor_id) of every mention of the document `text`."""
    return {tuple(row) for row in store.query(
        "SELECT m.text, m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ?)", [f":{line(text)}"])}


@pytest.fixture(scope="module")
def reads(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("bugs22"), DOCS) as store:
        yield store


def test_a_generic_party_name_needs_its_state_in_the_story(reads: Store) -> None:
    # Britain's or Colombia's when the story names that state
    assert mention_links(reads, line(PARTY_UK), "the Conservative Party") == {
        ("conservative-gbr", "GBRPTY")}
    assert mention_links(reads, line(PARTY_COL), "the Conservative Party") == {
        ("pc-col", "COLPTY")}


def test_peace_in_small_letters_is_no_bolivian_seat(reads: Store) -> None:
    assert not any(actor == "BOL" for _, actor in actors_of(reads, PEACE))
    assert mention_links(reads, line(CITY), "La Paz") == {("BOL", "BOL")}


def test_the_ira_is_read_in_a_story_naming_either_part_of_ireland(reads: Store) -> None:
    assert mention_links(reads, line(IRA_IRELAND), "IRA") == {("ira", "GBRREB")}
    assert mention_links(reads, line(IRA_NORTH), "IRA") == {("ira", "GBRREB")}
    assert mention_links(reads, line(IRA_NORTH), "Northern Ireland") == {("GBR", "GBR")}
    # a city of the UK the knowledge base lacks (GeoNames knows it) places the story too
    assert mention_links(reads, line(IRA_BELFAST), "IRA") == {("ira", "GBRREB")}
    # the US Inflation Reduction Act shares the acronym: no Irish group there
    assert mention_links(reads, line(IRA_US), "IRA") == {("x-org-ira", None)}


def test_given_names_are_no_surname_keys(reads: Store) -> None:
    kb = load_kb()
    # a regnal name, a title before a given name, a second given name, given names an alias
    # gives alone: none is a surname
    for name in ("Carlos", "Felipe", "Elizabeth", "María", "Miguel", "Manuel", "Pablo", "Ralph"):
        assert not [a for a in kb.lookup(name) if a.kind == "surname"], name
    # surnames stay, also those spelt like a given name, and names a person goes by alone:
    # "Charles" is Dominica's Pierre Charles, no longer also King Charles III
    assert [(a.actor_id, a.kind) for a in kb.lookup("Charles")] == [("pierre-charles", "surname")]
    assert ("jose-maria-aznar", "surname") in {(a.actor_id, a.kind) for a in kb.lookup("Aznar")}
    assert ("philip-j-pierre", "surname") in {(a.actor_id, a.kind) for a in kb.lookup("Pierre")}
    assert ("evo-morales", "alias") in {(a.actor_id, a.kind) for a in kb.lookup("Evo")}
    assert mention_links(reads, line(GIVEN), "Carlos") == {("x-person-carlos", None)}


def test_a_one_word_heading_is_no_person(reads: Store) -> None:
    assert not any(text == "Evocación" for text, _ in actors_of(reads, HEADING))
    # a known person's name as a heading stays the person
    assert mention_links(reads, line(NAME_HEADING), "Petro") == {("gustavo-petro", "COLGOV")}


def test_spanish_answers_defences_and_announced_resignations(tmp_path: Path) -> None:
    _, found = events_by_sentence(tmp_path, {
        # what an answer says is reported in its place
        "answer_said": "Gustavo Petro respondió a Nicolás Maduro que Colombia no cerrará "
                       "la frontera.",
        "defence": "Gustavo Petro salió en defensa de Nicolás Maduro el lunes.",
        # the codebook: a promised resignation is a separate event (CONCEDE), the act future
        "resign": "El ministro anticipó que renunciará a su cargo la próxima semana.",
    }, "es", "2024-05-02", "e.type, e.mode, e.source_id, e.target_id, e.modality")
    assert found["answer_said"] == {("COERCE", "restrict", "COL", None, "negated")}
    assert found["defence"] == {("SUPPORT", "defend", "gustavo-petro", "nicolas-maduro",
                                 "asserted")}
    assert found["resign"] == {("RETREAT", "resign", "GOV", None, "future"),
                               ("CONCEDE", None, "GOV", None, "asserted")}


def test_stories_keep_an_events_modes_apart(tmp_path: Path) -> None:
    """Expelling diplomats and breaking off relations are both SANCTION, on the same day by
    the same pair, but two stories, as within a document."""
    path, found = events_by_sentence(tmp_path, {
        "expel": "Nicaragua expelled the Spanish ambassador on Monday.",
        "expel_again": "Nicaragua expelled Spanish diplomats on Monday.",
        "break": "Nicaragua broke off relations with the Spanish government on Monday.",
        "break_again": "Nicaragua severed ties with the government of Spain on Monday.",
    }, "en", "2024-03-05", "e.type, e.mode, e.source_id, e.target_id")
    assert found["expel"] == found["expel_again"] == {("SANCTION", "expel", "NIC", "ESPGOV")}
    assert found["break"] == found["break_again"] == {
        ("SANCTION", "discontinue", "NIC", "ESPGOV")}
    with duckdb.connect(str(path), read_only=True) as con:
        stories = con.execute("SELECT type, mode, source_id, target_id, articles "
                              "FROM stories ORDER BY mode").fetchall()
    assert stories == [("SANCTION", "discontinue", "NIC", "ESPGOV", 2),
                       ("SANCTION", "expel", "NIC", "ESPGOV", 2)]
