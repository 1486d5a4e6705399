"""Stance, session 26 (issue 15): cues that carry no side. A place or actor that suffers a
misfortune, owns one or undergoes it is not judged by it; taking someone out of a bad
state is a merit, not a fault; a relative clause's owned subject ("cuyo gobierno arruinó
Venezuela") passes its judgement to the owner. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.model import Document
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings
from tests.test_stance_readings13 import LONG_EN, LONG_ES

# A first-person modal makes the text the author's own voice; the plain report sentences,
# twice, make it too long to be read as a social post.
OPINION_EN = " We must say it clearly and never keep quiet."
OPINION_ES = " Debemos decirlo con claridad y no callarnos nunca."


def _read(settings: Settings, text: str, language: str
          ) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    tail = LONG_EN * 2 + OPINION_EN if language == "en" else LONG_ES * 2 + OPINION_ES
    doc = Document(source="t.txt", locator="", raw=(text + tail).encode(), content_type="text",
                   metadata={"language": language, "published": "2024-06-01"})
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    assert done.error is None, done.error
    return {s.actor_id: (s.label, [(c.kind, c.cue) for c in s.cues if c.weight])
            for s in done.stances}


@pytest.mark.parametrize(("text", "language", "actor"), [
    # the subject of an undergoing verb is its patient
    ("California suffers blackouts and a terrible drought every summer.", "en",
     "x-place-california"),
    ("Chile sufre una sequía terrible.", "es", "CHL"),
    ("Venezuela padece una crisis humanitaria terrible.", "es", "VEN"),
    # the owner of a misfortune is where it happens, not its doer
    ("California's drought has become a catastrophe.", "en", "x-place-california"),
    ("La sequía de Chile es una catástrofe.", "es", "CHL"),
    # a misfortune that kills is nobody's act
    ("Haiti's earthquake killed thousands of people.", "en", "HTI"),
    # the words that tell a misfortune judge nobody in the clause
    ("During the blackouts, Texas experienced a terrible ordeal.", "en", "x-place-texas"),
    ("After the devastating hurricane, Cuba faced months of misery.", "en", "CUB"),
    ("Tras el terrible terremoto, Ecuador atravesó meses de miseria.", "es", "ECU"),
])
def test_a_misfortune_is_no_judgement_of_who_suffers_it(settings: Settings, text: str,
                                                         language: str, actor: str) -> None:
    label, cues = _read(settings, text, language)[actor]
    assert label == "neutral", cues


@pytest.mark.parametrize(("text", "language", "actor"), [
    ("Joe Biden lifted millions out of poverty.", "en", "joe-biden"),
    ("Evo Morales freed thousands of families from extreme poverty.", "en", "evo-morales"),
    ("Lula sacó de la pobreza a millones de brasileños.", "es", "luiz-inacio-lula-da-silva"),
    # the source phrase parsed onto the people taken out of it
    ("Lula sacó a millones de brasileños de la pobreza.", "es", "luiz-inacio-lula-da-silva"),
])
def test_taking_people_out_of_a_bad_state_is_a_merit(settings: Settings, text: str,
                                                     language: str, actor: str) -> None:
    label, cues = _read(settings, text, language)[actor]
    assert label == "favor", cues


def test_what_an_undergoer_is_judged_by_still_counts(settings: Settings) -> None:
    """Facing criticism makes no fault, but the author's words on one's own policies do."""
    label, cues = _read(settings, "Donald Trump faces criticism for his disastrous policies.",
                        "en")["donald-trump"]
    assert label == "against", cues
    assert [c for c in cues if c[0] == "attribute"], cues


def test_pushing_people_into_poverty_stays_a_fault(settings: Settings) -> None:
    """Only what someone is taken out of turns sign: "into poverty" is where they end up."""
    label, cues = _read(settings, "Bolsonaro pushed millions back into poverty.",
                        "en")["jair-bolsonaro"]
    assert label == "against", cues


@pytest.mark.parametrize(("text", "owner", "owned"), [
    ("Nicolás Maduro, cuyo gobierno arruinó Venezuela, habló ayer.", "nicolas-maduro",
     "VENGOV"),
    ("Jair Bolsonaro, cuyo gobierno destruyó la Amazonía, habló ayer.", "jair-bolsonaro",
     "BRAGOV"),
])
def test_a_relatives_owned_subject_passes_its_judgement_to_the_owner(
        settings: Settings, text: str, owner: str, owned: str) -> None:
    found = _read(settings, text, "es")
    assert found[owner][0] == "against", found[owner]
    assert found[owned][0] == "against", found[owned]


def test_social_justice_is_no_court(settings: Settings) -> None:
    """"la justicia social" is an ideal: defending it sides with no court (la Justicia), while
    "la justicia argentina" still names Argentina's courts."""
    found = _read(settings, "Gabriel Boric defiende la justicia social.", "es")
    assert found["gabriel-boric"][0] == "favor", found["gabriel-boric"]
    assert not [actor for actor in found if actor.endswith("JUD")], found
    courts = _read(settings, "La justicia argentina condenó a Cristina Fernández de Kirchner.",
                   "es")
    assert "ARGJUD" in courts, courts
