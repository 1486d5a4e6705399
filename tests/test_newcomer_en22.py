"""A newcomer's read of an English political page (session 22: Politico on a congressman's
retirement, trafilatura-eval, Apache-2.0): two people sharing a surname, an apposition that
names someone else's office, a headline passive with its auxiliary left out, a month dated by
the year its sentence states, a modal over a predicate the event completes. Sentences of our
own, after that page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.events.timex import find_timexes
from marea.store import Store
from tests.conftest import events_by_sentence, jsonl_store, mention_links

# the bare surname is the principal named first, not the relative named in full more often;
# a title owning what follows ("the congressman's wife") is not the named person's office
NAMESAKES = (
    "Congressman Paul Harlan will leave Congress for a role with President Donald Trump. "
    "The announcement surprised Ruth Harlan, the congressman's wife. "
    "Ruth Harlan founded a women's group last year. Ruth Harlan has backed a friend's bid. "
    "Harlan declined to comment.")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    docs = [{"text": NAMESAKES, "language": "en", "published": "2019-12-30"}]
    with jsonl_store(tmp_path_factory.mktemp("en22"), docs) as store:
        yield store


def test_a_bare_surname_is_the_principal_named_first(page: Store) -> None:
    assert mention_links(page, 1, "Harlan") == {("x-person-paul-harlan", "USALEG")}


def test_an_office_that_owns_the_next_noun_is_not_the_persons(page: Store) -> None:
    assert mention_links(page, 1, "Ruth Harlan") == {("x-person-ruth-harlan", None)}


SENTENCES = {
    # a headline's passive with no auxiliary: the accused is the target, no one the source
    "headline": "Senator Dan Crow accused of hiding donations from Venezuela",
    "active": "Senator Dan Crow accused Maduro of hiding donations.",
    "charged": "Venezuela's former oil minister charged with bribery",
    # a modal over the predicate the event completes makes it a supposition
    "able": "The lawmakers might have been able to save Senator Dan Crow.",
    "decide": "Russia may decide to impose sanctions on Ukraine.",
    "inverted": "Had they known, the lawmakers would have tried to save Senator Dan Crow.",
    "plain": "The lawmakers were able to save Senator Dan Crow.",
    # a title standing for a person later in the pronoun's sentence does not make "he" him
    "asker": ("Congressman Dan Crow will retire. The timing raises suspicion, Aubrey Woodard "
              "said. He said he asked that the congressman refrain from endorsing anyone."),
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("en22s"), SENTENCES, "en", "2019-12-30",
                              "e.trigger, e.type, e.source_id, e.target_id, e.modality")[1]


def test_a_headline_passive_without_auxiliary_makes_the_subject_the_accused(
        coded: dict[str, set[tuple]]) -> None:
    assert ("accused", "ACCUSE", None, "x-person-dan-crow", "asserted") in coded["headline"]
    assert ("accused", "ACCUSE", "x-person-dan-crow", "nicolas-maduro", "asserted") in coded[
        "active"]
    assert {(t, ty, s) for t, ty, s, _, _ in coded["charged"]} == {("charged", "ACCUSE", None)}


def test_a_modal_over_the_completed_predicate_makes_the_event_hypothetical(
        coded: dict[str, set[tuple]]) -> None:
    assert {(t, m) for t, _, _, _, m in coded["able"]} == {("save", "hypothetical")}
    assert {(t, m) for t, _, _, _, m in coded["decide"]} == {("impose", "hypothetical")}
    assert {(t, m) for t, _, _, _, m in coded["inverted"]} == {("save", "hypothetical")}
    assert {(t, m) for t, _, _, _, m in coded["plain"]} == {("save", "asserted")}


def test_he_is_the_last_subject_before_him_not_a_title_after_him(
        coded: dict[str, set[tuple]]) -> None:
    assert ("asked", "REQUEST", "x-person-aubrey-woodard", "x-person-dan-crow", "asserted") in (
        coded["asker"])


@pytest.mark.parametrize("text, expected", [
    ("After denying rumours in the summer of 2004, Lipinski resigned in mid-August.",
     [("the summer of 2004", "2004-SU"), ("mid-August", "2004-08")]),
    ("In 1998, Torres declared on March 3 that he would retire.",
     [("1998", "1998"), ("March 3", "1998-03-03")]),
    # another sentence keeps the publication's year; so does a month with "last"
    ("He lost in 2004. On August 12 he resigned.", [("2004", "2004"), ("August 12", "2019-08-12")]),
    ("He took office in 2004 and resigned last August.", [("2004", "2004"),
                                                           ("last August", "2019-08")]),
])
def test_a_yearless_month_takes_the_year_its_sentence_states(
        text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in find_timexes(text, "en", "2019-12-30")] == expected


def test_a_spanish_month_after_a_dated_opening_takes_its_year() -> None:
    found = find_timexes("Tras las elecciones de 2010, el presidente asumió en julio.", "es",
                         "2019-12-30")
    assert [(t.text, t.value) for t in found] == [("2010", "2010"), ("julio", "2010-07")]
    # a year in a clause about something else leaves the month to the publication
    found = find_timexes("Keiko, que compitió en 2016, volverá a postular en abril.", "es",
                         "2019-12-30")
    assert [(t.text, t.value) for t in found] == [("2016", "2016"), ("abril", "2019-04")]
