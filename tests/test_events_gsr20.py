"""English constructions and entries of session 20 (issue 11), on sentences of our own.

"Return" with an object gives something back and is no visit; "hand over" bodies or property
returns them and prisoners are released; calling up reservists mobilises them; writing off a
debt is economic aid; an event noun that is its verb's subject takes its sides from the
"between" the parser hung on that verb. Entries widened by the codebook's own mode
descriptions: closing or reopening a frontier is closing or reopening a border; stopping aid,
trade or talks is a SANCTION as halting them is; ordering someone to leave expels them; troops
contributed or provided are aid; accepting a resolution agrees to it and accepting a state's
independence recognises it; abandoning a policy or a claim concedes it; ending a state of
emergency eases it as lifting it does; amnesty, access or permission given is as granted. A
body that approves, adopts or authorises an event noun ("adopted sanctions against Belarus")
does that act: the verb lends the noun its subject and has no SUPPORT of its own. Pulling out
of a treaty leaves it (SANCTION/withdraw), as "withdraw from" does; pulling out of a place
stays a retreat. A missile "test-fired" (the tokenizer splits the verb) is tested, not fired at
anyone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "return-prisoners": "Iraq returned Kuwaiti prisoners to Kuwait.",
    "return-place": "Israel returned the Sinai to Egypt.",
    "return-to": "The minister returned to Cairo for talks.",
    "hand-bodies": "Iraq handed over the bodies of three soldiers to Iran.",
    "hand-prisoners": "Armenia handed over two Azerbaijani prisoners to Azerbaijan.",
    "call-up": "The government of Ukraine called up 20,000 reservists.",
    "write-off": "France wrote off Senegal's debt.",
    "fighting-between": "Fighting erupted between the army and rebels in Liberia.",
    "clashes-reported": "Heavy clashes were reported between police and students in Dhaka.",
    "talks-between": "Talks between Peru and Chile resumed on Monday.",
    "close-frontier": "Syria closed its frontier with Turkey.",
    "reopen-frontier": "Kenya reopened its frontier with Somalia.",
    "stop-aid": "Moscow stopped its aid to Cuba.",
    "stop-talks": "Russia stopped negotiations with Ukraine on gas prices.",
    "order-leave": "Kuwait ordered the Iraqi ambassador to leave within 48 hours.",
    "order-withdraw": "The president ordered the army to withdraw from the capital.",
    "contribute": "Ghana contributed a battalion to the peacekeeping force in Lebanon.",
    "accept-resolution": "Jordan accepted Security Council Resolution 242.",
    "accept-independence": "Serbia accepted the independence of Montenegro.",
    "abandon-claim": "Argentina abandoned its claim to the Falklands.",
    "end-emergency": "Bangladesh ended the state of emergency in Dhaka.",
    "give-amnesty": "The king of Nepal gave amnesty to 300 rebels.",
    "give-permission": "Sudan gave permission to U.N. monitors to enter Darfur.",
    "provide-troops": "Pakistan provided 5,000 troops for the U.N. force in Somalia.",
    "adopted-sanctions": "The European Union adopted sanctions against Belarus.",
    "approved-agreement": "The parliament of Angola approved the peace agreement with the rebels.",
    "approved-plan": "The United States approved the plan of Brazil.",
    "pull-out-treaty": "North Korea pulled out of the Nuclear Non-Proliferation Treaty.",
    "pull-out-place": "Syria pulled out of Lebanon in 2005.",
    "test-fired": "Pakistan has test-fired a new cruise missile.",
    "fired-rockets": "Israeli troops fired rockets at the village on Monday.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, trigger, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("gsr20"), SENTENCES, "en", "2023-01-10",
        "e.type, coalesce(e.mode, ''), e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, ''), e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("return-prisoners", ("RETREAT", "release", "returned", "IRQ", "KWTCVL", "asserted")),
    ("return-to", ("CONSULT", "visit", "returned", "GOV", "EGY", "asserted")),
    ("hand-bodies", ("RETREAT", "return", "handed", "IRQ", "IRN", "asserted")),
    ("call-up", ("MOBILIZE", "troops", "called", "UKRGOV", "", "asserted")),
    ("write-off", ("AID", "economic", "wrote", "FRA", "SEN", "asserted")),
    ("fighting-between", ("ASSAULT", "", "Fighting", "LBRMIL", "LBRREB", "asserted")),
    ("clashes-reported", ("ASSAULT", "", "clashes", "BGDCOP", "BGDEDU", "asserted")),
    ("close-frontier", ("COERCE", "restrict", "closed", "SYR", "TUR", "asserted")),
    ("reopen-frontier", ("RETREAT", "access", "reopened", "KEN", "SOM", "asserted")),
    ("stop-aid", ("SANCTION", "withdraw", "stopped", "RUS", "CUB", "asserted")),
    ("stop-talks", ("SANCTION", "discontinue", "stopped", "RUS", "UKR", "asserted")),
    ("order-leave", ("SANCTION", "expel", "ordered", "KWT", "IRQGOV", "asserted")),
    ("contribute", ("AID", "", "contributed", "GHA", "", "asserted")),
    ("accept-resolution", ("AGREE", "", "accepted", "JOR", "unsc", "asserted")),
    ("accept-independence", ("SUPPORT", "recognize", "accepted", "SRB", "MNE", "asserted")),
    ("abandon-claim", ("CONCEDE", "", "abandoned", "ARG", "", "asserted")),
    ("end-emergency", ("CONCEDE", "ease", "ended", "BGD", "", "asserted")),
    ("give-amnesty", ("RETREAT", "release", "gave", "NPL", "REB", "asserted")),
    ("give-permission", ("RETREAT", "access", "gave", "SDN", "un", "asserted")),
    ("provide-troops", ("AID", "military", "provided", "PAK", "un", "asserted")),
    ("adopted-sanctions", ("SANCTION", "embargo", "sanctions", "eu", "BLR", "asserted")),
    ("approved-agreement", ("AGREE", "", "agreement", "AGOLEG", "AGOREB", "asserted")),
    ("approved-plan", ("SUPPORT", "", "approved", "USA", "BRA", "asserted")),
    ("pull-out-treaty", ("SANCTION", "withdraw", "pulled", "PRK", "", "asserted")),
    ("pull-out-place", ("RETREAT", "withdraw", "pulled", "SYR", "LBN", "asserted")),
    ("test-fired", ("MOBILIZE", "weapons", "fired", "PAK", "", "asserted")),
    ("fired-rockets", ("ASSAULT", "heavy-weapons", "fired", "ISRMIL", "", "asserted")),
])
def test_reading(found: dict[str, set[tuple[str, ...]]], key: str,
                 expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["return-prisoners", "return-place"])
def test_giving_back_is_no_visit(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert not any(e[0] == "CONSULT" for e in found[key])


@pytest.mark.slow
def test_prisoners_handed_over_are_released(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[1], e[3]) for e in found["hand-prisoners"]} >= {
        ("RETREAT", "release", "ARM")}


@pytest.mark.slow
def test_noun_keeps_its_own_between(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("CONSULT", "", "Talks", "PER", "CHL", "asserted") in {
        e for e in found["talks-between"] if e[0] == "CONSULT"}


@pytest.mark.slow
def test_ordered_to_do_another_act_is_a_request(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[0] for e in found["order-withdraw"] if e[2] == "ordered"} == {"REQUEST"}


@pytest.mark.slow
@pytest.mark.parametrize("key", ["adopted-sanctions", "approved-agreement"])
def test_approving_an_act_enacts_it(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert not any(e[0] == "SUPPORT" for e in found[key])
