"""Framing and propaganda techniques as spans (the SemEval-2020 Task 11 technique names).

Three detectors, joined:
- patterns (data/frame_patterns.yaml, per technique and language): regular expressions whose
  match is the span ("so-called", "the worst ... in the world", "vendepatria"); labels from
  the stance lexicon attached to a named actor are Name_Calling,Labeling.
- a sentence classifier: one logistic regression per technique over the sentence encoder's
  vectors, trained on original example sentences (data/frames_training.jsonl) by
  `scripts/train_frames.py` and shipped as data/frames_model.npz. It confirms pattern spans
  of the clausal techniques (doubt, fear, black-and-white...). It no longer marks a sentence
  on its own: on the tuning half 10 of its 12 such sentences were wrong, however confident.
- a token tagger (`frame_tagger.py`, English opinion pieces): a logistic regression over the
  encoder's contextual token vectors, trained on annotated articles; the stage keeps its name
  calling, with method "model".

In declared opinion pieces, scare quotes the writer gives no speaker for are Doubt. All are
then gated by evaluative context (`_evaluative`): a news report's words are labels,
not techniques, unless the text marks them (scare quotes, an insult or intensifier next to
them, a slur inside a quotation); in an opinion piece, descriptors such as "leftist",
"elites" or "corruption" count only when marked or used as a bare epithet ("the elites").
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

import numpy as np

from marea.actors.kb import YAML_LOADER, fold
from marea.model import Document, Frame
from marea.nlp.encoder import DEFAULT, MINILM, RESCORED_BY, encode
from marea.opinion.frame_tagger import glued, reads, tagger
from marea.opinion.lexicon import DATA, document_words, find, lexicon, words_between
from marea.opinion.stance import CREDITING, REPORTING
from marea.settings import Settings

TECHNIQUES = (
    "Appeal_to_Authority", "Appeal_to_fear-prejudice", "Bandwagon,Reductio_ad_hitlerum",
    "Black-and-White_Fallacy", "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation",
    "Flag-Waving", "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Slogans",
    "Thought-terminating_Cliches", "Whataboutism,Straw_Men,Red_Herring",
)
# techniques a pattern finds reliably without the classifier's agreement
LEXICAL = frozenset({"Loaded_Language", "Name_Calling,Labeling", "Slogans", "Doubt"})
PATTERN_GATE = 0.1  # a non-lexical pattern span needs at least this classifier probability
LABEL_VALENCE = 1.5  # a stance label this negative counts as name calling...
LABEL_REACH = 3  # ...within this many tokens of the actor's mention, and attached to it
# a document without a declared `kind` is read as opinion from this opinion_score: only when
# the style classifier is confident (tabloid news scores in between)
OPINION_CUT = 0.8
SCARE_WORDS = 4  # a quoted phrase of at most this many words around a span is a scare quote
QUOTATION = re.compile(r'[“"«]([^“”"«»\n]{1,600})[”"»]')
SHORT_QUOTE = re.compile(r"[“\"«‘']([^“”\"«»‘’'\n]{1,60})[”\"»’']")
# a quoted word or short phrase in double quotes (or curly single ones), for scare quotes; an
# apostrophe inside a word is no closing quote (“whistleblower’s”)
SCARE_QUOTE = re.compile(r'(?<![\w’\'])([“"«‘])((?:[^“”"«»‘’\n]|’(?=\w)){1,60})([”"»’])(?!\w)')
QUOTE_MARKS = "“”\"«»‘’'"
# naming verbs whose second complement is a label someone gives ("called it a coup")
NAMING_VERBS = frozenset({"call", "brand", "label", "dub", "term", "describe", "denounce",
                          "calificar", "tildar", "tachar", "llamar", "denominar", "describir",
                          "denunciar"})
NAMING_MARKERS = frozenset({"as", "como", "de"})
# Spanish participles of naming verbs, which the parser reads as adjectives of their own lemma
# ("el caso denominado «golpe II»", "la llamada «ley mordaza»")
NAMING_PARTICIPLES = frozenset(f"{stem}{end}" for stem in ("denominad", "llamad", "calificad",
                                                           "tildad", "tachad", "bautizad")
                               for end in ("o", "a", "os", "as"))
REPORTED_VALENCE = 2.0  # a noun this negative, given as a name, is a label
# a quoted phrase of at most QUOTED_LABEL_WORDS words around a noun the label lexicon scores
# -QUOTED_LABEL or below is a label (tuning half: one more span, right; FNC-1 unchanged)
QUOTED_LABEL_WORDS = 3
QUOTED_LABEL = 1.0
# a scare quote is one word: a quoted phrase of two or more in an opinion piece is mostly a
# cited term or someone's words ("green deal"); on the tuning half the two-word ones that
# were right all came from one page
SCARE_QUOTE_WORDS = 1
# words that introduce someone's own short quote ("called the killings "barbaric""): such
# quote marks report a word, they do not distance the writer from it
QUOTING = frozenset({"called", "call", "calls", "calling", "deemed", "described", "dubbed",
                     "termed", "labelled", "labeled", "branded", "as", "said", "says", "say",
                     "known", "named", "titled", "word", "term", "llamó", "calificó",
                     "calificado", "calificada", "tildó", "como", "dijo", "denominado",
                     "denominada", "llamado", "llamada", "palabra", "término"})
DETERMINERS = frozenset({"the", "these", "those", "this", "el", "la", "los", "las", "esta", "este",
                         "estos", "estas"})
REPEATS = 3  # a phrase of REPEAT_WORDS words seen this often in a document is Repetition
REPEAT_WORDS = 3
REPEAT_CONTEXT = 30  # characters after a repeated phrase that tell a reprint from rhetoric
# the learned tagger's spans kept by the stage (its threshold is the model's own, chosen by
# scripts/train_frame_tagger.py on the tuning half of our gold set). Its loaded language is
# not: out of fold on the tuning half it was right on .31 of what it marked (held-out: 4 of 16),
# and on .3-.5 when it must hold a word the lexicons score -1 or -2 (session 13)
TAGGER_TECHNIQUES = frozenset({"Name_Calling,Labeling"})
# Refit and dropped (session 21, 32 English tuning documents): the script's out-of-fold stage
# scores barely vary with the cut (best C 1.0, threshold .35: .752/.238/.362 against .751/.237/
# .360 at the shipped C .05, .65), and that refit took held-out technique precision .50 -> .41.
TAGGER_WORDS = 8
# a loaded word's span grows to its phrase (`_whole_phrase`): to a head at most PHRASE_REACH
# tokens on, over adjectives, adverbs, conjunctions and modifiers, to PHRASE_TOKENS at most
PHRASE_REACH = 3
PHRASE_TOKENS = 6
PHRASE_INSIDE = frozenset({"ADJ", "ADV", "CCONJ", "PUNCT"})  # and compound nouns
PHRASE_LEFT = frozenset({"det", "amod", "advmod", "compound", "nmod", "npadvmod"})
# a negation is no charge, and a doubting word starts a span of its own (Doubt)
PHRASE_NOT = frozenset({"no", "not", "never", "nunca", "n't", "ni", "supposedly", "allegedly",
                        "supuestamente", "presuntamente", "which", "what", "whose"})
PHRASE_TECHNIQUES = frozenset({"Loaded_Language", "Name_Calling,Labeling", "Doubt"})
# the techniques whose span is the claim a cue introduces, not the cue: a cue that hangs on a
# verb ("simply because", "allegedly", "is to blame for") grows to the end of that verb's
# clause, an exaggerating noun phrase to the end of its modifiers ("the most ambitious plan
# ever presented by ..."), at most CLAUSE_TOKENS tokens past the cue
CLAUSE_TECHNIQUES = frozenset({"Appeal_to_fear-prejudice", "Black-and-White_Fallacy",
                               "Causal_Oversimplification", "Doubt", "Exaggeration,Minimisation",
                               "Flag-Waving"})
CLAUSE_TOKENS = 20
# a cue word of these parts of speech is a phrase of its own; one of the others that is a
# function of a verb (its marker, adverb, auxiliary...) introduces that verb's clause
CLAUSE_WORDS = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "NUM"})
CLAUSE_FUNCTION = frozenset({"mark", "advmod", "aux", "auxpass", "neg", "prep", "case", "prt",
                             "cop", "expl", "fixed"})
CLAUSE_BREAKS = frozenset({"conj", "cc", "parataxis"})  # a coordinated clause is another claim
PEJORATIVE = 1.0  # the tagger's name calling needs a word at least this negative
# a loaded word about a natural hazard (`_about_a_hazard`): hazard words within HAZARD_REACH
# tokens of the noun, reaching it by at most HAZARD_LINKS noun-phrase links. Session 27, from
# the tuning half's false spans (3 of its 10 false loaded spans; none right lost): technique
# P/R/F1 .794/.216/.340 -> .821/.216/.342, its even part .919 -> .951 P, odd .733 -> .757 P;
# held-out, fresh batch and news rates unchanged
HAZARD_REACH = 8
HAZARD_LINKS = 3
NOUN_PHRASE_LINKS = frozenset({"compound", "amod", "nmod", "prep", "pobj", "case", "det"})
# Tried for loaded-language recall and dropped (session 18; spans added / false ones on the
# tuning half, where the stage's technique precision is .77): in declared opinion, an
# adjective qualifying a noun that the polarity lexicon scores -2.0 or below, 14 / 7 (-1.5:
# 27 / 17), right at half the stage's rate or less; a degree adverb ("very", "deeply", "so")
# before a word scored -1.0 or below, 3 / 1, too few to move recall.
# Tried and dropped again (session 24), each designed on the tuning half's documents at even
# places and measured on those at odd places (`benchmarks/frames.py` prints both parts), as
# spans the stage lacks in opinion documents, right / all, even then odd: any word the
# lexicons score -1.5 or below 26/136, 18/134; an adjective or adverb scored -1.5 or below
# on its head 8/16, 1/15, and on a head scored negative too 4/6, 1/5; an -ly adverb scored
# (or whose adjective is scored) -1.0 or below 1/5, 2/2; two coordinated negative words
# 0/6, 1/7; a harm verb of the stance lexicon with a non-person object 2/8, 0/10; lexicon
# words in a sentence the classifier gives loaded language or name calling 0.8 or more 3/6,
# 2/20; a loaded-language-only token tagger (the tagger's features) fitted on one part,
# threshold 0.5, on the other 4/33 and 6/15 (3/14, 1/5 with a word scored -1.0 or below);
# plural forms of the pattern list's nouns, two spans, both false. How densely the stage
# already marks a document says nothing of the rest (18.5 spans per 1,000 words, 7/48).
# The loaded language the gold marks and the stage misses is mostly idiom and metaphor the
# lexicons do not score ("calling the shots", "let the coalition stew").
# Measured again and dropped (session 28), as spans the stage lacks in opinion documents after
# its own gate and phrase growth, right / all on the tuning half's even then odd part: an
# adjective qualifying a noun that the lexicons score -2.0 or below 3/3, 0/5 (-1.5: 5/12,
# 1/10); a degree adverb ("very", "deeply") on an adjective scored -1.0 or below 0/2, 2/3; an
# adjective scored +2.0 or above 0/7, 1/2. Charged idioms went into the pattern list instead.
# Boundaries are not where recall goes (session 29, tuning half): of the 80 predicted spans
# that overlap a gold span of their technique, 55 match it exactly, 10 are longer, 14 shorter
# and 1 crosses it; all boundary differences together cost 8.0 of the 318 gold spans' recall
# mass and 3.8 of the 92 predicted spans' precision mass. The rest is spans never found.
# Session 29's clause cues (frame_patterns.yaml: a warning of inaction, 'want us to believe',
# 'the cause is', 'between two options'...) took the tuning half's technique F1 .356 -> .392
# and fired nowhere in the held-out half or the fresh batch (unchanged), on 2 PTC articles
# (both spans false) and on no FNC-1 body: the gold's clausal techniques are one-off phrasings.


@dataclass(frozen=True)
class Classifier:
    """Per-technique logistic regressions over sentence vectors. The stage reads their
    probabilities only to gate patterns (PATTERN_GATE); the per-technique thresholds the file
    also holds served the sentence marks it no longer makes."""

    techniques: tuple[str, ...]
    weights: np.ndarray  # techniques x dimensions
    bias: np.ndarray

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(vectors @ self.weights.T + self.bias)))


@lru_cache(maxsize=1)
def classifier() -> Classifier | None:
    """The shipped classifier, or None before `scripts/train_frames.py` has been run."""
    path = DATA.joinpath("frames_model.npz")
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        saved = np.load(handle)
        return Classifier(tuple(str(t) for t in saved["techniques"]), saved["weights"],
                          saved["bias"])


@lru_cache(maxsize=1)
def _pattern_data() -> dict[str, Any]:
    """data/frame_patterns.yaml, read once per process (every language's patterns and words)."""
    import yaml

    return yaml.load(DATA.joinpath("frame_patterns.yaml").read_text("utf-8"),
                     Loader=YAML_LOADER) or {}


@lru_cache(maxsize=8)
def patterns(language: str | None) -> dict[str, re.Pattern[str]]:
    """Span patterns of one language, one alternation per technique (one scan per sentence)."""
    raw = _pattern_data()
    found = {}
    for technique, entry in raw.items():
        listed = (entry or {}).get(language) or []
        if technique in TECHNIQUES and listed:
            found[technique] = re.compile("|".join(f"(?:{p})" for p in _renumbered(listed)),
                                          re.IGNORECASE)
    return found


BACKREF = re.compile(r"(?<!\\)\\([1-9]\d?)")  # "\1", not an escaped backslash before a digit


def _renumbered(listed: list[str]) -> list[str]:
    """The patterns with their back references shifted past the groups of the patterns before
    them, so that each still refers to its own group once they are joined ("\\b(\\w{4,}),
    \\1" second in the list refers to group 2)."""
    out, groups = [], 0
    for pattern in map(str, listed):
        out.append(BACKREF.sub(partial(_shifted, groups), pattern))
        groups += re.compile(pattern).groups
    return out


def _shifted(groups: int, reference: re.Match[str]) -> str:
    return f"\\{int(reference.group(1)) + groups}"


# characters a pattern's literal text may require of a sentence: for each, every character
# re.IGNORECASE matches to it folds to it under _fold (tests/test_frames.py checks all of them)
LITERAL_CHARS = frozenset(" '-.,0123456789abcdefghijklmnopqrstuvwxyzáéíóúüñàèìòùâêîôûçãõäëïö")
# re's own parser (private, unchanged since Python 3.11): a pattern's parse tree, read for the
# strings its matches need
RE_PARSER: Any = importlib.import_module("re._parser")
RE_CONSTANTS: Any = importlib.import_module("re._constants")
CASE_FIX = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})  # İ ı ſ


