"""Targeted stance: how a document leans toward each actor it mentions, with the evidence.

Cues, strongest first (weights in WEIGHTS):
- label: evaluative words attached to the mention ("far-right Bolsonaro", "the legitimate
  President Castillo", "X is a dictator"): the word's valence.
- attribute: a valenced noun the actor owns ("Washington's aggression", "US imperialism").
- predicate: the verb the actor is subject or object of, by class (harm, benefit, triumph,
  praise, blame, succeed, fail). "Castillo overcame anti-democratic shenanigans" is triumph
  over a negative object: favourable to Castillo. Negated verbs count half, reversed.
- event: coded events with the actor as source (its Goldstein value) or as the target of
  conflict (sympathy), unless a predicate cue already read the same verb.
- context: the polarity of a sentence that mentions the actor but gives no other cue (weak).
Cues inside quotation marks are somebody else's words and count half; in a news report every
cue counts less (REPORT_VOICE). The document score is tanh(sum / max(1, sqrt(mentions) / 2)):
one strong cue decides a passing mention, an actor named often needs several.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass

from marea.events.extract import QUOTES, DependencyTree
from marea.model import Document, Mention, Stance, StanceCue
from marea.opinion.lexicon import NEGATORS, Lexicon, find, lexicon, sentence_words
from marea.settings import Settings

WEIGHTS = {"label": 1.0, "attribute": 0.8, "predicate": 1.0, "event": 0.6, "context": 0.25,
           "quoted": 0.5}
THRESHOLD = 0.2  # |score| below this is neutral
OWNER_SCALE = 0.7  # weight of a predicate reached through a noun the actor owns
STRONG = 1.5  # |valence| from which a general polarity word judges what it is attached to
# A news report's verbs and events describe; an opinion piece's judge. Cues count in full in
# a document scored as pure opinion and this much in a pure news report.
REPORT_VOICE = 0.4
MODIFIERS = {"amod", "compound", "flat", "flat:name", "nn", "advmod"}
ATTACHED = MODIFIERS | {"appos", "nmod", "acl"}
HEADED_BY = {"appos"}  # "the far-right president, X"; not "Bolivia coup" (a compound)
SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "obj", "iobj", "nsubjpass", "nsubj:pass"}
AGENT_PREPS = {"by", "por"}
TARGET_PREPS = {"against", "on", "upon", "contra", "sobre"}
# predicate class -> (weight for the subject, weight for the object)
CLASS_WEIGHTS = {"harm": (-1.0, 0.5), "benefit": (0.6, 0.0), "triumph": (0.0, -0.6),
                 "praise": (0.0, 0.5), "blame": (0.0, -0.5), "succeed": (0.4, 0.0),
                 "fail": (-0.6, 0.0)}


def stance(batch: list[Document], settings: Settings) -> list[Document]:
    """Stage: fill `stances` from mentions, the parse, the events and the tone."""
    for doc in batch:
        doc.stances = document_stances(doc)
    return batch


@dataclass
class _Sentence:
    seq: list[tuple[int, str, str]]
    valence: dict[int, tuple[float, str, int, int]]  # token -> (valence, term, first, last)
    tone: float


def document_stances(doc: Document) -> list[Stance]:
    """Return one Stance per actor mentioned, strongest evidence first."""
    if not doc.tokens:
        return []
    lex = lexicon(doc.language)
    tree = DependencyTree(doc, {})
    sentences = _sentences(doc, lex)
    quotes = [(m.start(), m.end()) for m in QUOTES.finditer(doc.text)]
    cues: dict[str, list[StanceCue]] = defaultdict(list)
    mentions: dict[str, int] = defaultdict(int)
    read_verbs: set[tuple[str, int]] = set()
    for mention in doc.mentions:
        if not mention.actor_id:
            continue
        mentions[mention.actor_id] += 1
        head = _head(tree, mention)
        if head is None:
            continue
        quoted = any(a <= mention.start < b for a, b in quotes)
        found = _label_cues(doc, tree, head, mention, sentences, lex)
        found += _owned_cues(doc, tree, head, sentences, lex)
        found += _predicate_cues(doc, tree, head, sentences, lex, read_verbs, mention.actor_id)
        if quoted:
            for cue in found:
                cue.weight *= WEIGHTS["quoted"]
                cue.kind = f"quoted {cue.kind}"
        cues[mention.actor_id].extend(found)
    for actor_id, found in _event_cues(doc, read_verbs).items():
        cues[actor_id].extend(found)
    _context_cues(doc, sentences, cues)
    voice = REPORT_VOICE + (1 - REPORT_VOICE) * (doc.opinion_score or 0.0)
    result = []
    for actor_id, count in mentions.items():
        found = sorted(cues[actor_id], key=lambda c: -abs(c.weight))
        total = voice * sum(c.weight for c in found)
        score = math.tanh(total / max(1.0, math.sqrt(count) / 2))
        label = "favor" if score >= THRESHOLD else "against" if score <= -THRESHOLD else "neutral"
        result.append(Stance(actor_id, label, round(score, 4), count, found))
    return sorted(result, key=lambda s: (-s.mentions, s.actor_id))


def _sentences(doc: Document, lex: Lexicon) -> list[_Sentence]:
    """Per sentence: its words, the valenced terms on each token, and its tone."""
    found = []
    for _, _, _, seq in sentence_words(doc):
        valence: dict[int, tuple[float, str, int, int]] = {}
        for table in (lex.polarity, lex.labels):  # labels win where both know a term
            for hit in find(seq, table, lex.longest):
                for index in range(hit.first, hit.last + 1):
                    valence[index] = (table[hit.term], hit.term, hit.first, hit.last)
        spans = {(first_, last): value for value, _, first_, last in valence.values()}
        found.append(_Sentence(seq, valence, sum(spans.values()) / max(len(seq), 1)))
    return found


def _head(tree: DependencyTree, mention: Mention) -> int | None:
    """Return the token of a mention whose syntactic head lies outside it."""
    first, last = tree.first_at(mention.start), tree.first_at(mention.end)
    for index in range(first, last):
        head = tree.doc.tokens[index].head
        if head == index or not first <= head < last:
            return index
    return None


def _cue(doc: Document, sentence: int, first: int, last: int, kind: str, weight: float
         ) -> StanceCue:
    start, end = doc.tokens[first].start, doc.tokens[last].end
    return StanceCue(sentence, start, end, kind, doc.text[start:end], round(weight, 4))


def _label_cues(doc: Document, tree: DependencyTree, head: int, mention: Mention,
                sentences: list[_Sentence], lex: Lexicon) -> list[StanceCue]:
    """Valenced words attached to the mention: modifiers, appositions, copular predicates."""
    nouns = {head}
    token = doc.tokens[head]
    if token.dep in HEADED_BY and token.head != head:
        nouns.add(token.head)
    if token.dep in SUBJECT_DEPS and token.head != head:
        predicate = token.head
        if tree.kids(predicate, {"cop"}):  # Spanish/UD: "Boluarte es una usurpadora"
            nouns.add(predicate)
        nouns.update(tree.kids(predicate, {"attr", "acomp"}))  # English: "X is a dictator"
    for prep in tree.children[head]:  # "allegiance to Castillo as the legitimate President"
        if doc.tokens[prep].dep in ("prep", "case") and tree.lemma(prep) in ("as", "como"):
            nouns.update(tree.kids(prep, {"pobj"}))
    attached: set[int] = set()
    for noun in list(nouns):
        attached.add(noun)
        for child in tree.kids(noun, ATTACHED):
            if doc.tokens[child].dep in MODIFIERS:
                attached.update(tree.subtree(child))
            else:  # an apposition or nested noun: itself and its own modifiers, no deeper
                attached.add(child)
                for grandchild in tree.kids(child, MODIFIERS):
                    attached.update(tree.subtree(grandchild))
    own = set(range(tree.first_at(mention.start), tree.first_at(mention.end)))
    sentence = sentences[mention.sentence]
    seen: set[tuple[int, int]] = set()
    found = []
    for index in sorted(attached - own):
        if index not in sentence.valence:
            continue
        value, term, first, last = sentence.valence[index]
        if (first, last) in seen or (term not in lex.labels and doc.tokens[index].pos != "ADJ"):
            continue
        seen.add((first, last))
        found.append(_cue(doc, mention.sentence, first, last, "label",
                          WEIGHTS["label"] * value / 3.0))
    return found


def _owner(doc: Document, tree: DependencyTree, head: int) -> int | None:
    """The noun a mention is the owner of: "Washington's X", "X of the US", "US X", "X de EEUU"."""
    token = doc.tokens[head]
    parent = token.head
    noun = None
    if token.dep in ("poss", "nmod:poss", "compound") and parent != head:
        noun = parent
    elif token.dep == "pobj" and tree.lemma(parent) in ("of", "de"):
        noun = doc.tokens[parent].head
    elif token.dep == "nmod" and "de" in {tree.lemma(c) for c in tree.kids(head, {"case"})}:
        noun = parent
    return noun if noun is not None and doc.tokens[noun].pos == "NOUN" else None


def _owned_cues(doc: Document, tree: DependencyTree, head: int, sentences: list[_Sentence],
                lex: Lexicon) -> list[StanceCue]:
    """A valenced noun the actor owns: "Washington's aggression", "the aggression of the
    United States", "US imperialism" (a compound only with a label-lexicon noun)."""
    noun = _owner(doc, tree, head)
    if noun is None:
        return []
    token = doc.tokens[head]
    sentence = sentences[token.sentence]
    if noun not in sentence.valence:
        return []
    value, term, first, last = sentence.valence[noun]
    if term not in lex.labels and (token.dep == "compound" or abs(value) < STRONG):
        return []  # "Bolivia coup" places a coup, "Bush's approval rating" is a figure
    return [_cue(doc, token.sentence, first, last, "attribute",
                 WEIGHTS["attribute"] * value / 3.0)]


