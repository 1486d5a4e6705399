"""A newcomer's read of an unread AP page (session 20, article-extraction-benchmark e7994d550087:
the Conservatives' "factcheckUK" account during a televised debate, 2019-11-20): a plan "met
with hoots of laughter" became a meeting, and candidates trying to "win over" voters won an
office. Sentences of our own, after that page."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "laughter": "Jeremy Corbyn, the Labour leader, spoke in London. His plan was met with hoots of "
                "laughter.",
    "meeting": "Jeremy Corbyn, the Labour leader, met with Boris Johnson in London.",
    "win over": "Both Johnson and Corbyn are trying to win over a Brexit-weary electorate.",
    "won": "Boris Johnson won the election in Britain.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    folder: Path = tmp_path_factory.mktemp("uk20")
    return events_by_sentence(folder, SENTENCES, "en", "2019-11-20",
                              "e.type, e.mode, e.trigger")[1]


def test_met_with_a_reaction_is_no_meeting(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(event[0] == "CONSULT" for event in found["laughter"]), found["laughter"]
    assert ("CONSULT", None, "met") in found["meeting"]


def test_winning_people_over_is_no_office_won(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(event[1] == "office" for event in found["win over"]), found["win over"]
    assert ("SUPPORT", "office", "won") in found["won"]
