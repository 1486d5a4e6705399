"""A newcomer's read of Spanish news pages (session 21, trafilatura-eval, Apache-2.0): a
nickname quoted inside a person's name ('Fernando "El Chino" Navarro', 'Joaquín “El Chapo”
Guzmán') is part of that person's name, not someone else's nickname nor a place, and names
the same person when it stands alone later; a verb opening a quote is no party of that name
('"Vamos a nosotros ver...'), "FFAA" is the armed forces, and a comma after a movement's
name is no part of it ("kirchnerismo,"). The pages' sentences, and two of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

CLARIN = (  # clarin.com, 3 May 2022
    'La escalada de este martes incluyó además a Fernando "El Chino" Navarro, otro de los que '
    "salió a contestarle públicamente a La Cámpora. Navarro encabezó el domingo la multitudinaria "
    "marcha del 1° de mayo interpretada como un apoyo a Fernández. Se mostró junto a Eduardo "
    '"Wado" de Pedro, que practica un llamativo equilibrio en la interna oficial.')
HERALDO = (  # elheraldo.hn, 26 April 2022
    "Tras la extradición del expresidente de Honduras, Juan Orlando Hernández, hacia Estados "
    "Unidos, por sus presuntos nexos con el narcotráfico, han comenzado a sonar nombres de "
    "varias personas que podrían comparecer en su juicio, entre ellos el del capo mexicano "
    "Joaquín “El Chapo” Guzmán. Ante esto, el cuerpo legal que pretende demostrar la inocencia "
    "de Hernández aseguró que “‘El Chapo’ no testificaría en contra, sino que aclararía a quién "
    "le dio el dinero y si fue verdad que envió dinero a Juan Orlando”. Cuando “Tony” Hernández "
    "fue presentado en el banquillo de los acusados en una Corte de Manhattan, la Fiscalía "
    "afirmó que su hermano, el entonces presidente de Honduras, había recibido millones para "
    "brindarle protección a Joaquín Guzmán Loera y otros líderes de la droga.")

TIEMPOS = (  # lostiempos.com, 3 May 2022
    '"Vamos a nosotros ver cuál es la directriz del Tribunal, qué tiempo se nos va a dar para '
    'que podamos hacer los alegatos", indicó el fiscal Omar Mejillones.')
PARTY = "Vamos ganó las elecciones en Guatemala."
ACCUSED = (  # lostiempos.com, 3 May 2022
    "En este caso se investiga la asunción de Jeanine Añez a presidenta en 2019, que en criterio "
    "de la Fiscalía había sido ilegal. Además de Añez, fueron acusados el excomandante de las "
    "FFAA, Williams Kaliman, los exintegrantes de su Comando, Flavio Arce San Martín, Jorge "
    "Terceros.")

EMBATES = (  # clarin.com, 3 May 2022
    "Es la primera vez que Fernández se hace eco de manera tan directa a los insistentes "
    "embates desde el kirchnerismo, que tuvo otra vez en Larroque a su principal vocero.")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("es_pages21"), [
            {"text": CLARIN, "language": "es", "published": "2022-05-03"},
            {"text": HERALDO, "language": "es", "published": "2022-04-26"},
            {"text": TIEMPOS, "language": "es", "published": "2022-05-03"},
            {"text": PARTY, "language": "es", "published": "2023-06-26"},
            {"text": ACCUSED, "language": "es", "published": "2022-05-03"},
            {"text": EMBATES, "language": "es", "published": "2022-05-03"}]) as store:
        yield store


def test_a_quoted_nickname_inside_a_name_is_part_of_it(linked: Store) -> None:
    assert mention_links(linked, 1, 'Fernando "El Chino" Navarro') == {
        ("x-person-fernando-navarro", None)}  # no Alberto Fujimori, "El Chino" of Peru
    assert mention_links(linked, 1, "Navarro") == {("x-person-fernando-navarro", None)}
    # Argentina's interior minister that day (the knowledge base has known him since kb21)
    assert mention_links(linked, 1, 'Eduardo "Wado" de Pedro') == {
        ("eduardo-de-pedro", "ARGGOV")}


def test_a_nickname_alone_names_whom_it_was_given_to(linked: Store) -> None:
    guzman = {("x-person-joaquin-guzman-loera", None)}
    assert mention_links(linked, 2, "Joaquín “El Chapo” Guzmán") == guzman
    assert mention_links(linked, 2, "Joaquín Guzmán Loera") == guzman
    assert {actor for actor, _ in linked.query(
        "SELECT m.actor_id, m.text FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':2') AND m.text LIKE '%Chapo%'")} == {
            "x-person-joaquin-guzman-loera"}


def test_a_word_opening_the_sentence_is_no_part_of_a_nicknamed_name(linked: Store) -> None:
    assert mention_links(linked, 2, "“Tony” Hernández") == {("x-person-tony-hernandez", None)}


def test_a_verb_opening_a_quote_is_no_party(linked: Store) -> None:
    assert not linked.query("SELECT m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
                            "WHERE ends_with(d.locator, ':3') AND m.text = 'Vamos'")
    assert mention_links(linked, 4, "Vamos") == {("vamos-gtm", "GTMPTY")}


def test_ffaa_is_the_armed_forces(linked: Store) -> None:
    assert mention_links(linked, 5, "FFAA") == {("BOLMIL", "BOLMIL")}


def test_a_comma_after_a_name_written_small_is_no_part_of_it(linked: Store) -> None:
    assert mention_links(linked, 6, "kirchnerismo") == {("pj-arg", "ARGPTY")}


def test_the_story_s_peronists_link_on_their_day(linked: Store) -> None:
    """A bare "Fernández" in May 2022 is the president, not his vice president Cristina
    Fernández de Kirchner (whom it linked before) nor his security minister Aníbal Fernández;
    La Cámpora is the Peronist group, no place."""
    assert mention_links(linked, 1, "Fernández") == {("alberto-fernandez", "ARGGOV")}
    assert mention_links(linked, 1, "La Cámpora") == {("la-campora-arg", "ARGPTY")}
