"""A newcomer's read of two Chilean news pages (session 18): unions and associations tagged
places, one confederation written three ways, a ministry called by its portfolio ("la titular
de Interior"), a deputy behind her party's acronym, a party's president read as the head of
state, "el dirigente" read as the government, Chilean coalitions unknown to the knowledge
base, and "dicha" (the said) read as happiness. Sentences of our own, after those pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

UNIONS = (
    "Los camioneros del sur de Chile están en alerta. El martes se reunieron en Temuco el "
    "directorio de la Confederación Nacional del Transporte de Carga, la Federación de "
    "Camioneros del Sur y la Asociación Gremial de Dueños de Camiones de Valdivia. Los socios "
    "de la Confederación Nacional del Transporte de Cargas (CNTC) piden más seguridad en las "
    "carreteras. El presidente de la Confederación Nacional de Transporte de Carga, Sergio "
    "Pérez, dijo que no descartan un paro. De todas maneras, el dirigente aseguró que la "
    "decisión la tomarán las bases.")
AGENDA = (
    "El presidente Gabriel Boric recibió a los gremios en Santiago de Chile. La ministra Izkia "
    "Siches (Interior) presentó la agenda ante el Senado. La titular de Interior advirtió a "
    "los senadores que hay bandas nuevas. Sin embargo, la diputada PS Emilia Nuyado criticó la "
    "medida. Entre los liberales, el presidente Patricio Morales apuntó que el despliegue es "
    "correcto. Dentro de Apruebo Dignidad hay dudas y en el Socialismo Democrático hay apoyo. "
    "El gobierno impulsará el proyecto que crea un Ministerio de Seguridad Pública.")
# La Tercera's passage (trafilatura-eval, Apache-2.0) where "dicha" was the government's cue
SAID = (
    "En materia de institucionalidad, además, la ministra aseguró que el gobierno impulsará "
    "indicaciones al proyecto presentado por el gobierno del expresidente Sebastián Piñera y "
    "que crea un Ministerio de Seguridad Pública, separando el control público del Ministerio "
    "del Interior. En este caso, dicha institucionalidad se nominaría como “Ministerio de "
    "Seguridad, Protección Civil y Convivencia Ciudadana”.")

# "la Justicia" capitalised is the courts (Argentine usage above all), no ministry
JUDGED = ("El empresario fue detenido en Buenos Aires. Ayer la Justicia ordenó su detención "
          "y la Justicia federal investiga el caso.")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("chile18"), [
            {"text": text, "language": "es", "published": "2022-05-04"}
            for text in (UNIONS, AGENDA, SAID, JUDGED)]) as store:
        yield store


@pytest.mark.parametrize("name, actor", [
    ("Federación de Camioneros del Sur", "x-org-federacion-de-camioneros-del-sur"),
    ("Asociación Gremial de Dueños de Camiones de Valdivia",
     "x-org-asociacion-gremial-de-duenos-de-camiones-de-valdivia"),
])
def test_a_name_an_organisation_noun_heads_is_an_organisation(linked: Store, name: str,
                                                              actor: str) -> None:
    assert mention_links(linked, 1, name) == {(actor, None)}


def test_one_bodys_spellings_in_one_document_are_one_actor(linked: Store) -> None:
    one = "x-org-confederacion-nacional-del-transporte-de-carga"  # the first and most written
    for name in ("Confederación Nacional del Transporte de Carga",
                 "Confederación Nacional del Transporte de Cargas", "CNTC",
                 "Confederación Nacional de Transporte de Carga"):
        assert mention_links(linked, 1, name) == {(one, None)}, name


def test_a_union_leader_is_no_government_agent(linked: Store) -> None:
    sources = {tuple(row) for row in linked.query(
        "SELECT e.trigger, e.source_role FROM events e JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':1')")}
    assert not any(role and role.endswith("GOV") for _, role in sources), sources


def test_a_ministry_by_its_portfolio_is_the_government(linked: Store) -> None:
    assert mention_links(linked, 2, "Interior") == {("CHLGOV", "CHLGOV")}


def test_a_title_and_a_party_acronym_before_a_name_give_the_legislator(linked: Store) -> None:
    assert mention_links(linked, 2, "Emilia Nuyado") == {("x-person-emilia-nuyado", "CHLLEG")}
    assert mention_links(linked, 2, "PS") == {("ps-chl", "CHLPTY")}


def test_an_unknown_president_beside_a_known_head_of_state_is_not_the_government(
        linked: Store) -> None:
    assert mention_links(linked, 2, "Patricio Morales") == {("x-person-patricio-morales", None)}
    assert mention_links(linked, 2, "Gabriel Boric") == {("gabriel-boric", "CHLGOV")}


@pytest.mark.parametrize("name, party", [("Apruebo Dignidad", "apruebo-dignidad-chl"),
                                         ("Socialismo Democrático",
                                          "socialismo-democratico-chl")])
def test_chilean_coalitions_are_parties(linked: Store, name: str, party: str) -> None:
    assert mention_links(linked, 2, name) == {(party, "CHLPTY")}


def test_the_said_institution_is_no_happiness(linked: Store) -> None:
    cues = {tuple(row) for row in linked.query(
        "SELECT s.actor_id, s.cue FROM stances s JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':3')")}
    assert {actor for actor, cue in cues if cue == "dicha"} == set(), cues
    assert any(actor == "CHLGOV" for actor, _ in cues), cues


def test_the_courts_called_la_justicia_are_no_government(linked: Store) -> None:
    assert not {actor for actor, _ in mention_links(linked, 4, "Justicia")
                if actor and actor.endswith("GOV")}, mention_links(linked, 4, "Justicia")
