"""A newcomer's read of a Spanish page (session 22: El Tiempo on a Colombian presidential
debate, trafilatura-eval, Apache-2.0): "ni ... ni" before the subjects negates the verb and
the verb coordinated with it; an event noun in a quotation whose clause has a subject of its
own is not the speaker's act, and what follows a "si" condition is only supposed. Sentences of
our own, after that page."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "neither": ("Pese a sus comentarios, ni Fajardo ni Hernández condenaron o criticaron a "
                "Ingrid Betancourt."),
    "nor_even": ("Pese a sus comentarios, ni Fajardo ni Hernández se refirieron a posibles "
                 "alianzas ni mucho menos condenaron o criticaron a Ingrid Betancourt."),
    "condemned": "Pese a sus comentarios, Fajardo condenó a Ingrid Betancourt.",
    "consequence": ("Betancourt dijo: “Si el Gobierno no escucha, el país se va a una guerra "
                    "civil, una protesta social”."),
    "called": "El sindicato dijo: “Convocamos una huelga para el lunes”.",
    # a plural participle describes no single person named before it
    "threatened": ("Para Ingrid Betancourt la solución es darles protección cuando están "
                   "amenazados."),
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("es22"), SENTENCES, "es", "2022-05-03",
                              "e.trigger, e.type, e.source_id, e.modality")[1]


def test_ni_before_the_subjects_negates_both_verbs(coded: dict[str, set[tuple]]) -> None:
    assert {(t, m) for t, _, _, m in coded["neither"]} == {("condenaron", "negated"),
                                                            ("criticaron", "negated")}
    assert {m for _, _, _, m in coded["nor_even"]} == {"negated"}
    assert {(t, m) for t, _, _, m in coded["condemned"]} == {("condenó", "asserted")}


def test_a_quoted_event_noun_of_a_clause_with_its_own_subject_is_not_the_speakers(
        coded: dict[str, set[tuple]]) -> None:
    assert {(t, s, m) for t, _, s, m in coded["consequence"]} == {
        ("protesta", "CVL", "hypothetical")}
    assert {(t, ty, s) for t, ty, s, _ in coded["called"]} == {("Convocamos", "PROTEST", "LAB")}


def test_a_plural_participle_describes_no_single_person(coded: dict[str, set[tuple]]) -> None:
    assert coded["threatened"] == set()
