"""English argument structures the trigger lexicon's entries meet in any phrasing: passives
of verb + object entries, prepositions on coordinated objects, the owner of what is taken,
forces mobilised with no agent named, a place noun naming its town ("the town of X"), the
time an act lasts ("two days of talks"), the two sides of a meeting, and who is to do what
one is urged or called on to do; a participle before its noun ("the detained leaders")
is passive; "Hamas militants" are Hamas; "fired at targets in X" is aimed at X's state."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # the passive's subject is the object the "impose" + sanctions entry needs
    "passive-object": "Sanctions were imposed on Iran by the European Union on Monday.",
    # the target sits on the second of two coordinated objects
    "coordinated-objects": "The European Union imposed new sanctions and a travel ban on Iran.",
    # the owner of what is seized is the target, though the thing is no actor
    "seized-owner": "Chile's navy seized a Peruvian fishing boat off the coast of Arica.",
    # troops deployed with no agent named are the ones mobilising
    "deployed-passive": "Russian troops were deployed to the border with Ukraine.",
    # a partitive passive subject still meets the "send" + soldier entry
    "sent-partitive": "Thousands of Indian soldiers were sent to Kashmir on Monday.",
    # the town named through "of" stands for its state
    "town-of": "Turkish jets bombed the town of Zakho.",
    # the time an act lasts measures the object the "hold" + talks entry needs
    "days-of-talks": "Japan held two days of talks with China in Beijing.",
    # coordinated doers of a meeting are its two sides
    "mutual": "Japan and China held talks in Beijing.",
    # the one urged is to do the infinitive: Turkey withdraws, not the Iraqi government
    "object-control": "The Iraqi government urged Turkey to withdraw its troops from northern "
                      "Iraq.",
    # the one called on is the request's target and the infinitive's doer
    "call-on": "The African Union called on Sudan to release the detained opposition leaders.",
    # members an organisation names are that organisation, not agents of the state named
    "members": "Hamas militants fired rockets at Israel.",
    # what an attack is aimed at is placed in the target state
    "aimed-at": "Israeli jets fired missiles at targets in Damascus.",
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """{key: {(trigger, type, source, target, modality)}} of each sentence's events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("structures"), SENTENCES, "en", "2024-05-06",
        "e.trigger, e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.modality",
        "e.type <> 'STATEMENT'")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("passive-object", ("imposed", "SANCTION", "eu", "IRN", "asserted")),
    ("coordinated-objects", ("imposed", "SANCTION", "eu", "IRN", "asserted")),
    ("seized-owner", ("seized", "COERCE", "CHLMIL", "PER", "asserted")),
    ("deployed-passive", ("deployed", "MOBILIZE", "RUSMIL", "", "asserted")),
    ("sent-partitive", ("sent", "MOBILIZE", "INDMIL", "", "asserted")),
    ("town-of", ("bombed", "ASSAULT", "TURMIL", "IRQ", "asserted")),  # jets: its military
    ("days-of-talks", ("held", "CONSULT", "JPN", "CHN", "asserted")),
    ("mutual", ("held", "CONSULT", "JPN", "CHN", "asserted")),
    ("object-control", ("urged", "REQUEST", "IRQGOV", "TUR", "asserted")),
    ("object-control", ("withdraw", "RETREAT", "TUR", "IRQ", "demanded")),
    ("call-on", ("called", "REQUEST", "x-org-african-union", "SDN", "asserted")),
    ("members", ("fired", "ASSAULT", "x-org-hamas", "ISR", "asserted")),
    ("aimed-at", ("fired", "ASSAULT", "ISRMIL", "SYR", "asserted")),
])
def test_arguments_found_in_any_phrasing(stored: dict, key: str,
                                         expected: tuple[str, ...]) -> None:
    assert expected in stored[key]
