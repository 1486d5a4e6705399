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
  promise, threat or request it is (AGREE, THREATEN, REQUEST; see intention);
- the place: a city or country the clause names, else the actors' countries.
Only events with a source or a target actor are kept (a place the knowledge base does not know
is no target). Arguments that name no linked actor are resolved in arguments.py: nouns for
people of a sector are generic agents ("two Russian diplomats" -> RUSGOV), pronouns stand for
the speaker or the last actor of their kind ("Syria says it will ..."). A verb the lexicon
gives no event (no entry, or none for its object) that governs an actor gets a type from the
learned fallback (events/fallback.py) when it is confident enough.

Where each part lives: the tree and shared syntax in tree.py, sources and targets in roles.py,
modality and reported speech in modality.py, dates in dating.py, places in place.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from marea.actors.kb import KnowledgeBase, fold, load_kb
from marea.actors.link import STATE_BODIES, actor_record, agent_record, home_country
from marea.actors.spans import INSTITUTION_HEADS, PERSON_LABELS
from marea.events.arguments import (
    first_person,
    generic_agents,
    local_institutions,
    possessed_representatives,
    pronoun_may_stand_for,
    resolve_country_descriptions,
    resolve_group_descriptions,
    resolve_pronouns,
)
from marea.events.dating import (
    event_date,
    governing_date,
    not_after_publication,
    own_date,
    toward_tense,
)
from marea.events.fallback import proposals
from marea.events.lexicon import Lexicon, Trigger, lexicon, ontology
from marea.events.main_event import mark_main
from marea.events.modality import (
    CONDITIONS,
    clause_verb,
    concessions,
    find_speakers,
    intention,
    modality,
    no_one,
    prepositional_nouns,
    quotations,
    quote_speakers,
    reported_content,
    unlisted_demands,
)
from marea.events.place import (
    PLACE_TARGET_TYPES,
    document_states,
    place,
    place_target,
    state_of_part,
    state_of_place,
    tag_state,
)
from marea.events.roles import (
    ENDURING_VERBS,
    GRIEVANCE_TYPES,
    KILLED,
    accusing_verb,
    circumstance,
    classifying,
    denounced_act,
    describing_participle,
    done_to_thing,
    grievance,
    instrument,
    meeting_setting,
    note_drop,
    noun_roles,
    paid_sum,
    participle_lemma,
    passive_theme,
    received,
    refers_back,
    rejected,
    showing,
    state_participle,
    surface_verb,
    under_verb,
    verb_roles,
)
from marea.events.timex import Timex, find_timexes
from marea.events.tree import (
    OBJECTS,
    SUBJECTS,
    DependencyTree,
    actor_host,
    actor_tokens,
    complement_clauses,
    dropped_subjects,
    is_clitic,
    is_passive,
    names_text,
    prepositions,
    subjects_of,
    unknown_place,
)
from marea.model import ActorRecord, Document, Event, Mention
from marea.settings import Settings

# Types of verbs about another act, whose target is that act's when they name none.
GOVERNING_TYPES = {"AGREE", "THREATEN", "REQUEST", "REJECT", "CONCEDE"}
# Types of a conditional act's announcement: a threat, offer or promise is made to whoever must
# meet its condition ("threatened to halt talks unless Iran frees the sailors" -> IRN).
CONDITIONAL_TYPES = {"THREATEN", "AGREE", "CONCEDE"}
# Military exercises: held by two states or more, they are joint (see joint_exercises).
EXERCISES = {"exercise", "drill", "game", "maneuver", "manoeuvre"}
# Prepositions of the act an accusation or investigation is about ("an inquiry into abuses").
ACCUSED_ACT_PREPS = {"into", "of", "over", "for"}
# Nouns of a trial, which only a court holds (see _court_act).
TRIAL_NOUNS = {"juicio", "trial"}
# Acts a rejection refuses, which were made all the same (rejected_requests), by type, with
# the mode their event takes (None: no mode): a request turned down, an accusation denied.
REFUSED: dict[str, str | None] = {"REQUEST": None, "ACCUSE": "allege"}
# First words of the names of courts the knowledge base does not hold (see court_parties).
COURT_HEADS = {"tribunal", "tribunales", "corte", "juzgado", "sala", "court"}
# Articles an unknown organisation's name may open with ("x-org-un-tribunal-de-asuncion").
ARTICLES = {"el", "la", "los", "las", "un", "una", "the", "a", "an"}
# Types whose doers may go unnamed: a protest or strike by nobody named is still one, by
# civilians (the source events scheme codes them so).
CROWD_TYPES = {"PROTEST"}
BODY_LABELS = {"ORG", "GPE"}  # a named state or organisation (not "the prisoner release")
# Types of Spanish verbs of demanding and threatening: one whose subject is a common noun or
# name that links to no actor ("los unionistas exigen", "los tetracampeones, que amenazaron")
# was still made, by people the sentence places, as an unnamed crowd protests. Checked on
# the dev halves of the Spanish UniversalPetrarch sets (see data/README.md, rule 3).
UNNAMED_SPEAKER_TYPES = {"REQUEST", "THREATEN"}
# Nouns of prices, quantities and trends, which threaten or call for things only by way of
# speaking ("la disparada de precios amaga con impulsar un paro", "niveles que amenazan
# con barrer con cualquier pauta salarial"): no one made a threat (third fresh set's dev).
ES_NOT_SPEAKERS = {"precio", "inflación", "nivel", "disparada", "suba", "alza", "aumento",
                   "caída", "baja", "crisis", "situación", "cifra", "índice", "costo",
                   "tasa", "déficit", "deuda", "dólar", "escasez", "sequía", "ola"}
# Verbs a state protests with, diplomatically (rule 9 of data/README.md).
PROTEST_VERBS = {"protest", "protestar"}
# Words that open a Spanish clause of purpose ("suspendió las exportaciones para protestar").
PURPOSE_MARKS = {"para"}
# What a ban or restriction eased may be on: persons and organisations as well as a state's
# trade (_eased_for_persons); sanctions, embargoes and tariffs are on states only.
PERSONAL_RESTRICTIONS = {"ban", "restriction", "prohibition"}
# Verbs of going out to protest that, in the imperfect, tell how someone travelled ("los
# hombres que se movilizaban en una camioneta").
TRAVEL_VERBS = {"movilizar", "desplazar"}
# Of those, the verbs whose subject with "se" moves itself in any tense ("Boric se desplazará
# a la población de Puerto Natales": he travels to the town); without a subject the "se" is
# impersonal and others are moved ("se desplazó a miles de campesinos").
SELF_MOVING = {"desplazar"}
# Verbs of gathering that with "se ... en" also mean to focus on something ("la Sala se
# concentrará en cinco regiones"): only a crowd gathers (see _focuses).
FOCUS_VERBS = {"concentrar", "centrar"}
# Sectors of people who protest rather than coerce when they blockade something.
CIVILIAN_SECTORS = {"CVL", "LAB", "AGR", "EDU", "REF", "OPP", "BUS", "REL", "MED"}
# Types of verbs of asking, accusing and meeting: in Spanish, whom they are directed at
# with "a" or "con" is a person or organisation ("acusa a Montecon", "dialogaron con
# Montecon"), even when the tagger calls an unknown name a place. Not a bare statement: one
# told to a name is most often told to a newspaper ("dijo a El País", "declaró a La Nación").
PERSONAL_TYPES = {"ACCUSE", "CONSULT", "REQUEST", "REJECT", "THREATEN"}
PERSONAL_PREPS = {"a", "al", "con"}
# Words that open a Spanish clause naming where a report comes from ("según denunció X"); not
# "como", which is as often "since" ("Como el Gobierno negó el permiso, ...").
ATTRIBUTION_MARKS = {"según", "segun"}
# Nouns a Spanish report uses for the incident it tells of ("el hecho fue denunciado").
INCIDENT_NOUNS = {"hecho", "caso", "suceso", "incidente", "situación", "episodio"}
# Sectors of armed people, whose road blocks restrict movement (CAMEO 191) and are no protest.
ARMED_SECTORS = {"REB", "MIL", "COP", "CRM", "SPY", "INS", "UAF"}
# Sectors of political bodies and office holders, whose attacks on one another in a sentence
# of no arms are words (rule 12b of data/README.md); and named people.
POLITICAL_SECTORS = {"GOV", "LEG", "PTY", "OPP", "ELI"}
# Spanish verbs of invading: civilians who invade an estate, land or a town occupy it in
# protest (PROTEST/obstruct, as their blockades are); only armed forces invade by force.
INVADING = {"invadir"}
# Verbs whose coordinated doers act on one another with no "each other" said ("Indian and
# Pakistani troops clashed", "exchanged fire", "se enfrentaron").
RECIPROCAL_VERBS = {"clash", "skirmish", "exchange", "enfrentar", "chocar", "intercambiar"}
# Verbs of storming a building: a crowd's is a riot, armed people's a raid (COERCE/seize,
# "police or other authorities carrying out a law enforcement raid").
STORMING = {"storm"}
# Verbs of going that are a visit only towards someone: an arrival with no destination or host
# ("the deputies arrived late", "viajó con su familia") visits no one.
ARRIVALS = {"arrive", "return", "fly", "head", "travel", "viajar"}
# Verbs of winning a contest: an office only the vote gives, so saying one will win it
# announces nothing ("In the end, we will win").
CONTESTED = {"win", "ganar"}
# Verbs of choosing by vote: someone is elected to an office; a body the knowledge base does
# not know is an option chosen ("should Nostrand Houses elect the Preservation Trust")
ELECTING = {"elect", "re-elect", "reelect", "elegir"}
# Types that have no recipient when none is named: a statement is made to nobody in
# particular, and a meeting with no named partner has all its parties as actors (PLOVER
# manual, "actor and recipient"), so neither gets an implied target.
NO_RECIPIENT_TYPES = {"STATEMENT", "CONSULT"}
# Determiners that point back to an event already told ("este ataque", "this attack"), for
# parsers whose morphology does not mark them (en_core_web_sm tags no PronType).
THING_PRONOUNS = {"it", "which", "what", "something", "nothing", "everything"}
# Common nouns for states, which act as their names do ("countries that recognize Maduro").
STATE_NOUNS = {"country", "nation", "state", "government", "republic", "neighbour", "neighbor",
               "ally", "power", "member"}
# Types of helping or backing: done by an actor, not by a thing ("tariffs help companies").
HELPING_TYPES = {"AID", "SUPPORT"}
# English plural nouns for people by a doer's ending ("separatists", "hijackers", "donors",
# "politicians") that link to no actor: a verb whose subject is one was done, by civilians
# (_unnamed_doers). EN_NOT_PEOPLE: plurals of things and machines with those endings (a
# machine is its owner's, whom the sentence does not say: "helicopters attacked"), of states
# ("partners", "neighbours") and of people of a sector the word does not tell ("officers":
# police or army), from general English and plover-gsr's dev half.
EN_PERSON_SUFFIXES = ("er", "or", "ist", "ian")
EN_NOT_PEOPLE = {"other", "border", "order", "number", "paper", "matter", "power", "letter",
                 "center", "centre", "water", "quarter", "headquarters", "corner", "layer",
                 "tower", "chamber", "member", "partner", "neighbor", "neighbour", "officer",
                 "computer", "helicopter", "bulldozer", "tanker", "container", "trailer",
                 "carrier", "destroyer", "bomber", "freighter", "jetliner", "airliner",
                 "shelter", "register", "folder", "sticker", "poster", "banner", "flyer",
                 "floor", "door", "sector", "factor", "motor", "reactor", "error", "color",
                 "colour", "mirror", "corridor", "indicator", "list", "fist", "wrist", "twist",
                 "mist"}
# English articles and demonstratives that make an event noun refer back (_earlier_report),
# and the letters of a noun and the verb it nominalises share ("dismissal", "dismiss")
ACT_PRONOUNS = {"it", "they"}  # lemmas of object pronouns that may stand for an act condemned
FORCE_TYPES = {"ASSAULT", "COERCE"}  # acts whose condemnation is aimed at their doers
DEFINITE_WORDS = {"the", "this", "that", "these", "those"}
STEM = 5
DEMONSTRATIVES = {"this", "that", "these", "those", "este", "esta", "estos", "estas", "ese",
                  "esa", "esos", "esas", "aquel", "aquella"}
