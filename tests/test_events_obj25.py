"""Lexicon verbs that give no event (issue 11): the extraction logs which check dropped each
one, at debug level, for benchmarks/events_dropped.py to count; and a Spanish verb with no
subject whose object is the one named before is said by unnamed people (the impersonal
third person plural), not by that one. Constructed sentences."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = "e.trigger, e.type, coalesce(e.source_id, ''), coalesce(e.target_id, '')"
SPANISH = {
    # the deputies named before are whom "los" stands for, so not who accuses them
    "acusaron": "Los diputados opositores votaron contra el presupuesto. Los acusaron de "
                "traición.",
    # with an object of its own the subject left unsaid is still the deputies
    "criticaron": "Los diputados opositores votaron contra el presupuesto. Después "
                  "criticaron al ministro de Economía.",
    # impersonal "se": no one is named as accuser, the marchers before are the accused
    "se acusa": "Los sindicatos marcharon por el centro de Lima. Se acusa a los sindicatos de "
                "violencia.",
}
ENGLISH = {
    "held": "The president held the trophy.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    spanish = events_by_sentence(tmp_path_factory.mktemp("obj25-es"), SPANISH, "es",
                                 "2024-05-03", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("obj25-en"), ENGLISH, "en",
                                 "2024-05-03", COLUMNS)[1]
    yield {**spanish, **english}


def test_object_is_not_the_unsaid_subject(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("acusaron", "ACCUSE", "", "LEG") in found["acusaron"]
    assert not any(e[0] == "acusaron" and e[2] for e in found["acusaron"])


def test_unsaid_subject_kept_with_another_object(found: dict[str, set[tuple[str, ...]]]
                                                 ) -> None:
    assert any(e[:3] == ("criticaron", "ACCUSE", "LEG") for e in found["criticaron"])


def test_impersonal_se_names_no_source(found: dict[str, set[tuple[str, ...]]]) -> None:
    accused = [e for e in found["se acusa"] if e[0] == "acusa"]
    assert accused and all(e[2] == "" and e[3] for e in accused)


def test_dropped_verb_logs_its_check(tmp_path_factory: pytest.TempPathFactory,
                                     caplog: pytest.LogCaptureFixture) -> None:
    """"held the trophy", "levantó la copa": every "hold" and "levantar" entry lists what is
    held or lifted (talks, hostages; sanctions, a strike...), and a trophy or cup is none of
    them."""
    caplog.set_level(logging.DEBUG, logger="marea.events.dropped")
    english = events_by_sentence(tmp_path_factory.mktemp("obj25-log-en"), ENGLISH, "en",
                                 "2024-05-03", COLUMNS)[1]
    spanish = events_by_sentence(tmp_path_factory.mktemp("obj25-log-es"), {
        "levantó": "El alcalde de Quito levantó la copa del campeonato."}, "es", "2024-05-03",
                                 COLUMNS)[1]
    assert not english["held"] and not spanish["levantó"]
    drops = [(r.__dict__["lemma"], r.getMessage()) for r in caplog.records
             if r.name == "marea.events.dropped"]
    assert ("hold", "object not listed: another word") in drops
    assert ("levantar", "object not listed: another word") in drops
