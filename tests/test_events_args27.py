"""Arguments of events whose trigger is right (issue 11, triple recall), session 27: a body of
people no word, publisher or actor linker places is of the state the document names ("gremios
de la alimentación" in a story about Argentina's wage talks); "their" stands for a list of
people as it does for a list of states ("Biden and Trudeau ... their summit"), also when the
list opens with a pronoun the English parser tagged a name ("on Monday he, Justin Trudeau and
... held"). Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SPANISH = {
    "unplaced union": "Gremios de la alimentación amenazan con un paro. El Gobierno de Argentina "
                      "convocó a una audiencia en Buenos Aires.",
}

ENGLISH = {
    "their summit": "Joe Biden and Justin Trudeau praised the deal at their summit in Ottawa.",
    "their summit later": "Joe Biden and Justin Trudeau met in Ottawa. Their summit ended on "
                          "Monday.",
    "he heads a list": "Joe Biden condemned the attack, and on Monday he, Justin Trudeau and "
                       "Andrés Manuel López Obrador held a summit in Mexico City.",
    "their after he": "Joe Biden condemned the attack, and on Monday he, Justin Trudeau and "
                      "Andrés Manuel López Obrador issued a statement from their summit in "
                      "Mexico City.",
}

COLUMNS = "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target)}} of both languages' sentences."""
    spanish = events_by_sentence(tmp_path_factory.mktemp("args27es"), SPANISH, "es",
                                 "2024-03-05", COLUMNS)[1]
    english = events_by_sentence(tmp_path_factory.mktemp("args27en"), ENGLISH, "en",
                                 "2024-03-05", COLUMNS)[1]
    yield spanish | english


def test_unplaced_body_is_of_the_state_the_document_names(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    assert ("THREATEN", "amenazan", "ARGLAB", "ARG") in found["unplaced union"]
    assert not any(source == "LAB" for _, _, source, _ in found["unplaced union"])


def test_their_stands_for_a_list_of_people(found: dict[str, set[tuple[str, ...]]]) -> None:
    for key in ("their summit", "their summit later"):
        summits = {source for kind, trigger, source, _ in found[key]
                   if (kind, trigger) == ("CONSULT", "summit")}
        assert summits == {"joe-biden", "justin-trudeau"}, key


def test_a_pronoun_tagged_a_name_heading_a_list_is_resolved(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    held = {(source, target) for kind, trigger, source, target in found["he heads a list"]
            if (kind, trigger) == ("CONSULT", "held")}
    assert ("joe-biden", "justin-trudeau") in held
    assert ("joe-biden", "andres-manuel-lopez-obrador") in held
    summits = {source for kind, trigger, source, _ in found["their after he"]
               if (kind, trigger) == ("CONSULT", "summit")}
    assert summits == {"joe-biden", "justin-trudeau", "andres-manuel-lopez-obrador"}
