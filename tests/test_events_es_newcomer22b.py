"""A newcomer's read of a Spanish page (session 22: El Espectador on the JEP opening three
macro-cases, trafilatura-eval, Apache-2.0): a court's chamber that "se concentrará en" some
regions focuses on them, it gathers nobody; a guerrilla's "toma" of a town is an armed
seizure, not a civilian occupation; "la Fuerza Pública" is the state's security forces;
"exterminio" is a mass killing; "señalar a alguien de/como" a wrongdoer accuses him. Sentences
of our own, after that page."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "focus": "La Sala Penal se concentrará en los crímenes cometidos en tres departamentos.",
    "gathered": "Cientos de campesinos se concentraron en la plaza principal de Neiva.",
    "takeover": "Los guerrilleros perpetraron decenas de tomas de pueblos en el Cauca.",
    "occupation": "Los estudiantes mantienen la toma de la universidad desde el lunes.",
    "security_forces": "La Fuerza Pública bombardeó un campamento del ELN en Arauca.",
    "extermination": "El exterminio de los sindicalistas dejó cientos de víctimas.",
    "branded": "Los paramilitares los señalaron de colaboradores de la guerrilla.",
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("es22b"), SENTENCES, "es", "2022-05-03",
                              "e.trigger, e.type, e.mode, e.source_id, e.target_id")[1]


def _test_show(coded: dict[str, set[tuple]]) -> None:
    for k, v in coded.items():
        print(k, v)
    assert False


def test_show2(coded: dict[str, set[tuple]]) -> None:
    for k, v in coded.items():
        print(k, v)
    assert False
