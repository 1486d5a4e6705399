"""Stance in social posts, session 24 (issue 15): mocking blends of a candidate's name and
contractions inside hashtags. Constructed posts, written for these tests."""

from __future__ import annotations

import pytest

from marea.actors.kb import load_kb
from marea.actors.spans import HANDLE, name_blend, tag_words
from marea.settings import Settings
from tests.test_stance_readings11 import _processed, _stances


def _post(settings: Settings, text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return _stances(_processed(settings, text))


@pytest.mark.parametrize(("word", "actor"), [
    ("Killary", "hillary-clinton"),  # one letter changed
    ("Shillary", "hillary-clinton"),  # two letters for one
    ("Hillary", None),  # the name itself is no blend
    ("Hilary", None),  # a misspelling keeps too little of the name to count
    ("Barren", None),  # an ordinary word
    ("Republican", None),
])
def test_a_name_blend_is_a_known_one_word_name_with_another_onset(word: str,
                                                                 actor: str | None) -> None:
    assert name_blend(word, load_kb()) == actor


@pytest.mark.parametrize("text", [
    "Another speech, another promise from #Killary today.",
    "Shillary is back on the trail with the same speech.",
    "Nobody believes a word anymore. #NoBillary",
])
def test_a_mocking_blend_names_the_candidate_and_opposes_her(settings: Settings,
                                                            text: str) -> None:
    """A derisive blend of a name ("Killary") links to the person it mocks, and the
    mockery is the author's label on her."""
    label, cues = _post(settings, text)["hillary-clinton"]
    assert label == "against", cues
    assert any(kind == "label" and "illary" in cue for kind, cue in cues), cues


def test_a_contraction_stays_inside_its_hashtag(settings: Settings) -> None:
    """The apostrophe of "I'm" does not end the tag: the whole tag names the candidate and
    its "not" campaigns against her."""
    label, cues = _post(settings, "Watched the debate again. #WhyI'mNotVotingForHillary")[
        "hillary-clinton"]
    assert label == "against", cues
    assert ("hashtag", "#WhyI'mNotVotingForHillary") in cues, cues


def test_a_negated_campaign_hashtag_is_against(settings: Settings) -> None:
    label, cues = _post(settings, "Think before November. #Don'tVoteTrump")["donald-trump"]
    assert label == "against", cues


def test_a_contraction_is_one_word_of_a_tag_and_a_possessive_no_part_of_it() -> None:
    assert tag_words("WhyI'mNotVoting", load_kb()) == ["Why", "Im", "Not", "Voting"]
    assert HANDLE.findall("#WhyI'mNotVoting and #SupremeCourt's ruling") == [
        "WhyI'mNotVoting", "SupremeCourt"]
