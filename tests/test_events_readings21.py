"""A newcomer's read of two unread AP pages (session 21, article-extraction-benchmark
e7994d550087: the Conservatives' "factcheckUK" account, and c90731f051d0: the third
impeachment hearing, both 2019-11-20). The pages' sentences, or ours of the same construction."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "each other": "In their first TV debate of the election on Tuesday, Johnson and Corbyn "
                  "attacked each other's policies on Brexit, health care and the economy.",
    "one another": "Boris Johnson and Jeremy Corbyn criticized one another.",
    # the page's paragraphs: the quote closes its paragraph, and the next names Corbyn
    "urged": "Johnson is under fire for failing to deliver on his often-repeated vow that Britain "
             "would leave the EU on Oct. 31.\nAudience members laughed when he urged voters, "
             "“Look what I have said I’m going to do as a politician and look what I’ve "
             "delivered.”\nCorbyn, a stolid socialist, is accused by critics of promoting high-tax "
             "policies and of failing to clamp down on anti-Semitism within his party.",
    "urged, named": "After Jeremy Corbyn spoke, Boris Johnson urged voters, “Look what I have "
                    "said I will do.”",
    "satire": "The chairman of the Conservative Party described the doctored video as "
              "lighthearted satire.",
    "decent": "Donald Trump described Joe Biden as a decent man.",
    "it": "In a reflection of the confusion, the Electoral Commission, which regulates campaign "
          "finances, issued a statement warning that “voters are entitled to transparency and "
          "integrity from campaigners in the lead-up to an election.’’\nCritically, however, it "
          "pointed out that it doesn’t have “a role in regulating election campaign content.”",
    "cleggmania": "A confident 2010 appearance by former Liberal Democrat leader Nick Clegg "
                  "sparked a wave of “Cleggmania” that helped to propel him into the deputy "
                  "prime minister post in a coalition government with the Conservatives.",
    "judged call": "Kurt Volker and Tim Morrison said that the call with Zelensky was not in line "
                   "with American national security goals.",
    "will win": "“In the end, we will win and save our Country from certain destruction,” Trump "
                "tweeted soon after the House Select Committee on Intelligence concluded its "
                "third public impeachment hearings on Tuesday.",
    "won": "Boris Johnson won the election in Britain.",
    "refusal": "Jeremy Corbyn spoke in London. His refusal to say which side he would be on in a "
               "Brexit referendum was also met with hoots of laughter.",
    # a seed's sentence: a failed coup was attempted, and is coded (CAMEO codes attempts)
    "failed coup": "The failure of the 2002 Venezuela coup showed that Washington needed to pivot "
                   "towards the color revolution model.",
    # a seed's sentence: states named by a common noun back someone as their names would
    "countries": "The US, after losing its influence in Mexico, Argentina and Bolivia, countries "
                 "that recognize Nicolás Maduro as president of the Caribbean nation, will press "
                 "to prevent Peru from following that path.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    folder: Path = tmp_path_factory.mktemp("readings21")
    return events_by_sentence(folder, SENTENCES, "en", "2019-11-20",
                              "e.type, e.trigger, e.source_id, e.target_id, e.speaker_id, "
                              "e.modality")[1]


def test_reciprocal_object_makes_each_subject_the_others_target(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    pairs = {(e[2], e[3]) for e in found["each other"] if e[0] == "ACCUSE"}
    assert len(pairs) == 2 and all(source and target and source != target
                                   for source, target in pairs), found["each other"]
    assert {(e[2], e[3]) for e in found["one another"]} == {
        ("boris-johnson", "jeremy-corbyn"), ("jeremy-corbyn", "boris-johnson")}


def test_a_quote_a_verb_introduces_is_its_subjects(found: dict[str, set[tuple[str, ...]]]
                                                   ) -> None:
    for key in ("urged", "urged, named"):
        said = {e for e in found[key] if e[1] == "said"}
        assert {(e[2], e[4]) for e in said} == {("boris-johnson", "boris-johnson")}, found[key]
    # the next paragraph is a sentence of its own: Corbyn is accused, and says nothing
    assert not any(e[2] == "jeremy-corbyn" for e in found["urged"]), found["urged"]


def test_a_good_label_on_a_thing_is_a_statement(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:2] for e in found["satire"]} == {("STATEMENT", "described")}, found["satire"]
    assert {e[:4] for e in found["decent"]} == {  # of a person, praise of that person
        ("SUPPORT", "described", "donald-trump", "joe-biden")}


def test_it_is_no_plural_group(found: dict[str, set[tuple[str, ...]]]) -> None:
    # both statements are the commission's (the store keeps one of the two alike)
    assert {e[2] for e in found["it"]} == {"x-org-electoral-commission"}, found["it"]


def test_a_place_no_actor_names_does_nothing(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any((e[2] or "").startswith("x-place-") for e in found["cleggmania"]), found[
        "cleggmania"]


def test_coordinated_speakers_each_state_what_they_judge(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    said = {e[2] for e in found["judged call"] if e[:2] == ("STATEMENT", "said")}
    assert said == {"x-person-kurt-volker", "x-person-tim-morrison"}, found["judged call"]
    # the call they judge is no act of theirs
    assert {(e[2], e[3]) for e in found["judged call"] if e[1] == "call"} == {
        (None, "volodymyr-zelensky")}, found["judged call"]


def test_a_win_foretold_is_no_office_nor_promise(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:3] for e in found["will win"]} == {("STATEMENT", "tweeted", "donald-trump")}
    assert ("SUPPORT", "won", None, "boris-johnson") in {e[:4] for e in found["won"]}


def test_what_one_refuses_to_say_is_not_said(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[5] for e in found["refusal"] if e[1] == "say"} == {"negated"}, found["refusal"]


def test_the_failure_of_an_act_is_no_negation_of_it(found: dict[str, set[tuple[str, ...]]]
                                                   ) -> None:
    # "his refusal to say" negates what follows it; "the failure of the coup" tells how the
    # coup ended, not that there was none
    assert ("COERCE", "coup", None, "VEN", None, "asserted") in found["failed coup"]


def test_states_named_by_a_common_noun_are_no_thing(found: dict[str, set[tuple[str, ...]]]
                                                    ) -> None:
    # the thing-doer rule ("tariffs help companies") leaves "countries that recognize" alone
    assert any(e[:2] == ("SUPPORT", "recognize") and e[3] == "nicolas-maduro"
               for e in found["countries"]), found["countries"]
