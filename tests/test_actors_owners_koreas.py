"""Names read on real pages: a title owned by a body named before it ("the museum's
president", Observer's LVMH page) is not the head of state; Korean names, whose given
names the tagger cuts at the hyphen ("Moon Jae" of "Moon Jae-in"); a name whose
hyphenated verb is cut off keeps no hyphen ("Joe Biden-led"); a page in a language
with no agent-noun lists (German) gets no English agent nouns; and a party's one-word alias
the page uses more as a common noun is that noun (a polo page names no Colombian party)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

# (language, published, text), one document per line
TEXTS = [
    ("en", "2023-11-08",
     "“We will find the money,” said Laurence des Cars, the museum’s president, on Monday "
     "in Paris."),
    ("en", "2023-11-08", "The union's president met France's president in Paris."),
    ("en", "2023-11-08", "The country's president visited Lyon, the French city."),
    ("en", "2018-04-27",
     "Kim Jong-un met South Korean President Moon Jae-in in Panmunjom on Friday. Moon said "
     "the talks went well."),
    ("en", "2021-06-01", "Critics praised the Joe Biden-led talks in Geneva."),
    ("en", "2019-06-05",
     "Polo is a demanding equestrian game. Most polo players of note come from Argentina, "
     "and the polo season there ends in December."),
    ("es", "2019-10-28",
     "El Polo ganó dos escaños en Bogotá, y el senador Iván Cepeda celebró con el Polo. La "
     "ciudad quiere ser un polo de desarrollo."),
    ("de", "2020-05-04",
     "Das Regime in Nordkorea hat Fotos veröffentlicht. Die Medien und die Regierung in "
     "Berlin schweigen, und Donald Trump ist glücklich."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    records = [{"title": "", "text": text, "language": language, "published": published}
               for language, published, text in TEXTS]
    with jsonl_store(tmp_path_factory.mktemp("owners"), records) as opened:
        yield opened


def linked(store: Store, line: int) -> set[tuple[str, str]]:
    return {(text, actor) for text, actor in store.query(
        "SELECT m.text, m.actor_id FROM mentions m JOIN documents d USING (doc_id) "
        "WHERE ends_with(d.locator, ?) AND m.actor_id IS NOT NULL", [f":{line}"])}


def test_a_bodys_president_is_not_the_head_of_state(store: Store) -> None:
    assert not any(actor == "emmanuel-macron" for _, actor in linked(store, 1))
    assert mention_links(store, 2, "France's president") == {("emmanuel-macron", "FRAGOV")}
    assert not any(text == "president" for text, _ in linked(store, 2))


def test_the_countrys_president_is_the_head_of_state(store: Store) -> None:
    assert ("president", "emmanuel-macron") in linked(store, 3)


def test_korean_names_keep_their_hyphenated_syllable(store: Store) -> None:
    assert mention_links(store, 4, "Moon Jae-in") == {("moon-jae-in", "KORGOV")}
    assert mention_links(store, 4, "Kim Jong-un") == {("kim-jong-un", "PRKGOV")}
    assert mention_links(store, 4, "Moon") == {("moon-jae-in", "KORGOV")}


def test_a_name_before_a_hyphenated_verb_keeps_no_hyphen(store: Store) -> None:
    assert mention_links(store, 5, "Joe Biden") == {("joe-biden", "USAGOV")}
    assert not any(text.endswith("-") for text, _ in linked(store, 5))


def test_a_german_page_gets_names_but_no_english_agent_nouns(store: Store) -> None:
    found = linked(store, 8)
    assert ("Donald Trump", "donald-trump") in found
    assert not any(text in ("Regime", "Medien", "Regierung") for text, _ in found), found


def test_a_party_alias_used_as_a_common_noun_is_that_noun(store: Store) -> None:
    assert not any(actor == "polo-col" for _, actor in linked(store, 6))
    assert mention_links(store, 7, "Polo") == {("polo-col", "COLPTY")}
