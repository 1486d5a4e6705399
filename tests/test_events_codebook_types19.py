"""Event types where the Spanish protest and fight sets depart from the PLOVER codebook
(issue 11; Decisions in events/data/README.md): a hunger strike is PROTEST/hunger whatever
verb starts it, police dispersing protesters is COERCE, or ASSAULT/crowd-control with tear gas
(MOBILIZE excludes the use of force),
and damaging property is ASSAULT/destroy as burning it is. The same in English and Spanish.
Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SPANISH = {
    "hambre": "Los jubilados empezaron una huelga de hambre en la plaza central.",
    "huelga": "Los jubilados empezaron una huelga en la plaza central.",
    "dispersó": "La policía dispersó a los manifestantes con gases lacrimógenos.",
    "dañaron": "Los manifestantes dañaron varios vehículos de la policía.",
    "imagen": "El escándalo dañó su imagen.",
}
ENGLISH = {
    "hunger": "Retired teachers went on hunger strike in the main square.",
    "dispersed": "Police dispersed the protesters outside parliament.",
    "damaged": "Rioters damaged several police vehicles and the town hall.",
    "reputation": "The scandal damaged his reputation.",
}
COLUMNS = "e.type, e.mode, coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target)}} for both languages."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("types-es"), SPANISH, "es",
                                 "2024-05-01", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("types-en"), ENGLISH, "en",
                                 "2024-05-01", COLUMNS)[1]
    yield {**spanish, **english}


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("hambre", ("PROTEST", "hunger", "CVL", "")),
    ("huelga", ("PROTEST", "strike", "CVL", "")),  # the same verb with a labour strike
    ("hunger", ("PROTEST", "hunger", "EDU", "")),
    # with tear gas named it is crowd control (data README, "Police handling a protest")
    ("dispersó", ("ASSAULT", "crowd-control", "COP", "CVL")),
    ("dispersed", ("COERCE", "restrict", "COP", "CVL")),
    ("dañaron", ("ASSAULT", "destroy", "CVL", "COP")),
    ("damaged", ("ASSAULT", "destroy", "CVL", "COP")),
])
def test_codebook_type(found: dict[str, set[tuple[str, ...]]], key: str,
                       expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["hambre", "hunger", "dispersó", "dispersed"])
def test_no_departing_type(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    """A hunger strike is no threat and no labour strike; dispersing is no mobilization."""
    kinds = {(t, m) for t, m, _, _ in found[key]}
    assert not kinds & {("THREATEN", None), ("PROTEST", "strike")}, kinds
    assert "MOBILIZE" not in {t for t, _ in kinds}, kinds


@pytest.mark.slow
@pytest.mark.parametrize("key", ["imagen", "reputation"])
def test_damaged_reputation_is_no_assault(found: dict[str, set[tuple[str, ...]]], key: str
                                          ) -> None:
    assert not any(t == "ASSAULT" for t, *_ in found[key]), found[key]
