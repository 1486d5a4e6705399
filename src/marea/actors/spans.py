"""Candidate actor spans: named-entity mentions repaired and completed from the knowledge base.

spaCy misses acronyms ("AMLO", "UNASUR"), cuts long names ("Andrés" + "Manuel López
Obrador"), drops given names ("Diego Morales") and calls "ALBA" a date. This module turns
its mentions plus knowledge-base matches over the tokens into one list of candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from marea.actors.kb import (
    Actor,
    Alias,
    KnowledgeBase,
    candidates,
    fold,
    parse_day,
    slogan_candidate,
)
from marea.events.lexicon import lexicon
from marea.events.timex import MONTHS, find_timexes
from marea.model import Document, Mention, Token

# Entity labels (OntoNotes English, CoNLL Spanish) that name actors, and the unknown type.
ACTOR_LABELS = {"PERSON": "person", "PER": "person", "ORG": "org", "GPE": "place",
                "LOC": "place", "NORP": "group", "FAC": "place", "MISC": "misc"}
PERSON_LABELS = {"PERSON", "PER"}
# The particles that join a Spanish or Portuguese surname to a name ("Highton de Nolasco").
NAME_PARTICLES = {"de", "del", "da", "do", "dos", "das"}
# Words before a month's name that make it the month ("in May", "desde mayo").
MONTH_WORDS = {"in", "since", "by", "until", "till", "from", "during", "through", "early",
               "late", "mid", "last", "next", "this", "of", "en", "desde", "hasta", "de",
               "durante", "el", "pasado", "proximo"}
PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}  # never a bare surname ("La Paz" is no Paz)
# Label given to spans only the knowledge base found, by actor type and language family.
KB_LABELS = {
    "en": {"person": "PERSON", "country": "GPE", "party": "ORG", "org": "ORG", "agent": "AGENT"},
    "xx": {"person": "PER", "country": "LOC", "party": "ORG", "org": "ORG", "agent": "AGENT"},
}
STRONG = {"name", "alias", "acronym", "capital", "metonym", "demonym"}
# a capital or seat of government written in lower case is a common phrase: "buscan la paz"
# (peace, not Bolivia's seat), "una casa blanca"
SEATS = {"capital", "metonym"}
PLACE_KINDS = {"capital", "metonym"}  # "Washington" + a capitalised word is a person's name
# Tags of words that are never a name: the Spanish article "UN" in a headline is no UN.
FUNCTION_TAGS = {"DET", "ADP", "CCONJ", "SCONJ"}
# Endings of Spanish nouns made from verbs and adjectives: a word with one is a common noun.
ABSTRACT_ENDINGS = ("cion", "sion", "dad", "miento", "ncia")
PLURAL_ARTICLES = {"los", "las", "unos", "unas"}
# an age apposition's residence: "Junmyung Lee, 30, of [Dedham]" (the text just before a name)
RESIDENCE_BEFORE = re.compile(r"\b\d{1,3},\s+(?:of|from)\s+$")
SURNAME_PARTICLE_CHARS = 3  # "de", "del", "van", "von", "di" open surnames; "Según" no name
# Tags before a lower-case word that make it a common noun: "Dos torres" are towers.
COUNTING_TAGS = {"DET", "NUM"}
# Tags of a word that is no one-word name even when the knowledge base spells it so: a question
# heading's "Who" (WHO), truecased for the parser, is a pronoun (its "Can" an opening verb form).
WORD_TAGS = FUNCTION_TAGS | {"PRON"}
CONTAINER = "CONTAINER"  # label of an entity span whose known parts are linked instead
# What makes a body's metonym part of another body's name: "State Department of Health".
BODY_OF = re.compile(r"\s+(?:of|de|do|da)\s+[A-ZÁÉÍÓÚ]")
# Nouns before the name of a part of a town: a capital's name after them is a street or a
# neighbourhood of the story's town ("barrio San José", "calle Lima", "Avenida Caracas").
LOCAL_PLACE_NOUNS = {"barrio", "colonia", "calle", "avenida", "avda", "av", "plaza", "distrito",
                     "parroquia", "vereda", "caserio", "asentamiento", "urbanizacion", "jiron",
                     "comuna",
                     "bairro", "rua", "street", "avenue", "neighborhood", "neighbourhood"}
# Nouns that open the name of the firm running a facility ("Terminal Cuenca del Plata", a port
# operator); with "de" after them they name the building ("Terminal de Ómnibus").
COMPANY_HEADS = {"terminal"}
# Armed units that take a person's name ("la columna Teófilo Forero", "el frente Jacobo Arenas"):
# the name after the noun is the unit's, not a person's (the fight set's dev half, session 18).
UNIT_NOUNS = {"columna", "frente", "bloque", "cuadrilla", "batallon", "brigada", "escuadron"}
UNIT_OF = {"de", "del", "de la", "de los", "de las"}  # between a unit's people and the unit
ERAS = {"b.c", "a.d", "bc", "ad", "bce", "a.c", "d.c"}  # folded: "404 B.C." is no place
# Names of God and of the figures of worship (folded): the tagger calls "agradecer a Dios" a
# person, but no story's actor is one ("Gracias a Dios", a Honduran department, is longer).
DEITIES = {"dios", "god", "deus", "jesucristo", "cristo", "jesus cristo", "allah",
           "jehova", "yahve", "virgen", "virgem", "virgin mary", "espiritu santo", "holy spirit"}
# Titles of saints (folded): a person-tagged "San Leopoldo" is a parish, a town or a feast
# named after the saint, not someone the story introduces.
SAINT_TITLES = {"san", "santa", "santo", "sao", "saint", "st", "ste", "sainte"}
# Platforms whose name the tagger runs into an @handle after it ("on Twitter @DLRaby"): the
# handle alone is the person's (folded).
PLATFORMS = {"twitter", "x", "facebook", "instagram", "tiktok", "youtube", "telegram",
             "threads", "bluesky", "mastodon", "linkedin", "whatsapp"}
POSSESSIVE = re.compile(r"(?:'s|’s|')$")
# A nickname quoted inside a person's name, before the surname and after the given name if
# any (Joaquín “El Chapo” Guzmán, Fernando "El Chino" Navarro, “Tony” Hernández); a name's
# words are capitalised, not written in capitals (a heading's "JOH CON “EL CHAPO” GUZMÁN").
CAP = r"[A-ZÁÉÍÓÚÑÜ](?:['’][A-ZÁÉÍÓÚÑÜ])?[a-zà-öø-ÿ][\w'-]*"
NICKNAMED = re.compile(
    rf"(?:\b({CAP}(?: {CAP})*) )?([\"“«‘'])((?:(?:El|La|el|la) )?{CAP}(?: {CAP})?)[\"”»’'] "
    rf"((?:(?:de|del|de la|da|do|dos) )?{CAP}(?: {CAP})*)")
INNER_NICKNAME = re.compile(r"(?<=\w) [\"“«‘'][^\"”»’\n]{2,30}[\"”»’'] (?=\w)")
WORD_QUOTE = re.compile(r"(?:(?<=\s)|^)[\"“«‘']|[\"”»’'](?=\s|$)")
OF_TAIL = re.compile(r"\s+(?:of|de|do|da|del|dos)\s+(?:the\s+|la\s+|el\s+|o\s+|a\s+)?$", re.I)
# Before a state's name (or its capital's) that ends an organisation's span, the words that
# make it where the body works ("Ministerio de Salud de Chile", "University of Lima"): the
# state qualifies the body, it does not act for it.
WHERE_TAIL = re.compile(r"\s+(?:of|de|do|da|del|dos|das|en|in|em|no|na)\s+"
                        r"(?:the\s+|la\s+|el\s+|los\s+|las\s+|o\s+|a\s+)?$", re.I)
# Before a demonym inside an organisation's name, the prepositions that make it qualify what
# the body works for or on ("the Alliance for American Manufacturing", "Center for American
# Progress"): the name is the body's, the demonym no state of its own.
PURPOSE_TAIL = re.compile(r"\s+(?:for|of|on|against|para|por|de|del|contra)\s+"
                          r"(?:the\s+|la\s+|el\s+|los\s+|las\s+)?$", re.I)
# Weekdays are no given names before a surname ("On Monday Bukele met ..."); "domingo" is
# left out, a given name and a surname too.
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "lunes", "martes", "miercoles", "jueves", "viernes", "sabado"}
# Head nouns of institutions and bodies (folded): a span they open is an organisation, never
# a person or a place, even when the Spanish tagger runs it into the name after it ("Buró
# Político Roberto Morales Ojeda" from "miembro del Buró Político Roberto Morales Ojeda").
INSTITUTION_HEADS = {
    "comite", "buro", "partido", "consejo", "ministerio", "ministerios", "departamento",
    "comision", "escuela", "universidad", "tribunal", "asamblea", "camara", "corte", "direccion",
    "ejercito",
    "division", "cuerpo", "frente", "movimiento", "sindicato", "instituto", "fundacion", "junta",
    "committee", "bureau", "council", "ministry", "department", "commission", "university",
    "assembly", "comissao", "periodico", "diario", "semanario", "revista", "agencia",
    "compania", "companhia", "federacion", "confederacion", "asociacion", "colegio",
    "agrupacion", "coordinadora", "federacao", "confederacao", "associacao", "federation",
    "confederation", "association", "grupo", "organismo", "oficina", "unidad", "comando",
    "policia", "caja", "fondo",
    "sala",  # a chamber of a court ("Sala Penal", "Sala de Reconocimiento")
}
# English institution nouns that end a name: a span ending in one is an organisation, though
# the tagger calls it a person or a place ("Austin Peay State University", "Miami Dade College").
# A possessive the tagger runs into the name after it ("’s Haqqani").
POSSESSIVE_START = re.compile(r"[’']s\s+")
# Nouns after a name that make it a group's ("the Haqqani network", "the Wagner group").
GROUP_HEADS = {"network", "group", "faction", "movement", "militia", "clan", "cartel"}
CLOSING_HEADS = {
    "university", "college", "institute", "foundation", "council", "committee", "commission",
    "academy", "school", "agency", "association", "ministry", "department", "corporation",
    "federation", "confederation", "union", "party", "alliance", "hospital", "clinic", "church",
    "cathedral", "mosque",
}
# Last words that make a name a building or a site ("Nostrand Houses", a housing project the
# tagger took for a person), never a surname in the texts we read.
BUILDING_HEADS = {"houses", "towers", "apartments", "stadium", "airport", "avenue", "boulevard"}
# Nouns of a title that the tagger runs into a name ("Comandante de la [Revolución Ramiro
# Valdés Menéndez]"): the name is split off, but alone they keep their label ("Revolución
# Cubana" is an event, no organisation).
TITLE_NOUNS = {"revolucion"}
# Kinds of state written capitalised ("un Estado Laico", "el Estado de Derecho", "the Deep
# State"), folded content words: ideals or forms of rule, no place or body. Read on Chilean
# pages; "Estado Nacional" and "Estado Plurinacional" are left out, as they name a government.
STATE_KINDS = {"estado laico", "estado confesional", "estado derecho", "estado social derecho",
               "estado bienestar", "estado benefactor", "estado fallido", "estado profundo",
               "estado policial", "estado subsidiario", "estado democratico derecho",
               "deep state", "welfare state", "police state", "failed state"}
# The points of the compass that open a region of a place ("el norte de Santiago"): the
# region is in the place, so the place is named.
DIRECTIONS = {"norte", "sur", "este", "oeste", "oriente", "poniente", "noreste", "noroeste",
              "sureste", "suroeste", "sudeste", "sudoeste", "centro", "nordeste"}
# Words that open an office rather than a name ("Jefe del Ejército Oriental", "Secretario de
# Organización"): such a span is no person unless a name follows the office ("Jefe de
# Gobierno Pedro Sánchez").
OFFICE_HEADS = {"jefe", "jefa", "secretario", "secretaria", "miembro", "integrante", "director",
                "directora", "presidente", "presidenta", "primer", "primera", "head", "chief",
                "member"}
# Words that join an office or institution to its complement ("Jefe [del] Ejército").
JOINING_WORDS = {"de", "del", "of", "la", "el", "los", "las", "the"}
# Endings of the Spanish and Portuguese adjectives that follow a head ("Buró Político", "Comité
# Central", "Ejército Oriental"); one such word is skipped before the name, and only when two
# words are left for it, as given names end so too (Mario, Federico, Gloria).
ADJECTIVE_ENDINGS = ("ico", "ica", "al", "ar", "ivo", "iva", "ista", "ense", "ario", "aria",
                     "orio", "oria", "ano", "ana")
# A personal name after a title has two to four words (given names and two surnames).
NAME_WORDS = (2, 4)
# Prepositions of place or motion a capital's name follows, a person's hardly ("envoy to Kyiv");
# not "of"/"de", which join names ("Duke of Wellington", "Luis de Lima").
MOTION_PREPOSITIONS = {"in", "at", "from", "to", "near", "into", "en", "desde", "hasta", "hacia",
                       "em"}
ARTICLE = re.compile(r"^(?:the|an|el|la|los|las|o|a|os|as)\s+(?=\w)", re.I)
ALNUM = re.compile(r"[^\W_]")  # a character str.isalnum() accepts (all of Unicode checked)
# A Roman numeral before another capitalised word counts what follows ("IV Pleno", "XX
# Congreso"): a regnal number ends a name ("Felipe VI"), it never stands inside one.
ROMAN = re.compile(r"^[IVXL]{2,}$|^[VX]$")
# Endings of finite verb forms and the infinitive endings they come from, to find a
# headline's capitalised first word among the trigger lexicon's verbs ("Respalda" is
# respaldar, "Meets" meet); longest ending first.
VERB_ENDINGS = {
    "es": (("ieron", ("er", "ir")), ("aron", ("ar",)), ("emos", ("",)), ("ió", ("er", "ir")),
           ("an", ("ar",)), ("án", ("",)), ("en", ("er", "ir")), ("ó", ("ar",)), ("é", ("",)),
           ("á", ("",)), ("a", ("ar",)), ("e", ("er", "ir"))),
    "en": (("ied", ("y",)), ("ies", ("y",)), ("ed", ("", "e")), ("es", ("", "e")),
           ("s", ("",))),
}
# A Spanish future is the infinitive and an ending (the "" endings above: "firmaré",
# "atacarán"); these verbs change the infinitive first ("Haré todo lo necesario": hacer).
FUTURE_STEMS = {"har": "hacer", "dir": "decir", "pondr": "poner", "saldr": "salir",
                "tendr": "tener", "vendr": "venir", "podr": "poder", "sabr": "saber",
                "querr": "querer", "habr": "haber"}
# Words that put the name after them in a place ("en Hialeah"): narrower than the actors'
# place prepositions, as "de"/"of" also come before a person ("la hija de Vergara").
IN_WORDS = {"en", "in", "em", "at"}
# Words that join the places of a list ("Winston-Salem, en North Carolina", "Tampa y Miami").
LIST_WORDS = {",", "y", "e", "and", "o", "or", "en", "in", "em"}
# Our English lexicons of themes, tone and event triggers: a word written in them is a common
# English word. (The encoder's word pieces were tried and rejected: they hold "grace", "smith",
# "julia", so "Grace Smith" would be no one.)
ENGLISH_LEXICONS = [Path(__file__).parent.parent / part for part in (
    "opinion/data/themes.yaml", "opinion/data/tone_en.yaml", "events/data/lexicon_en.yaml")]
# "Somali American", "Mexican-American", "Cuban Americans": an American of that origin. The
# origin's demonym names no state there; the pair is one mention of the US demonym. Two
# demonyms also join two states ("Chinese-American talks", "the Russian American summit",
# "la cumbre ruso-estadounidense"), so a pair is one only beside a noun for people ("a
# Mexican-American mayor", "un legislador cubano-estadounidense") or no common noun at all
# ("Cuban-Americans").
AMERICAN = "USA"
# Nouns for a group of people of one origin ("the Cuban American community", "la comunidad
# cubano-estadounidense" is preceded by it): no generic agent, yet the pair names Americans.
ORIGIN_GROUPS = {"community", "communities", "population", "diaspora", "comunidad",
                 "comunidades", "colectividad", "poblacion", "comunidade"}
ORIGIN_JOINS = {" ", "-"}
T = TypeVar("T")


@dataclass
class Candidate:
    """A span that may name an actor; `mention` is the Mention it is or will become."""

    start: int
    end: int
    mention: Mention
    entries: list[Alias]
    from_ner: bool

    @property
    def known(self) -> bool:
        """Whether the span is a knowledge-base name outright (not only a possible surname)."""
        return any(e.kind in STRONG for e in self.entries)


class TokenView:
    """A document's tokens with their folded forms, for fast phrase lookups by position."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.folded = [fold(doc.text[t.start:t.end]) for t in doc.tokens]
        self.starts = [t.start for t in doc.tokens]
        self.words = [ALNUM.search(doc.text, t.start, t.end) is not None for t in doc.tokens]
        self.lower_words = {w for t in doc.tokens if (w := doc.text[t.start:t.end]).islower()}
        self.lower_nouns = Counter(w for t in doc.tokens if t.pos == "NOUN" and (
            w := doc.text[t.start:t.end]).islower())
        self.capitalised = Counter(w.lower() for t in doc.tokens if (
            w := doc.text[t.start:t.end]).istitle())
        # nouns of the numbered meetings named ("IV Pleno": pleno); alone and capitalised they
        # are that meeting again ("Según el Pleno"), no one's name
        self.counted: set[str] = set()
        # the states of the cities the document's place mentions name (link._city_states)
        self.city_states: set[str] | None = None

    def word(self, index: int) -> str:
        token = self.tokens[index]
        return self.doc.text[token.start:token.end]

    def is_word(self, index: int) -> bool:
        return self.words[index]

    def key(self, index: int, size: int) -> str:
        """Return the folded phrase of `size` tokens from `index` (punctuation tokens dropped)."""
        return " ".join(f for f in self.folded[index:index + size] if f)

    def first_at(self, char: int) -> int:
        """Return the index of the first token starting at or after a character offset."""
        return bisect_left(self.starts, char)

    def inside(self, start: int, end: int) -> range:
        return range(self.first_at(start), self.first_at(end))


