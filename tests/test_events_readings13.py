"""Faults a careful reader found in `marea events` on an El Universal page (a US senator
calls Biden unfit), each fixed by a general rule and tested on sentences of our own: a title
before a name in apposition ("el senador Rick Scott") became a generic legislature as who
spoke, while the named person was known; "cuenta con el respaldo de X" had X back nobody."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.trigger, e.type || coalesce('/' || e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, '')")
SPANISH = {
    "titled_speaker": '"El gobierno miente", afirmó la senadora Ana Pereyra.',
    "titled_subject": "El diputado opositor Mario Quispe anunció su renuncia al partido.",
    "title_alone": '"El gobierno miente", afirmó una senadora.',
    "backed_by": "El gobierno de Perú cuenta con el respaldo de Estados Unidos.",
    "backed_by_nobody_named": '"El gobierno tiene el apoyo del país", afirmó una senadora.',
    "backed_named": "El presidente Gabriel Boric tiene el apoyo del Partido Socialista.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {passage key: {(trigger, type/mode, source, target)}} of every passage."""
    yield events_by_sentence(tmp_path_factory.mktemp("readings13-es"), SPANISH, "es",
                             "2022-05-10", COLUMNS)[1]


def test_a_title_before_a_name_stands_for_the_named_person(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["titled_speaker"] == {("afirmó", "STATEMENT", "x-person-ana-pereyra", "")}
    assert {e[2] for e in found["titled_subject"]} == {"x-person-mario-quispe"}


def test_a_title_alone_is_still_a_generic_agent(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["title_alone"] == {("afirmó", "STATEMENT", "LEG", "")}


def test_who_has_the_backing_of_another_is_its_target(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["backed_by"] == {("respaldo", "SUPPORT", "USA", "PERGOV")}
    assert found["backed_named"] == {("apoyo", "SUPPORT", "ps-chl", "gabriel-boric")}
    # the backing is the country's, which names no actor: the speaker gives none of it
    assert {e for e in found["backed_by_nobody_named"] if e[1] == "SUPPORT"} == {
        ("apoyo", "SUPPORT", "", "GOV")}
