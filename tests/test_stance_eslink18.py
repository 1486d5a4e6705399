"""Spanish word senses that judged no one (session 18): the connective "sin embargo"
(however) read as an embargo, "desarrollarse" (to take place) read as development and
"institucionalidad" (the institutions) read as praise; and on the stance gold's tuning
Spanish pages, "fallo" (a court's ruling) read as a failure, "de acuerdo con" (according to)
as an agreement, "destacó" (stressed) and "ha ordenado" (has ordered) as praise. Sentences
of our own."""

from __future__ import annotations

from marea.model import Document
from marea.opinion.tone import analyse
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings
from tests.test_stance_readings13 import LONG_ES


def _read(settings: Settings, text: str) -> Document:
    doc = Document(source="t.txt", locator="", raw=(text + LONG_ES).encode(),
                   content_type="text", metadata={"language": "es",
                                                  "published": "2024-06-01"})
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    assert done.error is None, done.error
    return done


def _cues(doc: Document, actor: str) -> list[tuple[str, str]]:
    return [(c.kind, c.cue or "") for s in doc.stances if s.actor_id == actor for c in s.cues
            if c.weight]


def test_a_connective_is_no_cue(settings: Settings) -> None:
    doc = _read(settings, "Sin embargo, el presidente Gabriel Boric visitó Temuco.")
    assert not [cue for cue in _cues(doc, "gabriel-boric") if "embargo" in cue[1].lower()]


def test_an_embargo_is_still_a_wrong(settings: Settings) -> None:
    doc = _read(settings, "El embargo de Estados Unidos contra Cuba es cruel.")
    assert any(cue == "embargo" for _, cue in _cues(doc, "CUB")), _cues(doc, "CUB")


def test_what_took_place_and_the_institutions_carry_no_tone(settings: Settings) -> None:
    doc = _read(settings, "Las reuniones se desarrollaron en Santiago. El Senado revisó la "
                          "institucionalidad del sector.")
    analyse(doc)
    assert [t.positive for t in doc.tone[1:3]] == [0.0, 0.0]


def test_a_ruling_according_to_a_report_carries_no_tone(settings: Settings) -> None:
    doc = _read(settings, "El fallo del tribunal se conoció el martes. De acuerdo con el "
                          "informe, la comisión destacó que el juez ha ordenado abrir los "
                          "documentos.")
    analyse(doc)
    assert [(t.positive, t.negative) for t in doc.tone[1:3]] == [(0.0, 0.0), (0.0, 0.0)]
