"""Events of session 23 (issue 11, English dev texts of our gold and a newcomer's read of a
Politico page on a congressman's retirement): an intention the author reports, a belief of
third parties, an alleged act, an event noun after "open", a rejected act of force, an
ellipsis with "do", a verb of answering, a party name tagged as a person. Sentences of our
own."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # the doer's intention the author reports: one future act, no concession announced
    "planning": "Senator Dan Crow is planning to retire from Congress.",
    "said planning": "Senator Dan Crow said he is planning to retire from Congress.",
    # a belief is its holders', not the author's: what they suspect or believe is not asserted
    "suspect": "Some Republicans suspect Senator Dan Crow lied to help Donald Trump.",
    "believe": "Many Democrats believe Donald Trump fired the prosecutor.",
    # what an accusation alleges, in a sentence and in a headline with no auxiliary
    "accused": "Nancy Pelosi accused Donald Trump of attacking journalists.",
    "headline": "Donald Trump accused of trying to help elect Boris Johnson",
    # "open" is a light verb: the event noun is the trigger, done by whom the subject names
    "opened": ("Raúl Melara's office had opened investigations into the government's "
               "purchases."),
    # rejecting an act of force done condemns it; rejecting a proposal refuses it
    "rejected act": "The Organization of American States rejected the dismissals.",
    "rejected offer": "Mexico rejected the proposal of Guatemala.",
    # an ellipsis with "do" repeats the act before it for its own subject
    "did so": ("Guatemala moved its embassy in Israel to Jerusalem, shortly after the United "
               "States did so."),
    "as did": "Argentina recognised Juan Guaidó as president, as did Brazil.",
    "same": "Peru expelled the Venezuelan ambassador, and Chile did not do the same.",
    # answering that ... is saying it
    "answered": "Nayib Bukele answered on Twitter that El Salvador was cleaning house.",
    # a party's name the tagger reads as a person's is the party, here and after
    "party": ("El Salvador's Legislative Assembly, controlled by Nayib Bukele's Nuevas Ideas "
              "party, met on Saturday. Nuevas Ideas won a two-thirds majority."),
}
COLUMNS = "e.trigger, e.type, e.source_id, e.target_id, e.modality"


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("en23"), SENTENCES, "en", "2021-05-03",
                              COLUMNS)[1]


def test_a_reported_intention_is_one_future_act(coded: dict[str, set[tuple]]) -> None:
    assert coded["planning"] == {("retire", "RETREAT", "x-person-dan-crow", None, "future")}
    # said so, it is announced: the concession is coded beside the act
    assert ("retire", "CONCEDE", "x-person-dan-crow", None, "asserted") in coded["said planning"]


def test_what_a_belief_holds_is_not_asserted(coded: dict[str, set[tuple]]) -> None:
    assert ("help", "AID", "x-person-dan-crow", "donald-trump",
            "hypothetical") in coded["suspect"]
    assert ("fired", "COERCE", "donald-trump", "USAJUD", "hypothetical") in coded["believe"]


def test_an_alleged_act_is_not_asserted(coded: dict[str, set[tuple]]) -> None:
    assert ("accused", "ACCUSE", "x-person-nancy-pelosi", "donald-trump",
            "asserted") in coded["accused"]
    assert {e[4] for e in coded["accused"] if e[0] == "attacking"} == {"hypothetical"}
    assert ("accused", "ACCUSE", None, "donald-trump", "asserted") in coded["headline"]
    assert ("elect", "SUPPORT", "donald-trump", "boris-johnson",
            "hypothetical") in coded["headline"]
    assert not any(e[4] == "asserted" for e in coded["headline"] if e[0] != "accused")


def test_opened_investigations_code_the_noun(coded: dict[str, set[tuple]]) -> None:
    assert coded["opened"] == {("investigations", "ACCUSE", "x-person-raul-melara", "GOV",
                                "asserted")}


def test_a_rejected_act_of_force_is_condemned(coded: dict[str, set[tuple]]) -> None:
    assert coded["rejected act"] == {("rejected", "ACCUSE", "oas", None, "asserted")}
    assert coded["rejected offer"] == {("rejected", "REJECT", "MEX", "GTM", "asserted")}


def test_an_ellipsis_with_do_repeats_the_act(coded: dict[str, set[tuple]]) -> None:
    assert ("did", "SUPPORT", "USA", "ISR", "asserted") in coded["did so"]
    assert ("did", "SUPPORT", "BRA", "juan-guaido", "asserted") in coded["as did"]
    assert ("do", "SANCTION", "CHL", "VENGOV", "negated") in coded["same"]
    assert ("expelled", "SANCTION", "PER", "VENGOV", "asserted") in coded["same"]


def test_answering_that_is_a_statement(coded: dict[str, set[tuple]]) -> None:
    assert coded["answered"] == {("answered", "STATEMENT", "nayib-bukele", None, "asserted")}


def test_a_party_name_tagged_a_person_is_the_party(coded: dict[str, set[tuple]]) -> None:
    assert ("won", "SUPPORT", None, "ni-slv", "asserted") in coded["party"]