# A middle initial between names ("Michael R. Bloomberg"), which a knowledge base's names
# may leave out.
MIDDLE_INITIAL = re.compile(r"(?<=\w) [A-Z]\. (?=\w)")

def lookup(text: str, kb: KnowledgeBase) -> list[Alias]:
    """Look a mention up as written, then without titles, then without a leading article,
    then without middle initials.

    "La Paz" is found as written; "the Armed Forces" and "ex-President Lula" only once cleaned;
    "Michael R. Bloomberg" as "Michael Bloomberg" ("George W. Bush" is found as written).
    """
    bare = POSSESSIVE.sub("", text.strip())
    cleaned = clean_name(text, kb)
    for form in (bare, kb.strip_title(bare), cleaned, MIDDLE_INITIAL.sub(" ", cleaned)):
        entries = kb.lookup(form)
        if bare.islower():
            entries = [e for e in entries if e.kind not in SEATS]
        if entries:
            return entries
    return []


def clean_name(text: str, kb: KnowledgeBase) -> str:
    """Return a mention's name without a possessive ending, leading article, titles, quote
    marks around it or a nickname quoted inside it (the name's owner is "Joaquín Guzmán")."""
    text = WORD_QUOTE.sub("", INNER_NICKNAME.sub(" ", POSSESSIVE.sub("", text.strip())))
    return kb.strip_title(ARTICLE.sub("", text.strip()))


def find_candidates(doc: Document, view: TokenView, kb: KnowledgeBase, family: str
                    ) -> list[Candidate]:
    """Return NER mentions plus knowledge-base matches NER missed, in text order."""
    _relabel_cities(doc, view, kb, family)
    for mention in list(doc.mentions):
        _cut_possessive(doc, mention, view)
        _cut_possessed_date(doc, mention)
        _cut_trailing_hyphen(mention)  # "a Cooperativa- que ..."
        if mention.label in PERSON_LABELS and (_english_words(doc, mention, kb) or any(
                c.isdigit() for c in mention.text)):  # "T13 Noche": a programme, no one's name
            mention.label = "ORG"
        if mention.label in PERSON_LABELS and (_saint(view, mention, kb)
                                                or _state_acting(view, mention, kb)):
            mention.label = KB_LABELS[family]["country"]  # the place label: LOC, GPE
        if mention.label in PERSON_LABELS and _after_hyphen(view, mention):
            # "Astra-[Zeneca Covid]": the tagger cut a hyphenated firm's name, no one's;
            # "Anne-[Marie Slaughter]" cut a hyphenated given name, still one person's
            mention.start = view.tokens[view.first_at(mention.start) - 2].start
            mention.text = doc.text[mention.start:mention.end]
            if not _hyphenated_given_name(mention.text, kb):
                mention.label = "ORG"
        elif mention.label == "ORG" and _hyphenated_given_name(mention.text, kb) and not (
                lookup(mention.text, kb)):
            mention.label = KB_LABELS[family]["person"]  # "Anne-Marie Slaughter" tagged a firm
        _cut_platform(mention, view)
        if mention.label in PLACE_LABELS:
            _cut_direction(mention, view, kb)
        if mention.label in ACTOR_LABELS:
            _trim_verbs(mention, view, kb)
            _cut_trailing_hyphen(mention)  # "Joe Biden-led" less its verb
            _cut_small_complement(mention, kb, family)
        if mention.label in PERSON_LABELS:
            _extend_name_left(mention, view, kb)
            _extend_over_syllable(mention, view)
            _cut_department(doc, mention, kb)
        if mention.label in ACTOR_LABELS:
            _split_institution(doc, mention, view, kb)
            _cut_unit_members(doc, mention, view, kb)
        if mention.label in PERSON_LABELS and (common_word_inside(view, mention)
                                                or _abstract_head(view, mention)):
            mention.label = "ORG"  # "[Operativo de seguridad Ciudadana de la Policía ...]"
        if mention.label in PERSON_LABELS and RESIDENCE_BEFORE.search(
                doc.text, max(0, mention.start - 12), mention.start):
            mention.label = KB_LABELS[family]["country"]  # "Lee, 30, of [Dedham]": a place
        if mention.label == "ORG" or mention.label in PERSON_LABELS:
            _person_after_state(doc, mention, kb, family)
    _join_nicknamed(doc, view, family)
    _add_missed_people(doc, view, kb, family)
    _add_surnames_of_named(doc, view, kb, family)
    # common words the tagger took for a name ("Agregando" opening a sentence) are no mention
    doc.mentions = [m for m in doc.mentions
                    if m.label not in ACTOR_LABELS or not _not_a_name(view, m, kb)]
    found = [Candidate(m.start, m.end, m, kb.in_language(
                 clean_name(m.text, kb), lookup(m.text, kb), doc.language), True)
             for m in doc.mentions if m.label in ACTOR_LABELS
             and _content_words(view, m) not in view.counted]
    # Spans only overlap within a sentence (or across one boundary), so each match looks at
    # the candidates and mentions of its own and neighbouring sentences: linear in the text.
    near = _BySentence([(c, c.mention.sentence) for c in found])
    mentions = _BySentence([(m, m.sentence) for m in doc.mentions])
    matches = _alias_matches(view, kb)
    match_starts = [m[0] for m in matches]
    for start, end, entries, sentence in matches:
        local = near.around(sentence)
        inside = [c for c in local if c.from_ner and c.start <= start and end <= c.end]
        if any(c.start == start and c.end == end for c in inside):
            continue
        if inside and nickname_of(inside[0].mention.text):
            continue  # 'Fernando "El Chino" Navarro' is no Alberto Fujimori ("El Chino")
        if inside and _agent_of(inside[0], start, kb):  # "Gobierno de Bolivia" tagged a place
            near.remove(sentence, {id(inside[0])})
            mentions.remove(sentence, {id(inside[0].mention)})
            local, inside = near.around(sentence), []
        if inside and not _split_container(inside[0], start, end, entries, match_starts,
                                           matches, kb):
            continue
        # spaCy sometimes calls an acronym a DATE, or cuts a long name into pieces
        # ("Organización" + "Estados Americanos", "the Commission against Impunity" +
        # "Guatemala"): the knowledge-base span replaces them; a known name it only crosses
        # keeps its place.
        pieces = [c for c in local if c.from_ner and _piece_of(c, start, end, doc.text)]
        if any(c.start < end and start < c.end and c.known and c not in pieces
               for c in local):
            continue
        replaced = {id(c.mention) for c in pieces}
        near.remove(sentence, {id(c) for c in pieces})
        mentions.remove(sentence, {
            id(m) for m in mentions.around(sentence) if m.start < end and start < m.end
            and (m.label not in ACTOR_LABELS or id(m) in replaced)})
        actor = kb.actors[entries[0].actor_id]
        mention = Mention(start, end, doc.text[start:end], KB_LABELS[family][actor.type],
                          sentence)
        mentions.add(mention, sentence)
        near.add(Candidate(start, end, mention, entries, False), sentence)
    doc.mentions = mentions.items()
    found = near.items()
    found.sort(key=lambda c: (c.start, -c.end))
    found = sorted(_join_origins(doc, view, kb, found) + _demonym_compounds(
        doc, view, kb, family), key=lambda c: (c.start, -c.end))
    for candidate in found:
        if candidate.entries and all(e.kind in PLACE_KINDS for e in candidate.entries) and (
                _after_local_place_noun(view, candidate.start)):
            candidate.entries = []  # "el barrio San José" of a Paraguayan town: not Costa Rica
    return found


