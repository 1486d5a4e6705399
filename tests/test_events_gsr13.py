"""English constructions found on plover-gsr's dev half (issue 11, events v2), on sentences of
our own: a word of an actor's name is no event noun; ..."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # "patrol" is an event noun, but here a word of the Border Patrol's name
    "in-name": "Border patrol agents detained two Guatemalan migrants near El Paso.",
    # ... while patrols ordered of police are one
    "patrols": "The governor of Chiapas ordered patrols by police after the riots.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("gsr13"), SENTENCES, "en", "2023-01-10",
        "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("patrols", ("MOBILIZE", "patrols", "GOV", "", "asserted")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, trigger", [
    ("in-name", "patrol"),
])
def test_no_event_on(found: dict[str, set[tuple[str, ...]]], key: str, trigger: str) -> None:
    assert not any(e[1] == trigger for e in found[key]), found[key]
