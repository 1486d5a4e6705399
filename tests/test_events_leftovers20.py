"""Event and actor leftovers of session 20 (issue 11): an agent word closing a title a name
follows is the person's office ("Secretary of State Mike Pompeo"); a visit goes to a place or
someone ("would not return to the front line" is none); a compound the noun's verb takes as
object is what the act is done to, not its doer ("a prisoner swap"); "who" after "the son of
X" is the son; a month's name after "in" or before a day is the month, even with a person of
that surname in the text; one hunger strike is one event; a cyber attack is COERCE cyber
(PLOVER's mode); backing an act is not doing it ("support the talks"); hostages are
civilians; a release's compound or possessor is who is released, but beside an "of"
complement the possessor releases. Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.store import Store
from tests.conftest import events_by_sentence

SENTENCES = {
    "said": "Secretary of State Mike Pompeo said the release gives us hope.",
    "flew": "Secretary of State Mike Pompeo flew to Kabul on Monday.",
    "when": "When Ghani announced the release, he said the prisoners would go home.",
    "front": "The Taliban said the two men would not return to the front line.",
    "returned": "The negotiators returned to Doha on Monday.",
    "city": "Secretary of State Mike Pompeo flew to the city of Kandahar on Monday.",
    "hostages": "The hostages were released Tuesday in a prisoner swap.",
    "swap": "Two American hostages were released Tuesday in a prisoner swap.",
    "son": "The son of Evo Morales, who attacked a journalist, was arrested.",
    "may": "Prime Minister Theresa May met Macron on Monday. In May, the leaders met again in "
           "Paris. On May 3, protesters marched in London.",
    "hunger": "Three prisoners went on hunger strike on Monday.",
    "hunger-and": "The prisoners went on hunger strike and refused food.",
    "ready": "The United States stands ready to support the talks.",
    "prisoner-release": "When Ghani announced the prisoner release on Sunday, he called it a "
                        "gesture.",
    "possessor": "Russia's arrest of Navalny was condemned.",
    "cyber": "Hackers attacked the ministry's servers on Monday.",
}
COLUMNS = ("e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, ''), e.trigger, e.modality")


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[Path, dict[str, set[tuple[str, ...]]]]]:
    yield events_by_sentence(tmp_path_factory.mktemp("left20"), SENTENCES, "en", "2020-03-10",
                             COLUMNS)


@pytest.fixture(scope="module")
def found(stored: tuple[Path, dict[str, set[tuple[str, ...]]]]
          ) -> dict[str, set[tuple[str, ...]]]:
    return stored[1]


def _mentions(stored: tuple[Path, dict[str, set[tuple[str, ...]]]], key: str
              ) -> list[tuple[str, int, str | None]]:
    with Store(str(stored[0])) as store:
        rows = store.query("SELECT m.text, m.start_char, m.actor_id FROM mentions m JOIN "
                           "documents d USING (doc_id) WHERE d.locator = ? ORDER BY 2",
                           [f"line:{list(SENTENCES).index(key) + 1}"])
    return [tuple(r) for r in rows]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("said", {("STATEMENT", "", "mike-pompeo", "", "said", "asserted")}),
    ("flew", {("CONSULT", "visit", "mike-pompeo", "AFG", "flew", "asserted")}),
    ("city", {("CONSULT", "visit", "mike-pompeo", "AFG", "flew", "asserted")}),
    ("returned", {("CONSULT", "visit", "GOV", "QAT", "returned", "asserted")}),
    # the speaker of the preposed "when" clause is the "he" of the main one
    ("when", {("RETREAT", "release", "x-person-ghani", "", "release", "asserted"),
              ("STATEMENT", "", "x-person-ghani", "", "said", "asserted")}),
    # a front line is no place to visit: neither a negated visit nor a refusal
    ("front", {("STATEMENT", "", "taliban", "", "said", "asserted")}),
    # the passive's subject is whom the release is done to; "prisoner" names the swap
    ("hostages", {("RETREAT", "release", "", "CVL", "released", "asserted")}),
    ("swap", {("RETREAT", "release", "", "USACVL", "released", "asserted")}),
    # the son attacked: no one the text names
    ("son", {("ASSAULT", "", "", "MED", "attacked", "asserted")}),
    ("hunger", {("PROTEST", "hunger", "CVL", "", "went", "asserted")}),
    # the strike the going is on is no second event, coordinated verb or not
    ("hunger-and", {("PROTEST", "hunger", "CVL", "", "went", "asserted"),
                    ("REJECT", "", "CVL", "", "refused", "asserted")}),
    # an offer (PLOVER AGREE) and the act offered (future); who backs the talks holds none
    ("ready", {("AGREE", "", "USA", "", "support", "asserted"),
               ("SUPPORT", "", "USA", "", "support", "future")}),
    # the compound of a release is who is released; the announcer releases
    ("prisoner-release", {("RETREAT", "release", "x-person-ghani", "CVL", "release",
                           "asserted")}),
    # with the "of" complement named, a possessor does the act
    ("possessor", {("COERCE", "arrest", "RUS", "alexei-navalny", "arrest", "asserted"),
                   ("ACCUSE", "disapprove", "", "RUS", "condemned", "asserted")}),
    ("cyber", {("COERCE", "cyber", "CRM", "GOV", "attacked", "asserted")}),
])
def test_events(found: dict[str, set[tuple[str, ...]]], key: str,
                expected: set[tuple[str, ...]]) -> None:
    assert found[key] == expected, found[key]


@pytest.mark.slow
def test_title_word_is_no_agent(stored: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    assert ("State", 13, None) in _mentions(stored, "said")


@pytest.mark.slow
def test_month_is_no_person(stored: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    linked = [m for m in _mentions(stored, "may") if m[2] == "theresa-may"]
    assert [m[1] for m in linked] == [15], linked  # "Theresa May" only, not "In May", "May 3"