def _cut_unit_members(doc: Document, mention: Mention, view: TokenView, kb: KnowledgeBase
                      ) -> None:
    """Cut the people of an armed unit off an entity span that swallowed them
    ("[Paramilitares del Bloque Calima]" tagged a place): the span keeps the unit, an
    organisation, and the sector noun before it is left to the knowledge base and the agent
    stage (the unit's members act as their group, as "Guerrilleros del ELN" do)."""
    words = list(view.inside(mention.start, mention.end))
    if len(words) < 3 or not any(kb.agent_sector(view.folded[words[0]], language)
                                 for language in kb.agents):
        return
    unit = next((k for k in words[2:4] if view.folded[k] in UNIT_NOUNS
                 and view.key(words[1], k - words[1]) in UNIT_OF), None)
    if unit is not None:
        mention.start, mention.label = view.tokens[unit].start, "ORG"
        mention.text = doc.text[mention.start:mention.end]


def _piece_of(candidate: Candidate, start: int, end: int, text: str) -> bool:
    """Whether an entity span is a piece of a longer knowledge-base name over start..end:
    inside it, or ahead of it by an article only ("[The International Commission against
    Impunity] in Guatemala"); a known name must be shorter than the name it is part of."""
    if candidate.end > end or (candidate.known and candidate.end - candidate.start
                               >= end - start):
        return False
    ahead = ARTICLE.match(text[candidate.start:end])
    return start <= candidate.start or (ahead is not None and
                                        candidate.start + ahead.end() == start)


def _saint(view: TokenView, mention: Mention, kb: KnowledgeBase) -> bool:
    """Whether a person span is a saint's name ("San Leopoldo", "Santa Rosa"), the knowledge
    base knowing no one by it."""
    words = view.inside(mention.start, mention.end)
    return (len(words) > 1 and view.folded[words[0]] in SAINT_TITLES
            and view.word(words[0])[:1].isupper() and not lookup(mention.text, kb))


def _state_acting(view: TokenView, mention: Mention, kb: KnowledgeBase) -> bool:
    """Whether a one-word person span is a capital or state the knowledge base knows, as the
    subject of a verb of the trigger lexicon: a state act ("Washington impuso sanciones",
    the Spanish tagger calling a sentence's capitalised first word a person), or after a
    preposition of place or motion, which no person's name follows."""
    words = view.inside(mention.start, mention.end)
    entries = lookup(mention.text, kb)
    if len(words) != 1 or not entries or not all(
            e.kind in PLACE_KINDS or kb.actors[e.actor_id].type == "country" for e in entries):
        return False
    token = view.tokens[words[0]]
    if words[0] and view.folded[words[0] - 1] in MOTION_PREPOSITIONS:
        return True  # "special envoy to [Kyiv]", "viajó hasta Caracas": a place
    return token.dep.startswith("nsubj") and 0 <= token.head < len(view.tokens) and (
        view.tokens[token.head].lemma in lexicon(view.doc.language or "en").verbs)


def _after_hyphen(view: TokenView, mention: Mention) -> bool:
    """Whether a span starts after a capitalised word and a hyphen with no space between
    ("Astra-Zeneca", "Coca-Cola"): the second half of a hyphenated name."""
    index = view.first_at(mention.start)
    if index < 2 or view.word(index - 1) != "-":
        return False
    hyphen, before = view.tokens[index - 1], view.tokens[index - 2]
    return (before.end == hyphen.start and hyphen.end == mention.start
            and view.word(index - 2).istitle() and view.word(index - 2).isalpha())


def _platform_of_handle(view: TokenView, index: int) -> bool:
    """Whether a word names the platform of the @handle after it ("on Twitter @DLRaby"):
    where the handle is, no actor of the story."""
    return (view.folded[index] in PLATFORMS and index + 1 < len(view.tokens)
            and view.word(index + 1).startswith("@"))


def _cut_platform(mention: Mention, view: TokenView) -> None:
    """Cut the platform's name off an entity span that ends in an @handle ("Twitter
    @DLRaby" is "@DLRaby": the handle is the person's)."""
    inside = list(view.inside(mention.start, mention.end))
    if len(inside) < 2 or not view.word(inside[-1]).startswith("@"):
        return
    first = 0
    while first < len(inside) - 1 and _platform_of_handle(view, inside[first]):
        first += 1
    if first:  # the tokenizer leaves a sentence's full stop on a handle ("@DLRaby.")
        mention.start = view.tokens[inside[first]].start
        mention.text = view.doc.text[mention.start:mention.end].rstrip(".,;:")
        mention.end = mention.start + len(mention.text)


def _cut_direction(mention: Mention, view: TokenView, kb: KnowledgeBase) -> None:
    """Cut a point of the compass and "de" off a place span when a known place follows ("norte
    de Santiago" is in Santiago); "Norte de Santander", which the knowledge base lacks, stays."""
    inside = list(view.inside(mention.start, mention.end))
    if len(inside) < 3 or view.folded[inside[0]] not in DIRECTIONS or view.folded[
            inside[1]] not in ("de", "del"):
        return
    start = view.tokens[inside[2]].start
    if any(e.kind in STRONG for e in lookup(view.doc.text[start:mention.end], kb)):
        mention.start, mention.text = start, view.doc.text[start:mention.end]


def _join_origins(doc: Document, view: TokenView, kb: KnowledgeBase,
                  found: list[Candidate]) -> list[Candidate]:
    """Make a demonym of origin and the US demonym after it one US mention ("Somali
    American", see AMERICAN); return the candidates left."""
    dropped: set[int] = set()
    for origin, american in zip(found, found[1:], strict=False):
        gap = doc.text[origin.end:american.start]
        if gap not in ORIGIN_JOINS or not _demonym_of(origin, None) or not _demonym_of(
                american, AMERICAN) or not _people_noun_after(view, kb, american):
            continue
        american.start = american.mention.start = origin.start
        american.mention.text = doc.text[american.start:american.end]
        dropped.add(id(origin))
    gone = {id(c.mention) for c in found if id(c) in dropped}
    doc.mentions = [m for m in doc.mentions if id(m) not in gone]
    return [c for c in found if id(c) not in dropped]


def _demonym_compounds(doc: Document, view: TokenView, kb: KnowledgeBase, family: str
                       ) -> list[Candidate]:
    """Return a candidate for each state a lower-case word of two demonyms joined by a hyphen
    names ("la cumbre ruso-estadounidense": Russia and the US), or one US candidate for the
    whole word after a noun for people ("un legislador cubano-estadounidense"), see AMERICAN;
    the tagger leaves these words out."""
    found = []
    for index, token in enumerate(view.tokens):
        word = view.word(index)
        halves = word.split("-")
        if len(halves) != 2 or not word.islower():  # cheap tests first: most words fail them
            continue
        states = [{e.actor_id for e in kb.lookup(half) if e.kind == "demonym"} for half in halves]
        if not all(len(each) == 1 for each in states) or states[0] == states[1]:
            continue
        spans = [(token.start, token.start + len(halves[0])), (token.end - len(halves[1]),
                                                               token.end)]
        if states[1] == {AMERICAN} and index and _names_people(view, kb, index - 1,
                                                               doc.language):
            spans = [(token.start, token.end)]
        for start, end in spans:
            mention = Mention(start, end, doc.text[start:end], KB_LABELS[family]["country"],
                              token.sentence)
            doc.mentions.append(mention)
            found.append(Candidate(start, end, mention, [e for e in kb.lookup(
                doc.text[start:end].rsplit("-", 1)[-1]) if e.kind == "demonym"], False))
    return found


def _demonym_of(cand: Candidate, country: str | None) -> bool:
    """Whether a candidate is only a demonym (of this country, or of any one)."""
    return bool(cand.entries) and all(e.kind == "demonym" and country in (None, e.actor_id)
                                      for e in cand.entries)


def _people_noun_after(view: TokenView, kb: KnowledgeBase, cand: Candidate) -> bool:
    """Whether the word after a candidate is a noun for people ("mayor", "activists", a
    title) or no common noun at all, so the candidate names people, not a state."""
    index = view.first_at(cand.end)
    return index >= len(view.tokens) or view.tokens[index].pos != "NOUN" or _names_people(
        view, kb, index, "en")


def _names_people(view: TokenView, kb: KnowledgeBase, index: int, language: str | None
                  ) -> bool:
    """Whether a token is a noun for people: a generic agent of the language, a title or a
    group of people (ORIGIN_GROUPS)."""
    word = view.folded[index]
    agents = lexicon(language or "en").generic_agents
    return view.tokens[index].pos == "NOUN" and (word in ORIGIN_GROUPS or any(
        form in agents or form in kb.titles for form in (word, word[:-1], word[:-2])))


def _after_local_place_noun(view: TokenView, start: int) -> bool:
    index = view.first_at(start) - 1
    return index >= 0 and view.folded[index] in LOCAL_PLACE_NOUNS


def _english_words(doc: Document, mention: Mention, kb: KnowledgeBase) -> bool:
    """Whether a person-tagged span in a text not in English is English words none of which
    the knowledge base gives a person ("Global Startup Ecosystem" in a Spanish story): the
    name of a firm or a report, no one's. The lexicons hold a few words that are also names
    ("hope", "king"), which the knowledge base's people cover in part."""
    words = [fold(word) for word in mention.text.split()]
    if doc.language in (None, "en") or len(words) < 2:
        return False
    vocabulary, names = _english_lexicon_words(), _person_words(kb)
    return all(word.isalpha() and word in vocabulary and word not in names for word in words)


@lru_cache(maxsize=1)
def _english_lexicon_words() -> frozenset[str]:
    return frozenset(word for path in ENGLISH_LEXICONS
                     for word in re.findall(r"\b[a-z]{3,}\b", path.read_text("utf-8")))


