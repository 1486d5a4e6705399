"""The actor knowledge base: packaged YAML files overlaid by a user's files, indexed by alias.

A user file has the same shape as the packaged ones (any of the keys `countries`, `people`,
`parties`, `organisations`, or a bare list of people); entries replace packaged ones by id.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from marea.errors import ConfigError

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster when built

PACKAGED = ("countries", "people", "parties", "organisations")
HEAD_OF_STATE = re.compile(r"^(?:acting |interim |constitutional )?president\b(?! of the)", re.I)
# what follows a name to say whose it is: "... de Chile", "... of Cuba", "... (Chile)"
QUALIFIER = re.compile(r"(?:of|de|del|do|da) |\(")
RIVALRY_DAYS = 60  # a contest's sides stay opposed through the count and its disputes
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'"})
SPACING = re.compile(r"[\s\-‐–]+")  # compiled once: fold runs on every name met
# a possessive ending, which the tokenizer makes a token of its own ("sheriff 's office")
POSSESSIVE = re.compile(r"(?<=\w)('s|')(?=\s|$)")
LEADING_THE = re.compile(r"^the ")
# Given names that open a hyphenated given name ("Anne-Marie Slaughter", "Karl-Heinz Rummenigge",
# "José-Luis"), whose second half the tagger starts a person at; with the first given names of
# the knowledge base's people. Written from common French, German and Iberian double names.
HYPHEN_GIVEN_NAMES = {"anne", "marie", "jean", "pierre", "jeanne", "louise", "claire", "luc",
                      "paul", "louis", "michel", "hans", "karl", "heinz", "ana", "maria", "jose",
                      "juan", "luis", "mary", "rose", "sophie", "yves", "jacques", "franz",
                      "klaus", "eva", "lise", "marc", "andre", "philippe", "francois"}


@lru_cache(maxsize=50_000)
def fold(text: str) -> str:
    """Return the matching key of a name: accents removed, case folded, spacing normalised."""
    plain = text.translate(APOSTROPHES)
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.casefold()
    plain = SPACING.sub(" ", plain).strip(" .,;:")
    return LEADING_THE.sub("", plain)


def agent_key(text: str) -> str:
    """Return the key of a common-noun actor term as the document's tokens spell it: a
    possessive is a token of its own, so "sheriff's office" is matched as "sheriff 's office"."""
    return POSSESSIVE.sub(r" \1", fold(text))


@dataclass(frozen=True)
class Role:
    """Role("BRA", "GOV", "President", date(2003, 1, 1), date(2010, 12, 31))"""

    country: str
    sector: str
    title: str
    start: date | None
    end: date | None

    @property
    def code(self) -> str:
        """CAMEO-style actor code: country plus sector ("BRAGOV")."""
        return f"{self.country}{self.sector}"

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


# Government offices that make a bare surname the person meant ("Putin" alone).
LEADER = re.compile(r"president|prime minister|premier|chancellor|minister", re.I)


@dataclass
class Actor:
    """One identity: a country, person, party or organisation, with its names and roles."""

    id: str
    type: str  # person | country | party | org
    name: str
    country: str | None = None
    cameo: str | None = None
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    origin: str = "kb"
    gender: str | None = None  # people: "m" or "f", for the pronouns that stand for them
    party: str | None = None  # people: the id of the party they belong to

    def leads_government(self, day: date | None = None) -> bool:
        """Whether the actor holds (on `day`; ever, when day is None) a leading office of a
        government: a president or minister."""
        return any(r.sector == "GOV" and LEADER.search(r.title) and (day is None or r.covers(day))
                   for r in self.roles)

    def leads_opposition(self, day: date | None) -> bool:
        """Whether the actor leads a state's opposition on `day` ("Opposition leader")."""
        return day is not None and any(
            r.sector == "OPP" and "opposition leader" in r.title.lower() and r.covers(day)
            for r in self.roles)

    def role_at(self, day: date | None) -> str | None:
        """Return the actor's CAMEO code at a date: a person's role then, a state's country code,
        an organisation's role then when it has roles by date (the Taliban: AFGREB, AFGGOV).

        A person with no role covering the date gets None; so does anything when day is None.
        """
        if day is None:
            return None
        for role in self.roles:
            if role.covers(day):
                return role.code
        return None if self.type == "person" else self.cameo


