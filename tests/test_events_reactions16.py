"""Reacting to an act of force (issue 11): who condemns, deplores, investigates or rejects a
killing did not do it, and is not accusing its victim. Found on a Paraguayan digest
(trafilatura-eval hoy.com-daran): Colombia's attorney general "lamentó el asesinato" of a
kidnapped woman became the source of the murder and, through it, was against in stance.
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

ENGLISH = {
    "condemned_murder": "The government condemned the murder of the journalist.",
    "condemned_invasion": "Brazil condemned Russia's invasion of Ukraine.",
    "investigate_killing": "Police investigate the killing of Juan Perez.",
}
SPANISH = {
    "lamento": "El fiscal general lamentó el asesinato de la connacional.",
    "condeno": "El presidente Petro condenó el asesinato del líder social Juan Pérez.",
    "rechazo": "El gobierno rechazó el secuestro de Cecilia Cubas.",
}
COLUMNS = "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, trigger)}} for both languages."""
    folder = tmp_path_factory.mktemp("reactions16")
    (folder / "en").mkdir()
    (folder / "es").mkdir()
    table = events_by_sentence(folder / "en", ENGLISH, "en", "2024-05-05", COLUMNS)[1]
    yield table | events_by_sentence(folder / "es", SPANISH, "es", "2024-05-05", COLUMNS)[1]


@pytest.mark.slow
def test_condemning_a_killing_accuses_no_victim(found: dict[str, set[tuple[str, ...]]]
                                               ) -> None:
    assert found["condemned_murder"] == {("ACCUSE", "GOV", "", "condemned"),
                                         ("ASSAULT", "", "MED", "murder")}
    assert found["condeno"] == {("ACCUSE", "gustavo-petro", "", "condenó"),
                                ("ASSAULT", "", "x-person-juan-perez", "asesinato")}
    assert not any(row[2] == "x-person-juan-perez" for row in found["investigate_killing"]
                   if row[0] == "ACCUSE")


@pytest.mark.slow
def test_the_doer_of_the_act_is_the_accused(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("ACCUSE", "BRA", "RUS", "condemned") in found["condemned_invasion"]
    assert ("ASSAULT", "RUS", "UKR", "invasion") in found["condemned_invasion"]


@pytest.mark.slow
def test_who_laments_or_rejects_a_crime_did_not_commit_it(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "ASSAULT" and row[1] for row in found["lamento"]), found["lamento"]
    assert not any(row[2] == "x-person-cecilia-cubas" for row in found["rechazo"]
                   if row[0] in ("REJECT", "ACCUSE")), found["rechazo"]
