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
    # one's own attempt is the act, as CAMEO codes attempts
    "tried": "The rebels tried to seize the airport in Kabul.",
    "tried-to-get": "Russia tried to get Belarus to attack Ukraine.",
    # aid stalled or frozen is aid stopped, no aid given
    "stalled": "The envoy is likely to face tough questions from lawmakers of both parties "
               "about Trump’s July 25 call when he asked Ukraine President Volodymyr "
               "Zelenskiy for the political investigations at the same time as U.S. military "
               "aid for the ally was being stalled.",
    "froze": "The United States froze military aid to Ukraine.",
    # the aid is the thing held back, not whom it is done to: the state it was for is
    "halted-passive": "U.S. military aid for Ukraine was halted.",
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
    # the person a surname alone stands for: named in full before, or no one known
    "assailed": "At the White House, Trump said he had watched part of the day’s testimony "
                "and slammed the ongoing impeachment hearings as a “disgrace.” Over the "
                "weekend, Trump assailed Williams as part of the “Never Trumpers” who oppose "
                "his presidency, though there is no indication she has shown any partisanship.",
    "volker": "Another diplomat, former special envoy to Ukraine Kurt Volker, shifted his own "
              "account of the July 10 meeting to say Sondland did, in fact, discuss "
              "investigations with the visiting Ukrainians. “I think all of us thought it was "
              "inappropriate; the conversation did not continue and the meeting concluded,” "
              "Volker said. A series of text messages Volker provided to lawmakers showed "
              "conversations between him, Sondland and other leaders in which they discussed "
              "a need for Ukraine to launch investigations, including into Burisma.",
    # "in charge of" is being responsible, no charge brought
    "in-charge": "“Ambassador Sondland replied that ‘He’s going to do it,’ adding that "
                 "President Zelensky will, quote, ‘do anything you ask him to.’” Sondland was "
                 "known for telling others \"he was in charge of Ukraine\" despite being the "
                 "U.S. envoy in Brussels, said another witness in the impeachment probe, former "
                 "White House Russia adviser Fiona Hill.",
    # an official of a state department is of its government
    "official": "Last week State Department official David Holmes revealed one of those "
                "interactions to impeachment investigators, saying he recalled it “vividly.”",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, trigger, modality, date, source
    role)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("newcomer_en20"), SENTENCES, "en", "2019-11-20",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger, "
        "e.modality, e.date, coalesce(e.source_role, '')")[1]


@pytest.mark.slow
def test_efforts_seek_an_act_to_come(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:6] for e in found["efforts"]} == {
        ("ACCUSE", "UKR", "joe-biden", "investigate", "hypothetical", "2019-11-20"),
        ("ACCUSE", "UKR", "democratic-usa", "investigate", "hypothetical", "2019-11-20")}
    assert {e[:5] for e in found["tried-to-get"]} == {
        ("ASSAULT", "BLR", "UKR", "attack", "hypothetical")}
    assert {(e[0], e[3], e[4]) for e in found["tried"]} == {("COERCE", "seize", "asserted")}


@pytest.mark.slow
def test_aid_held_back_is_no_aid(found: dict[str, set[tuple[str, ...]]]) -> None:
    # stalled by no one named, for an ally no actor names: no aid given, nothing to code
    assert {e[0] for e in found["stalled"]} == {"REQUEST"}
    assert {e[:5] for e in found["halted-passive"]} == {
        ("SANCTION", "", "UKR", "halted", "asserted")}
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
    # "the country" is Ukraine, named last (by "the Ukrainian"): its announcing is as possible
    assert {(e[0], e[3], e[4]) for e in found["might-if"]} == {
        ("AID", "aid", "hypothetical"), ("ACCUSE", "investigations", "hypothetical")}


@pytest.mark.slow
def test_when_clause_of_possessed_noun(found: dict[str, set[tuple[str, ...]]]) -> None:
    # "Trump's July 25 call when he asked": he is Trump
    assert {e[:5] for e in found["stalled"] if e[0] == "REQUEST"} == {
        ("REQUEST", "donald-trump", "volodymyr-zelensky", "asked", "asserted")}


@pytest.mark.slow
def test_surname_alone(found: dict[str, set[tuple[str, ...]]]) -> None:
    # "Williams", named in full nowhere in a story of Washington, is no ex-president of
    # Dominica; "his presidency" is Trump's, and the attack is found
    assert ("ACCUSE", "donald-trump", "x-person-williams", "assailed", "asserted") in {
        e[:5] for e in found["assailed"]}
    assert not any("DMA" in e[1] + e[2] for e in found["assailed"]), found["assailed"]
    # "Volker" after "Kurt Volker" is the person, no organisation: his quotation's act is his
    assert ("CONSULT", "x-person-kurt-volker", "", "conversation", "asserted") in {
        e[:5] for e in found["volker"]}
    assert not any("x-org-" in e[1] + e[2] for e in found["volker"]), found["volker"]
    # "other leaders" name no state's government
    assert not any("GOV" in (e[1], e[2]) for e in found["volker"]), found["volker"]


@pytest.mark.slow
def test_official_of_state_department(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[1], e[6]) for e in found["official"]} == {
        ("STATEMENT", "x-person-david-holmes", "USAGOV")}


@pytest.mark.slow
def test_in_charge_is_no_charge(found: dict[str, set[tuple[str, ...]]]) -> None:
    # "you" in the quoted "do anything you ask him to" is whom Sondland speaks to (Trump),
    # not Sondland: only a quote's first person is its speaker (session 24, quote24)
    assert ("REQUEST", "", "volodymyr-zelensky", "ask", "asserted") in {
        e[:5] for e in found["in-charge"]}
    assert not any(e[3] == "charge" for e in found["in-charge"]), found["in-charge"]