@dataclass(frozen=True)
class Alias:
    """An index entry: which actor a name form points to, and how strong a link it is."""

    actor_id: str
    kind: str  # name | alias | acronym | surname | capital | metonym | demonym


@dataclass(eq=False)  # compared and hashed by identity: one per process, cached
class KnowledgeBase:
    """KnowledgeBase.load()  # packaged files; .load(["extra.yaml"]) adds a user's file"""

    actors: dict[str, Actor] = field(default_factory=dict)
    index: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    titles: set[str] = field(default_factory=set)
    agents: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> term -> sector
    case_sensitive: dict[str, set[str]] = field(default_factory=dict)  # language -> folded terms
    max_alias_tokens: int = 1
    first_words: set[str] = field(default_factory=set)  # first word of every alias key
    heads: dict[str, list[tuple[Role, str]]] = field(default_factory=dict)  # presidents by state
    iso2: dict[str, str] = field(default_factory=dict)  # "BO" -> "BOL", for web domains
    # (name key, actor id) of a name that holds only in a story about the actor's country: a
    # party's name with its country cut off ("Partido Comunista" of "Partido Comunista de
    # Chile"), as many countries have one; a person's given name the home press uses alone
    # (`home_aliases`: "Alberto" for Alberto Fernández in Argentine stories)
    bound: set[tuple[str, str]] = field(default_factory=set)
    # (name key, actor id) of an acronym that is also a common abbreviation ("AI": artificial
    # intelligence far more often than Amnesty International): it names the organisation
    # only in a document that names it in full (`word_acronyms` in organisations.yaml)
    word_acronyms: set[tuple[str, str]] = field(default_factory=set)
    # (name key, actor id) of a name the files also spell without accents: only these match a
    # word in capitals ("IRA" is an acronym, not the Portuguese "Irã" shorn of its tilde)
    plain: set[tuple[str, str]] = field(default_factory=set)
    # the first words of the people's names: a surname spelt like one ("de Pedro") is never
    # looked up alone
    given_names: set[str] = field(default_factory=set)
    # each half of the first word of the people's names and aliases of two words or more, and
    # HYPHEN_GIVEN_NAMES: where actors/spans.py may start or cut a person's name
    given_name_parts: frozenset[str] = frozenset()
    # folded given name -> "m" or "f", from kb/given_names.yaml and the people's first names: the
    # gender of a person the files do not hold (actors/gender.py)
    given_name_genders: dict[str, str] = field(default_factory=dict)
    # the states a national group is at home in besides its country (the IRA: both parts of
    # Ireland): a story naming any of them reads its short acronym
    homes: dict[str, set[str]] = field(default_factory=dict)
    # party id -> how many of the files' people belong to it: a party's prominence, which
    # decides a name many states' parties share when the story places it in none of them
    # ("Republicans": the US party, with a dozen members here, not Chile's with one)
    members: Counter[str] = field(default_factory=Counter)
    # (name key, party id) -> the languages whose lists give a one-word party alias: parties
    # are named with words ("Rede", "Libre", "Unidad"), which in another language are that
    # language's words ("war die Rede"), so the alias names the party only in those languages
    worded: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    @classmethod
    def load(cls, extra: tuple[str, ...] | list[str] = ()) -> KnowledgeBase:
        root = resources.files("marea").joinpath("actors", "kb")
        data: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in PACKAGED}
        for name in PACKAGED:
            text = root.joinpath(f"{name}.yaml").read_text("utf-8")
            entries = yaml.load(text, Loader=YAML_LOADER) or []
            data[name].update({str(e["id"]): e for e in entries})
        for path in extra:
            _overlay(data, path)
        roles = yaml.load(root.joinpath("roles.yaml").read_text("utf-8"), Loader=YAML_LOADER) or {}
        kb = cls()
        kb._add_roles(roles)
        for entry in data["countries"].values():
            kb._add_country(entry)
        for entry in data["parties"].values():
            kb._add_party(entry)
        for entry in data["organisations"].values():
            kb._add_org(entry)
        kb.given_names = {fold(str(e["name"]).split()[0]) for e in data["people"].values()}
        for entry in data["people"].values():
            kb._add_person(entry)
        kb._add_given_names()
        return kb

    # -- building ---------------------------------------------------------------------------
    def _alias(self, text: str | None, actor_id: str, kind: str) -> None:
        if not text:
            return
        bare = re.sub(r"^the ", "", text.strip(), flags=re.IGNORECASE)
        if kind != "acronym" and _is_acronym(bare):
            # "the UN" must not make the word "un" a name, nor the party CREO "Creo que..."
            kind, text = "acronym", bare
        key = text.strip() if kind == "acronym" else fold(text)
        if not key:
            return
        entry = Alias(actor_id, kind)
        if text.translate(APOSTROPHES).isascii():
            self.plain.add((key, actor_id))
        if entry not in self.index[key]:
            self.index[key].append(entry)
            self.max_alias_tokens = max(self.max_alias_tokens, len(key.split()))
            self.first_words.add(fold(key.split()[0]))
        actor = self.actors[actor_id]
        if kind in ("name", "alias", "acronym") and text not in actor.aliases:
            actor.aliases.append(text)

    def _names(self, value: Any) -> list[str]:
        """Flatten a names field: a string, a list, or {language: list or string}."""
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [n for v in value.values() for n in self._names(v)]
        return [str(v) for v in value]

    def _add_country(self, e: dict[str, Any]) -> None:
        actor_id = str(e["id"])
        self.actors[actor_id] = Actor(actor_id, "country", str(e["name"]),
                                      country=actor_id, cameo=str(e.get("cameo") or actor_id))
        if e.get("iso2"):
            self.iso2[str(e["iso2"]).upper()] = actor_id
        self._alias(e["name"], actor_id, "name")
        for name in self._names(e.get("names")):  # "CAR" matches its case only, not "car"
            self._alias(name, actor_id, "acronym" if _is_acronym(name) else "alias")
        for name in self._names(e.get("capital")):
            self._alias(name, actor_id, "capital")
        for name in self._names(e.get("metonyms")):
            self._alias(name, actor_id, "metonym")
        for name in self._names(e.get("demonyms")):
            self._alias(name, actor_id, "demonym")
        # ISO codes are not aliases: "PT" is Brazil's Workers' Party, "CAN" the Andean Community.

    def _add_party(self, e: dict[str, Any]) -> None:
        actor_id = str(e["id"])
        country = e.get("country")
        self.actors[actor_id] = Actor(actor_id, "party", str(e["name"]), country=country,
                                      cameo=f"{country}PTY" if country else "PTY")
        self._alias(e["name"], actor_id, "name")
        for name in self._names(e.get("aliases")):
            self._alias(name, actor_id, "acronym" if _is_acronym(name) else "alias")
        self._bind_unqualified(actor_id, [e["name"], *self._names(e.get("aliases"))])
        aliases = e.get("aliases")
        if isinstance(aliases, dict):
            for language, names in aliases.items():
                for name in self._names(names):
                    key = fold(name)
                    if " " not in key and not _is_acronym(name) and key != fold(e["name"]):
                        self.worded.setdefault((key, actor_id), set()).add(str(language))

    def _add_org(self, e: dict[str, Any]) -> None:
        actor_id = str(e["id"])
        self.actors[actor_id] = Actor(actor_id, "org", str(e["name"]), country=e.get("country"),
                                      cameo=str(e.get("cameo") or "IGO"), roles=_roles(e))
        self._alias(e["name"], actor_id, "name")
        for name in self._names(e.get("names")):
            self._alias(name, actor_id, "alias")
        for name in self._names(e.get("acronyms")):
            self._alias(name, actor_id, "acronym")
        for name in e.get("word_acronyms") or ():
            self.word_acronyms.add((fold(str(name)), actor_id))
        if e.get("states"):
            self.homes[actor_id] = {str(state) for state in e["states"]}

    def _bind_unqualified(self, actor_id: str, names: list[str]) -> None:
        keys = {fold(n) for n in names}
        for short in keys:
            if any(QUALIFIER.match(long.removeprefix(short + " "))
                   for long in keys if long.startswith(short + " ")):
                self.bound.add((short, actor_id))

    def _add_person(self, e: dict[str, Any]) -> None:
        actor_id = str(e["id"])
        roles = _roles(e)
        self.actors[actor_id] = Actor(actor_id, "person", str(e["name"]),
                                      country=e.get("country"), roles=roles,
                                      gender=e.get("gender"), party=e.get("party"))
        if e.get("party"):
            self.members[str(e["party"])] += 1
        for role in roles:
            if role.sector == "GOV" and HEAD_OF_STATE.match(role.title):
                self.heads.setdefault(role.country, []).append((role, actor_id))
        self._alias(e["name"], actor_id, "name")
        forms = [str(e["name"]), *self._names(e.get("aliases"))]
        longer = {fold(name): [fold(other)[len(fold(name)) + 1:].split()[0] for other in forms
                               if fold(other).startswith(fold(name) + " ")] for name in forms}
        # a full name that an alias extends ends in the paternal surname: "Juan Orlando
        # Hernández" of "... Hernández Alvarado" has no double surname; and an alias that
        # the surname completes is given names ("Juan Orlando": "Orlando" alone is the city)
        main: set[str] | None = set() if longer[fold(str(e["name"]))] else None
        given = {name for name in forms if fold(str(e["name"]).split()[-1]) in longer[fold(name)]}
        surnames = {fold(part) for kind, part in _name_parts(str(e["name"]), main,
                                                             self.given_names)
                    if kind == "surname"}
        for name in self._names(e.get("aliases")):
            if _is_acronym(name):
                kind = "acronym"
            elif len(name.split()) == 1 and fold(name) in surnames:
                kind = "surname"  # "Castillo", "Morales": weak, needs the country in context
            else:
                kind = "alias"
            self._alias(name, actor_id, kind)
        for name in self._names(e.get("home_aliases")):
            self._alias(name, actor_id, "alias")
            self.bound.add((fold(name), actor_id))
        for name in forms:
            if name in given:
                continue
            for kind, part in _name_parts(name, main if name == e["name"] else surnames,
                                          self.given_names):
                self._alias(part, actor_id, kind)

    def _add_given_names(self) -> None:
        """Fill `given_name_parts` and `given_name_genders` from the people and the list of
        given names (a name both genders bear, among the people or in the list's `both`,
        gives none)."""
        people = [actor for actor in self.actors.values() if actor.type == "person"]
        self.given_name_parts = frozenset(HYPHEN_GIVEN_NAMES) | frozenset(
            part for actor in people for name in (actor.name, *actor.aliases) if " " in name
            for part in fold(name).split()[0].split("-"))
        listed = _listed_given_names()
        genders = {fold(name): gender for gender in ("f", "m") for name in listed[gender]}
        seen: dict[str, set[str]] = {fold(name): {"f", "m"} for name in listed["both"]}
        for actor in people:
            if actor.gender and actor.name.split():
                seen.setdefault(fold(actor.name.split()[0]), set()).add(actor.gender)
        for name, said in seen.items():
            if len(said) == 1:
                genders.setdefault(name, next(iter(said)))
            else:
                genders.pop(name, None)
        self.given_name_genders = genders

    def _add_roles(self, roles: dict[str, Any]) -> None:
        self.titles = {fold(t) for t in self._names(roles.get("titles"))}
        self.case_sensitive = {language: {fold(t) for t in self._names(terms)}
                               for language, terms in (roles.get("case_sensitive") or {}).items()}
        for group in roles.get("agents") or []:
            sector = str(group["sector"])
            for language, terms in group.items():
                if language == "sector":
                    continue
                for term in self._names(terms):
                    self.agents.setdefault(language, {}).setdefault(agent_key(term), sector)

    def agent_first_words(self, language: str | None) -> set[str]:
        """Return the first words of the common-noun actor terms of a language (none for a
        language the lists do not cover: English nouns in a German page are other words)."""
        terms = self.agents.get(language or "en", {})
        return {term.split()[0] for term in terms if term}

    def agent_sector(self, term: str, language: str | None) -> str | None:
        """Return the sector of a common-noun actor term in a language ("fuerzas armadas": MIL)."""
        return self.agents.get(language or "en", {}).get(agent_key(term))

    # -- lookup -----------------------------------------------------------------------------
    def lookup(self, text: str) -> list[Alias]:
        """Return index entries for a surface form (acronyms match case-sensitively)."""
        key = fold(text)
        exact, folded = self.index.get(text.strip()), self.index.get(key)
        if exact is None and folded is None:  # most words looked up name nothing
            return []
        shouted = text.isascii() and _is_acronym(text.strip())
        return [a for a in exact or () if a.kind == "acronym"] + [
            a for a in folded or () if a.kind != "acronym"
            and not (shouted and (key, a.actor_id) not in self.plain)]

    def in_language(self, text: str, entries: list[Alias], language: str | None
                    ) -> list[Alias]:
        """Return the entries a form found by `lookup` keeps in a document of `language`: a
        one-word party alias only where the files list it (`worded`)."""
        key = fold(text)
        return [e for e in entries if language is None
                or language in self.worded.get((key, e.actor_id), (language,))]

    def head_of_state(self, country: str, day: date | None) -> Actor | None:
        """Return who was president of a country on a day, if the knowledge base knows."""
        if day is None:
            return None
        for role, actor_id in self.heads.get(country, []):
            if role.covers(day):
                return self.actors[actor_id]
        return None

    def strip_title(self, text: str) -> str:
        """Return a name without leading titles ("ex-President Lula" -> "Lula")."""
        words = text.split()
        changed = True
        while changed and len(words) > 1:
            changed = False
            for size in (3, 2, 1):
                if len(words) > size and fold(" ".join(words[:size])) in self.titles:
                    words = words[size:]
                    changed = True
                    break
        return " ".join(words)


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and len(name) <= 8 and sum(c.isupper() for c in letters) >= 2 and (
        sum(c.isupper() for c in letters) >= len(letters) - 1)