@lru_cache(maxsize=4)
def _person_words(kb: KnowledgeBase) -> frozenset[str]:
    """The folded words of the names and aliases of the knowledge base's people."""
    return frozenset(word for actor in kb.actors.values() if actor.type == "person"
                     for name in (actor.name, *actor.aliases) for word in fold(name).split())


def _hyphenated_given_name(text: str, kb: KnowledgeBase) -> bool:
    """Whether a name opens with two given names joined by a hyphen and has one or two words
    more ("Anne-Marie Slaughter"): a person's name, where "Astra-Zeneca Covid" is a firm's."""
    words = text.split()
    halves = words[0].split("-") if words else []
    return 1 < len(words) <= 3 and len(halves) == 2 and all(
        half.istitle() and fold(half) in kb.given_name_parts for half in halves)


def _relabel_cities(doc: Document, view: TokenView, kb: KnowledgeBase, family: str) -> None:
    """Label a one-word name tagged a person a place when GeoNames knows it as a city, the
    document gives it no one as part of a longer name, and somewhere it stands in a place's
    context: after "en"/"in", or in a list beside another place ("Hialeah", "Winston-Salem,
    en North Carolina" in a Spanish list of US cities). Every mention of it is relabelled."""
    from marea.events.place import city  # events.tree imports this module

    places = {(m.start, m.end) for m in doc.mentions if m.label in PLACE_LABELS}
    people = [m for m in doc.mentions if m.label in PERSON_LABELS]
    longer = {fold(word) for m in people if " " in m.text.strip() for word in m.text.split()}
    found: set[str] = set()
    for mention in people:
        name = fold(mention.text)
        if (" " in mention.text.strip() or name in longer or name in found
                or city(mention.text) is None
                or any(e.kind in STRONG and kb.actors[e.actor_id].type == "person"
                       for e in kb.lookup(mention.text))):
            continue
        inside = view.inside(mention.start, mention.end)
        if not inside:
            continue
        if _in_place_context(view, inside[0], inside[-1], places):
            found.add(name)
    for mention in people:
        if fold(mention.text) in found:
            mention.label = KB_LABELS[family]["country"]  # the place label: LOC, GPE


def _in_place_context(view: TokenView, first: int, last: int, places: set[tuple[int, int]]
                      ) -> bool:
    """Whether tokens first..last follow "en"/"in", or are joined by list words to a place."""
    if first and view.folded[first - 1] in IN_WORDS:
        return True
    spans = {start for start, _ in places} | {end for _, end in places}
    for step, index in ((-1, first - 1), (1, last + 1)):
        joined = False
        while 0 <= index < len(view.tokens) and view.word(index).lower() in LIST_WORDS:
            index, joined = index + step, True
        token = view.tokens[index] if 0 <= index < len(view.tokens) else None
        if joined and token is not None and (
                token.start in spans or token.end in spans) and (
                token.sentence == view.tokens[first].sentence):
            return True
    return False


class _BySentence(Generic[T]):
    """Items bucketed by sentence that keep their overall order (the order they were added)."""

    def __init__(self, items: list[tuple[T, int]]) -> None:
        self.buckets: dict[int, list[tuple[int, T]]] = {}
        self.count = 0
        for item, sentence in items:
            self.add(item, sentence)

    def add(self, item: T, sentence: int) -> None:
        self.buckets.setdefault(sentence, []).append((self.count, item))
        self.count += 1

    def around(self, sentence: int) -> list[T]:
        """Items of the sentence and the ones either side of it, in order."""
        found = [entry for s in (sentence - 1, sentence, sentence + 1)
                 for entry in self.buckets.get(s, ())]
        return [item for _, item in sorted(found, key=lambda entry: entry[0])]

    def remove(self, sentence: int, ids: set[int]) -> None:
        """Remove the items around a sentence whose id() is in `ids`."""
        for s in (sentence - 1, sentence, sentence + 1):
            if ids and s in self.buckets:
                self.buckets[s] = [e for e in self.buckets[s] if id(e[1]) not in ids]

    def items(self) -> list[T]:
        entries = [entry for bucket in self.buckets.values() for entry in bucket]
        return [item for _, item in sorted(entries, key=lambda entry: entry[0])]


# a contraction inside a hashtag is part of it ("#WhyI'mNotVotingForHillary"); a
# possessive ending is not ("#SupremeCourt's")
HANDLE = re.compile(r"(?<![\w@#])[#@]([A-Za-z][A-Za-z0-9_]{2,40}(?:'(?!s\b)[A-Za-z]\w*)?)")
CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
HANDLE_FILLERS = {"real", "the", "official", "el", "la"}  # @realDonaldTrump, @TheDemocrats
SOCIAL_WORDS = 80  # a text this short is a social post: a lower-case surname may be a name
TAG_NAME_CHARS = 5  # the shortest name found inside a lower-case tag ("trump" in "nevertrump")
TAG_PLACE_WORDS = {"la", "el", "los", "las", "de", "del", "the", "of", "da", "do"}  # "#VueleLaPaz"
TAG_CLAUSE_WORDS = ("for", "the", "on", "in", "is", "will", "must", "should", "can", "2", "4")
BLEND_TAIL = 6  # the fewest letters of a name a mocking blend keeps ("Killary": "illary")
_BLEND_TAILS: dict[int, dict[str, set[tuple[str, str]]]] = {}  # id(kb) -> tail -> onset, actor
_INITIALS: dict[int, dict[str, set[str]]] = {}  # id(kb) -> "HRC" -> people of those initials


def social_candidates(view: TokenView, kb: KnowledgeBase, taken: list[Candidate],
                      family: str) -> list[Candidate]:
    """Names the way social posts write them: hashtags and @handles ("#Hillary",
    "@realDonaldTrump", "#EvoMorales"), campaign slogans ("#MakeAmericaGreatAgain": see
    kb.slogan_candidate) and lower-case names ("hillary clinton", and in a
    short post a lone "trump"). A candidate NER already made over the word takes the
    entries; otherwise a new mention is added. Only a single actor counts as found."""
    found: list[Candidate] = []
    spans: list[tuple[int, int, list[Alias]]] = []
    day = parse_day(view.doc.metadata.get("published"))
    for match in HANDLE.finditer(view.doc.text):
        candidate = slogan_candidate(match.group(1), day) if match.group(0)[0] == "#" else None
        if candidate:  # "#MakeAmericaGreatAgain" names its candidate, not America
            spans.append((match.start(), match.end(), [Alias(candidate, "alias")]))
            continue
        words = tag_words(match.group(1), kb)
        while len(words) > 1 and words[0].lower() in HANDLE_FILLERS:
            words = words[1:]
        # one word of a longer tag names someone by a full alias ("#StopHillary"), or by a
        # surname not after an article or "of" ("#nevertrump"): "#VueleLaPaz" (fly, La Paz)
        # is no Rodrigo Paz; a leading surname only when a year or a clause about the person
        # follows ("#Trump2016", "#TrumpForPresident"), not a compound ("#TrumpTower")
        singles = [(w, words[i - 1].lower() not in TAG_PLACE_WORDS if i else _tag_clause(words))
                   for i, w in enumerate(words) if w.isalpha() and len(w) > 2
                   ] if len(words) > 1 else []
        for form, surname in ((" ".join(words), True), *singles):
            entries = _one_actor(kb, form, allow_surname=surname)
            if entries and form != " ".join(words) and match.group(0)[0] == "@" and (
                    kb.actors[entries[0].actor_id].type != "person"):
                continue  # an account named after a place is no state's: "@JamaicaGleaner"
            if entries and form != " ".join(words) and match.group(0)[0] == "@" and not (
                    _account_of(kb, kb.actors[entries[0].actor_id], words, form)):
                continue  # "@JebBush" is no George W. Bush, "@ChrisChristie" no Perry Christie
            if entries:
                spans.append((match.start(), match.end(), entries))
                break
        else:  # "#Killary", "#NoBillary": a mocking blend of one person's name
            blends = {name_blend(word, kb) for word in words} - {None}
            if len(blends) == 1:
                spans.append((match.start(), match.end(), [Alias(blends.pop() or "", "alias")]))
    short = len([w for w in view.words if w]) <= SOCIAL_WORDS
    blended: set[int] = set()  # starts of words read as a mocking blend of a name
    for index, token in enumerate(view.tokens):
        word = view.word(index)
        initialled = initials_of(word, kb, view) if short else None
        if initialled:  # "HRC" in a post that speaks of Clinton
            spans.append((token.start, token.end, [Alias(initialled, "alias")]))
            continue
        blend = name_blend(word, kb) if short and word.istitle() else None
        if blend and view.doc.text[token.start - 1:token.start] not in ("#", "@"):
            spans.append((token.start, token.end, [Alias(blend, "alias")]))  # "Shillary"
            blended.add(token.start)
            continue
        called = campaign_name(view, index, kb, day) if short else None
        if called:  # "the Donald", "Hilary" in a post of the 2016 campaign: as good as the
            # name (an "alias" given name others share would wait for the full name)
            spans.append((token.start, token.end, [Alias(called, "name")]))
            continue
        if not word.isalpha() or not word.islower() or token.pos in ("VERB", "AUX", "ADP"):
            continue
        # a name key the word or the pair it opens looks up starts with the word folded, when
        # that is one word and not a leading "the", which folding drops ("the clinton")
        folded = view.folded[index]
        if folded.isalpha() and folded not in kb.first_words and folded != "the":
            continue
        after = view.word(index + 1) if index + 1 < len(view.tokens) else ""
        pair = f"{word} {after}"  # "unity ," folds to "unity": one word, Haiti's party Inite
        entries = _one_actor(kb, pair, allow_surname=False) if pair.islower() and (
            after.isalpha() or _written_small(kb, word)) else []
        if entries:  # a mark after one word is no part of its name: "kirchnerismo,"
            end = view.tokens[index + 1].end if after.isalpha() else token.end
            spans.append((token.start, end, entries))
        elif short and len(word) > 3 and not (index and view.tokens[index - 1].pos
                                                in COUNTING_TAGS):  # "dos torres"
            entries = _one_actor(kb, word, allow_surname=True)
            if entries and all(kb.actors[e.actor_id].type == "person" for e in entries):
                spans.append((token.start, token.end, entries))
    for start, end, entries in spans:
        inside = [c for c in taken + found if c.start < end and start < c.end]
        if inside:
            # a word of a longer name is no blend of its own: "Gilberto" of "Luis Gilberto
            # Murillo" is a given name, not a blend mocking Alberto Fernández
            if not inside[0].known and (start not in blended or (
                    start <= inside[0].start and inside[0].end <= end)):
                inside[0].entries = entries
            continue
        kind = kb.actors[entries[0].actor_id].type
        label = KB_LABELS[family].get(kind, "ORG")
        mention = Mention(start, end, view.doc.text[start:end], label,
                          view.tokens[view.first_at(start)].sentence)
        view.doc.mentions.append(mention)
        found.append(Candidate(start, end, mention, entries, False))
    return found


def initials_of(word: str, kb: KnowledgeBase, view: TokenView) -> str | None:
    """The person whose full name of three words or more a word of capitals spells the
    initials of ("HRC": Hillary Rodham Clinton), when the document names that person's
    surname too, or the person is a candidate in a campaign running on the post's day
    (kb.candidates): otherwise initials are anyone's (the Human Rights Council's too)."""
    if not (3 <= len(word) <= 4 and word.isalpha() and word.isupper()) or kb.lookup(word):
        return None
    table = _INITIALS.get(id(kb))
    if table is None:
        table = _INITIALS[id(kb)] = {}
        for person in kb.actors.values():
            for name in (person.name, *person.aliases) if person.type == "person" else ():
                if len(parts := name.split()) >= 3 and all(p[:1].isupper() for p in parts):
                    table.setdefault("".join(p[0] for p in parts), set()).add(person.id)
    running = candidates(parse_day(view.doc.metadata.get("published")))
    people = [p for p in table.get(word, ())
              if fold(kb.actors[p].name.split()[-1]) in view.folded or p in running]
    return people[0] if len(people) == 1 else None


