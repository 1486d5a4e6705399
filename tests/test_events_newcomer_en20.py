"""A newcomer's read of an AP wire page (session 20: Sondland's impeachment testimony,
article-extraction-benchmark, MIT): what is sought, asked or only possible is no act done,
a year naming which election it was dates no act to come, and aid held back is no aid given.
The page's sentences, and sentences of our own on the same constructions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # efforts to get someone to act seek the act; the election's year is no date of it
    "efforts": "Sondland, a wealthy hotelier Trump tapped as his ambassador to the European "
               "Union, is more directly entangled than any witness yet in the Republican "
               "president’s efforts to get Ukraine to investigate political rival Joe Biden "
               "and Democrats in the 2016 election.",
    "tried": "The rebels tried to seize the airport in Kabul.",
    # aid stalled or frozen is aid stopped, no aid given
    "stalled": "The envoy is likely to face tough questions from lawmakers of both parties "
               "about Trump’s July 25 call when he asked Ukraine President Volodymyr "
               "Zelenskiy for the political investigations at the same time as U.S. military "
               "aid for the ally was being stalled.",
    "froze": "The United States froze military aid to Ukraine.",
    # a yes/no question asserts and announces nothing; a question word takes the act as done
    "question": "The political counselor was having lunch with Sondland in Kyiv when the "
                "ambassador dialed up the president on his cellphone and Holmes could hear "
                "Trump’s voice. “I then heard President Trump ask, quote, ‘So he’s going to "
                "do the investigation?’” Holmes testified.",
    "will-question": "Will Russia attack Ukraine?",
    "why-question": "Why did Russia attack Ukraine?",
    # what might be done if another acts, by no one named, is possible only: no offer
    "might-if": "Afterward, Sondland said he had relayed to the Ukrainian that U.S. aid might "
                "be freed if the country would announce the investigations, Morrison "
                "testified.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, trigger, modality, date)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("newcomer_en20"), SENTENCES, "en", "2019-11-20",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger, "
        "e.modality, e.date")[1]


@pytest.mark.slow
def test_efforts_seek_an_act_to_come(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["efforts"] == {
        ("ACCUSE", "UKR", "joe-biden", "investigate", "hypothetical", "2019-11-20"),
        ("ACCUSE", "UKR", "democratic-usa", "investigate", "hypothetical", "2019-11-20")}
    assert {(e[0], e[3], e[4]) for e in found["tried"]} == {
        ("COERCE", "seize", "hypothetical")}


@pytest.mark.slow
def test_aid_held_back_is_no_aid(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[0] for e in found["stalled"]} == {"REQUEST", "SANCTION"}
    assert {(e[0], e[3], e[4]) for e in found["stalled"] if e[0] == "SANCTION"} == {
        ("SANCTION", "stalled", "asserted")}
    assert {e[:5] for e in found["froze"]} == {
        ("SANCTION", "USA", "UKR", "froze", "asserted")}


@pytest.mark.slow
def test_yes_no_question_asserts_nothing(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[3], e[4]) for e in found["question"] if e[3] == "investigation"} == {
        ("investigation", "hypothetical")}
    assert {e[:5] for e in found["will-question"]} == {
        ("ASSAULT", "RUS", "UKR", "attack", "hypothetical")}
    assert {e[:5] for e in found["why-question"]} == {
        ("ASSAULT", "RUS", "UKR", "attack", "asserted")}


@pytest.mark.slow
def test_possible_act_if_another_acts_is_no_offer(found: dict[str, set[tuple[str, ...]]]
                                                   ) -> None:
    assert {(e[0], e[3], e[4]) for e in found["might-if"]} == {("AID", "aid", "hypothetical")}
