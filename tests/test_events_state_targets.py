"""Lead decisions on events (issue 11): a protest with no named target is directed at the
state it happens in, and a coup is COERCE/seize, not an ASSAULT. Also objects matched
through partitives and the targets of forces mobilised (plover-gsr dev half misses)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # the clause places the protest: the state of that country is the target
    "kirkuk": "Thousands of people demonstrated in Baghdad on Sunday.",
    # no place: the state of the protesters' country
    "landowners": "On Tuesday Bolivian farmers began a hunger strike outside the legislature.",
    # a named target stays the target
    "against": "Students protested against Israel in Paris.",
    # coups and their verbs
    "overthrew": "The army overthrew President Laurent Gbagbo.",
    "coup": "The colonels staged a coup against the government of Mali.",
    # a coup's country is the state overthrown; a person owning it is the plotter
    "bolivia": "The 2019 Bolivia coup failed within a year.",
    "castillo": "Pedro Castillo's coup failed within hours.",
    # violence during a coup is an assault of its own
    "fired": "During the coup, soldiers shot two protesters in Bamako.",
    # a lexicon object measured or partly taken ("tons of aid", "part of a program")
    "tons": "The United Nations will provide about 30,000 tons of food aid to Liberia this year.",
    "part": "The United States has suspended part of a military assistance program for "
            "Bosnia.",
    # forces mobilised are not the target; the war they are mobilised for names it
    "reservists": "Britain mobilized 5,000 army reservists for a likely war against Iraq.",
    # a multi-word lexicon object, and an object coordinated with another
    "emergency": "Peru's government on Friday lifted the state of emergency in the south.",
    "intelligence": "The United States is providing radar images and other military "
                    "intelligence to Ecuador.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("state-targets"), SENTENCES, "en", "2023-03-01",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("kirkuk", ("PROTEST", "demo", "IRQCVL", "IRQ", "asserted")),
    ("landowners", ("PROTEST", "hunger", "BOLAGR", "BOL", "asserted")),
])
def test_protest_target_is_the_state(found: dict[str, set[tuple[str, ...]]], key: str,
                                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_named_protest_target_is_kept(found: dict[str, set[tuple[str, ...]]]) -> None:
    targets = {row[3] for row in found["against"] if row[0] == "PROTEST"}
    assert targets == {"ISR"}, found["against"]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["overthrew", "coup"])
def test_coup_is_coerce_seize(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    kinds = {(row[0], row[1]) for row in found[key]}
    assert ("COERCE", "seize") in kinds and not any(k == "ASSAULT" for k, _ in kinds), kinds


@pytest.mark.slow
@pytest.mark.parametrize("key, source, target", [("bolivia", "", "BOL"),
                                                 ("castillo", "pedro-castillo", "")])
def test_coup_owner_is_the_state_overthrown_or_the_plotter(
        found: dict[str, set[tuple[str, ...]]], key: str, source: str, target: str) -> None:
    coups = {(row[2], row[3]) for row in found[key] if row[0] == "COERCE"}
    assert coups == {(source, target)}, found[key]


@pytest.mark.slow
def test_violence_during_a_coup_is_an_assault(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert any(row[0] == "ASSAULT" for row in found["fired"]), found["fired"]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("tons", ("AGREE", "", "un", "LBR", "asserted")),
    ("tons", ("AID", "humanitarian", "un", "LBR", "future")),
    ("part", ("SANCTION", "withdraw", "USA", "BIH", "asserted")),
    ("reservists", ("MOBILIZE", "troops", "GBR", "IRQ", "asserted")),
    ("emergency", ("CONCEDE", "ease", "PERGOV", "", "asserted")),
    ("intelligence", ("AID", "military", "USA", "ECU", "asserted")),
])
def test_objects_and_targets_through_nouns(found: dict[str, set[tuple[str, ...]]], key: str,
                                           expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_forces_mobilised_are_not_the_target(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[3] == "GBRMIL" for row in found["reservists"]), found["reservists"]
