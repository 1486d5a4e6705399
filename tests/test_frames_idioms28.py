"""Charged idioms and doubling hyperbole (session 28): an opinion writer's figures are loaded
language, with the idiom as the span; the same figure in a news report's own voice is not."""

from __future__ import annotations

from marea.settings import Settings
from tests.test_frames import _doc, _spans

LOADED = "Loaded_Language"


def test_an_op_eds_charged_idioms_are_loaded_language(settings: Settings) -> None:
    spans = _spans(
        _doc(
            settings,
            "The governor's friends in the lobby are calling the shots "
            "now. His aides invented the budget figures out of thin air, and the "
            "ethics panel handed him a slap on the wrist. The whole review was a "
            "fig leaf for a council that turns a blind eye to every contract.",
            "opinion",
        )
    )
    assert ("calling the shots", LOADED) in spans
    assert ("out of thin air", LOADED) in spans
    assert ("a slap on the wrist", LOADED) in spans
    assert ("a fig leaf", LOADED) in spans
    assert ("turns a blind eye", LOADED) in spans


def test_a_spanish_op_eds_charged_idioms_are_loaded_language(settings: Settings) -> None:
    spans = _spans(
        _doc(
            settings,
            "La comisión investigadora fue una cortina de humo. El "
            "ministro prometió transparencia, pero su reforma es papel mojado y el "
            "Congreso hace la vista gorda.",
            "opinion",
            "es",
        )
    )
    assert ("una cortina de humo", LOADED) in spans
    assert ("papel mojado", LOADED) in spans
    assert ("la vista gorda", LOADED) in spans


def test_doubling_a_large_number_is_exaggeration(settings: Settings) -> None:
    spans = _spans(
        _doc(
            settings,
            "Our plan will bring billions and billions of dollars home, "
            "more than any government before us has ever dreamed of.",
            "opinion",
        )
    )
    assert any(
        text.startswith("billions and billions") and technique == "Exaggeration,Minimisation"
        for text, technique in spans
    )


def test_a_news_reports_own_figures_are_no_technique(settings: Settings) -> None:
    # the news gate: a report's unmarked wording is no technique, idiom or not
    doc = _doc(
        settings,
        "The mayor said the council had been calling the shots on zoning for "
        "a decade. Auditors found that thousands of invoices were missing, and the "
        "board moved the meeting to Thursday.",
        "news",
    )
    assert doc.frames == []


def test_charged_figures_of_waste_and_division(settings: Settings) -> None:
    spans = _spans(
        _doc(
            settings,
            "Every week they fan the flames of resentment to protect a bloated "
            "bureaucracy. Their new agency is a boondoggle.",
            "opinion",
        )
    )
    assert ("fan the flames", LOADED) in spans
    assert ("a bloated bureaucracy", LOADED) in spans
    assert ("a boondoggle", LOADED) in spans
