"""Events of session 23's second pass (issue 11, English dev texts of our gold): judges and
lawmakers placed by their context, a capitalised bare body noun, event nouns that report an
earlier event again, condemnations aimed at the doers of the act condemned, "it" for a party
tagged a person, the gerund of "accused X of doing". Sentences of our own."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import events_by_sentence, jsonl_store, mention_links

SENTENCES = {
    # a sector noun no word of its own places belongs to the state its sentence names
    "magistrates": ("El Salvador's Legislative Assembly voted on Saturday to dismiss the five "
                    "magistrates of the Constitutional Chamber."),
    "judges": ("Nuevas Ideas accused the judges of putting private interests above the lives "
               "of Salvadorans."),
    # a definite event noun with no actor of its own reports the earlier event again
    "dismissals": ("El Salvador's Legislative Assembly voted to dismiss the attorney general, "
                   "Raúl Melara. The Constitutional Chamber met at night and declared the "
                   "dismissals unconstitutional."),
    "no antecedent": ("The Constitutional Chamber met at night and declared the dismissals "
                      "unconstitutional."),
    # a meeting named again is a topic, not a second report of the act
    "meeting": ("Luiz Inácio Lula da Silva met Alberto Fernández in Brasília on Monday. The "
                "meeting lasted two hours."),
    # condemning the act is aimed at its doer; "it" after such a condemnation is the act
    "reactions": ("El Salvador's Legislative Assembly voted to dismiss the attorney general, "
                  "Raúl Melara. The Organization of American States rejected the dismissal, "
                  "and Diego García-Sayán condemned it."),
    # a party's name the tagger reads as a person's is an organisation "it" can stand for
    "it party": ("Nuevas Ideas won a two-thirds majority in the February election. With its "
                 "allies it removed the judges of the Supreme Court."),
    # the gerund of "accused X of doing" is X's act, the preposition hung on X
    "gerund": "Nancy Pelosi accused Donald Trump of attacking journalists.",
}
COLUMNS = "e.trigger, e.type, e.source_id, e.target_id"


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, set[tuple]]]:
    return events_by_sentence(tmp_path_factory.mktemp("en23b"), SENTENCES, "en", "2021-05-03",
                              COLUMNS)


def _reports(db: Path, key: str) -> set[tuple]:
    """(trigger, type, source, target) of every report of every event of one sentence's
    document: an event noun that reports an earlier event is a mention of that event."""
    number = list(SENTENCES).index(key) + 1
    with duckdb.connect(str(db), read_only=True) as con:
        return {tuple(r) for r in con.execute(
            "SELECT m.trigger, e.type, e.source_id, e.target_id FROM events e "
            "JOIN event_mentions m ON m.doc_id = e.doc_id AND m.event = e.idx "
            "JOIN documents d ON d.doc_id = e.doc_id WHERE ends_with(d.locator, ?)",
            [f":{number}"]).fetchall()}


def test_sector_nouns_take_the_state_of_their_sentence(
        coded: tuple[Path, dict[str, set[tuple]]]) -> None:
    assert coded[1]["magistrates"] == {("dismiss", "COERCE", "SLVLEG", "SLVJUD")}
    assert coded[1]["judges"] == {("accused", "ACCUSE", "ni-slv", "SLVJUD")}


def test_a_definite_event_noun_reports_the_earlier_event(
        coded: tuple[Path, dict[str, set[tuple]]]) -> None:
    reports = _reports(coded[0], "dismissals")
    assert ("dismissals", "COERCE", "SLVLEG", "x-person-raul-melara") in reports
    assert ("dismiss", "COERCE", "SLVLEG", "x-person-raul-melara") in reports
    # with no earlier report, a dismissal of nobody named is no event
    assert not any(r[0] == "dismissals" for r in _reports(coded[0], "no antecedent"))
    assert not any(r[0] == "meeting" for r in _reports(coded[0], "meeting"))


def test_condemning_an_act_is_aimed_at_its_doer(
        coded: tuple[Path, dict[str, set[tuple]]]) -> None:
    events = coded[1]["reactions"]
    assert ("rejected", "ACCUSE", "oas", "SLVLEG") in events
    assert ("condemned", "ACCUSE", "x-person-diego-garcia-sayan", "SLVLEG") in events


def test_it_stands_for_a_party_tagged_a_person(
        coded: tuple[Path, dict[str, set[tuple]]]) -> None:
    assert ("removed", "COERCE", "ni-slv", "SLVJUD") in coded[1]["it party"]


def test_the_accused_does_the_gerund(coded: tuple[Path, dict[str, set[tuple]]]) -> None:
    assert coded[1]["gerund"] == {("accused", "ACCUSE", "x-person-nancy-pelosi", "donald-trump"),
                                  ("attacking", "ASSAULT", "donald-trump", "USAMED")}


def test_a_capitalised_body_noun_is_the_body_named_before(tmp_path: Path) -> None:
    text = ("El Salvador's Legislative Assembly met on Saturday. The Assembly named Rodolfo "
            "Delgado as attorney general, and Nayib Bukele had sent soldiers into the previous "
            "Assembly last year.")
    with jsonl_store(tmp_path, [{"text": text, "language": "en",
                                 "published": "2021-05-03"}]) as store:
        assert mention_links(store, 1, "Assembly") == {("SLVLEG", "SLVLEG")}
