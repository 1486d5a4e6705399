"""A read of a wire page on the third public impeachment hearing (session 20,
article-extraction-benchmark, MIT): inside a quotation, what a thing, a passive with no
agent or a noun about something else does is not the speaker's act; a document released
is no captive freed; a call with someone is a phone call. The page's sentences, and
sentences of our own on the same constructions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # a thing that strikes the speaker as odd is no attack by her
    "struck": "Jennifer Williams testified. “I believe what I found unusual or different "
              "about this call was the president's reference to specific investigations. "
              "That struck me as different than other calls I had listened to,” she said.",
    # a passive with no agent in a quotation is done by no one named, not by the speaker
    "forced": "White House Press Secretary Stephanie Grisham spoke. “With the Democrats’ "
              "poll-tested ‘quid-pro-quo’ and ‘bribery’ narratives in shambles, the American "
              "public should not be forced to endure this charade for one more second,” "
              "Grisham said.",
    # a noun modifying another noun is what the speaker talks about, not her act
    "sham": "\"Today's second hearing is over, and the Democrats’ central allegation in this "
            "impeachment sham has again been completely debunked,\" White House Press "
            "Secretary Stephanie Grisham said at the conclusion of the testimonies.",
    "illegitimate": "White House Press Secretary Stephanie Grisham spoke. “We have learned "
                    "nothing new in today's illegitimate ‘impeachment’ proceedings. However, "
                    "both witnesses testified the July 25 transcript was ‘accurate’,” she added.",
    "references": "Jennifer Williams testified. “I thought that the references to specific "
                  "individuals and investigations such as former Vice President Biden and his "
                  "son struck me as political in nature given that former Vice President is a "
                  "political opponent of the president,” Williams said.",
    # our own: a speaker's "we" still acts in the quotation
    "we-attack": "“We attacked the rebels,” the Syrian army said.",
    # a document released is no release of captives; captives released are
    "released": "However, buried among the witnesses’ personal opinions and conjecture about "
                "a call the White House long ago released to the public, both witnesses "
                "testified the July 25 transcript was ‘accurate’.",
    "transcript": "Reporters read a transcript the State Department released.",
    "hostages": "Israel welcomed the hostages Hamas released.",
    # a call with someone is a phone call
    "call-with": "Trump's call with Ukrainian President Volodymyr Zelensky was irregular.",
    # a past verb "soon after" another act is past: the tweet was sent
    "tweeted": "\"A great day for Republicans, a great day for our Country! In the end, we "
               "will win and save our Country from certain destruction,” Trump tweeted soon "
               "after the House Select Committee on Intelligence concluded its third public "
               "impeachment hearings on Tuesday.",
    "tweeted-soon": "“It was a great day for our country,” Trump tweeted soon after the "
                    "hearing ended.",
    "will-soon": "Russia will soon attack Ukraine.",
    # whom a request is made to is to do what it asks
    "request": "Lt Col Alexander Vindman testified about Trump's call with Ukrainian "
               "President Volodymyr Zelensky. However, both Vindman and Williams told "
               "lawmakers that Trump’s request to Ukrainian president to investigate "
               "Democratic rivals was inappropriate.",
    # a quote opened a sentence before its attribution is the speaker's in both
    "we-official": "State Department official Kurt Volker testified. “We should be "
                   "supporting Ukraine's democracy, reforms, and its own fight against "
                   "corruption domestically, its struggle against Russia, its defense "
                   "capabilities. These are the heart of what we should be doing, and I don't "
                   "think pursuing these things serves a national interest,” Volker said.",
    "call-on": "Russia's call on Syria to attack the rebels was rejected.",
    # whom one pressures into an act is to do it, and it is sought, not done
    "pressure-into": "The impeachment hearings are an effort by Democrats to establish "
                     "whether Trump withheld US military aid to Ukraine to pressure the "
                     "country's President Volodymyr Zelensky into announcing a corruption "
                     "inquiry into Joe Biden, Trump's leading Democratic rival in the poll.",
    "forced-into": "Russia forced Belarus into attacking Ukraine.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, trigger, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("hearing20"), SENTENCES, "en", "2019-11-20",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.trigger, e.modality")[1]


@pytest.mark.slow
def test_quoted_act_of_no_actor_is_not_the_speakers(found: dict[str, set[tuple[str, ...]]]
                                                     ) -> None:
    # her one statement ("testified", which her quotation retells; before "testify" had an
    # entry, "said"), and no act on "struck"
    assert {e[0] for e in found["struck"]} == {"STATEMENT"}, found["struck"]
    assert not any(e[4] == "struck" for e in found["struck"]), found["struck"]
    assert {e[:5] for e in found["forced"]} == {("COERCE", "", "", "USA", "forced")}
    assert not any(e[4] == "impeachment" for e in found["sham"]), found["sham"]
    assert ("ACCUSE", "allege", "democratic-usa", "", "allegation", "asserted") in found["sham"]
    assert not any(e[4] == "investigations" for e in found["references"]), found["references"]
    assert not any(e[4] == "impeachment" for e in found["illegitimate"]), found["illegitimate"]
    assert found["we-attack"] == {("ASSAULT", "", "SYRMIL", "SYRREB", "attacked", "asserted")}


@pytest.mark.slow
def test_document_released_is_no_retreat(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(e[0] == "RETREAT" for e in found["released"]), found["released"]
    assert not any(e[0] == "RETREAT" for e in found["transcript"]), found["transcript"]
    # the relative clause's noun is what is released: captives, so the captives' entry
    assert {e[:3] for e in found["hostages"] if e[0] == "RETREAT"} == {
        ("RETREAT", "release", "x-org-hamas")}


@pytest.mark.slow
def test_call_with_someone_is_a_phone_call(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:5] for e in found["call-with"]} == {
        ("CONSULT", "phone", "donald-trump", "volodymyr-zelensky", "call")}


@pytest.mark.slow
def test_past_act_soon_after_another_is_asserted(found: dict[str, set[tuple[str, ...]]]
                                                  ) -> None:
    # the quoted boast ("we will win") codes no win nor promise, so the tweet is the
    # statement; never future
    assert found["tweeted"] == {("STATEMENT", "", "donald-trump", "", "tweeted", "asserted")}
    assert found["tweeted-soon"] == {("STATEMENT", "", "donald-trump", "", "tweeted", "asserted")}
    assert ("ASSAULT", "", "RUS", "UKR", "attack", "future") in found["will-soon"]


@pytest.mark.slow
def test_asked_one_does_what_a_request_asks(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:6] for e in found["request"] if e[4] in ("request", "investigate")} == {
        ("REQUEST", "", "donald-trump", "volodymyr-zelensky", "request", "asserted"),
        ("ACCUSE", "investigate", "volodymyr-zelensky", "", "investigate", "demanded")}
    assert {(e[0], e[2]) for e in found["call-on"] if e[0] == "ASSAULT"} == {("ASSAULT", "SYR")}


@pytest.mark.slow
def test_pressed_into_an_act(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["pressure-into"] == {
        ("ACCUSE", "investigate", "volodymyr-zelensky", "joe-biden", "inquiry", "demanded"),
        ("COERCE", "", "donald-trump", "volodymyr-zelensky", "pressure", "hypothetical"),
        # the aid's recipient is the target, "US military" only qualifies the aid
        ("SANCTION", "withdraw", "donald-trump", "UKR", "withheld", "hypothetical")}
    # forcing is done when told so: the act forced took place
    assert ("ASSAULT", "", "BLR", "UKR", "attacking", "asserted") in found["forced-into"]


@pytest.mark.slow
def test_quote_over_two_sentences(found: dict[str, set[tuple[str, ...]]]) -> None:
    # "we" is the speaker, a US official (his role, USAGOV, codes him as his government)
    assert ("SUPPORT", "", "x-person-kurt-volker", "UKR", "supporting", "demanded") in found[
        "we-official"]
