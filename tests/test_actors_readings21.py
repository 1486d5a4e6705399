"""A newcomer's read of two unread AP pages (session 21, article-extraction-benchmark
e7994d550087, the factcheckUK account, and c90731f051d0, the third impeachment hearing):
"chief executive of the London-based ... website" was Britain's government, and the Democrats
Trump attacked were Bolivia's party. The pages' sentences, or ours of the same construction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

TEXTS = [
    "“It was an attempt to mislead voters,’’ Will Moy, chief executive of the London-based "
    "fact-checking website Full Fact, told the BBC.",
    "Trump attacked the Democrats on Tuesday.",
    "The Democrats attacked Trump on Tuesday.",
    "Evo Morales praised the Democrats.",
    "Syrian troops attacked the rebels. The Pentagon sent troops to Syria.",
]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("readings21"), [
            {"text": text, "language": "en", "published": "2019-11-20"}
            for text in TEXTS]) as store:
        yield store


def test_a_place_in_a_hyphenated_modifier_qualifies_no_earlier_noun(linked: Store) -> None:
    roles = set(linked.query("SELECT m.role FROM mentions m JOIN documents d USING (doc_id) "
                             "WHERE ends_with(d.locator, ':1') AND m.label = 'AGENT'"))
    assert ("GBRGOV",) not in roles, roles


def test_a_shared_party_name_is_the_party_of_the_people_named(linked: Store) -> None:
    assert mention_links(linked, 2, "Democrats") == {("democratic-usa", "USAPTY")}
    assert mention_links(linked, 3, "Democrats") == {("democratic-usa", "USAPTY")}
    assert mention_links(linked, 4, "Democrats") == {("democratas-bol", "BOLPTY")}


def test_troops_sent_are_the_senders(linked: Store) -> None:
    assert mention_links(linked, 5, "troops") == {("USAMIL", "USAMIL")}
    assert mention_links(linked, 5, "Syrian troops") == {("SYRMIL", "SYRMIL")}
