"""English readings from issue 11 (session 16), on sentences of our own: a bare participle
before its noun names a state ("the jailed journalists"), not an act the sentence reports,
while one with an agent, a date or an adverb reports its act; and a verb's entry constrained
to a noun after a preposition matches that noun even when an actor hangs on it ("agreed to
the demands of the strikers" accedes, as accepting them does)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "pardoned": "The Cuban president pardoned the jailed journalists.",
    "released": "The detained opposition leaders were released by Nicaragua on Monday.",
    "killed": "The Syrian army killed the arrested protesters.",
    "call-on": "The African Union called on Sudan to release the detained opposition leaders.",
    "by-agent": "The journalists jailed by the Iranian regime last week were freed.",
    "adverb": "The recently jailed journalists began a hunger strike in Tehran.",
    "demands": "The Bolivian government agreed to the demands of the striking miners.",
    "bowed": "The Peruvian government bowed to the demands of the teachers.",
    "ceasefire": "Israel agreed to a ceasefire with Hamas.",
    "agree-with": "Colombia agreed with Ecuador on the border crossings.",
    "their-demands": "The Chilean government bowed to their demands.",
    "conspiracy": "Cuba spoke of a conspiracy against an elected leader.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("participles16"), SENTENCES, "en", "2023-01-10",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["pardoned", "released", "killed", "call-on"])
def test_bare_participle_is_no_arrest(found: dict[str, set[tuple[str, ...]]],
                                      key: str) -> None:
    assert all(e[:2] != ("COERCE", "arrest") for e in found[key]), found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("pardoned", ("RETREAT", "release", "miguel-diaz-canel", "CUBMED", "asserted")),
    ("killed", ("ASSAULT", "", "SYRMIL", "SYRCVL", "asserted")),
    ("by-agent", ("COERCE", "arrest", "IRNGOV", "IRNMED", "asserted")),
    # with words of its own a participle reports its act, and is passive: the noun it
    # describes is its target, never its doer
    ("adverb", ("COERCE", "arrest", "", "IRNMED", "asserted")),
    ("call-on", ("RETREAT", "release", "SDN", "SDNOPP", "demanded")),
    ("demands", ("CONCEDE", "accede", "BOLGOV", "BOLLAB", "asserted")),
    ("bowed", ("CONCEDE", "accede", "PERGOV", "PEREDU", "asserted")),
    ("ceasefire", ("CONCEDE", "ceasefire", "ISR", "x-org-hamas", "asserted")),
    ("agree-with", ("AGREE", "", "COL", "ECU", "asserted")),
    ("their-demands", ("CONCEDE", "accede", "CHLGOV", "", "asserted")),
    ("conspiracy", ("ACCUSE", "allege", "CUB", "", "asserted")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, wrong", [
    ("demands", "AGREE"),  # acceding to demands is a concession, not a cooperation agreed
    ("demands", "REQUEST"),  # the demands are the strikers' earlier act, not this one
    ("bowed", "REQUEST"),
    ("ceasefire", "AGREE"),
])
def test_event_not_typed(found: dict[str, set[tuple[str, ...]]], key: str,
                         wrong: str) -> None:
    assert all(e[0] != wrong for e in found[key]), found[key]
