"""Pronouns inside a direct quotation (issue 11, found on our gold's en-12: '"...," said
Ayala. "Nobody is left to investigate him."'): in a speaker's own words "I" and "we" are the
speaker, and "he", "him", "they", "lo" or "ella" someone else, never the speaker. Sentences
of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

ENGLISH = {
    # a third-person pronoun in the speaker's own quotation is someone else: the one named
    # in the quote before it, not the speaker of the continued quote
    "him": ('"Nayib Bukele now controls the courts," said Mauricio Ayala. "Nobody is left to '
            'investigate him."'),
    # with no one else to stand for, "he" stays unresolved: nobody threatens anything
    "he will": '"He will attack Colombia," said Nicolás Maduro.',
    # "we" and "me" are the speaker
    "we": '"We condemned Joe Biden," said Nicolás Maduro.',
    "me": 'Nicolás Maduro met Joe Biden. "He condemned me," Maduro said.',
    # reported speech is not a quotation: "it" there is the speaker
    "indirect": "Venezuela said it would attack Colombia.",
}
SPANISH = {
    "él": "«Él va a atacar a Colombia», dijo Nicolás Maduro.",
    "ella nos": "«Ella nos atacó», dijo Nicolás Maduro.",
    "nosotros": "«Nosotros condenamos a Gustavo Petro», afirmó Nicolás Maduro.",
    "lo": ("Gustavo Petro se reunió con Nicolás Maduro. «Nosotros lo apoyamos», afirmó "
           "Maduro."),
}
COLUMNS = "e.type, e.source_id, e.target_id"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    folder: Path = tmp_path_factory.mktemp("quote24-en")
    return events_by_sentence(folder, ENGLISH, "en", "2021-05-03", COLUMNS)[1]


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    folder: Path = tmp_path_factory.mktemp("quote24-es")
    return events_by_sentence(folder, SPANISH, "es", "2021-05-03", COLUMNS)[1]


def test_third_person_in_a_quote_is_not_its_speaker(english: dict) -> None:
    assert ("ACCUSE", None, "nayib-bukele") in english["him"]
    assert not any("x-person-mauricio-ayala" in e[1:] for e in english["him"]
                   if e[0] == "ACCUSE")


def test_unresolved_third_person_is_no_act_of_the_speaker(english: dict, spanish: dict
                                                          ) -> None:
    assert english["he will"] == {("ASSAULT", None, "COL")}
    assert spanish["él"] == {("ASSAULT", None, "COL")}
    assert not any(e[1] == "nicolas-maduro" for e in spanish["ella nos"] if e[0] != "STATEMENT")


def test_first_person_in_a_quote_is_its_speaker(english: dict, spanish: dict) -> None:
    assert ("ACCUSE", "nicolas-maduro", "joe-biden") in english["we"]
    assert ("ACCUSE", "joe-biden", "nicolas-maduro") in english["me"]
    assert ("ACCUSE", "nicolas-maduro", "gustavo-petro") in spanish["nosotros"]
    assert ("SUPPORT", "nicolas-maduro", "gustavo-petro") in spanish["lo"]


def test_reported_speech_keeps_its_speaker(english: dict) -> None:
    assert ("THREATEN", "VEN", "COL") in english["indirect"]
