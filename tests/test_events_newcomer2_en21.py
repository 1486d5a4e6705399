"""A newcomer's leftovers from two pages of the article-extraction benchmark (session 21,
MIT): PolitiFact's guide to Trump's tariffs (2019-11-18) and AP's questions before the
Democratic debate (2019-11-20). A thing helps nobody; a body's noun put in apposition to a
person renames the body the person's clause names; what an inverted condition governs is
supposed too; one event told twice in a page is one event with two mentions. The pages'
sentences, and sentences of our own on the same constructions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger, "
           "e.modality")

SENTENCES = {
    # "they" stands for the tariffs, not their backers: a thing helps nobody
    "backers": "Backers of tariffs say that they help American companies become more "
               "competitive with their foreign counterparts.",
    "critics": "Critics of the subsidies argue that they help big landowners more than "
               "small farmers.",
    # people who speak are who "they" are
    "volunteers": "The volunteers said they helped the refugees in Lesbos.",
    # "a group" renames the alliance Scott Paul heads, not Scott Paul
    "paul": "Tariffs have also strengthened the United States’ leverage after massive job "
            "losses from China trade in recent decades, said Scott Paul, who heads the "
            "Alliance for American Manufacturing, a group that has applauded some of "
            "Trump’s tariff decisions.",
    "lopez": "\"We need more protection,\" said Maria Lopez, who chairs the Federation of "
             "Cocoa Farmers, a group that has criticized the government of Ghana.",
    "humala": "Ollanta Humala, a retired army officer who has criticized Chile, won the vote.",
    # the clause an inverted condition governs is supposed too
    "should": "They have all come out in favor of impeachment — some more aggressively than "
              "others — but it’s noteworthy that five of the 10 Democrats on stage will serve "
              "as jurors in the Senate impeachment trial should the House vote to impeach "
              "President Donald Trump.",
    "had": "Had Russia invaded Ukraine, NATO troops would have attacked the Russian army.",
    "having": "Having shelled the town, the rebels attacked the army base.",
    # one page telling China's retaliatory tariffs twice
    "retaliatory": "Moreover, some of that money has been spent on payments to farmers hit by "
                   "retaliatory Chinese tariffs, to the tune of $28 billion over the past two "
                   "years. Retaliatory tariffs imposed by China have particularly hurt U.S. "
                   "farmers.",
}


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, trigger, modality, mentions)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("newcomer2_en21"), SENTENCES, "en", "2019-11-18",
        COLUMNS + ", (SELECT count(*) FROM event_mentions m "
                  "WHERE m.doc_id = e.doc_id AND m.event = e.idx)")[1]


@pytest.mark.slow
def test_a_thing_helps_nobody(events: dict[str, set[tuple[str, ...]]]) -> None:
    assert events["backers"] == set()
    assert events["critics"] == set()
    assert {e[:5] for e in events["volunteers"]} == {("AID", "", "REF", "helped", "asserted")}


@pytest.mark.slow
def test_a_body_noun_in_apposition_to_a_person(events: dict[str, set[tuple[str, ...]]]
                                               ) -> None:
    assert {e[:4] for e in events["paul"]} == {
        ("STATEMENT", "x-person-scott-paul", "", "said"),
        ("SUPPORT", "x-org-alliance-for-american-manufacturing", "donald-trump", "applauded")}
    assert ("ACCUSE", "x-org-federation-of-cocoa-farmers", "GHAGOV", "criticized") in {
        e[:4] for e in events["lopez"]}
    # a person's title in apposition stays the person's
    assert ("ACCUSE", "ollanta-humala", "CHL", "criticized") in {
        e[:4] for e in events["humala"]}


@pytest.mark.slow
def test_what_an_inverted_condition_governs(events: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[3:5] for e in events["should"]} == {
        ("trial", "hypothetical"), ("impeach", "hypothetical")}
    assert {e[3:5] for e in events["had"]} == {
        ("invaded", "hypothetical"), ("attacked", "hypothetical")}
    # a participle's "having" opens no condition
    assert {e[3:5] for e in events["having"]} == {
        ("shelled", "asserted"), ("attacked", "asserted")}


@pytest.mark.slow
def test_one_event_told_twice(events: dict[str, set[tuple[str, ...]]]) -> None:
    # the second telling is the same event's second mention, not a second event
    assert events["retaliatory"] == {("SANCTION", "CHN", "", "tariffs", "asserted", 2)}
