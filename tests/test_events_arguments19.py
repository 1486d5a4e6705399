"""Event arguments of session 19 (English): a pronoun in what someone asks for in the
subjunctive ("suggested that he step down") is not the asker, and the request is coded on
the verb of asking; a pronoun in a clause put
before the sentence's subject ("Hours before he quit, the general ...") stands for whom the
sentence before was about; "with X doing ..." is a clause of its own, whose subject is no
target of the verb before it; an object "it" after an event noun stands for the event, not for
an actor named before; congratulations that name no one are addressed to the person the
text has win an office most often before them. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "preposed": "Evo Morales criticised the army on Sunday. Hours before he resigned, the "
                "commander of the army, General Juan Pardo, publicly suggested that he step down.",
    "urged": "Evo Morales criticised the army. The commander of the army, General Juan Pardo, "
             "publicly urged that he step down.",
    "said-would": "General Juan Pardo said that he would resign.",
    "postposed": "General Juan Pardo criticised the police after he resigned.",
    "with-clause": "Brazil welcomed the ceasefire, with Lula calling it a victory for the "
                   "whole region.",
    "with-actor": "Brazil welcomed the agreement, with Lula praising Argentina.",
    "congratulations": "Gabriel Boric won the presidential election on Sunday. Boric won with "
                       "a wide margin, and the Republican Party won fourteen seats. "
                       "Congratulations came quickly from Alberto Fernández.",
    "named": "Gabriel Boric won the presidential election. Alberto Fernández congratulated "
             "Gustavo Petro on Monday.",
    "unnamed": "Gabriel Boric won the presidential election. Alberto Fernández congratulated "
               "the organisers of the vote.",
    "to-unnamed": "Gabriel Boric won the presidential election. Alberto Fernández sent his "
                  "congratulations to the volunteers.",
}
COLUMNS = "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    yield events_by_sentence(tmp_path_factory.mktemp("args19"), SENTENCES, "en", "2019-11-12",
                             COLUMNS)[1]


def test_subjunctive_pronoun_is_not_the_asker(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[1] for e in found["preposed"] if e[3] == "step"} == {"evo-morales"}
    # the asking is on the verb of asking, though the parser tags "he step" as a present
    assert {e for e in found["preposed"] if e[0] == "REQUEST"} == {
        ("REQUEST", "x-person-juan-pardo", "evo-morales", "suggested")}
    assert ("REQUEST", "x-person-juan-pardo", "evo-morales", "urged") in found["urged"]
    assert {e[1] for e in found["urged"] if e[3] == "step"} == {"evo-morales"}


def test_reported_pronoun_is_still_the_speaker(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[1] for e in found["said-would"] if e[3] == "resign"} == {"x-person-juan-pardo"}


def test_preposed_clause_pronoun_is_the_previous_subject(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[1] for e in found["preposed"] if e[3] == "resigned"} == {"evo-morales"}
    assert {e[1] for e in found["postposed"] if e[3] == "resigned"} == {"x-person-juan-pardo"}


def test_with_clause_subject_is_no_target(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("SUPPORT", "BRA", "", "welcomed") in found["with-clause"]
    assert ("SUPPORT", "BRA", "", "welcomed") in found["with-actor"]
    assert ("SUPPORT", "luiz-inacio-lula-da-silva", "ARG", "praising") in found["with-actor"]


def test_it_after_an_event_noun_is_no_actor(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[2] for e in found["with-clause"] if e[3] == "calling"} == {""}


def test_congratulations_go_to_the_winner(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("SUPPORT", "alberto-fernandez", "gabriel-boric", "Congratulations") in found[
        "congratulations"]
    assert ("SUPPORT", "alberto-fernandez", "gustavo-petro", "congratulated") in found["named"]
    # congratulations that name whom they go to, actors or not, are theirs, not the winner's
    assert {e[2] for e in found["unnamed"] if e[3] == "congratulated"} == {""}
    assert {e[2] for e in found["to-unnamed"] if e[3] == "congratulations"} == {""}


def test_a_plural_present_after_a_noun_is_no_subjunctive(tmp_path: Path) -> None:
    # British agreement: the government negotiate, as they do every year; nobody asks it
    found = events_by_sentence(tmp_path, {"noted": "The minister noted that the government "
                                          "negotiate with the unions every year."},
                               "en", "2019-11-12", "e.trigger, e.modality")[1]
    assert ("negotiate", "asserted") in found["noted"]
