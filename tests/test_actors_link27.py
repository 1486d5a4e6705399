"""Names linked as the wrong kind (session 27): a newspaper, a port operator and "el Estado
uruguayo" were places (El País page of the second fresh event set, es-elpais-gobierno); "Biden
warned Russia" made Biden a place; Brazil's states were of no state; the heading "Alameda
County DA" of a Mercury News letter (trafilatura-eval) was a place, not the district attorney
the letter names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

MONTECON = ("El 16 de abril pasado, el gerente general de Montecon, Martín González, dijo a El "
            "País que el decreto 115 -que otorga prioridad en los atraques a la Terminal Cuenca "
            "del Plata/Katoen Natie en función del acuerdo firmado entre la compañía belga y el "
            "Estado uruguayo- causó a la firma que dirige la pérdida de dos servicios navieros.")
PUBLISHER = "El País supo que el gobierno acusa a la empresa Montecon de aliarse con el sindicato."
BIDEN = "Biden warned Russia against an invasion of Ukraine."
RAINS = "Heavy rains killed 20 people in Minas Gerais and Rio Grande do Sul, officials said."
LETTER = ("Alameda County DA is coddling criminals\n"
          "It should not surprise anyone that Alameda County District Attorney Pamela Price "
          "dropped special circumstances against David Misch.")
NO_HOLDER = "Alameda County DA is coddling criminals\nThe county was silent."
SOURCES = ("El gobierno considera que la empresa Montecon, que realiza cargas y descargas de "
           "contenedores en los muelles públicos, se alió con el sindicato y ambos buscan una "
           "“máxima confrontación” en el puerto de Montevideo, según dijeron a El País dos "
           "fuentes ministeriales.")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("link27"), [
            {"text": MONTECON, "language": "es", "published": "2022-05-11"},
            {"text": PUBLISHER, "language": "es", "published": "2022-05-11",
             "url": "https://www.elpais.com.uy/informacion/montecon.html"},
            {"text": BIDEN, "language": "en", "published": "2022-02-20"},
            {"text": RAINS, "language": "en", "published": "2022-02-20"},
            {"text": LETTER, "language": "en", "published": "2023-01-16"},
            {"text": NO_HOLDER, "language": "en", "published": "2023-01-16"},
            {"text": SOURCES, "language": "es", "published": "2022-05-11"}]) as store:
        yield store


def _country(store: Store, actor_id: str) -> str | None:
    return store.query("SELECT country FROM actors WHERE actor_id = ?", [actor_id])[0][0]


def test_a_newspaper_something_is_said_to_is_media(linked: Store) -> None:
    """"dijo a El País": a name with an article that is told something is an outlet."""
    [(actor, role)] = mention_links(linked, 1, "El País")
    assert actor is not None and actor.startswith("x-org-") and role == "MED"


def test_the_publishers_own_name_is_media(linked: Store) -> None:
    """elpais.com.uy writes "El País" (the tagger leaves the article out of the span)."""
    [(actor, role)] = mention_links(linked, 2, "País")
    assert actor is not None and actor.startswith("x-org-") and role == "MED"


def test_the_uruguayan_state_is_its_government(linked: Store) -> None:
    assert mention_links(linked, 1, "Estado uruguayo") == {("URYGOV", "URYGOV")}


def test_a_named_terminal_is_its_operator(linked: Store) -> None:
    [(actor, _)] = mention_links(linked, 1, "Terminal Cuenca del Plata")
    assert actor == "x-org-terminal-cuenca-del-plata"


def test_a_surname_tagged_a_place_is_the_president(linked: Store) -> None:
    assert mention_links(linked, 3, "Biden") == {("joe-biden", "USAGOV")}


def test_a_brazilian_state_is_in_brazil(linked: Store) -> None:
    """Tagged an organisation here; GeoNames' cache lists no Brazilian state."""
    [(actor, _)] = mention_links(linked, 4, "Minas Gerais")
    assert actor == "x-place-minas-gerais" and _country(linked, actor) == "BRA"


def test_an_abbreviated_office_is_its_holder(linked: Store) -> None:
    assert mention_links(linked, 5, "Alameda County DA") == {("x-person-pamela-price", None)}
    assert mention_links(linked, 6, "Alameda County DA") == {(None, None)}


def test_a_medium_told_is_no_side_of_what_it_reports(linked: Store) -> None:
    """"según dijeron a El País dos fuentes": El País reports the words; no event is aimed at
    it (the gold codes the government's accusation and Montecon's alliance only)."""
    [(actor, role)] = mention_links(linked, 7, "El País")
    assert role == "MED"
    assert not linked.query(
        "SELECT e.trigger FROM events e JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':7') AND e.target_id = ?", [actor])
