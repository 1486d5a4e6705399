"""English entries from the PLOVER codebook's mode descriptions for acts the lexicon typed
wrongly or not at all (issue 11, session 16): expanding trade or cooperation, know-how
given, more armed units of any kind, tightened or extended restrictions, utilities shut
off, computers attacked, civilians driven from their homes, proposed settlements accepted
and inspectors let in; acts called for or wanted, which did not happen; and vows of
conflict acts, which are threats; on sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # COOPERATE: "initiate, resume, improve, or expand economic exchange or cooperation"
    "expanded-trade": "Brazil expanded trade with Argentina last year.",
    "deepen-cooperation": "Chile and Peru deepened their cooperation on fisheries.",
    # AID: know-how given to another actor
    "expertise": "Ecuador provided technical expertise to Peru after the floods.",
    # MOBILIZE/troops: more of any armed unit, not only troops
    "artillery": "Russia boosted its artillery near the Ukrainian border.",
    "navy": "China increased its warships in the South China Sea.",
    # COERCE/restrict: restrictions tightened or extended, like those imposed
    "tightened": "Israel tightened restrictions on Palestinian workers.",
    "extended": "Cuba extended the restrictions on foreign journalists.",
    # COERCE/withhold: "shut off power/internet/water/utilities"
    "shut-off": "The Syrian government shut off electricity to the rebel district.",
    # COERCE/cyber: an attack on computers, not an attack in words on a government
    "websites": "Russian hackers attacked the websites of the Estonian government.",
    "attacked-in-words": "The Bolivian president attacked the Peruvian government over the "
                         "border dispute.",
    # ASSAULT/cleansing: "mass expulsions"; an expulsion from a group stays SANCTION/expel
    "villagers": "Burmese soldiers forced out hundreds of villagers from their homes.",
    "drove-out": "Serbian militias drove out thousands of residents from the town.",
    "treasurer": "The Peruvian government forced out the head of the central bank.",
    # AGREE: accepting a proposed settlement; RETREAT/access: letting inspectors in
    "formula": "Iran accepted a UN formula for ending the war with Iraq.",
    "let-in": "Iraq let the UN inspectors into the presidential palaces.",
    # asked for, not done: "call on" X to act, "want" X to act
    "called-on": "Chile called on Bolivia to withdraw its troops from the border.",
    "wants": "Pakistan wants India to resume the dialogue on Kashmir.",
    # a vow of a material conflict act is a threat; agreeing to one is a decision
    "vowed": "Israel vowed to retaliate for the bombing of its embassy in Lima.",
    "pledged": "The Colombian president pledged to impose sanctions on Venezuela.",
    "agreed-to": "Japan agreed to freeze the assets of three Russian banks.",
    # a warning with no target of its own still announces the act it warns of
    "warned-boycott": "Colombia warned it would boycott the talks with Venezuela.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("codebook16"), SENTENCES, "en", "2023-01-10",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("expanded-trade", ("COOPERATE", "", "BRA", "ARG", "asserted")),
    ("deepen-cooperation", ("COOPERATE", "", "CHL", "PER", "asserted")),
    ("expertise", ("AID", "", "ECU", "PER", "asserted")),
    ("artillery", ("MOBILIZE", "troops", "RUS", "", "asserted")),
    ("navy", ("MOBILIZE", "troops", "CHN", "", "asserted")),
    ("tightened", ("COERCE", "restrict", "ISR", "PSELAB", "asserted")),
    ("extended", ("COERCE", "restrict", "CUB", "MED", "asserted")),  # foreign: not Cuban
    ("shut-off", ("COERCE", "withhold", "SYRGOV", "", "asserted")),
    # hackers are a generic criminal agent (session 19): Russian hackers are Russian criminals
    ("websites", ("COERCE", "cyber", "RUSCRM", "ESTGOV", "asserted")),
    ("attacked-in-words", ("ACCUSE", "disapprove", "luis-arce", "PERGOV", "asserted")),
    ("villagers", ("ASSAULT", "cleansing", "MMRMIL", "MMRCVL", "asserted")),
    ("drove-out", ("ASSAULT", "cleansing", "SRBREB", "SRBCVL", "asserted")),
    ("treasurer", ("SANCTION", "expel", "PERGOV", "", "asserted")),
    ("formula", ("AGREE", "", "IRN", "un", "asserted")),
    ("let-in", ("RETREAT", "access", "IRQ", "un", "asserted")),
    ("called-on", ("REQUEST", "", "CHL", "BOL", "asserted")),
    ("called-on", ("RETREAT", "withdraw", "BOL", "", "demanded")),
    ("wants", ("CONSULT", "negotiate", "IND", "", "demanded")),
    ("vowed", ("THREATEN", "violence", "ISR", "", "asserted")),
    ("pledged", ("THREATEN", "", "gustavo-petro", "VEN", "asserted")),
    ("pledged", ("SANCTION", "embargo", "gustavo-petro", "VEN", "future")),
    ("agreed-to", ("AGREE", "", "JPN", "RUSBUS", "asserted")),
    ("warned-boycott", ("THREATEN", "", "COL", "VEN", "asserted")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, wrong", [
    ("websites", "ACCUSE"),  # computers attacked: no criticism
    ("villagers", "SANCTION"),  # not an expulsion from a country or group
    ("treasurer", "ASSAULT"),  # one official pushed out is no mass expulsion
    ("vowed", "AGREE"),  # no cooperation promised
    ("agreed-to", "THREATEN"),
])
def test_event_not_typed(found: dict[str, set[tuple[str, ...]]], key: str,
                         wrong: str) -> None:
    assert all(e[0] != wrong for e in found[key]), found[key]
