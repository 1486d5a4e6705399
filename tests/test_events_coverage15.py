"""English lexicon coverage added in session 15 (issue 11): news verbs of each PLOVER type that
the lexicon lacked, uses of verbs with no object ("the army evacuated"), and the target of an
event noun named on the noun's own "of" complement when an owner stands before it ("the
suspension of its trade links with X"). Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # the "with"/"to" complement of the noun under "of" names the target, even when a
    # possessive ("its") makes that noun stand for its owner
    "suspension-its": "Canada announced the suspension of its trade links with Venezuela.",
    "suspension-flights": "Canada announced the suspension of its flights to Cuba.",
    # verbs the lexicon lacked
    "amassed": "Turkey amassed troops on the Syrian border.",
    "retook": "Ukrainian troops retook the city of Kherson in November.",
    "retaliated": "Pakistan retaliated against India with artillery fire.",
    "guaranteed": "Uruguay guaranteed safe passage to the Venezuelan diplomats.",
    "alert": "Poland put its army on high alert.",
    "custody": "The police held the opposition leader in custody for three days.",
    "castigated": "Mexico castigated Ecuador over the raid on its embassy.",
    "helped": "Brazil helped Bolivia with firefighting planes.",
    # a verb whose other entries all need an object is an event without one
    "evacuated": "The Peruvian army evacuated on Monday.",
    "compromised": "Colombia compromised with Venezuela on the border crossings.",
    "won": "Petro won in the second round.",
    # prepositional frames: people held as shields
    "shields": "Hamas is holding the hostages as human shields.",
    "hosted": "Ecuador hosted thousands of Venezuelan refugees.",
    # "won" with an object that is no office keeps needing one
    "final": "Argentina won the World Cup final.",
    # addressing supporters or the press is a speech, not a consultation
    "speaking": "Speaking to supporters in Lima, Peru's president promised to govern for all.",
    "phone": "Lula spoke with Biden by phone on Monday.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target)}} of asserted events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("coverage15"), SENTENCES, "en", "2024-04-10",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, '')",
        "e.modality = 'asserted'")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("suspension-its", ("SANCTION", "discontinue", "CAN", "VEN")),
    ("suspension-flights", ("SANCTION", "discontinue", "CAN", "CUB")),
    ("amassed", ("MOBILIZE", "troops", "TUR", "SYR")),
    ("retook", ("ASSAULT", "", "UKRMIL", "UKR")),  # "retook": spaCy's lemma, aliased
    ("retaliated", ("ASSAULT", "", "PAK", "IND")),
    ("guaranteed", ("AGREE", "", "URY", "VENGOV")),
    ("alert", ("MOBILIZE", "troops", "POL", "")),
    ("custody", ("COERCE", "arrest", "COP", "OPP")),  # an opposition leader is OPP (s29)
    ("castigated", ("ACCUSE", "disapprove", "MEX", "ECU")),
    ("helped", ("AID", "", "BRA", "BOL")),
    ("evacuated", ("RETREAT", "withdraw", "PERMIL", "")),
    ("compromised", ("CONCEDE", "", "COL", "VEN")),
    ("won", ("SUPPORT", "office", "", "gustavo-petro")),
    ("shields", ("COERCE", "", "x-org-hamas", "CVL")),  # hostages: civilians (session 20)
    ("hosted", ("AID", "asylum", "ECU", "VENREF")),
    ("phone", ("CONSULT", "phone", "luiz-inacio-lula-da-silva", "joe-biden")),
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_a_game_won_is_no_office(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "SUPPORT" for row in found["final"]), found["final"]


@pytest.mark.slow
def test_speaking_to_supporters_is_no_consultation(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "CONSULT" for row in found["speaking"]), found["speaking"]