# Types of acts aimed abroad as often as at home: a threat, an accusation, an attack, a
# sanction or aid that names no target is not taken to be aimed at the doer's own state
# (on plover-gsr's dev half such defaults were wrong 7 times of 7); only a place implies one.
OUTWARD_TYPES = {"THREATEN", "ACCUSE", "ASSAULT", "SANCTION", "AID"}
# Spanish nouns of demanding that, in "en demanda de X" after a protest, say what the
# protesters ask for (lead decision, session 16: es-protest's dev half codes the demand as a
# REQUEST beside the protest 4 times of 5: "manifestaron en reclamo del pago de sus salarios").
# Congratulation triggers (congratulate, congratulations; felicitar, felicitaciones), read by
# their surface form: with no one named, or a winner not named ("felicitó al ganador"), they
# are addressed to the winner of an office the document reports (our gold, en dev)
CONGRATULATING = ("congratulat", "felicit")
WINNER_NOUNS = {"winner", "victor", "ganador", "ganadora", "vencedor", "vencedora",
                "triunfador", "triunfadora"}
ELECT_WORDS = {"elect", "electo", "electa"}  # "the president-elect", "la presidenta electa"
DEMAND_NOUNS = {"demanda", "reclamo", "exigencia", "reivindicación", "reclamación", "petición"}
# verbs of harm that as often mean economic or electoral damage ("tariffs hurt farmers",
# "impeachment could hurt their candidates"): PLOVER's ASSAULT is physical, so they code one
# only in a sentence that tells of violence (a `violence` cue)
DAMAGE_VERBS = {"hurt"}
# a rally one speaks at ("Trump said at a rally in Monroe") is a campaign rally, the setting
# of the speech, not a demonstration
RALLY_NOUNS = {"rally"}


def events(batch: list[Document], settings: Settings) -> list[Document]:
    """Extract the events of each document (needs tokens, mentions with actors)."""
    states = state_countries(settings.kb_files)
    kb = load_kb(settings.kb_files)
    for doc in batch:
        doc.events = extract(doc, {a.actor_id: a.country for a in doc.actors} | states, kb)
    return batch


@lru_cache(maxsize=4)
def state_countries(kb_files: tuple[str, ...]) -> dict[str, str | None]:
    """Return {state actor id: its country} of the knowledge base, built once per process."""
    return {a.id: a.country for a in load_kb(kb_files).actors.values() if a.type == "country"}


def extract(doc: Document, countries: dict[str, str | None], kb: KnowledgeBase | None = None
            ) -> list[Event]:
    """Return the events of one document, in text order."""
    words = lexicon(doc.language or "en")
    if not (words.verbs or words.nouns) or not doc.tokens:
        return []
    actor_at = actor_tokens(doc)
    kb = kb or load_kb()
    tree = DependencyTree(doc, actor_at)  # sees the agents and pronouns added to actor_at
    for index in tree.place_tags:  # where a record is filed names nobody who acts
        actor_at.pop(index, None)
    generic = generic_agents(doc, tree.children, actor_at, words, kb, countries)
    tree.states = document_states(doc, countries)
    generic |= local_institutions(doc, tree.children, actor_at, kb, _foreign_places(
        actor_at, countries, tree.states))
    tree.quotations = quotations(doc, tree, words)
    tree.antecedents = resolve_pronouns(doc, tree.children, actor_at, words, kb,
                                        quote_speakers(tree))
    generic |= possessed_representatives(doc, tree.children, actor_at, kb)
    resolve_country_descriptions(doc, tree.children, actor_at, kb)
    resolve_group_descriptions(doc, tree.children, actor_at, kb, tree.antecedents,
                               tree.parties)
    published = str(doc.metadata.get("published") or "") or None
    timexes = find_timexes(doc.text, doc.language or "en", published)
    speakers, quoted = find_speakers(doc, tree, words, actor_at)
    found: list[Event] = []
    unargued: list[tuple[int, Trigger, str | None]] = []  # court acts naming nobody
    for index, token in enumerate(doc.tokens):
        lemma = token.lemma.lower()
        clitic = (words.clitic_verb(doc.text[token.start:token.end].lower())
                  if token.pos in ("NOUN", "ADJ", "PROPN") else None) or (  # "atacándolos"
                      _verb_read_as_noun(tree, index, words) if token.pos == "NOUN" else None)
        if token.pos in ("VERB", "AUX") or clitic:
            lemma = clitic or words.verb_lemma(lemma)
        elif token.pos == "NOUN":
            lemma = words.noun_fixes.get(lemma, lemma)
        participle = participle_lemma(doc, index, words) if token.pos == "ADJ" else None
        surface = (surface_verb(tree, index, words) if doc.language == "es"
                   and token.pos in ("VERB", "AUX", "ADJ", "NOUN", "PROPN") and not (
                       token.pos in ("VERB", "AUX") and lemma in words.verbs
                       and doc.text[token.start:token.end].lower() not in KILLED)
                   else None)  # "fue muerta" is matar's passive, though morir has entries
        if participle:
            roles = verb_roles(tree, index, words.verbs[participle], participle=True,
                                blockers=words.blockers.get(participle))
        elif surface:
            lemma, passive = surface
            roles = verb_roles(tree, index, words.verbs[lemma], participle=passive,
                                blockers=words.blockers.get(lemma))
        elif lemma in TRAVEL_VERBS and ("Tense=Imp" in token.morph or (
                lemma in SELF_MOVING and _moves_itself(tree, index))):
            note_drop(tree, index, "travelling")  # "se movilizaba en su camioneta" is how
            continue  # someone travelled
        elif lemma in FOCUS_VERBS and _focuses(tree, index, words):
            note_drop(tree, index, "focusing")  # "la Sala se concentrará en cinco
            continue  # regiones" gathers nobody
        elif (token.pos in ("VERB", "AUX") or clitic) and lemma in words.verbs:
            roles = verb_roles(tree, index, words.verbs[lemma],
                                blockers=words.blockers.get(lemma))
        elif (token.pos == "NOUN" and lemma in words.nouns and index not in tree.consumed
              and not _opinion_idiom(tree, index) and not _in_charge(tree, index)
              and not _underway(tree, index)
              and not rejected(tree, index, words) and not classifying(tree, index, words)
              and not paid_sum(tree, index, words) and not showing(tree, index, words)
              and not done_to_thing(tree, index, words)
              and not passive_theme(tree, index, words)
              and not instrument(tree, index) and not _text_speaking(tree, index, words)
              and not (token.dep == "compound" and token.head in actor_at)  # "[riot] police"
              and not _names_kind_of(tree, index, words)):
            roles = noun_roles(tree, index, words.nouns[lemma])
        else:
            continue
        if roles is None:
            continue
        if (token.pos == "NOUN" and circumstance(
                tree, index, roles[0], roles[1], roles[2], words)) or (
                participle and describing_participle(tree, index, roles[0])) or (
                state_participle(tree, index)):
            note_drop(tree, index, "a circumstance or a describing participle")
            continue
        tree.triggers.add(index)
        trigger, sources, targets = roles
        reported = trigger.type == "ACCUSE" and (trigger.mode == "allege" or lemma == "denunciar")
        if reported:  # "denunciaron ... ante la Fiscalía": the authority is told, not accused
            targets = [t for t in targets if not _told(tree, index, lemma, t)]
        speaker = speakers.get(index)
        source_list: list[Mention | str] = _unique(  # a place no actor names does nothing:
            m for s in sources if (m := actor_at.get(s))  # "a wave of “Cleggmania” that
            and not (m.actor_id or "").startswith("x-place-"))  # helped to propel him"
        source_list += _namesakes(kb, generic, [actor_at.get(s) for s in sources])
        target_list: list[Mention | str] = _unique(  # a place no actor names is where, not whom
            m for t in targets if (m := actor_at.get(t)) and (
                not unknown_place(m) or _personal_object(tree, index, trigger, t)))
        if not source_list and not target_list and token.pos == "NOUN" and refers_back(
                tree, index):  # "declared the dismissals unconstitutional"
            source_list, target_list = _earlier_report(tree, index, trigger.type, found)
            if trigger.requires_target and not target_list:
                note_drop(tree, index, "requires a target")  # nor does the event's earlier
                continue  # report name whom it was done to
        if not target_list:  # "the invasion of [South Lebanon]" is directed at Lebanon
            target_list = _states(kb, generic, (
                state_of_place(m, countries, tree.states) or state_of_part(tree, t, countries)
                for t in targets if (m := actor_at.get(t)) and unknown_place(m)))
        if not target_list and trigger.type in PLACE_TARGET_TYPES and not _each_other(
                tree, index, source_list):  # "Police and protesters clashed in Quito"
            target_list = _states(kb, generic, place_target(tree, index, countries) or [
                tag_state(tree, index)])
            if (trigger.type == "COERCE" and token.pos == "NOUN" and not source_list
                    and len(target_list) == 1):
                source_list, target_list = _repression(kb, generic, target_list[0])
        own = actor_at.get(index) if token.pos == "NOUN" else None
        if own is not None and own.link == "agent" and own.end > token.end and not source_list:
            # "the prosecution of the United States", read as the state's prosecutors: they
            # prosecute, they are not prosecuted
            source_list, target_list = [own], [t for t in target_list if t is not own]
        complaint = _protest_in_words(tree, index, trigger)
        if source_list and _diplomatic_protest(trigger, token.pos, source_list, kb) or (
                complaint is not None):
            trigger = replace(trigger, type="ACCUSE", mode="disapprove")
            acts = _served_acts(tree, index, found)
            if acts:  # "suspendió las exportaciones para protestar": the act is the protest
                note_drop(tree, index, "a state's protest made by the act it is the purpose of")
                _aim_acts(found, acts, target_list)
                continue
        if _eased_for_persons(tree, index, trigger, target_list, kb):
            trigger = replace(trigger, mode="ease", type="CONCEDE")
        if lemma in DAMAGE_VERBS and not _tells_of_violence(tree, index, words):
            note_drop(tree, index, "damage with no violence")
            continue
        if lemma in RALLY_NOUNS and _speech_setting(tree, index, words):
            note_drop(tree, index, "a speech setting")
            continue
        if _verbal_attack(tree, index, trigger, source_list + target_list, words):
            trigger = replace(trigger, type="ACCUSE", mode="disapprove")
            source_list, target_list = _critics(tree, index, source_list, target_list)
        if complaint is not None and not target_list:  # whom the complaint is about
            target_list = _unique(actor_at.get(s) for s in subjects_of(tree, complaint))
        if _attribution(tree, index, lemma, words) or _report_source(tree, index) or (
                trigger.label == "positive" and not target_list
                and _thing_labelled(tree, index, words)) or (
                reported and not target_list and (
                    _reported_to(tree, index) or _reports_incident(tree, index))):
            trigger = replace(trigger, type="STATEMENT", mode=None)
        if speaker and not source_list and _owed(tree, index):
            source_list = _unique([_spoken_of(tree, index, speaker)])
        elif speaker and not source_list and _speakers_act(
                tree, index, words, sources, quoted) and (token.pos != "NOUN" or not (
                    received(tree, index, trigger) or _topic(tree, index)
                    or _kind(tree, index, targets))):
            source_list = [speaker]  # a direct quotation speaks for its speaker
        if not source_list and index in tree.continued:  # "Afirmó además que ...": the
            source_list = [tree.continued[index]]  # speaker just quoted goes on
        if not source_list and token.pos == "NOUN" and meeting_setting(tree, index, trigger):
            source_list = _unique(  # "En la misma cumbre [ellos] aprobaron ...": who met
                actor_at.get(actor_host(tree, c)) for s in subjects_of(tree, token.head)
                for c in tree.conjuncts(s)) or _unique(
                    actor_at.get(s) for s in dropped_subjects(tree, token.head))
        passive = is_passive(tree, index)
        if doc.language == "es" and (not source_list or passive and not target_list):
            dropped = _unique(actor_at.get(s) for s in dropped_subjects(tree, index))
            done_to = {t if isinstance(t, str) else t.actor_id for t in target_list}
            if any(not isinstance(d, str) and d.actor_id in done_to for d in dropped):
                # "Los sindicatos marcharon. Ahora los acusan de violencia": an object is not
                # its own clause's subject, so the unsaid subject is unnamed people (the
                # impersonal third person plural), not the one named before
                dropped = []
            # "[Fernández] ... regresó al poder": the one left unsaid wins the office, and
            # does not give it; "[La exministra] ... Fue condenada": is convicted, by others
            if not (trigger.subject_is_target or passive):
                source_list = dropped
            elif not target_list:
                target_list = dropped
        if not source_list and (trigger.type in CROWD_TYPES or _threatened_protest(
                tree, index, words, trigger)) and token.dep not in (
                "relcl", "acl"):  # "el vehículo en el que se movilizaba" describes a noun
            source_list = [_crowd(doc, tree, index, kb, countries, generic)]
        if not source_list and not target_list and _unnamed_speaker(tree, index, trigger):
            source_list = [_crowd(doc, tree, index, kb, countries, generic)]
        if not source_list and not trigger.speech and _unnamed_doers(tree, index):
            source_list = [_crowd(doc, tree, index, kb, countries, generic)]
        if not target_list and trigger.type in CROWD_TYPES and source_list:
            target_list = _protested_state(doc, tree, index, source_list[0], kb, countries,
                                           generic)
        # "they [tariffs] help American companies": a thing helps nobody. English only: the
        # Spanish parser makes what is given the subject ("le han concedido reconocimiento")
        if (trigger.type in HELPING_TYPES and token.pos == "VERB" and not source_list
                and doc.language == "en" and sources
                and all(_thing_doer(tree, s, actor_at, words) for s in sources)):
            note_drop(tree, index, "a thing helps")
            continue
        # a text is nobody: "escribe una nueva Carta Magna", "la Constitución dice", "eligen a
        # la Convención que escribe la Carta Magna" (the parser made the text the subject)
        source_list = [s for s in source_list if isinstance(s, str) or not names_text(s)]
        target_list = [t for t in target_list if isinstance(t, str) or not names_text(t)]
        if trigger.type in HELPING_TYPES:
            target_list = [_helped_rebels(kb, generic, countries, source_list, t)
                           for t in target_list]
        # the source is not its own target ("reneged on [his] promise", a state acting in its
        # own city); two generic people of a kind are two: "un hombre atacó a un campesino"
        source_ids = {s if isinstance(s, str) else s.actor_id for s in source_list}
        target_list = [t for t in target_list if not (
            t in source_ids if isinstance(t, str)
            else t.actor_id in source_ids and t.link != "generic")]
        mutual = not target_list and _each_other(tree, index, source_list)
        if mutual:  # "Johnson and Corbyn attacked each other", "Indian and Pakistani troops
            # exchanged fire": each is the other's target
            target_list = source_list
        if not source_list and not target_list and _court_act(tree, index, trigger):
            unargued.append((index, trigger, speaker))  # the court and convict may be told
            continue  # elsewhere in the document (court_parties)
        if not source_list and not target_list:
            note_drop(tree, index, "no actor on either side")
        sources_or_none: list[Mention | str | None] = [*source_list] if source_list else [None]
        targets_or_none: list[Mention | str | None] = [*target_list] if target_list else [None]
        for source in sources_or_none:
            for target in targets_or_none:
                if source is None and target is None or mutual and source is target:
                    continue
                event = _event(doc, tree, index, trigger, source, target, speaker,
                               words, timexes, published, countries)
                if (event.type == "CONSULT" and event.mode == "visit" and lemma in ARRIVALS
                        and event.target_id is None):  # armed forces arriving stay deployed
                    note_drop(tree, index, "an arrival with no destination")
                    continue
                if (trigger.mode == "office" and lemma in CONTESTED and event.modality in (
                        "future", "hypothetical")):
                    continue  # "we will win": a boast or forecast, no office won or promised
                if (trigger.mode == "office" and lemma in ELECTING
                        and (event.target_id or "").startswith("x-org-")):
                    note_drop(tree, index, "an unknown body chosen, no office")
                    continue
                found.append(event)
                intended = intention(tree, index, event, words)
                if intended is not None:
                    found.append(intended)
    court, convicted = court_parties(doc, found)
    for at, event in enumerate(found):  # "confirmaron el fallo": upheld against the convict
        if event.mode == "convict" and not event.target_id and convicted not in (
                None, event.source_id):
            found[at] = replace(event, target_id=convicted, implied_target_id=None)
    for index, trigger, speaker in unargued:
        if court or convicted:
            event = _event(doc, tree, index, trigger, court, convicted, speaker, words,
                           timexes, published, countries)
            # "no ejecutar la condena": the sentence a negated verb governs was passed
            found.append(replace(event, modality="asserted") if event.modality == "negated"
                         and doc.tokens[index].pos == "NOUN" else event)
    for index, target in unlisted_demands(tree, speakers, found):
        event = _event(doc, tree, index, Trigger(tree.lemma(index), "REQUEST"), speakers[index],
                       target, speakers[index], words, timexes, published, countries)
        found.append(replace(event, modality="asserted"))
    for index, source, target, kind, probability in proposals(tree, words):
        event = _event(doc, tree, index, Trigger(tree.lemma(index), kind), source, target, None,
                       words, timexes, published, countries)
        event.method, event.confidence = "classifier", round(probability, 3)
        found.append(event)
    found.sort(key=lambda e: e.start)  # stable: text order, lexicon events first
    found = _reactions_to_acts(tree, found)
    _complement_targets(tree, found)
    protests = {tree.first_at(e.start) for e in found if e.type in GRIEVANCE_TYPES}
    found = [e for e in found if not grievance(tree, tree.first_at(e.start), protests)]
    found.extend(protest_demands(tree, found))
    found.extend(rejected_requests(tree, found, words))
    found.extend(elliptical_repeats(tree, found))
    found.sort(key=lambda e: e.start)
    concessions(tree, found)
    joint_exercises(tree, found)
    found = reported_content(tree, found)
    congratulated_winners(tree, found, kb)
    threatened_protests(tree, found, kb, countries, generic)
    found = rejected_accusations(tree, found, words, countries, generic)
    implied_targets(found, kb, countries, generic)
    mark_main(doc, found, words)
    used = {e.source_id for e in found} | {e.target_id for e in found} | {
        e.implied_target_id for e in found}
    known = {a.actor_id for a in doc.actors}
    doc.actors.extend(r for actor_id, r in generic.items()
                      if actor_id in used and actor_id not in known)
    return found


