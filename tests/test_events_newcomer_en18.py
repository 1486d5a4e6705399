"""A newcomer's read of two English news pages (session 18): who a pronoun or a description
stands for, coordinated passives, an event noun done to a thing, planned acts and sector
nouns. Sentences of our own, on the pattern of what went wrong."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # "he" in what a speaker reports is the speaker, even a doctor named by no name
    "doctor-he": "Evo Morales left La Paz on Sunday. A nurse at the hospital told reporters "
                 "that he tried to save one of the wounded protesters.",
    # a person the parser tagged a firm is still a person a pronoun may stand for
    "pronoun-person": "Julian Assange left the embassy in April. Kristinn Hrafnsson said: "
                      "\"We will fight on.\" The US is seeking Assange's extradition. He is "
                      "accused of hacking government computers.",
    # "he" after a quotation is whom the author wrote of, not the quotation's speaker
    "after-quote": "Julian Assange lost his asylum in April. Kristinn Hrafnsson said: \"We will "
                   "keep working on the case Mr Assange has been preparing for years.\" He is "
                   "accused of leaking secrets.",
    # a definite description is the person named before
    "aged-demonym": "Evo Morales left Bolivia in November. The 60-year-old Bolivian was "
                    "arrested in Mexico.",
    "founder": "Evo Morales spoke in Mexico City. The MAS founder always argued that the "
               "election was clean.",
    # the second verb of a coordinated passive is passive too
    "coordinated-passive": "The Peruvian activist was arrested in April and sentenced to "
                           "ten years in prison.",
    # the release of a thing is no captive freed; of people it is
    "release-material": "Peru condemned the release of secret military files by the "
                        "newspaper.",
    "release-prisoners": "Colombia welcomed the release of the prisoners by the FARC.",
    # "was due to" is planned, not done
    "due-to": "The Peruvian activist was due to be released from prison in September.",
    "set-to": "The Bolivian army is set to withdraw its troops from the border.",
    "scheduled": "The Chilean army is scheduled to withdraw its troops on Monday.",
    # doctors are the health sector, not labour
    "doctors": "Bolivian doctors protested outside the health ministry.",
    # a quotation's topic is no act of its speaker; "the prosecution of <state>" is the state's
    "topic": "Helga Olsen said: \"We must look at the threat Mr Berg has been warning about "
             "since May: the harsh prosecution of the United States.\"",
    # an ombudsman or public defender is a state office; "Public" before a title is no public
    "defender": "Bolivia’s public defender’s office criticised the police.",
    "ombudsman": "Public Ombudsman Nadia Cruz’s office criticised the Bolivian police.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, trigger, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("newcomer_en18"), SENTENCES, "en", "2019-11-20",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger, "
        "e.modality")[1]


def _by_trigger(found: dict[str, set[tuple[str, ...]]], key: str, trigger: str
                ) -> set[tuple[str, ...]]:
    return {e for e in found[key] if e[3] == trigger}


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("doctor-he", ("AID", "HLH", "BOLCVL", "save", "asserted")),
    ("aged-demonym", ("COERCE", "", "evo-morales", "arrested", "asserted")),
    ("founder", ("STATEMENT", "evo-morales", "", "argued", "asserted")),
    ("coordinated-passive", ("SANCTION", "", "PERCVL", "sentenced", "asserted")),
    ("release-prisoners", ("RETREAT", "farc", "CVL", "release", "asserted")),
    ("due-to", ("RETREAT", "", "PERCVL", "released", "future")),
    ("set-to", ("RETREAT", "BOLMIL", "", "withdraw", "future")),
    ("scheduled", ("RETREAT", "CHLMIL", "", "withdraw", "future")),
    ("doctors", ("PROTEST", "BOLHLH", "BOL", "protested", "asserted")),
    ("defender", ("ACCUSE", "BOLGOV", "BOLCOP", "criticised", "asserted")),
    ("ombudsman", ("ACCUSE", "x-person-nadia-cruz", "BOLCOP", "criticised", "asserted")),
])
def test_event(found: dict[str, set[tuple[str, ...]]], key: str,
               expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_pronoun_after_quote(found: dict[str, set[tuple[str, ...]]]) -> None:
    """"He" after a quotation is the person named since (whom the parser tagged a firm), not
    the quote's speaker."""
    accused = _by_trigger(found, "pronoun-person", "accused")
    assert accused and all(e[2] == "x-person-julian-assange" for e in accused), found[
        "pronoun-person"]


@pytest.mark.slow
def test_pronoun_not_quotes_speaker(found: dict[str, set[tuple[str, ...]]]) -> None:
    accused = _by_trigger(found, "after-quote", "accused")
    assert accused and all(e[2] == "x-person-julian-assange" for e in accused), found[
        "after-quote"]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["set-to", "scheduled", "due-to"])
def test_schedule_is_no_announcement(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    """A schedule the author reports is no CONCEDE announced by the doer."""
    assert all(e[4] == "future" for e in found[key]), found[key]


@pytest.mark.slow
def test_topic_of_quote(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not _by_trigger(found, "topic", "threat"), found["topic"]
    assert _by_trigger(found, "topic", "prosecution") == {
        ("ACCUSE", "USAJUD", "", "prosecution", "asserted")}, found["topic"]


@pytest.mark.slow
def test_no_release_of_files(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not _by_trigger(found, "release-material", "release"), found["release-material"]
