"""A newcomer's read of an English wire page nobody tuned on (session 20, article-extraction-
benchmark c90731f051d0: the third public impeachment hearing, November 2019): "the National
Security Council" linked to the UN's, "envoy to Kyiv" made Kyiv a person, "Lt Col" a person of
its own, "Democratic lawmakers" Ukraine's legislators, Zelensky and Schiff unknown, "the
president" Ukraine's in a story about Trump. Sentences of our own, after
that page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

HEARING = (  # the first sentence is the page's (the benchmark is MIT-licensed)
    "In the morning, Democratic lawmakers grilled Lt Col Alexander Vindman, a Ukraine specialist "
    "on the National Security Council (NSC). Later, Kurt Volker, a former special envoy to Kyiv, "
    "testified before the US Congress. The White House called the hearing a farce. Chairman "
    "Schiff closed the session, and Zelensky made no comment.")
SEATS = ("The Pentagon sent more troops to Poland. The Kremlin denied any plan to attack. "
         "Washington imposed new sanctions on Moscow.")
OTHER_COUNCIL = ("The UN Security Council met on Monday, and the Security Council condemned the "
                 "attack.")
LABOUR = "Labour MPs met Macron in France."
PRESIDENTS = ("US President Donald Trump called Ukraine's leader on July 25. Trump asked for an "
              "inquiry. Ukrainian President Volodymyr Zelensky agreed. Trump later praised the "
              "call. An aide said the president's request was unusual.")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("hearing20"), [
            {"text": text, "language": "en", "published": "2019-11-20"}
            for text in (HEARING, SEATS, OTHER_COUNCIL, LABOUR, PRESIDENTS)]) as store:
        yield store


def test_a_name_ending_in_a_known_body_s_name_is_another_body(linked: Store) -> None:
    found = linked.query("SELECT m.text, m.actor_id FROM mentions m JOIN documents d "
                         "USING (doc_id) WHERE ends_with(d.locator, ':1') AND m.text LIKE "
                         "'%Security Council'")
    assert found and all(actor != "unsc" for _, actor in found), found
    assert mention_links(linked, 3, "The UN Security Council") == {("unsc", "IGO")}
    assert mention_links(linked, 3, "the Security Council") == {("unsc", "IGO")}


def test_a_capital_after_a_preposition_of_place_is_the_state(linked: Store) -> None:
    assert mention_links(linked, 1, "Kyiv") == {("UKR", "UKR")}


def test_a_rank_alone_is_no_person(linked: Store) -> None:
    people = dict(linked.query(
        "SELECT m.text, m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':1') AND m.label = 'PERSON'"))
    assert "Lt Col" not in people
    assert "x-person-alexander-vindman" in people.values(), people


def test_a_party_adjective_gives_lawmakers_the_party_s_state(linked: Store) -> None:
    assert mention_links(linked, 1, "lawmakers") == {("USALEG", "USALEG")}  # not Ukraine's


def test_a_party_name_many_states_share_needs_the_story_s_state(linked: Store) -> None:
    assert mention_links(linked, 4, "MPs") == {("FRALEG", "FRALEG")}  # not St Kitts' Labour


@pytest.mark.parametrize(("name", "link"), [
    ("Zelensky", ("volodymyr-zelensky", "UKRGOV")),
    ("Schiff", ("adam-schiff", "USALEG")),
])
def test_people_of_the_hearing_are_known(linked: Store, name: str, link: tuple[str, str]) -> None:
    assert mention_links(linked, 1, name) == {link}


def test_the_president_is_the_one_the_story_names_most(linked: Store) -> None:
    # Zelensky is the last president named before "the president's", Trump the one named most
    assert mention_links(linked, 5, "president") == {("donald-trump", "USAGOV")}


@pytest.mark.parametrize("seat", ["Pentagon", "Kremlin", "Washington"])
def test_a_seat_of_power_stands_for_its_state(linked: Store, seat: str) -> None:
    # the convention of our actor gold (benchmarks/gold/actors/README.md), not CAMEO's USAGOV
    assert {actor for actor, _ in mention_links(linked, 2, seat)} <= {"USA", "RUS"}


UK_PARTIES = ("LONDON (AP) — Britain's Conservative Party was accused Wednesday of trying to "
              "deceive voters. The Conservatives and the Labour Party attacked each other, and "
              "Jeremy Corbyn spoke for the opposition.")
OTHER_STATES_PARTY = "The Conservative Party of Colombia backed Duque in Bogotá."
UNKNOWN_PARTY = "Australia's Liberal Party lost the vote in Sydney."  # not Colombia's


@pytest.fixture(scope="module")
def parties(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("parties20"), [
            {"text": text, "language": "en", "published": "2019-11-20"}
            for text in (UK_PARTIES, OTHER_STATES_PARTY, UNKNOWN_PARTY)]) as store:
        yield store


@pytest.mark.parametrize(("line", "name", "link"), [
    (1, "Conservative Party", ("conservative-gbr", "GBRPTY")),
    (1, "Conservatives", ("conservative-gbr", "GBRPTY")),
    (1, "the Labour Party", ("labour-gbr", "GBRPTY")),  # not St Kitts and Nevis's
    (1, "Jeremy Corbyn", ("jeremy-corbyn", "GBROPP")),
    (2, "Conservative Party", ("pc-col", "COLPTY")),
])
def test_a_party_name_many_states_share_is_the_named_state_s(
        parties: Store, line: int, name: str, link: tuple[str, str]) -> None:
    assert mention_links(parties, line, name) == {link}


def test_a_shared_party_name_of_a_state_the_kb_lacks_is_no_other_state_s(parties: Store) -> None:
    assert {role for _, role in mention_links(parties, 3, "Liberal Party")} == {None}
