"""Events that have their source but missed their target (issue 11, the general causes found
on plover-gsr's dev half, each shown on a sentence of our own): places standing for their
state, the source's own pronoun on the object, a noun's that-clause, a protest's demand, and a
preposition that shares its object with the verb coordinated after it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    # a part of a state named by a compass word, and a city GeoNames knows
    "south": "Israel launched an invasion of South Lebanon on Monday.",
    "western": "Thai troops shelled a village in Western Cambodia.",
    "city": "Rebels attacked Kirkuk on Sunday.",
    # sanctions and aid stopped in a city are directed at its state
    "suspended": "Aid workers suspended food deliveries in Mosul on Friday.",
    # where refuge is sought
    "refuge": "About 5,000 Syrian Kurds sought refuge in Turkey last week.",
    # "their" is the diplomats themselves; the meeting is with Obama
    "their": "Moroccan diplomats held their second meeting with President Obama over dinner.",
    # "with" shares "Hanoi" with the verb coordinated after it
    "shared": "Chile has established formal relations with and set up an embassy in "
              "Hanoi, a ministry spokesman said.",
    # the subject of a demand's that-clause is whom it is made to; the clause is demanded
    "demand": "The labour office repeated its demand that Israel ease restrictions on "
              "Palestinian workers.",
    # a protest held to demand something is directed at whom the demand is made to
    "hunger": "Islamic fundamentalists continued a hunger strike to demand the resignation "
              "of President Evo Morales.",
    # "the northern city of X" places a protest in X's state
    "northern": "Thousands of students demonstrated in the northern city of Mosul.",
    # two verbs sharing the object after the second; an object counted ("dozens of")
    "arrested": "Police arrested and beat dozens of Kenyan students.",
    # firing on someone, with no weapon named
    "fired": "The army fired on protesters in Caracas.",
    # a person's name in lower case is a common word, not Ban Ki-moon
    "ban": "Kenya lifted the ban on Somali imports.",
    # a condemnation accuses the doer of the act condemned, not its victim
    "condemned": "Poland condemned the shelling of Kyiv by Russian forces.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, mode, source, target, modality)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("place-targets"), SENTENCES, "en", "2023-03-01",
        "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("south", ("ASSAULT", "", "ISR", "LBN", "asserted")),
    ("western", ("ASSAULT", "heavy-weapons", "THAMIL", "KHM", "asserted")),
    ("city", ("ASSAULT", "", "REB", "IRQ", "asserted")),
    ("suspended", ("SANCTION", "withdraw", "LAB", "IRQ", "asserted")),
    ("refuge", ("REQUEST", "assist", "x-group-kurds", "TUR", "asserted")),
    ("their", ("CONSULT", "", "MARGOV", "barack-obama", "asserted")),
    ("shared", ("SUPPORT", "recognize", "CHL", "VNM", "asserted")),
    ("demand", ("REQUEST", "", "", "ISR", "asserted")),
    ("demand", ("CONCEDE", "ease", "ISR", "PSELAB", "demanded")),  # on workers: CAMEO 081
    ("hunger", ("PROTEST", "hunger", "CVL", "evo-morales", "asserted")),
    ("northern", ("PROTEST", "demo", "EDU", "IRQ", "asserted")),
    ("arrested", ("COERCE", "arrest", "KENCOP", "KENEDU", "asserted")),
    ("arrested", ("ASSAULT", "beat", "KENCOP", "KENEDU", "asserted")),
    ("fired", ("ASSAULT", "firearms", "VENMIL", "VENCVL", "asserted")),
    ("condemned", ("ACCUSE", "disapprove", "POL", "RUSMIL", "asserted")),  # "Russian forces"
    ("condemned", ("ASSAULT", "heavy-weapons", "RUSMIL", "UKR", "asserted")),
])
def test_target_found(found: dict[str, set[tuple[str, ...]]], key: str,
                      expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
def test_own_pronoun_is_no_target(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[3] == "MARGOV" for row in found["their"]), found["their"]


@pytest.mark.slow
def test_common_word_is_no_person(found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("RETREAT", "ease", "KEN", "", "asserted") in found["ban"], found["ban"]


@pytest.mark.parametrize("name, expected", [
    ("el Puerto", None),  # "un paro en el Puerto" of Montevideo, not El Puerto de Santa María
    ("El Puerto de Santa María", ("El Puerto de Santa María", "ESP")),
    ("Los Reyes", None),
    ("La Paz", ("La Paz", "BOL")),  # a city's own name keeps its article
    ("La Habana", ("Havana", "CUB")),
])
def test_an_article_and_a_word_cut_from_a_city_name_is_no_city(
        name: str, expected: tuple[str, str] | None) -> None:
    from marea.events.place import city

    assert city(name) == expected


@pytest.mark.parametrize("name, expected", [
    # GeoNames lists these as other, bigger cities' alternate names too
    ("Dili", ("Dili", "TLS")),  # not Delhi
    ("Islamabad", ("Islamabad", "PAK")),
    ("Delhi", ("Delhi", "IND")),
    ("Peking", ("Beijing", "CHN")),  # an alternate name still finds its city
    # a city keeps its own name against a bigger city's alternate spelling
    ("Puno", ("Puno", "PER")),  # not Pune
    ("Pune", ("Pune", "IND")),
    ("Cancún", ("Cancún", "MEX")),
])
def test_a_city_keeps_its_own_name(name: str, expected: tuple[str, str]) -> None:
    from marea.events.place import city

    assert city(name) == expected