def _predicate_cues(doc: Document, tree: DependencyTree, head: int,
                    sentences: list[_Sentence], lex: Lexicon,
                    read_verbs: set[tuple[str, int]], actor_id: str) -> list[StanceCue]:
    """The verb the actor is subject or object of, weighted by its class.

    When the actor only owns the verb's argument ("rejected U.S. attempts", "campaigned
    against Washington's policies") the owning noun takes its place, at OWNER_SCALE.
    """
    scale = 1.0
    role, verb = _role(doc, tree, head)
    owner = _owner(doc, tree, head)
    if verb is None and owner is not None:
        scale = OWNER_SCALE
        role, verb = _role(doc, tree, owner)
    if verb is None:
        return []
    lemma = tree.lemma(verb)
    cls = lex.verbs.get(lemma)
    if cls is None:  # "tried to destroy": the open complement carries the meaning
        for child in tree.kids(verb, {"xcomp"}):
            if tree.lemma(child) in lex.verbs:
                verb, lemma, cls = child, tree.lemma(child), lex.verbs[tree.lemma(child)]
                break
    sentence = sentences[doc.tokens[verb].sentence]
    if cls is not None:
        subject_weight, object_weight = CLASS_WEIGHTS[cls]
        weight = subject_weight if role == "subject" else object_weight
        if cls == "triumph" and role == "subject":
            value = _object_valence(tree, verb, sentence)
            if value:
                weight = -value / 3.0
        elif cls == "harm" and role == "subject" and _object_valence(tree, verb, sentence) > 0:
            weight = 0.0  # "impose a sovereign position" harms nobody
        elif cls == "benefit" and role == "subject" and _object_valence(tree, verb, sentence) < 0:
            weight = _object_valence(tree, verb, sentence) / 3.0  # "promotes austerity"
    elif (verb in sentence.valence and doc.tokens[verb].pos == "VERB" and role == "subject"
          and abs(sentence.valence[verb][0]) >= STRONG):
        weight = 0.7 * sentence.valence[verb][0] / 3.0  # "X lied", "X thrived"
    else:
        return []
    if not weight:
        return []
    if any(tree.lemma(c) in NEGATORS for c in tree.kids(verb, {"neg", "advmod"})):
        weight *= -0.5
    read_verbs.add((actor_id, verb))
    return [_cue(doc, doc.tokens[verb].sentence, verb, verb, f"predicate:{role}",
                 WEIGHTS["predicate"] * weight * scale)]


