"""Event types that plover-gsr's dev half showed wrong or missing (issue 11), each fixed by a
general rule or lexicon entry and shown on a sentence of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # withdrawing inspectors, monitors or aid workers sanctions the place (CAMEO 166x);
    # announced, it is a threat (rule 7)
    "monitors": "The UN withdrew its monitors from Syria.",
    "aid-workers": "On Tuesday Kofi Annan announced that he will withdraw the aid workers "
                   "from Somalia.",
    # troops arriving are deployed, peacekeepers too (aid only when sent or provided); diplomats
    # visit
    "troops": "Russian troops arrived in Belarus for exercises.",
    "peacekeepers": "Bangladeshi peacekeeping troops arrived in Liberia on Tuesday.",
    "diplomats": "Chinese diplomats arrived in Lima on Monday.",
    # reneging on one's own promise: no event lost because its owner is the source
    "renege": "President Juan Perez has reneged on his promise to the Chilean people.",
    "curfew": "Peru shortened the nightly curfew by two hours.",
    # a mediation effort launched by a third party between two sides
    "mediation": "Norway launched a mediation effort between Colombia and the FARC on Monday.",
    "talks": "Talks between Colombia and the FARC resumed.",
    "patrols": "The governor ordered patrols by police and soldiers after the riots.",
    # a demonym the tagger calls a person is the demonym
    "ugandan": "President Yoweri Museveni threatened to ban Ugandan opposition candidates "
               "from the elections.",
    # an event noun naming what an agent is for is no event: "riot police" riot nothing
    "riot-police": "Israeli riot police dispersed the crowd.",
    # removing sanctions eases them; it ousts nobody
    "removing": "Washington is removing the sanctions on Cuba.",
    # "sworn to fight", parsed as an adverbial clause, is still sworn: a threat
    "sworn": "Kurdish rebels have sworn to fight until they win back their villages.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("plover-types"), SENTENCES, "en", "2023-03-01",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("monitors", ("SANCTION", "withdraw", "un", "SYR", "asserted")),
    ("aid-workers", ("SANCTION", "withdraw", "kofi-annan", "SOM", "future")),
    ("aid-workers", ("THREATEN", "", "kofi-annan", "SOM", "asserted")),
    ("troops", ("MOBILIZE", "troops", "RUSMIL", "BLR", "asserted")),
    ("peacekeepers", ("MOBILIZE", "troops", "BGDMIL", "LBR", "asserted")),
    ("diplomats", ("CONSULT", "visit", "CHNGOV", "PER", "asserted")),
    ("renege", ("REJECT", "", "x-person-juan-perez", "CHLCVL", "asserted")),
    ("curfew", ("CONCEDE", "ease", "PER", "", "asserted")),  # CAMEO 081x
    ("mediation", ("CONSULT", "mediate", "NOR", "COL", "asserted")),
    ("mediation", ("CONSULT", "mediate", "NOR", "farc", "asserted")),
    ("talks", ("CONSULT", "", "COL", "farc", "asserted")),
    ("patrols", ("MOBILIZE", "", "GOV", "", "asserted")),
    ("ugandan", ("THREATEN", "", "x-person-yoweri-museveni", "UGAOPP", "asserted")),
    ("riot-police", ("COERCE", "restrict", "ISRCOP", "ISRCVL", "asserted")),
    ("removing", ("RETREAT", "ease", "USA", "CUB", "asserted")),
    ("sworn", ("ASSAULT", "", "REB", "", "future")),
    ("sworn", ("THREATEN", "", "REB", "", "asserted")),
])
def test_type_found(found: dict[str, set[tuple[str, ...]]], key: str,
                    expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_troops_arriving_are_no_visit(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "CONSULT" for row in found["troops"] | found["peacekeepers"])


@pytest.mark.slow
def test_riot_police_is_no_riot(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "PROTEST" for row in found["riot-police"]), found["riot-police"]
