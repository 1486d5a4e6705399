"""Issue 15, session 17: neutral actors read as favour or against on news-analysis pages. A
party's capitalised name ("the Democratic nominee") and a preposition ("countries like
Brazil") judge nothing; a name that only says which thing ("the Ukraine scandal") takes no
tone from it; a harm only a quoted speaker tells does not put its victim on the author's
side. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings11 import VOICE, _processed, _stances
from tests.test_stance_readings13 import LONG_EN


def _read(settings: Settings, text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return _stances(_processed(settings, text + LONG_EN + VOICE))


@pytest.mark.parametrize(("text", "actor"), [
    ("The Democratic nominee, Joe Biden, spoke in Ohio on Monday.", "joe-biden"),
    ("Large countries like Brazil hold elections every four years.", "BRA"),
    ("Reporters asked about the Ukraine scandal and the awful cover-up.", "UKR"),
])
def test_a_name_or_a_preposition_is_no_judgement(settings: Settings, text: str,
                                                 actor: str) -> None:
    label, cues = _read(settings, text)[actor]
    assert (label, cues) == ("neutral", []), cues


def test_an_evaluative_word_still_judges_after_a_name(settings: Settings) -> None:
    """Only the capitalised word is a name's: the lower-case judgement still counts."""
    label, cues = _read(settings, "The Democratic nominee, Joe Biden, is a dangerous liar."
                        )["joe-biden"]
    assert label == "against", cues
    assert ("label", "Democratic") not in cues, cues


def test_a_sentence_opening_word_is_still_the_authors(settings: Settings) -> None:
    label, cues = _read(settings, "Brilliant diplomacy by Mexico ended the crisis.")["MEX"]
    assert (label, cues) == ("favor", [("context", "Brilliant")]), cues


def test_a_harm_a_speaker_tells_sets_no_sides(settings: Settings) -> None:
    """The author opposes Trump; the voters, not the author, tell of what he did to Ukraine."""
    stances = _read(settings, "Donald Trump is a dangerous liar. Trump lied again this week. "
                    "Most voters say that Trump's attempt to coerce Ukraine was wrong.")
    assert stances["donald-trump"][0] == "against", stances["donald-trump"]
    label, cues = stances["UKR"]
    assert label == "neutral", cues
    assert not [kind for kind, _ in cues if kind.startswith("side:")], cues


def test_a_harm_the_author_tells_still_sides_with_the_victim(settings: Settings) -> None:
    stances = _read(settings, "Donald Trump is a dangerous liar. Trump lied again this week. "
                    "Trump tried to coerce Ukraine.")
    assert stances["UKR"][0] == "favor", stances["UKR"]

