"""Three linking bugs an analyst met (issue 11, session 21): "IRA" linked Iran through the
Portuguese "Irã" shorn of its tilde; "ese país" / "the country" acting stood for no one; and
"El Gobierno anunció que va a imponer sanciones a Rusia" made the government Russia's.
Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.actors.kb import load_kb
from marea.store import Store
from tests.conftest import events_by_sentence, jsonl_store, mention_links

DOCS = (
    ("es", "Londres celebró el desarme del IRA."),
    ("en", "London welcomed the IRA's disarmament."),
    ("es", "El Gobierno anunció que va a imponer sanciones a Rusia."),
    ("en", "The government announced it will impose sanctions on Russia."),
    ("es", "El Gobierno dijo en Rusia que habrá elecciones."),
)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("bugs21"), [
            {"text": text, "language": language, "published": "2021-03-01"}
            for language, text in DOCS]) as store:
        yield store


def test_an_acronym_in_capitals_is_no_name_shorn_of_its_accents() -> None:
    kb = load_kb()
    assert [a.actor_id for a in kb.lookup("IRA")] == ["ira"]
    assert [a.actor_id for a in kb.lookup("Irã")] == ["IRN"]  # the name itself still links
    assert {a.actor_id for a in kb.lookup("IRAN")} == {"IRN"}  # spelt plain in the files


def test_the_ira_is_the_irish_republican_army(linked: Store) -> None:
    assert mention_links(linked, 1, "IRA") == {("ira", "GBRREB")}
    assert mention_links(linked, 2, "IRA") == {("ira", "GBRREB")}


def test_a_government_acting_on_a_state_is_not_its_government(linked: Store) -> None:
    assert mention_links(linked, 3, "Gobierno") == {("GOV", "GOV")}
    assert mention_links(linked, 4, "government") == {("GOV", "GOV")}
    # a state named as where the government speaks still places it
    assert mention_links(linked, 5, "Gobierno") == {("RUSGOV", "RUSGOV")}


SENTENCES_ES = {
    "ese": "Maduro habló de Venezuela. Ese país acusó a Colombia de espionaje.",
    "dicho": "Chile habló con Perú. Dicho país criticó a Bolivia.",
    "object": "Japón criticó a China. Los diplomáticos condenaron a ese país.",
    "vecino": "Brasil visitó Chile. El país vecino criticó a Bolivia.",
    "paper": "Chile criticó a Perú. Según El País, Bolivia protestó.",
}
SENTENCES_EN = {
    "subject": "Officials in Brazil met on Monday. The country condemned Argentina.",
    "object": "Japan criticized China. Officials condemned the country.",
}


def test_a_definite_country_acting_is_the_state_named_last(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    _, spanish = events_by_sentence(tmp_path_factory.mktemp("es"), SENTENCES_ES, "es", "2021-03-01",
                                    "e.source_id, e.target_id, e.trigger")
    assert ("VEN", "COL", "acusó") in spanish["ese"]
    assert ("PER", "BOL", "criticó") in spanish["dicho"]
    assert any(row[1] == "CHN" and row[2] == "condenaron" for row in spanish["object"])
    # "el país vecino" is another state than the one named last: no source from it
    assert not any(row[0] == "CHL" for row in spanish["vecino"] if row[2] == "criticó")
    # "El País", capitalised, is the newspaper: Bolivia protests, not Peru
    assert {row[0] for row in spanish["paper"] if row[2] == "protestó"} == {"BOL"}
    _, english = events_by_sentence(tmp_path_factory.mktemp("en"), SENTENCES_EN, "en", "2021-03-01",
                                    "e.source_id, e.target_id, e.trigger")
    assert ("BRA", "ARG", "condemned") in english["subject"]
    assert any(row[1] == "CHN" and row[2] == "condemned" for row in english["object"])
