"""A newcomer's read of two pages of the article-extraction benchmark (session 21, MIT):
PolitiFact's guide to Trump's tariffs (2019-11-18) and AP's questions before the Democratic
debate (2019-11-20). Harm that is economic or electoral is no attack, a rally one speaks at
no protest, tariffs in general no act of whoever mentions them; passives and verbs that tell
what became of a sanction still code and date it; what is only supposed (an inverted
condition, a "when" clause, an opening for others to act) is not asserted. The pages'
sentences, and sentences of our own on the same constructions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger, "
           "e.modality, e.date")

TARIFFS = {
    # harm to companies, farmers or output by a thing: no physical attack
    "thus-hurting": "The situation can worsen if other countries raise trade barriers against "
                    "the United States, thus hurting U.S. companies that export to the rest "
                    "of the world.",
    "thereby-hurting": "Facing higher prices for Chinese goods, U.S. consumers may choose to "
                       "buy fewer Chinese goods, thereby hurting China’s gross domestic "
                       "product.",
    "retaliatory": "Retaliatory tariffs imposed by China have particularly hurt U.S. farmers.",
    # the same verb in a sentence of violence is an attack
    "hurt-violence": "Soldiers hurt three protesters with rubber bullets.",
    # a rally one speaks at is the setting of the speech
    "rally": "\"We talk about it all the time, but under this administration, the great "
             "betrayal is over,\" Trump said at a rally in Monroe, La., on Nov. 6, 2019.",
    "rally-protest": "Thousands of farmers held a rally against the tariffs in Paris.",
    # tariffs in general, quoted: no act of the economist quoted
    "tax": "\"As a general matter, import tariffs are a tax,\" said Lawrence White, a "
           "professor at New York University’s Stern School of Business.",
    "extra": "\"The overall impact is now over $4 billion per month in extra tariffs on a wide "
             "range of goods,\" said Daniel Anthony, vice president of the Trade Partnership, "
             "a trade-focused consulting firm in Washington.",
    # a passive, a verb telling what became of the tariffs: coded and dated by that verb
    "increased": "Tariffs on Chinese goods were increased from 10% to 25% in May 2019, and the "
                 "list of impacted goods expanded in September 2019 to cover some clothes, "
                 "shoes, televisions and Bluetooth devices.",
    "imposed": "Tariffs have also been imposed on imports from the European Union, including "
               "many food products.",
    "took-effect": "China-specific tariffs took effect in July 2018, primarily covering "
                   "machinery, followed by additional tariffs on China in August 2018 that "
                   "covered plastics, more machinery, and electrical equipment.",
    # what happens whenever tariffs are slapped on: no act reported
    "when": "When the United States slaps tariffs on goods, it isn’t foreign exporters that "
            "make the payment.",
    "when-past": "When the United States slapped tariffs on steel, Canada protested.",
}

DEBATE = {
    "impeachment-hurt": "Others fear that impeachment could hurt their party’s more vulnerable "
                        "candidates in down-ballot elections next year.",
    # "for X to VERB": X does it, and an opening to do it is only a possibility
    "opening": "Obama’s involvement creates an opening for moderates Buttigieg, Biden and Amy "
               "Klobuchar to attack Warren.",
    # offering a reminder is no offer
    "reminder": "At the same time, Obama’s involvement offers a powerful reminder of the "
                "massive role African Americans will play in the presidential nomination "
                "process.",
    "offer-talks": "Obama offered talks to the Democratic Party.",
    # a condition by inversion: supposed, and the House votes
    "should": "They have all come out in favor of impeachment — some more aggressively than "
              "others — but it’s noteworthy that five of the 10 Democrats on stage will serve "
              "as jurors in the Senate impeachment trial should the House vote to impeach "
              "President Donald Trump.",
    # under attack: the attack is endured, dated by its clause
    "under-attack": "As much as Joe Biden is still a front-runner, so are Elizabeth Warren, "
                    "Pete Buttigieg and Bernie Sanders. Warren was under near-constant attack "
                    "last month as a new leader.",
}


@pytest.fixture(scope="module")
def tariffs(tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, trigger, modality, date)}}."""
    yield events_by_sentence(tmp_path_factory.mktemp("newcomer_en21_tariffs"), TARIFFS, "en",
                             "2019-11-18", COLUMNS)[1]