def _earlier_report(tree: DependencyTree, index: int, kind: str, found: list[Event]
                    ) -> tuple[list[Mention | str], list[Mention | str]]:
    """The sources and targets of the event an English definite event noun with no actor
    of its own refers back to ("voted to dismiss the magistrates ... declared the dismissals
    unconstitutional"): the latest earlier event of its type whose trigger shares its stem
    (the verb it nominalises), else the latest of its type. Its actors were named with that
    earlier mention; none when there is no such event. Only material acts: "the agreement",
    "the summit", "the talks" name the text or the meeting as a topic more often than they
    report the act again (on our gold's dev half they added false events)."""
    if not ontology()[kind].category.startswith("material"):
        return [], []
    stem = tree.lemma(index)[:STEM]
    earlier = [e for e in found if e.type == kind and e.start < tree.doc.tokens[index].start
               and (e.source_id or e.target_id)]
    same = [e for e in earlier if tree.lemma(tree.first_at(e.start))[:STEM] == stem] or earlier
    if not same:
        return [], []
    latest = [e for e in same if e.start == same[-1].start]
    return (_unique_ids(e.source_id for e in latest), _unique_ids(e.target_id for e in latest))


def _reactions_to_acts(tree: DependencyTree, found: list[Event]) -> list[Event]:
    """Aim a condemnation of an act coded in the document at whoever did it: "The OAS
    rejected the dismissals" is aimed at the Assembly that dismissed (the noun's actors
    come from the earlier report of its event, _earlier_report). A pronoun object of the
    next condemnation, in its sentence or the one after, that agrees in number with the act
    is that act ("and the rapporteur condemned them"), not an actor named nearby."""
    acts: dict[int, list[Event]] = defaultdict(list)  # trigger token -> its events
    for event in found:
        if event.source_id:
            acts[tree.first_at(event.start)].append(event)
    result: list[Event] = []
    last: int | None = None  # the act the latest condemnation was aimed at
    for event in found:
        index = tree.first_at(event.start)
        if event.type != "ACCUSE" or event.mode != "disapprove":
            result.append(event)
            continue
        objects = tree.kids(index, {"dobj"})
        act = next((o for o in objects if o in acts and acts[o][0].type in FORCE_TYPES), None)
        if act is not None and event.target_id:  # "condemned the attack by X": X's already
            act = None
        elif act is None and last is not None and any(
                tree.lemma(o) in ACT_PRONOUNS and tree.doc.tokens[index].sentence
                - tree.doc.tokens[last].sentence <= 1 and _same_number(tree.doc, o, last)
                for o in objects):
            act = last
        if act is None:
            result.append(event)
            continue
        last = act
        doers = list(dict.fromkeys(e.source_id for e in acts[act]))
        result.extend(replace(event, target_id=doer, target_role=next(
            e.source_role for e in acts[act] if e.source_id == doer)) for doer in doers)
    return result


def _same_number(doc: Document, pronoun: int, noun: int) -> bool:
    """Whether "it"/"them" agrees in number with a noun."""
    plural = "Number=Plur" in doc.tokens[noun].morph
    return plural == (doc.text[doc.tokens[pronoun].start:doc.tokens[pronoun].end].lower()
                      == "them")


def _unique_ids(ids: Iterable[str | None]) -> list[Mention | str]:
    return list(dict.fromkeys(i for i in ids if i))


def _foreign_places(actor_at: dict[int, Mention], countries: dict[str, str | None],
                    states: set[str]) -> dict[int, str]:
    """Return {token: state} of the cities named (GeoNames), not states themselves nor
    agents the tagger called places ("la Fiscalía")."""
    found = {}
    for index, mention in actor_at.items():
        state = state_of_place(mention, countries, states) if (
            mention.actor_id or "").startswith("x-place-") else None
        if state:
            found[index] = state
    return found


def congratulated_winners(tree: DependencyTree, found: list[Event], kb: KnowledgeBase
                          ) -> None:
    """Address a congratulation that names no one congratulated, or only a winner ("felicitó
    al ganador", "congratulated the president-elect"), to the person (else party) the
    document reports given an office most often, the latest on a tie, among those reported
    before it if any ("Lula won a second term ... the PT won 83 seats ... congratulations
    arrived quickly from Chávez": Lula): winning is what congratulations are sent for. One
    that names whom it goes to, even no actor ("congratulated the organisers",
    "congratulations to the volunteers"), is theirs."""
    wins = [e for e in found if e.type == "SUPPORT" and e.mode == "office" and e.target_id]
    for event in found:
        if not wins or event.type != "SUPPORT" or not event.trigger.lower().startswith(
                CONGRATULATING):
            continue
        index = tree.first_at(event.start)
        if not _winner_named(tree, index) and (event.target_id or _names_whom(tree, index)):
            continue
        won = [w for w in wins if w.start < event.start] or wins
        count = Counter(w.target_id for w in won)
        order = list(dict.fromkeys(w.target_id for w in won))  # first win first: a later
        winner = max(count, key=lambda a: (_person(kb, a), count[a], order.index(a)))  # wins
        if winner != event.source_id:  # the tie
            role = next(w.target_role for w in reversed(won) if w.target_id == winner)
            event.target_id, event.target_role = winner, role


def _names_whom(tree: DependencyTree, index: int) -> bool:
    """Whether a congratulation has an object or a "to" phrase, actor or not, or is the object
    of a verb with one ("sent his congratulations to the volunteers")."""
    token = tree.doc.tokens[index]
    return bool(tree.kids(index, OBJECTS)) or "to" in prepositions(tree, index) or (
        token.dep in OBJECTS and "to" in prepositions(tree, token.head))