def _object_valence(tree: DependencyTree, verb: int, sentence: _Sentence) -> float:
    """The strongest valence among the words of a verb's objects (0 when none is valenced)."""
    objects = [t for o in tree.kids(verb, {"dobj", "obj", "obl", "prep"}) for t in tree.subtree(o)]
    values = [sentence.valence[t][0] for t in objects if t in sentence.valence]
    return max(values, key=abs) if values else 0.0


def _role(doc: Document, tree: DependencyTree, head: int) -> tuple[str, int | None]:
    """Return ("subject" | "object", verb) for a mention's head token, or (.., None)."""
    index = head
    for _ in range(3):  # coordinated actors take the role of the first conjunct
        if doc.tokens[index].dep != "conj" or doc.tokens[index].head == index:
            break
        index = doc.tokens[index].head
    token = doc.tokens[index]
    parent = token.head
    if parent == index:
        return "subject", None
    dep = token.dep
    if dep in SUBJECT_DEPS:
        passive = any(doc.tokens[c].dep in ("auxpass", "aux:pass") for c in tree.children[parent])
        return ("object" if passive else "subject"), parent
    if dep in OBJECT_DEPS:
        return "object", parent
    if dep == "pobj":  # English prepositional object: "by X" (agent) or "against X"
        prep = doc.tokens[parent]
        if prep.head == parent:
            return "object", None
        lemma = tree.lemma(parent)
        if lemma in AGENT_PREPS:
            return "subject", prep.head
        if lemma in TARGET_PREPS:
            return "object", prep.head
    if dep in ("obl", "obl:agent", "nmod"):  # Spanish: "destituido por el Congreso"
        cases = {tree.lemma(c) for c in tree.kids(index, {"case"})}
        if cases & AGENT_PREPS:
            return "subject", parent
        if cases & TARGET_PREPS:
            return "object", parent
    return "object", None


