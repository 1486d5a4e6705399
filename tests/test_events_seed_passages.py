"""Events of seed passages that issue 11 lists as missed (seed 001, published 2021-08): a
main verb whose subject en_core_web_sm hangs on an appositive, a passive dated by its own
clause, a date opening the part of a sentence after a colon, a gerund after its doer, and
talks hosted between two sides by
the state "it" stands for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "inaugurated": "In Peru, a country in profound economic and social crisis with (among other "
                   "things) one of the worst Covid infection and death rates in the world, a "
                   "remarkably progressive working-class candidate, Pedro Castillo, won the "
                   "second-round runoff election in June by a whisker, and was inaugurated as "
                   "President on July 28th.",
    "declared": "AMLO did not mince words: on July 12th, just after the US-sponsored protests "
                "began in Cuba, he declared: “If they want to help Cuba, the first thing to do is "
                "suspend the blockade!…We express our solidarity with the Cuban people, without "
                "hesitation!”",
    "sending": "This was swiftly followed by Mexico sending two naval vessels with much-needed "
               "supplies to Havana.",
    "hosted": "With less fanfare, Mexico continues to take concrete actions to promote an "
              "agenda of democracy and cooperation. Thus on 13-14 August it hosted talks "
              "between the Venezuelan government and opposition, with Norway acting as "
              "mediator.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {passage key: {(trigger, type, source, target, date)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("seed-passages"), SENTENCES, "en", "2021-08",
        "e.trigger, e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "coalesce(e.date, '')")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("inaugurated", ("won", "SUPPORT", "", "pedro-castillo", "2021-06")),
    ("inaugurated", ("inaugurated", "SUPPORT", "", "pedro-castillo", "2021-07-28")),
    # the quoted offer is the event, dated by the declaration (no STATEMENT beside it)
    ("declared", ("express", "SUPPORT", "andres-manuel-lopez-obrador", "CUBCVL", "2021-07-12")),
    ("sending", ("sending", "MOBILIZE", "MEX", "CUB", "2021-08")),
    ("hosted", ("hosted", "CONSULT", "MEX", "VENGOV", "2021-08-13")),
    ("hosted", ("hosted", "CONSULT", "MEX", "VENOPP", "2021-08-13")),
])
def test_seed_passage_event(found: dict[str, set[tuple[str, ...]]], key: str,
                            expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]
