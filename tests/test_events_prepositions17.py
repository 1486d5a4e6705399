"""English readings from issue 11 (session 17), on sentences of our own: an event noun after
a verb's "to", "for" or "on" is governed by that verb as its infinitive would be ("agreed to
negotiations" promises them, "asked for military aid" requests it), and promising a retreat
that way is a concession (README rule 8, from the PLOVER codebook's CONCEDE); a present
participle before its noun with no words of its own names what the noun is busy with, not
an act the sentence reports ("the striking miners")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "negotiations": "The Peruvian government agreed to negotiations with the teachers.",
    "asked-for": "Ukraine asked for military aid from Germany.",
    "pressed-for": "The European Union pressed for talks between Serbia and Kosovo.",
    "sanctions": "Ukraine pressed for new sanctions against Russia.",
    "committed": "The junta committed to the release of all political detainees.",
    "release": "Russia agreed to the release of the American journalist.",
    "insisted-on": "Lebanon insisted on the withdrawal of Syrian troops.",
    "insisted-that": "The opposition insisted that the count was over.",
    "responded": "The Chilean police responded to the protests with tear gas.",
    "protesting": "Police dispersed the protesting students in Santiago.",
    "striking": "The striking miners blocked the highway to Oruro.",
    "went-on-strike": "The miners went on strike in Oruro.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, modality, trigger)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("prepositions17"), SENTENCES, "en", "2023-01-10",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality, e.trigger")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("negotiations", ("AGREE", "", "PERGOV", "PEREDU", "asserted", "agreed")),
    ("asked-for", ("REQUEST", "assist", "UKR", "", "asserted", "asked")),
    # the promise or request is aimed where the act it is about is
    ("sanctions", ("REQUEST", "", "UKR", "RUS", "asserted", "pressed")),
    ("sanctions", ("SANCTION", "embargo", "", "RUS", "demanded", "sanctions")),
    # insisting on an act demands it; insisting that something is so only states it
    ("insisted-on", ("REQUEST", "", "LBN", "", "asserted", "insisted")),
    ("insisted-that", ("STATEMENT", "", "OPP", "", "asserted", "insisted")),
    # a promised release is a verbal concession, not yet the release (codebook CONCEDE)
    ("committed", ("CONCEDE", "", "GOV", "CVL", "asserted", "committed")),
    ("release", ("CONCEDE", "", "RUS", "USAMED", "asserted", "agreed")),
    ("striking", ("PROTEST", "obstruct", "LAB", "", "asserted", "blocked")),
    ("protesting", ("COERCE", "restrict", "CHLCOP", "CHLEDU", "asserted", "dispersed")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, trigger, modality", [
    ("negotiations", "negotiations", "future"),  # agreed to, not yet held
    ("asked-for", "aid", "demanded"),  # asked for, not given
    ("pressed-for", "talks", "demanded"),
    ("committed", "release", "future"),
    ("release", "release", "future"),
    ("responded", "protests", "asserted"),  # "respond to" governs nothing: they took place
])
def test_noun_after_preposition_modality(found: dict[str, set[tuple[str, ...]]], key: str,
                                         trigger: str, modality: str) -> None:
    modalities = {e[4] for e in found[key] if e[5] == trigger}
    assert modalities == {modality}, found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, wrong", [
    ("committed", "AGREE"),  # promising a release concedes (rule 8)
    ("release", "AGREE"),
    ("insisted-on", "RETREAT"),  # the withdrawal is what is demanded, not a retreat made
    ("protesting", "PROTEST"),  # the students are named by what they were doing
])
def test_event_not_typed(found: dict[str, set[tuple[str, ...]]], key: str, wrong: str) -> None:
    assert all(e[0] != wrong for e in found[key]), found[key]


@pytest.mark.slow
def test_participle_is_no_strike_but_reported_strike_is(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert all(e[1] != "strike" for e in found["striking"]), found["striking"]
    assert any(e[:2] == ("PROTEST", "strike") and e[4] == "asserted"
               for e in found["went-on-strike"]), found["went-on-strike"]
