"""Names the knowledge base does not hold that the tagger calls places (session 26): an
organisation the text makes speak, names in brackets after an institution or tags an
organisation elsewhere becomes one; a real place keeps its id and gets the state the gazetteer
puts it in. Constructed sentences."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

TEXTS = [
    # a place-tagged name as the subject of a verb of saying
    ("es", "El jueves 5, Terminal Norte informó al gremio que reducirá sus turnos. Los "
           "accionistas de Terminal Norte, la chilena Neltume y la canadiense ATCO, reclamaron "
           "al Estado."),
    ("es", "El ministro habló con Portosur en Montevideo. Portosur denunció que el Gobierno "
           "favorece a su competidor. Según Portosur, el decreto es ilegal."),
    # tagged an organisation in one sentence, a place in the next
    ("es", "Las empresas portuarias Montecon y Cuenca del Plata se disputan los atraques en "
           "Montevideo. Montecon dijo que el decreto la perjudica."),
    # a short name in brackets after an organisation's; a city of the story's state
    ("es", "El ministro ordenó la intervención del Servicio de Impuestos Nacionales (Sinal) en "
           "Cochabamba."),
    # a city the gazetteer knows speaks for its government: it stays a place
    ("es", "Cochabamba anunció que no pagará la deuda. El gobernador de Cochabamba viajó a La "
           "Paz."),
    ("en", "Protesters marched in Araraquara on Sunday. The mayor of Araraquara, in Brazil's "
           "Sao Paulo state, blamed the drought."),
    ("en", "South America faces drought, and California faces blackouts."),
    # "the state" of a story about one state of a federation is that state
    ("en", "California faces blackouts again this summer. The state's reliance on imported "
           "power worries regulators, and the state may ration electricity. Governor Gavin "
           "Newsom blamed the drought in California."),
    ("es", "Texas vive una ola de calor. El estado ordenó cortes de luz y el gobernador de "
           "Texas pidió calma."),
    ("en", "Ohio and Texas sued the company. The state of emergency will last a week, and the "
           "state will pay for it."),
    # what a real place suffers is no view of it
    ("en", "California is suffering through deadly blackouts and a brutal drought that has "
           "ruined farms. Families in California face a miserable summer."),
]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("link26"), [
            {"text": text, "language": language, "published": "2022-05-04"}
            for language, text in TEXTS]) as store:
        yield store


def _country(store: Store, actor_id: str) -> str | None:
    rows = store.query("SELECT country FROM actors WHERE actor_id = ?", [actor_id])
    assert rows, actor_id
    return rows[0][0]


def test_a_place_tagged_name_that_speaks_is_an_organisation(linked: Store) -> None:
    assert mention_links(linked, 1, "Terminal Norte") == {("x-org-terminal-norte", None)}
    links = {actor for actor, _ in mention_links(linked, 2, "Portosur")}
    assert "x-org-portosur" in links and "x-place-portosur" not in links


def test_a_name_tagged_an_organisation_elsewhere_is_one_everywhere(linked: Store) -> None:
    links = {actor for actor, _ in mention_links(linked, 3, "Montecon")}
    assert "x-org-montecon" in links and "x-place-montecon" not in links


def test_a_short_name_in_brackets_after_an_organisation_is_an_organisation(linked: Store
                                                                           ) -> None:
    assert mention_links(linked, 4, "Sinal") == {("x-org-sinal", None)}


def test_a_city_of_the_story_state_records_its_country(linked: Store) -> None:
    assert mention_links(linked, 4, "Cochabamba") == {("x-place-cochabamba", None)}
    assert _country(linked, "x-place-cochabamba") == "BOL"
    assert mention_links(linked, 6, "Sao Paulo") == {("x-place-sao-paulo", None)}
    assert _country(linked, "x-place-sao-paulo") == "BRA"


def test_a_known_city_that_speaks_stays_a_place(linked: Store) -> None:
    assert mention_links(linked, 5, "Cochabamba") == {("x-place-cochabamba", None)}


def test_a_continent_is_no_part_of_a_state(linked: Store) -> None:
    assert mention_links(linked, 7, "South America") == {("x-place-south-america", None)}
    assert _country(linked, "x-place-south-america") is None
    assert _country(linked, "x-place-california") == "USA"


def test_the_state_of_a_story_about_a_federated_state_is_that_state(linked: Store) -> None:
    assert mention_links(linked, 8, "state") == {("x-place-california", None)}
    assert ("x-place-texas", None) in mention_links(linked, 9, "El estado")
    # two states named alike: "the state" is neither
    assert not {a for a, _ in mention_links(linked, 10, "state")} & {
        "x-place-ohio", "x-place-texas"}


def test_the_tone_of_what_happens_in_a_real_place_is_no_stance_toward_it(linked: Store
                                                                          ) -> None:
    rows = linked.query(
        "SELECT s.label, s.cue_kind FROM stances s JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ':11') AND s.actor_id = 'x-place-california'")
    assert rows == [("neutral", "mention")]
