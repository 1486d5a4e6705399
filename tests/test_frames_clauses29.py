"""Clause-level techniques by their cue (session 29): a warning of what follows unless someone
acts is an appeal to fear, "they want us to believe" doubts, "the cause is" simplifies, and
a question about how one side would have reacted turns to another's fault. The span starts
at the cue and runs over the clause it introduces; in a news report's own voice, nothing."""

from __future__ import annotations

from marea.settings import Settings
from tests.test_frames import _doc, _spans

FEAR = "Appeal_to_fear-prejudice"
DOUBT = "Doubt"
CAUSAL = "Causal_Oversimplification"


def _starting(spans: set[tuple[str, str]], opening: str, technique: str) -> bool:
    return any(text.startswith(opening) and t == technique for text, t in spans)


def test_a_warning_of_what_follows_inaction_is_an_appeal_to_fear(settings: Settings) -> None:
    spans = _spans(
        _doc(
            settings,
            "The ministry keeps postponing the pension reform. If it doesn't, the country will "
            "face ruin within a decade, and the young will pay for every delay.",
            "opinion",
        )
    )
    assert _starting(spans, "If it doesn't, the country will face ruin", FEAR)


def test_a_spanish_threat_to_survival_is_an_appeal_to_fear(settings: Settings) -> None:
    spans = _spans(
        _doc(
            settings,
            "El partido perdió tres elecciones seguidas. Si quiere sobrevivir, tendrá que "
            "romper con sus viejos caudillos.",
            "opinion",
            "es",
        )
    )
    assert ("si quiere sobrevivir", FEAR) in {(text.lower(), t) for text, t in spans}


def test_what_they_want_us_to_believe_is_doubt(settings: Settings) -> None:
    spans = _spans(
        _doc(
            settings,
            "The agency could not count its own trucks last year, but its directors want us to "
            "believe they can balance the budget by spring. The mayor simply can't remember "
            "signing the contract.",
            "opinion",
        )
    )
    assert _starting(spans, "want us to believe they can balance the budget", DOUBT)
    assert _starting(spans, "simply can't remember", DOUBT)


def test_a_single_named_cause_is_causal_oversimplification(settings: Settings) -> None:
    spans = _spans(
        _doc(
            settings,
            "Bakeries across the province closed this winter. The cause is the new tax on flour, "
            "and nothing else.",
            "opinion",
        )
    )
    assert _starting(spans, "The cause is the new tax", CAUSAL)


def test_the_same_cues_in_a_news_reports_own_voice_are_no_technique(settings: Settings) -> None:
    doc = _doc(
        settings,
        "Investigators said the cause is still unknown after the fire at the depot. If it "
        "doesn't rain this week, farmers in the valley will face a second poor harvest, the "
        "ministry said. The company's lawyers want the court to believe the contract was "
        "valid.",
        "news",
    )
    assert doc.frames == []