def _winner_named(tree: DependencyTree, index: int) -> bool:
    """Whether a congratulation goes to a winner it describes but does not name: "felicitó
    al ganador", "felicitaciones a la presidenta electa", "congratulated the president-elect"."""
    preps = prepositions(tree, index)
    for whom in tree.kids(index, OBJECTS) + preps.get("to", []) + preps.get("a", []):
        token = tree.doc.tokens[whom]
        words = {tree.lemma(whom)} | {tree.lemma(c) for c in tree.kids(whom, {"amod", "compound"})}
        if words & (WINNER_NOUNS | ELECT_WORDS) or tree.doc.text[
                token.start:token.end + 6].lower().endswith("-elect"):
            return True
    return False


def _person(kb: KnowledgeBase, actor_id: str | None) -> bool:
    actor = kb.actors.get(actor_id or "")
    return actor is not None and actor.type == "person"


def implied_targets(found: list[Event], kb: KnowledgeBase, countries: dict[str, str | None],
                    generic: dict[str, ActorRecord]) -> None:
    """Set the state an event with no named target is directed at, and how its target was
    obtained (rule 12a of data/README.md): the state of the place its clause names ("lifted
    the state of emergency in West Darfur" -> SDN, basis "place"), else the doer's own state
    ("Sudan's government lifted the state of emergency" -> SDN, basis "own state"; not for
    acts aimed abroad as often as at home, OUTWARD_TYPES), as
    CAMEO-coded data such as PLOVER's gold standard code a domestic act. The stored target
    stays empty: the implied one is only for schemes that want a recipient on every event
    (the GDELT export's Actor2). Statements and meetings get none."""
    for event in found:
        if event.target_id:
            event.implied_target_id, event.target_basis = None, "named"
            continue
        placed, event.implied_target_id, event.target_basis = event.implied_target_id, None, None
        if event.type in NO_RECIPIENT_TYPES or not event.source_id:
            continue
        record = generic.get(event.source_id)
        own = countries.get(event.source_id) or (record.country if record else None)
        state = kb.actors.get(placed or (None if event.type in OUTWARD_TYPES else own) or "")
        if state is None or state.type != "country":
            continue
        generic.setdefault(state.id, actor_record(kb, state.id))
        event.implied_target_id, event.target_basis = state.id, "place" if placed else "own state"


def rejected_accusations(tree: DependencyTree, found: list[Event], words: Lexicon,
                         countries: dict[str, str | None], generic: dict[str, ActorRecord]
                         ) -> list[Event]:
    """Give a refusal of an accusation named by a noun and no one ("The Pentagon rejected
    these accusations", "rechazó las acusaciones") the accusers of the latest accusation
    before it against the refuser or its state's bodies ("the Russian and Syrian defense
    ministries accused U.S. forces"): each accuser is a target, as the accused answers them."""
    def state(actor_id: str | None) -> str | None:
        record = generic.get(actor_id or "")
        return countries.get(actor_id or "") or (record.country if record else None) or actor_id

    result: list[Event] = []
    for event in found:
        objects = tree.kids(tree.first_at(event.start), OBJECTS)
        accusers: list[Event] = []
        if event.type == "REJECT" and not event.target_id and event.source_id and any(
                t.type == "ACCUSE" for o in objects for t in words.nouns.get(tree.lemma(o), [])):
            earlier = [e for e in found if e.type == "ACCUSE" and e.end <= event.start
                       and e.source_id and e.target_id and e.source_id != event.source_id
                       and state(e.target_id) == state(event.source_id)]
            accusers = [e for e in earlier if earlier and e.start == earlier[-1].start]
        if not accusers:
            result.append(event)
            continue
        result.extend(replace(event, target_id=e.source_id, target_role=e.source_role,
                              implied_target_id=None) for e in accusers)
    return result


def threatened_protests(tree: DependencyTree, found: list[Event], kb: KnowledgeBase,
                        countries: dict[str, str | None], generic: dict[str, ActorRecord]
                        ) -> None:
    """Give a threat of a protest or strike with no target the protest's own: the state its
    clause places it in ("En Buenos Aires, Daer amenaza con ir al paro"), else that of those
    who threaten it ("los gremios amenazan con un paro" -> their state), as a protest with no
    named target is directed at that state (_protested_state)."""
    at: dict[int, list[Event]] = {}
    for event in found:
        at.setdefault(tree.first_at(event.start), []).append(event)
    for index, events in at.items():
        about = tree.kids(index, OBJECTS | {"xcomp"}) + prepositional_nouns(tree, index)
        if not any(e.type in CROWD_TYPES for c in about for e in at.get(c, [])):
            continue
        for event in events:
            if event.type != "THREATEN" or event.target_id or not event.source_id:
                continue
            record = generic.get(event.source_id)
            state = kb.actors.get(_protest_country(tree.doc, tree, index, countries) or (
                countries.get(event.source_id)) or (record.country if record else None) or "")
            if state is not None and state.type == "country" and state.id != event.source_id:
                generic.setdefault(state.id, actor_record(kb, state.id))
                event.target_id, event.target_role = state.id, None


def _complement_targets(tree: DependencyTree, found: list[Event]) -> None:
    """Give a threat, request, promise or refusal with no target the target of the act it is
    about ("threatened to institute a curfew in Managua" -> NIC, "refused to deploy
    peacekeepers in Iraq"): the event on its clausal complement, on its object noun or on the
    event noun after its to/for/on ("pressed for sanctions against Russia"). A
    protest with no target takes that of the demand it is made for ("began a hunger strike
    to demand the resignation of X"); a condemnation with none accuses the doer of the act
    condemned ("condemned the shelling of Kyiv by Russian forces")."""
    at: dict[int, list[Event]] = {}
    for event in found:
        at.setdefault(tree.first_at(event.start), []).append(event)
    for index, events in at.items():
        for event in events:
            if event.type == "ACCUSE":  # "condemned the shelling of Kyiv by X": X is accused,
                denounced = tree.kids(index, OBJECTS) + (  # "denunció haber sido amenazado
                    tree.kids(index, {"ccomp", "xcomp"}) if tree.doc.language == "es" else [])
                doers = [e for o in denounced for e in at.get(o, [])  # por paramilitares"
                         if e.source_id and e.source_id != event.source_id]
                if doers and event.target_id in (None, doers[0].target_id):
                    event.target_id, event.target_role = doers[0].source_id, doers[0].source_role
                elif event.target_id is None and (accused := _accused(tree, index)):
                    event.target_id, event.target_role = accused.actor_id, accused.role
                continue
            if event.target_id is not None or event.type not in GOVERNING_TYPES | CROWD_TYPES:
                continue
            clauses = tree.kids(index, {"xcomp", "ccomp"})
            if event.type in CROWD_TYPES:  # "began a hunger strike [to demand] X's removal"
                token = tree.doc.tokens[index]
                verb = token.head if token.pos == "NOUN" and token.dep in OBJECTS else index
                clauses = tree.kids(verb, {"xcomp", "advcl", "acl"})
            about = clauses + tree.kids(index, OBJECTS) + [  # "to institute a [curfew]"
                o for c in clauses for o in tree.kids(c, OBJECTS)] + prepositional_nouns(
                tree, index)  # "pressed for [talks] with X"
            inner = [e for c in about for e in at.get(c, [])
                     if e.target_id and e.target_id != event.source_id]
            if inner:
                event.target_id, event.target_role = inner[0].target_id, inner[0].target_role
            elif event.type in CONDITIONAL_TYPES and (
                    bound := _condition_subject(tree, index)) is not None and (
                    bound.actor_id != event.source_id):
                event.target_id, event.target_role = bound.actor_id, bound.role
            elif event.type == "THREATEN" and (warned := _warned_about(tree, index, event)):
                event.target_id, event.target_role = warned.actor_id, warned.role


def _warned_about(tree: DependencyTree, index: int, event: Event) -> Mention | None:
    """Return whom a warning's clause names as the doer of the harm it warns of, when that
    clause holds no event: its subject, or the one who owns, proposes or backs the thing
    that is its subject ("su advertencia de que un plan propuesto por Scott elevaría los
    impuestos" is a warning against Scott; "warned that Scott's plan would raise taxes")."""
    nouns = [index] + tree.kids(index, OBJECTS)  # "lanzó una advertencia de que ..."
    for clause in [c for n in nouns for c in complement_clauses(tree, n)] + tree.kids(
            index, {"ccomp"}):
        for subject in tree.kids(clause, {"nsubj"}):
            hosts = [actor_host(tree, subject)] + [
                a for part in tree.kids(subject, {"amod", "acl"})
                for prep, found in prepositions(tree, part).items() if prep in ("by", "por")
                for a in found]
            for host in hosts:
                mention = tree.actor_at.get(host)
                if mention is not None and mention.actor_id and (
                        mention.actor_id != event.source_id):
                    return mention
    return None


def elliptical_repeats(tree: DependencyTree, found: list[Event]) -> list[Event]:
    """The act an English ellipsis with "do" repeats for another doer ("shortly after the
    United States did so", "as did Uruguay", "so did Chile", "Peru did the same"): the act
    of the nearest event before it in the sentence, done by the ellipsis's subject, the
    auxiliary its trigger (as the gold set annotates it)."""
    if tree.doc.language != "en":
        return []
    tokens = tree.doc.tokens
    made: list[Event] = []
    for index, token in enumerate(tokens):
        if tree.lemma(index) != "do" or token.dep in ("aux", "auxpass") or not _elliptical(
                tree, index) or any(e.start == token.start for e in found):
            continue
        before = [e for e in found if e.sentence == token.sentence and e.end <= token.start
                  and e.type != "STATEMENT" and e.source_id is not None]
        nearest = max((e.start for e in before), default=None)
        doers = [tree.actor_at[h] for s in subjects_of(tree, index)
                 if (h := actor_host(tree, s)) in tree.actor_at and tree.actor_at[h].actor_id]
        if nearest is None or not doers:
            continue
        acts = {(e.type, e.mode, e.target_id): e for e in before if e.start == nearest}
        negated = bool(tree.kids(index, {"neg"}))  # "Chile did not do so"
        made.extend(replace(
            e, start=token.start, end=token.end, trigger=tree.doc.text[token.start:token.end],
            source_id=doers[0].actor_id, source_role=doers[0].role, mentions=[], speaker_id=None,
            modality="negated" if negated else e.modality)
            for e in acts.values() if e.target_id != doers[0].actor_id)
    return made


def _elliptical(tree: DependencyTree, index: int) -> bool:
    """Whether a "do" stands for a verb phrase said before: "did so", "did the same", or
    after "as"/"so" with its subject after it ("as did Uruguay")."""
    kids = tree.children[index]
    if any(tree.lemma(c) in ("so", "same") and tree.doc.tokens[c].dep in ("advmod", "dobj")
           for c in kids):
        return not tree.kids(index, {"xcomp", "ccomp"})
    subjects = tree.kids(index, SUBJECTS)
    opener = index - 1
    return bool(subjects) and min(subjects) > index and opener >= 0 and tree.lemma(
        opener) in ("as", "so") and not tree.kids(index, {"dobj", "xcomp", "ccomp"})


def protest_demands(tree: DependencyTree, found: list[Event]) -> list[Event]:
    """REQUESTs a Spanish protest makes with "en demanda de X" ("en reclamo de", "en
    exigencia de"): what the protesters ask for, of whom the protest is aimed at, beside the
    protest itself. es_core_news_sm reads the phrase as one fixed preposition and hangs it on
    any nearby word, so the words are read, after the nearest protest before them with no
    other clause's subject between ("bloquearon la ruta y el gobierno respondió en demanda
    de calma" asks nothing of the blockaders)."""
    if tree.doc.language != "es":
        return []
    tokens, text = tree.doc.tokens, tree.doc.text
    kind = ontology()["REQUEST"]
    cameo, goldstein = kind.code(None)
    made: list[Event] = []
    for index in range(1, len(tokens) - 1):
        after = text[tokens[index + 1].start:tokens[index + 1].end].lower()
        if (tree.lemma(index - 1) != "en" or tree.lemma(index) not in DEMAND_NOUNS
                or after not in ("de", "del", "por")
                or any(e.start == tokens[index].start and e.type == "REQUEST" for e in found)):
            continue
        before = [e for e in found if e.type == "PROTEST" and e.end <= tokens[index].start
                  and e.sentence == tokens[index].sentence and not any(  # same clause
                      t.dep in SUBJECTS for t in tokens if e.end <= t.start < tokens[index].start)]
        nearest = max((e.start for e in before), default=None)
        made.extend(replace(
            e, start=tokens[index].start, end=tokens[index].end, type="REQUEST", mode=None,
            mentions=[],
            trigger=text[tokens[index].start:tokens[index].end], cameo=cameo,
            goldstein=goldstein, quad_class=kind.quad_class(cameo))
            for e in before if e.start == nearest)
    return made


