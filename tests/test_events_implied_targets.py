"""Implied targets (rule 12a of events/data/README.md): an event with no named target is
directed at the state its clause places it in, else at its doer's own state, in its own
column; the stored target stays empty, and the GDELT export's Actor2 reads the implied one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.export import GDELT_COLUMNS, export
from marea.store import Store
from tests.conftest import events_by_sentence

SENTENCES = {
    # a domestic act naming no target: the doer's own state
    "curfew": "The government of Peru lifted the curfew on Monday.",
    "rally": "Mexico's interior ministry banned the rally.",
    # the clause names where: that place's state
    "caracas": "Venezuela lifted the state of emergency in Caracas.",
    # a named target is the target, and nothing is implied
    "accused": "Argentina accused Chile of spying.",
    # a meeting with no named partner has no recipient
    "met": "Brazilian diplomats met in Geneva.",
    # sanctions and attacks are aimed abroad as often as at home: no own state implied
    "sanctions": "Ecuador imposed sanctions on Tuesday.",
    "attacked": "The Chilean army attacked on Tuesday.",
}


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict]]:
    """Ingest one sentence per document; return the store and {key: {(type, source,
    target, implied target, basis)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("implied"), SENTENCES, "en", "2023-03-01",
        "e.type, e.source_id, coalesce(e.target_id, ''), coalesce(e.implied_target_id, ''), "
        "coalesce(e.target_basis, '')")


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("curfew", ("CONCEDE", "PERGOV", "", "PER", "own state")),
    ("rally", ("COERCE", "MEXGOV", "", "MEX", "own state")),
    ("caracas", ("CONCEDE", "VEN", "", "VEN", "place")),
    ("accused", ("ACCUSE", "ARG", "CHL", "", "named")),
    ("met", ("CONSULT", "BRAGOV", "", "", "")),
    ("sanctions", ("SANCTION", "ECU", "", "", "")),
    ("attacked", ("ASSAULT", "CHLMIL", "", "", "")),
])
def test_target_basis(stored: tuple[Path, dict], key: str, expected: tuple[str, ...]) -> None:
    assert stored[1][key] == {expected}


@pytest.mark.slow
def test_gdelt_export_gives_the_implied_target_as_actor2(stored: tuple[Path, dict],
                                                         tmp_path: Path) -> None:
    with Store(str(stored[0]), read_only=True) as store:
        rows = export(store, tmp_path / "gdelt", "gdelt")["events"].read_text(
            "utf-8").splitlines()
    column = {name: n for n, name in enumerate(GDELT_COLUMNS)}
    pairs = {(r.split("\t")[column["Actor1Code"]], r.split("\t")[column["Actor2Code"]],
              r.split("\t")[column["Actor2CountryCode"]]) for r in rows}
    assert ("PERGOV", "PER", "PER") in pairs  # implied: the doer's own state
    assert ("ARG", "CHL", "CHL") in pairs  # named
    assert ("BRAGOV", "", "") in pairs  # a meeting: no recipient


@pytest.mark.slow
def test_spanish_lifted_curfew_is_one_concession(tmp_path: Path) -> None:
    """Lifting a curfew is CONCEDE ease (CAMEO 081), aimed at the doer's own state, and the
    curfew named by the verb's multi-word object is not coded again as one imposed."""
    found = events_by_sentence(
        tmp_path, {"toque": "El Gobierno de Chile levantó el toque de queda."}, "es",
        "2023-03-01", "e.type, coalesce(e.mode, ''), e.source_id, coalesce(e.target_id, ''), "
        "coalesce(e.implied_target_id, ''), e.target_basis")[1]
    assert found["toque"] == {("CONCEDE", "ease", "CHLGOV", "", "CHL", "own state")}
