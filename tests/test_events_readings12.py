"""Faults a careful reader found in `marea events` on an Última Hora page (a Paraguayan appeal
court upholds a sentence) and an El Tiempo page (a Colombian presidential debate), each fixed
by a general rule and tested here on sentences from those pages or of our own: the headlines
of other stories that a page links to inside its body ("Lea más: ...", "(Le puede interesar:
...)", a headline alone in parentheses) gave events of those stories, dated by this page; a
date in the "de" complement of a verb's object ("confirmaron el fallo del 24 de enero") dated
the verb; a court story whose courts no sentence places (roles "JUD") was taken for sports;
a bank named inside a quotation became who said it; "ni mucho menos le respondieron" was asserted.
"""

from __future__ import annotations

import tempfile
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
DATED = {
    "fallo": "Los camaristas Arnulfo Arias, Emiliano Rolón y Arnaldo Fleitas confirmaron el fallo "
             "del 24 de enero pasado, informó Raúl Ramírez, periodista de Última Hora.",
    "madrugada": "En la madrugada del 3 de mayo, la Policía detuvo a Juan Pérez en Asunción.",
    "ruling": "Brazil criticized the decision of January 24 by Argentina.",
    "obl": "El Tribunal de Sentencia condenó el 24 de enero a Nancy Torreblanca.",
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


def test_a_date_of_the_object_noun_is_not_the_verb_s() -> None:
    """The ruling is of January 24; its confirming (and the report of it) is of the page's day.
    A date of a part of the day ("la madrugada del 3 de mayo") or of the verb still dates it."""
    columns = "e.trigger, e.date"
    with tempfile.TemporaryDirectory() as folder:
        spanish = events_by_sentence(Path(folder), {k: v for k, v in DATED.items()
                                                    if k != "ruling"}, "es", "2022-05-05",
                                     columns)[1]
    with tempfile.TemporaryDirectory() as folder:
        english = events_by_sentence(Path(folder), {"ruling": DATED["ruling"]}, "en",
                                     "2022-05-05", columns)[1]
    assert ("confirmaron", "2022-05-05") in spanish["fallo"]
    assert ("confirmaron", "2022-01-24") not in spanish["fallo"]
    assert spanish["madrugada"] == {("detuvo", "2022-05-03")}
    assert spanish["obl"] == {("condenó", "2022-01-24")}
    assert english["ruling"] and all(day == "2022-05-05" for _, day in english["ruling"])


def test_a_court_no_sentence_places_still_makes_a_story_political(tmp_path: Path) -> None:
    """Última Hora's court story names its courts and judges with no country (roles "JUD"),
    and "Sala Penal", "en lo Penal" read as football's penalty: it was taken for sports and
    lost its events. A role without a country is a political cue like one with."""
    text = ("El Tribunal de Apelación en lo Penal rechazó el pedido de la defensa. La jueza de "
            "Ejecución había rechazado el pedido y esto fue apelado por la defensa. La Sala Penal "
            "no resolvió la excepción de prescripción de la acción penal. Según la resolución, "
            "el Tribunal condenó a Liz Duarte y la jueza ordenó que devuelva el dinero a la "
            "Contraloría. El Tribunal de Sentencia condenó a Óscar Rubén Velázquez en lo Penal.")
    _, found = events_by_sentence(tmp_path, {"tribunal": text}, "es", "2022-05-05",
                                  "e.trigger, coalesce(e.source_id, ''), d.domain")
    assert ("condenó", "JUD", "politics") in found["tribunal"]


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
