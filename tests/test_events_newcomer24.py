"""Readings a newcomer found on an unread news page (trafilatura-eval, Apache-2.0: the Boston
Herald on a sex ring busted by federal prosecutors, November 2023; session 24): a press
release that "said" something is a text, not a release from custody; the Justice Department
is the United States' government like the State Department; a place the tagger ran into the
person named after it ("the District of [Massachusetts Joshua Levy]") is cut off the name, so
the place's later mentions stay a place. Sentences written for these tests, through the real
pipeline."""

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

COLUMNS = "e.trigger, e.type, e.source_id, e.target_id"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("en24"), ENGLISH, "en", "2023-11-08",
                              COLUMNS)[1]


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