def _court_act(tree: DependencyTree, index: int, trigger: Trigger) -> bool:
    """Whether an event is one only a court does: a sentence, a conviction, a trial ("la
    ejecución de la condena", "fue condenada", "el juicio fue en 2009"; not "juicio
    político", which a legislature holds)."""
    return trigger.mode == "convict" or tree.lemma(index) in TRIAL_NOUNS and not trigger.compound


def court_parties(doc: Document, found: list[Event]) -> tuple[str | None, str | None]:
    """The court and the person convicted of a document that names one of each: a court act
    whose clause names nobody ("fue condenada", "el juicio y la sentencia") is that court's
    and done to that person. A court is an actor of the judiciary (role or agent code JUD,
    or an unknown body named as a court: "el Tribunal de Apelación");
    the one convicted, the target of the document's convictions. With two courts or two
    convicts the text does not say which, and the part stays empty."""
    courts = {m.actor_id for m in doc.mentions if m.actor_id and (
        (m.role or "").endswith("JUD") or m.actor_id.endswith("JUD")
        or m.actor_id.startswith("x-org-") and _court_name(m.actor_id[6:]))}
    convicts = {e.target_id for e in found if e.mode == "convict" and e.target_id}
    return (next(iter(courts)) if len(courts) == 1 else None,
            next(iter(convicts)) if len(convicts) == 1 else None)


def _court_name(slug: str) -> bool:
    """Whether an unknown organisation's name is a court's: its first word after an article
    ("tribunal-de-apelacion", "un-tribunal-de-asuncion")."""
    words = slug.split("-")
    return next((w for w in words if w not in ARTICLES), "") in COURT_HEADS


def rejected_requests(tree: DependencyTree, found: list[Event], words: Lexicon
                      ) -> list[Event]:
    """The request or accusation a rejection refuses ("el Tribunal rechazó el pedido de la
    defensa", "rejected the request by X", "Venezuela rechazó las acusaciones de Estados
    Unidos"): a request refused or an accusation denied was made, by the one refused, to
    the one refusing, so the noun codes its own REQUEST or ACCUSE/allege with the
    rejection's roles mirrored (PLOVER's REJECT codes only the refusal). The noun was left
    to the rejecting verb (see rejected)."""
    tokens, text = tree.doc.tokens, tree.doc.text
    made: dict[tuple[int, str | None, str | None], Event] = {}
    for event in found:
        if event.type != "REJECT":
            continue
        verb = tree.first_at(event.start)
        passive = is_passive(tree, verb)  # "the request was rejected": its subject
        for noun in tree.kids(verb, OBJECTS | {"nsubj:pass", "nsubjpass"} | (
                {"nsubj"} if passive else set())):
            token = tokens[noun]
            entries = words.nouns.get(tree.lemma(noun), [])
            name = next((t.type for t in entries if t.type in REFUSED
                         and REFUSED[t.type] in (None, t.mode)), None)
            if name is None or any(e.start == token.start for e in found):
                continue
            kind, mode = ontology()[name], REFUSED[name]
            cameo, goldstein = kind.code(mode)
            key = (noun, event.target_id, event.source_id)
            made.setdefault(key, replace(
                event, start=token.start, end=token.end, trigger=text[token.start:token.end],
                type=kind.name, mode=mode, cameo=cameo, goldstein=goldstein,
                quad_class=kind.quad_class(cameo), mentions=[], modality="asserted",
                source_id=event.target_id, source_role=event.target_role,
                target_id=event.source_id, target_role=event.source_role,
                implied_target_id=None))
    return [e for e in made.values() if e.source_id or e.target_id]


def joint_exercises(tree: DependencyTree, found: list[Event]) -> None:
    """Recode exercises or war games that two states or more hold ("Russia and China held
    naval exercises", "Russian and Chinese warships began war games", "India held naval
    exercises with Japan") as the joint exercises they are, COOPERATE/military as the lexicon
    codes "joint exercises", not each state's show of force (MOBILIZE). A partner named by
    "with", or the other state of a doer's coordinated demonyms, is the target."""
    at: dict[int, list[Event]] = {}
    for event in found:
        if event.type == "MOBILIZE" and tree.lemma(tree.first_at(event.start)) in EXERCISES:
            at.setdefault(tree.first_at(event.start), []).append(event)
    kind = ontology()["COOPERATE"]
    for index, events in at.items():
        states = [e.source_id[:3] for e in events if e.source_id and e.source_id[:3].isupper()]
        partners = _exercise_partners(tree, index, events)
        if len(set(states) | set(partners)) < 2:
            continue
        for event in events:
            event.type, event.mode = "COOPERATE", "military"
            event.cameo, event.goldstein = kind.code("military")
            event.quad_class = kind.quad_class(event.cameo)
            own = (event.source_id or "")[:3]
            if event.target_id is None:
                event.target_id = next((p for p in partners if p != own), None)


def _exercise_partners(tree: DependencyTree, index: int, events: list[Event]) -> list[str]:
    """The states an exercise noun names beside its doers: the state actors of a "with"
    complement of the noun or of the verb it depends on ("held exercises with Japan"), and
    those of demonyms coordinated on the doer's own noun ("Russian and Chinese warships")."""
    def state(token: int) -> str | None:
        mention = tree.actor_at.get(token)
        actor = (mention.actor_id or "") if mention is not None else ""
        return actor if len(actor) == 3 and actor.isupper() else None

    holders = [index]
    head = tree.doc.tokens[index].head
    while head != holders[-1] and tree.doc.tokens[holders[-1]].dep not in ("dobj", "nsubj"):
        holders.append(head)  # "five days [of] war games": up to the verb's object
        head = tree.doc.tokens[head].head
    holders.append(head)
    found = [s for h in holders for o in prepositions(tree, h).get("with", [])
             for c in tree.conjuncts(o) if (s := state(c))]
    sources = {e.source_id for e in events}
    for doer, mention in tree.actor_at.items():
        if mention.actor_id not in sources:
            continue
        for adjective in tree.kids(doer, {"amod"}):
            found += [s for c in tree.conjuncts(adjective) if (s := state(c))]
    return found


def _condition_subject(tree: DependencyTree, index: int) -> Mention | None:
    """Return the actor a condition clause names as its subject ("unless [Baghdad] accepts
    its terms", "if [India] deploys troops"), on a threat or offer, on the act it announces
    or on that act's own complement: whom the threat or offer is addressed to."""
    verbs = [index]
    for _ in range(2):  # "threatened [to stop] talks [to reduce] arms if ..."
        verbs += [c for v in verbs for c in tree.kids(v, {"xcomp", "ccomp"}) if c not in verbs]
    for verb in verbs:
        for clause in tree.kids(verb, {"advcl"}):
            if any(tree.lemma(m) in CONDITIONS for m in tree.kids(clause, {"mark"})):
                subjects = [actor_host(tree, s) for s in tree.kids(clause, SUBJECTS)]
                found = [tree.actor_at[s] for s in subjects if s in tree.actor_at]
                if found:
                    return found[0]
    return None


def _accused(tree: DependencyTree, index: int) -> Mention | None:
    """Return whom an accusation with no named target is aimed at. Spanish, with a clause:
    the actor that clause says did something ("los maestros denuncian que el Gobierno
    pretende restringir los fondos"), not the one it was done to ("denunció que la víctima
    fue amenazada"). English: the doer a participle names on what is condemned or
    investigated ("condemned the crimes committed by X", "opened an investigation into
    abuses carried out by X")."""
    if tree.doc.language == "en":
        things = tree.kids(index, OBJECTS)
        acts = things + [a for noun in [index, *things]
                         for prep, found in prepositions(tree, noun).items()
                         if prep in ACCUSED_ACT_PREPS for a in found]
        doers = [d for act in acts for participle in tree.kids(act, {"acl"})
                 for d in prepositions(tree, participle).get("by", []) if d in tree.actor_at]
        return tree.actor_at[doers[0]] if doers else None
    if tree.doc.language != "es":
        return None
    for clause in tree.kids(index, {"ccomp"}):
        if is_passive(tree, clause):
            continue
        for subject in tree.kids(clause, {"nsubj"}):
            mention = tree.actor_at.get(actor_host(tree, subject))
            if mention is not None and mention.actor_id:
                return mention
    return None


def _diplomatic_protest(trigger: Trigger, pos: str, sources: list[Mention | str],
                        kb: KnowledgeBase) -> bool:
    """Whether a state protests (rule 9 of data/README.md): the verb protest/protestar with
    states or governments as its only sources ("China protested to Japan", "el Gobierno
    peruano protestó") is a diplomatic complaint, ACCUSE/disapprove, not a demonstration.
    The sources are the clause's own, not a speaker's; a demonym names a people."""
    if trigger.type != "PROTEST" or trigger.lemma not in PROTEST_VERBS or pos not in (
            "VERB", "AUX"):
        return False
    for source in sources:
        if isinstance(source, Mention) and source.link == "demonym":
            return False  # "Nicaragüenses protestan": the people, not their state
        code = source if isinstance(source, str) else (source.role or source.actor_id or "")
        state = kb.actors.get(code)
        if not (code.endswith("GOV") or state is not None and state.type == "country"):
            return False
    return True


def _served_acts(tree: DependencyTree, index: int, found: list[Event]) -> list[int]:
    """Positions in `found` of the coded events of the act a Spanish purpose clause or
    gerund serves ("suspendió las exportaciones [para protestar]", "realizaban un paro,
    [exigiendo] aumentos", "una manifestación [para exigir]"): events at the verb or noun it
    hangs from or at that word's object; for a later conjunct ("para protestar y [exigir]"),
    those of the first conjunct as well."""
    lead = index
    while tree.doc.tokens[lead].dep == "conj" and tree.doc.tokens[lead].head != lead:
        lead = tree.doc.tokens[lead].head
    token = tree.doc.tokens[lead]
    if token.dep not in ("advcl", "acl") or not ("VerbForm=Ger" in token.morph or any(
            tree.lemma(m) in PURPOSE_MARKS for m in tree.kids(lead, {"mark"}))):
        return []  # "tras semanas de protestas y la sugerencia de": no purpose
    acts = [token.head, *tree.kids(token.head, {"obj", "obl"})] + ([lead] if lead != index
                                                                   else [])
    starts = {tree.doc.tokens[t].start for t in acts}
    return [at for at, event in enumerate(found) if event.start in starts]


def _aim_acts(found: list[Event], acts: list[int], targets: list[Mention | str]) -> None:
    """Give the acts a protest or demand is the purpose of its one target when they name
    none ("suspendió sus exportaciones para protestar contra la ONU": aimed at the UN)."""
    if len(targets) != 1 or not isinstance(targets[0], Mention) or not targets[0].actor_id:
        return
    for at in acts:
        if found[at].target_id is None:
            found[at] = replace(found[at], target_id=targets[0].actor_id,
                                target_role=targets[0].role, implied_target_id=None)


def _eased_for_persons(tree: DependencyTree, index: int, trigger: Trigger,
                       targets: list[Mention | str], kb: KnowledgeBase) -> bool:
    """Whether an easing lifts a ban or restriction on persons or organisations: the
    codebook's CONCEDE ("easing administrative or legal restrictions on persons and
    organizations"; CAMEO 0811/0812, "lifted the ban on the opposition party"), where easing
    sanctions, an embargo or a ban on a state's trade stays RETREAT/ease (CAMEO 085). Whom it
    was on decides: named actors that are no state or government."""
    if (trigger.type, trigger.mode) != ("RETREAT", "ease") or not targets or not any(
            tree.lemma(o) in PERSONAL_RESTRICTIONS
            for o in tree.kids(index, OBJECTS | {"nsubjpass"})):
        return False
    for target in targets:
        code = target if isinstance(target, str) else (target.role or target.actor_id or "")
        state = kb.actors.get(code)
        if code.endswith("GOV") or state is not None and state.type == "country":
            return False
    return True


