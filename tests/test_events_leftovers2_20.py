"""English event leftovers reported by session 20's helpers (issue 11): a relative weekend
dates an event to that weekend's Saturday, not to a bare year; a visit to a base goes to
the base's place ("a military base in Kandahar" is Afghanistan, not the military); helping
talks holds none; what "said" takes is the words, never whom to, and after what it reports its
noun is the speaker; an agent noun keeps the state its kind was given before on a tie.
Sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from marea.store import Store
from tests.conftest import events_by_sentence

SENTENCES = {
    "weekend": "Over the weekend, Trump criticized Nancy Pelosi.",
    "last-week": "The rebels attacked the city last week.",
    "base": "Secretary of State Mike Pompeo flew to a military base in Kandahar on Monday.",
    "visited-base": "Vladimir Putin visited a Russian air base in Syria.",
    "help": "Mike Pompeo said the prisoners would help the talks.",
    "help-with": "Mike Pompeo said the deal would help the peace talks with the Taliban.",
    "inverted": "Sondland was in charge of Ukraine, said another witness in the probe, former "
                "White House adviser Fiona Hill.",
    # the AP Sondland page (article-extraction-benchmark, MIT)
    "ap-hill": "Trump has recently tried to suggest that he barely knows his hand-picked "
               "ambassador. Sondland was known for telling others \"he was in charge of "
               "Ukraine\" despite being the U.S. envoy in Brussels, said another witness in the "
               "impeachment probe, former White House Russia adviser Fiona Hill. \"And I asked, "
               "well, on whose authority?\u201d said Hill, who will testify Thursday. \"And he "
               "said, the President.\"",
    "former-minister": "Former Bolivian minister Carlos Romero was arrested.",
    # the AP Sondland page
    "envoy-to": "Gordon Sondland is the U.S. envoy in Brussels. Another diplomat, former "
                "special envoy to Ukraine Kurt Volker, shifted his own account of the July 10 "
                "meeting to say Sondland did, in fact, discuss investigations with the visiting "
                "Ukrainians. Volker said.",
    "navalny": "Navalny's arrest was condemned.",
    "lawmakers": "American lawmakers questioned the diplomat on Monday. The messages he gave to "
                 "lawmakers showed that Trump wanted Ukraine to investigate.",
}
COLUMNS = ("e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), "
           "coalesce(e.target_id, ''), e.trigger, e.modality, e.date, e.date_basis")


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory
           ) -> tuple[Path, dict[str, set[tuple[str, ...]]]]:
    # published on Wednesday 20 November 2019
    return events_by_sentence(tmp_path_factory.mktemp("left2_20"), SENTENCES, "en",
                              "2019-11-20", COLUMNS)


@pytest.fixture(scope="module")
def found(stored: tuple[Path, dict[str, set[tuple[str, ...]]]]
          ) -> dict[str, set[tuple[str, ...]]]:
    return stored[1]


def _actors(stored: tuple[Path, dict[str, set[tuple[str, ...]]]], key: str, text: str
            ) -> list[tuple[str | None, str | None]]:
    """(actor, role) of each mention of `text` in a sentence's document."""
    with Store(str(stored[0])) as store:
        rows = store.query("SELECT m.actor_id, m.role FROM mentions m JOIN documents d "
                           "USING (doc_id) WHERE d.locator = ? AND m.text = ? "
                           "ORDER BY m.start_char",
                           [f"line:{list(SENTENCES).index(key) + 1}", text])
    return [(r[0], r[1]) for r in rows]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    # the weekend before a Wednesday: its Saturday (a period's start), as a week's Monday
    ("weekend", {("ACCUSE", "disapprove", "donald-trump", "x-person-nancy-pelosi",
                  "criticized", "asserted", "2019-11-16", "text")}),
    ("last-week", {("ASSAULT", "", "REB", "", "attacked", "asserted", "2019-11-11", "text")}),
    # a visit to a base goes to the state the base is in, not to the base's modifier
    ("base", {("CONSULT", "visit", "mike-pompeo", "AFG", "flew", "asserted", "2019-11-18",
               "text")}),
    ("visited-base", {("CONSULT", "visit", "vladimir-putin", "SYR", "visited", "asserted",
                       "2019-11-20", "publication")}),
    # helping the talks is neither holding them nor a promise of the speaker's to hold them
    ("help", {("STATEMENT", "", "mike-pompeo", "", "said", "asserted", "2019-11-20",
               "publication")}),
    ("help-with", {("CONSULT", "", "", "taliban", "talks", "asserted", "2019-11-20",
                    "publication")}),
    # a verb of saying after what it reports has its speaker after it; what is said is no
    # target, nor is the speaker's apposition
    ("inverted", {("STATEMENT", "", "x-person-fiona-hill", "", "said", "asserted",
                   "2019-11-20", "publication")}),
    # before: a STATEMENT with no source to Hill, and one to Trump ("the President")
    # "And he said" in Hill's own quote is not Hill (session 24, quote24): its "he" is
    # Sondland, who is no actor here, so it falls back to the last person named, Trump:
    # wrong too, pinned so that a change shows
    ("ap-hill", {("REQUEST", "", "x-person-fiona-hill", "", "asked", "asserted", "2019-11-20",
                  "publication"),
                 ("STATEMENT", "", "x-person-fiona-hill", "", "said", "asserted",
                  "2019-11-20", "publication"),
                 ("STATEMENT", "", "donald-trump", "", "said", "asserted", "2019-11-20",
                  "publication")}),
])
def test_events(found: dict[str, set[tuple[str, ...]]], key: str,
                expected: set[tuple[str, ...]]) -> None:
    assert found[key] == expected, found[key]


@pytest.mark.slow
def test_agent_keeps_its_earlier_state_on_a_tie(
        stored: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    # the sentence names the US (Trump) and Ukraine once each: the lawmakers are those the
    # story placed before (UKRLEG without the change)
    assert _actors(stored, "lawmakers", "lawmakers") == [("USALEG", "USALEG")]


@pytest.mark.slow
def test_former_official_is_the_states_elite(
        stored: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    # CAMEO codes former government officials ELI, as the KB codes former presidents; an
    # envoy to Ukraine is of another state, here the only other one the sentence names
    assert _actors(stored, "former-minister", "Carlos Romero") == [
        ("x-person-carlos-romero", "BOLELI")]
    assert _actors(stored, "envoy-to", "Volker") == [("x-person-kurt-volker", "USAELI")]


@pytest.mark.slow
def test_opposition_leader_by_surname(
        stored: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    # tagged an organisation, with no state named: the only bearer of the surname in the KB
    # leading an opposition that day (x-org-navalny before)
    assert _actors(stored, "navalny", "Navalny") == [("alexei-navalny", "RUSOPP")]
