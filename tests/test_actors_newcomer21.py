"""A newcomer's read of two English pages nobody tuned on (session 21, article-extraction-
benchmark aec5deeaada8, AP's preview of the November 2019 Democratic debate, and b6906ca016bb,
PolitiFact's guide to Trump's tariffs): the question headings "WHO IS THE FRONT-RUNNER?" and
"CAN THEY SAVE THEMSELVES?" linked the WHO and the Andean Community, "Will Warren continue..."
made a person "Will Warren" whom every later "Warren" joined, "the most popular Democrat" was an
unknown group, "to court voters" a court, "foreign exporters" American businesses and "their
employees" China's workers; the candidates were unknown. The pages' sentences (the benchmark is
MIT-licensed), cut short, and sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

DEBATE = (
    "7 key questions heading into the 2020 Democratic debate\n"
    "WHO IS THE FRONT-RUNNER?\n"
    "As much as Joe Biden is still a front-runner, so are Elizabeth Warren, Pete Buttigieg and "
    "Bernie Sanders. Warren was under near-constant attack last month as a new leader. Will "
    "Warren continue to face the heat, or will the ascendant Buttigieg or weakening Biden take "
    "more hits?\n"
    "Former President Barack Obama, the most popular Democrat in America, inserted himself into "
    "the 2020 primary. Some senators worry that a prospective impeachment trial will interfere "
    "with their ability to court voters early next year.\n"
    "CAN THEY SAVE THEMSELVES?\n"
    "New Jersey Sen. Cory Booker, Hawaii Rep. Tulsi Gabbard and businessman Andrew Yang are under "
    "enormous pressure.")
TARIFFS = (
    "\"Thanks to my tariffs, we're taking in billions and billions of dollars from a country "
    "that never gave us 10 cents, China.\"\n"
    "Backers of tariffs say that they help American companies become more competitive with "
    "their foreign counterparts. As those companies prosper, the thinking goes, they can hire "
    "more workers and pay their employees better.\n"
    "\"If the U.S. imposes a tariff on Chinese televisions, the duty is paid at the border,\" "
    "he said. When the United States slaps tariffs on goods, it isn't foreign exporters that "
    "make the payment.")
OTHERS = ("The WHO warned of a new outbreak on Monday. Will Hurd, a Texas congressman, spoke "
          "later.")
COURT = "The case went to court."
SCHOLZ = "Social Democrat Olaf Scholz spoke in Berlin about Germany."


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("newcomer21"), [
            {"text": text, "language": "en", "published": published}
            for text, published in ((DEBATE, "2019-11-20"), (TARIFFS, "2019-11-18"),
                                    (OTHERS, "2019-11-20"), (COURT, "2019-11-20"),
                                    (SCHOLZ, "2019-11-20"))]) as store:
        yield store


def _linked_texts(store: Store, line: int) -> set[str]:
    return {row[0] for row in store.query(
        "SELECT m.text FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ?) AND m.actor_id IS NOT NULL", [f":{line}"])}


def test_a_question_heading_s_first_word_names_no_acronym(linked: Store) -> None:
    assert not {"WHO", "CAN"} & _linked_texts(linked, 1)
    assert mention_links(linked, 3, "WHO") == {("who", "IGO")}  # the body itself still links


def test_a_question_s_auxiliary_is_no_given_name(linked: Store) -> None:
    assert mention_links(linked, 1, "Warren") == {("elizabeth-warren", "USALEG")}
    assert "Will Warren" not in _linked_texts(linked, 1)
    assert mention_links(linked, 3, "Will Hurd") == {("x-person-will-hurd", None)}


def test_the_primary_s_candidates_have_their_offices(linked: Store) -> None:
    assert mention_links(linked, 1, "Pete Buttigieg") == {("pete-buttigieg", "USAGOV")}
    assert mention_links(linked, 1, "Bernie Sanders") == {("bernie-sanders", "USALEG")}
    assert mention_links(linked, 1, "Cory Booker") == {("cory-booker", "USALEG")}
    assert mention_links(linked, 1, "Tulsi Gabbard") == {("tulsi-gabbard", "USALEG")}
    assert mention_links(linked, 1, "Andrew Yang") == {("andrew-yang", "USABUS")}


def test_a_democrat_is_a_member_of_the_party_of_the_story_s_state(linked: Store) -> None:
    assert mention_links(linked, 1, "Democrat") == {("democratic-usa", "USAPTY")}
    # Germany's Social Democrats are no party the knowledge base knows
    assert mention_links(linked, 5, "Democrat") == {("x-group-democrat", None)}


def test_an_infinitive_s_verb_is_no_agent_noun(linked: Store) -> None:
    assert "court" not in _linked_texts(linked, 1)
    assert mention_links(linked, 4, "court") == {("JUD", "JUD")}


def test_foreign_bodies_and_possessed_workers(linked: Store) -> None:
    assert mention_links(linked, 2, "exporters") == {("BUS", "BUS")}
    assert mention_links(linked, 2, "workers") == {("USALAB", "USALAB")}
    assert mention_links(linked, 2, "employees") == {("USALAB", "USALAB")}
