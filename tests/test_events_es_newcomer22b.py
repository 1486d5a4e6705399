"""A newcomer's read of a Spanish page (session 22: El Espectador on the JEP opening three
macro-cases, trafilatura-eval, Apache-2.0): a court's chamber that "se concentrará en" some
regions focuses on them, it gathers nobody; a guerrilla's "toma" of a town is an armed
seizure, not a civilian occupation; "la Fuerza Pública" is the state's security forces, "las
Farc" the FARC and "Unión Patriótica" a party; "exterminio" is a mass killing; "señalar a
alguien de" a wrongdoer accuses him, and a plural "los" is never one person named before;
"formas de organización" name no organisation; a noun subject of a "que" clause read as a
relative clause is its subject; who turns from demands makes none; a "Comuna" is a part of a town,
whose state is its town's. Sentences of our own, after that page."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "focus": "La Sala Penal se concentrará en los crímenes cometidos en tres departamentos.",
    "gathered": "Cientos de campesinos se concentraron en la plaza principal de Neiva.",
    "minister": "El ministro se concentró en la economía.",
    "crowd": "La multitud se concentró en la plaza principal.",
    "takeover": "Las Farc realizaron 309 tomas de pueblos.",
    "guerrilla_takeover": "La toma guerrillera de Mitú dejó decenas de muertos.",
    "occupation": "Los estudiantes realizaron una toma de la universidad.",
    "security_forces": "La Fuerza Pública bombardeó un campamento del ELN en Arauca.",
    "guerrilla_of": ("Según el informe, la extinta guerrilla de las Farc reclutó a cientos de "
                     "niños."),
    "extermination": "El exterminio de los sindicalistas dejó cientos de víctimas.",
    "branded": "Los paramilitares los señalaron de colaboradores de la guerrilla.",
    "stated": "El ministro señaló que la reforma será aprobada.",
    "forms": "Las Farc usaron el terror para destruir las formas de organización de los barrios.",
    "plural_clitic": ("El expresidente Álvaro Uribe habló ayer en Medellín. Las Farc escogieron "
                      "a sus víctimas porque los señalaron de colaboradores del enemigo."),
    "singular_clitic": "El expresidente Álvaro Uribe habló ayer. Los diputados lo criticaron.",
    "that_clause": ("La Fiscalía ya le ha dicho al país que en la guerra se cometieron al menos "
                    "900 falsos positivos, que la antigua guerrilla del ELN reclutó al menos a "
                    "300 niños."),
    "departed": ("El tribunal aceptó algunas propuestas de las víctimas, pero se apartó de sus "
                 "exigencias más duras."),
    "district": "La incursión militar en la Comuna 13 de Medellín dejó decenas de muertos.",
    "neighbourhood": "Los paramilitares atacaron el barrio Obrero de Cali.",
    "party": "El exterminio del partido político Unión Patriótica dejó miles de víctimas.",
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("es22b"), SENTENCES, "es", "2022-05-03",
                              "e.trigger, e.type, e.mode, e.source_id, e.target_id")[1]


def test_a_body_that_se_concentra_en_something_focuses(coded: dict[str, set[tuple]]) -> None:
    assert coded["focus"] == coded["minister"] == set()
    assert {(t, ty, m) for t, ty, m, _, _ in coded["crowd"]} == {("concentró", "PROTEST", "demo")}
    assert {(t, ty, m, s) for t, ty, m, s, _ in coded["gathered"]} == {
        ("concentraron", "PROTEST", "demo", "CVL")}


def test_an_armed_takeover_of_a_town_is_a_seizure(coded: dict[str, set[tuple]]) -> None:
    assert {(t, ty, m, s) for t, ty, m, s, _ in coded["takeover"]} == {
        ("tomas", "COERCE", "seize", "farc")}
    assert {(t, ty, m, s) for t, ty, m, s, _ in coded["guerrilla_takeover"]} == {
        ("toma", "COERCE", "seize", "REB")}
    assert {(t, ty, m, s) for t, ty, m, s, _ in coded["occupation"]} == {
        ("toma", "PROTEST", "obstruct", "EDU")}


def test_security_forces_and_the_farc_are_named(coded: dict[str, set[tuple]]) -> None:
    assert {(ty, s) for _, ty, _, s, _ in coded["security_forces"]} == {("ASSAULT", "COLCOP")}
    assert {(t, s) for t, _, _, s, _ in coded["guerrilla_of"]} == {("reclutó", "farc")}


def test_extermination_is_a_massacre_of_its_de_object(coded: dict[str, set[tuple]]) -> None:
    assert coded["extermination"] == {("exterminio", "ASSAULT", "massacre", None, "LAB")}


def test_senalar_de_a_wrongdoer_accuses(coded: dict[str, set[tuple]]) -> None:
    assert {(t, ty, m, s) for t, ty, m, s, _ in coded["branded"]} == {
        ("señalaron", "ACCUSE", "allege", "REB")}
    assert {(t, ty) for t, ty, *_ in coded["stated"]} == {("señaló", "STATEMENT")}


def test_forms_of_organisation_are_no_organisation(coded: dict[str, set[tuple]]) -> None:
    assert "NGO" not in {target for *_, target in coded["forms"]}


def test_a_plural_clitic_is_no_one_person(coded: dict[str, set[tuple]]) -> None:
    assert {(t, tg) for t, _, _, _, tg in coded["plural_clitic"]} == {("señalaron", "COLCVL")}
    assert {(t, tg) for t, _, _, _, tg in coded["singular_clitic"]} == {
        ("criticaron", "alvaro-uribe")}


def test_a_noun_subject_beside_que_is_the_subject(coded: dict[str, set[tuple]]) -> None:
    assert {(t, s) for t, _, _, s, _ in coded["that_clause"]} == {("reclutó", "eln")}


def test_union_patriotica_is_a_party(coded: dict[str, set[tuple]]) -> None:
    assert coded["party"] == {("exterminio", "ASSAULT", "massacre", None, "up-col")}


def test_turning_from_demands_is_no_demand(coded: dict[str, set[tuple]]) -> None:
    # the court makes no demand; the demands it turns from were made of it (session 25: a
    # request refused was made, by the one refused to the one refusing)
    assert {(t, ty) for t, ty, *_ in coded["departed"]} == {
        ("aceptó", "AGREE"), ("apartó", "REJECT"), ("exigencias", "REQUEST")}
    assert ("exigencias", "REQUEST", None, None, "JUD") in coded["departed"]


def test_a_district_of_a_town_is_in_the_towns_state(coded: dict[str, set[tuple]]) -> None:
    assert coded["district"] == {("incursión", "ASSAULT", None, None, "COL")}
    assert coded["neighbourhood"] == {("atacaron", "ASSAULT", None, "REB", "COL")}
