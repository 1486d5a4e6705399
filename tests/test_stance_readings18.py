"""Issue 15, session 18: an unclosed opening quote ends with its paragraph; winning or losing
an election is no harm; sense words of the polarity lexicon ("the hand of Washington") judge
nothing; an office below the national level gives no national government. Sentences of our
own."""

from __future__ import annotations

from marea.events.modality import QUOTES
from marea.settings import Settings
from tests.test_stance_readings11 import VOICE, _processed, _stances
from tests.test_stance_readings13 import LONG_EN


def _read(settings: Settings, text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return _stances(_processed(settings, text + LONG_EN + VOICE))


def test_a_quotation_left_open_ends_with_its_paragraph() -> None:
    text = ("She believes that “the new government will bring peace.\n\nThe plan is sound."
            "\n\n“Nothing will change”, she says.")
    assert [m.group(1) for m in QUOTES.finditer(text)] == [
        "the new government will bring peace.", "Nothing will change"]


def test_the_paragraph_after_an_unclosed_quote_is_the_authors(settings: Settings) -> None:
    stances = _read(settings, "The analyst Maria Lopez believes that “the talks will bring "
                    "peace to the region.\n\nThe brutal dictator Nicolás Maduro jailed his "
                    "critics again.\n\n“Nothing will change”, she says.")
    label, cues = stances["nicolas-maduro"]
    assert label == "against", cues
    assert not [kind for kind, _ in cues if kind.startswith("quoted")], cues


def test_winning_or_losing_an_election_is_no_harm_and_no_merit(settings: Settings) -> None:
    stances = _read(settings, "In the runoff election, Pedro Castillo beat Keiko Fujimori "
                    "by a narrow margin. Two years earlier Martín Vizcarra won in a landslide.")
    for actor in ("pedro-castillo", "keiko-fujimori", "martin-vizcarra"):
        label, cues = stances[actor]
        assert label == "neutral", (actor, cues)
        assert not [kind for kind, _ in cues if kind.startswith(("predicate", "side"))], cues


def test_being_beaten_in_a_cell_is_still_harm(settings: Settings) -> None:
    label, cues = _read(settings, "Guards beat Pedro Castillo in his cell.")["pedro-castillo"]
    assert label == "favor", cues
    assert ("predicate:object", "beat") in cues, cues


def test_a_word_in_a_sense_that_judges_nothing_is_no_cue(settings: Settings) -> None:
    """"hand" is praise in VADER (a helping hand); here it is whose doing the rules are."""
    stances = _read(settings, "Analysts see the hand of Washington behind the new trade "
                    "rules. Mitch McConnell has the bill in his hands and a special counsel "
                    "will make sure of the dates.")
    for actor in ("USA", "x-person-mitch-mcconnell"):
        label, cues = stances[actor]
        assert (label, cues) == ("neutral", []), (actor, cues)


def test_an_office_below_the_national_level_is_no_national_government(
        settings: Settings) -> None:
    doc = _processed(settings, "Delhi's Chief Minister Arvind Kejriwal asked residents to stay "
                     "indoors. The Indian government is a disgrace and its ministers are "
                     "liars." + LONG_EN + VOICE)
    roles = {m.role for m in doc.mentions if m.actor_id == "x-person-arvind-kejriwal"}
    assert roles == {None}, roles
    stance = {s.actor_id: s for s in doc.stances}["x-person-arvind-kejriwal"]
    assert stance.label == "neutral", stance.cues
    assert not [c for c in stance.cues if c.kind.startswith("side:")], stance.cues


def test_being_elected_is_no_merit(settings: Settings) -> None:
    label, cues = _read(settings, "Pedro Castillo was elected president in June."
                        )["pedro-castillo"]
    assert label == "neutral", cues
    assert not [kind for kind, _ in cues if kind.startswith("predicate")], cues


def test_the_outcome_of_a_vote_is_no_judgement_of_the_voters(settings: Settings) -> None:
    label, cues = _read(settings, "Peruvian voters handed Keiko Fujimori a humiliating "
                        "defeat.")["PERCVL"]
    assert (label, cues) == ("neutral", []), cues


def test_a_war_sentence_with_a_point_or_final_names_no_contest(settings: Settings) -> None:
    """"final" and "point" are no contest words: crushing rebels is harm whatever the week."""
    label, cues = _read(settings, "In the final weeks of the war, the Syrian army crushed the "
                        "rebels at every point of the front.")["SYRMIL"]
    assert label == "against", cues
    assert ("predicate:subject", "crushed") in cues, cues
