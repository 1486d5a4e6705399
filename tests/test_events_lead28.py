"""Readings from session 28's newcomer pages: a fight against extradition, a court order or an
illness is no assault (an Assange report's "battling extradition to the United States" was
an ASSAULT on the US), while rebels battling troops still is; and the coordinated doers of a
verb that is mutual in itself ("clashed", "exchanged fire") are each other's targets, as
with "each other"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "extradition": "The activist is battling extradition to the United States, which accuses "
    "him of leaking secret cables.",
    "illness": "The senator has been fighting cancer for two years.",
    "rebels": "Rebels are battling government troops near Goma.",
    "exchanged_fire": "Indian and Pakistani troops exchanged fire along the border on Monday.",
}


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    folder: Path = tmp_path_factory.mktemp("lead28")
    _, table = events_by_sentence(folder, SENTENCES, "en", "2019-11-20",
                                  "e.type, e.source_id, e.target_id")
    return table


def test_fighting_a_legal_step_or_an_illness_is_no_assault(
        events: dict[str, set[tuple[str, ...]]]) -> None:
    assert not {row for row in events["extradition"] if row[0] == "ASSAULT"}
    assert "USA" in {row[1] for row in events["extradition"] if row[0] == "ACCUSE"}
    assert not {row for row in events["illness"] if row[0] == "ASSAULT"}
    assert ("ASSAULT", "REB", "MIL") in events["rebels"]


def test_a_mutual_verb_makes_its_doers_each_others_targets(
        events: dict[str, set[tuple[str, ...]]]) -> None:
    assert events["exchanged_fire"] == {("ASSAULT", "INDMIL", "PAKMIL"),
                                        ("ASSAULT", "PAKMIL", "INDMIL")}
