"""Arguments of events whose trigger is right (issue 11, triple recall): every name of a list
acts, also when the parser hangs the list off a plural title ("los camaristas A, B y C") or
hangs a middle name on the first as a "flat" part; a Spanish verb with its subject left
unsaid takes the subject before it also when that subject is a title with the name beside
it ("El presidente Gustavo Petro viajó ... Luego se reunió") and when the verb is a compound
tense ("había criticado"); a passive with its subject left unsaid ("Fue condenada") is done
to that subject, not by it; the subject of a verb attributing a quotation just closed is
who spoke, not who acts next. A person's name is no organisation for the charge after it
("acusan a Juan Pérez de corrupción"), nor does it open with the department of the title
before it ("la jueza de Ejecución Letizia Paredes"). A body of people or a crowd that no word
places is of the publisher's country, as the actor linker places such nouns. Sentences of our
own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store
from tests.conftest import events_by_sentence

SPANISH = {
    "camaristas": "Los camaristas Arnulfo Arias, Emiliano Rolón y Arnaldo Fleitas confirmaron "
                  "la condena de Juan Pérez.",
    "flat list": "Nicolás Maduro, Gustavo Petro y Lula da Silva condenaron el ataque de Israel.",
    "titled subject": "El presidente Gustavo Petro viajó a Caracas. Luego se reunió con "
                      "Nicolás Maduro.",
    "compound tense": "Nicolás Maduro habló con la prensa en Caracas. Luego había criticado a "
                      "Gustavo Petro.",
    "passive": "La exministra María López declaró ante el juez. Fue condenada a seis años de "
               "prisión.",
    "passive by": "Nicolás Maduro viajó a Bogotá. Luego fue criticado por Gustavo Petro.",
    "attribution": '"Petro tiene dos caminos: negociar o romper", escribió el sociólogo Juan '
                   'Pérez. Me temo que romperá relaciones con Nicolás Maduro.',
    "charge": "Gustavo Petro acusa al ministro Juan Pérez de corrupción.",
    "department": "La jueza de Ejecución Letizia Paredes rechazó el pedido de Juan Pérez.",
}

ENGLISH = {
    "judges": "The judges John Smith, Mary Jones and Peter Brown upheld the conviction of Juan "
              "Perez.",
}

COLUMNS = "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target)}} of both languages' sentences."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("args26es"), SPANISH, "es",
                                 "2024-03-05", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("args26en"), ENGLISH, "en",
                                 "2024-03-05", COLUMNS)[1]
    yield spanish | english


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    # each judge of the list confirms the sentence
    *[("camaristas", ("SANCTION", "confirmaron", judge, "x-person-juan-perez"))
      for judge in ("x-person-arnulfo-arias", "x-person-emiliano-rolon",
                    "x-person-arnaldo-fleitas")],
    *[("judges", ("SANCTION", "upheld", judge, "x-person-juan-perez"))
      for judge in ("x-person-john-smith", "x-person-mary-jones", "x-person-peter-brown")],
    # the middle name the parser hangs on the first one's as a "flat" part
    ("flat list", ("ACCUSE", "condenaron", "gustavo-petro", "ISR")),
    ("flat list", ("ACCUSE", "condenaron", "nicolas-maduro", "ISR")),
    ("flat list", ("ACCUSE", "condenaron", "luiz-inacio-lula-da-silva", "ISR")),
    ("titled subject", ("CONSULT", "reunió", "gustavo-petro", "nicolas-maduro")),
    ("compound tense", ("ACCUSE", "criticado", "nicolas-maduro", "gustavo-petro")),
    ("passive", ("SANCTION", "condenada", "", "x-person-maria-lopez")),
    ("passive by", ("ACCUSE", "criticado", "gustavo-petro", "nicolas-maduro")),
    ("charge", ("ACCUSE", "acusa", "gustavo-petro", "x-person-juan-perez")),
    ("department", ("REJECT", "rechazó", "x-person-letizia-paredes", "x-person-juan-perez")),
])
def test_arguments(found: dict[str, set[tuple[str, ...]]], key: str,
                   expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_passive_subject_is_not_the_doer(found: dict[str, set[tuple[str, ...]]]) -> None:
    """The one convicted is not also the one convicting."""
    assert not any(row[2] == "x-person-maria-lopez" for row in found["passive"]
                   if row[1] == "condenada"), found["passive"]


@pytest.mark.slow
def test_quoted_writer_is_not_the_next_doer(found: dict[str, set[tuple[str, ...]]]) -> None:
    """'"...", escribió el sociólogo X. Me temo que romperá': X wrote, he breaks nothing."""
    assert not any(row[2] == "x-person-juan-perez" for row in found["attribution"]
                   if row[1] == "romperá"), found["attribution"]


UNPLACED = ["El ministro de Trabajo, Pablo Mieres, dialogó con el gremio portuario.",
            "Miles de personas marcharon el jueves."]


def _published_at(folder: Path, url: str | None) -> set[tuple[str, str, str]]:
    """(trigger, source, target) of the UNPLACED sentences, each a document published at `url`."""
    folder.mkdir()
    (folder / "s.jsonl").write_text("".join(json.dumps(
        {"text": text, "language": "es", "published": "2022-05-04"} | ({"url": url} if url else {}))
        + "\n" for text in UNPLACED), "utf-8")
    settings = load_settings()
    settings = settings.with_(db=str(folder / "e.duckdb"),
                              models={**settings.models, "encoder": "none"})
    with Store(settings.db) as store:
        assert not ingest([str(folder / "s.jsonl")], store, settings).failed
        rows = store.query("SELECT trigger, coalesce(source_id, ''), coalesce(target_id, '') "
                           "FROM events")
    return {tuple(row) for row in rows}


@pytest.mark.slow
def test_unplaced_agents_are_the_publishers(tmp_path: Path) -> None:
    uruguayan = _published_at(tmp_path / "uy", "https://www.elpais.com.uy/informacion/a.html")
    assert ("dialogó", "x-person-pablo-mieres", "URYLAB") in uruguayan, uruguayan
    assert ("marcharon", "URYCVL", "URY") in uruguayan, uruguayan
    # with no publisher's country, nobody's: the text names no state
    unknown = _published_at(tmp_path / "none", None)
    assert ("dialogó", "x-person-pablo-mieres", "LAB") in unknown, unknown