def _verbal_attack(tree: DependencyTree, index: int, trigger: Trigger,
                   sides: list[Mention | str], words: Lexicon) -> bool:
    """Whether an attack is one in words (rule 12b of data/README.md): PLOVER's ASSAULT is
    an act that can do physical harm, and its criticism is ACCUSE/disapprove. An attack
    with no weapon in its mode, whose named sides are all politicians or political bodies
    (parties, governments, legislatures, the opposition), in a sentence that names a
    political body or office holder and no arms, casualties or armed forces, is a rival's
    criticism: "el bombardeo incesante del kirchnerismo", "un nuevo ataque de Larroque",
    "Trump attacked Biden over immigration". One that says what it charges its target with
    ("atacó a la oposición de haber provocado la crisis") is words, whoever its sides."""
    if trigger.type != "ASSAULT" or trigger.mode not in (None, "aerial"):
        return False
    if _charge(tree, index):
        return True
    if not sides:
        return False
    if not all(isinstance(s, Mention) and (_political(s.role) or s.label in PERSON_LABELS)
               for s in sides):
        return False
    if _tells_of_violence(tree, index, words):
        return False
    sentence = tree.doc.tokens[index].sentence
    mentions = [m for i, m in tree.actor_at.items() if tree.doc.tokens[i].sentence == sentence]
    return any(_political(m.role) for m in mentions) and not any(
        _sector(m.role) in ARMED_SECTORS for m in mentions)