PARTICLES = {"da", "de", "del", "dos", "das", "do", "la", "las", "los", "y", "e", "van", "von"}
# a generational suffix ("Joseph R. Biden Jr."): no surname, and alone never the person
NAME_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?)$")
# a regnal number ("Juan Carlos I", "John Paul II"): the name before it is given names only
REGNAL = re.compile(r"^[IVX]+$")


def _name_parts(name: str, surnames: set[str] | None = None,
                given: frozenset[str] | set[str] = frozenset()) -> list[tuple[str, str]]:
    """Return ("surname", form) short forms of a person's name.

    "Andrés Manuel López Obrador" gives "Obrador", "López Obrador" and "López"; a given name
    alone ("Pedro") is never looked up in the knowledge base, only within a document, and an
    epithet with a lower-case word gives none ("Jefe" alone is no Fidel Castro). For a
    longer form of the name (an alias), the word before the last is a paternal surname only
    when it is one of the main name's `surnames` ("Pedro Castillo Terrones"); otherwise it is
    a middle name ("Donald John Trump", "David William Donald Cameron"), no surname.
    A last surname spelt like a `given` name, after a particle or a first surname, is not
    one alone: "Pedro" is no Eduardo de Pedro, "Santiago" no José Luis Dalmau Santiago.
    Given names are no surnames either: a regnal name has none ("Juan Carlos I"), the
    middle word of a main name that is a given name is a second given name ("José María
    Aznar"), and an alias ending in a given name that is none of the main name's `surnames`
    ends in given names ("King Felipe", "Andrés Manuel"); so "Carlos" alone names no king.
    """
    words = name.split()
    if any(w[0].islower() and w.lower() not in PARTICLES for w in words):
        return []  # an epithet or a title form ("Comandante en Jefe", "papa Francisco")
    while words and NAME_SUFFIX.match(words[-1]):
        words.pop()
    if len(words) < 2 or _is_acronym(name) or REGNAL.match(words[-1]):
        return []
    last, before = fold(words[-1]), fold(words[-2])
    paternal = before not in given if surnames is None else before in surnames
    joined = len(words) >= 3 and not words[-2].endswith(".") and (  # "Philip J. Pierre"
        words[-2].lower() in PARTICLES or paternal)
    given_last = last in given and (joined or surnames is not None and last not in surnames)
    parts = [] if given_last else [("surname", words[-1])]
    if len(words) >= 3 and words[-2].lower() not in PARTICLES and paternal:
        parts.append(("surname", " ".join(words[-2:])))  # Hispanic double surname
        parts.append(("surname", words[-2]))  # paternal surname alone ("López")
    if len(words) >= 3 and words[-2].lower() in PARTICLES:
        parts.append(("surname", " ".join(words[-2:])))  # "da Silva"
    return parts


