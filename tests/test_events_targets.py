"""Event targets found where plover-gsr's dev half showed them missing (issue 11): the country
a military act happens in, the act a threat is about, a thing's owner named by a demonym, a
passive subject's owner, and forces moved that are not the target."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # a military act's place is its target when no argument names one
    "bombed": "Israeli jets bombed villages in Lebanon on Sunday.",
    "deployed": "Russia deployed troops in Belarus.",
    # a threat, request, promise or refusal takes the target of the act it is about
    "curfew": "President Daniel Ortega threatened to institute a curfew in Managua.",
    # a thing acted on stands for the actor that qualifies or owns it
    "lorries": "The Israeli army lifted a blockade on Palestinian lorries.",
    "phones": "North Korea attempted to hack into the phones of South Korean army commanders.",
    # a passive subject that names no actor stands for whom it is for
    "school": "A school for Congolese refugees was attacked overnight by Burundian militiamen.",
    # troops withdrawn are not the target; where they leave is
    "withdraw": "Syria says it is now willing to withdraw its troops from Lebanon.",
    "armed-forces": "Felipe Calderón sent the armed forces into the streets in December 2006.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("targets"), SENTENCES, "en", "2023-03-01",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("bombed", ("ASSAULT", "ISRMIL", "LBN", "asserted")),  # "[Israeli] jets": its military
    ("deployed", ("MOBILIZE", "RUS", "BLR", "asserted")),
    ("curfew", ("THREATEN", "daniel-ortega", "NIC", "asserted")),
    ("curfew", ("COERCE", "", "NIC", "future")),
    ("lorries", ("RETREAT", "ISRMIL", "PSE", "asserted")),
    ("phones", ("COERCE", "PRK", "KORMIL", "asserted")),
    ("school", ("ASSAULT", "BDIREB", "COGREF", "asserted")),
    ("withdraw", ("CONCEDE", "SYR", "LBN", "asserted")),
])
def test_target_found(found: dict[str, set[tuple[str, ...]]], key: str,
                      expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, forces", [("deployed", "RUSMIL"), ("withdraw", "SYRMIL"),
                                         ("armed-forces", "MEXMIL")])
def test_forces_moved_are_not_the_target(found: dict[str, set[tuple[str, ...]]], key: str,
                                         forces: str) -> None:
    assert not any(row[2] == forces for row in found[key]), found[key]
