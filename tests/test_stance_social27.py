"""Stance in social posts, session 27 (issue 15): what a hashtag's own words say of the actor
it names, tags that run a name into a clause, and calls to vote. Constructed posts, written
for these tests."""

from __future__ import annotations

import pytest

from marea.actors.kb import load_kb
from marea.actors.spans import tag_words
from marea.model import Document
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings
from tests.test_stance_readings11 import _stances


def _post(settings: Settings, text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """The stances of a post published during the 2016 US campaign."""
    doc = Document(
        source="post.txt",
        locator="",
        raw=text.encode(),
        content_type="text",
        metadata={"language": "en", "published": "2016-07-01"},
    )
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    assert done.error is None, done.error
    return _stances(done)


@pytest.mark.parametrize(
    ("text", "actor", "label"),
    [
        ("The hearing went on all day. #HillaryLies", "hillary-clinton", "against"),
        ("The committee found nothing again. #ITrustHillary", "hillary-clinton", "favor"),
        ("Long day knocking on doors in Ohio. #readyforhillary", "hillary-clinton", "favor"),
        ("The rally today was loud. #HillaryForPrison", "hillary-clinton", "against"),
        ("Watching the debate tonight. #Trumpforpresident", "donald-trump", "favor"),
        ("Watching the debate tonight. #Trump4POTUS", "donald-trump", "favor"),
        ("He said it and nobody else would. #TrumpIsRight", "donald-trump", "favor"),
    ],
)
def test_a_hashtag_judges_the_actor_it_names_by_its_own_words(
    settings: Settings, text: str, actor: str, label: str
) -> None:
    """Beside the name, a judging word ("Lies", "Trust", "Prison"), a campaign word run
    together in lower case ("readyfor") or "for president" says which side the tag takes,
    whatever the rest of the post is about."""
    found, cues = _post(settings, text)[actor]
    assert found == label, cues
    assert any(kind == "hashtag" for kind, _ in cues), cues


@pytest.mark.parametrize(
    "text",
    [
        "Watching the interview tonight. #HillaryonCNN",
        "Big crowd at the town hall. #HillaryInNH",
    ],
)
def test_a_hashtag_that_only_places_the_actor_takes_no_side(settings: Settings, text: str) -> None:
    """A place or channel beside the name judges nothing, nor does an acronym that the
    sentiment word list happens to hold ("NH")."""
    found, cues = _post(settings, text)["hillary-clinton"]
    assert found == "neutral", cues


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("HillaryforNH", ["Hillary", "for", "NH"]),  # a campaign's state account
        ("Trumpforpresident", ["Trump", "forpresident"]),
        ("TrumpTower", ["Trump", "Tower"]),  # split by case as before; no clause, no name
        ("Obamacare", ["Obamacare"]),  # a word that starts with a name is no name with a clause
    ],
)
def test_a_name_run_into_a_clause_word_is_split_after_the_name(tag: str, words: list[str]) -> None:
    assert tag_words(tag, load_kb()) == words


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Big night ahead. #Trump2016", "donald-trump"),
        ("Thanks for the follow, @HillaryforIA!", "hillary-clinton"),
    ],
)
def test_a_leading_surname_with_a_year_or_a_clause_names_the_candidate(
    settings: Settings, text: str, actor: str
) -> None:
    assert actor in _post(settings, text)


def test_a_leading_surname_in_a_compound_tag_names_nobody(settings: Settings) -> None:
    """ "#TrumpTower" is a building: the surname opens a compound, not a clause about him."""
    assert "donald-trump" not in _post(settings, "Lunch near #TrumpTower today.")


@pytest.mark.parametrize(
    ("text", "actor", "label"),
    [
        ("Tired of the same old faces? Vote @realDonaldTrump #tcot", "donald-trump", "favor"),
        ("Please vote for Hillary in November! #Dems", "hillary-clinton", "favor"),
        ("Don't vote for Hillary, she will say anything. #tcot", "hillary-clinton", "against"),
        ("Donald Trump for president? Sounds good to me. #GOP", "donald-trump", "favor"),
        ("@realDonaldTrump Keep going. You have my vote! #tcot", "donald-trump", "favor"),
        (
            "@realDonaldTrump the networks are scared. I'm campaigning for you!",
            "donald-trump",
            "favor",
        ),
    ],
)
def test_a_post_that_calls_to_vote_for_an_actor_sides_with_it(
    settings: Settings, text: str, actor: str, label: str
) -> None:
    """A call to vote that opens its sentence, or a name put forward "for president", is the
    author's own endorsement, however the tagger parses the handle after "Vote"."""
    found, cues = _post(settings, text)[actor]
    assert found == label, cues
    assert any(kind == "endorsement" for kind, _ in cues), cues


def test_a_vote_told_in_the_third_person_is_no_call(settings: Settings) -> None:
    """Only a call that opens its sentence counts: "He said people vote for Hillary" is what
    somebody else does."""
    found, cues = _post(settings, "My uncle says people vote for Hillary out of habit. #p2")[
        "hillary-clinton"
    ]
    assert not any(kind == "endorsement" for kind, _ in cues), cues


def test_backing_a_candidates_party_opposes_the_rival_candidate(settings: Settings) -> None:
    """In the 2016 campaign a post for the Republicans is against the Democratic nominee,
    who is not named; a post against the Republicans says nothing of her."""
    stances = _post(settings, "What we must do now is support all Republicans. #tcot")
    assert stances["republican-usa"][0] == "favor", stances
    assert stances["hillary-clinton"][0] == "against", stances
    assert "hillary-clinton" not in _post(settings, "The Republicans are a disgrace. #p2")


@pytest.mark.parametrize(
    "text", ["Great rally tonight! #FeelTheBern", "Bernie is the honest one in this race. #p2"]
)
def test_backing_sanders_in_the_primary_opposes_clinton(settings: Settings, text: str) -> None:
    """The 2016 Democratic primary was fought out by two: a post for Sanders (his slogan, his
    name) is against Clinton, who is not named."""
    stances = _post(settings, text)
    assert stances["bernie-sanders"][0] == "favor", stances
    assert stances["hillary-clinton"][0] == "against", stances


def test_backing_the_party_takes_no_side_in_its_own_primary(settings: Settings) -> None:
    """For the Democrats is against the Republican nominee, not against either Democrat."""
    stances = _post(settings, "What we must do now is support all Democrats. #p2")
    assert stances["donald-trump"][0] == "against", stances
    assert "bernie-sanders" not in stances and "hillary-clinton" not in stances, stances


def test_a_one_word_tag_is_judged_by_no_word_of_its_own(settings: Settings) -> None:
    """ "#Resistance" names the opposition and is no praise of it: a tag's judging word counts
    only beside a name in it, and here the name is all there is."""
    stances = _post(settings, "A member of the #Resistance may face obstruction charges.")
    assert not any(kind == "hashtag" for _, cues in stances.values() for kind, _ in cues), stances
