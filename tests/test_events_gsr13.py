"""English constructions found on plover-gsr's dev half (issue 11, events v2), on sentences of
our own: a demonym inside an unknown group's compound name, an attack prepared, a
refusal announced, the purpose of a demanded act."""

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
    # announcing that one will not cooperate is a refusal; taking in refugees is asylum
    "will-not": "Jordan says it will not accept any more Syrian refugees.",
    "would-not": "Chile said it would not accept the Bolivian offer of talks.",
    "accepted": "Germany accepted 800 Afghan refugees last year.",
    "took-in": "Poland took in thousands of Ukrainian refugees.",
    # the purpose of an act demanded is not done either; that of an act done may be
    "purpose-demanded": "Amnesty said Israeli forces must guarantee safety to allow aid to "
                        "reach Gaza.",
    "purpose-done": "Russia sent troops to attack Ukraine.",
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
    ("will-not", ("REJECT", "accept", "JOR", "SYRREF", "asserted")),
    ("will-not", ("AID", "accept", "JOR", "SYRREF", "negated")),
    ("would-not", ("REJECT", "accept", "CHL", "BOL", "asserted")),
    ("accepted", ("AID", "accepted", "DEU", "AFGREF", "asserted")),
    ("took-in", ("AID", "took", "POL", "UKRREF", "asserted")),
    ("purpose-demanded", ("REQUEST", "guarantee", "x-org-amnesty", "ISRMIL", "asserted")),
    ("purpose-demanded", ("RETREAT", "allow", "ISRMIL", "", "demanded")),
    ("purpose-done", ("ASSAULT", "attack", "RUS", "UKR", "asserted")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["poised", "preparing"])
def test_prepared_attack_has_not_happened(found: dict[str, set[tuple[str, ...]]],
                                          key: str) -> None:
    assert not {e for e in found[key] if e[0] == "ASSAULT" and e[4] == "asserted"}, found[key]


@pytest.mark.slow
def test_done_refusal_is_no_announced_one(found: dict[str, set[tuple[str, ...]]]) -> None:
    """Only an act announced as not to be done is a refusal: one that took place is not."""
    assert not {e for e in found["accepted"] if e[0] == "REJECT"}, found["accepted"]
