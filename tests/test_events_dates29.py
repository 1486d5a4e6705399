"""Event dates from the clause that governs the trigger (issue 11, item 3): a present wish is
not dated by a past year about something else; an event noun at a verb's occasion ("from
their summit") takes the verb's date; a clause of its own after a dated one keeps its own; a
weekday or year-less day is the coming one for what is still to come; "hours later", "Por la
tarde", "en cuestión de minutos" are the day the text was telling about; a bound ("hasta
abril") is no date. All articles are dated Thursday 14 March 2024."""

from __future__ import annotations

from pathlib import Path

from marea.events.timex import find_timexes
from tests.conftest import events_by_sentence

PUBLISHED = "2024-03-14"
COLUMNS = "e.trigger, e.date, e.date_basis"

ENGLISH = {
    "wish": "The United States wants Britain to extradite Julian Assange over his alleged role "
            "in the publication of secret documents in 2010.",
    "summit": "Joe Biden condemned the raid, and on Monday he and Justin Trudeau issued a joint "
              "declaration from their summit in Ottawa.",
    "will meet": "Nicolás Maduro will meet Gustavo Petro on Friday.",
    "met": "Nicolás Maduro met Gustavo Petro on Friday.",
    "takes office": "Javier Milei said his team would join the talks before he takes office on "
                    "December 10.",
    "hours later": "The Senate removed the governor on Tuesday. Hours later, police arrested "
                   "the opposition leader.",
    "published": "In a joint statement published on March 1, the Russian and Iranian foreign "
                 "ministries accused the United States of arming the rebels.",
    "last year": "In June last year Nayib Bukele sent soldiers into the Assembly to press the "
                 "deputies.",
    "opening": "On March 2nd, after a week of strikes, Gustavo Petro declared: the government "
               "will not negotiate with the unions.",
}
SPANISH = {
    "hasta": "Los presidentes decidieron ayer suspender a Paraguay del bloque hasta las "
             "elecciones de abril de 2025.",
    "por la tarde": "El Congreso destituyó el martes a Pedro Castillo. Por la tarde, Dina "
                    "Boluarte juró como presidenta.",
    "minutos": "Pedro Castillo disolvió el Congreso el martes. En cuestión de minutos "
               "renunciaron cuatro ministros del Gobierno.",
    "asume": "Claudia Sheinbaum, que asume el lunes, criticó a Donald Trump.",
    "martes 5": "El martes 5, el sindicato anunció una huelga. Ese mismo día, el ministro Pablo "
                "Mieres criticó al sindicato.",
    "horas antes": "Los rebeldes tomaron el aeropuerto el lunes. La OEA había rechazado horas "
                   "antes cualquier ataque de los rebeldes.",
    "desde entonces": "En enero el presidente declaró el estado de excepción. Desde entonces, "
                      "las Fuerzas Armadas patrullan las calles.",
    "mediados de año": "Pedro Castillo había roto con Perú Libre a mediados de año.",
}


def dates(tmp_path: Path, sentences: dict[str, str], language: str
          ) -> dict[str, dict[str, set[tuple[str, str]]]]:
    """{sentence key: {trigger: {(date, basis)}}} of each sentence's events."""
    found = events_by_sentence(tmp_path, sentences, language, PUBLISHED, COLUMNS)[1]
    table: dict[str, dict[str, set[tuple[str, str]]]] = {}
    for key, rows in found.items():
        for trigger, day, basis in rows:
            table.setdefault(key, {}).setdefault(trigger, set()).add((day, basis))
    return table


def test_english_dates_follow_the_clause_that_governs_the_trigger(tmp_path: Path) -> None:
    found = dates(tmp_path, ENGLISH, "en")
    # the extradition is wanted now; 2010 is when the documents came out
    assert found["wish"]["extradite"] == {(PUBLISHED, "publication")}
    # Monday is the summit's and the declaration's, not the condemnation's
    assert found["summit"]["summit"] == {("2024-03-11", "text")}
    assert found["summit"]["condemned"] == {(PUBLISHED, "publication")}
    assert found["will meet"]["meet"] == {("2024-03-15", "text")}
    assert found["met"]["met"] == {("2024-03-08", "text")}
    # "before he takes office on December 10": the coming December, and no date for joining
    assert found["takes office"]["takes"] == {("2024-12-10", "text")}
    assert found["takes office"]["join"] == {(PUBLISHED, "publication")}
    assert found["hours later"]["arrested"] == {("2024-03-12", "text")}
    # the date opening the sentence is the declaration's, and so the quoted refusal's: what
    # was said on 2 March about the future is not moved to a coming March
    # the statement's date is the accusation's
    assert found["published"]["accused"] == {("2024-03-01", "text")}
    assert found["last year"]["sent"] == {("2023-06", "text")}
    assert found["opening"]["negotiate"] == {("2024-03-02", "text")}


def test_spanish_dates_follow_the_clause_that_governs_the_trigger(tmp_path: Path) -> None:
    found = dates(tmp_path, SPANISH, "es")
    assert found["hasta"]["suspender"] == {("2024-03-13", "text")}  # ayer, not April 2025
    assert found["por la tarde"]["juró"] == {("2024-03-12", "text")}
    assert found["minutos"]["renunciaron"] == {("2024-03-12", "text")}
    assert found["asume"]["asume"] == {("2024-03-18", "text")}  # the coming Monday
    assert found["martes 5"]["criticó"] == {("2024-03-05", "text")}  # not last Tuesday, the 12th
    # "horas antes" is a time on the Monday of the seizure, not a bound like "antes de"
    assert found["horas antes"]["rechazado"] == {("2024-03-11", "text")}
    assert found["desde entonces"]["patrullan"] == {("2024-01", "text")}
    assert found["mediados de año"]["roto"] == {("2024", "text")}


def test_same_day_anaphora_take_the_day_the_story_is_at() -> None:
    """The day a text last gave, skipping a day that only names an election; none without."""
    text = ("The assembly met on Saturday. Its party won the March 3 election, and within "
            "minutes it replaced the judges.")
    assert [(t.text, t.value) for t in find_timexes(text, "en", PUBLISHED)] == [
        ("Saturday", "2024-03-09"), ("March 3", "2024-03-03"), ("within minutes", "2024-03-09")]
    assert find_timexes("Los ministros renunciaron horas después.", "es", PUBLISHED) == []


def test_counted_steps_count_from_the_text_s_last_date() -> None:
    """"a day earlier", "tres días después" step from the date just given; "un día después de
    que ..." counts from another event and is left alone."""
    text = "The Senate voted on June 20. A day earlier, the House acted; two weeks later he quit."
    assert [(t.text, t.value) for t in find_timexes(text, "en", "2024-06-27")] == [
        ("June 20", "2024-06-20"), ("A day earlier", "2024-06-19"),
        ("two weeks later", "2024-W27")]
    text = ("El Senado votó el 22 de junio. Un día antes, la Cámara aprobó el juicio. Un día "
            "después de que votaran, habló.")
    assert [(t.text, t.value) for t in find_timexes(text, "es", "2024-06-27")] == [
        ("el 22 de junio", "2024-06-22"), ("Un día antes", "2024-06-21")]
