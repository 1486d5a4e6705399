"""Framing fires on framing (session 20): a news report's plain category words are no labels."""

from __future__ import annotations

from marea.settings import Settings
from tests.conftest import frame_spans

NAME_CALLING = "Name_Calling,Labeling"


def _spans(settings: Settings, text: str, kind: str, language: str = "es"
           ) -> set[tuple[str, str]]:
    return frame_spans(settings, text, kind, language)


def test_crime_reporting_words_in_a_news_report_are_no_name_calling(settings: Settings
                                                                      ) -> None:
    # "pandilleros", "delincuentes", "sicarios" are what a Salvadoran or Colombian court
    # report calls the accused, as "criminals" is in English: descriptors, not labels, and
    # they do not make the legal "supuestos" before them a writer's doubt
    assert _spans(settings, "Los jueces de San Salvador enviaron a prisión preventiva a 300 "
                  "supuestos pandilleros, acusados de agrupaciones ilícitas. La policía "
                  "detuvo además a dos sicarios y a tres delincuentes en Soyapango. “Sabemos "
                  "que han pasado bandas de distinta connotación”, dijo el fiscal.",
                  "news") == set()


def test_the_same_words_as_an_op_ed_writers_epithets_still_count(settings: Settings) -> None:
    spans = _spans(settings, "Este gobierno de ladrones entregó el país a los pandilleros. "
                   "Los delincuentes mandan en cada barrio y nadie hace nada.", "opinion")
    assert ("los pandilleros", NAME_CALLING) in spans
    assert ("Los delincuentes", NAME_CALLING) in spans
    assert ("ladrones", NAME_CALLING) in spans


def test_a_news_reports_partial_quote_is_its_sources_words_not_a_scare_quote(
        settings: Settings) -> None:
    # quote marks in a sentence that reports speech give the source's words exactly; the
    # loaded word inside them is the source's, not the reporter's
    assert _spans(settings, "Big Machine has denied the claims, saying they were “shocking "
                  "and false.” His lawyer said a guilty plea would “ruin his life.”",
                  "news", "en") == set()
    # a label the source gives stays reported name calling
    assert ("thugs", NAME_CALLING) in _spans(
        settings, "The minister called the protesters “thugs” on Tuesday.", "news", "en")


def test_a_word_of_a_capitalised_title_in_a_news_report_calls_nobody_anything(
        settings: Settings) -> None:
    assert _spans(settings, "The band played hit singles like “What A Fool Believes” at the "
                  "concert.", "news", "en") == set()
    # a lower-case word before it, the title closing the sentence
    assert _spans(settings, "He appeared on four albums and singles like 1978’s “What a Fool "
                  "Believes.” He later left the band.", "news", "en") == set()