def _roles(e: dict[str, Any]) -> list[Role]:
    """An entry's roles by date, earliest first."""
    roles = [Role(str(r["country"]), str(r["sector"]), str(r.get("title") or ""),
                  _date(r.get("start")), _date(r.get("end"))) for r in e.get("roles") or []]
    return sorted(roles, key=lambda r: r.start or date.min)


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        return date.fromisoformat(text if len(text) == 10 else (text + "-01-01")[:10])
    except ValueError as exc:
        raise ConfigError(f"[E040] Bad date '{text}' in the actor knowledge base") from exc


def _listed_given_names() -> dict[str, list[str]]:
    """kb/given_names.yaml: gender ("f", "m", "both") -> folded given names."""
    text = resources.files("marea").joinpath("actors", "kb", "given_names.yaml").read_text("utf-8")
    listed: dict[str, list[str]] = yaml.load(text, Loader=YAML_LOADER)
    return listed


def _overlay(data: dict[str, dict[str, dict[str, Any]]], path: str) -> None:
    """Merge a user's YAML file into the packaged entries, replacing entries by id."""
    try:
        loaded = yaml.load(Path(path).read_text("utf-8"), Loader=YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"[E041] Can't read knowledge-base file {path}: {exc}") from exc
    if isinstance(loaded, list):
        loaded = {"people": loaded}
    if not isinstance(loaded, dict):
        raise ConfigError(f"[E042] {path}: expected a mapping with keys {', '.join(PACKAGED)}")
    for key, entries in loaded.items():
        if key not in data or not isinstance(entries, list):
            raise ConfigError(f"[E042] {path}: unknown section '{key}' (use {', '.join(PACKAGED)})")
        for entry in entries:
            if not isinstance(entry, dict) or "id" not in entry or "name" not in entry:
                raise ConfigError(f"[E043] {path}: every {key} entry needs 'id' and 'name'")
            data[key][str(entry["id"])] = entry


