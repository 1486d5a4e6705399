"""English entries added from the PLOVER codebook's mode descriptions for verbs whose lexicon
entries all need an object (issue 11: on plover-gsr such verbs gave no event at all), and the
constructions found with them on plover-gsr's dev half; on sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # RETREAT/withdraw: leaving held territory, fewer troops
    "settlement": "Israel has evacuated its last settlement in the Gaza Strip.",
    "reduce-troops": "Britain reduced its troops in Iraq last year.",
    # MOBILIZE/troops: more armed forces or readiness
    "strengthened": "Russia has strengthened its forces in Transnistria, Moldovan sources said.",
    "bolstered": "India has bolstered its military presence along the border with China.",
    # SANCTION: curtailing aid and supplies
    "reduced-aid": "The United States sharply reduced its aid to Nicaragua.",
    "supplies": "The United Nations reduced food supplies to the camp, officials said.",
    # war games and maneuvers, alone or joint; warships are the military
    "war-games": "The Chinese navy held war games near Taiwan on Monday.",
    "maneuvers": "Venezuela and Russia began joint naval maneuvers in the Caribbean.",
    "days-of": "French warships launched ten days of war games in the Mediterranean.",
    "blackout": "The army imposed a news blackout on the northern province.",
    # CONCEDE: letting someone do what was restricted; what is allowed did not happen
    "allow": "Guatemala's Supreme Court decided to allow Zury Rios to run in the elections.",
    "not-allow": "Venezuela will not allow the United States to send aid.",
    # a noun object's target hangs from the verb carrying it
    "congratulations": "Donald Trump tweeted his congratulations to López Obrador on Sunday.",
    # what one engages or takes part in is done by one's subject
    "engaged": "Serbian soldiers engaged in ethnic cleansing against the Albanian population.",
    "took-part": "Colombian rebels took part in the attack on the town.",
    # a verb coordinated with a complement shares what governs it
    "aims": "Germany backed a draft that aims to tighten the sanctions and impose a "
            "sea blockade against Serbia.",
    "and-expelled": "Chile refused to release the prisoners and expelled the Bolivian "
                    "ambassador.",
    # protesting in words is a complaint about the reported clause's subject
    "protested-that": "Amnesty protested that Peru was failing to protect journalists.",
    "group-protested": "The Chilean government is failing to protect Mapuche land rights, a "
                       "human rights group protested on Monday.",
    "teachers-protested": "Thousands of teachers protested in Lima on Monday.",
    # an act of conflict one may do if another acts is a threat
    "if": "Brazil could impose sanctions on Venezuela if the vote is delayed.",
    "forced-out": "Indonesia forced the UN refugee agency out of the country.",
    "exploded": "Rebels exploded a series of bombs in Kabul.",
    "halted": "Brazil halted its mediation efforts between Venezuela and Guyana.",
    "for-talks": "U.S. and Russian negotiators returned to Geneva this week for talks on "
                 "nuclear missiles.",
    "spoke-of": "Venezuela and the ALBA bloc spoke of a conspiracy against an elected leader.",
    "embassy": "Spain opened an embassy in Kabul.",
    "ended": "Israel ended its blockade of Gaza.",
    "granted": "Peru granted access to UN inspectors.",
    "loan": "China extended a two billion dollar loan to Venezuela.",
    "advisers": "Cuba sent military advisers to Angola.",
    "rescue": "Mexico sent rescue teams to Turkey.",
    "invitation": "Brazil extended an invitation to Lula.",
    "backing": "The United States gave its backing to the Honduran government.",
    "operation": "Colombia launched a military operation against the FARC in Cauca.",
    "air-campaign": "NATO began an air campaign against Serbia.",
    "election-campaign": "Bolsonaro launched his election campaign in Rio.",
    # storming: a crowd riots, police raid
    "police-stormed": "Police stormed the headquarters of the opposition party in Caracas.",
    "sealed": "Israeli troops sealed off the town of Jenin.",
    # "forces" are military only with a country
    "forces": "The Red Cross said on Monday US and British forces must guarantee the safety of "
              "civilians in Iraq.",
    "political-forces": "Political forces in Peru criticised the reform.",
    # a group pronoun of coordinated speakers stands for all of them
    "they-would": "Canada and Mexico said they would impose tariffs on steel.",
    "their-summit": "Canada and Mexico said their summit in Mexico City was a success.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("codebook"), SENTENCES, "en", "2023-01-10",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("settlement", ("RETREAT", "withdraw", "ISR", "", "asserted")),
    ("reduce-troops", ("RETREAT", "withdraw", "GBR", "IRQ", "asserted")),
    ("strengthened", ("MOBILIZE", "troops", "RUS", "", "asserted")),
    ("bolstered", ("MOBILIZE", "troops", "IND", "", "asserted")),
    ("reduced-aid", ("SANCTION", "withdraw", "USA", "NIC", "asserted")),
    ("supplies", ("SANCTION", "withdraw", "un", "", "asserted")),
    ("war-games", ("MOBILIZE", "troops", "CHNMIL", "", "asserted")),
    ("maneuvers", ("COOPERATE", "military", "VEN", "", "asserted")),
    ("maneuvers", ("COOPERATE", "military", "RUS", "", "asserted")),
    ("days-of", ("MOBILIZE", "troops", "FRAMIL", "", "asserted")),
    ("blackout", ("COERCE", "censor", "MIL", "", "asserted")),
    ("allow", ("CONCEDE", "", "GTMJUD", "", "asserted")),
    ("not-allow", ("CONCEDE", "", "VEN", "USA", "negated")),
    ("congratulations", ("SUPPORT", "praise", "donald-trump", "andres-manuel-lopez-obrador",
                         "asserted")),
    ("engaged", ("ASSAULT", "cleansing", "SRBMIL", "", "asserted")),
    ("took-part", ("ASSAULT", "", "COLREB", "", "asserted")),
    ("aims", ("COERCE", "blockade", "", "SRB", "future")),
    ("and-expelled", ("SANCTION", "expel", "CHL", "BOLGOV", "asserted")),
    ("protested-that", ("ACCUSE", "disapprove", "x-org-amnesty", "PER", "asserted")),
    ("group-protested", ("ACCUSE", "disapprove", "", "CHLGOV", "asserted")),
    ("teachers-protested", ("PROTEST", "demo", "PEREDU", "PER", "asserted")),
    ("if", ("SANCTION", "embargo", "BRA", "VEN", "hypothetical")),
    ("if", ("THREATEN", "", "BRA", "VEN", "asserted")),
    ("forced-out", ("SANCTION", "expel", "IDN", "unhcr", "asserted")),
    ("exploded", ("ASSAULT", "explosives", "AFGREB", "AFG", "asserted")),
    ("halted", ("SANCTION", "withdraw", "BRA", "", "asserted")),
    ("for-talks", ("CONSULT", "", "USAGOV", "", "asserted")),
    ("spoke-of", ("ACCUSE", "allege", "VEN", "", "asserted")),
    ("embassy", ("SUPPORT", "", "ESP", "AFG", "asserted")),
    ("ended", ("RETREAT", "ease", "ISR", "", "asserted")),
    ("granted", ("RETREAT", "access", "PER", "un", "asserted")),
    ("loan", ("AID", "economic", "CHN", "VEN", "asserted")),
    ("advisers", ("AID", "military", "CUB", "AGO", "asserted")),
    ("rescue", ("AID", "humanitarian", "MEX", "TUR", "asserted")),
    ("invitation", ("AGREE", "meet", "BRA", "luiz-inacio-lula-da-silva", "asserted")),
    ("backing", ("SUPPORT", "", "USA", "HNDGOV", "asserted")),
    ("operation", ("ASSAULT", "", "COLMIL", "farc", "asserted")),
    ("air-campaign", ("ASSAULT", "aerial", "nato", "SRB", "asserted")),
    ("police-stormed", ("COERCE", "seize", "VENCOP", "VENPTY", "asserted")),
    ("sealed", ("COERCE", "restrict", "ISRMIL", "", "asserted")),
    ("forces", ("REQUEST", "", "icrc", "USAMIL", "asserted")),
    ("they-would", ("THREATEN", "", "CAN", "", "asserted")),
    ("they-would", ("THREATEN", "", "MEX", "", "asserted")),
    ("their-summit", ("CONSULT", "multilateral", "CAN", "", "asserted")),
    ("their-summit", ("CONSULT", "multilateral", "MEX", "", "asserted")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_what_is_not_allowed_is_not_asserted(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "AID" and row[4] == "asserted" for row in found["not-allow"]), (
        found["not-allow"])


@pytest.mark.slow
def test_a_coordinated_aim_is_not_done(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] in ("COERCE", "SANCTION") and row[4] == "asserted"
                   for row in found["aims"]), found["aims"]


@pytest.mark.slow
def test_protesting_in_words_is_no_demonstration(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "PROTEST" for key in ("protested-that", "group-protested")
                   for row in found[key])


@pytest.mark.slow
def test_forces_with_no_country_are_nobody(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert found["political-forces"] == set(), found["political-forces"]


@pytest.mark.slow
def test_an_election_campaign_is_no_attack(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "ASSAULT" for row in found["election-campaign"])
