"""Issue 15, session 19: Spanish stance. A case's standing ("acusado", "presuntos") and the
charge it names are the prosecutors' words, not the author's; "ejecutar" a thing carries it
out and harms nobody; a servile ally ("títere") is despised as well as sided. Sentences of
our own."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings18es import _read


@pytest.mark.parametrize("text", [
    "Evo Morales está acusado de terrorismo en una causa abierta por la Fiscalía.",
    "Evo Morales, investigado por corrupción, viajó ayer a Caracas.",
])
def test_a_charge_reported_judges_no_one(settings: Settings, text: str) -> None:
    assert _read(settings, text)["evo-morales"] == ("neutral", [])


@pytest.mark.parametrize(("text", "actor"), [
    ("Evo Morales y Álvaro García Linera están acusados de terrorismo en una causa abierta "
     "por la Fiscalía.", "evo-morales"),
    ("Jeanine Áñez, sospechosa de corrupción, viajó ayer a Caracas.", "jeanine-anez"),
])
def test_a_charge_reported_in_any_gender_or_number_judges_no_one(
        settings: Settings, text: str, actor: str) -> None:
    label, cues = _read(settings, text)[actor]
    assert label == "neutral" and not [c for c in cues if c[0] == "context"], cues


def test_without_the_case_the_same_words_are_the_authors(settings: Settings) -> None:
    label, cues = _read(settings, "Evo Morales es un corrupto y un terrorista.")["evo-morales"]
    assert label == "against", cues


def test_a_hedged_label_is_no_label(settings: Settings) -> None:
    stances = _read(settings, "Los presuntos pandilleros fueron trasladados a San Salvador.")
    assert not [c for _, cues in stances.values() for c in cues if c[1] == "presuntos"], stances


def test_carrying_out_a_plan_harms_no_one(settings: Settings) -> None:
    assert _read(settings, "La Policía de Bolivia ejecutó el plan de seguridad en La Paz."
                 )["BOLCOP"][1] == [("context", "seguridad")]
    label, cues = _read(settings, "El Ejército de Bolivia ejecutó a tres campesinos "
                        "desarmados.")["BOLMIL"]
    assert (label, cues) == ("against", [("predicate:subject", "ejecutó")])


@pytest.mark.parametrize(("text", "actor"), [
    ("Javier Milei no es otra cosa que un títere de los mercados.", "javier-milei"),
    ("Dina Boluarte es una títere del Congreso de Perú.", "dina-boluarte"),
])
def test_a_servile_ally_is_despised_as_well_as_sided(settings: Settings, text: str,
                                                       actor: str) -> None:
    label, cues = _read(settings, text)[actor]
    assert (label, cues[0]) == ("against", ("label", "títere")), cues


def test_a_favourite_is_still_no_judgement(settings: Settings) -> None:
    assert _read(settings, "Keiko Fujimori, la candidata favorita de los mercados, votó "
                 "ayer.")["keiko-fujimori"] == ("neutral", [])
