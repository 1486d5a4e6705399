"""Stance in social posts, session 29 (issue 15): how posts of a campaign name its candidates
(given name, initials, a letter wrong). Constructed posts, written for these tests."""

from __future__ import annotations

import pytest

from marea.model import Document
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings
from tests.test_stance_readings11 import _stances


def _post(
    settings: Settings, text: str, published: str = "2016-07-01"
) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """The stances of a post published on `published` (by default during the 2016 US
    campaign)."""
    doc = Document(
        source="post.txt",
        locator="",
        raw=text.encode(),
        content_type="text",
        metadata={"language": "en", "published": published},
    )
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    assert done.error is None, done.error
    return _stances(done)


@pytest.mark.parametrize(
    ("text", "actor", "label"),
    [
        ("HRC is a shameless liar and everybody knows it. #tcot", "hillary-clinton", "against"),
        ("Hilary lied to the families again. #tcot", "hillary-clinton", "against"),
        ("Hillery Clinton is a corrupt crook. #tcot", "hillary-clinton", "against"),
        ("I love you Donald, keep going! #tcot", "donald-trump", "favor"),
    ],
)
def test_a_post_of_the_campaign_names_a_candidate_as_posts_do(
    settings: Settings, text: str, actor: str, label: str
) -> None:
    """During the 2016 campaign a post calls Clinton by her initials and Trump by his given
    name, and misspells names by a letter: each is still the candidate."""
    found, cues = _post(settings, text)[actor]
    assert found == label, cues


def test_initials_and_given_names_name_no_candidate_outside_a_campaign(
    settings: Settings,
) -> None:
    """In 2012 nobody was running against Clinton or Trump: "HRC" is anyone's initials and
    "Donald" anyone's given name."""
    stances = _post(settings, "HRC is a shameless liar. Donald is no better. #tcot", "2012-05-01")
    assert "hillary-clinton" not in stances
    assert "donald-trump" not in stances


def test_another_persons_name_is_no_misspelt_candidate(settings: Settings) -> None:
    """A given name one letter from a candidate's that opens another full name is that
    person's ("Hilary Duff" is no Hillary Clinton)."""
    stances = _post(settings, "Hilary Duff sang beautifully last night. #concert")
    assert "hillary-clinton" not in stances


@pytest.mark.parametrize(
    ("text", "actor", "label"),
    [
        ("Honestly we would love to see Bernie as president. #politics", "bernie-sanders", "favor"),
        (
            "I would rather see Bernie as president than Mrs. Clinton. #politics",
            "hillary-clinton",
            "against",
        ),
        ("@realDonaldTrump we all want you as our next president!! #tcot", "donald-trump", "favor"),
        (
            "I never want Trump as president, not in a million years #politics",
            "donald-trump",
            "against",
        ),
        ("Just put my Hillary 2016 sticker on the old truck #roadtrip", "hillary-clinton", "favor"),
    ],
)
def test_a_post_wishes_a_candidate_into_office_or_not(
    settings: Settings, text: str, actor: str, label: str
) -> None:
    """The author who wants a candidate as president, or puts the name with the election's
    year on a sticker, is for them; "rather X than Y" is against Y, "never" against X."""
    found, cues = _post(settings, text)[actor]
    assert found == label, cues
    assert any(kind == "endorsement" for kind, _ in cues), cues


def test_telling_a_candidate_not_to_apologize_is_taking_their_side(settings: Settings) -> None:
    """ "@X Don't apologize" tells X there is nothing to apologize for: for X. "X did not
    apologize" still says X never made amends."""
    found, cues = _post(settings, "@realDonaldTrump Don't apologize for saying it. #tcot")[
        "donald-trump"
    ]
    assert found == "favor", cues
    found, cues = _post(settings, "Trump did not apologize for those words. #tcot")["donald-trump"]
    assert found == "against", cues


def test_a_name_with_another_ending_is_another_persons(settings: Settings) -> None:
    """A misspelt given name keeps its first and last letters: during Chile's 2021 run-off
    "Gabriela" is a woman's name, no Gabriel Boric."""
    stances = _post(settings, "Gabriela cooked for the whole street today #vecinos", "2021-12-01")
    assert "gabriel-boric" not in stances
