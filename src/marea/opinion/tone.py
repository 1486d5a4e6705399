"""Tone (GDELT-style word percentages), themes and news-vs-opinion, per sentence and document.

These are lexical: they count words from `lexicon`, so they are cheap and explainable. A
polarity word preceded by a negator ("not legitimate") counts with the opposite sign.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from marea.model import Document, Theme, Tone
from marea.opinion.lexicon import Lexicon, find, lexicon, negated, words
from marea.settings import Settings

OPINION_SECTIONS = re.compile(r"opini|column|editorial|analys|analisis|análisis|blog|commentary",
                              re.IGNORECASE)
DATELINE = re.compile(r"^[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .,]{2,40}(?:\([^)]{2,20}\))?\s*[-—–]\s")
REPORTING_LEMMAS = frozenset({"say", "tell", "announce", "report", "state", "decir", "afirmar",
                              "anunciar", "informar", "declarar", "señalar", "asegurar"})
FIRST_SINGULAR = frozenset({"i", "me", "my", "mine", "myself", "yo", "mi", "mis", "me", "conmigo"})
SECOND_PERSON = frozenset({"you", "your", "yours", "tu", "tus", "usted", "ustedes", "vosotros"})
MODALS = frozenset({"should", "must", "ought", "deber", "debe", "deberia", "tener que"})
MIN_THEME_HITS = 2  # a document theme needs this many cue words (one stray word is noise)


def tone(batch: list[Document], settings: Settings) -> list[Document]:
    """Stage: fill `tone`, `themes` and `opinion_score` from the tokens."""
    for doc in batch:
        analyse(doc)
    return batch


def analyse(doc: Document) -> None:
    """Score one parsed document."""
    lex = lexicon(doc.language)
    doc.tone, doc.themes = [], []
    totals: Counter[str] = Counter()
    theme_totals: Counter[str] = Counter()
    theme_terms: dict[str, Counter[str]] = {}
    style: Counter[str] = Counter()
    first = 0
    for number, sentence in enumerate(doc.sentences):
        end = first
        while end < len(doc.tokens) and doc.tokens[end].sentence == number:
            end += 1
        seq = words(doc.tokens, doc.text, first, end)
        counts = _sentence_counts(seq, lex)
        totals.update(counts)
        doc.tone.append(_tone(number, counts))
        hits = find(seq, lex.themes, lex.longest)
        found: dict[str, list[str]] = {}
        for hit in hits:
            for theme in lex.themes[hit.term]:
                found.setdefault(theme, []).append(hit.term)
        for theme, terms in found.items():
            doc.themes.append(Theme(number, theme, float(len(terms)), ", ".join(sorted(set(terms)))))
            theme_totals[theme] += len(terms)
            theme_terms.setdefault(theme, Counter()).update(terms)
        _style(seq, doc.text[sentence.start:sentence.end], style)
        first = end
    doc.tone.insert(0, _tone(-1, totals))
    all_hits = sum(theme_totals.values())
    for theme, hits in theme_totals.most_common():
        if hits >= MIN_THEME_HITS:
            top = ", ".join(t for t, _ in theme_terms[theme].most_common(5))
            doc.themes.append(Theme(-1, theme, round(hits / all_hits, 4), top))
    doc.opinion_score = _opinion_score(doc, style, totals)


def _sentence_counts(seq: list[tuple[int, str, str]], lex: Lexicon) -> Counter[str]:
    counts: Counter[str] = Counter(words=len(seq))
    for hit in find(seq, lex.polarity, lex.longest):
        value = lex.polarity[hit.term]
        if negated(seq, hit.first):
            value = -value
        counts["positive" if value > 0 else "negative"] += 1
    counts["activity"] = sum(w[1] in lex.activity or w[2] in lex.activity for w in seq)
    counts["self_group"] = sum(w[1] in lex.self_group for w in seq)
    return counts


def _tone(sentence: int, counts: Counter[str]) -> Tone:
    words_ = counts["words"]

    def percent(key: str) -> float:
        return round(100.0 * counts[key] / words_, 3) if words_ else 0.0

    positive, negative = percent("positive"), percent("negative")
    return Tone(sentence, round(positive - negative, 3), positive, negative,
                round(positive + negative, 3), percent("activity"), percent("self_group"), words_)


def _style(seq: list[tuple[int, str, str]], sentence: str, style: Counter[str]) -> None:
    """Count the cues that separate opinion from reporting in one sentence."""
    style["sentences"] += 1
    style["words"] += len(seq)
    style["first_singular"] += sum(w[1] in FIRST_SINGULAR for w in seq)
    style["second_person"] += sum(w[1] in SECOND_PERSON for w in seq)
    style["modal"] += sum(w[1] in MODALS or w[2] in MODALS for w in seq)
    style["reporting"] += sum(w[2] in REPORTING_LEMMAS for w in seq)
    style["question"] += sentence.rstrip().endswith(("?", "!"))


def _opinion_score(doc: Document, style: Counter[str], totals: Counter[str]) -> float:
    """Return P(opinion) from a few style rates, weights set by hand on labelled examples.

    Opinion pieces evaluate (polar words), address readers, use "I"/"we", modals and
    rhetorical questions; reports attribute ("said"), open with datelines and rarely judge.
    """
    sentences, n_words = max(style["sentences"], 1), max(style["words"], 1)
    per_100 = 100.0 / n_words
    meta = " ".join(str(doc.metadata.get(k) or "") for k in ("url", "site", "title", "section"))
    z = (-2.2
         + 0.30 * 100.0 * (totals["positive"] + totals["negative"]) / n_words
         + 1.5 * style["first_singular"] * per_100
         + 0.5 * 100.0 * totals["self_group"] / n_words
         + 1.0 * style["second_person"] * per_100
         + 1.2 * style["modal"] * per_100
         + 4.0 * style["question"] / sentences
         - 3.0 * style["reporting"] / sentences
         - 1.5 * bool(DATELINE.match(doc.text))
         + 2.0 * bool(OPINION_SECTIONS.search(meta)))
    return round(1.0 / (1.0 + math.exp(-z)), 4)
