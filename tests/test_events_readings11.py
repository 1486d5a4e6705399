"""Faults a careful reader found in `marea events` on a Clarín page (Argentine coalition
infighting) and an El Heraldo page (the extradition of Honduras's former president), each
fixed by a rule about the language and tested here on sentences of our own or from those
pages: the personal "a" and the destination "a" of "extraditar" competed; a politician's
"ataque" or the "bombardeo" of a party were coded as physical attacks; "adonde viajó" made
the place the visitor; "waged" was lemmatised "wag", so the light verb lent no doer; the
lawyers of a former president answered for nobody; and a prosecution in a Manhattan court
was the story's country's (Honduras's)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.trigger, e.type || coalesce('/' || e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, '')")
SPANISH = {
    "extradito": "Honduras extraditó a Juan Orlando Hernández a Estados Unidos.",
    "empresario": "El Gobierno de Perú extraditó al empresario Carlos Pérez a Chile.",
    "ataque": "Con esa frase, Alberto Fernández respondió este martes al mediodía a un nuevo "
              "ataque de Andrés Larroque, que más temprano había cuestionado el liderazgo "
              "del Presidente.",
    "bombardeo": "Según confiaron desde el albertismo, el mandatario está decidido a seguir con "
                 "su estrategia actual de soportar el bombardeo incesante del kirchnerismo, que "
                 "quiere torcer el rumbo de la gestión.",
    "armado": "Un grupo armado atacó a la diputada Ana López en Cali.",
    "adonde": "Lula habló desde Caracas, adonde viajó para reunirse con Maduro.",
    "abogados": "“La fianza se está preparando”, respondieron a EL HERALDO los abogados del "
                "expresidente Juan Orlando Hernández.",
    "abogados_pagina": "El expresidente Juan Orlando Hernández fue extraditado. “La fianza se está "
                       "preparando y las comunidades judías en Israel y Estados Unidos están "
                       "trabajando para ser garantes de él”, respondieron a EL HERALDO los "
                       "abogados del expresidente Hernández.",
    "fiscalia": "Cuando Tony Hernández fue presentado en el banquillo de los acusados en una "
                "Corte de Manhattan, la Fiscalía afirmó que su hermano había recibido millones.",
    "hondurena": "La Fiscalía hondureña pidió a Estados Unidos la extradición de Hernández.",
}
ENGLISH = {
    "attacked": "Trump attacked Biden over his immigration policy in a speech in Ohio.",
    "gunmen": "Gunmen attacked the convoy of Mexican senator Ricardo Monreal in Zacatecas.",
    "where": "Lula spoke in Caracas, where he travelled to meet Maduro.",
    "waged": "Colombian troops waged an offensive against the rebels in Cauca.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {passage key: {(trigger, type/mode, source, target)}} of every passage."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("readings11-es"), SPANISH, "es",
                                 "2022-05-03", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("readings11-en"), ENGLISH, "en",
                                 "2022-05-03", COLUMNS)[1]
    yield {**spanish, **english}


def _of(events: set[tuple[str, ...]], trigger: str) -> set[tuple[str, ...]]:
    return {e for e in events if e[0] == trigger}


def test_the_person_extradited_is_no_destination(found: dict[str, set[tuple[str, ...]]]) -> None:
    """The personal "a" marks who is handed over; the other "a" phrase is where to."""
    assert _of(found["extradito"], "extraditó") == {
        ("extraditó", "COOPERATE/legal", "HND", "USA")}
    assert _of(found["empresario"], "extraditó") == {
        ("extraditó", "COOPERATE/legal", "PERGOV", "CHL")}


def test_an_attack_between_politicians_is_criticism(found: dict[str, set[tuple[str, ...]]]
                                                    ) -> None:
    """With no arms in the sentence, a politician's attack is ACCUSE/disapprove; its "de"
    complement is the critic and whoever answers it the target. Armed attacks stay."""
    assert _of(found["ataque"], "ataque") == {
        ("ataque", "ACCUSE/disapprove", "andres-larroque", "alberto-fernandez")}
    assert _of(found["bombardeo"], "bombardeo") == {
        ("bombardeo", "ACCUSE/disapprove", "pj-arg", "")}
    assert {e[1] for e in _of(found["attacked"], "attacked")} == {"ACCUSE/disapprove"}
    assert {e[1] for e in _of(found["armado"], "atacó")} == {"ASSAULT"}
    assert {e[1] for e in _of(found["gunmen"], "attacked")} == {"ASSAULT"}


def test_a_relative_adverb_of_place_is_where(found: dict[str, set[tuple[str, ...]]]) -> None:
    """"adonde viajó", "where he travelled": the speaker travels to the place."""
    assert _of(found["adonde"], "viajó") == {
        ("viajó", "CONSULT/visit", "luiz-inacio-lula-da-silva", "VEN")}
    assert _of(found["where"], "travelled") == {
        ("travelled", "CONSULT/visit", "luiz-inacio-lula-da-silva", "VEN")}


def test_waged_is_a_light_verb(found: dict[str, set[tuple[str, ...]]]) -> None:
    """en_core_web_sm lemmatises "waged" as "wag": the repair table gives it back its doer."""
    assert _of(found["waged"], "offensive") == {("offensive", "ASSAULT", "COLMIL", "COLREB")}


def test_lawyers_answer_for_their_client(found: dict[str, set[tuple[str, ...]]]) -> None:
    """Also after a quotation, where the subject follows the verb of saying and
    es_core_news_sm parses it as the object (the El Heraldo sentence)."""
    for key in ("abogados", "abogados_pagina"):
        assert _of(found[key], "respondieron") == {
            ("respondieron", "STATEMENT", "juan-orlando-hernandez", "")}


def test_a_prosecution_in_a_foreign_court_is_that_state_s(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    """A Manhattan court's prosecution is the United States'; one its own phrase calls
    Honduran stays Honduran, and a country named as the one asked does not move it."""
    assert _of(found["fiscalia"], "afirmó") == {("afirmó", "STATEMENT", "USAJUD", "")}
    assert {e[2] for e in _of(found["hondurena"], "pidió")} == {"HNDJUD"}


def test_english_lexicon_check_reads_every_inflected_form() -> None:
    """Past, passive participle, third person and gerund of English lexicon verbs, read the
    way the extractor reads them: "staged", "waged" and "fined" reach their keys through the
    repair table; a verb the tagger calls a noun is reported."""
    from marea.events.lexicon_check import english_forms, unproduced_lemmas

    assert [form for form, _ in english_forms("stage")] == ["staged", "staged", "stages",
                                                          "staging"]
    assert [form for form, _ in english_forms("ban")][:1] == ["banned"]
    assert [form for form, _ in english_forms("withdraw")][:2] == ["withdrew", "withdrawn"]
    assert unproduced_lemmas("en", ["stage", "wage", "fine", "pressure"]) == {
        "pressure": ["pressure (NOUN)"]}
