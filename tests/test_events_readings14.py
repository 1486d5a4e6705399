"""Faults a careful reader found in `marea events` on an El Universal page (a senator calls
the president "incapacitado" and says he should resign; the president answers a reporter),
each fixed by a rule about the language and tested on sentences of our own: a verb of naming
with an insulting label gave no accusation; a Spanish event noun ignored its verb's negation
("no tiene el apoyo de", "no hubo acuerdo")."""

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
    "productiva": "Gustavo Petro calificó la reunión como muy productiva.",
    "apoyo": "El presidente Gustavo Petro no tiene el apoyo de Rodolfo Hernández.",
    "apoyo_si": "El presidente Gustavo Petro tiene el apoyo de Rodolfo Hernández.",
    "acuerdo": "No hubo acuerdo entre Gustavo Petro y Rodolfo Hernández.",
}
ENGLISH = {
    "liar": "Senator Rick Scott called President Joe Biden a liar on Tuesday.",
    "incapacitated": "Rick Scott called Joe Biden incapacitated.",
    "corrupt": "Rick Scott labelled Joe Biden a corrupt politician.",
    "as_liar": "Rick Scott described Joe Biden as a liar.",
    "decent": "Rick Scott called Joe Biden a decent man.",
    "productive": "Joe Biden called the meeting productive.",
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


@pytest.mark.parametrize("key", ["decente", "productiva", "decent", "productive"])
def test_a_good_or_neutral_label_accuses_nobody(found: dict[str, set[tuple[str, ...]]],
                                                key: str) -> None:
    assert _accusations(found[key]) == set()


def test_what_a_label_is_said_of_is_no_event_of_its_own(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["outrageous"] == {("called", "ACCUSE/disapprove", "joe-biden", "", "asserted")}


def test_a_spanish_event_noun_takes_its_verbs_negation(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    support = ("apoyo", "SUPPORT", "x-person-rodolfo-hernandez", "gustavo-petro")
    assert found["apoyo"] == {(*support, "negated")}
    assert found["apoyo_si"] == {(*support, "asserted")}
    assert {e[4] for e in found["acuerdo"] if e[0] == "acuerdo"} == {"negated"}
