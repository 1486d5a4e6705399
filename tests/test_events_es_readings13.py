"""Spanish events of issue 11 (session 13): conventions the Spanish UniversalPetrarch sets
left open, decided in events/data/README.md ("Decisions"), and constructions read wrong on
real pages: a protest its organisers announce is the protest called, one threatened or
conditioned on another act is a threat; a proposal to no one is a statement; what is
conceded decides the type ("le concedieron reconocimiento" recognises); cancelling a
meeting turns it down; "hallado culpable" is a conviction; "en contra de" is "contra"; a
threat of a strike is a threat made, by the crowd when nobody is named; a bare "en rechazo
a" beside a light verb says what its protest was for.
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "marcha": "Los obreros de la construcción realizarán el jueves una marcha contra el "
              "Gobierno.",
    "si": "Si el Gobierno no cumple, los campesinos bloquearán las carreteras.",
    "amenaza": "Los maestros amenazaron con una huelga indefinida.",
    "puerto": "Evo Morales propuso la construcción de un nuevo puerto en Ilo.",
    "dialogo": "Evo Morales propuso a Chile un diálogo sobre el mar.",
    "reconocimiento": "Al gobierno de Taiwán le han concedido reconocimiento diplomático "
                      "varios países.",
    "aumento": "El gobierno concedió a los huelguistas un aumento salarial.",
    "medalla": "El comité olímpico le concedió una medalla al atleta.",
    "reunion": "Samper canceló la reunión con los sindicalistas.",
    "culpables": "Un jurado halló culpable a Alberto Fujimori de homicidio.",
    "votaron": "Siete diputados oficialistas votaron en contra de la ley.",
    "amenaza_paro": "La amenaza de huelga de los trabajadores petroleros podría paralizar la "
                    "actividad en Colombia.",
    "crece": "Crece la amenaza de paro en el sector salud.",
    "en_rechazo": "El presidente respondió a las protestas que los transportistas "
                  "protagonizaron el sábado en rechazo a una nueva ley de tránsito.",
    "participaron": "Miles de maestros participaron en una marcha contra el Gobierno.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, modality, trigger, source, target)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-readings13"), SENTENCES, "es", "1995-09-01",
        "e.type, e.modality, e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, '')")[1]


def _asserted(rows: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    return {(r[0], *r[2:]) for r in rows if r[1] == "asserted"}


@pytest.mark.slow
def test_announced_protest_is_the_protest_called_and_a_conditioned_one_a_threat(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    # the march itself is still future; calling it is a protest now, not a threat
    assert _asserted(found["marcha"]) == {("PROTEST", "realizarán", "LAB", "GOV")}, \
        found["marcha"]
    assert ("PROTEST", "future", "realizarán", "LAB", "GOV") in found["marcha"]
    # "si el Gobierno no cumple": a warning with repercussions, addressed to the government
    # the condition names
    assert _asserted(found["si"]) == {("THREATEN", "bloquearán", "CVL", "GOV")}, found["si"]
    # an explicit threat of a strike stays the threat, the strike only threatened
    assert _asserted(found["amenaza"]) == {("THREATEN", "amenazaron", "EDU", "")}, \
        found["amenaza"]


@pytest.mark.slow
def test_a_proposal_is_an_offer_only_to_someone(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert _asserted(found["puerto"]) == {("STATEMENT", "propuso", "evo-morales", "")}, \
        found["puerto"]
    assert ("AGREE", "propuso", "evo-morales", "CHL") in _asserted(found["dialogo"]), \
        found["dialogo"]


@pytest.mark.slow
def test_what_is_conceded_decides_the_type(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {r[0] for r in _asserted(found["reconocimiento"])} == {"SUPPORT"}, \
        found["reconocimiento"]
    assert ("SUPPORT", "concedido", "", "TWNGOV") in _asserted(found["reconocimiento"])
    assert _asserted(found["aumento"]) == {("CONCEDE", "concedió", "GOV", "LAB")}, \
        found["aumento"]
    # a medal given to an athlete concedes nothing to anyone who demanded it
    assert not {r for r in found["medalla"] if r[0] == "CONCEDE"}, found["medalla"]


@pytest.mark.slow
def test_cancelled_meeting_conviction_and_vote_against(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {r[0] for r in _asserted(found["reunion"])} == {"REJECT"}, found["reunion"]
    assert _asserted(found["culpables"]) == {
        ("SANCTION", "halló", "", "alberto-fujimori")}, found["culpables"]
    assert {r[:2] for r in _asserted(found["votaron"])} == {("REJECT", "votaron")}, \
        found["votaron"]


@pytest.mark.slow
def test_threat_of_a_strike_is_made_and_the_strike_only_threatened(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    # the subject of "podría paralizar" is a threat made, not a possible one
    assert ("THREATEN", "asserted", "amenaza", "COLLAB", "") in found["amenaza_paro"], \
        found["amenaza_paro"]
    assert not {r for r in found["amenaza_paro"] if r[0] == "PROTEST" and r[1] == "asserted"}
    assert _asserted(found["crece"]) == {("THREATEN", "amenaza", "CVL", "")}, found["crece"]


@pytest.mark.slow
def test_bare_en_phrase_beside_a_light_verb_is_what_its_act_was_for(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {r[0] for r in _asserted(found["en_rechazo"])} == {"PROTEST"}, found["en_rechazo"]
    # the light verb's own complement still codes
    assert {r[0] for r in _asserted(found["participaron"])} == {"PROTEST"}, \
        found["participaron"]
