"""Events from a newcomer's read of an English political page (session 22: Politico on a
congressman's retirement, trafilatura-eval, Apache-2.0), second round: taking over with no
object, a document the press obtained, a retirement declared, a possessive in a gerund
adjunct, a relative's own name, "who" after a place, what is not ruled out. Sentences of our
own, after that page."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # succeeding someone is no seizure; taking over a building is
    "succeed": ("Senator Dan Crow arranged his exit to position his daughter, Ann Crow, to "
                "take over."),
    "seize": "Rebels took over the parliament building in Kyiv.",
    # whoever obtained the document did not do what it is about
    "obtained": ("Ruth Harlan will speak at a dinner, according to an invitation obtained by "
                 "Reuters."),
    # a retirement from office is a resignation, declared or announced
    "declared": "In 1998, Senator Dan Crow declared his retirement three days before the deadline.",
    "retired": "Senator Dan Crow retired from Congress in 2012.",
    "rumours": "After denying retirement rumours, Senator Dan Crow resigned in August.",
    # the possessive in a subjectless gerund adjunct is the main subject's, not the last
    # person named before
    "gerund": ("Senator Dan Crow lost his seat. In announcing his retirement, Senator Paul "
               "Harlan said he never planned to stay long."),
    # a relative is another person: the one named beside the same kin noun, or no one
    "kin named": ("Senator Dan Crow arranged for his son, Tom Crow, to run. Dan Crow persuaded "
                  "the party to nominate his son to replace him."),
    "kin unnamed": "Dan Crow persuaded the party to nominate his son to replace him.",
    "kin before": ("Congressman Paul Harlan will leave Congress. Lynda Bennett is friendly with "
                   "Ruth Harlan, the congressman's wife. The congressman's wife appears to be "
                   "supporting Bennett's bid."),
    # the possessive in a purpose infinitive is its controller's, here through "who"
    "purpose": ("Senator Paul Harlan declared his retirement in 1998. Another example: Senator "
                "Dan Crow, who timed his exit to position his son, Tom Crow, to run. Dan Crow "
                "later persuaded the party to nominate his son."),
    # "who" stands for no place
    "who": ("The retirement of Senator Dan Crow has angered some senators in the state who "
            "suspect he lied to help a friend."),
    # what is not ruled out may happen
    "not ruled out": "Senator Dan Crow has not ruled out resigning before the end of his term.",
    "ruled out": "Senator Dan Crow ruled out resigning before the end of his term.",
    # an object quantified by "no" negates its verb
    "no object": ("Ruth Harlan appears to be supporting Dan Crow, though she has offered no "
                  "formal endorsement."),
}
COLUMNS = "e.trigger, e.type, e.source_id, e.target_id, e.modality"
SPANISH = {"no descartó": "El ministro Carlos Pérez no descartó renunciar antes de fin de año."}


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("en22n2"), SENTENCES, "en", "2019-12-30",
                              COLUMNS)[1]


def test_taking_over_with_no_object_is_no_seizure(coded: dict[str, set[tuple]]) -> None:
    assert not any(e[1] == "COERCE" for e in coded["succeed"])
    assert ("took", "COERCE", "UKRREB", "UKRLEG", "asserted") in coded["seize"]


def test_who_obtained_a_document_is_not_its_source(coded: dict[str, set[tuple]]) -> None:
    assert not any(e[0] == "invitation" for e in coded["obtained"])


def test_a_retirement_from_office_is_a_resignation(coded: dict[str, set[tuple]]) -> None:
    assert coded["declared"] == {
        ("retirement", "RETREAT", "x-person-dan-crow", None, "asserted")}
    assert ("retired", "RETREAT", "x-person-dan-crow", None, "asserted") in coded["retired"]
    # a noun that only qualifies another codes nothing of its own
    assert not any(e[0] == "retirement" for e in coded["rumours"])


def test_a_possessive_in_a_gerund_adjunct_is_the_main_subjects(
        coded: dict[str, set[tuple]]) -> None:
    assert ("retirement", "RETREAT", "x-person-paul-harlan", None, "asserted") in coded["gerund"]
    assert not any("x-person-dan-crow" in e for e in coded["gerund"])


def test_a_kin_noun_is_not_its_possessor(coded: dict[str, set[tuple]]) -> None:
    assert ("nominate", "SUPPORT", "PTY", "x-person-tom-crow", "asserted") in coded["kin named"]
    assert ("nominate", "SUPPORT", "PTY", None, "asserted") in coded["kin unnamed"]
    assert ("nominate", "SUPPORT", "PTY", "x-person-tom-crow", "asserted") in coded["purpose"]
    assert coded["kin before"] == {("supporting", "SUPPORT", "x-person-ruth-harlan",
                                    "x-person-lynda-bennett", "asserted")}


def test_who_after_a_place_stands_for_the_people(coded: dict[str, set[tuple]]) -> None:
    (suspect,) = [e for e in coded["who"] if e[0] == "suspect"]
    assert suspect[1:4] == ("ACCUSE", "LEG", "x-person-dan-crow")  # not the state's GOV


def test_what_is_not_ruled_out_is_possible(coded: dict[str, set[tuple]]) -> None:
    assert ("resigning", "RETREAT", "x-person-dan-crow", None,
            "hypothetical") in coded["not ruled out"]
    assert ("resigning", "RETREAT", "x-person-dan-crow", None, "negated") in coded["ruled out"]


def test_an_object_quantified_by_no_negates_its_verb(coded: dict[str, set[tuple]]) -> None:
    assert ("offered", "AGREE", "x-person-ruth-harlan", None, "negated") in coded["no object"]
    assert ("supporting", "SUPPORT", "x-person-ruth-harlan", "x-person-dan-crow",
            "asserted") in coded["no object"]


def test_lo_que_no_se_descarta_es_posible(tmp_path_factory: pytest.TempPathFactory) -> None:
    coded = events_by_sentence(tmp_path_factory.mktemp("es22n2"), SPANISH, "es", "2019-12-30",
                               COLUMNS)[1]
    assert ("renunciar", "RETREAT", "x-person-carlos-perez", None,
            "hypothetical") in coded["no descartó"]
