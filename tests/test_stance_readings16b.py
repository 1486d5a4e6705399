"""Issue 15, session 16 (second helper): an act of force's "of"/"de" complement is the one it
is done to, not its owner; a modal that reports an obligation a court set is no author's
modal when the kind of a document is scored."""

from __future__ import annotations

from marea.opinion.tone import analyse
from marea.settings import Settings
from tests.test_stance_readings11 import _processed
from tests.test_stance_readings13 import LONG_EN, LONG_ES

EVO = "evo-morales"


def _cues(settings: Settings, text: str, language: str) -> list[tuple[str, str, float]]:
    doc = _processed(settings, text + (LONG_EN if language == "en" else LONG_ES), language)
    return [(c.kind, c.cue, c.weight) for s in doc.stances if s.actor_id == EVO
            for c in s.cues if c.weight]


def test_a_condemned_detention_makes_its_subject_a_victim(settings: Settings) -> None:
    english = _cues(settings, "The illegal detention of Evo Morales by the police shocked "
                    "his supporters in La Paz on Monday.", "en")
    assert not [c for c in english if c[0] == "attribute"], english  # not a fault he owns
    assert [c for c in english if c[0] == "victim" and c[2] > 0], english
    spanish = _cues(settings, "La detención arbitraria de Evo Morales por la policía "
                    "sorprendió a sus seguidores en La Paz el lunes.", "es")
    assert not [c for c in spanish if c[0] == "attribute"], spanish
    assert ("victim", "detención arbitraria") in [(k, c) for k, c, _ in spanish], spanish


def test_an_arrest_no_word_judges_is_no_fault_and_no_wrong(settings: Settings) -> None:
    cues = _cues(settings, "The police confirmed the arrest of Evo Morales in La Paz on "
                 "Monday.", "en")
    assert not [c for c in cues if c[0] in ("attribute", "victim")], cues


REPORT = ("El Tribunal de Apelación confirmó el martes la condena de una exfuncionaria del "
          "puerto de Asunción por cobrar salarios sin trabajar. Según la sentencia, la mujer "
          "deberá devolver 40 millones de guaraníes a la institución en dos años. El juez "
          "fijó además que los condenados deben presentarse cada mes ante el juzgado.")
COLUMN = ("Los jueces deben castigar la corrupción sin miedo. El país debe exigir que "
          "cada peso robado vuelva al puerto de Asunción, y los funcionarios deben dar "
          "cuentas de su trabajo.")


def test_an_obligation_a_court_sets_is_no_authors_modal(settings: Settings) -> None:
    report = _processed(settings, REPORT + LONG_ES, "es")
    assert analyse(report)["modal"] == 0.0
    column = _processed(settings, COLUMN + LONG_ES, "es")
    assert analyse(column)["modal"] > 0.0  # the judges themselves urged: the author's