def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """Return the knowledge base with the user's files, built once per process."""
    return _built(tuple(extra))


@lru_cache(maxsize=4)
def _built(extra: tuple[str, ...]) -> KnowledgeBase:
    # One cache key per set of files: lru_cache alone keys `load_kb()` and `load_kb(())`
    # apart, and built (and kept) the packaged knowledge base twice in every process.
    return KnowledgeBase.load(extra)


def parse_day(published: str | None) -> date | None:
    """Return the reference day of a partial ISO date ("2021-06" -> 2021-06-15), or None.

    A month resolves to its 15th and a year to July 1st: the middle, where roles are likeliest.
    """
    if not published:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", str(published))
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return date(int(year), int(month), int(day))
        if month:
            return date(int(year), int(month), 15)
        return date(int(year), 7, 1)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _contests() -> list[tuple[date, date, tuple[str, ...], dict[str, str]]]:
    """The packaged contests.yaml as (from, decisive vote, candidates, slogan -> candidate)."""
    text = resources.files("marea").joinpath("actors", "kb", "contests.yaml").read_text("utf-8")
    found = []
    for entry in yaml.load(text, Loader=YAML_LOADER) or []:
        start, end = _date(entry["from"]), _date(entry["date"])
        slogans = {_squeeze(slogan): candidate
                   for candidate, forms in (entry.get("slogans") or {}).items()
                   for slogan in forms}
        if start and end:
            found.append((start, end, tuple(entry["candidates"]), slogans))
    return found