def _fold(text: str) -> str:
    """Lower case as re.IGNORECASE compares LITERAL_CHARS ("ſ" matches "s", "İ" matches "i")."""
    return text.translate(CASE_FIX).lower()


@dataclass(frozen=True)
class Technique:
    """One technique's patterns of a language, for scanning: the whole alternation, and each
    pattern alone when they may run apart (`split`: no back reference counts groups across
    them, and none can match an empty string)."""

    name: str
    whole: re.Pattern[str]
    branches: tuple[re.Pattern[str], ...]
    split: bool


@dataclass(frozen=True)
class Scanner:
    """A language's techniques, with the literal strings their patterns need: a pattern runs
    on a sentence only when the sentence holds one of its strings (or it needs none). Most
    patterns need a word few sentences hold, so most sentences run none of a technique's.

    `finder` finds, at every place of a folded sentence, the longest needed string that starts
    there; the strings starting there are that one and those of them it begins with, so
    `owners` maps each string to the patterns of every string it begins with."""

    techniques: tuple[Technique, ...]
    finder: re.Pattern[str]
    owners: dict[str, frozenset[tuple[int, int]]]  # string: {(technique, pattern)}
    always: frozenset[tuple[int, int]]  # patterns that need no string


@lru_cache(maxsize=8)
def scanner(language: str | None) -> Scanner:
    """The Scanner of a language's patterns (see `patterns`), built once per process."""
    raw, wholes = _pattern_data(), patterns(language)
    techniques, always = [], set()
    needed_by: dict[str, set[tuple[int, int]]] = {}
    for t, (name, whole) in enumerate(wholes.items()):
        listed = [str(p) for p in raw[name][language]]
        trees = [RE_PARSER.parse(p, re.IGNORECASE) for p in listed]
        split = all(tree.getwidth()[0] > 0 and not _has_backref(tree) for tree in trees)
        techniques.append(Technique(name, whole, tuple(
            re.compile(f"(?:{p})", re.IGNORECASE) for p in listed) if split else (), split))
        for b, tree in enumerate(trees):
            needed = _needs(tree) if split else None
            if needed is None:
                always.add((t, b))
            for literal in needed or ():
                needed_by.setdefault(literal, set()).add((t, b))
    owners = {literal: frozenset().union(*(needed_by[literal[:n]]  # its own beginnings
                                           for n in range(len(literal) + 1)
                                           if literal[:n] in needed_by))
              for literal in needed_by}
    finder = f"(?=({_trie(list(needed_by))}))" if needed_by else "(?!)"  # (?!): no string
    return Scanner(tuple(techniques), re.compile(finder), owners, frozenset(always))