@pytest.fixture(scope="module")
def debate(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, trigger, modality, date)}}."""
    yield events_by_sentence(tmp_path_factory.mktemp("newcomer_en21_debate"), DEBATE, "en",
                             "2019-11-20", COLUMNS)[1]


@pytest.mark.slow
def test_economic_or_electoral_harm_is_no_attack(
        tariffs: dict[str, set[tuple[str, ...]]], debate: dict[str, set[tuple[str, ...]]]
) -> None:
    assert tariffs["thus-hurting"] == set()
    assert tariffs["thereby-hurting"] == set()
    assert {e[:4] for e in tariffs["retaliatory"]} == {("SANCTION", "CHN", "", "tariffs")}
    assert debate["impeachment-hurt"] == set()
    assert {e[0] for e in tariffs["hurt-violence"]} == {"ASSAULT"}


@pytest.mark.slow
def test_rally_spoken_at_is_no_protest(tariffs: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[0] for e in tariffs["rally"]} == {"STATEMENT"}
    assert "PROTEST" in {e[0] for e in tariffs["rally-protest"]}


@pytest.mark.slow
def test_tariffs_in_general_are_no_act_of_the_speaker(
        tariffs: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:4] for e in tariffs["tax"]} == {
        ("STATEMENT", "x-person-lawrence-white", "", "said")}
    assert {e[:4] for e in tariffs["extra"]} == {
        ("STATEMENT", "x-person-daniel-anthony", "", "said")}


@pytest.mark.slow
def test_passive_and_telling_verbs_code_and_date_sanctions(
        tariffs: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[2], e[5]) for e in tariffs["increased"]} == {
        ("SANCTION", "CHN", "2019-05")}
    assert {e[:5] for e in tariffs["imposed"]} == {
        ("SANCTION", "", "eu", "imposed", "asserted")}
    # "China-specific" names whom the tariffs are aimed at; they took effect in July, and
    # the later tariffs, agent of "followed", take its date
    assert tariffs["took-effect"] == {
        ("SANCTION", "", "CHN", "tariffs", "asserted", "2018-07"),
        ("SANCTION", "", "CHN", "tariffs", "asserted", "2018-08")}


@pytest.mark.slow
def test_present_when_clause_is_no_act(tariffs: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:5] for e in tariffs["when"]} == {
        ("SANCTION", "USA", "", "slaps", "hypothetical")}
    assert ("SANCTION", "USA", "", "slapped", "asserted") in {
        e[:5] for e in tariffs["when-past"]}


@pytest.mark.slow
def test_for_subject_of_an_opening(debate: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:5] for e in debate["opening"]} == {
        ("ACCUSE", who, "elizabeth-warren", "attack", "hypothetical")
        for who in ("pete-buttigieg", "joe-biden", "amy-klobuchar")}


@pytest.mark.slow
def test_a_reminder_is_no_offer(debate: dict[str, set[tuple[str, ...]]]) -> None:
    assert debate["reminder"] == set()
    assert {e[:4] for e in debate["offer-talks"]} == {
        ("AGREE", "barack-obama", "democratic-usa", "offered")}


@pytest.mark.slow
def test_inverted_condition(debate: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("ACCUSE", "USALEG", "donald-trump", "impeach", "hypothetical", "2019-11-20") in (
        debate["should"])


@pytest.mark.slow
def test_under_attack(debate: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:6] for e in debate["under-attack"]} == {
        ("ACCUSE", "", "elizabeth-warren", "attack", "asserted", "2019-10")}