def campaign_name(view: TokenView, index: int, kb: KnowledgeBase, day: date | None
                  ) -> str | None:
    """The candidate of a campaign running at `day` (kb.candidates) a capitalised word of a
    post (a text with a #tag or @handle) calls by surname alone ("Trump did not ..."), by
    given name ("the Donald", "Careful Donald") or by a given name misspelt inside, its first
    and last letters kept ("Hilary", "Hillaey Clinton"; "Gabriela" is no Gabriel), when it
    fits one candidate only. Not another word the knowledge base or the English lexicons
    know, nor one that opens another person's full name ("Hilary Duff")."""
    word = view.word(index)
    if len(word) < 5 or not word.isalpha() or not (word.istitle() or word.isupper()) or (
            view.doc.text[view.tokens[index].start - 1:view.tokens[index].start] in ("#", "@")
            ) or not HANDLE.search(view.doc.text):
        return None
    running = candidates(day)
    known = kb.lookup(word)
    found = {e.actor_id for e in known if e.kind == "surname" and e.actor_id in running}
    if not found and (known or fold(word) in _english_lexicon_words()):
        return None
    folded = fold(word)
    for person in running if not known else ():
        given = fold(kb.actors[person].name).split()[0]
        if folded == given or len(given) >= 5 and folded[0] == given[0] and \
                folded[-1] == given[-1] and _one_edit(folded[:-1], given[:-1]):
            found.add(person)
    if len(found) != 1:
        return None
    person = found.pop()
    after = view.word(index + 1) if index + 1 < len(view.tokens) else ""
    if after[:1].isupper() and after.isalpha() and fold(after) not in fold(
            kb.actors[person].name).split():
        return None  # "Hilary Duff": another person's name
    return person


def _one_edit(word: str, name: str) -> bool:
    """Whether two different words are one letter apart: one dropped, added, changed, or two
    neighbours swapped ("hilary", "hillaey", "hilliary", "hillray" for "hillary")."""
    if word == name or abs(len(word) - len(name)) > 1:
        return False
    start = 0
    while start < min(len(word), len(name)) and word[start] == name[start]:
        start += 1
    a, b = word[start:], name[start:]
    return a[1:] == b[1:] or a == b[1:] or a[1:] == b or (a[:2] == b[1::-1] and a[2:] == b[2:])


def _account_of(kb: KnowledgeBase, person: Actor, words: list[str], surname: str) -> bool:
    """Whether an @handle that holds a person's surname alone is that person's: each word
    before it is a title or a word of the person's names ("@SenSanders"). An account gives
    its holder's full name, so one with another given name before the surname is another
    person's ("@JebBush"); a name the person goes by alone needs no such check
    ("@HillaryforIA")."""
    if _one_actor(kb, surname, allow_surname=False):
        return True
    names = {word for name in (person.name, *person.aliases) for word in fold(name).split()}
    return all(fold(word) in names or fold(word) in kb.titles or f"{fold(word)}." in kb.titles
               for word in words[:words.index(surname)])


def _written_small(kb: KnowledgeBase, word: str) -> bool:
    """Whether the knowledge base itself writes a one-word name in small letters (the
    Spanish "paramilitares" for the AUC), as it does no name common words only match."""
    return any(name.islower() for e in kb.lookup(word) for name in kb.actors[e.actor_id].aliases
               if fold(name) == fold(word))


def _tag_clause(words: list[str]) -> bool:
    """Whether what follows a tag's first word says something of it: a year ("Trump 2016") or
    a clause word ("Trump for president", "Hillary on CNN", "Trump the chump")."""
    return words[1].isdigit() and len(words[1]) == 4 or words[1].lower().startswith(
        TAG_CLAUSE_WORDS)  # "2" and "4" stand for "to" and "for" ("#Trump4POTUS")


def tag_words(tag: str, kb: KnowledgeBase) -> list[str]:
    """The words of a hashtag or handle: by case ("StopHillary"), and a tag written all in
    lower case split where it starts or ends with a name of one actor ("hillaryforprison",
    "nevertrump": [never, trump]), the longest name first; a capitalised word that runs a
    name into a clause word ("HillaryforNH", "Trumpforpresident") split after the name."""
    words = CAMEL.findall(tag.replace("_", " ").replace("'", ""))  # "I'm" is one word
    words = [part for word in words for part in _name_first(word, kb)]
    if len(words) != 1 or not words[0].islower() or len(words[0]) < TAG_NAME_CHARS + 2:
        return words
    word = words[0]
    for size in range(len(word) - 2, TAG_NAME_CHARS - 1, -1):  # "no" + "trump"; not "trump"
        if _one_actor(kb, word[-size:], allow_surname=True):  # + "et"
            return [word[:-size], word[-size:]]
        if size <= len(word) - 3 and _one_actor(kb, word[:size], allow_surname=True):
            return [word[:size], word[size:]]
    return words


def _name_first(word: str, kb: KnowledgeBase) -> list[str]:
    """A capitalised word of a tag split after the one actor's name it starts with when a
    clause word follows it ("Hillaryfor": Hillary, for); the word otherwise ("Obamacare")."""
    if not word.istitle() or len(word) < TAG_NAME_CHARS + 2 or not word.isalpha():
        return [word]
    for size in range(len(word) - 2, TAG_NAME_CHARS - 1, -1):
        if word[size:].lower().startswith(TAG_CLAUSE_WORDS) and \
                _one_actor(kb, word[:size], allow_surname=True):
            return [word[:size], word[size:]]
    return [word]


def name_blend(word: str, kb: KnowledgeBase) -> str | None:
    """The person a mocking name blend stands for: a word the knowledge base does not know
    that is one person's one-word name with its first one or two letters changed ("Killary",
    "Shillary", "Billary" for Hillary), as social posts deride a candidate. None otherwise."""
    if not word.isalpha() or len(word) <= BLEND_TAIL or kb.lookup(word):
        return None
    tails = _BLEND_TAILS.get(id(kb))
    if tails is None:
        tails = _BLEND_TAILS[id(kb)] = {}
        for key, entries in kb.index.items():
            people = {e.actor_id for e in entries if e.kind in ("name", "alias")
                      and kb.actors[e.actor_id].type == "person"}
            if len(people) != 1 or not key.isalpha():
                continue
            for cut in (1, 2):
                if len(key) - cut >= BLEND_TAIL:
                    tails.setdefault(key[cut:], set()).add((key[:cut], next(iter(people))))
    folded = fold(word)
    found = {actor for cut in (1, 2) for onset, actor in tails.get(folded[cut:], ())
             if onset[0] != folded[0]}
    return found.pop() if len(found) == 1 else None


def _one_actor(kb: KnowledgeBase, form: str, allow_surname: bool) -> list[Alias]:
    """The knowledge-base entries of a name form when they all point at one actor, as a
    strong alias (a handle or hashtag names someone on purpose)."""
    if not form:
        return []
    kinds = STRONG - (SEATS if form.islower() else set()) | (
        {"surname"} if allow_surname else set())
    entries = [e for e in kb.lookup(form) if e.kind in kinds and e.kind != "demonym"]
    actors = {e.actor_id for e in entries}
    return [Alias(actors.pop(), "alias")] if len(actors) == 1 else []


def surname_candidates(view: TokenView, kb: KnowledgeBase, countries: set[str], family: str,
                       taken: list[Candidate], day: date | None = None) -> list[Candidate]:
    """Return bare surnames NER missed ("Áñez", "Temer") of people from the named countries,
    or of the one bearer who leads a government that day ("Petro travelled to Caracas"). A
    word the tagger takes for a common noun (a headline's "Áñez claims ...") counts only as
    the surname of the one such person the document also names in full."""
    covered = {i for c in taken for i in view.inside(c.start, c.end)}
    in_full = {e.actor_id for c in taken if " " in c.mention.text.strip()
               for e in c.entries if e.kind in ("name", "alias")}
    found = []
    for index, token in enumerate(view.tokens):
        word = view.word(index)
        if index in covered or token.pos not in ("PROPN", "NOUN") or not word.istitle() or (
                _month_named(view, index)):  # "in May", no Theresa May
            continue
        surnames = [e for e in kb.lookup(word) if e.kind == "surname"]
        entries = [e for e in surnames if kb.actors[e.actor_id].country in countries]
        leaders = [e for e in surnames if kb.actors[e.actor_id].leads_government(day)]
        if not entries and day is not None and len(leaders) == 1:
            entries = leaders
        if token.pos == "NOUN" and not (len(entries) == 1 and entries[0].actor_id in in_full):
            continue
        if entries:
            mention = Mention(token.start, token.end, word, KB_LABELS[family]["person"],
                              token.sentence)
            view.doc.mentions.append(mention)
            found.append(Candidate(token.start, token.end, mention, entries, False))
    return found


def _alias_matches(view: TokenView, kb: KnowledgeBase
                   ) -> list[tuple[int, int, list[Alias], int]]:
    """Return the longest knowledge-base alias matches over the tokens (strong kinds only)."""
    matches = []
    tokens, text = view.tokens, view.doc.text
    index = 0
    while index < len(tokens):
        initial = text[tokens[index].start:tokens[index].start + 1]
        if view.folded[index] not in kb.first_words or not view.is_word(index) or not (
                initial.isupper() or initial.isdigit()):
            index += 1  # names start with a capital; lower-case demonyms are left to NER
            continue
        for size in range(min(kb.max_alias_tokens, len(tokens) - index), 0, -1):
            last = index + size - 1
            if tokens[index].sentence != tokens[last].sentence or not view.is_word(last):
                continue
            surface = text[tokens[index].start:tokens[last].end]
            entries = [e for e in kb.in_language(surface, kb.lookup(surface), view.doc.language)
                       if e.kind in STRONG]
            if entries and size == 1 and (_starts_a_name(view, index, entries)
                                          or view.tokens[index].pos in WORD_TAGS
                                          or _opening_verb_form(view, index)
                                          or _platform_of_handle(view, index)):
                entries = []
            if entries:
                matches.append((tokens[index].start, tokens[last].end, entries,
                                tokens[index].sentence))
                index += size
                break
        else:
            index += 1
    return matches


def _opening_verb_form(view: TokenView, index: int) -> bool:
    """Whether a word opening a sentence or quote is a verb there, no party of that name
    ('"Vamos a ver..."' is "let us see", not Guatemala's Vamos; "Podemos hacer" is "we can
    do", while "Podemos criticó", the tagger calling it an auxiliary of a finite verb, names
    the party)."""
    token = view.tokens[index]
    head = view.tokens[token.head] if 0 <= token.head < len(view.tokens) else token
    return token.pos in ("VERB", "AUX") and not token.dep.startswith("nsubj") and (
        token.dep != "aux" or "VerbForm=Inf" in head.morph) and _opens(view, index)


OPENING_MARKS = {'"', "“", "«", "‘", "'", "—", "–", "-", "(", "¿", "¡"}
CLOSING_MARKS = {"”", "»", "’"}


