"""Faults a newcomer found reading `marea events` on Spanish news pages (El País Uruguay,
Cooperativa): impersonal haber has no doer ("..., hubo paros" borrowed the company that
announced layoffs as the striker); a hoped or wished clause is not asserted ("espera que
cumplan el compromiso", "ojalá", "hopes that"); the personal "a" and "con" after a verb of
asking, accusing or meeting make an unknown name the target even when the tagger calls it a
place ("acusa a Montecon"); and a journalist's question is no meeting ("Al ser consultado por
La Radio, el ministro dijo")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.trigger, e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
           "e.modality")
SPANISH = {
    "paros": "Empresa anunció 150 despidos para fin de mes, hubo paros, dejó sin efecto "
             "esta medida.",
    "protestas": "El gobierno aprobó la reforma y hubo protestas en Montevideo.",
    "hay": "El ejército avanzó hacia el norte y hay enfrentamientos en la frontera.",
    "realizaron": "Los trabajadores realizaron un paro en el puerto.",
    "espera": "El ministro de Trabajo espera que los sindicatos cumplan el compromiso firmado.",
    "ojala": "Ojalá los sindicatos acepten el acuerdo con el gobierno.",
    "desea": "El presidente desea que la oposición apoye la reforma.",
    "apoya": "El presidente dijo que la oposición apoya la reforma.",
    "acusa": "Gobierno acusa a Montecon de aliarse con el sindicato y fomentar conflicto "
             "portuario.",
    "dialogaron": "En la mañana del lunes, Falero y Olaizola dialogaron con Montecon para "
                  "conocer detalles de los despidos.",
    "pais": "Martín González, gerente de Montecon, dijo a El País que la empresa despedirá a "
            "150 trabajadores.",
    "viajo": "El presidente Boric viajó a Punta Arenas y dijo en Puerto Natales que apoya la "
             "reforma.",
    "consultado": "Al ser consultado por La Radio, el ministro Pablo Mieres dijo que el "
                  "gobierno no intervendrá.",
    "cooperativa": "Consultado por Radio Cooperativa, el senador dijo que votará en contra.",
    "diario": "El ministro fue consultado por el diario El Mercurio sobre la reforma.",
    "boric": "El ministro fue consultado por el presidente Boric sobre la reforma.",
}
ENGLISH = {
    "hope": "The minister hopes that the unions will honour the agreement.",
    "honoured": "The minister said that the unions honoured the agreement.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {passage key: {(trigger, type, source, target, modality)}} of every passage."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("readings7-es"), SPANISH, "es",
                                 "2022-05-11", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("readings7-en"), ENGLISH, "en",
                                 "2022-05-11", COLUMNS)[1]
    yield {**spanish, **english}


def _of(events: set[tuple[str, ...]], trigger: str) -> set[tuple[str, ...]]:
    return {e for e in events if e[0] == trigger}


def test_impersonal_haber_lends_no_doer(found: dict[str, set[tuple[str, ...]]]) -> None:
    """The strike after "hubo" is by nobody named, not by the company of the clause before;
    the protests are not the government's, the clashes not the army's."""
    assert _of(found["paros"], "paros") == {("paros", "PROTEST", "CVL", "", "asserted")}
    assert _of(found["protestas"], "protestas") == {
        ("protestas", "PROTEST", "CVL", "", "asserted")}
    assert not {e for e in found["hay"] if e[2] == "MIL"}
    # a light verb's subject still does the strike
    assert {e[1:3] for e in found["realizaron"]} == {("PROTEST", "LAB")}


def test_hoped_clause_is_hypothetical(found: dict[str, set[tuple[str, ...]]]) -> None:
    """What a speaker hopes or wishes for has not happened: hypothetical, not asserted."""
    assert _of(found["espera"], "compromiso") == {
        ("compromiso", "AGREE", "LAB", "", "hypothetical")}
    assert _of(found["ojala"], "acuerdo") == {("acuerdo", "AGREE", "", "GOV", "hypothetical")}
    assert _of(found["desea"], "apoye") == {("apoye", "SUPPORT", "OPP", "", "hypothetical")}
    assert _of(found["hope"], "agreement") == {
        ("agreement", "AGREE", "LAB", "", "hypothetical")}
    # reported, not hoped: still asserted
    assert {e[4] for e in _of(found["apoya"], "apoya")} == {"asserted"}
    assert {e[4] for e in _of(found["honoured"], "agreement")} == {"asserted"}


def test_personal_a_makes_an_unknown_place_the_target(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    """"acusa a Montecon", "dialogaron con Montecon": the tagger's place is whom the act is
    directed at; a place one travels to or speaks in stays where."""
    assert _of(found["acusa"], "acusa") == {
        ("acusa", "ACCUSE", "GOV", "x-place-montecon", "asserted")}
    assert {e[3] for e in _of(found["dialogaron"], "dialogaron")} == {"x-place-montecon"}
    assert not {e for e in found["viajo"] if e[3].startswith("x-place-")}
    # a statement told to a newspaper has it as no target
    assert not {e for e in found["pais"] if e[3].startswith("x-place-")}


def test_press_question_is_no_consult(found: dict[str, set[tuple[str, ...]]]) -> None:
    """Being asked by a news medium is an interview, not a political consultation; being
    consulted by the president is one."""
    for key in ("consultado", "cooperativa", "diario"):
        assert not {e for e in found[key] if e[1] == "CONSULT"}, key
    # "el ministro Pablo Mieres": the minister is named in apposition, so the person speaks
    assert _of(found["consultado"], "dijo") == {
        ("dijo", "STATEMENT", "x-person-pablo-mieres", "", "asserted")}
    assert _of(found["boric"], "consultado") == {
        ("consultado", "CONSULT", "gabriel-boric", "GOV", "asserted")}
