"""English constructions of session 23 (issue 11), on sentences of our own.

An authority ordering an organisation to stop working (suspend, close, shut down, disband,
dissolve) shuts it down by order: the order is the coercion, COERCE/ban on the organisation,
as ordering someone to leave is expelling them. An order to do something to a third party
("ordered the police to arrest the strikers") stays a request, the act ordered not yet done.

Hostilities (an offensive, attacks, fighting, airstrikes, an operation) ended, called off,
suspended, stopped or halted are a ceasefire kept, RETREAT/ceasefire, not the attack they
name: the verbs share one object class."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "order-disband": "The court ordered the Communist Party to dissolve.",
    "order-shut": "The government ordered the Associated Press to shut down its bureau in Kabul.",
    "order-suspend": "The junta ordered the opposition newspaper El Diario to suspend publication.",
    "order-arrest": "The army ordered the police to arrest the strikers.",
    "end-offensive": "The Ethiopian army ended its offensive against the rebels in Tigray.",
    "call-off-operation": "Turkey called off its military operation in northern Syria.",
    "suspend-attacks": "The rebels suspended attacks on government forces in Darfur.",
    "end-hostilities": "Russia ended hostilities with Georgia.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, trigger, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("gsr23"), SENTENCES, "en", "2023-01-10",
        "e.type, coalesce(e.mode, ''), e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, ''), e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("order-disband", ("COERCE", "ban", "ordered", "JUD", "x-org-communist-party", "asserted")),
    ("order-shut", ("COERCE", "ban", "ordered", "AFGGOV", "x-org-associated-press",
                    "asserted")),
    ("order-suspend", ("COERCE", "ban", "ordered", "GOV", "MED", "asserted")),
    ("order-arrest", ("REQUEST", "", "ordered", "MIL", "COP", "asserted")),
    ("end-offensive", ("RETREAT", "ceasefire", "ended", "ETHMIL", "ETHREB", "asserted")),
    ("suspend-attacks", ("RETREAT", "ceasefire", "suspended", "REB", "GOV", "asserted")),
    ("end-hostilities", ("RETREAT", "ceasefire", "ended", "RUS", "GEO", "asserted")),
])
def test_reading(found: dict[str, set[tuple[str, ...]]], key: str,
                 expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, wrong", [
    ("order-disband", "REQUEST"),   # the order is the shutting down, not a request
    ("order-suspend", "REQUEST"),
    ("order-arrest", "ASSAULT"),
    ("end-offensive", "ASSAULT"),      # the offensive ended is no attack made
    ("call-off-operation", "ASSAULT"),
    ("suspend-attacks", "ASSAULT"),
    ("end-hostilities", "ASSAULT"),
])
def test_not_the_other_reading(found: dict[str, set[tuple[str, ...]]], key: str,
                               wrong: str) -> None:
    assert not any(e[0] == wrong for e in found[key])


@pytest.mark.slow
def test_arrest_ordered_is_not_yet_done(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:2] + e[5:] for e in found["order-arrest"] if e[0] == "COERCE"} == {
        ("COERCE", "arrest", "demanded")}


@pytest.mark.slow
def test_operation_called_off_is_a_ceasefire(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("RETREAT", "ceasefire", "called", "TUR") in {e[:4] for e in found["call-off-operation"]}


def test_bare_yaml_boolean_in_a_word_field_is_refused() -> None:
    """YAML reads an unquoted `off` as False: the entry would lose its particle and fire bare
    (as "call", meant as "call off", did on "called the attack outrageous")."""
    import yaml

    from marea.events.lexicon import _trigger

    entry = yaml.safe_load("{lemma: call, particle: off, type: RETREAT}")
    with pytest.raises(ValueError, match="quote"):
        _trigger(entry, verb=True)
    quoted = yaml.safe_load('{lemma: call, particle: "off", type: RETREAT}')
    assert _trigger(quoted, verb=True).particle == "off"