def _not_a_name(view: TokenView, mention: Mention, kb: KnowledgeBase) -> bool:
    """Whether an entity span is common words the tagger took for a name: a phrase all in
    small letters outside a short post ("ningún país" tagged PER), a name of God ("Dios"),
    or one word that is a function word ("UN ACUERDO"), an era after a year ("404 B.C."), a
    verb written small or capitalised only as it opens a sentence or quote ("aseguró" tagged
    ORG, '“Está clara la agenda' tagged PER), a lower-case noun after an article or
    numeral ("Dos torres"), the state of an office ("jefe del Estado"), a kind of state
    ("Estado Laico"), a title alone ("Lt Col") or a heading of one word no known person
    bears."""
    inside = [i for i in view.inside(mention.start, mention.end) if view.is_word(i)]
    if len(inside) > 1 and mention.text.islower() and len(view.tokens) > SOCIAL_WORDS:
        return True  # in a short post "hillary clinton" is a name
    if mention.label in PERSON_LABELS and len(inside) > 1 and (
            view.folded[inside[0]] in OFFICE_HEADS and view.folded[inside[1]] in JOINING_WORDS
            and len(_trailing_name(view, inside)) < NAME_WORDS[0]):
        return True  # "Jefe del Ejército Oriental" is an office, not who holds it
    if _content_words(view, mention) in DEITIES | STATE_KINDS:
        return True
    if mention.label in PERSON_LABELS and len(inside) > 1 and fold(mention.text) in kb.titles:
        return True  # "[Lt Col] Alexander Vindman" tagged as two people: a rank is no one
        # (one word may be a surname too: "King and Weeks were abducted")
    if mention.label in PERSON_LABELS and _plural_article_before(view, inside) and not any(
            kb.actors[e.actor_id].type == "person" for e in kb.lookup(mention.text)):
        return True  # "las Normas Transitorias": a person's name takes no plural article
    if mention.label in PLACE_LABELS and _abstract_noun_after_article(view, inside, kb) and not (
            kb.lookup(view.word(inside[-1]))):
        return True  # "la nueva Constitución", "La Convención": no town of that name
    if len(inside) != 1:
        return False
    index = inside[0]
    token = view.tokens[index]
    if view.folded[index] in ERAS and index > 0 and view.tokens[index - 1].pos == "NUM":
        return True
    if view.folded[index] == "estado" and index > 1 and view.folded[index - 1] in (
            "de", "del") and view.folded[index - 2] in OFFICE_HEADS:
        return True  # "el jefe del Estado" is an office, whoever holds it
    if token.pos in FUNCTION_TAGS or (token.pos in ("VERB", "AUX") and (
            view.word(index).islower() or _opens(view, index))) or _opening_verb(
            view, index, kb):  # '“Haré todo lo necesario”' tagged a place
        return True
    if mention.label in PERSON_LABELS and _heading(view.doc.text, mention) and not any(
            kb.actors[e.actor_id].type == "person" for e in kb.lookup(mention.text)):
        return True  # a section heading ("Evocación" on a line of its own) names no one
    return (mention.text.islower() and token.pos == "NOUN" and index > 0
            and view.tokens[index - 1].pos in COUNTING_TAGS)


def _abstract_head(view: TokenView, mention: Mention) -> bool:
    """Whether a span opens with an abstract noun by its ending and a joining word after it
    ("Presidência da República", "Dirección de Inteligencia"): a body's name, no person's."""
    inside = [i for i in view.inside(mention.start, mention.end) if view.is_word(i)]
    return len(inside) > 2 and view.folded[inside[0]].endswith(ABSTRACT_ENDINGS + (
        "cao", "dade", "mento")) and view.folded[inside[1]] in UNIT_OF | {"da", "do", "of"}


def _plural_article_before(view: TokenView, inside: list[int]) -> bool:
    """Whether a span opens right after a plural article, or with one ("las Normas")."""
    first = inside[0] - 1 if view.folded[inside[0]] not in PLURAL_ARTICLES else inside[0]
    return first >= 0 and view.folded[first] in PLURAL_ARTICLES


def _abstract_noun_after_article(view: TokenView, inside: list[int], kb: KnowledgeBase
                                 ) -> bool:
    """Whether a span is one Spanish abstract noun by its ending ("Constitución",
    "Convención"; "Asamblea" is not) after a definite article, in the span or before it,
    with an adjective between or not ("la nueva Constitución"): a document or body the text
    names by a common noun; a town of that name takes no article."""
    if len(inside) == 2 and view.folded[inside[0]] in ("la", "el"):
        inside = inside[1:]
    if len(inside) != 1:
        return False
    index = inside[0]
    before = index - 1
    if before >= 0 and view.tokens[before].pos == "ADJ":
        before -= 1
    if before > 1 and view.folded[before - 1] == "de" and (
            view.folded[before - 2] in kb.titles | OFFICE_HEADS):
        return False  # "la ministra de la Presidencia": the portfolio of an office
    return view.doc.language == "es" and view.folded[index].endswith(ABSTRACT_ENDINGS) and (
        before >= 0 and view.folded[before] in ("la", "el"))


def _heading(text: str, mention: Mention) -> bool:
    """Whether a mention is the whole of its line, between other lines: a heading."""
    start = text.rfind("\n", 0, mention.start) + 1
    end = text.find("\n", mention.end)
    return start > 0 and end > 0 and text[start:end].strip(" .:") == mention.text.strip()


def _content_words(view: TokenView, mention: Mention) -> str:
    """The folded words of a span less its function words ("Según el Pleno": pleno)."""
    return " ".join(view.folded[i] for i in view.inside(mention.start, mention.end)
                    if view.is_word(i) and view.tokens[i].pos not in FUNCTION_TAGS)


def _starts_a_name(view: TokenView, index: int, entries: list[Alias]) -> bool:
    """Whether a place word opens a longer name ("Washington Irving", "Washington Post")."""
    if not all(e.kind in PLACE_KINDS for e in entries) or index + 1 >= len(view.tokens):
        return False
    after = view.tokens[index + 1]
    return (after.start == view.tokens[index].end + 1 and after.pos == "PROPN"
            and view.word(index + 1).istitle())


def _agent_of(container: Candidate, start: int, kb: KnowledgeBase) -> bool:
    """Whether an unknown entity span is a common-noun actor of the name inside it ("Gobierno
    de Bolivia", "Policía de Chile"): the agent stage codes it with that country instead."""
    if container.known or container.mention.label not in PLACE_LABELS | {"ORG"}:
        return False
    head = OF_TAIL.sub("", container.mention.text[:start - container.start])
    return bool(head) and head != container.mention.text and any(
        kb.agent_sector(clean_name(head, kb), language) for language in kb.agents)


def _renamed_body(head: str, entries: list[Alias], kb: KnowledgeBase) -> bool:
    """Whether a known body's name ending an organisation span is only the tail of another
    body's name: a capitalised word the knowledge base does not know comes right before it
    ("the [National] Security Council" is a state's council, not the UN's), where a state or
    its demonym there ("the Peruvian Congress") says whose body it is."""
    words = ARTICLE.sub("", head.strip()).split()
    return bool(words) and words[-1][:1].isupper() and not lookup(words[-1], kb) and all(
        kb.actors[e.actor_id].type not in ("country", "person") for e in entries)


def _split_container(container: Candidate, start: int, end: int, entries: list[Alias],
                     match_starts: list[int], matches: list[tuple[int, int, list[Alias], int]],
                     kb: KnowledgeBase) -> bool:
    """Decide whether a knowledge-base match inside a longer entity span stands on its own.

    A known name inside an entity that is itself known ("Lima" in "Lima Group") does not; a
    person's full name inside a longer person span ("Mexico's Andrés Manuel López Obrador")
    does, and so do the parts of a compound place ("Caracas-Buenos Aires-Brasilia"), but a
    lone part of another place or group ("American" in "Latin American") or a shared surname
    ("Paniagua" in "Héctor Paniagua") does not; nor does a state (or its capital) ending an
    organisation after "de"/"en" ("Ministerio de Salud de Chile" is Chile's ministry, not
    Chile). When a match stands, the container is no longer linked as a whole.
    """
    if container.known:
        return False
    label = container.mention.label
    if label not in PERSON_LABELS and start == container.start and _name_after_body(
            container, end, entries, kb):
        return True  # "la diputada [PS Emilia Nuyado]": the party, then its member
    owner = container.mention.text[:start - container.start].rstrip()
    if POSSESSIVE.search(owner) and owner[:1].isupper():
        # "Castillo's Peru": the country stands, the span keeps only its owner, "Castillo"
        owner = POSSESSIVE.sub("", owner)
        container.mention.end = container.end = container.start + len(owner)
        container.mention.text = owner
        container.entries = lookup(owner, kb)
        return True
    if label in PERSON_LABELS:
        words = len(container.mention.text[start - container.start:end - container.start]
                    .split())
        stands = any(kb.actors[e.actor_id].type == "person"
                     and (e.kind == "name" or (e.kind == "alias" and words > 1))
                     for e in entries)
    elif label in PLACE_LABELS:
        first = bisect_left(match_starts, container.start)
        last = bisect_left(match_starts, container.end)  # matches are in text order
        stands = sum(m[1] <= container.end for m in matches[first:last]) >= 2
    else:  # a known name in an organisation stands, unless a state says where it works
        head = container.mention.text[:start - container.start]
        stands = not (label == "ORG" and end == container.end and (WHERE_TAIL.search(head) and all(
            kb.actors[e.actor_id].type == "country" for e in entries)
            or _renamed_body(head, entries, kb))) and not (
            label == "ORG" and PURPOSE_TAIL.search(head)
            and all(e.kind == "demonym" for e in entries))
    rest = container.mention.text[end - container.start:]
    if stands and label == "ORG" and all(e.kind == "metonym" for e in entries) and (
            BODY_OF.match(rest)):
        stands = False  # "Washington State Department of Health" is no State Department
    if stands:
        container.entries = []
        container.mention.label = CONTAINER
    return stands


def _name_after_body(container: Candidate, end: int, entries: list[Alias],
                     kb: KnowledgeBase) -> bool:
    """Cut a span that a known party or organisation opens and a personal name ends ("PS
    Emilia Nuyado", tagged an organisation whole) to the name, now the person's mention."""
    rest = container.mention.text[end - container.start:]
    words = rest.split()
    if not (NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] and all(w.istitle() for w in words)
            and all(kb.actors[e.actor_id].type in ("party", "org") for e in entries)
            and rest[:1].isspace()):
        return False
    container.start = container.mention.start = container.end - len(rest.lstrip())
    container.mention.text = rest.lstrip()
    container.mention.label = "PER"
    container.entries = lookup(container.mention.text, kb)
    return True


def nickname_of(text: str) -> str | None:
    """Return the nickname quoted inside a person's name, if any ("El Chapo")."""
    found = NICKNAMED.match(text)
    return found.group(3) if found else None


def _join_nicknamed(doc: Document, view: TokenView, family: str) -> None:
    """Make one person span of a name with a nickname quoted inside it, which the tagger cuts
    into pieces or runs into the word before ('[Fernando] "[El Chino]" [Navarro]', '[Cuando
    “Tony” Hernández]'): the pieces are one person, no nickname of someone else ("El Chino"
    is also Fujimori's) and no place ("Navarro"). The name opens at its first proper noun,
    else at the quote; the tagger must have seen a person in it."""
    label = KB_LABELS[family]["person"]
    for found in NICKNAMED.finditer(doc.text):
        start, end = found.start(), found.end()
        if found.group(2) == "'" and found.group(0).count("'") < 2 or not any(
                m.label in PERSON_LABELS and m.start < end and start < m.end
                for m in doc.mentions):
            continue
        first = view.first_at(start)
        while view.tokens[first].start < found.start(2) and view.tokens[first].pos != "PROPN":
            first += 1
        start = min(view.tokens[first].start, found.start(2))
        if view.tokens[first].sentence != view.tokens[view.first_at(end) - 1].sentence or any(
                m.start == start and m.end == end for m in doc.mentions):
            continue
        doc.mentions = [m for m in doc.mentions if m.end <= start or end <= m.start]
        doc.mentions.append(Mention(start, end, doc.text[start:end], label,
                                    view.tokens[first].sentence))


