"""Framing span extent (session 23): a clause-level technique's span is the claim its cue
introduces, and a label or loaded phrase takes in the whole word and the adjectives after
its noun."""

from __future__ import annotations

from marea.settings import Settings
from tests.conftest import frame_spans

CAUSAL = "Causal_Oversimplification"
DOUBT = "Doubt"
EXAGGERATION = "Exaggeration,Minimisation"
LOADED = "Loaded_Language"


def test_a_causal_cue_spans_the_clause_it_introduces(settings: Settings) -> None:
    # "simply because" hangs on "printed": the span runs to the end of that clause, and stops
    # before the coordinated clause that makes another statement
    spans = frame_spans(settings, "Prices rose simply because the central bank printed money, "
                        "and the unions knew it.", "opinion", "en")
    assert ("simply because the central bank printed money", CAUSAL) in spans
    spans = frame_spans(settings, "Immigrants are to blame for every problem in this town.",
                        "opinion", "en")
    assert ("are to blame for every problem in this town", CAUSAL) in spans


def test_a_doubting_adverb_on_a_verb_doubts_the_predicate(settings: Settings) -> None:
    spans = frame_spans(settings, "No one has explained how she supposedly built her alleged "
                        "fortune.", "opinion", "en")
    assert spans == {("supposedly built her alleged fortune", DOUBT)}
    # on a noun it stays a phrase: the reforms are doubted, not the whole sentence
    spans = frame_spans(settings, "The government's supposedly popular reforms were passed "
                        "without a vote.", "opinion", "en")
    assert ("supposedly popular reforms", DOUBT) in spans


def test_an_exaggerating_noun_phrase_takes_in_its_modifiers(settings: Settings) -> None:
    spans = frame_spans(settings, "The Green New Deal is the most ambitious investment plan ever "
                        "presented by a European party.", "opinion", "en")
    assert ("the most ambitious investment plan ever presented by a European party",
            EXAGGERATION) in spans


def test_a_hyphenated_loaded_word_grows_to_the_noun_it_qualifies(settings: Settings) -> None:
    # "ginned-up" and "media hysteria" are one phrase, not two spans side by side
    spans = frame_spans(settings, "Day by day the senator's ginned-up media hysteria has created "
                        "a news blackout.", "opinion", "en")
    assert spans == {("ginned-up media hysteria", LOADED)}


def test_the_spanish_extents(settings: Settings) -> None:
    # adjectives after their noun belong to the charge, coordinated ones too
    spans = frame_spans(settings, "La oposición montó una farsa grotesca y vergonzosa para "
                        "frenar la ley.", "opinion", "es")
    assert spans == {("una farsa grotesca y vergonzosa", LOADED)}
    # a cue ending in a preposition takes in its object, up to the coordinated clause
    spans = frame_spans(settings, "Todo esto pasa por culpa de los bancos que especulan con la "
                        "deuda, y nadie lo dice.", "opinion", "es")
    assert ("por culpa de los bancos que especulan con la deuda", CAUSAL) in spans
    # a doubting adjective on a noun doubts the noun: the sentence's verb is not part of it
    spans = frame_spans(settings, "Los supuestos expertos del gobierno no vieron venir la "
                        "crisis.", "opinion", "es")
    assert ("Los supuestos expertos", DOUBT) in spans


def test_a_superlatives_purpose_is_not_part_of_the_exaggeration(settings: Settings) -> None:
    # an infinitive of purpose says what the plan is for, not what it is ranked against
    spans = frame_spans(settings, "It is the only credible plan to tackle the climate crisis.",
                        "opinion", "en")
    assert ("the only credible plan", EXAGGERATION) in spans
