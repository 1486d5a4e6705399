"""Events whose trigger fits its entry but whose argument is a noun phrase that links to no
actor by itself (issue 11: plover-gsr's held-out half loses such events; dev barely shows
them): people named by a doer's ending, a name with its acronym in brackets before a noun,
an event noun qualifying the head of a verb's object. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # a verb whose subject is a plural English noun for people by a doer's ending, in no
    # sector list and linked to no actor, was done by civilians
    "separatists": "Separatists kidnapped two engineers in Chechnya.",
    "hijackers": "Hijackers seized a Turkish ferry in the Black Sea.",
    # machines are their owners', whom the sentence does not name
    "helicopters": "Helicopters attacked the village at dawn.",
    # people of a named organisation stand for it (tree.actor_host)
    "inspectors": "North Korea expelled two senior inspectors of the International Atomic Energy "
                  "Agency.",
    # en_core_web_sm makes a name followed by its acronym in brackets an nmod of the noun
    # after it: the noun stands for the name's actor, as with a compound name
    "acronym": "The Zetland Liberation Front (ZLF) leadership rejected the peace plan.",
    # an event noun qualifying the head of the verb's object: the act of the verb's subject,
    # with the head's complements
    "package": "Japan approved an aid package for Bangladesh on Monday.",
    # ... but not an organisation named by what it does, nor another act about it
    "agencies": "Uzbekistan opened the bridge to Afghanistan, reported aid agencies.",
    "hearings": "The Senate committee held sanctions hearings on Monday.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("gsr24"), SENTENCES, "en", "2000-01-10",
        "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("separatists", ("ASSAULT", "kidnapped", "CVL", "", "asserted")),
    ("hijackers", ("COERCE", "seized", "CVL", "TUR", "asserted")),
    ("inspectors", ("SANCTION", "expelled", "PRK", "x-org-international-atomic-energy-agency",
                    "asserted")),
    ("acronym", ("REJECT", "rejected", "x-org-zetland-liberation-front", "", "asserted")),
    ("package", ("AID", "aid", "JPN", "BGD", "asserted")),
])
def test_argument_found(found: dict[str, set[tuple[str, ...]]], key: str,
                        expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
def test_machines_are_no_civilians(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(e[2] == "CVL" for e in found["helicopters"])


@pytest.mark.slow
def test_organisation_people_are_the_organisation(found: dict[str, set[tuple[str, ...]]]
                                                  ) -> None:
    assert {e[3] for e in found["inspectors"]} == {"x-org-international-atomic-energy-agency"}


@pytest.mark.slow
def test_agency_named_by_its_work_gives_no_aid(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(e[0] == "AID" for e in found["agencies"])
    assert not any(e[0] == "SANCTION" for e in found["hearings"])