def _tells_of_violence(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether the sentence of a token names arms, casualties or armed forces (a `violence`
    cue, by lemma or form)."""
    sentence = tree.doc.tokens[index].sentence
    violence = words.cues.get("violence", set())
    return any(t.lemma.lower() in violence or tree.doc.text[t.start:t.end].lower() in violence
               for t in tree.doc.tokens if t.sentence == sentence)


def _speech_setting(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether a noun is the place where someone speaks: the object of "at" on a verb of
    saying ("Trump said at a rally in Monroe", "spoke at a rally")."""
    token = tree.doc.tokens[index]
    if token.dep != "pobj" or tree.lemma(token.head) != "at":
        return False
    verb = tree.lemma(tree.doc.tokens[token.head].head)
    return verb in ("speak", "talk") or words.verb_lemma(verb) in words.speech_verbs


def _charge(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb, or its object, has a "de" + infinitive clause, the charge of
    a verb of accusing ("acusar/tachar/atacar a alguien de haber mentido")."""
    if tree.doc.language != "es":
        return False
    for host in (index, *tree.kids(index, OBJECTS)):
        for clause in tree.kids(host, {"acl", "advcl", "xcomp"}):
            infinitive = "VerbForm=Inf" in tree.doc.tokens[clause].morph or any(
                "VerbForm=Inf" in tree.doc.tokens[a].morph for a in tree.kids(clause, {"aux"}))
            if infinitive and any(tree.lemma(m) == "de" for m in tree.kids(clause, {"mark"})):
                return True
    return False


def _political(role: str | None) -> bool:
    """Whether a CAMEO role is a political body or office holder's."""
    return _sector(role) in POLITICAL_SECTORS


def _sector(role: str | None) -> str:
    """The sector of a CAMEO role: "COLLEG" and, with no state known, "LEG" are LEG's."""
    role = role or ""
    return role if len(role) == 3 else role[3:6]


def _critics(tree: DependencyTree, index: int, sources: list[Mention | str],
             targets: list[Mention | str]) -> tuple[list[Mention | str], list[Mention | str]]:
    """Return (source, target) of an attack in words named by a noun: a political actor in
    its "de" complement is the critic, not what is bombed ("el bombardeo del
    kirchnerismo"), and whoever answers or endures the attack is its target ("Alberto
    Fernández respondió a un nuevo ataque de Larroque", "Warren was under attack")."""
    token = tree.doc.tokens[index]
    if token.pos != "NOUN":
        return sources, targets
    if not sources and under_verb(tree, index) is None:  # "was under attack": endured
        sources, targets = targets, []
    if not targets and token.head != index and tree.lemma(token.head) in ENDURING_VERBS:
        found = [tree.actor_at[s] for s in subjects_of(tree, token.head) if s in tree.actor_at]
        targets = [m for m in found if m.actor_id not in {
            s if isinstance(s, str) else s.actor_id for s in sources}]
    return sources, targets


def _protest_in_words(tree: DependencyTree, index: int, trigger: Trigger) -> int | None:
    """Return the clause the verb protest reports when it reports what was said, a complaint
    (ACCUSE/disapprove, as the PLOVER codebook codes verbal disapproval) rather than a
    demonstration: a clause of its own ("Amnesty protested that Peru was failing ..."), or,
    with its own subject, the clause before it ("Chile is failing to protect them, a rights
    group protested"); else None."""
    token = tree.doc.tokens[index]
    if (tree.doc.language != "en" or trigger.type != "PROTEST"
            or trigger.lemma not in PROTEST_VERBS or token.pos != "VERB"):
        return None
    clauses = tree.kids(index, {"ccomp"})
    if clauses:
        return clauses[0]
    if token.dep in ("advcl", "parataxis") and token.head < index and tree.kids(
            index, SUBJECTS):
        return token.head
    return None


def _thing_labelled(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether a verb of naming puts its label on a thing, no actor nor event nor pronoun:
    "described the doctored video as lighthearted satire" says what the video is and praises
    no one, where "called the meeting productive" praises those who met."""
    objects = tree.kids(index, {"dobj", "obj"})
    return bool(objects) and all(
        tree.doc.tokens[o].pos == "NOUN" and o not in tree.actor_at
        and words.noun_fixes.get(tree.lemma(o), tree.lemma(o)) not in words.nouns
        for o in objects)


def _attribution(tree: DependencyTree, index: int, lemma: str, words: Lexicon) -> bool:
    """Whether a Spanish verb of saying only names who the sentence's report comes from,
    "según" heading its clause: "Según denunciaron sus familiares, el joven fue
    hallado ..." reports a finding on the family's word, and is no accusation by it."""
    return (tree.doc.language == "es" and lemma in words.speech_verbs
            and any(tree.lemma(m) in ATTRIBUTION_MARKS for m in tree.kids(index, {"mark"})))


def _verb_read_as_noun(tree: DependencyTree, index: int, words: Lexicon) -> str | None:
    """Return the lexicon verb of a Spanish present-tense verb es_core_news_sm tagged as a
    noun though it has a subject and no article ("La irritada población dominicana
    [demanda] mejoras": demandar), else None."""
    token = tree.doc.tokens[index]
    form = tree.doc.text[token.start:token.end].lower()
    if (tree.doc.language != "es" or not tree.kids(index, {"nsubj"})
            or tree.kids(index, {"det"}) or not form.endswith(("a", "e", "an", "en"))):
        return None
    stem = form[:-2] if form.endswith("n") else form[:-1]
    return next((stem + ending for ending in ("ar", "er", "ir") if stem + ending in words.verbs),
                None)


def _text_speaking(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether an event noun that can also name a statement ("press release") is the subject
    of a verb of saying, so names the text that speaks, not its other act: "the Justice
    Department's release said ..." is no release from custody. (An audit or investigation that
    "said" stays an act: its finding is what was said.)"""
    token = tree.doc.tokens[index]
    if not any(t.type == "STATEMENT" for t in words.nouns.get(tree.lemma(index), [])):
        return False
    return token.dep == "nsubj" and tree.lemma(token.head) in words.speech_verbs or (
        _issued_by_body(tree, index))


def _issued_by_body(tree: DependencyTree, index: int) -> bool:
    """Whether a noun that can name a statement has an organisation or state for a compound
    modifier and nothing done "of" anyone ("the DOJ release", "a White House release"): the
    body's text, whatever the tagger makes of the verb after it ("states" read as a noun)."""
    return not prepositions(tree, index).get("of") and any(
        (mention := tree.actor_at.get(c)) is not None and mention.actor_id is not None
        and mention.label in BODY_LABELS
        for c in tree.kids(index, {"compound"}))


def _report_source(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish event noun names where the sentence's report comes from: "Según
    la denuncia de sus familiares, el joven fue asesinado", "de acuerdo con la denuncia de
    los vecinos" tell who says so, a statement that accuses no one."""
    return tree.doc.language == "es" and tree.doc.tokens[index].pos == "NOUN" and any(
        tree.lemma(c) in ATTRIBUTION_MARKS or (tree.lemma(c) == "de" and any(
            tree.lemma(f) == "acuerdo" for f in tree.kids(c, {"fixed"})))
        for c in tree.kids(index, {"case"}))


def _opinion_idiom(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish noun is the idiom "a juicio de X" (in X's opinion: "una compañía
    que a juicio del sindicato pone en peligro sus puestos"), no trial. "Llevado a juicio"
    names no one whose opinion it is, and stays a trial."""
    return (tree.doc.language == "es" and tree.lemma(index) == "juicio"
            and any(tree.lemma(c) == "a" for c in tree.kids(index, {"case"}))
            and any(tree.lemma(k) == "de" for n in tree.kids(index, {"nmod"})
                    for k in tree.kids(n, {"case"})))


def _underway(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish "marcha" is the idiom "en marcha" (under way: "la puesta en marcha
    de las reformas", "poner en marcha un plan"), no march: "en" right before it, no article."""
    return (tree.doc.language == "es" and tree.lemma(index) == "marcha" and index > 0
            and tree.lemma(index - 1) == "en" and not tree.kids(index, {"det"}))


def _in_charge(tree: DependencyTree, index: int) -> bool:
    """Whether an English noun is the idiom "in charge (of)" ("he was in charge of Ukraine"):
    being responsible for something, no charge brought against anyone."""
    token = tree.doc.tokens[index]
    return (tree.doc.language == "en" and tree.lemma(index) == "charge"
            and token.dep == "pobj" and tree.lemma(token.head) == "in"
            and not tree.kids(index, {"det", "poss", "amod", "compound"}))


def _reported_to(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb of accusing is said before an authority ("denunciaron ante la
    Fiscalía la desaparición del joven", "denunciaron su desaparición ante la Fiscalía"):
    with no one accused, it reports a crime or a grievance to the authority."""
    if tree.doc.language != "es" or tree.doc.tokens[index].pos not in ("VERB", "AUX"):
        return False
    phrases = tree.kids(index, {"obl", "obj"})
    return any(_authority(tree, p) for p in phrases + [
        n for p in phrases for n in tree.kids(p, {"nmod"})])


def _reports_incident(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb of accusing has the incident itself as its object ("los
    familiares denunciaron el hecho", "el caso fue denunciado por la comunidad"): the news
    formula for reporting a crime, which names no one accused."""
    return tree.doc.language == "es" and any(
        tree.lemma(c) in INCIDENT_NOUNS for c in tree.kids(index, OBJECTS | SUBJECTS))


def _authority(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish phrase is who something is said before ("ante la Fiscalía"), who
    is told of an accusation and is not accused."""
    return tree.doc.language == "es" and any(
        tree.lemma(c) == "ante" for c in tree.kids(index, {"case"}))


def _told(tree: DependencyTree, index: int, lemma: str, target: int) -> bool:
    """Whether a Spanish verb of accusing's would-be target is who is told: before whom
    ("ante la Fiscalía"), or, for "denunciar", to whom beside a thing reported
    ("denunciaron los hechos a la Policía"; but "denunció a los paramilitares" accuses
    them, and "atribuyó la derrota a Estados Unidos" blames them)."""
    if _authority(tree, target):
        return True
    if lemma != "denunciar":
        return False
    things = [o for o in tree.kids(index, {"obj"}) if o != target
              and tree.doc.tokens[o].pos == "NOUN" and not tree.kids(o, {"case"})]
    return bool(things) and any(tree.lemma(c) == "a" for c in tree.kids(target, {"case"}))


def _personal_object(tree: DependencyTree, index: int, trigger: Trigger, target: int) -> bool:
    """Whether a Spanish verb of asking, accusing or meeting is directed at a name with "a"
    or "con" (the personal "a": "Gobierno acusa a Montecon", "dialogaron con Montecon"):
    then the name is who, not where, whatever the tagger called it. Visits go to places."""
    return (tree.doc.language == "es" and tree.doc.tokens[index].pos in ("VERB", "AUX")
            and trigger.type in PERSONAL_TYPES and trigger.mode != "visit"
            and any(tree.lemma(c) in PERSONAL_PREPS for c in tree.kids(target, {"case"})))


def _threatened_protest(tree: DependencyTree, index: int, words: Lexicon,
                        trigger: Trigger) -> bool:
    """Whether a threat noun names the protest it threatens ("amenaza de huelga", "la amenaza
    de un paro"): with no doer named, the threat is the crowd's, as the protest would be."""
    return trigger.type == "THREATEN" and tree.doc.tokens[index].pos == "NOUN" and any(
        t.type in CROWD_TYPES for c in tree.kids(index, {"nmod"})
        for t in words.nouns.get(words.noun_fixes.get(tree.lemma(c), tree.lemma(c)), []))


def _unnamed_speaker(tree: DependencyTree, index: int, trigger: Trigger) -> bool:
    """Whether a Spanish demand or threat verb names its doer by a noun or name that links to
    no actor: the demand was made, though the knowledge base does not know who made it."""
    token = tree.doc.tokens[index]
    if (tree.doc.language != "es" or trigger.type not in UNNAMED_SPEAKER_TYPES
            or token.pos not in ("VERB", "AUX") or is_passive(tree, index)):
        return False  # "fue amenazada": the subject is who was threatened
    return any(tree.doc.tokens[s].pos in ("NOUN", "PROPN")  # not "se pedía [más seguridad]"
               and s not in tree.triggers  # nor "este ataque busca amenazar": an act's aim
               and tree.lemma(s) not in ES_NOT_SPEAKERS
               for s in subjects_of(tree, index) if s < index)


def _unnamed_doers(tree: DependencyTree, index: int) -> bool:
    """Whether an English active verb's subject before it is a plural noun for people by a
    doer's ending that links to no actor ("separatists kidnapped", "hijackers seized"): the
    act was done, by people the knowledge base does not know, as a Spanish demand is
    (_unnamed_speaker)."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "en" or token.pos != "VERB" or is_passive(tree, index):
        return False
    return any(tree.doc.tokens[s].tag == "NNS" and s not in tree.actor_at
               and tree.lemma(s).endswith(EN_PERSON_SUFFIXES)
               and tree.lemma(s) not in EN_NOT_PEOPLE for s in subjects_of(tree, index)
               if s < index)


def _crowd(doc: Document, tree: DependencyTree, index: int, kb: KnowledgeBase,
           countries: dict[str, str | None], generic: dict[str, ActorRecord]) -> str:
    """Return the generic civilian agent of a protest nobody is named doing ("miles de
    personas manifestaron en Londres", "huelga en Argentina"): the civilians of the country
    its clause is placed in, else the publisher's country's (as the actor linker places an
    agent noun no sentence places), or civilians."""
    country = _protest_country(doc, tree, index, countries) or home_country(doc, kb) or ""
    record = agent_record(kb, country, "CVL")
    generic[record.actor_id] = record
    return record.actor_id


def _protested_state(doc: Document, tree: DependencyTree, index: int, source: Mention | str,
                     kb: KnowledgeBase, countries: dict[str, str | None],
                     generic: dict[str, ActorRecord]) -> list[Mention | str]:
    """Return the state a protest with no named target is directed at: that of the country
    its clause places it in ("demonstrated in Kirkuk" -> IRQ), else of its source's country
    ("Bolivian farmers began a hunger strike" -> BOL); none when the source is that state
    itself. PLOVER's PROTEST is directed at an other, and its gold standard codes the state."""
    source_id = source if isinstance(source, str) else source.actor_id or ""
    country = _protest_country(doc, tree, index, countries) or countries.get(source_id) or (
        generic[source_id].country if source_id in generic else None)
    state = kb.actors.get(country or "")
    if state is None or state.type != "country" or state.id == source_id:
        return []
    generic[state.id] = actor_record(kb, state.id)
    return [state.id]


def _protest_country(doc: Document, tree: DependencyTree, index: int,
                     countries: dict[str, str | None]) -> str | None:
    """Return the country a protest happens in: the place its clause names ("demonstrated in
    Kirkuk"), else, for a protest noun that is a verb's subject, the state that verb (or the
    verb it governs) has as object: "protests continue to sweep Colombia", "rocked Chile"."""
    described = {t for o in tree.kids(index, OBJECTS) for c in tree.kids(o, {"acl", "relcl"})
                 for t in tree.subtree(c)}  # "blocked the bridge [spanning the Rhine from
    # France to Germany]": a clause saying what is blocked names no place of the protest
    country = place(doc, tree, [t for t in tree.subtree(index) if t not in described],
                    countries)[1]
    token = doc.tokens[index]
    if country or token.pos != "NOUN":
        return country
    verb = token.head if token.dep == "nsubj" else _verb_after(tree, index)
    if verb is None:
        return None
    verbs = [verb, *tree.kids(verb, {"xcomp"})]
    for obj in (o for v in verbs for o in tree.kids(v, OBJECTS)):
        mention = tree.actor_at.get(obj)
        if mention is not None and mention.actor_id and countries.get(mention.actor_id) == (
                mention.actor_id):
            return mention.actor_id
    return None


def _verb_after(tree: DependencyTree, index: int) -> int | None:
    """Return the finite verb right after a noun and its conjuncts, of which the noun is then
    the subject whatever the parse says: in "As this election heads to its finale, protests
    and uprisings continue to sweep Colombia" en_core_web_sm reads "heads" as a noun and
    hangs the protests on "finale"."""
    after = max(tree.conjuncts(index)) + 1
    tokens = tree.doc.tokens
    if after < len(tokens) and tokens[after].sentence == tokens[index].sentence and (
            tokens[after].pos == "VERB" and "VerbForm=Fin" in tokens[after].morph):
        return after
    return None


def _repression(kb: KnowledgeBase, generic: dict[str, ActorRecord], state: Mention | str
                ) -> tuple[list[Mention | str], list[Mention | str]]:
    """Return (source, target) of coercion nobody is named doing in a country ("Repression in
    Colombia"): its state does it (COLGOV) to its people (COLCVL), not to the state."""
    country = state if isinstance(state, str) else state.actor_id or ""
    sides: list[list[Mention | str]] = []
    for sector in ("GOV", "CVL"):
        record = agent_record(kb, country, sector)
        generic[record.actor_id] = record
        sides.append([record.actor_id])
    return sides[0], sides[1]


def _namesakes(kb: KnowledgeBase, generic: dict[str, ActorRecord],
               mentions: Iterable[Mention | None]) -> list[Mention | str]:
    """Return the states an unknown place's plural name stands for, all those whose name ends
    with its singular: "The two Koreas agreed" are North and South Korea ("the Sudans", "the
    two Congos" likewise); none for any other place."""
    found: list[Mention | str] = []
    for mention in mentions:
        if mention is None or not (mention.actor_id or "").startswith("x-place-"):
            continue
        singular = fold(mention.text).removesuffix("s")
        if singular == fold(mention.text):
            continue
        states = [a.id for a in kb.actors.values() if a.type == "country" and (
            fold(a.name) == singular or fold(a.name).endswith(" " + singular))]
        for state in states if len(states) > 1 else []:
            generic.setdefault(state, actor_record(kb, state))
            found.append(state)
    return found


def _helped_rebels(kb: KnowledgeBase, generic: dict[str, ActorRecord],
                   countries: dict[str, str | None], sources: list[Mention | str],
                   target: Mention | str) -> Mention | str:
    """Return the rebels a state helps as rebels of no state when the linker gave them the
    helper's own ("The United States supplied the rebels with missiles" is no aid to US
    rebels): rebels fight their own state, which does not arm them."""
    if isinstance(target, str) or target.link != "agent" or not (
            target.actor_id or "").endswith("REB"):
        return target
    helpers = {countries.get(s if isinstance(s, str) else s.actor_id or "") for s in sources}
    if countries.get(target.actor_id or "") not in helpers - {None}:
        return target
    record = agent_record(kb, "", "REB")
    generic[record.actor_id] = record
    return record.actor_id


def _states(kb: KnowledgeBase, generic: dict[str, ActorRecord],
            found: Iterable[Mention | str | None]) -> list[Mention | str]:
    """Return the first state a place stands for (its mention, or its id with its record
    added to the document's actors), or none."""
    for state in found:
        if isinstance(state, Mention):
            return [state]
        actor = kb.actors.get(state or "")
        if actor is not None and actor.type == "country":
            generic.setdefault(actor.id, actor_record(kb, actor.id))
            return [actor.id]
    return []


def _peacekeepers(tree: DependencyTree, index: int) -> bool:
    """Whether the subject of a verb is peacekeepers ("UN peacekeepers", "cascos azules",
    "fuerzas de paz"): armed forces, whoever sends them."""
    said = {tree.lemma(t) for s in subjects_of(tree, index) for t in tree.subtree(s)}
    return any(word.startswith(("peacekeep", "paz", "casco")) for word in said)


def _owed(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish reported act with no subject is one someone must or should do
    ("dijo que debería dimitir"): a speaker says so of another, not of himself."""
    return tree.doc.language == "es" and not tree.kids(index, SUBJECTS) and any(
        tree.lemma(a) == "deber" for a in tree.kids(index, {"aux"}))


def _spoken_of(tree: DependencyTree, index: int, speaker: str) -> Mention | None:
    """Return whom the speaker of a reported act talks about: an actor object of the verb of
    saying, or of the verb it is coordinated with ("calificó a Biden de incapacitado y dijo
    que debería dimitir": Biden should resign)."""
    reporter = tree.reporters.get(index)
    if reporter is None:
        return None
    verbs = [reporter] + ([tree.doc.tokens[reporter].head]
                          if tree.doc.tokens[reporter].dep == "conj" else [])
    for verb in verbs:
        for obj in tree.kids(verb, OBJECTS):
            mention = tree.actor_at.get(actor_host(tree, obj))
            if mention is not None and mention.actor_id and mention.actor_id != speaker:
                return mention
    return None


def _speakers_act(tree: DependencyTree, index: int, words: Lexicon, sources: list[int],
                  quoted: set[int]) -> bool:
    """Whether reported speech's event with no doer of its own is its speaker's: a direct
    quotation, or a clause of which the speaker is the subject. Not in Spanish a passive
    ("la comunidad denunció que la víctima había sido amenazada": the victim is its
    subject) nor an act a verb of accusing reports ("denunció amenazas de muerte",
    "denunció que fue atacado"): one denounces what others did. Nor in a quotation a
    passive with no agent ("the public should not be forced to endure this") nor a verb
    whose subject is a thing ("That struck me as different") or no one ("Nobody is left to
    investigate him"): the speaker does neither; nor what a pronoun other than the first
    person does ('"He will attack," said X': someone else)."""
    if is_passive(tree, index) or tree.doc.language == "es" and (
            denounced_act(tree, index, words)
            or accusing_verb(words, tree.lemma(tree.reporters.get(index, index)))):
        return False
    if any(_thing_pronoun(tree, s) or no_one(tree, s) for s in sources) or (
            _noun_of_others_clause(tree, index)):
        return False
    if index in quoted:  # "we", not "he": '"He will go," said X' is about someone else
        return all(first_person(tree.doc, s, tree.doc.text[
            tree.doc.tokens[s].start:tree.doc.tokens[s].end].lower()) for s in sources)
    return _speaker_is_subject(tree.doc, sources) and _pronouns_fit_speaker(tree, index, sources)


def _pronouns_fit_speaker(tree: DependencyTree, index: int, sources: list[int]) -> bool:
    """Whether the pronoun subjects of reported speech may stand for the one who reports it:
    "The police said he raped a girl" is someone else's act, not the police's."""
    reporter = tree.reporters.get(index)
    speakers = [tree.actor_at[s] for s in subjects_of(tree, reporter) if s in tree.actor_at
                ] if reporter is not None else []
    return not speakers or all(pronoun_may_stand_for(tree.doc, s, speakers[0]) for s in sources)


def _noun_of_others_clause(tree: DependencyTree, index: int) -> bool:
    """Whether an event noun with no doer of its own sits in a clause whose subject is a noun
    ("“... el país se va a una guerra civil, una protesta social”"): what the country comes
    to, not the speaker's act."""
    token = tree.doc.tokens[index]
    if token.pos != "NOUN" or token.dep in SUBJECTS:
        return False
    verb = clause_verb(tree, index)
    return verb != index and any(tree.doc.tokens[s].pos in ("NOUN", "PROPN")
                                 for s in tree.kids(verb, SUBJECTS))


def _thing_pronoun(tree: DependencyTree, index: int) -> bool:
    """Whether a pronoun no actor was found for stands for a thing ("that", "it", "which"),
    not for people a speaker may be one of ("we", "I")."""
    return tree.lemma(index) in DEMONSTRATIVES | THING_PRONOUNS or (
        "PronType=Dem" in tree.doc.tokens[index].morph)


def _thing_doer(tree: DependencyTree, index: int, actor_at: dict[int, Mention],
                words: Lexicon) -> bool:
    """Whether a doer no actor was found for is a thing: a common noun, a pronoun of things,
    or "they" whose nearest noun before it in its sentence is a plural common noun naming no
    actor and saying nothing ("Backers of tariffs say that they help companies": the tariffs
    help; "the volunteers said they helped": the volunteers, who speak)."""
    doc = tree.doc
    token = doc.tokens[index]
    if index in actor_at or tree.lemma(index) in STATE_NOUNS or (
            tree.lemma(index) in words.generic_agents):
        return False  # "Mexico, Argentina and Bolivia, countries that recognize Maduro"
    if token.pos == "NOUN" or _thing_pronoun(tree, index):
        return True
    if tree.lemma(index) != "they":
        return False
    nouns = [i for i in range(index - 1, -1, -1) if doc.tokens[i].sentence == token.sentence
             and doc.tokens[i].pos in ("NOUN", "PROPN", "PRON")]
    if not nouns or nouns[0] in actor_at:
        return False
    noun = doc.tokens[nouns[0]]
    return noun.pos == "NOUN" and "Number=Plur" in noun.morph and not (
        noun.dep == "nsubj" and tree.lemma(noun.head) in words.speech_verbs)


def _topic(tree: DependencyTree, index: int) -> bool:
    """Whether an event noun is what a speaker talks about, not an act of theirs: described
    by a clause with a subject of its own ("the threat Mr Assange has been warning about"),
    the object of "on"/"about" ("let us focus on the threat"), or the subject of its clause
    pointed back to ("“este ataque no es un tema de dinero”": the hackers' attack); or
    what modifies a noun ("this [impeachment] sham", "the references to specific individuals
    and [investigations]": what the noun is about).
    """
    token = tree.doc.tokens[index]
    while token.dep == "conj" and token.head != index:
        index, token = token.head, tree.doc.tokens[token.head]
    governor = tree.doc.tokens[token.head]
    return any(tree.kids(c, SUBJECTS) for c in tree.kids(index, {"relcl"})) or (
        token.dep == "pobj" and tree.lemma(token.head) in ("on", "about")) or (
        governor.pos == "NOUN" and (token.dep == "compound" or (  # "illegitimate
            token.dep == "nmod" and tree.doc.language == "en"))) or (  # ‘impeachment’ proceedings"
        token.dep == "pobj" and tree.doc.tokens[governor.head].pos == "NOUN"
        and governor.head != token.head) or (
        token.dep in SUBJECTS and any("PronType=Dem" in tree.doc.tokens[d].morph
                                      or tree.lemma(d) in DEMONSTRATIVES
                                      for d in tree.kids(index, {"det"})))


def _names_kind_of(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether an event noun only says what kind of event the noun it modifies is, when that
    noun is an event of the same type: "led a [protest] march" is one protest, the march's."""
    token = tree.doc.tokens[index]
    if token.dep != "compound":
        return False
    own = {t.type for t in words.nouns.get(tree.lemma(index), [])}
    return any(t.type in own and not t.compound
               for t in words.nouns.get(tree.lemma(token.head), []))


def _kind(tree: DependencyTree, index: int, targets: list[int]) -> bool:
    """Whether an English event noun names a kind of act, not one act: a bare plural with no
    article, possessor, number or target ("import tariffs are a tax", "$4 billion per month
    in extra tariffs"). A speaker neither does nor announces acts in general."""
    token = tree.doc.tokens[index]
    return tree.doc.language == "en" and "Number=Plur" in token.morph and not targets and (
        not tree.kids(index, {"det", "poss", "nummod"}))


def _speaker_is_subject(doc: Document, sources: list[int]) -> bool:
    """Whether reported speech's event has the speaker as subject: a pronoun ("Palestinian
    leaders said they would boycott ...") or, in Spanish, no subject ("anunció que retirará")."""
    if not sources:
        return doc.language == "es"
    return all(doc.tokens[s].pos == "PRON" for s in sources)


def _each_other(tree: DependencyTree, index: int, sources: list[Mention | str]) -> bool:
    """Whether a verb's coordinated doers act on one another ("Johnson and Corbyn attacked
    each other", "Police and protesters clashed"): they are each other's targets, and the
    place it happens in is none."""
    return len(sources) > 1 and (_reciprocal(tree, index) or tree.lemma(index) in RECIPROCAL_VERBS)


def _reciprocal(tree: DependencyTree, index: int) -> bool:
    """Whether a verb's object is the reciprocal "each other" / "one another", or is owned by
    it ("attacked each other's policies"), directly or after a preposition ("talked with each
    other"): its coordinated subjects act on one another."""
    objects = tree.kids(index, {"dobj", "obj", "iobj", "dative"})
    for prep in tree.kids(index, {"prep"}):
        objects.extend(tree.kids(prep, {"pobj"}))
    for noun in objects:
        for word in (noun, *tree.kids(noun, {"poss"})):
            lemmas = {tree.lemma(w) for w in (word, *tree.children[word])}
            if {"each", "other"} <= lemmas or {"one", "another"} <= lemmas:
                return True
    return False


def _unique(mentions: Iterable[Mention | None]) -> list[Mention | str]:
    """Return the distinct actor mentions of a list (one per actor), dropping non-actors."""
    seen: dict[str, Mention | str] = {}
    for mention in mentions:
        if mention is not None and mention.actor_id and mention.actor_id not in seen:
            seen[mention.actor_id] = mention
    return list(seen.values())


def _event(doc: Document, tree: DependencyTree, index: int, trigger: Trigger,
           source: Mention | str | None, target: Mention | str | None, speaker: str | None,
           words: Lexicon, timexes: list[Timex], published: str | None,
           countries: dict[str, str | None]) -> Event:
    """Build the event record: codes, modality, date and place of one source-target pair."""
    token = doc.tokens[index]
    source_id = source if isinstance(source, str) else (source.actor_id if source else None)
    target_id = target if isinstance(target, str) else (target.actor_id if target else None)
    target_role = target.role if isinstance(target, Mention) else None
    if trigger.mode == "blockade" and (source_id or "")[-3:] in CIVILIAN_SECTORS:
        trigger = Trigger(trigger.lemma, "PROTEST", "obstruct")  # fishermen blocking a port
    role = _source_role(doc, source, token.start)
    if trigger.mode == "obstruct" and (role or source_id or "")[-3:] in ARMED_SECTORS:
        trigger = Trigger(trigger.lemma, "COERCE", "blockade")  # guerrillas blocking a road
    if trigger.lemma in INVADING and trigger.type == "ASSAULT" and (
            role or source_id or "")[-3:] in CIVILIAN_SECTORS:
        trigger = Trigger(trigger.lemma, "PROTEST", "obstruct")  # "los sin tierra invadieron"
    if trigger.lemma in STORMING and (role or source_id or "")[-3:] in ARMED_SECTORS:
        trigger = Trigger(trigger.lemma, "COERCE", "seize")  # police storming an office: a raid
    if trigger.mode == "visit" and ((role or source_id or "")[-3:] == "MIL"
                                    or _peacekeepers(tree, index)):
        trigger = Trigger(trigger.lemma, "MOBILIZE", "troops")  # troops arriving deploy, even
        # a body's peacekeepers: they are no visitors, nor aid until sent or provided to one
    if trigger.mode == "withdraw" and trigger.type == "RETREAT" and (
            (target_role or "").startswith("IGO")):
        trigger = Trigger(trigger.lemma, "SANCTION", "withdraw")  # "pulled out of CELAC"

    kind = ontology()[trigger.type]
    cameo, goldstein = kind.code(trigger.mode)
    clause = tree.subtree(index)
    own = own_date(tree, index, timexes)
    when = own or governing_date(tree, index, timexes)

    where_city, where_country = place(doc, tree, clause, countries)
    placed = where_country  # the state a target-less event is directed at (implied_targets)
    if where_country is None:
        for actor in (target_id, source_id):
            if actor and countries.get(actor):
                where_country = countries[actor]
                break
    day, basis = event_date(when.value if when else None, published)
    day = not_after_publication(day, published, when, tree, index)
    if own is not None:  # a date taken from a governing clause is told in that one's tense
        day, basis = toward_tense(day, basis, published, own, tree, index)
    return Event(
        sentence=token.sentence, start=token.start, end=token.end,
        trigger=doc.text[token.start:token.end], type=kind.name, mode=trigger.mode,
        cameo=cameo, goldstein=goldstein, quad_class=kind.quad_class(cameo),
        source_id=source_id, source_role=role,
        target_id=target_id, target_role=target_role,
        modality=modality(tree, index, words),
        date_text=when.text if when else None, date=day, date_basis=basis,
        country=where_country, city=where_city, speaker_id=speaker,
        implied_target_id=None if target_id else placed,
    )


def _source_role(doc: Document, source: Mention | str | None, start: int) -> str | None:
    """Return the role of an event's source: its mention's, or for a source given by id (a
    quotation's speaker) that of the actor's last mention before the trigger, else its first
    ("...,” said White House Press Secretary Stephanie Grisham": USAGOV, an office the
    linker read from the text for a person it does not know)."""
    if not isinstance(source, str):
        return source.role if source is not None else None
    mentions = [m for m in doc.mentions if m.actor_id == source and m.role]
    before = [m for m in mentions if m.start < start]
    if before:
        return before[-1].role
    return mentions[0].role if mentions else None


def _focuses(tree: DependencyTree, index: int, words: Lexicon) -> bool:
    """Whether a Spanish verb of gathering means to focus: its subject is one state body,
    court or person ("la Sala se concentrará en cinco regiones", "el ministro se centró en la
    economía"), which turns its attention to something; a crowd gathers. Anything plural
    ("cientos de campesinos", "un grupo de manifestantes") or unknown may be a crowd."""
    subjects = tree.kids(index, {"nsubj"})
    if not subjects or any("Number=Plur" in tree.doc.tokens[t].morph
                           for s in subjects for t in tree.subtree(s)):
        return False
    for subject in subjects:
        mention = tree.actor_at.get(actor_host(tree, subject))
        code = (mention.role or mention.actor_id or "") if mention is not None else ""
        opening = min((t for t in tree.subtree(subject) if tree.doc.tokens[t].pos != "DET"),
                      default=subject)
        token = tree.doc.tokens[opening]
        body = fold(tree.doc.text[token.start:token.end]) in INSTITUTION_HEADS  # "la Sala"
        person = mention is not None and mention.label in PERSON_LABELS
        if not (code[-3:] in STATE_BODIES or person or body
                or words.generic_agents.get(tree.lemma(subject)) in STATE_BODIES):
            return False
    return True


def _moves_itself(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb has a subject and a reflexive clitic: the subject is what moves."""
    return bool(tree.kids(index, {"nsubj"})) and any(is_clitic(tree, c)
                                                    for c in tree.children[index])
