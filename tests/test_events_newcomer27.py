"""Event readings from session 27's newcomer reads of trafilatura-eval pages: the ABC7 page on
a Napa County resort ("MORE: Black-led group strikes deal to revitalize Oakland Coliseum
site") and the LA Weekly interview with an artist."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "strikes-deal": "A Black-led group strikes deal with the city of Oakland.",
    "more-strikes-deal": "MORE: Black-led group strikes deal to revitalize Oakland Coliseum "
                         "site, could bring $5B megaproject",
    "struck-a-deal": "The government struck a deal with the rebels.",
    "strikes-deal-a-blow": "Teachers' strikes deal a blow to the government.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[Any, ...]]]:
    folder: Path = tmp_path_factory.mktemp("newcomer27")
    return events_by_sentence(folder, SENTENCES, "en", "2023-11-09", "e.type, e.trigger")[1]


def test_a_headline_striking_a_deal_agrees(found: dict[str, set[tuple[Any, ...]]]) -> None:
    """The tagger reads "strikes" as a noun doing the verb "deal": a group that strikes a
    deal agrees, it goes on no strike."""
    assert found["strikes-deal"] == {("AGREE", "strikes")}
    assert found["struck-a-deal"] == {("AGREE", "struck")}
    assert found["more-strikes-deal"] == set()  # the page's teaser: an agreement, no partner


def test_strikes_that_deal_a_blow_are_strikes(found: dict[str, set[tuple[Any, ...]]]) -> None:
    assert found["strikes-deal-a-blow"] == {("PROTEST", "strikes")}
