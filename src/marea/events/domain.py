"""Document domain: politics, sports, business or entertainment, and the events it allows.

A football match report is full of verbs the event lexicon knows ("praised", "travel to",
"told"), and its players carry names of politicians ("Morales", "Washington"). Events are
political by definition, so a document that is not about politics yields none.

The score counts cue lemmas of each domain (`data/domains.yaml`, English and Spanish) over
the document's tokens, plus one political cue per mention of an actor in a political role
(government, legislature, judiciary, military, opposition, party...: the sector of the
mention's CAMEO role). `domain_score` is the political share of all cues, political plus
those of the strongest other domain: 1 is politics only, 0 none at all. A document of at
least MIN_WORDS tokens whose strongest other domain has at least MIN_CUES cues and whose score
is below POLITICAL_SHARE is that domain (`domain` = sports, business or entertainment) and its
events are dropped; every other document is `politics` and keeps them. A document with no
cues at all (a short note, another language) keeps its events with a score of None.
`benchmarks/domain.py` measures the rule on labelled news (tuning and held-out halves).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

from marea.actors.kb import YAML_LOADER
from marea.model import Document
from marea.settings import Settings

# Chosen on the tuning half of benchmarks/domain.py (even record numbers of shippable labelled
# documents: trafilatura-eval pages, article-extraction-benchmark articles, UniversalPetrarch
# Spanish sentences grouped) as the grid point dropping the most sports, business and
# entertainment documents while dropping no political one there. CoNLL news is evaluation only.
MIN_CUES = 4
POLITICAL_SHARE = 0.20
# A text shorter than this (a sentence or two, a one-line event) is too little to judge.
MIN_WORDS = 40
MIN_SENTENCES = 3
# Sectors of CAMEO roles that make a mention a political cue.
POLITICAL_SECTORS = {"GOV", "LEG", "JUD", "MIL", "OPP", "PTY", "ELI", "COP", "SPY", "REB",
                     "INS", "IGO", "HLH"}
DOMAINS = ("politics", "sports", "business", "entertainment")


def domain(batch: list[Document], settings: Settings) -> list[Document]:
    """Score each document's domain; drop the events of a document that is not political
    (needs tokens, mentions with roles, events)."""
    for doc in batch:
        doc.domain, doc.domain_score = score(doc)
        if doc.domain != "politics":
            doc.events = []
    return batch


def score(doc: Document) -> tuple[str, float | None]:
    """Return (domain, political share of the cues) of a document."""
    return classify(cue_counts(doc), judged_length(doc))


def judged_length(doc: Document) -> int:
    """The document's length in tokens, 0 for a text of fewer than MIN_SENTENCES sentences
    (a headline with a sentence is never judged, however long the sentence)."""
    return len(doc.tokens) if len(doc.sentences) >= MIN_SENTENCES else 0


def classify(hits: dict[str, int], words: int, min_cues: int = MIN_CUES,
             share: float = POLITICAL_SHARE) -> tuple[str, float | None]:
    """Return (domain, political share) from cue counts and the document's length in tokens."""
    other = max(DOMAINS[1:], key=lambda d: (hits[d], -DOMAINS.index(d)))
    total = hits["politics"] + hits[other]
    if not total:
        return "politics", None
    political = round(hits["politics"] / total, 3)
    if words >= MIN_WORDS and hits[other] >= min_cues and political < share:
        return other, political
    return "politics", political


def cue_counts(doc: Document) -> dict[str, int]:
    """How many cues of each domain the document has (lemma runs and political roles)."""
    domains_of, widths = _cue_index(doc.language or "en")
    lemmas = [t.lemma.lower() for t in doc.tokens]
    hits = dict.fromkeys(DOMAINS, 0)
    for start in range(len(lemmas)):
        for width in widths:
            if start + width > len(lemmas):
                break
            for name in domains_of.get(tuple(lemmas[start:start + width]), ()):
                hits[name] += 1
    hits["politics"] += sum(1 for m in doc.mentions
                            if m.role and len(m.role) >= 6 and m.role[3:6] in POLITICAL_SECTORS)
    return hits


@lru_cache(maxsize=4)
def _cue_index(language: str) -> tuple[dict[tuple[str, ...], list[str]], list[int]]:
    """The domains of each cue lemma run of a language, and the run lengths, shortest first
    (one dictionary look-up per run and length instead of one per domain)."""
    domains_of: dict[tuple[str, ...], list[str]] = {}
    for name, runs in _cues(language).items():
        for run in runs:
            domains_of.setdefault(run, []).append(name)
    return domains_of, sorted({len(run) for run in domains_of})


@lru_cache(maxsize=4)
def _cues(language: str) -> dict[str, set[tuple[str, ...]]]:
    """The cue lemma runs of each domain in a language (English for one without a list)."""
    path = resources.files("marea").joinpath("events", "data", "domains.yaml")
    data = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER)
    found = {}
    for name in DOMAINS:
        words = data[name].get(language) or data[name]["en"]
        found[name] = {tuple(str(w).lower().split()) for w in words}
    return found
