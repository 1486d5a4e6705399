"""Framing recall (session 21): general-purpose pejoratives, and their Spanish."""

from __future__ import annotations

from marea.settings import Settings
from tests.conftest import frame_spans

LOADED = "Loaded_Language"


def _spans(settings: Settings, text: str, kind: str, language: str = "en"
           ) -> set[tuple[str, str]]:
    return frame_spans(settings, text, kind, language)


def test_an_op_eds_pejoratives_are_loaded_language_with_their_phrase(settings: Settings
                                                                      ) -> None:
    # words whose only sense is a charge; an adjective takes in the noun it qualifies
    spans = _spans(settings, "The committee's dishonest efforts to smear the governor failed. "
                   "Its machinations were exposed, and the ill-starred inquiry ended in "
                   "ridicule. It was a foolish gamble from the start.", "opinion")
    assert ("dishonest efforts", LOADED) in spans
    assert ("machinations", LOADED) in spans
    assert ("the ill-starred inquiry", LOADED) in spans
    assert ("a foolish gamble", LOADED) in spans


def test_a_news_reports_unmarked_pejorative_is_no_technique(settings: Settings) -> None:
    # the news gate is unchanged: a report's own wording counts only when marked
    assert _spans(settings, "The committee said the governor's dishonest efforts were under "
                  "review. Officials described the plan as foolish.", "news") == set()


def test_the_spanish_of_the_english_charges(settings: Settings) -> None:
    spans = _spans(settings, "La oposición montó una maniobra burda para frenar la ley. "
                   "Todo el proceso fue una farsa y un despropósito.", "opinion", "es")
    assert ("una maniobra burda", LOADED) in spans
    assert ("una farsa", LOADED) in spans
    assert ("un despropósito", LOADED) in spans


def test_the_likes_of_a_name_in_an_op_ed_is_name_calling(settings: Settings) -> None:
    # dismissive "the likes of" makes the person a specimen of a type
    spans = _spans(settings, "We should not take lessons from the likes of Steve Bannon on "
                   "democracy.", "opinion")
    assert ("the likes of Steve Bannon", "Name_Calling,Labeling") in spans
    # a news report's own "the likes of" lists examples
    assert _spans(settings, "Retailers such as Walmart compete with the likes of Amazon for "
                  "shoppers.", "news") == set()
