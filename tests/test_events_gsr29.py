"""Arguments a careful reader gives events that marea got wrong (issue 11, found on
plover-gsr's dev half and sentences like its own). Who is sent somewhere is no target: where
they go is. An adjective that says what kind of exercise is done is not who does it. A
state's fighter jets are its military; an opposition leader is the opposition. Police and
protesters who clash are each other's targets, not the state of the city they clash in. A
state does not arm rebels against itself. "The two Koreas" are North and South Korea. A
protest blocking a road that leads abroad is against the protesters' own state. A border
opened to someone is opened to them, not to its owner.
Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "peacekeepers": "The United Nations sent peacekeepers to Liberia last week.",
    "advisers": "Russia sent military advisers to Mali in the spring.",
    "exercises": "The Iranian army staged military exercises near the border with Iraq.",
    "jets": "Fighter jets bombed a village in the north on Monday.",
    "opposition": "Government forces arrested opposition leader Aung San Suu Kyi on Saturday.",
    "rebels": "The United States supplied the rebels with missiles.",
    # rebels a state fights are its own
    "own-rebels": "The Syrian army attacked the rebels near Aleppo.",
    "koreas": "The two Koreas agreed to hold talks next month.",
    "clash": "Police and protesters clashed in Quito on Tuesday.",
    # a clash with someone named keeps that one as the target
    "clash-with": "Indian troops clashed with Pakistani soldiers in Kashmir on Sunday.",
    # a clause saying what is blocked names no place of the protest; the one it names does
    "motorway": "Striking Spanish truckers blocked a motorway leading from Spain to France.",
    "port": "Angry Spanish fishermen blocked the port of Bilbao on Tuesday.",
    # a border opened is no target: whom it is opened to is
    "border": "Jordan opened its border today to Syrian refugees, Jordanian police said.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, trigger, source, target)}} of asserted events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("gsr29"),
        SENTENCES,
        "en",
        "2000-01-10",
        "e.type, coalesce(e.mode, ''), e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, '')",
        "e.modality = 'asserted'",
    )[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    "key, expected",
    [
        ("peacekeepers", ("AID", "peacekeeping", "sent", "un", "LBR")),
        ("advisers", ("AID", "military", "sent", "RUS", "MLI")),
    ],
)
def test_who_is_sent_is_no_target(
    found: dict[str, set[tuple[str, ...]]], key: str, expected: tuple[str, ...]
) -> None:
    assert found[key] == {expected}


@pytest.mark.slow
def test_kind_adjective_is_no_doer(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[3]) for e in found["exercises"]} == {("MOBILIZE", "IRNMIL")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "key, expected",
    [
        ("jets", ("ASSAULT", "aerial", "bombed", "MIL", "")),
        ("opposition", ("COERCE", "arrest", "arrested", "GOV", "OPP")),
    ],
)
def test_sector_of_a_description(
    found: dict[str, set[tuple[str, ...]]], key: str, expected: tuple[str, ...]
) -> None:
    assert found[key] == {expected}


@pytest.mark.slow
def test_state_arms_no_rebels_of_its_own(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["rebels"] == {("AID", "military", "supplied", "USA", "REB")}
    assert found["own-rebels"] == {("ASSAULT", "", "attacked", "SYRMIL", "SYRREB")}


@pytest.mark.slow
def test_two_koreas_agree(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[3], e[4]) for e in found["koreas"]} == {
        ("AGREE", "PRK", ""),
        ("AGREE", "KOR", ""),
    }


@pytest.mark.slow
def test_clashing_sides_are_each_others_targets(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[3], e[4]) for e in found["clash"]} == {
        ("ASSAULT", "ECUCOP", "ECUCVL"),
        ("ASSAULT", "ECUCVL", "ECUCOP"),
    }
    assert {(e[0], e[3], e[4]) for e in found["clash-with"]} == {("ASSAULT", "INDMIL", "PAKMIL")}


@pytest.mark.slow
@pytest.mark.parametrize(
    "key, expected",
    [
        ("motorway", ("PROTEST", "obstruct", "blocked", "ESPLAB", "ESP")),
        ("port", ("PROTEST", "obstruct", "blocked", "ESPCVL", "ESP")),
    ],
)
def test_protest_blocking_a_way_abroad(
    found: dict[str, set[tuple[str, ...]]], key: str, expected: tuple[str, ...]
) -> None:
    assert found[key] == {expected}


@pytest.mark.slow
def test_border_opened_to_whom(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[1], e[3], e[4]) for e in found["border"]} == {
        ("RETREAT", "access", "JOR", "SYRREF")
    }
