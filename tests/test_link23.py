"""Actor-linking defects a newcomer's read found (issue 11, session 23): a state named only
as where a war was fought gave its state to "the House" of a US story; "Alberto", as the
Argentine press calls Alberto Fernández, stayed unknown; "el presidente" of a story that
names its state only by a demonym or a city was no one. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.store import Store
from tests.conftest import events_by_sentence, jsonl_store, mention_links

DOCS = (
    ("en", "2019-01-05", "When Democrats took the House in 2006, Pelosi resisted calls to "
                         "defund the Iraq War."),
    ("en", "2019-01-05", "Republicans in the Senate voted to end the war in Iraq."),
    ("en", "2019-01-05", "In Iraq, the parliament voted against the deal."),
    ("es", "2022-06-10", "Larroque: 'Alberto fuerza la ruptura con el kirchnerismo sobre "
                         "Cristina'. El dirigente habló en Buenos Aires."),
    ("es", "2022-06-10", "Cristina y Alberto llegaron a Madrid. España los recibió."),
    ("es", "2019-01-05", "Cuando los demócratas ganaron la Cámara en 2006, Pelosi se opuso a "
                         "cortar los fondos de la guerra de Irak."),
    ("en", "2019-01-05", "The GOP blamed Democrats for the shutdown. The Grand Old Party "
                         "stood firm."),
)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("link23"), [
            {"text": text, "language": language, "published": day}
            for language, day, text in DOCS]) as store:
        yield store


def test_a_state_named_for_a_war_fought_there_places_no_body(linked: Store) -> None:
    # the party of the clause places the House; Iraq is where the war was
    assert mention_links(linked, 1, "Democrats") == {("democratic-usa", "USAPTY")}
    assert mention_links(linked, 1, "House") == {("USALEG", "USALEG")}
    assert mention_links(linked, 1, "Iraq") == {("IRQ", "IRQ")}
    assert mention_links(linked, 2, "Senate") == {("USALEG", "USALEG")}


def test_a_war_is_no_organisation(linked: Store) -> None:
    assert mention_links(linked, 6, "guerra de Irak") == {(None, None)}
    # "la Cámara" alone is a legislature, as "the House" is, no unknown organisation
    assert [role[-3:] for _, role in mention_links(linked, 6, "Cámara") if role] == ["LEG"]


def test_a_state_named_otherwise_still_places_the_body(linked: Store) -> None:
    assert mention_links(linked, 3, "parliament") == {("IRQLEG", "IRQLEG")}


def test_a_given_name_the_home_press_uses_names_the_person_at_home(linked: Store) -> None:
    assert mention_links(linked, 4, "Alberto") == {("alberto-fernandez", "ARGGOV")}
    assert mention_links(linked, 4, "Cristina") == {("cristina-fernandez-de-kirchner", "ARGGOV")}


def test_a_given_name_in_a_home_paper_naming_no_state(tmp_path: Path) -> None:
    with jsonl_store(tmp_path, [
            {"text": "Larroque: 'Alberto fuerza la ruptura con el kirchnerismo'.",
             "language": "es", "published": "2022-06-10",
             "url": "https://www.clarin.com.ar/politica/nota.html"},
            {"text": "Larroque: 'Alberto fuerza la ruptura con el kirchnerismo', dijo.",
             "language": "es", "published": "2022-06-10",  # the same text is one document
             "url": "https://elpais.com/politica/nota.html"}]) as store:
        assert mention_links(store, 1, "Alberto") == {("alberto-fernandez", "ARGGOV")}
        assert mention_links(store, 2, "Alberto") == {("x-person-alberto", None)}


def test_a_given_name_abroad_is_someone_else(linked: Store) -> None:
    assert mention_links(linked, 5, "Alberto") == {("x-person-alberto", None)}
    assert mention_links(linked, 5, "Cristina") == {("x-person-cristina", None)}


def test_us_party_nicknames(linked: Store) -> None:
    assert mention_links(linked, 7, "GOP") == {("republican-usa", "USAPTY")}
    assert mention_links(linked, 7, "The Grand Old Party") == {("republican-usa", "USAPTY")}


SENTENCES = {
    "demonym": "La crisis boliviana se agrava. El presidente canceló la reunión con los "
               "dirigentes.",
    "city": "Las protestas siguen en Cochabamba. El presidente canceló la reunión con los "
            "dirigentes.",
    "none": "Las protestas siguen. El presidente canceló la reunión con los dirigentes.",
}


def test_the_president_of_a_state_named_by_demonym_or_city(tmp_path: Path) -> None:
    _, table = events_by_sentence(tmp_path, SENTENCES, "es", "2022-06-10",
                                  "e.trigger, e.source_id",
                                  "e.trigger = 'canceló'")
    assert table["demonym"] == {("canceló", "luis-arce")}
    assert table["city"] == {("canceló", "luis-arce")}
    assert table["none"] == set()  # no state, no president


def test_the_president_of_the_publishers_state(tmp_path: Path) -> None:
    text = SENTENCES["none"]
    with jsonl_store(tmp_path, [{"text": text, "language": "es", "published": "2022-06-10",
                                 "url": "https://www.clarin.com.ar/politica/nota.html"}]) as store:
        assert mention_links(store, 1, "presidente") == {("alberto-fernandez", "ARGGOV")}