def _add_missed_people(doc: Document, view: TokenView, kb: KnowledgeBase, family: str) -> None:
    """Add person spans NER missed where a given name precedes a known surname.

    "Diego Morales curled a free kick": not Evo Morales, but a person named in full, so that
    a later bare "Morales" resolves to him.
    """
    covered = {i for m in doc.mentions if m.label in ACTOR_LABELS and m.label != "MISC"
               for i in view.inside(m.start, m.end)}
    misc = {i: m for m in doc.mentions if m.label == "MISC" for i in view.inside(m.start, m.end)}
    label = KB_LABELS[family]["person"]
    for index in range(len(view.tokens) - 1):
        given, surname = view.tokens[index], view.tokens[index + 1]
        if (index in covered or index + 1 in covered or given.sentence != surname.sentence
                or surname.start != given.end + 1 or given.pos != "PROPN"):
            continue
        first, last = view.word(index), view.word(index + 1)
        if not (first.istitle() and first.isalpha() and last.istitle()):
            continue
        if view.folded[index] in kb.titles | WEEKDAYS or kb.lookup(first):
            continue
        entries = kb.lookup(last)
        if entries and all(e.kind == "surname" for e in entries) and not kb.lookup(
                f"{first} {last}"):
            if not _person_ends(misc.get(index), misc.get(index + 1), given, surname, doc):
                continue
            doc.mentions.append(Mention(given.start, surname.end, f"{first} {last}", label,
                                        given.sentence))


def _cut_possessed_date(doc: Document, mention: Mention) -> None:
    """Cut a span the tagger ran from an owner over a date to the owner ("[Trump’s July 25]
    call" tagged an organisation): the date says when the owner's call was."""
    found = POSSESSIVE_START.search(mention.text)
    if mention.label not in ACTOR_LABELS or found is None or found.start() == 0:
        return
    rest = mention.text[found.end():]
    if any(t.text == rest for t in find_timexes(rest, doc.language or "en", None)):
        mention.text = mention.text[:found.start()]
        mention.end = mention.start + len(mention.text)


def _person_after_state(doc: Document, mention: Mention, kb: KnowledgeBase, family: str
                        ) -> None:
    """Cut an organisation or person span a place's name opens and a personal name ends to
    the name ("special envoy to [Ukraine Kurt Volker]", "U.S. Attorney for the District of
    [Massachusetts Joshua Levy]"): the tagger ran the place into the person its text goes on
    to call by the surname alone ("Volker said", "Levy said"). The place is a state the
    knowledge base knows or a word the tagger also read as a place on its own."""
    words = mention.text.split()
    places = {m.end for m in doc.mentions if m.label in PLACE_LABELS and m.start == mention.start}
    for size in (1, 2, 3):
        rest = words[size:]
        opening = " ".join(words[:size])
        if not (NAME_WORDS[0] <= len(rest) <= NAME_WORDS[1]
                and all(w.istitle() and w.isalpha() for w in rest)
                and (mention.start + len(opening) in places or any(
                    kb.actors[e.actor_id].type == "country" for e in lookup(opening, kb)))):
            continue
        surname = re.compile(rf"(?<![\w-]){re.escape(rest[-1])}(?![\w-])")
        if len(surname.findall(doc.text)) < 2:
            return
        mention.start += mention.text.rindex(" ".join(rest))
        mention.text, mention.label = doc.text[mention.start:mention.end], (
            KB_LABELS[family]["person"])
        return


def _cut_small_complement(mention: Mention, kb: KnowledgeBase, family: str) -> None:
    """Cut a span the tagger ran from a person's name over a "de" complement in small letters
    to the name ("acusan al ministro [Juan Pérez de corrupción]"): the particle of a name
    opens a capitalised surname ("Elena Highton de Nolasco"), so small words after it say
    what the person is charged with or known for, and the name before is a person's."""
    words = mention.text.split(" ")
    if family == "en" or not words or fold(words[0]) not in kb.given_name_parts:
        return
    for at in range(2, len(words) - 1):
        if words[at] in NAME_PARTICLES and all(w[:1].islower() for w in words[at + 1:]) and (
                all(w.istitle() for w in words[:at])):
            mention.text = " ".join(words[:at])
            mention.end = mention.start + len(mention.text)
            mention.label = KB_LABELS[family]["person"]
            return


def _cut_department(doc: Document, mention: Mention, kb: KnowledgeBase) -> None:
    """Cut a person's span the tagger opened with the department of the title before it to the
    name ("la jueza de [Ejecución Letizia Paredes]", "el ministro de [Economía Juan Pérez]"):
    the words up to a given name, keeping two at least, name the department. A span with a
    particle of its own ("Cuerpo de Ejército Ramón Espinosa") is left alone."""
    words = mention.text.split(" ")
    before = doc.text[max(0, mention.start - 40):mention.start].split()
    if len(words) < 3 or len(before) < 2 or before[-1].lower() not in NAME_PARTICLES or (
            fold(before[-2]) not in kb.titles) or not all(w.istitle() for w in words):
        return
    given = kb.given_name_parts
    cut = 0
    while len(words) > 2 and fold(words[0]) not in given:
        cut += len(words.pop(0)) + 1
    mention.start += cut
    mention.text = mention.text[cut:]


def _cut_possessive(doc: Document, mention: Mention, view: TokenView) -> None:
    """Cut the possessive the tagger ran into a name ("the Taliban[’s Haqqani] network"); a
    name a group noun follows is that group's ("Haqqani network": an organisation)."""
    found = POSSESSIVE_START.match(mention.text)
    if found is None or found.end() >= len(mention.text):
        return
    mention.start += found.end()
    mention.text = mention.text[found.end():]
    after = view.first_at(mention.end)
    if after < len(view.tokens) and view.folded[after] in GROUP_HEADS and (
            view.tokens[after].start == mention.end + 1):
        mention.end, mention.label = view.tokens[after].end, "ORG"
        mention.text = doc.text[mention.start:mention.end]


def _add_surnames_of_named(doc: Document, view: TokenView, kb: KnowledgeBase,
                           family: str) -> None:
    """Make a person of a name the tagger called a date or number or missed: a capitalised
    word after a given name ("Timothy [Weeks]" tagged DATE), and later the bare surname of a
    person named in full ("King and Weeks were abducted"), whatever the tagger says, also a
    word it called an organisation the knowledge base does not know. A word inside a name,
    place or known organisation span stays theirs, and so does a word of a longer phrase the
    tagger read as one ("Weeks later", after Timothy Weeks: a date)."""
    label = KB_LABELS[family]["person"]
    # one word the tagger called an organisation that the knowledge base does not know may
    # be a surname too ("Volker said", after "Kurt Volker")
    unknown = {id(m) for m in doc.mentions if m.label == "ORG" and " " not in m.text
               and not lookup(m.text, kb)}
    covered = {i for m in doc.mentions if m.label in ACTOR_LABELS and id(m) not in unknown
               for i in view.inside(m.start, m.end)}
    other = {i: m for m in doc.mentions if m.label not in ACTOR_LABELS or id(m) in unknown
             for i in view.inside(m.start, m.end)}
    for m in [m for m in doc.mentions if m.label not in ACTOR_LABELS]:
        tokens = list(view.inside(m.start, m.end))
        index = tokens[0] - 1 if len(tokens) == 1 else -1
        if (index < 0 or index in covered or view.tokens[index].pos != "PROPN"
                or view.tokens[index].sentence != view.tokens[tokens[0]].sentence
                or not (view.word(index).istitle() and view.word(tokens[0]).istitle())
                or view.folded[index] in kb.titles | WEEKDAYS or kb.lookup(view.word(index))
                or find_timexes(m.text, doc.language or "en", None)):  # "Easter Sunday"
            continue
        m.start, m.label = view.tokens[index].start, label  # "Timothy Weeks"
        m.text = doc.text[m.start:m.end]
        covered.update((index, tokens[0]))
        other.pop(tokens[0], None)
    surnames = {view.folded[i] for m in doc.mentions if m.label in PERSON_LABELS
                for i in [view.inside(m.start, m.end)[-1]] if len(view.inside(m.start, m.end)) > 1}
    for index, token in enumerate(view.tokens):
        tagged = other.get(index)
        if (index in covered or view.folded[index] not in surnames
                or not view.word(index).istitle() or token.pos not in ("PROPN", "NOUN")
                or tagged is not None and len(view.inside(tagged.start, tagged.end)) > 1
                or view.folded[index] in kb.titles and index + 1 < len(view.tokens)
                and view.word(index + 1).istitle()  # "King Charles": a title
                or _month_named(view, index)):  # "In May", after Theresa May
            continue
        first = min((m.start for m in doc.mentions if m.label in PERSON_LABELS
                     and view.folded[view.inside(m.start, m.end)[-1]] == view.folded[index]),
                    default=token.start)
        if first >= token.start:
            continue  # only after the person was named in full
        if tagged is not None:
            doc.mentions.remove(tagged)
        doc.mentions.append(Mention(token.start, token.end, view.word(index), label,
                                    token.sentence))


def _month_named(view: TokenView, index: int) -> bool:
    """Whether a month's name is the month: after a preposition or word of time ("in May",
    "since June", "early May") or before a day or year ("May 3", "June 2019")."""
    if view.folded[index] not in MONTHS:
        return False
    before = view.folded[index - 1] if index else ""
    after = view.word(index + 1) if index + 1 < len(view.tokens) else ""
    return before in MONTH_WORDS or after.isdigit()


def _split_institution(doc: Document, mention: Mention, view: TokenView,
                       kb: KnowledgeBase) -> None:
    """Label a span an institution opens ORG ("Comité Central" tagged a place), one a part of
    a town opens a place ("Comuna 13" tagged an organisation), and when a
    personal name ends it, or ends an office or title ("Buró Político Roberto Morales Ojeda",
    "Jefe de Gobierno Pedro Sánchez"), keep the name as the person, the institution before it
    an organisation."""
    words = [i for i in view.inside(mention.start, mention.end) if view.is_word(i)]
    if not words or lookup(mention.text, kb):
        return
    if len(words) > 1 and view.tokens[words[0]].pos == "DET":
        words = words[1:]  # "La Compañía de Jesús"
    if len(words) > 1 and view.folded[words[-1]] in CLOSING_HEADS and \
            view.word(words[-1])[0].isupper():
        mention.label = "ORG"
        return
    if len(words) > 1 and view.folded[words[-1]] in BUILDING_HEADS and \
            view.word(words[-1])[0].isupper():
        mention.label = "FAC"
        return
    head = view.folded[words[0]]
    if head in COMPANY_HEADS and len(words) > 1 and view.folded[words[1]] not in JOINING_WORDS:
        mention.label = "ORG"  # "la Terminal Cuenca del Plata", not "la Terminal de Ómnibus"
        return
    if head in LOCAL_PLACE_NOUNS and mention.label not in PLACE_LABELS:
        mention.label = "LOC"  # "la Comuna 13", "el Barrio Obrero": a part of a town
        return
    office = head in OFFICE_HEADS and len(words) > 1 and view.folded[words[1]] in JOINING_WORDS
    if not (office or head in INSTITUTION_HEADS | TITLE_NOUNS):
        return
    name = _trailing_name(view, words)
    if mention.label in PERSON_LABELS and NAME_WORDS[0] <= len(name) <= NAME_WORDS[1]:
        before = view.tokens[words[words.index(name[0]) - 1]].end
        if head in INSTITUTION_HEADS:
            doc.mentions.append(Mention(mention.start, before, doc.text[mention.start:before],
                                        "ORG", mention.sentence))
        mention.start = view.tokens[name[0]].start
        mention.text = doc.text[mention.start:mention.end]
    elif head in INSTITUTION_HEADS:
        mention.label = "ORG"


