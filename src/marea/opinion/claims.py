"""Check-worthy claims: sentences stating figures, polls, rankings, comparisons, superlatives.

A claim's score adds the weights of the kinds it shows; its claimant is the source it is
attributed to ("according to X", "a recent Zogby poll", the subject of "said"/"showed"),
linked to an actor when a mention covers it. Years and days of the month are not figures.
"""

from __future__ import annotations

import re

from marea.events.tree import DependencyTree
from marea.model import Claim, Document
from marea.opinion.lexicon import sentence_words
from marea.settings import Settings

KIND_WEIGHTS = {"figure": 0.45, "poll": 0.35, "ranking": 0.35, "superlative": 0.3,
                "comparison": 0.2}
MIN_SCORE = 0.4
MIN_WORDS = 6
FIGURE = re.compile(r"\d[\d.,]*\s?(?:%|percent|per cent|por ciento|million|billion|millones|"
                    r"mil millones|bn|m\b)|[$€£]\s?\d|\d[\d.,]*\s?(?:dollars|dólares|euros|"
                    r"people|personas|deaths|muertes|muertos|votes|votos)|\b\d{1,3}(?:[.,]\d{3})+\b",
                    re.IGNORECASE)
YEAR_OR_DAY = re.compile(r"^(?:1[89]\d\d|20\d\d|[0-3]?\d(?:st|nd|rd|th)?)$")
POLL_LEMMAS = frozenset({"poll", "survey", "study", "census", "statistic", "data", "report",
                         "index", "estimate", "encuesta", "sondeo", "estudio", "censo",
                         "estadística", "dato", "informe", "índice", "estimación"})
RANKING = re.compile(r"\b(?:rank(?:ed|s|ing)?|first|second|third|last|top \d+|number one|"
                     r"primer[oa]?|segund[oa]|últim[oa]|puesto|lugar|clasificaci[oó]n)\b",
                     re.IGNORECASE)
SUPERLATIVE = re.compile(r"\b(?:the (?:\w+est|most \w+|worst|best|largest|highest|lowest)|"
                         r"(?:el|la|los|las) (?:más|menos) \w+|(?:el|la) (?:peor|mejor|mayor|menor)"
                         r")\b.{0,60}?\b(?:in the world|in history|ever|on record|in the region|"
                         r"del mundo|de la historia|de la región|jamás|nunca)\b", re.IGNORECASE)
COMPARISON = re.compile(r"\b(?:more|less|fewer|higher|lower|larger|smaller|than|twice|half|"
                        r"doubled|tripled|más|menos|mayor|menor|que el|duplic\w+|triplic\w+)\b",
                        re.IGNORECASE)
ACCORDING = re.compile(r"\b(?:according to|según|de acuerdo con)\s+((?:[\w'’.-]+\s?){1,6})",
                       re.IGNORECASE)
ASSERT_LEMMAS = frozenset({"say", "show", "find", "estimate", "report", "claim", "reveal",
                           "indicate", "state", "decir", "mostrar", "revelar", "indicar",
                           "estimar", "afirmar", "asegurar", "señalar", "informar"})


def claims(batch: list[Document], settings: Settings) -> list[Document]:
    """Stage: fill `claims` with the check-worthy sentences of each document."""
    for doc in batch:
        doc.claims = find_claims(doc)
    return batch


def find_claims(doc: Document) -> list[Claim]:
    tree = DependencyTree(doc, {})
    found = []
    for number, first, end, seq in sentence_words(doc):
        sentence = doc.sentences[number]
        text = doc.text[sentence.start:sentence.end]
        if len(seq) >= MIN_WORDS:
            kinds = _kinds(text, seq)
            score = sum(KIND_WEIGHTS[k] for k in kinds)
            if score >= MIN_SCORE:
                claimant, claimant_id = _claimant(doc, tree, text, sentence.start, first, end)
                found.append(Claim(number, sentence.start, sentence.end, ",".join(kinds),
                                   round(min(score, 1.0), 3), claimant, claimant_id))
    return found


def _kinds(text: str, seq: list[tuple[int, str, str]]) -> list[str]:
    kinds = []
    numbers = [w for w in seq if any(map(str.isdigit, w[1])) and not YEAR_OR_DAY.match(w[1])]
    if FIGURE.search(text) or len(numbers) >= 2:
        kinds.append("figure")
    if any(w[2] in POLL_LEMMAS for w in seq):
        kinds.append("poll")
    if RANKING.search(text) and (numbers or SUPERLATIVE.search(text)):
        kinds.append("ranking")
    if SUPERLATIVE.search(text):
        kinds.append("superlative")
    if COMPARISON.search(text) and numbers:
        kinds.append("comparison")
    return kinds


def _claimant(doc: Document, tree: DependencyTree, text: str, offset: int, first: int,
              end: int) -> tuple[str | None, str | None]:
    """Return who the sentence attributes the statement to, and that actor's id if linked."""
    span: tuple[int, int] | None = None
    according = ACCORDING.search(text)
    if according:
        span = (offset + according.start(1), offset + according.end(1))
    else:
        for index in range(first, end):
            token = doc.tokens[index]
            lemma = token.lemma.lower()
            if lemma in POLL_LEMMAS and token.pos == "NOUN":
                phrase = tree.subtree(index)
                phrase = [t for t in phrase if t <= index or doc.tokens[t].dep in ("nmod", "prep")]
                span = (doc.tokens[phrase[0]].start, doc.tokens[phrase[-1]].end)
                break
            if lemma in ASSERT_LEMMAS and token.pos == "VERB":
                subjects = tree.kids(index, {"nsubj"})
                if subjects:
                    phrase = tree.subtree(subjects[0])
                    span = (doc.tokens[phrase[0]].start, doc.tokens[phrase[-1]].end)
                    break
    if span is None:
        return None, None
    claimant = doc.text[span[0]:span[1]].strip(" ,.;:")
    for mention in doc.mentions:
        if mention.actor_id and span[0] <= mention.start < span[1]:
            return claimant, mention.actor_id
    return claimant, None