def _event_cues(doc: Document, read_verbs: set[tuple[str, int]]) -> dict[str, list[StanceCue]]:
    """Coded events: the source of conflict loses, the target of conflict gains sympathy."""
    found: dict[str, list[StanceCue]] = defaultdict(list)
    starts = [t.start for t in doc.tokens]
    for event in doc.events:  # cooperation says little of the author's view; conflict does
        if event.modality == "negated" or event.goldstein >= 0:
            continue
        scale = WEIGHTS["event"] * (0.5 if event.modality != "asserted" else 1.0)
        trigger = bisect_left(starts, event.start)
        label = f"event:{event.type}"
        if event.source_id and (event.source_id, trigger) not in read_verbs:
            weight = scale * event.goldstein / 10.0
            found[event.source_id].append(StanceCue(event.sentence, event.start, event.end,
                                                    f"{label}:source", event.trigger,
                                                    round(weight, 4)))
        if event.target_id and (event.target_id, trigger) not in read_verbs:
            weight = scale * 0.5 * -event.goldstein / 10.0
            found[event.target_id].append(StanceCue(event.sentence, event.start, event.end,
                                                    f"{label}:target", event.trigger,
                                                    round(weight, 4)))
    return found


def _context_cues(doc: Document, sentences: list[_Sentence],
                  cues: dict[str, list[StanceCue]]) -> None:
    """The tone of sentences that mention an actor but carry no other cue for it."""
    covered = {(actor, cue.sentence) for actor, found in cues.items() for cue in found}
    for mention in doc.mentions:
        actor = mention.actor_id
        if not actor or (actor, mention.sentence) in covered:
            continue
        covered.add((actor, mention.sentence))
        tone = sentences[mention.sentence].tone
        if tone:
            sentence = doc.sentences[mention.sentence]
            weight = WEIGHTS["context"] * max(-1.0, min(1.0, tone * 6.0))
            cues[actor].append(StanceCue(mention.sentence, sentence.start, sentence.end,
                                         "context", "", round(weight, 4)))
