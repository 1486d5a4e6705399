"""Military exercises two states hold are joint, COOPERATE/military (PLOVER's codebook puts
joint military games and manoeuvres there), also when the second state is a demonym
coordinated on the doers' noun or a partner named by "with"; one state's exercises stay its
show of force, MOBILIZE. A verb of giving whose object is who receives gives what comes with
"with". Police breaking up a rally disperse it. A doer's country is its demonym also when
the tagger makes a two-word demonym a person ("Sri Lankan") or the adjective differs from the
people's name ("Philippine", not "Filipino"). Issue 11, from plover-gsr's dev half and
sentences like its own. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # the second state is a demonym coordinated with the doers' own
    "demonyms": "Russian and Chinese warships on Monday began five days of war games in the "
                "Yellow Sea.",
    # the second state is the partner the exercise noun names with "with"
    "partner": "The Indian navy held naval exercises with Japan on Tuesday.",
    "drills": "Vietnam held naval drills with the Philippines in the South China Sea.",
    # "with" under another noun names no partner
    "border": "The Iranian army staged military exercises near the border with Iraq.",
    # a drill of no armed force is no event
    "fire": "The fire department held a drill at the school.",
    "sri-lankan": "Sri Lankan troops attacked a rebel base in the north.",
    "philippine": "The Philippine army shelled a rebel camp on Mindanao.",
    # a verb of giving whose object is who receives: what is given comes with "with"; a sum
    # is given "in" what it is
    "with": "Norway provided Malawi with five thousand tonnes of food last month.",
    "sum": "Canada provided $40 million in emergency aid to Haiti.",
    "with-sum": "Japan provided Vietnam with $100 million in flood relief.",
    # police breaking up a gathering disperse it; talks that break up are no one's act
    "rally": "Police in Lagos broke up a rally by striking teachers on Friday.",
    "talks": "The talks broke up on Friday without an agreement.",
    # who is provided with something that is no aid receives no aid
    "excuse": "The minister provided reporters with an explanation of the delay.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, trigger, source, target)}} of asserted events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("gsr28"), SENTENCES, "en", "2000-01-10",
        "e.type, coalesce(e.mode, ''), e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, '')", "e.modality = 'asserted'")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("demonyms", ("COOPERATE", "military", "games", "RUSMIL", "CHN")),
    ("partner", ("COOPERATE", "military", "exercises", "INDMIL", "JPN")),
    ("drills", ("COOPERATE", "military", "drills", "VNM", "PHL")),
])
def test_joint_exercises(found: dict[str, set[tuple[str, ...]]], key: str,
                         expected: tuple[str, ...]) -> None:
    assert expected in found[key]
    assert not any(e[0] == "MOBILIZE" for e in found[key])


@pytest.mark.slow
def test_one_state_exercises_stay_mobilize(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[1], e[2]) for e in found["border"]} == {("MOBILIZE", "troops", "exercises")}


@pytest.mark.slow
def test_drill_of_no_armed_force_is_no_event(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["fire"] == set()


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("sri-lankan", ("ASSAULT", "LKAMIL")),
    ("philippine", ("ASSAULT", "PHLMIL")),
])
def test_doer_country_from_demonym(found: dict[str, set[tuple[str, ...]]], key: str,
                                   expected: tuple[str, str]) -> None:
    assert expected in {(e[0], e[3]) for e in found[key]}


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("with", ("AID", "humanitarian", "provided", "NOR", "MWI")),
    ("sum", ("AID", "humanitarian", "provided", "CAN", "HTI")),
    ("with-sum", ("AID", "humanitarian", "provided", "JPN", "VNM")),
])
def test_goods_given(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
def test_no_aid_without_goods(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(e[0] == "AID" for e in found["excuse"])


@pytest.mark.slow
def test_breaking_up_a_rally_disperses_it(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("COERCE", "restrict", "broke") in {e[:3] for e in found["rally"]}
    assert not any(e[2] == "broke" for e in found["talks"])
