"""The main event of a sentence (events/main_event.py): every event is stored, the one on the
governing clause is flagged, and the GDELT export keeps only stories with a main report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.export import GDELT_COLUMNS, export
from marea.store import Store
from tests.conftest import events_by_sentence

SENTENCES = {
    # a purpose clause is secondary to the act it is the purpose of
    "purpose": "Russia sent troops to attack Ukraine.",
    # the thing condemned is secondary to the condemnation
    "condemned": "The United States condemned the Israeli attack on Lebanon.",
    # coordinated clauses are one level: both main
    "coordinated": "Protesters blocked roads in Lima and clashed with police.",
    # a relative clause is secondary
    "relative": "Germany, which had criticised Moscow, signed an agreement with China.",
    # what a statement reports is the event (here the request it stands for): no STATEMENT
    "reported": "Russia said Sudan must release the prisoners.",
    # an event noun is at its light verb's level, above the purpose clause
    "light-verb": "Thousands of teachers across Argentina staged protests on Friday to demand "
                  "the resignation of the education minister.",
    # a sentence with only a statement has it as main
    "statement": "Lula said on Monday that the talks were going well.",
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict]]:
    """Ingest one sentence per document; return the store and {key: {(trigger, type,
    source, target, modality, main)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("main"), SENTENCES, "en", "2023-03-01",
        "e.trigger, e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality, e.main")


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("purpose", {("sent", "MOBILIZE", "RUS", "", "asserted", True),
                 ("attack", "ASSAULT", "RUS", "UKR", "asserted", False)}),
    ("condemned", {("condemned", "ACCUSE", "USA", "ISR", "asserted", True),
                   ("attack", "ASSAULT", "ISR", "LBN", "asserted", False)}),
    ("coordinated", {("blocked", "PROTEST", "PERCVL", "PER", "asserted", True),
                     ("clashed", "ASSAULT", "PERCVL", "PERCOP", "asserted", True)}),
    ("relative", {("criticised", "ACCUSE", "DEU", "RUS", "asserted", False),
                  ("signed", "SUPPORT", "DEU", "CHN", "asserted", True)}),
    ("reported", {("release", "RETREAT", "SDN", "CVL", "demanded", False),
                  ("release", "REQUEST", "RUS", "SDN", "asserted", True)}),
    ("light-verb", {("protests", "PROTEST", "ARGEDU", "ARG", "asserted", True),
                    ("demand", "REQUEST", "ARGEDU", "GOV", "asserted", False)}),
])
def test_every_event_is_stored_and_the_governing_one_is_main(
        stored: tuple[Path, dict], key: str, expected: set[tuple[object, ...]]) -> None:
    assert stored[1][key] == expected


@pytest.mark.slow
def test_a_sentence_of_statements_only_has_a_main_event(stored: tuple[Path, dict]) -> None:
    assert {(row[1], row[5]) for row in stored[1]["statement"]} == {("STATEMENT", True)}


@pytest.mark.slow
def test_gdelt_export_leaves_out_events_no_sentence_reports_as_main(
        stored: tuple[Path, dict], tmp_path: Path) -> None:
    with Store(str(stored[0]), read_only=True) as store:
        rows = export(store, tmp_path / "gdelt", "gdelt")["events"].read_text(
            "utf-8").splitlines()
    column = {name: n for n, name in enumerate(GDELT_COLUMNS)}
    pairs = {(r.split("\t")[column["Actor1Code"]], r.split("\t")[column["Actor2Code"]],
              r.split("\t")[column["EventRootCode"]]) for r in rows}
    # main; the sending names no target: its implied one is the doer's own state
    assert ("USA", "ISR", "11") in pairs and ("RUS", "RUS", "15") in pairs
    assert not any(a2 in ("UKR", "LBN") for _, a2, _ in pairs)  # the attacks
    assert ("DEU", "RUS", "11") not in pairs  # the relative clause
