"""English constructions found on plover-gsr's dev half (issue 11, events v2), on sentences of
our own: a demonym inside an unknown group's compound name, an attack prepared."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # an unknown group's name qualified by a demonym: the demonym names its country
    "deep-compound": "The radical Chilean Red Dawn movement rejected an invitation to attend "
                     "talks in Lima.",
    # an attack got ready for is a show of force, not yet an attack
    "poised": "Turkish troops are poised to attack Kurdish militias in Syria.",
    "preparing": "Ukraine is preparing a major offensive against Russian forces in the south.",
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
    ("deep-compound", ("REJECT", "rejected", "CHL", "", "asserted")),
    ("poised", ("MOBILIZE", "attack", "TURMIL", "TURREB", "asserted")),
    ("poised", ("ASSAULT", "attack", "TURMIL", "TURREB", "future")),
    ("preparing", ("MOBILIZE", "offensive", "UKR", "RUSMIL", "asserted")),
    ("preparing", ("ASSAULT", "offensive", "UKR", "RUSMIL", "future")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["poised", "preparing"])
def test_prepared_attack_has_not_happened(found: dict[str, set[tuple[str, ...]]],
                                          key: str) -> None:
    assert not {e for e in found[key] if e[0] == "ASSAULT" and e[4] == "asserted"}, found[key]
