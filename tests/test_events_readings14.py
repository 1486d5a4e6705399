"""Faults a careful reader found in `marea events` on an El Universal page (a senator calls
the president "incapacitado" and says he should resign; the president answers a reporter),
each fixed by a rule about the language and tested on sentences of our own: a verb of naming
with an insulting label gave no accusation (and, as our gold set's dev half codes it, one
with a label of praise is praise); a Spanish event noun ignored its verb's negation
("no tiene el apoyo de", "no hubo acuerdo"); the resignation a senator said the president
should hand in was the senator's own; and a warning about a rival's plan warned nobody."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.trigger, e.type || coalesce('/' || e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, ''), e.modality")
SPANISH = {
    "incapacitado": "El senador Rick Scott calificó el martes al presidente de Estados Unidos, "
                    "Joe Biden, de estar mentalmente \"incapacitado\".",
    "mentiroso": "Rick Scott calificó a Joe Biden de mentiroso.",
    "decente": "Rick Scott calificó a Joe Biden de hombre decente.",
    "golpistas": "La oposición calificó de golpistas a los militares.",
    "productiva": "Gustavo Petro calificó la reunión de muy productiva.",
    "mixta": "La reforma, calificada de \"éxito\" por el Gobierno y de \"fracaso\" por la "
             "oposición, fue aprobada por el Congreso.",
    "apoyo": "El presidente Gustavo Petro no tiene el apoyo de Rodolfo Hernández.",
    "apoyo_si": "El presidente Gustavo Petro tiene el apoyo de Rodolfo Hernández.",
    "acuerdo": "No hubo acuerdo entre Gustavo Petro y Rodolfo Hernández.",
    "dimitir": "Rick Scott dijo que Joe Biden debería dimitir.",
    "deberia": "El senador Rick Scott calificó el martes a Joe Biden de estar \"incapacitado\" y "
               "dijo que debería dimitir.",
    "retirara": "Gabriel Boric anunció que retirará al embajador de Chile en Caracas.",
    "consultado": "Consultado por un periodista sobre la declaración de Rick Scott, Joe Biden "
                  "sonrió y dijo: \"Creo que el hombre tiene un problema\".",
    "advertencia": "En un discurso, Joe Biden reiteró su advertencia de que un plan económico "
                   "propuesto por Rick Scott elevaría los impuestos.",
    "lanzo": "Joe Biden lanzó una advertencia de que Rick Scott subiría los impuestos.",
}
ENGLISH = {
    "liar": "Senator Rick Scott called President Joe Biden a liar on Tuesday.",
    "incapacitated": "Rick Scott called Joe Biden incapacitated.",
    "corrupt": "Rick Scott labelled Joe Biden a corrupt politician.",
    "as_liar": "Rick Scott described Joe Biden as a liar.",
    "decent": "Rick Scott called Joe Biden a decent man.",
    "long": "Joe Biden called the meeting long.",
    "neutral": "Joe Biden called Rick Scott a senator from Florida.",
    "significant": "Donald Trump called it a significant moment for democracy.",
    "outrageous": "Joe Biden called the attack outrageous.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {passage key: {(trigger, type/mode, source, target, modality)}}."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("readings14-es"), SPANISH, "es",
                                 "2022-05-03", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("readings14-en"), ENGLISH, "en",
                                 "2022-05-03", COLUMNS)[1]
    yield {**spanish, **english}


def _accusations(events: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    return {e[:4] for e in events if e[1].startswith("ACCUSE")}


@pytest.mark.parametrize("key, trigger", [("incapacitado", "calificó"),
                                          ("mentiroso", "calificó"), ("liar", "called"),
                                          ("incapacitated", "called"), ("corrupt", "labelled"),
                                          ("as_liar", "described")])
def test_an_insulting_label_accuses_the_one_labelled(found: dict[str, set[tuple[str, ...]]],
                                                     key: str, trigger: str) -> None:
    source = "x-person-rick-scott"
    assert _accusations(found[key]) == {(trigger, "ACCUSE/disapprove", source, "joe-biden")}


def test_a_spanish_label_before_its_object_accuses_the_people_labelled(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert _accusations(found["golpistas"]) == {("calificó", "ACCUSE/disapprove", "OPP", "MIL")}


@pytest.mark.parametrize("key, trigger, source, target", [
    ("decente", "calificó", "x-person-rick-scott", "joe-biden"),
    ("productiva", "calificó", "gustavo-petro", ""),
    ("decent", "called", "x-person-rick-scott", "joe-biden"),
    ("significant", "called", "donald-trump", "")])
def test_a_good_label_praises(found: dict[str, set[tuple[str, ...]]], key: str, trigger: str,
                              source: str, target: str) -> None:
    assert {e[:4] for e in found[key]} == {(trigger, "SUPPORT/praise", source, target)}


@pytest.mark.parametrize("key", ["long", "neutral"])
def test_a_neutral_label_is_no_event(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert {e for e in found[key] if e[0] == "called"} == set()


def test_what_a_label_is_said_of_is_no_event_of_its_own(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["outrageous"] == {("called", "ACCUSE/disapprove", "joe-biden", "", "asserted")}


def test_a_spanish_event_noun_takes_its_verbs_negation(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    support = ("apoyo", "SUPPORT", "x-person-rodolfo-hernandez", "gustavo-petro")
    assert found["apoyo"] == {(*support, "negated")}
    assert found["apoyo_si"] == {(*support, "asserted")}
    assert {e[4] for e in found["acuerdo"] if e[0] == "acuerdo"} == {"negated"}


@pytest.mark.parametrize("key", ["dimitir", "deberia"])
def test_who_should_resign_is_who_the_speaker_talks_about(
        found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert {e for e in found[key] if e[0] == "dimitir"} == {
        ("dimitir", "RETREAT/resign", "joe-biden", "", "demanded"),
        ("dimitir", "REQUEST", "x-person-rick-scott", "joe-biden", "asserted")}


def test_what_a_speaker_announces_with_no_subject_is_still_his_own(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("retirará", "SANCTION/discontinue", "gabriel-boric", "CHLGOV", "future") in found[
        "retirara"]


def test_the_one_asked_about_a_statement_is_not_who_answers(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    said = {e for e in found["consultado"] if e[0] == "dijo"}
    assert said == {("dijo", "STATEMENT", "joe-biden", "", "asserted")}


@pytest.mark.parametrize("key, trigger", [("advertencia", "advertencia"), ("lanzo", "lanzó")])
def test_a_warning_is_aimed_at_the_doer_its_clause_names(
        found: dict[str, set[tuple[str, ...]]], key: str, trigger: str) -> None:
    assert {e[:4] for e in found[key] if e[1] == "THREATEN"} == {
        (trigger, "THREATEN", "joe-biden", "x-person-rick-scott")}


def test_labels_of_both_signs_are_neither_praise_nor_accusation(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e for e in found["mixta"] if e[0] == "calificada"} == set()
