"""Issue 15: a trial report's crime words are the charge, not the author's view of the bench;
an outcome ("was elected") does not outweigh the author's own evaluation of the same actor;
"her administration" of an official who governs no state is hers, not the nation's."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings11 import _processed
from tests.test_stance_readings13 import LONG_EN, LONG_ES

TRIAL_EN = ("Prosecutor Tom Smith charged former minister Juan Perez with bribery and fraud on "
            "Monday. Judge Maria Lopez ordered Perez held without bail while the court reviews "
            "the evidence of the bribes. The trial is set to begin in March.")
TRIAL_ES = ("La fiscal Rosa Pérez acusó al exministro Juan Gómez de cohecho y lavado de activos. "
            "El juez Carlos Díaz ordenó prisión preventiva para Gómez mientras el Poder Judicial "
            "revisa las pruebas del cohecho.")
LETTER = ("Letter to the editor. Mary Kowalski was elected district attorney of Multnomah County "
          "in Oregon two years ago. Since then her administration has failed victims again and "
          "again. Kowalski is reckless, and her office has let offenders walk free. Voters "
          "should remember that in November.")


@pytest.mark.parametrize(("text", "language", "accused", "bench"), [
    (TRIAL_EN + LONG_EN, "en", "x-person-juan-perez",
     {"x-person-tom-smith", "x-person-maria-lopez"}),
    (TRIAL_ES + LONG_ES, "es", "x-person-juan-gomez", {"x-person-rosa-perez"}),
    (TRIAL_ES.replace("La fiscal Rosa Pérez", "La fiscal general, Marta Ríos,") + LONG_ES, "es",
     "x-person-juan-gomez", {"x-person-marta-rios"}),
])
def test_a_trial_report_sides_with_nobody(settings: Settings, text: str, language: str,
                                          accused: str, bench: set[str]) -> None:
    doc = _processed(settings, text, language)
    stances = {s.actor_id: s for s in doc.stances}
    assert bench <= set(stances), stances.keys()
    for actor in bench | {a for a in stances if a.endswith("JUD")}:
        judged = [c for c in stances[actor].cues if c.weight]
        assert stances[actor].label == "neutral" and not judged, stances[actor]
    # the accused carries the charge, as the bench's words: reported, not the author's
    charge = [c for c in stances[accused].cues if c.weight]
    assert charge and all(c.kind.startswith("quoted ") for c in charge), stances[accused]
    assert stances[accused].label == "neutral"


def test_the_authors_evaluation_outweighs_an_election_won(settings: Settings) -> None:
    doc = _processed(settings, LETTER + LONG_EN)
    (kowalski,) = [s for s in doc.stances if s.actor_id == "x-person-mary-kowalski"]
    assert kowalski.label == "against", kowalski
    assert kowalski.cues[0].cue == "reckless" and kowalski.cues[0].kind == "label"
    assert "elected" not in {c.cue for c in kowalski.cues}, kowalski.cues


def test_an_officials_administration_is_the_officials(settings: Settings) -> None:
    doc = _processed(settings, LETTER + LONG_EN)
    stances = {s.actor_id: s for s in doc.stances}
    assert "USAGOV" not in stances and not [
        s for a, s in stances.items() if a.endswith("GOV") and {c.cue for c in s.cues} & {
            "failed", "administration"}], stances
    failed = [c for c in stances["x-person-mary-kowalski"].cues if c.cue == "failed"]
    assert failed and failed[0].weight < 0, stances["x-person-mary-kowalski"].cues


def test_an_officials_administration_is_hers_in_spanish(settings: Settings) -> None:
    # the Spanish tagger labels people PER, not PERSON: "su administración" is still hers
    doc = _processed(settings, "Carta al director. María Kowalski fue elegida fiscal del "
                     "condado de Multnomah hace dos años. Desde entonces su administración ha "
                     "fracasado una y otra vez. Kowalski es irresponsable." + LONG_ES, "es")
    stances = {s.actor_id: s for s in doc.stances}
    assert not [c for a, s in stances.items() if a.endswith("GOV") for c in s.cues
                if c.cue == "fracasado"], stances
    failed = [c for c in stances["x-person-maria-kowalski"].cues if c.cue == "fracasado"]
    assert failed and failed[0].weight < 0, stances["x-person-maria-kowalski"].cues


def test_a_presidents_administration_is_the_government(settings: Settings) -> None:
    doc = _processed(settings, "Joe Biden spoke in Ohio on Monday. His administration has "
                     "failed the workers of the state again and again." + LONG_EN)
    stances = {s.actor_id: s for s in doc.stances}
    assert "USAGOV" in stances, stances.keys()
    assert [c for c in stances["USAGOV"].cues if c.cue == "failed"], stances["USAGOV"].cues


def test_the_authors_words_on_a_judge_still_count(settings: Settings) -> None:
    doc = _processed(settings, "The corrupt judge Sergio Moro persecuted Lula and convicted "
                     "him in a shameful farce of a trial. Moro is a disgrace to Brazil." + LONG_EN)
    stances = {s.actor_id: s for s in doc.stances}
    moro, lula = stances["x-person-sergio-moro"], stances["luiz-inacio-lula-da-silva"]
    assert moro.label == "against" and {"persecuted", "disgrace"} <= {c.cue for c in moro.cues}
    assert lula.label == "favor", lula