def _squeeze(text: str) -> str:
    """A slogan as a hashtag writes it: "Make America Great Again" -> "makeamericagreatagain"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def slogan_candidate(hashtag: str, day: date | None) -> str | None:
    """The candidate whose campaign slogan a hashtag is ("#MakeAmericaGreatAgain",
    "#ImWithHer") in a campaign that covers `day`; else None."""
    if day is None:
        return None
    key = _squeeze(hashtag)
    for start, end, _, slogans in _contests():
        if not start <= day <= end + timedelta(days=RIVALRY_DAYS):
            continue
        if key in slogans:
            return slogans[key]
    return None


def rivals(actor_id: str, day: date | None) -> tuple[str, ...]:
    """The candidates an actor ran against in a decisive election whose campaign (its `from`
    day to RIVALRY_DAYS after the vote) covers `day`; none without a day."""
    if day is None:
        return ()
    return tuple(other for start, end, candidates, _ in _contests() if actor_id in candidates
                 and start <= day <= end + timedelta(days=RIVALRY_DAYS)
                 for other in candidates if other != actor_id)


def candidates(day: date | None) -> frozenset[str]:
    """The candidates of the decisive elections whose campaign (its `from` day to
    RIVALRY_DAYS after the vote) covers `day`: the people social posts of those days argue
    about by given name, initials and misspelt names; none without a day."""
    if day is None:
        return frozenset()
    return frozenset(candidate for start, end, names, _ in _contests()
                     if start <= day <= end + timedelta(days=RIVALRY_DAYS)
                     for candidate in names)