def _trie(strings: list[str]) -> str:
    """A regular expression matching any of `strings`, the longest one where several start
    at the same place, written as a tree of their shared beginnings (one pass per place
    rather than one try per string)."""
    tree: dict[str, Any] = {}
    for string in strings:
        node = tree
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def write(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + write(child) for char, child in sorted(node.items())
                    if char]
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return ("" if not branches else f"(?:{body})?" if "" in node else body)

    return write(tree)


def scan(language: str | None, text: str
         ) -> list[tuple[str, Callable[[], Iterator[re.Match[str]]]]]:
    """Each technique with a function giving its matches in `text`: exactly those of
    `patterns(language)[technique].finditer(text)`, found by running only the patterns whose
    needed strings the text holds. A technique none of whose patterns can match is left out."""
    found = scanner(language)
    live = set(found.always)
    for match in found.finder.finditer(_fold(text)):
        live |= found.owners[match.group(1)]
    live_branches: dict[int, list[int]] = {}  # technique: its live patterns, looked up once
    for t, i in live:
        live_branches.setdefault(t, []).append(i)
    out: list[tuple[str, Callable[[], Iterator[re.Match[str]]]]] = []
    for t, technique in enumerate(found.techniques):
        if not technique.split:
            out.append((technique.name, partial(technique.whole.finditer, text)))
            continue
        branches = [technique.branches[i] for i in sorted(live_branches.get(t, ()))]
        if len(branches) == 1:
            out.append((technique.name, partial(branches[0].finditer, text)))
        elif branches:
            out.append((technique.name, partial(_leftmost_first, branches, text)))
    return out


def _leftmost_first(branches: list[re.Pattern[str]], text: str) -> Iterator[re.Match[str]]:
    """The matches of the alternation of `branches` in `text`, as finditer gives them: at the
    leftmost place any matches, the first that does, then on from its end. (No branch
    matches an empty string, so a search always moves on.)"""
    position = 0
    while True:
        best = None
        for branch in branches:
            match = branch.search(text, position)
            if match and (best is None or match.start() < best.start()):
                best = match
        if best is None:
            return
        yield best
        position = best.end()


def _has_backref(tree: Any) -> bool:
    """Whether a parsed pattern refers back to a group (whose number the alternation shifts)."""
    def walk(sub: Any) -> Iterator[Any]:
        for op, arg in sub:
            yield op
            for item in arg if isinstance(arg, (list, tuple)) else ():
                for nested in item if isinstance(item, list) else [item]:
                    if isinstance(nested, RE_PARSER.SubPattern):
                        yield from walk(nested)

    return any(op in (RE_CONSTANTS.GROUPREF, RE_CONSTANTS.GROUPREF_EXISTS) for op in walk(tree))


