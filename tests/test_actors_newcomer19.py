"""A newcomer's read of two Spanish news pages nobody tuned on (session 19, trafilatura-eval:
larepublica.net on the hacking of Costa Rica's ministries, minuto30 on police in Medellín):
portfolios after "ministerio de" in small letters or in a list read as places and persons, a
minister in apposition with no role, "Grupo Conti" a person, police with no country in a
Colombian story, "#VueleLaPaz" linked to Rodrigo Paz, a body's name with "seguridad" in it a
person. Sentences of our own, after those pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

HACKED = (
    "Los piratas informáticos atacaron varias instituciones de Costa Rica. Una mesa de expertos "
    "del ministerio de Ciencia, Tecnología y Telecomunicaciones (Micitt), el ministerio de "
    "Seguridad Pública y el Instituto Costarricense de Electricidad coordina la respuesta. Los "
    "atacantes bloquearon los sitios de los Ministerios de Hacienda, de Educación Pública y de "
    "Trabajo. La ministra de la Presidencia dijo que no habrá pago. Los atacantes amenazan con "
    "publicar los datos a menos de que el Estado pague un rescate.")
MINISTER = (
    "El gobierno de Costa Rica enfrenta un ataque informático. En ese sentido, Marta Solano, "
    "ministra de Hacienda, aseguró que la próxima semana se pagarán los salarios. Un grupo "
    "conocido como Grupo Conti reclamó el ataque en un foro.")
MEDELLIN = (
    "Tras el anuncio del paro armado de las Autodefensas Gaitanistas de Colombia, hubo temor en "
    "Medellín. Al barrio llegó el coronel Pedro Luis Ramírez, comandante Operativo de seguridad "
    "Ciudadana de la Policía del Valle de Aburrá, quien dijo que reforzaron la seguridad con "
    "más uniformados. Los policías patrullan las calles de la ciudad.")
TWEET = "#VueleLaPaz desde la Comuna 13 de Medellín, este viernes a las nueve de la mañana."


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("costarica19"), [
            {"text": text, "language": "es", "published": "2022-04-22"}
            for text in (HACKED, MINISTER, MEDELLIN, TWEET)]) as store:
        yield store


@pytest.mark.parametrize("portfolio", [
    "Tecnología", "Telecomunicaciones", "Micitt", "Seguridad Pública", "Educación Pública",
    "Trabajo", "Presidencia"])
def test_a_portfolio_after_ministerio_de_or_in_its_list_is_the_government(
        linked: Store, portfolio: str) -> None:
    assert mention_links(linked, 1, portfolio) == {("CRIGOV", "CRIGOV")}


def test_the_state_as_an_agent_is_the_government(linked: Store) -> None:
    found = linked.query(
        "SELECT m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':1') AND m.text LIKE '%Estado'")
    assert found and {row[0] for row in found} == {"CRIGOV"}


def test_a_minister_in_apposition_has_the_government_role(linked: Store) -> None:
    assert mention_links(linked, 2, "Marta Solano") == {("x-person-marta-solano", "CRIGOV")}
    assert mention_links(linked, 2, "Hacienda") == {(None, None)}  # her office, no actor


def test_grupo_heads_an_organisation(linked: Store) -> None:
    assert mention_links(linked, 2, "Grupo Conti") == {("x-org-grupo-conti", None)}


def test_police_in_a_colombian_story_are_colombias(linked: Store) -> None:
    assert mention_links(linked, 3, "Los policías") == {("COLCOP", "COLCOP")}
    assert mention_links(linked, 3, "uniformados") == {("COLCOP", "COLCOP")}
    assert mention_links(linked, 3, "Pedro Luis Ramírez") == {
        ("x-person-pedro-luis-ramirez", "COLCOP")}


def test_a_bodys_name_with_a_common_word_is_no_person(linked: Store) -> None:
    rows = linked.query(
        "SELECT m.label, m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':3') AND m.text LIKE 'Operativo de seguridad%'")
    assert rows and all(label != "PER" and not (actor or "").startswith("x-person-")
                        for label, actor in rows)


def test_a_hashtag_links_by_no_surname_inside_it(linked: Store) -> None:
    actors = {row[0] for row in linked.query(
        "SELECT m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':4')")}
    assert "rodrigo-paz" not in actors
