"""Offices won or taken with no election word, and concern shown (issue 11, session 28): beating
a named person is winning an election, taking a named person's place is taking an office,
confirming a named person gives it; an army beating rebels, replacing equipment or confirming
a death gives none. Concern had or raised (en), shown, voiced or passed on (es) is
disapproval. Who died in an attack is whom it was done to. Spanish at parity with English:
immunity or nationality taken away ("stripped of"), a suspect handed over ("handed over"),
police officers sent as reinforcements ("reinforce");
"acusar recibo" accuses no one. An accusation rejected or denied was made, by the one
refused to the one refusing, as a request refused. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

ENGLISH = {
    "defeated": "Javier Milei defeated Sergio Massa.",
    "was defeated": "Sergio Massa was defeated by Javier Milei.",
    "army": "The army defeated the rebels in the north.",
    "succeeded": "Dina Boluarte succeeded Pedro Castillo.",
    "succeeded in": "She succeeded in persuading Congress.",
    "replaced as": "Dina Boluarte replaced Pedro Castillo as president.",
    "replaced by": "The party lost its leader, Sergio Massa, who was replaced by Javier Milei.",
    "law": "The old law was replaced by a new one.",
    "replaced with": "The legislature removed the judges and replaced them with five "
                     "magistrates of its own choosing.",
    "computers": "The company replaced its old computers with new ones.",
    "confirmed": "The Senate confirmed Merrick Garland as attorney general.",
    "death": "Police confirmed the death of Fernando Villavicencio.",
    "concerns": "Kamala Harris said the United States had deep concerns about El Salvador's "
                "democracy.",
    "raised": "The European Union raised concerns about the vote in Nicaragua.",
    "budget": "We have concerns about the budget.",
    "died in": "Two Palestinian journalists died in the bombing.",
    "ambush": "Five Colombian soldiers died in an ambush by the ELN.",
    "accusations": "Venezuela rejected the accusations by the United States.",
    "took over as": "Álvaro Leyva took over as foreign minister in August.",
    "took over": "The army took over the capital.",
}

SPANISH = {
    "derrotó": "Javier Milei derrotó a Sergio Massa.",
    "derrotada": "Keiko Fujimori, derrotada por Pedro Castillo en 2021, rechazó el resultado.",
    "ejército": "El ejército derrotó a los rebeldes en el norte.",
    "venció": "Lula venció a Jair Bolsonaro por estrecho margen.",
    "sucedió": "Dina Boluarte sucedió a Pedro Castillo.",
    "lo que sucedió": "Nadie sabe lo que sucedió con Fernando Villavicencio.",
    "ratificó": "El Senado ratificó a Merrick Garland como fiscal general.",
    "mostró": "Estados Unidos mostró su preocupación por las detenciones en Nicaragua.",
    "externó": "El canciller de Chile externó su preocupación por la situación en Venezuela.",
    "transmitió": "El gobierno de Brasil transmitió su malestar a Argentina.",
    "documento": "El presidente mostró el documento a la prensa.",
    "murió en": "En aquel ataque murió el comandante guerrillero Raúl Reyes.",
    "quitó": "El Congreso de Guatemala le quitó la inmunidad al juez.",
    "nacionalidad": "Nicaragua quitó la nacionalidad a 94 opositores.",
    "importancia": "El ministro quitó importancia al incidente.",
    "entregó": "Colombia entregó al narcotraficante a Estados Unidos.",
    "recibo": "Rusia acusó recibo de la nota de Ucrania.",
    "reforzó": "La Policía Nacional reforzó los agentes en Medellín.",
    "posición": "El ministro reforzó su posición en el partido.",
    "denuncia": "El gobierno negó la denuncia de la oposición.",
    "acuerdo": "Bolivia rechazó el acuerdo con Chile.",
    "triunfó": "Javier Milei triunfó en las elecciones.",
    "fue electo": "Gustavo Petro fue electo por los colombianos en 2022.",
    "presidente electo": "El presidente electo Javier Milei viajó a Estados Unidos.",
}

COLUMNS = ("e.type, coalesce(e.mode, ''), e.trigger, coalesce(e.source_id, ''), "
           "coalesce(e.target_id, '')")


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, trigger, source, target)}} of both languages'
    sentences."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("trig28es"), SPANISH, "es",
                                 "2024-05-05", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("trig28en"), ENGLISH, "en",
                                 "2024-05-05", COLUMNS)[1]
    yield spanish | english


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("defeated", ("SUPPORT", "office", "defeated", "", "javier-milei")),
    ("was defeated", ("SUPPORT", "office", "defeated", "", "javier-milei")),
    ("succeeded", ("SUPPORT", "office", "succeeded", "", "dina-boluarte")),
    ("replaced as", ("SUPPORT", "office", "replaced", "", "dina-boluarte")),
    ("replaced by", ("SUPPORT", "office", "replaced", "", "javier-milei")),
    ("replaced with", ("SUPPORT", "office", "replaced", "LEG", "JUD")),
    ("confirmed", ("SUPPORT", "office", "confirmed", "LEG", "x-person-merrick-garland")),
    ("derrotó", ("SUPPORT", "office", "derrotó", "", "javier-milei")),
    ("derrotada", ("SUPPORT", "office", "derrotada", "", "pedro-castillo")),
    ("venció", ("SUPPORT", "office", "venció", "", "luiz-inacio-lula-da-silva")),
    ("sucedió", ("SUPPORT", "office", "sucedió", "", "dina-boluarte")),
    ("ratificó", ("SUPPORT", "office", "ratificó", "LEG", "x-person-merrick-garland")),
    ("took over as", ("SUPPORT", "office", "took", "", "x-person-alvaro-leyva")),
    ("took over", ("COERCE", "seize", "took", "MIL", "")),
    ("triunfó", ("SUPPORT", "office", "triunfó", "", "javier-milei")),
    ("fue electo", ("SUPPORT", "office", "electo", "COLCVL", "gustavo-petro")),
])
def test_office_won_or_taken(found: dict[str, set[tuple[str, ...]]], key: str,
                             expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["army", "succeeded in", "computers", "death", "law", "ejército",
                                 "lo que sucedió", "presidente electo"])
def test_no_office_without_a_person(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert not any(row[:2] == ("SUPPORT", "office") for row in found[key]), found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("concerns", ("ACCUSE", "disapprove", "concerns", "", "SLV")),
    ("raised", ("ACCUSE", "disapprove", "concerns", "eu", "")),
    ("mostró", ("ACCUSE", "disapprove", "mostró", "USA", "")),
    ("externó", ("ACCUSE", "disapprove", "externó", "CHLGOV", "")),
    ("transmitió", ("ACCUSE", "disapprove", "transmitió", "BRAGOV", "ARG")),
])
def test_concern_shown(found: dict[str, set[tuple[str, ...]]], key: str,
                       expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["budget", "documento"])
def test_no_concern_of_nobody(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert not any(row[0] == "ACCUSE" for row in found[key]), found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("died in", ("ASSAULT", "", "bombing", "", "PSEMED")),
    ("ambush", ("ASSAULT", "", "ambush", "eln", "COLMIL")),
    ("murió en", ("ASSAULT", "", "ataque", "", "raul-reyes")),
])
def test_died_in_attack(found: dict[str, set[tuple[str, ...]]], key: str,
                        expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("quitó", ("COERCE", "restrict", "quitó", "GTMLEG", "GTMJUD")),
    ("nacionalidad", ("COERCE", "restrict", "quitó", "NIC", "NICOPP")),
    ("entregó", ("COOPERATE", "legal", "entregó", "COL", "USA")),
    ("reforzó", ("MOBILIZE", "police", "reforzó", "COLCOP", "COL")),
])
def test_spanish_parity(found: dict[str, set[tuple[str, ...]]], key: str,
                        expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["importancia", "recibo", "posición"])
def test_spanish_idioms_no_event(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    assert not found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("accusations", ("ACCUSE", "allege", "accusations", "USA", "VEN")),
    ("accusations", ("REJECT", "", "rejected", "VEN", "USA")),
    ("denuncia", ("ACCUSE", "allege", "denuncia", "OPP", "GOV")),
])
def test_accusation_rejected_was_made(found: dict[str, set[tuple[str, ...]]], key: str,
                                      expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
def test_agreement_rejected_is_no_accusation(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert {row[0] for row in found["acuerdo"]} == {"REJECT"}