def _needs(tree: Any) -> frozenset[str] | None:
    """Strings (folded) one of which every match of a parsed pattern holds, or None when no
    such set is found. Of a sequence's parts that give one, the set whose shortest string is
    longest: a run of literal characters, or what a group, an alternation (each branch's
    needs), a repeat of at least one, or a lookaround that must hold, needs."""
    c = RE_CONSTANTS
    choices: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            choices.append(frozenset({"".join(run)}))
            run.clear()

    for op, arg in tree:
        if op is c.LITERAL and chr(arg).lower() in LITERAL_CHARS:
            run.append(chr(arg).lower())
            continue
        end_run()
        needed: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            needed = _needs(arg[3])
        elif op is c.BRANCH:
            branches = [_needs(branch) for branch in arg[1]]
            if all(branches):
                needed = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            needed = _needs(arg[2])
        elif op is c.ASSERT:
            needed = _needs(arg[1])
        if needed:
            choices.append(needed)
    end_run()
    return max(choices, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def frames(batch: list[Document], settings: Settings) -> list[Document]:
    """Stage: fill `frames`. The classifier reads MiniLM vectors (it was trained on them): the
    encoder stage's when they are MiniLM's; when they are only a first stage (static vectors,
    RESCORED_BY), MiniLM encodes here the sentences a pattern matches in, the only ones whose
    output the classifier can change, so the frames are those MiniLM at ingest gives."""
    encoder = settings.models.get("encoder", DEFAULT)
    classify = encoder in MINILM or encoder in RESCORED_BY
    for doc in batch:
        doc.frames = find_frames(doc, classify, RESCORED_BY.get(encoder))
    return batch


def find_frames(doc: Document, classify: bool = True, encoder: str | None = None,
                tagged: list[Frame] | None = None) -> list[Frame]:
    """The document's frames; the classifier reads `doc.vectors`, or with `encoder` the
    vectors it gives the sentences a pattern matches in. `tagged` stands for the shipped
    tagger's spans (scripts/train_frame_tagger.py scores the stage with a fold's model)."""
    model = classifier() if classify else None
    if encoder is None and (doc.vectors is None or len(doc.vectors) != len(doc.sentences)):
        model = None  # patterns and lexicons only
    matched = []
    for number, sentence in enumerate(doc.sentences):
        for technique, matches in scan(doc.language, doc.text[sentence.start:sentence.end]):
            matched += [(number, technique, sentence.start + m.start(), sentence.start + m.end())
                        for m in matches() if m.end() > m.start()]
    chance = _chances(doc, model, encoder, sorted({number for number, *_ in matched}))
    found: list[Frame] = []
    for number, technique, start, end in matched:
        p = chance.get(number, {}).get(technique, 1.0)
        if technique in LEXICAL or p >= PATTERN_GATE:
            found.append(Frame(number, start, end, technique, round(0.5 + 0.5 * p, 3),
                               "pattern"))
    found += (_name_calling(doc) + _repetition(doc)
              + (_tagged(doc) if tagged is None else tagged) + _scare_quotes(doc)
              + _reported_labels(doc) + _quoted_labels(doc))
    kept = _evaluative(doc, _dedupe(found))
    return _one_per_span(_dedupe([_whole_clause(doc, _whole_phrase(doc, f)) for f in kept]))


def _chances(doc: Document, model: Classifier | None, encoder: str | None,
             numbers: list[int]) -> dict[int, dict[str, float]]:
    """Per sentence in `numbers`, the classifier's probability of each technique."""
    if model is None or not numbers:
        return {}
    if encoder:
        probabilities = model.probabilities(encode(
            [doc.text[doc.sentences[n].start:doc.sentences[n].end] for n in numbers], encoder))
    else:  # every row, as the classifier always read them (the same floating-point sums)
        probabilities = model.probabilities(np.asarray(doc.vectors, np.float32))[numbers]
    return {number: dict(zip(model.techniques, row.tolist(), strict=True))
            for number, row in zip(numbers, probabilities, strict=True)}


def _reported_labels(doc: Document) -> list[Frame]:
    """Name calling someone is reported doing: the strongly negative noun a naming verb gives
    its object ("the Kremlin called the move a usurpation of power", "calificó lo ocurrido
    como un golpe", "tildó de traidores a los diputados"). A label, even in a news report."""
    lex = lexicon(doc.language)
    found = []
    for index, token in enumerate(doc.tokens):
        lemma = fold(token.lemma)
        if (token.pos == "NOUN" and min(lex.polarity.get(lemma, 0.0), lex.labels.get(lemma, 0.0))
                <= -REPORTED_VALENCE and _named_as(doc, index)):
            found.append(Frame(token.sentence, token.start, token.end, "Name_Calling,Labeling",
                               0.5, "lexicon"))
    return found


def _named_as(doc: Document, index: int) -> bool:
    """Whether token `index` is what a naming verb calls its object: "as"/"como"/"de" before
    it, or a second object after the first ("called the move a usurpation")."""
    token = doc.tokens[index]
    head = doc.tokens[token.head]
    if token.head < index and (
            (token.dep == "oprd" and fold(head.lemma) in NAMING_VERBS)  # "what they dubbed
            or fold(doc.text[head.start:head.end]) in NAMING_PARTICIPLES):  # a power grab"
        return True  # "el caso denominado «golpe»"
    marker = any(fold(doc.text[t.start:t.end]) in NAMING_MARKERS
                 for t in doc.tokens[max(0, index - 3):index] if t.head == index)
    if fold(head.lemma) in NAMING_VERBS and token.head < index:
        return marker or any(t.head == token.head and t.dep in ("dobj", "obj")
                             and t.pos in ("NOUN", "PROPN", "PRON")
                             for t in doc.tokens[token.head + 1:index])
    if fold(doc.text[head.start:head.end]) in NAMING_MARKERS:
        verb = doc.tokens[head.head]  # "described the vote as [a coup]"
        return fold(verb.lemma) in NAMING_VERBS and head.head < token.head
    return (head.dep in ("dobj", "obj") and head.head < token.head < index  # "called the
            and fold(doc.tokens[head.head].lemma) in NAMING_VERBS)  # move a usurpation"


def _quoted_labels(doc: Document) -> list[Frame]:
    """Name calling in quotation marks: a word or short phrase quoted as someone's name for
    people, whose noun the label lexicon scores negative ("se combatía un “enemigo interno”",
    "they are “traitors”"). A label, even in a news report, whoever gives it."""
    lex = lexicon(doc.language)
    starts = [t.start for t in doc.tokens]
    found = []
    for match in SCARE_QUOTE.finditer(doc.text):
        start, end = match.span(2)
        if len(match.group(2).split()) > QUOTED_LABEL_WORDS:
            continue
        for token in doc.tokens[bisect_left(starts, start):bisect_left(starts, end)]:
            if token.pos == "NOUN" and lex.labels.get(fold(token.lemma), 0.0) <= -QUOTED_LABEL:
                found.append(Frame(token.sentence, start, end, "Name_Calling,Labeling", 0.5,
                                   "lexicon"))
                break
    return found


def _scare_quotes(doc: Document) -> list[Frame]:
    """Doubt: in a piece its source declares opinion (the style score lets tabloid news
    through), a word or short phrase the writer puts in quotation marks without saying whose
    it is ("the “whistleblower”", "Real science is never “settled.”"). Not a quote a speech
    verb introduces or follows ("called it “a farce”", "“Enough,” he said"), nor a title
    ("“The Crown”"). Every short question of an opinion piece as Doubt was tried and dropped
    (session 14: right on 2 of 9 on the tuning half; most ask what the writer then answers).
    Tried and dropped (session 27): no scare quote in a sentence with a verb of saying (“as
    one CEO told me, easing the “pain””); it took 3 false ones of the tuning half, all on its
    odd part (nothing to check on the even one), but held-out technique F1 .217 -> .213."""
    if doc.metadata.get("kind") != "opinion" or not doc.sentences:
        return []
    sentence_starts = [s.start for s in doc.sentences]
    found = []
    for match in SCARE_QUOTE.finditer(doc.text):
        quoted = match.group(2).split()
        sentence = bisect_left(sentence_starts, match.start() + 1) - 1
        if (sentence < 0 or len(quoted) > SCARE_QUOTE_WORDS
                or any(c in match.group(2) for c in "?!") or _introduced(doc.text, match.start())
                or _introduced_after(doc.text[:doc.sentences[sentence].end], match.end())
                or (len(quoted) > 1 and all(w[:1].isupper() for w in quoted))
                or not any(c.isalpha() for c in match.group(2))):
            continue
        found.append(Frame(sentence, match.start(), match.end(), "Doubt", 0.5, "pattern"))
    return found


def _introduced_after(text: str, end: int) -> bool:
    """Whether a speech verb right after a quote says whose words they are ("“No,” he said")."""
    lead = text[end:end + 30].lower().split()[:3]
    return any(w.strip(",.:") in QUOTING for w in lead)


def _tagged(doc: Document) -> list[Frame]:
    """The learned tagger's name calling (English only: its encoder and
    training are English), in documents whose source declares them opinion (`kind`). In a
    news report the evaluative gate keeps marked spans alone, which the patterns find; and the
    style score alone lets tabloid news through (62 of 300 FNC-1 bodies score as opinion).
    """
    model = tagger() if reads(doc) else None
    if model is None:
        return []
    return tagged_frames(doc, model.spans(doc))


def tagged_frames(doc: Document, spans: list[tuple[int, int, int, str, float]]
                  ) -> list[Frame]:
    """The tagger's spans the stage keeps: name calling (TAGGER_TECHNIQUES) of at most
    TAGGER_WORDS words with a negative word in it, an adjective at the end taking in its noun.
    On the tuning half its other techniques, its long runs and its name calling without a
    negative word cost more precision than they added recall.
    """
    starts = [t.start for t in doc.tokens]
    found = []
    for sentence, start, end, technique, score in spans:
        if technique in TAGGER_TECHNIQUES and len(doc.text[start:end].split()) <= TAGGER_WORDS:
            end = _with_head_noun(doc, bisect_left(starts, end) - 1)
            if technique == "Name_Calling,Labeling" and not _pejorative(doc, start, end):
                continue
            found.append(Frame(sentence, start, end, technique, score, "model"))
    return found


def _pejorative(doc: Document, start: int, end: int) -> bool:
    """Whether a span holds a word the lexicons call negative: a name called is an insult
    ("the northern hegemon"), a bare "progressive government" or "legitimate" is not."""
    lex = lexicon(doc.language)
    starts = [t.start for t in doc.tokens]
    seq = words_between(doc, bisect_left(starts, start), bisect_left(starts, end))
    return any(min(table.get(word, 0.0) for table in (lex.polarity, lex.labels)
                   for word in (surface, lemma)) <= -PEJORATIVE for _, surface, lemma in seq)


def _with_head_noun(doc: Document, last: int) -> int:
    """The end of a span whose last token is `last`, taking in the noun an adjective there
    qualifies ("brutal" -> "brutal assassination"), as the gold's loaded phrases do."""
    token = doc.tokens[last]
    if token.pos == "ADJ" and last < token.head <= last + 2 and (
            doc.tokens[token.head].pos == "NOUN"):
        return doc.tokens[token.head].end
    return token.end


@lru_cache(maxsize=8)
def gate_words(language: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The descriptors and intensifiers of a language (see data/frame_patterns.yaml)."""
    raw = _pattern_data()
    return tuple(frozenset(fold(str(w)) for w in (raw.get(key) or {}).get(language) or ())
                 for key in ("descriptors", "intensifiers"))  # type: ignore[return-value]


@lru_cache(maxsize=8)
def hazard_words(language: str | None) -> frozenset[str]:
    """A language's natural hazards (see data/frame_patterns.yaml), folded."""
    return frozenset(fold(str(w)) for w in (_pattern_data().get("hazards") or {}).get(language)
                     or ())


def is_opinion(doc: Document) -> bool:
    """The document's kind when the source gives one, else its opinion score."""
    kind = str(doc.metadata.get("kind") or "")
    if kind in ("news", "opinion"):
        return kind == "opinion"
    return (doc.opinion_score or 0.0) >= OPINION_CUT


def _evaluative(doc: Document, found: list[Frame]) -> list[Frame]:
    """Keep the spans a careful reader calls framing, in this document's context.

    Descriptors inside a term ("regime change") never count; otherwise they count when
    marked (scare quotes, an intensifier or insult next to them) or, in the opinion writer's
    own voice, as a bare group epithet. Inside a quotation only
    labels count (reported name calling). Anything else counts in opinion, and in news only
    when marked. Tried on the tuning half and dropped (session 14): quoted loaded words too
    (one more span, false; FNC-1 .63 -> .85 spans per 1,000 words), and a news report's
    pattern labels in its own voice (four more, all false: "supuestos pandilleros").
    """
    descriptors, _ = gate_words(doc.language)
    opinion = is_opinion(doc)
    declared_opinion = doc.metadata.get("kind") == "opinion"  # the style score alone lets
    quotes = [m.span(1) for m in QUOTATION.finditer(doc.text)]  # tabloid news through
    starts = [t.start for t in doc.tokens]
    kept = []
    for frame in found:
        descriptor = (fold(doc.text[frame.start:frame.end]) in descriptors
                      or (_names_a_thing(doc, frame, starts)
                          and not (declared_opinion and _listed(doc, frame, starts)))
                      or _before_a_name(doc, frame) or _about_a_hazard(doc, frame, starts))
        marked = _marked(doc, frame, starts, descriptors, opinion) or (
            frame.technique == "Name_Calling,Labeling"
            and _named_as(doc, bisect_left(starts, frame.end) - 1))
        quoted = any(a <= frame.start and frame.end <= b for a, b in quotes)
        if (descriptor and _in_a_term(doc, frame, starts)) or (
                not opinion and _in_a_name(doc, frame)):
            keep = False
        elif descriptor:
            keep = marked or (opinion and not quoted and _bare_epithet(doc, frame, starts))
        elif quoted:  # someone else's words: their labels are reported framing, the rest not
            keep = marked or frame.technique == "Name_Calling,Labeling"
        else:
            keep = opinion or marked
        if keep:
            kept.append(frame)
    return kept


def _marked(doc: Document, frame: Frame, starts: list[int], descriptors: frozenset[str],
            opinion: bool) -> bool:
    """Scare quotes around the span, or an intensifier or insult right next to it. In a news
    report, quote marks in a sentence that reports someone's words ("saying they were
    “shocking and false”", "a guilty plea would “ruin his life,” he said") are the
    source's words given exactly, the reporter's convention, not the reporter's distance."""
    for match in SHORT_QUOTE.finditer(doc.text, max(0, frame.start - 60), frame.end + 60):
        a, b = match.span(1)
        if a <= frame.start and frame.end <= b and len(match.group(1).split()) <= SCARE_WORDS:
            return not (_introduced(doc.text, match.start())
                        or (not opinion and _reports_words(doc, frame.sentence)))
    _, intensifiers = gate_words(doc.language)
    lex = lexicon(doc.language)
    index = bisect_left(starts, frame.start)
    before = [i for i in (index - 1, index - 2) if 0 <= i < len(doc.tokens)
              and doc.tokens[i].sentence == frame.sentence]
    for i in before:
        token = doc.tokens[i]
        word = fold(doc.text[token.start:token.end])
        if word in intensifiers or (token.pos == "ADJ" and lex.polarity.get(word, 0.0) <= -2.0):
            return True
        if token.pos not in ("ADJ", "CCONJ", "PUNCT"):
            break  # only an adjective run ("racist, elitist and plutocratic") reaches back
    after = bisect_left(starts, frame.end)
    if after < len(doc.tokens) and doc.tokens[after].sentence == frame.sentence:
        token = doc.tokens[after]
        word = fold(doc.text[token.start:token.end])
        return word not in descriptors and _is_slur(doc.language, word)
    return False


def _reports_words(doc: Document, sentence: int) -> bool:
    """Whether a sentence has a verb of saying ("said", "accused", "noting", "dijo")."""
    return any(t.sentence == sentence and t.pos == "VERB"
               and fold(t.lemma) in REPORTING | CREDITING for t in doc.tokens)


def _in_a_name(doc: Document, frame: Frame) -> bool:
    """Whether the span is a word of a capitalised name or title mid-sentence ("Al Aqsa
    Martyrs Hospital", “What a Fool Believes”, los 'Diablos Rojos'): a news report names
    it, nobody is called anything."""
    sentence_start = doc.sentences[frame.sentence].start
    if not doc.text[frame.start].isupper() or frame.start == sentence_start:
        return False
    before = doc.text[sentence_start:frame.start].split()
    after = doc.text[frame.end:doc.sentences[frame.sentence].end].split()
    neighbours = [w.strip(QUOTE_MARKS) for w in before[-1:] if len(before) > 1] + [
        w.strip(QUOTE_MARKS).rstrip(".,;:!?”’\"»") for w in after[:1]]  # "… Believes.”"
    return any(w[:1].isupper() and w[-1:].isalpha() for w in neighbours)


def _about_a_hazard(doc: Document, frame: Frame, starts: list[int]) -> bool:
    """A loaded word about a natural hazard describes it ("a deadly hurricane season", "the
    dangerous, dirty air", "the catastrophic consequences of the climate crisis"): the noun it
    is or qualifies, that noun's compounds and modifiers, or the object of its preposition, is
    a hazard word. "The catastrophic effects of these unilateral measures" charges someone's
    doing, and an idiom is a figure ("pour fuel on the fire"), not a word about a fire."""
    last = bisect_left(starts, frame.end) - 1
    if (frame.technique != "Loaded_Language" or not 0 <= last < len(doc.tokens)
            or len(doc.text[frame.start:frame.end].split()) > 1):
        return False
    noun = last
    while doc.tokens[noun].dep == "conj" and doc.tokens[noun].pos == "ADJ" and (
            doc.tokens[noun].head != noun):  # "dirty" in "dangerous, dirty air"
        noun = doc.tokens[noun].head
    noun = doc.tokens[noun].head if doc.tokens[noun].dep == "amod" else noun
    if doc.tokens[noun].pos not in ("NOUN", "PROPN"):
        return False
    hazards = hazard_words(doc.language)
    for index in range(max(0, noun - HAZARD_REACH), min(len(doc.tokens), noun + HAZARD_REACH)):
        token = doc.tokens[index]
        if (fold(token.lemma) in hazards or fold(doc.text[token.start:token.end]) in hazards) \
                and _hangs_on(doc, index, noun):
            return True
    return False


def _hangs_on(doc: Document, index: int, noun: int) -> bool:
    """Whether token `index` is noun `noun` or lies in its phrase by noun-phrase links only
    (compound, modifier, preposition and its object: "the climate crisis" in "consequences of
    the climate crisis")."""
    for _ in range(HAZARD_LINKS + 1):
        if index == noun:
            return True
        token = doc.tokens[index]
        if token.dep not in NOUN_PHRASE_LINKS or token.head == index:
            return False
        index = token.head
    return False


def _is_slur(language: str | None, word: str) -> bool:
    """A Name_Calling pattern word that is no descriptor ("thugs", "lackeys", "vendepatrias")."""
    pattern = patterns(language).get("Name_Calling,Labeling")
    return bool(pattern and pattern.fullmatch(word))


def _bare_epithet(doc: Document, frame: Frame, starts: list[int]) -> bool:
    """A group label used as the noun of its phrase, "the elites", "la oligarquía": an epithet.
    Not a noun with its own argument after it: "the aggression of the United States" names
    an act."""
    index = bisect_left(starts, frame.start)
    end = bisect_left(starts, frame.end)
    if index == 0 or end >= len(doc.tokens) or frame.technique != "Name_Calling,Labeling":
        return False
    previous, following = doc.tokens[index - 1], doc.tokens[end]
    return (fold(doc.text[previous.start:previous.end]) in DETERMINERS
            and doc.tokens[end - 1].pos == "NOUN"
            and following.pos not in ("NOUN", "PROPN", "ADJ")
            and not (following.pos == "ADP" and following.head == end - 1))


def _in_a_term(doc: Document, frame: Frame, starts: list[int]) -> bool:
    """A descriptor that modifies the noun after it is part of a term ("regime change",
    "establishment candidate"): whatever marks it marks the term, not a label. Such a noun is
    singular; a plural one there is a misparse ("rabid leftists wreck every town"). Asked
    of every label and loaded word, not descriptors alone, it dropped two false spans of the
    tuning half and none right, but right ones of both held-out batches (session 13)."""
    last = bisect_left(starts, frame.end) - 1
    token = doc.tokens[last] if 0 <= last < len(doc.tokens) else None
    return (token is not None and token.pos in ("NOUN", "PROPN") and token.dep == "compound"
            and last < token.head and not token.tag.endswith("S"))


def _names_a_thing(doc: Document, frame: Frame, starts: list[int]) -> bool:
    """A one-word loaded span that is no adjective or adverb ("hoax", "atrocities", "lying")
    names what happened; only its modifiers or quote marks make it loaded. The stage asks
    this of every word, except in a declared opinion piece of the pattern list's nouns
    ("farce", "circus"): they are the opinion writer's own charge."""
    index = bisect_left(starts, frame.start)
    token = doc.tokens[index] if index < len(doc.tokens) else None
    return (frame.technique == "Loaded_Language" and token is not None
            and token.end >= frame.end and token.pos not in ("ADJ", "ADV")
            and token.dep != "amod")  # a participle qualifying a noun: "this stifling air"


def _listed(doc: Document, frame: Frame, starts: list[int]) -> bool:
    """Whether the span is a noun of the loaded-language pattern list ("farce", "circus").
    Its verbs ("destroyed", "exploiting", "slaughtered") mostly tell what happened, even in
    an opinion piece: on their own they were right on 5 of 10 tuning spans, about 2 of 8
    held-out ones."""
    pattern = patterns(doc.language).get("Loaded_Language")
    index = bisect_left(starts, frame.start)
    return bool(pattern and pattern.fullmatch(doc.text[frame.start:frame.end])
                and index < len(doc.tokens) and doc.tokens[index].pos != "VERB")


def _introduced(text: str, start: int) -> bool:
    """Whether a speech or naming verb right before a quote says whose word it is."""
    lead = text[max(0, start - 40):start].lower().split()[-3:]
    return any(w.strip(",:") in QUOTING for w in lead)


def _before_a_name(doc: Document, frame: Frame) -> bool:
    """Doubt right before a capitalised name ("the so-called Lima Group") names, not doubts."""
    following = doc.text[frame.end:frame.end + 2].strip()
    return (frame.technique == "Doubt" and following[:1].isupper()
            and frame.end < doc.sentences[frame.sentence].end)


def _whole_phrase(doc: Document, frame: Frame) -> Frame:
    """A loaded word's or label's span grown to the phrase it charges, as the gold's spans are
    phrases: the noun an adjective qualifies ("devastating" -> "a devastating effect",
    "nefasta" -> "una gestión nefasta"), the adjectives coordinated with it ("hasty and
    disproportionate punishments"), the adverbs grading it ("deeply depressing") and the
    determiner and modifiers of the noun ("the Peruvian oligarchy"); a label also takes in
    its "of" phrase ("the mouthpiece of the Communist party")."""
    edges = doc.text[frame.start - 1:frame.start] + doc.text[frame.end:frame.end + 1]
    if (frame.technique not in PHRASE_TECHNIQUES or not doc.text[frame.start].isalpha()
            or any(mark in edges for mark in QUOTE_MARKS)):
        return frame  # quotation marks hold what the writer marks
    starts = [t.start for t in doc.tokens]
    first, last = bisect_left(starts, frame.start), bisect_left(starts, frame.end) - 1
    if not 0 <= first <= last < len(doc.tokens):
        return frame
    grown = True
    while grown and last - first < PHRASE_TOKENS:
        first, last = _whole_words(doc, first, last)  # a modifier before "sex-trafficking"
        grown = False
        token = doc.tokens[_root(doc, first, last)]  # "ginned-up": the word, not "up"
        if token.dep == "conj" and token.pos == "ADJ" and token.head < last:
            token = doc.tokens[token.head]  # "hasty and [shameful]": what "hasty" qualifies
        head = doc.tokens[token.head]
        if (token.dep in ("amod", "advmod") and 0 < token.head - last <= PHRASE_REACH
                and head.sentence == token.sentence and head.pos in ("NOUN", "ADJ")
                and all(t.pos in PHRASE_INSIDE or t.dep in ("compound", "amod")
                        for t in doc.tokens[last + 1:token.head])):
            last, grown = token.head, True
        token = doc.tokens[first]  # an adjective after its noun: "una institución [agotada]"
        if (token.dep == "amod" and 0 < first - token.head <= PHRASE_REACH
                and doc.tokens[token.head].pos == "NOUN"
                and all(t.pos in PHRASE_INSIDE for t in doc.tokens[token.head + 1:first])):
            first, grown = token.head, True
        following = _adjectives_after(doc, last)  # "un golpe [cívico, político y policial]"
        if following > last:
            last, grown = following, True
        after = last + 2  # "[even shriller] and crazier": an adjective coordinated after
        if (after < len(doc.tokens) and doc.tokens[last].pos == "ADJ"
                and doc.tokens[last + 1].pos == "CCONJ" and doc.tokens[after].pos == "ADJ"
                and doc.tokens[after].dep == "conj" and doc.tokens[after].head == last):
            last, grown = after, True
        for index in range(first, last + 1):  # "flustered and [incoherent] denials"
            token = doc.tokens[index]
            if (token.dep == "conj" and token.pos == "ADJ" and 0 < first - token.head
                    <= PHRASE_REACH and doc.tokens[token.head].pos == "ADJ"):
                first, grown = token.head, True
                break
        before = doc.tokens[first - 1] if first > 0 else None
        if (before is not None and before.sentence == doc.tokens[first].sentence
                and first <= before.head <= last and before.dep in PHRASE_LEFT
                and fold(doc.text[before.start:before.end]) not in PHRASE_NOT
                and (before.dep != "advmod" or fold(doc.text[before.start:before.end])
                     not in gate_words(doc.language)[0])):
            first, grown = first - 1, True
    if frame.technique == "Name_Calling,Labeling":
        last = _with_of_phrase(doc, last)
    first, last = _whole_words(doc, first, last)
    return Frame(frame.sentence, doc.tokens[first].start, max(frame.end, doc.tokens[last].end),
                 frame.technique, frame.score, frame.method)


def _root(doc: Document, first: int, last: int) -> int:
    """The token of `first`..`last` whose head lies outside them (the first such): the word a
    phrase hangs by ("ginned" in "ginned-up"), `last` when the parse gives none."""
    return next((i for i in range(first, last + 1)
                 if not first <= doc.tokens[i].head <= last), last)


def _adjectives_after(doc: Document, last: int) -> int:
    """The last adjective right after noun `last` that qualifies it, with the adjectives
    coordinated with that one ("un golpe cívico, político y policial"), else `last`."""
    end, index = last, last + 1
    qualifiers = {last}
    while index < len(doc.tokens) and doc.tokens[index].sentence == doc.tokens[last].sentence:
        token = doc.tokens[index]
        if token.pos == "ADJ" and (token.dep == "amod" and token.head == last
                                   or token.dep == "conj" and token.head in qualifiers):
            qualifiers.add(index)
            end = index
        elif not (token.pos == "CCONJ" or doc.text[token.start:token.end] == ","):
            break
        index += 1
    return end if doc.tokens[last].pos == "NOUN" else last


def _whole_clause(doc: Document, frame: Frame) -> Frame:
    """A clause-level technique's cue grown to the end of what it says (CLAUSE_TECHNIQUES):
    the span keeps its start and runs on over the rest of the subtree of the verb the cue
    hangs on, or of the noun phrase an exaggeration is, up to a coordinated clause. Quote
    marks hold what they hold, and a cue on a noun (“so-called reforms”) is a phrase."""
    if (frame.technique not in CLAUSE_TECHNIQUES or not doc.text[frame.start].isalpha()
            or doc.text[frame.end - 1] in QUOTE_MARKS):
        return frame
    starts = [t.start for t in doc.tokens]
    first, last = bisect_left(starts, frame.start), bisect_left(starts, frame.end) - 1
    if not 0 <= first <= last < len(doc.tokens):
        return frame
    top = _claim_head(doc, frame.technique, first, last)
    if top is None:
        return frame
    end = index = last
    while (index := index + 1) < len(doc.tokens):
        below = _below(doc, index, top)
        if below is None or (below != top and (doc.tokens[below].dep in CLAUSE_BREAKS
                                               or _purpose(doc, below, top))):
            break
        if index - last > CLAUSE_TOKENS:
            return frame  # a long clause: the cue alone says less, but says it right
        end = index
    while end > last and doc.tokens[end].pos == "PUNCT":
        end -= 1
    return Frame(frame.sentence, frame.start, max(frame.end, doc.tokens[end].end),
                 frame.technique, frame.score, frame.method)


def _purpose(doc: Document, child: int, noun: int) -> bool:
    """Whether `child` is an infinitive of purpose on a noun ("the only credible plan [to
    tackle ...]"): what the thing is for, not the class a superlative ranks it in, which a
    participle or relative clause gives ("the most ambitious plan ever presented by ...")."""
    before = doc.tokens[child - 1] if child > 0 else None
    return (doc.tokens[noun].pos == "NOUN" and doc.tokens[child].pos == "VERB"
            and before is not None and fold(doc.text[before.start:before.end]) in ("to", "para"))


def _claim_head(doc: Document, technique: str, first: int, last: int) -> int | None:
    """The word whose subtree holds the claim a clause-level cue (tokens `first`..`last`)
    introduces: the object of a cue ending in a preposition ("por culpa de [los bancos]"),
    the verb a function-word cue hangs on ("simply because", "[allegedly] stole"), an
    exaggerating noun phrase's noun, or None when the cue is a phrase of its own
    ("supposedly popular reforms", "los supuestos expertos")."""
    end = doc.tokens[last]
    if end.pos in ("ADP", "SCONJ") and end.head > last:
        return end.head
    top = _root(doc, first, last)
    token = doc.tokens[top]
    if technique == "Exaggeration,Minimisation" and token.pos == "NOUN":
        return top
    if token.pos not in CLAUSE_WORDS and token.dep in CLAUSE_FUNCTION:
        top = token.head
    if doc.tokens[top].pos in ("VERB", "AUX") and doc.tokens[top].sentence == end.sentence:
        return top
    return None


def _below(doc: Document, index: int, top: int) -> int | None:
    """The child of `top` whose subtree holds token `index` (`index` itself when a child, or
    `top` when `index` is `top`), or None when `index` is not under `top`."""
    child = index
    for _ in range(CLAUSE_TOKENS + 8):
        if child == top:
            return top
        head = doc.tokens[child].head
        if head == top:
            return child
        if head == child:
            return None
        child = head
    return None


def _whole_words(doc: Document, first: int, last: int) -> tuple[int, int]:
    """Tokens `first` to `last` widened to whole written words ("right-wing", "deep-state")."""
    while first > 0 and glued(doc, first - 1):
        first -= 1
    while last + 1 < len(doc.tokens) and glued(doc, last):
        last += 1
    return first, last


def _with_of_phrase(doc: Document, last: int) -> int:
    """The last token of a label's "of"/"de" phrase right after it, if it has one within
    PHRASE_TOKENS tokens ("lacayo de nadie"), else `last`."""
    after = last + 1
    if (after >= len(doc.tokens)
            or fold(doc.text[doc.tokens[after].start:doc.tokens[after].end]) not in ("of", "de")):
        return last
    top = after if doc.tokens[after].head == last else doc.tokens[after].head  # UD: "de" hangs
    if not (top == after or (top > after and doc.tokens[top].head == last)):  # on its noun
        return last
    end = after
    for index in range(after + 1, min(len(doc.tokens), after + 1 + PHRASE_TOKENS)):
        if not _under(doc, index, top):
            break
        end = index
    return end if end > after and doc.tokens[end].pos in ("NOUN", "PROPN", "PRON") else last


def _under(doc: Document, index: int, top: int) -> bool:
    """Whether token `index` lies in the subtree of token `top` (within its sentence)."""
    for _ in range(PHRASE_TOKENS + 2):
        if index == top:
            return True
        if doc.tokens[index].head == index:
            return False
        index = doc.tokens[index].head
    return False


def _one_per_span(found: list[Frame]) -> list[Frame]:
    """Name calling wins over loaded language on the very same words (one reading per span),
    doubt over the loaded words it doubts ("supposedly reckless policy"), and a phrase over
    a span of its technique inside it ("hired thugs" in "these spineless hired thugs")."""
    labels = {(f.start, f.end) for f in found if f.technique == "Name_Calling,Labeling"}
    doubts = [(f.start, f.end) for f in found if f.technique == "Doubt"]
    return [f for f in found
            if not (f.technique == "Loaded_Language" and ((f.start, f.end) in labels or any(
                a <= f.start and f.end <= b for a, b in doubts)))
            and not any(g.technique == f.technique and g.start <= f.start and f.end <= g.end
                        and (g.start, g.end) != (f.start, f.end) for g in found)]


def _name_calling(doc: Document) -> list[Frame]:
    """Strong negative labels right next to a named actor ("the usurper Boluarte"). An actor
    mentioned by a common noun is described, not called names ("a repressive government")."""
    lex = lexicon(doc.language)
    starts = [t.start for t in doc.tokens]
    found = []
    for mention in doc.mentions:
        first = bisect_left(starts, mention.start)
        last = bisect_left(starts, mention.end)
        if not mention.actor_id or all(t.pos != "PROPN" for t in doc.tokens[first:last]):
            continue
        window = range(max(0, first - LABEL_REACH), min(len(doc.tokens), last + LABEL_REACH))
        seq = [w for w in words_between(doc, window.start, window.stop)
               if doc.tokens[w[0]].sentence == mention.sentence]
        for hit in find(seq, lex.labels, lex.longest):
            if (lex.labels[hit.term] <= -LABEL_VALENCE and not first <= hit.first < last
                    and _attached(doc, range(hit.first, hit.last + 1), range(first, last))):
                start, end = doc.tokens[hit.first].start, doc.tokens[hit.last].end
                found.append(Frame(mention.sentence, start, end, "Name_Calling,Labeling",
                                   round(min(1.0, abs(lex.labels[hit.term]) / 3), 3),
                                   "lexicon"))
    return found


def _attached(doc: Document, label: range, mention: range) -> bool:
    """Whether a label word says something of the mention: it modifies the name ("the
    usurper Boluarte", "the People's Daily, the mouthpiece"), the name is in apposition to it,
    or one verb takes both ("llamó corrupto a Lula"). A word the name modifies names what the
    actor does or has ("Washington's aggression", "US imperialism", "Obama lied"; none such on
    the tuning half, 6 wrong of 8 held-out), a noun that takes the name as its argument an act
    ("the aggression of the United States", "the blockade against Venezuela"), and an
    adjective of another noun describes that noun ("the most unpopular American president")."""
    heads = {doc.tokens[i].head for i in label}
    if heads & set(mention) or any(doc.tokens[i].head in label and doc.tokens[i].dep == "appos"
                                   for i in mention):
        return True
    shared = heads & {doc.tokens[i].head for i in mention}
    return any(doc.tokens[h].pos in ("VERB", "AUX") for h in shared)


def _repetition(doc: Document) -> list[Frame]:
    """Evaluative phrases of a few content words that the document repeats (slogans hammered
    home); a repeated topic phrase ("Latin American integration") is no technique."""
    lex = lexicon(doc.language)
    seen: dict[str, list[tuple[int, int, int]]] = {}
    seq = document_words(doc)
    content = [w for w in seq if doc.tokens[w[0]].pos in ("NOUN", "PROPN", "ADJ", "VERB")]
    for i in range(len(content) - REPEAT_WORDS + 1):
        window = content[i:i + REPEAT_WORDS]
        if window[-1][0] - window[0][0] > 2 * REPEAT_WORDS or all(
                doc.tokens[w[0]].pos in ("PROPN", "NOUN") for w in window):
            continue  # names and titles ("President Donald Trump") recur in any report
        if not any(abs(lex.polarity.get(w[2], 0.0)) >= 1.0 for w in window):
            continue
        key = " ".join(w[2] for w in window)
        first, last = doc.tokens[window[0][0]], doc.tokens[window[-1][0]]
        seen.setdefault(key, []).append((first.sentence, first.start, last.end))
    found = []
    for places in seen.values():
        # a passage the page prints twice (a pull quote, a repeated paragraph) goes on with the
        # same words each time; a phrase hammered home goes on differently
        contexts = {fold(doc.text[end:end + REPEAT_CONTEXT]) for _, _, end in places}
        if len(contexts) >= REPEATS:
            found += [Frame(s, a, b, "Repetition", 0.5, "pattern") for s, a, b in places]
    return found


def _dedupe(found: list[Frame]) -> list[Frame]:
    """One frame per (technique, span), the best-scored; in text order."""
    best: dict[tuple[str, int, int], Frame] = {}
    for frame in found:
        key = (frame.technique, frame.start, frame.end)
        if key not in best or frame.score > best[key].score:
            best[key] = frame
    return sorted(best.values(), key=lambda f: (f.start, f.end, f.technique))
