"""Spanish lexicon coverage of session 15 (issue 11): news verbs and nouns the lexicon lacked,
through the real pipeline (es_core_news_sm), with the lemma aliases the tagger needs
("abatieron", "desestimó"). Joining a protest is protesting ("se plegaron a la huelga");
verbs that also have harmless readings code only with a person or a protest as object
("retuvieron a dos funcionarios", not "retener el título"; "explotó una bomba", not
"explotar una mina de cobre"). A text typed without accents is read with its
preterites accented ("denuncio"). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "abatieron": "El Ejército abatió a tres guerrilleros de las FARC en el Cauca.",
    "ultimado": "Un dirigente campesino fue ultimado por paramilitares en Tame.",
    "desestimo": "La Corte Suprema desestimó la demanda del gobierno de Alan García.",
    "quejo": "El sindicato se quejó ante el Ministerio de Trabajo por los despidos.",
    "queja_votantes": "Los apagones siguen siendo la principal queja de los votantes.",
    "plegaron": "Los maestros se plegaron a la huelga convocada por la Central Obrera "
                "Boliviana.",
    "sumaron": "Los mineros se sumaron a la protesta contra el gobierno de Hugo Banzer.",
    "participaron": "Miles de estudiantes participaron en la marcha contra el gobierno de "
                    "Ernesto Samper.",
    "retuvieron": "Los campesinos retuvieron a dos funcionarios del Ministerio de Agricultura.",
    "titulo": "El equipo de Boca Juniors retuvo el título del torneo.",
    "explotar_mina": "La empresa canadiense quiere explotar una mina de cobre en Chiriquí.",
    "silenciar": "El gobierno de Daniel Ortega silenció a los periodistas de La Prensa.",
    "impidio": "Los manifestantes impidieron el paso de los vehículos hacia el Congreso.",
    "paralizacion": "Los indígenas mantienen la paralización de la zona rural de Cotopaxi.",
    "mitin": "El candidato Fernando Villavicencio fue tiroteado al salir de un mitin en Quito.",
    "saludo": "El canciller de Chile saludó la decisión del gobierno de Bolivia.",
    "saludo_gente": "El presidente Alan García saludó a los asistentes al acto en Lima.",
    "alio": "El gobierno de Carlos Menem se alió con los empresarios.",
    "sin_tildes": "El Ejercito Nacional denuncio que guerrilleros de las FARC asesinaron a dos "
                  "campesinos en la vereda.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, modality, trigger)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-coverage15"), SENTENCES, "es", "1998-05-01",
        "e.type, coalesce(e.mode, ''), e.modality, e.trigger")[1]


def _asserted(rows: set[tuple[str, ...]]) -> set[tuple[str, str]]:
    return {(r[0], r[3]) for r in rows if r[2] == "asserted"}


@pytest.mark.slow
def test_killing_verbs_of_wire_reports_are_attacks(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("ASSAULT", "abatió") in _asserted(found["abatieron"]), found["abatieron"]
    assert ("ASSAULT", "ultimado") in _asserted(found["ultimado"]), found["ultimado"]


@pytest.mark.slow
def test_dismissing_and_complaining(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("REJECT", "desestimó") in _asserted(found["desestimo"]), found["desestimo"]
    assert ("ACCUSE", "quejó") in _asserted(found["quejo"]), found["quejo"]
    # a grievance lodged against no one accuses no one
    assert not any(r[0] == "ACCUSE" for r in found["queja_votantes"]), found["queja_votantes"]


@pytest.mark.slow
def test_joining_a_protest_is_protesting(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("PROTEST", "plegaron") in _asserted(found["plegaron"]), found["plegaron"]
    assert ("PROTEST", "sumaron") in _asserted(found["sumaron"]), found["sumaron"]
    assert ("PROTEST", "participaron") in _asserted(found["participaron"]), found["participaron"]
    assert ("PROTEST", "paralización") in _asserted(found["paralizacion"]), found["paralizacion"]


@pytest.mark.slow
def test_verbs_with_harmless_readings_need_a_person_or_a_protest(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("COERCE", "arrest", "asserted", "retuvieron") in found["retuvieron"], \
        found["retuvieron"]
    assert not any(r[0] == "COERCE" for r in found["titulo"]), found["titulo"]
    assert not any(r[0] == "ASSAULT" for r in found["explotar_mina"]), found["explotar_mina"]
    assert ("COERCE", "censor", "asserted", "silenció") in found["silenciar"], found["silenciar"]
    # who impedes decides what it is (police restrict, protesters obstruct): no entry
    assert not any(r[0] == "COERCE" for r in found["impidio"]), found["impidio"]


@pytest.mark.slow
def test_an_electoral_rally_is_no_protest(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(r[0] == "PROTEST" for r in found["mitin"]), found["mitin"]


@pytest.mark.slow
def test_a_text_without_accents_keeps_its_preterites(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    # the trigger is the original, unaccented word
    assert ("ACCUSE", "denuncio") in _asserted(found["sin_tildes"]), found["sin_tildes"]
    assert ("ASSAULT", "asesinaron") in _asserted(found["sin_tildes"]), found["sin_tildes"]


@pytest.mark.slow
def test_welcoming_a_step_is_praise_greeting_people_is_not(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("SUPPORT", "praise", "asserted", "saludó") in found["saludo"], found["saludo"]
    assert not any(r[0] == "SUPPORT" for r in found["saludo_gente"]), found["saludo_gente"]
    assert ("COOPERATE", "alió") in _asserted(found["alio"]), found["alio"]
