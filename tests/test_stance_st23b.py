"""Stance, session 23 (second pass): a sentence given as a third party's view ("en su opinión",
"a juicio de X", "in his view", "Para la Fiscalía, ...") or as the words of a speaker named
in a Spanish dash aside ("—dijo Evo Morales—") is not the author's; and the stance benchmark
reads a gold row's generic sector id as the one country-prefixed id of that sector in the
document."""

from __future__ import annotations

import pytest

from benchmarks.stance import sector_ids
from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es
from tests.test_stance_readings19 import _read as _read_en

SPOKE_ES = "Evo Morales habló ayer en La Paz. "
SPOKE_EN = "Evo Morales spoke in La Paz on Monday. "


@pytest.mark.parametrize(("text", "read", "label"), [
    (SPOKE_ES + "En su opinión, Jeanine Áñez es una golpista.", _read_es, "golpista"),
    (SPOKE_ES + "A juicio de Evo Morales, Jeanine Áñez es una golpista.", _read_es, "golpista"),
    (SPOKE_EN + "In his view, Jeanine Áñez is a coup plotter.", _read_en, "coup plotter"),
    (SPOKE_ES + "De acuerdo a Evo Morales, Jeanine Áñez es una golpista.", _read_es,
     "golpista"),
    (SPOKE_ES + "Para Evo Morales, Jeanine Áñez es una golpista.", _read_es, "golpista"),
    (SPOKE_EN + "For Evo Morales, Jeanine Áñez is a coup plotter.", _read_en, "coup plotter"),
])
def test_a_third_partys_view_is_quoted(settings: Settings, text: str, read, label: str
                                       ) -> None:
    """The label is the speaker's: it counts as a quoted label, not the author's."""
    _, cues = read(settings, text)["jeanine-anez"]
    assert ("quoted label", label) in cues, cues
    assert ("label", label) not in cues, cues


def test_the_authors_own_opinion_is_not_quoted(settings: Settings) -> None:
    """"En mi opinión" is the author speaking: the label is the author's."""
    label, cues = _read_es(settings, SPOKE_ES + "En mi opinión, Jeanine Áñez es una golpista."
                           )["jeanine-anez"]
    assert label == "against", cues
    assert ("label", "golpista") in cues, cues


def test_for_without_an_actor_keeps_the_authors_voice(settings: Settings) -> None:
    """"For years, ..." names no view holder: the label is the author's."""
    _, cues = _read_en(settings, "For years, Jeanine Áñez was a coup plotter.")["jeanine-anez"]
    assert ("label", "coup plotter") in cues, cues


def test_a_dash_aside_of_saying_makes_the_sentence_the_speakers(settings: Settings) -> None:
    """"Jeanine Áñez es —dijo Evo Morales— una golpista": Evo's words, so the author takes
    no side (without the aside the same words are the author's and oppose her)."""
    label, cues = _read_es(settings, "Jeanine Áñez es —dijo Evo Morales— una golpista."
                           )["jeanine-anez"]
    assert label == "neutral", cues
    assert not [c for c in cues if not c[0].startswith("quoted ")], cues
    label, cues = _read_es(settings, "Jeanine Áñez es una golpista.")["jeanine-anez"]
    assert label == "against", cues


def test_a_dash_aside_without_a_verb_of_saying_keeps_the_authors_voice(settings: Settings
                                                                       ) -> None:
    """"—como todos saben—" names no speaker: the sentence stays the author's."""
    _, cues = _read_es(settings, "Jeanine Áñez —como todos saben— es una golpista.")[
        "jeanine-anez"]
    assert cues and not [c for c in cues if c[0].startswith("quoted ")], cues


def test_a_generic_sector_id_is_read_as_the_documents_one_sector_of_that_kind() -> None:
    rows = [{"doc": "a", "actor_id": "MED", "stance": "favor"},
            {"doc": "b", "actor_id": "MED", "stance": "favor"},
            {"doc": "c", "actor_id": "MED", "stance": "favor"},
            {"doc": "c", "actor_id": "USAMED", "stance": "neutral"},
            {"doc": "a", "actor_id": "USA", "stance": "against"}]
    given = {"a": {"USAMED", "USA", "USAGOV"}, "b": {"USAMED", "VENMED"}, "c": {"USAMED"}}
    assert [r["actor_id"] for r in sector_ids(rows, given)] == [
        "USAMED",  # the one media sector marea gives in "a"
        "MED",  # two countries' media in "b": which one the gold meant is unknown
        "MED",  # "c" already has a gold row for USAMED
        "USAMED", "USA"]