def common_word_inside(view: TokenView, mention: Mention) -> bool:
    """Whether a span of several words has a word in small letters longer than a surname's
    particle ("de", "del", "van", "bin"): a body's name ("Operativo de seguridad Ciudadana"),
    never a person's."""
    inside = [i for i in view.inside(mention.start, mention.end) if view.is_word(i)]
    return len(inside) > 2 and any(
        view.word(i).isalpha() and view.word(i).islower()
        and len(view.word(i)) > SURNAME_PARTICLE_CHARS for i in inside[1:])


def _trailing_name(view: TokenView, words: list[int]) -> list[int]:
    """The capitalised words that end a span after its head, less the noun a joining word
    gives the head ("Jefe de [Gobierno]") and one adjective of it ("Buró [Político]")."""
    tail = len(words)
    while tail > 1 and view.word(words[tail - 1]).istitle() and (
            view.folded[words[tail - 1]] not in INSTITUTION_HEADS | TITLE_NOUNS):
        tail -= 1
    if tail < len(words) and view.folded[words[tail - 1]] in JOINING_WORDS:
        tail += 1  # the complement: "Jefe del [Ejército] Oriental"
    if len(words) - tail > NAME_WORDS[0] and view.folded[words[tail]].endswith(
            ADJECTIVE_ENDINGS):
        tail += 1
    return words[tail:]


def _person_ends(misc: Mention | None, also: Mention | None, given: Token, surname: Token,
                 doc: Document) -> bool:
    """Whether a given name and surname may be a person of their own: outside any entity
    span, or ending a miscellaneous one the Spanish tagger ran over them from a name before
    ("el usuario de [Twitter Kevin Sánchez]"), which is then cut to that name."""
    if misc is None and also is None:
        return True
    if misc is None or misc is not also or misc.end != surname.end or misc.start >= given.start:
        return False
    misc.end = len(doc.text[:given.start].rstrip())
    misc.text = doc.text[misc.start:misc.end]
    return True


def _trim_verbs(mention: Mention, view: TokenView, kb: KnowledgeBase) -> None:
    """Cut verbs out of an entity span: the Spanish tagger runs a name into the verb beside
    it ("remarcó el Presidente", "la Fiscalía afirmó", "Congreso de violar la Constitución"),
    and the verb would become part of an unknown actor's name. A headline's capitalised first
    word is cut when it is a verb (see _opening_verb); a span with a Roman numeral inside
    ("Sesiona IV Pleno") is an ordinal event from the numeral on, no person."""
    inside = list(view.inside(mention.start, mention.end))
    size = len(inside)

    def verb(index: int) -> bool:
        return view.tokens[index].pos in ("VERB", "AUX") and view.word(index).islower()

    # an opening verb is cut before a name of two words or more: "Marcha Patriótica" (a
    # movement, 'marchar' a lexicon verb) leaves no name in "Patriótica"
    while len(inside) > 1 and (verb(inside[0]) or len(inside) > 2 and _opening_verb(
            view, inside[0], kb) or _opening_preposition(view, inside[0])
            or _asking_auxiliary(view, inside, kb) or _slogan_verb(view, inside, kb)
            or _preposition_before_state(view, inside, kb)):
        inside.pop(0)
        while len(inside) > 1 and view.tokens[inside[0]].pos in FUNCTION_TAGS and (
                view.word(inside[0]).islower()):  # "Trabaja [en el] diario Granma"
            inside.pop(0)
    numeral = next((k for k in range(len(inside) - 1) if ROMAN.match(view.word(inside[k]))
                    and view.word(inside[k + 1]).istitle()), None)
    if numeral is not None and mention.label != "ORG":  # "Sesiona IV Pleno": a numbered
        # meeting, named from the numeral ("II Cuerpo de Ejército" stays an organisation)
        inside, mention.label = inside[numeral:], "MISC"
        view.counted.add(view.folded[inside[1]])
    # no name holds a lower-case verb ("Congreso de violar la Constitución" is "Congreso"),
    # an opening bracket ("Ministerio de Salud (Minsa": the acronym is its own mention) or a
    # place stated after it ("Hermanos Capuchinos sobre la Avda. Perón")
    cut = next((k for k in range(1, len(inside)) if verb(inside[k])
                or view.word(inside[k]) == "(" or _place_after(view, inside[k:])), len(inside))
    inside = inside[:cut]
    while len(inside) > 1 and view.tokens[inside[-1]].pos in FUNCTION_TAGS:
        inside.pop()
    if len(inside) == size:
        return
    start, end = view.tokens[inside[0]].start, view.tokens[inside[-1]].end
    mention.start, mention.end, mention.text = start, end, view.doc.text[start:end]


def _slogan_verb(view: TokenView, inside: list[int], kb: KnowledgeBase) -> bool:
    """Whether an English span is a slogan's verb before a known person's name ("Elect
    Trump", "Impeach Bolsonaro", "Free Lula"): the verb of the trigger lexicon, capitalised
    in the slogan, is no part of the name, nor in any person's name the knowledge base has."""
    first = view.folded[inside[0]]
    if view.doc.language != "en" or first not in lexicon("en").verbs or kb.lookup(
            view.doc.text[view.tokens[inside[0]].start:view.tokens[inside[-1]].end]) or (
            first in _person_words(kb)):
        return False
    rest = view.doc.text[view.tokens[inside[1]].start:view.tokens[inside[-1]].end]
    return any(kb.actors[e.actor_id].type == "person" for e in kb.lookup(rest))


QUESTION_AUXILIARIES = {"will", "can", "could", "would", "should", "shall", "may", "might",
                        "must", "did", "does", "do", "has", "have", "had", "is", "was"}


def _asking_auxiliary(view: TokenView, inside: list[int], kb: KnowledgeBase) -> bool:
    """Whether an English question opens with an auxiliary the tagger ran into the name after
    it: in "Will Warren continue to face the heat, ...?" the story has named Elizabeth Warren,
    and "Will Warren" is no new person. The name must be one the story gave before, and the
    whole span unknown to the knowledge base ("Will Hurd" is a person when it knows him)."""
    first = inside[0]
    if view.doc.language != "en" or view.folded[first] not in QUESTION_AUXILIARIES or not (
            _opens(view, first)) or kb.lookup(view.doc.text[
                view.tokens[first].start:view.tokens[inside[-1]].end]):
        return False
    sentence = view.tokens[first].sentence
    stop = next((view.word(i) for i in range(inside[-1] + 1, len(view.tokens))
                 if view.tokens[i].sentence != sentence or view.word(i) in (".", "?", "!")), "")
    if stop != "?":
        return False
    rest = view.doc.text[view.tokens[inside[1]].start:view.tokens[inside[-1]].end]
    return any(m.label in PERSON_LABELS and m.end <= view.tokens[first].start and (
        m.text == rest or m.text.endswith(" " + rest)) for m in view.doc.mentions)


def _preposition_before_state(view: TokenView, inside: list[int], kb: KnowledgeBase) -> bool:
    """Whether a span opens with a lower-case preposition before a state's name: the Spanish
    tagger reads "El presidente [de Colombia]" as a person. Not "de la Rúa", "de Gaulle"."""
    return len(inside) == 2 and view.tokens[inside[0]].pos == "ADP" and view.word(
        inside[0]).islower() and any(kb.actors[a.actor_id].type == "country" for a in lookup(
            view.word(inside[1]), kb) if a.actor_id in kb.actors)


def _opening_preposition(view: TokenView, index: int) -> bool:
    """Whether a sentence's capitalised first word is a preposition or adverb before the name
    ("Según el Minedu", "Además de Punta Arenas"); particles of surnames ("De la Rúa", "Van
    Gogh") are short and stay."""
    return (view.tokens[index].pos in ("ADP", "ADV") and _opens(view, index)
            and len(view.folded[index]) > SURNAME_PARTICLE_CHARS)


def _place_after(view: TokenView, rest: list[int]) -> bool:
    """Whether a name's words from here are a lower-case preposition, an article and a noun
    for part of a town ("sobre la Avda. Perón"): where the named body stands, not its name."""
    return (len(rest) > 2 and view.tokens[rest[0]].pos == "ADP" and view.word(rest[0]).islower()
            and view.tokens[rest[1]].pos == "DET" and view.word(rest[1]).islower()
            and view.folded[rest[2]].rstrip(".") in LOCAL_PLACE_NOUNS)


def _opening_verb(view: TokenView, index: int, kb: KnowledgeBase) -> bool:
    """Whether a word capitalised only as it opens a sentence or quote, and unknown to the
    knowledge base, is a verb: the tagger says so (not in English, where it calls the name
    "Will" AUX), or it is a finite form of a verb of the trigger lexicon ("Respalda Gabriela
    Rivas ..." tagged one person)."""
    word = view.word(index)
    language = view.doc.language or ""
    if not _opens(view, index) or not word.istitle() or kb.lookup(word):
        return False
    if view.tokens[index].pos in ("VERB", "AUX") and language != "en":  # "Will Hurd": AUX
        return True
    if language not in VERB_ENDINGS:
        return False
    verbs = lexicon(language).verbs
    lower = word.lower()
    return any((FUTURE_STEMS.get(stem, stem) if not infinitive else stem) + infinitive in verbs
               for ending, infinitives in VERB_ENDINGS[language] if lower.endswith(ending)
               for stem in [lower[:-len(ending)]] for infinitive in infinitives)


def _opens(view: TokenView, index: int) -> bool:
    """Whether a token opens its sentence or a quote (so is capitalised whatever it is); a
    closing mark glued to the word after it and not to the one before opens one too
    ('”Haré todo', as some papers type it)."""
    if index == 0 or view.tokens[index - 1].sentence != view.tokens[index].sentence or (
            view.word(index - 1) in OPENING_MARKS):
        return True
    mark, text = view.tokens[index - 1], view.doc.text
    return view.word(index - 1) in CLOSING_MARKS and mark.end == view.tokens[index].start and (
        mark.start == 0 or text[mark.start - 1].isspace())


def _cut_trailing_hyphen(mention: Mention) -> None:
    if len(mention.text) > 1 and mention.text.endswith("-"):
        mention.text = mention.text.rstrip("-").rstrip()
        mention.end = mention.start + len(mention.text)


HYPHEN_SUFFIXES = {"era", "led", "like", "born", "run", "type", "based", "style", "held"}


def _extend_over_syllable(mention: Mention, view: TokenView) -> None:
    """Grow a person span over the lower-case syllable a hyphen joins to its short last
    name ("Moon Jae" + "-in": Korean given names), not over a suffix ("Obama-era")."""
    words = mention.text.split()
    last = view.first_at(mention.end) - 1
    if len(words) < 2 or not (words[-1].istitle() and len(words[-1]) <= 4) or (
            last + 2 >= len(view.tokens)):
        return
    hyphen, syllable = view.tokens[last + 1], view.tokens[last + 2]
    word = view.word(last + 2)
    if (view.word(last + 1) == "-" and hyphen.start == mention.end
            and syllable.start == hyphen.end and word.isalpha() and word.islower()
            and len(word) <= 5 and word not in HYPHEN_SUFFIXES):
        mention.end = syllable.end
        mention.text = view.doc.text[mention.start:mention.end]


def _extend_name_left(mention: Mention, view: TokenView, kb: KnowledgeBase) -> None:
    """Grow a person span over capitalised given names NER left out ("Diego" + "Morales")."""
    before = view.first_at(mention.start) - 1
    for index in (before, before - 1):
        if index < 0:
            return
        token, word = view.tokens[index], view.word(index)
        gap = view.doc.text[token.end:mention.start]
        if (gap != " " or not word.istitle() or not word.isalpha() or token.pos != "PROPN"
                or view.folded[index] in kb.titles | WEEKDAYS or kb.lookup(word)
                or _opening_verb(view, index, kb)  # "Respalda" + "Gabriela Rivas"
                or _slogan_verb(view, [index, *view.inside(mention.start, mention.end)], kb)):
            return  # "Elect" + "Trump"
        mention.start, mention.text = token.start, view.doc.text[token.start:mention.end]
