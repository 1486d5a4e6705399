"""Object-less readings of English verbs whose lexicon entries all asked for an object (issue
11, session 18): where the PLOVER codebook's type needs no target, the intransitive use codes
the event ("stepped aside", "gave way to", "work together", "voted against", "returned to" a
city); units that massed or moved are the subject of an object-less use (MOBILIZE), and an
English passive is no intransitive use ("was fired on Monday" is no shooting, "was struck" no
strike) unless it is a state with "to" ("committed to"); lawmakers "of" a party act for the
party. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "stepped-aside": "The Bolivian interior minister stepped aside on Monday.",
    "gave-way": "The Peruvian government gave way to the striking teachers.",
    "work-together": "Ecuador will work together with Peru against the gangs.",
    "joined-forces": "Colombia joined forces with Ecuador to fight drug trafficking.",
    "voted-against": "Argentina voted against Venezuela at the United Nations.",
    "returned-to": "Chilean negotiators returned to Lima on Tuesday for talks with Peru.",
    "massed": "Russian troops massed along the border with Ukraine.",
    "moved": "Turkish tanks moved toward the Syrian border on Friday.",
    "gathered": "Hundreds of Honduran protesters gathered outside the Congress in Tegucigalpa.",
    "converged": "Thousands of Chilean demonstrators converged on the capital.",
    # object-less uses that are none of these
    "leaders-gathered": "Caribbean leaders gathered in Bridgetown on Friday.",
    "crowd-gathered": "A large crowd gathered at the airport to welcome the Brazilian president.",
    "activists-gathered": "Spanish activists gathered in Madrid for a conference on climate.",
    "crowd-massed": "Chilean protesters massed outside the presidential palace.",
    "moved-house": "The Venezuelan opposition leader moved to Madrid in 2020.",
    "returned-home": "The refugees returned home last week.",
    "fired-monday": "The Peruvian interior minister was fired on Monday.",
    "struck-passive": "A Ukrainian village was struck by Russian missiles on Sunday.",
    "committed": "Honduras said it was committed to the peace plan.",
    # people of a sector act for the party their "of" complement names
    "senators-of": "Senators of the Workers' Party criticised the budget cuts.",
    "senators-country": "Senators from Brazil criticised the budget cuts.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, trigger)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("objectless18"), SENTENCES, "en", "2023-01-10",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.trigger")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("stepped-aside", ("RETREAT", "resign", "BOLGOV", "", "stepped")),
    ("gave-way", ("CONCEDE", "", "PERGOV", "PEREDU", "gave")),
    ("work-together", ("COOPERATE", "", "ECU", "PER", "work")),
    ("joined-forces", ("COOPERATE", "", "COL", "ECU", "joined")),
    ("voted-against", ("REJECT", "", "ARG", "VEN", "voted")),
    ("returned-to", ("CONSULT", "visit", "CHLGOV", "PER", "returned")),
    ("massed", ("MOBILIZE", "troops", "RUSMIL", "", "massed")),
    ("moved", ("MOBILIZE", "troops", "TUR", "SYR", "moved")),
    ("struck-passive", ("ASSAULT", "", "RUS", "UKR", "struck")),
    ("committed", ("AGREE", "", "HND", "", "committed")),  # a passive form with "to"
    ("gathered", ("PROTEST", "demo", "HNDCVL", "HND", "gathered")),
    ("converged", ("PROTEST", "demo", "CHLCVL", "CHL", "converged")),
    ("senators-of", ("ACCUSE", "disapprove", "pt-bra", "", "criticised")),
    ("senators-country", ("ACCUSE", "disapprove", "BRALEG", "", "criticised")),
])
def test_objectless_event(found: dict[str, set[tuple[str, ...]]], key: str,
                          expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, trigger, wrong", [
    ("crowd-massed", "massed", "MOBILIZE"),  # people massing are no units
    ("moved-house", "moved", "MOBILIZE"),  # a person moving house mobilises nothing
    ("returned-home", "returned", "CONSULT"),  # "home" is no "to" a place
    ("leaders-gathered", "gathered", "PROTEST"),  # leaders meeting are no protest
    ("crowd-gathered", "gathered", "PROTEST"),  # a crowd welcoming someone is no protest
    ("activists-gathered", "gathered", "PROTEST"),  # nor activists at a conference
    ("fired-monday", "fired", "ASSAULT"),  # "fired on Monday" was no shooting "on" anyone
])
def test_no_event(found: dict[str, set[tuple[str, ...]]], key: str, trigger: str,
                  wrong: str) -> None:
    assert not {e for e in found[key] if e[4] == trigger and e[0] == wrong}, found[key]
