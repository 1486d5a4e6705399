"""Readings a newcomer found on unread news pages (trafilatura-eval, Apache-2.0: the Boston
Herald on a sex ring busted by federal prosecutors, November 2023; El Mostrador on how Chile's
Congress could slow a new constitution, May 2022; session 24): a press
release that "said" something is a text, not a release from custody; the Justice Department
is the United States' government like the State Department; a place the tagger ran into the
person named after it ("the District of [Massachusetts Joshua Levy]") is cut off the name, so
the place's later mentions stay a place; "la puesta en marcha" of reforms is no march and
"dice relación con" says nothing; a party whose member is named after it in apposition ("el
convencional UDI ..., Pablo Toloza") is the member's affiliation, and the member speaks.
Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence, jsonl_store, mention_links

ENGLISH = {
    "release_said": "The Justice Department's release said the talks had failed.",
    "statement_said": "The ministry's statement said the talks had failed.",
    "release_of": "The government announced the release of 20 political prisoners.",
    "release_person": "Russia's government ordered Navalny's release.",
    "doj_charged": "The Justice Department accused Venezuela of money laundering.",
}

SPANISH = {
    "puesta_en_marcha": "El Gobierno de Chile anunció la puesta en marcha de las reformas.",
    "puso_en_marcha": "El Gobierno de Chile puso en marcha un plan contra Bolivia.",
    "una_marcha": "Los estudiantes iniciaron una marcha contra el Gobierno de Chile.",
    "dice_relacion": "El primero de ellos dice relación con el Congreso de Chile.",
    "affiliation": "“No soluciona el problema”, admitió el convencional UDI e integrante de la "
                   "Comisión de Normas Transitorias, Pablo Toloza.",
}

COLUMNS = "e.trigger, e.type, e.source_id, e.target_id"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("en24"), ENGLISH, "en", "2023-11-08",
                              COLUMNS)[1]


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("es24"), SPANISH, "es", "2022-05-04",
                              COLUMNS)[1]


def test_under_way_is_no_march(spanish: dict[str, set[tuple]]) -> None:
    assert not any(row[1] == "PROTEST" for row in spanish["puesta_en_marcha"])
    assert not any(row[1] == "PROTEST" for row in spanish["puso_en_marcha"])
    assert spanish["una_marcha"] == {("iniciaron", "PROTEST", "CHLEDU", "CHLGOV")}


def test_relating_to_something_says_nothing(spanish: dict[str, set[tuple]]) -> None:
    assert spanish["dice_relacion"] == set()


def test_the_member_named_after_a_party_speaks(spanish: dict[str, set[tuple]]) -> None:
    assert spanish["affiliation"] == {("admitió", "STATEMENT", "x-person-pablo-toloza", None)}


def test_a_release_that_speaks_is_a_text(english: dict[str, set[tuple]]) -> None:
    assert english["release_said"] == {("said", "STATEMENT", "USA", None)}
    assert english["statement_said"] == {("said", "STATEMENT", "GOV", None)}


def test_a_release_of_people_is_still_one(english: dict[str, set[tuple]]) -> None:
    assert english["release_of"] == {("release", "RETREAT", "GOV", "CVL")}
    assert english["release_person"] == {("release", "RETREAT", "RUSGOV", "alexei-navalny")}


def test_the_justice_department_is_the_state(english: dict[str, set[tuple]]) -> None:
    assert english["doj_charged"] == {("accused", "ACCUSE", "USA", "VEN")}


def test_a_place_run_into_a_name_is_cut_off(tmp_path: Path) -> None:
    text = ("Acting U.S. Attorney for the District of Massachusetts Joshua Levy said the case "
            "is still open. The women came from Massachusetts and Virginia, Levy said.")
    with jsonl_store(tmp_path, [{"text": text, "language": "en"}]) as store:
        assert mention_links(store, 1, "Joshua Levy") == {("x-person-joshua-levy", None)}
        assert mention_links(store, 1, "Levy") == {("x-person-joshua-levy", None)}
        assert mention_links(store, 1, "Massachusetts") == {("x-place-massachusetts", None)}


def test_honorifics_house_and_hospitals(tmp_path: Path) -> None:
    """Read on The Intercept's report from Gaza's hospitals and a St Kitts paper on the BVI
    premier's arrest (trafilatura-eval): "Honourable" is a title, not part of the name; a
    lower-case "house" is a dwelling, "the House" and "the lower house" legislatures; a name
    ending in "Hospital" is an organisation."""
    texts = ["Premier Honourable Natalio Wheatley said the Territory would cooperate.",
             "“I was very afraid that there would be a bombing near my house,” she said.",
             "Eduardo Cunha, then speaker of the lower house, accepted an impeachment request "
             "against Dilma Rousseff.",
             "Marwan Al-Hams is the director of Youssef Al-Najjar Hospital in Rafah."]
    records = [{"text": t, "language": "en", "published": "2023-11-08"} for t in texts]
    with jsonl_store(tmp_path, records) as store:
        assert mention_links(store, 1, "Honourable Natalio Wheatley") == {
            ("x-person-natalio-wheatley", None)}
        assert not store.query("SELECT 1 FROM mentions m JOIN documents d USING (doc_id) "
                               "WHERE ends_with(d.locator, ':2') AND m.text = 'house'")
        assert mention_links(store, 3, "lower house") == {("BRALEG", "BRALEG")}
        assert mention_links(store, 4, "Youssef Al-Najjar Hospital") == {
            ("x-org-youssef-al-najjar-hospital", None)}
