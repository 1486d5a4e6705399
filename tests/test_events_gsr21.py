"""English entries of session 21 (issue 11), read from the PLOVER codebook and the CAMEO code
descriptions type by type, on sentences of our own.

A visit paid is made; an agreement initialled is signed; an intention expressed or a plan put
forward offers cooperation; talks concluded were held; freedoms restored or parties legalised
ease restrictions, and a strike called off or a hunger strike ended yields (CAMEO 082);
support rallied for someone is SUPPORT/rally, not a protest; intelligence exchanged is shared
and war criminals handed over are judicial cooperation; peacekeepers deployed or sent protect
(AID/peacekeeping), they mobilise against nobody; prisoners repatriated are released, a seized
helicopter given back is returned, a militia disbanded by its own side is demobilised,
inspectors or peacekeepers accepted or received are let in, men withdrawn are troops; a
protest filed or sent is lodged, concern voiced is expressed, a commission set up
investigates, someone put on trial is accused; security tightened or an alert level raised
mobilises; walking out of talks halts them and sanctions reimposed are imposed; emergency rule
imposed is a state of emergency, a closure imposed or eased restricts or eases movement, a
publication suspended or broadcasts jammed are censored, and someone stripped of immunity
restricted (the "of" phrase hung on the object); a bomb planted is an explosives attack. A ban
or restriction eased on persons or organisations is CONCEDE/ease, on a state RETREAT/ease. A
multi-word object may stand in a verbless small clause the parser reads as a clause ("declared
two diplomats persona non grata")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "persona-active": "Belgium declared two Russian diplomats persona non grata.",
    "persona-passive": "Two Iraqi diplomats were declared persona non grata by Egypt.",
    "pay-visit": "The French foreign minister paid a visit to Algeria.",
    "initial": "Morocco initialled a fishing agreement with the European Union.",
    "express-intention": "Syria expressed its intention to cooperate with the inquiry.",
    "put-forward": "Egypt put forward a new peace plan for the Middle East.",
    "conclude-talks": "Iran and Iraq concluded two days of talks in Geneva.",
    "legalize": "The junta legalized opposition parties in Ghana.",
    "call-off-strike": "The miners' union called off the strike.",
    "end-hunger-strike": "The students ended their hunger strike.",
    "rally-support": "The opposition rallied support for the strikers.",
    "exchange-intelligence": "Iraq exchanged intelligence with Syria.",
    "hand-criminals": "Croatia handed over three war criminals to the tribunal.",
    "deploy-peacekeepers": "Canada deployed peacekeeping troops to Bosnia.",
    "send-peacekeepers": "France sent a peacekeeping force to Rwanda.",
    "repatriate": "Iran repatriated 500 Iraqi prisoners of war.",
    "return-helicopter": "Iraq returned the seized helicopter to Iran.",
    "disband-militia": "The rebels disbanded their militia.",
    "accept-inspectors": "Iraq accepted U.N. weapons inspectors.",
    "withdraw-men": "Israel withdrew 500 men from southern Lebanon.",
    "file-protest": "Kenya filed a protest with Uganda.",
    "send-protest": "Pakistan sent a note of protest to India.",
    "voice-concern": "Britain voiced concern over the arrests in Kenya.",
    "set-up-commission": "The United Nations set up a commission to investigate the massacre.",
    "put-on-trial": "Serbia put five Albanian activists on trial.",
    "tighten-security": "Egypt tightened security around the embassy.",
    "raise-alert": "The Turkish army raised its alert level on the Syrian border.",
    "walk-out-talks": "The Palestinian delegation walked out of the talks with Israel.",
    "walk-out-work": "The dockers walked out in Liverpool.",
    "reimpose": "Britain reimposed sanctions on Libya.",
    "emergency-rule": "Algeria imposed emergency rule.",
    "impose-closure": "Israel imposed a closure on the West Bank.",
    "ease-closure": "Israel eased the closure of the Gaza Strip.",
    "suspend-publication": "The military government suspended publication of two newspapers.",
    "jam": "Serbia jammed broadcasts of the independent radio.",
    "plant-bomb": "Rebels planted a bomb outside the ministry in Lima.",
    "lift-ban-party": "Algeria lifted the ban on the Islamic Salvation Front.",
    "ease-restrictions-party":
        "The government eased restrictions on the opposition party in Kenya.",
    "lift-ban-imports": "The United States lifted the ban on imports from Vietnam.",
    "lift-embargo": "The European Union lifted its arms embargo on China.",
    "strip-immunity": "The parliament of Peru stripped the former president of his immunity.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, trigger, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("gsr21"), SENTENCES, "en", "2023-01-10",
        "e.type, coalesce(e.mode, ''), e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, ''), e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("persona-active", ("SANCTION", "expel", "declared", "BEL", "RUSGOV", "asserted")),
    ("persona-passive", ("SANCTION", "expel", "declared", "", "IRQGOV", "asserted")),
    ("pay-visit", ("CONSULT", "visit", "paid", "FRAGOV", "DZA", "asserted")),
    ("initial", ("SUPPORT", "sign", "initialled", "MAR", "eu", "asserted")),
    ("express-intention", ("AGREE", "", "expressed", "SYR", "", "asserted")),
    ("put-forward", ("AGREE", "", "put", "EGY", "", "asserted")),
    ("conclude-talks", ("CONSULT", "", "concluded", "IRN", "IRQ", "asserted")),
    ("legalize", ("CONCEDE", "ease", "legalized", "GHAGOV", "", "asserted")),
    ("call-off-strike", ("CONCEDE", "", "called", "LAB", "", "asserted")),
    ("end-hunger-strike", ("CONCEDE", "", "ended", "EDU", "", "asserted")),
    ("rally-support", ("SUPPORT", "rally", "rallied", "OPP", "LAB", "asserted")),
    ("exchange-intelligence", ("COOPERATE", "intelligence", "exchanged", "IRQ", "SYR",
                               "asserted")),
    ("hand-criminals", ("COOPERATE", "legal", "handed", "HRV", "HRVCRM", "asserted")),
    ("deploy-peacekeepers", ("AID", "peacekeeping", "deployed", "CAN", "BIH", "asserted")),
    ("send-peacekeepers", ("AID", "peacekeeping", "sent", "FRA", "RWA", "asserted")),
    ("repatriate", ("RETREAT", "release", "repatriated", "IRN", "IRQCVL", "asserted")),
    ("return-helicopter", ("RETREAT", "return", "returned", "IRQ", "IRN", "asserted")),
    ("disband-militia", ("RETREAT", "disarm", "disbanded", "REB", "", "asserted")),
    ("accept-inspectors", ("RETREAT", "access", "accepted", "IRQ", "un", "asserted")),
    ("withdraw-men", ("RETREAT", "withdraw", "withdrew", "ISR", "LBN", "asserted")),
    ("file-protest", ("ACCUSE", "disapprove", "filed", "KEN", "UGA", "asserted")),
    ("send-protest", ("ACCUSE", "disapprove", "sent", "PAK", "", "asserted")),
    ("voice-concern", ("ACCUSE", "disapprove", "voiced", "GBR", "", "asserted")),
    ("set-up-commission", ("ACCUSE", "investigate", "set", "un", "", "asserted")),
    ("put-on-trial", ("ACCUSE", "allege", "put", "SRB", "ALBCVL", "asserted")),
    ("tighten-security", ("MOBILIZE", "police", "tightened", "EGY", "", "asserted")),
    ("raise-alert", ("MOBILIZE", "troops", "raised", "TURMIL", "SYR", "asserted")),
    ("walk-out-talks", ("SANCTION", "withdraw", "walked", "PSEGOV", "", "asserted")),
    ("reimpose", ("SANCTION", "embargo", "reimposed", "GBR", "LBY", "asserted")),
    ("emergency-rule", ("COERCE", "curfew", "imposed", "DZA", "", "asserted")),
    ("impose-closure", ("COERCE", "restrict", "imposed", "ISR", "", "asserted")),
    ("ease-closure", ("RETREAT", "ease", "eased", "ISR", "", "asserted")),
    ("suspend-publication", ("COERCE", "censor", "suspended", "GOV", "MED", "asserted")),
    ("jam", ("COERCE", "censor", "jammed", "SRB", "", "asserted")),
    ("plant-bomb", ("ASSAULT", "explosives", "planted", "PERREB", "PERGOV", "asserted")),
    # a ban or restriction eased on an organisation concedes (CAMEO 0811/0812); on a state's
    # trade, or sanctions and embargoes, it stays RETREAT/ease (CAMEO 085)
    ("lift-ban-party", ("CONCEDE", "ease", "lifted", "DZA", "x-org-islamic-salvation-front",
                        "asserted")),
    ("ease-restrictions-party", ("CONCEDE", "ease", "eased", "KENGOV", "KENPTY", "asserted")),
    ("lift-ban-imports", ("RETREAT", "ease", "lifted", "USA", "VNM", "asserted")),
    ("lift-embargo", ("RETREAT", "ease", "lifted", "eu", "CHN", "asserted")),
    ("strip-immunity", ("COERCE", "restrict", "stripped", "PERLEG", "", "asserted")),
])
def test_reading(found: dict[str, set[tuple[str, ...]]], key: str,
                 expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, wrong", [
    ("persona-active", "STATEMENT"),   # the declaration is the expulsion
    ("walk-out-talks", "PROTEST"),     # leaving talks halts them, it is no strike
    ("rally-support", "PROTEST"),      # support rallied is no rally
    ("deploy-peacekeepers", "MOBILIZE"),
    ("disband-militia", "COERCE"),     # a side disbanding its own militia bans nobody
])
def test_not_the_other_reading(found: dict[str, set[tuple[str, ...]]], key: str,
                               wrong: str) -> None:
    assert not any(e[0] == wrong for e in found[key])


@pytest.mark.slow
def test_walking_out_of_work_stays_a_strike(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[:2] for e in found["walk-out-work"]} == {("PROTEST", "strike")}
