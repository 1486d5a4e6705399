"""Spanish readings of the session-21 review (issue 11): a purpose infinitive es_core_news_sm
hangs on the object noun ("iniciaron una rebelión para protestar") is done by the verb's
subject; an act someone "tiene previsto" or that "está previsto que" happens is future, not
done; a present-tense act that follows "si" a condition is met is hypothetical, and a
conflict act so announced a threat. Sentences written for these tests, through the real
pipeline (es_core_news_sm)."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # "para protestar" hung on "rebelión": the prisoners protest
    "purpose_on_object": "En 1997, 300 presos de esta misma cárcel iniciaron una violenta "
                         "rebelión para protestar contra las pésimas condiciones en las que "
                         "vivían.",
    "purpose_plain": "Los presos de esta cárcel iniciaron una rebelión para protestar contra "
                     "las pésimas condiciones.",
    # planned acts: future, and a protest its organisers plan is the protest called (rule 7)
    "planned_visit": "El presidente tiene previsto viajar a Brasil la próxima semana.",
    "planned_march": "Los maestros tienen previsto marchar hasta el Congreso el jueves.",
    "expected_march": "Está previsto que los maestros marchen hasta el Congreso.",
    "done_visit": "El presidente viajó a Brasil la semana pasada.",
    # what happens if a condition is met has not happened: a threat
    "quoted_condition": "\"Si el gobierno no nos escucha, se incendian las calles\", advirtió "
                        "el dirigente campesino.",
    "condition": "Si el gobierno no cumple, los campesinos bloquean todas las carreteras del "
                 "país.",
    "blockade": "Los campesinos bloquean las carreteras del país desde el lunes.",
}


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, str, str]]]:
    folder = tmp_path_factory.mktemp("readings21")
    _, table = events_by_sentence(folder, SENTENCES, "es", "2000-01-01",
                                  "e.type, e.modality, e.trigger")
    return table


def test_purpose_infinitive_on_object_noun_is_the_subjects(
        events: dict[str, set[tuple[str, str, str]]]) -> None:
    for key in ("purpose_on_object", "purpose_plain"):
        assert ("PROTEST", "asserted", "protestar") in events[key], events[key]


def test_planned_act_is_future(events: dict[str, set[tuple[str, str, str]]]) -> None:
    visit = events["planned_visit"]
    assert ("CONSULT", "future", "viajar") in visit
    assert ("CONSULT", "asserted", "viajar") not in visit
    assert ("CONSULT", "asserted", "viajó") in events["done_visit"]
    for key, trigger in (("planned_march", "marchar"), ("expected_march", "marchen")):
        assert ("PROTEST", "future", trigger) in events[key], events[key]


def test_consequence_of_a_condition_is_hypothetical(
        events: dict[str, set[tuple[str, str, str]]]) -> None:
    assert ("ASSAULT", "hypothetical", "incendian") in events["quoted_condition"]
    assert ("ASSAULT", "asserted", "incendian") not in events["quoted_condition"]
    condition = events["condition"]
    assert ("PROTEST", "hypothetical", "bloquean") in condition
    assert ("THREATEN", "asserted", "bloquean") in condition
    assert ("PROTEST", "asserted", "bloquean") not in condition
    assert ("PROTEST", "asserted", "bloquean") in events["blockade"]
