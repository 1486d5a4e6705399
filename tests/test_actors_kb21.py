"""Actors a reader of Argentine and Puerto Rican news expects linked (kb21): the Peronist
ministers, governors and legislators around Cristina Fernández de Kirchner, La Cámpora, the IMF
as "el Fondo Monetario", Puerto Rico's two main parties and the president of its Senate, each
with the office held on the story's day. Paragraphs of our own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from marea.actors.kb import load_kb
from marea.store import Store
from tests.conftest import jsonl_store, mention_links

ARGENTINA = (
    "El ministro de Economía, Martín Guzmán, defendió ante el Congreso el acuerdo con el Fondo "
    "Monetario. Máximo Kirchner votó en contra, mientras el ministro del Interior, Eduardo "
    "\"Wado\" de Pedro, y el ministro de Seguridad, Aníbal Fernández, respaldaron a Guzmán. El "
    "gobernador bonaerense Axel Kicillof y el gobernador del Chaco, Jorge Capitanich, pidieron "
    "unidad. La Cámpora, la agrupación de Andrés \"Cuervo\" Larroque, criticó a Sergio Massa. "
    "De Pedro habló después con Fernández.")
PUERTO_RICO = (
    "El presidente del Senado de Puerto Rico, José Luis Dalmau Santiago, del Partido Popular "
    "Democrático (PPD), criticó al gobernador. El PNP respondió que Dalmau no tiene los votos.")
ROSARIO = "En Argentina, Pedro llegó temprano a la reunión en Rosario."
MEXICO = "En México, la fiscalía acusó a Guzmán de narcotráfico."


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("kb21"), [
            {"text": ARGENTINA, "language": "es", "published": "2022-03-15"},
            {"text": PUERTO_RICO, "language": "es", "published": "2022-05-10"},
            {"text": ROSARIO, "language": "es", "published": "2021-05-01"},
            {"text": MEXICO, "language": "es", "published": "2021-05-01"}]) as store:
        yield store


def test_the_peronist_government_of_march_2022(linked: Store) -> None:
    assert mention_links(linked, 1, "Martín Guzmán") == {("martin-guzman", "ARGGOV")}
    assert mention_links(linked, 1, "Guzmán") == {("martin-guzman", "ARGGOV")}
    assert mention_links(linked, 1, 'Eduardo "Wado" de Pedro') == {("eduardo-de-pedro", "ARGGOV")}
    assert mention_links(linked, 1, "De Pedro") == {("eduardo-de-pedro", "ARGGOV")}
    assert mention_links(linked, 1, "Aníbal Fernández") == {("anibal-fernandez", "ARGGOV")}
    # the minister the story named in full, not the president of the name
    assert mention_links(linked, 1, "Fernández") == {("anibal-fernandez", "ARGGOV")}
    assert mention_links(linked, 1, "Axel Kicillof") == {("axel-kicillof", "ARGGOV")}
    assert mention_links(linked, 1, "Jorge Capitanich") == {("jorge-capitanich", "ARGGOV")}
    assert mention_links(linked, 1, 'Andrés "Cuervo" Larroque') == {("andres-larroque", "ARGGOV")}


def test_legislators_the_fund_and_la_campora(linked: Store) -> None:
    assert mention_links(linked, 1, "Máximo Kirchner") == {("maximo-kirchner", "ARGLEG")}
    assert mention_links(linked, 1, "Sergio Massa") == {("sergio-massa", "ARGLEG")}
    assert mention_links(linked, 1, "Fondo Monetario") == {("imf", "IGO")}
    assert mention_links(linked, 1, "La Cámpora") == {("la-campora-arg", "ARGPTY")}


def test_puerto_rico_s_senate_and_parties(linked: Store) -> None:
    dalmau = {("jose-luis-dalmau-santiago", "PRILEG")}
    assert mention_links(linked, 2, "José Luis Dalmau Santiago") == dalmau
    assert mention_links(linked, 2, "Dalmau") == dalmau
    # Chile's PPD and Jamaica's PNP share the acronyms; the story is Puerto Rico's
    assert mention_links(linked, 2, "PPD") == {("ppd-pri", "PRIPTY")}
    assert mention_links(linked, 2, "Partido Popular Democrático") == {("ppd-pri", "PRIPTY")}
    assert mention_links(linked, 2, "El PNP") == {("pnp-pri", "PRIPTY")}


def test_a_given_name_is_no_surname_of_de_pedro(linked: Store) -> None:
    """"Pedro" alone is someone's given name, though Eduardo de Pedro's surname ends in it;
    so is "Santiago" (the capital of Chile besides) of José Luis Dalmau Santiago."""
    assert "eduardo-de-pedro" not in {actor for actor, _ in mention_links(linked, 3, "Pedro")}
    kb = load_kb()
    assert "eduardo-de-pedro" in {a.actor_id for a in kb.lookup("de Pedro")}
    assert not kb.lookup("Pedro")
    assert {a.actor_id for a in kb.lookup("Santiago")} == {"CHL"}
    assert "jose-luis-dalmau-santiago" in {a.actor_id for a in kb.lookup("Dalmau Santiago")}


def test_the_menems_by_date() -> None:
    kb = load_kb()
    assert kb.actors["carlos-menem"].role_at(date(1995, 6, 1)) == "ARGGOV"
    assert kb.actors["carlos-menem"].role_at(date(2010, 6, 1)) == "ARGLEG"
    assert kb.actors["carlos-menem"].role_at(date(2022, 6, 1)) is None  # died in 2021
    assert kb.actors["martin-menem"].role_at(date(2024, 6, 1)) == "ARGLEG"


def test_a_sitting_minister_s_surname_in_another_state_s_story(linked: Store) -> None:
    """Guzmán was Argentina's economy minister that day, but a story of Mexico that never
    names Argentina means someone else: only a head of state or government is that famous."""
    assert "martin-guzman" not in {actor for actor, _ in mention_links(linked, 4, "Guzmán")}
