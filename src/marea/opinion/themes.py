"""Themes: cue words of data/themes.yaml per sentence, scored per document.

A sentence names a theme when it holds one of the theme's cue terms. A cue listed under the
theme's `ambiguous` key ("energy", "power", "crude") counts only beside another cue of the
same theme in its sentence: "left-leaning energy" is no energy policy, "energy prices and oil
exports" is. A document keeps a theme whose cue hits reach MIN_HITS, THRESHOLD per 1,000
words and MIN_SHARE of all its cue hits, the best MAX_THEMES of them; THRESHOLD and MIN_HITS
were chosen on the tuning half of benchmarks/gold/themes by `benchmarks/themes.py`.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from marea.actors.kb import fold
from marea.model import Theme
from marea.opinion.lexicon import Lexicon, find, theme_catalogue

THRESHOLD = 5.0  # cue hits per 1,000 words a theme needs (benchmarks/themes.py)
MIN_HITS = 4  # a passing mention or two is no theme of the document
MIN_SHARE = 0.1  # nor is a theme that takes under a tenth of the document's cue hits
MAX_THEMES = 5  # a reader files a document under a few themes, never a dozen


@lru_cache(maxsize=8)
def ambiguous_cues(language: str | None) -> frozenset[str]:
    """Cue terms that need another cue of their theme in the same sentence."""
    return frozenset(fold(str(term)) for entry in theme_catalogue().values()
                     for term in ((entry.get("ambiguous") or {}).get(language or "") or ()))


def sentence_themes(seq: list[tuple[int, str, str]], lex: Lexicon, language: str | None,
                    skip: set[int]) -> dict[str, list[str]]:
    """Theme -> the cue terms found in one sentence's words (tokens in `skip` are names)."""
    found: dict[str, list[str]] = {}
    for hit in find(seq, lex.themes, lex.longest):
        if hit.first in skip:
            continue  # "Washington" the footballer is no US foreign policy
        for theme in lex.themes[hit.term]:
            found.setdefault(theme, []).append(hit.term)
    unsure = ambiguous_cues(language)
    kept = {}
    for theme, terms in found.items():
        if any(term not in unsure for term in terms):
            kept[theme] = terms  # a sure cue vouches for the ambiguous ones beside it
    return kept


def document_themes(hits: Counter[str], terms: dict[str, Counter[str]], words: int,
                    threshold: float = THRESHOLD, min_hits: int = MIN_HITS) -> list[Theme]:
    """The document's themes, most cue hits first; `score` is the theme's share of them."""
    total = sum(hits.values())
    chosen = [(theme, count) for theme, count in hits.most_common()
              if count >= min_hits and 1000.0 * count / max(words, 1) >= threshold
              and count / total >= MIN_SHARE][:MAX_THEMES]
    return [Theme(-1, theme, round(count / total, 4),
                  ", ".join(t for t, _ in terms[theme].most_common(5)))
            for theme, count in chosen]
