"""Defects a careful reader found on real pages (session 28, issues 11 and 15), each fixed by
a general rule and shown on a sentence of our own or of the page (the City Limits NYCHA page
of trafilatura-eval, which may be shipped): a sheriff's office and deputies are police; plural
ministries are the government, one per demonym listed before them; peacekeepers arriving are
a deployment; an @handle names the person whose full name it gives; initials name a person
only where the post speaks of them; choosing a body by vote gives no office; "them" standing
for things names no actor. Through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "sheriff": "The county sheriff's office said deputies arrested two men on Friday.",
    "sheriff-deputies": "Sheriff's deputies detained the protesters on Monday.",
    "deputies": "The deputies voted against the budget.",
    "ministries": "The Russian and Syrian defense ministries denied the report.",
    "three": "The Russian, Iranian and Syrian foreign ministries condemned the bombing.",
    "plural": "The ministries rejected the plan.",
    "peacekeepers": "UN peacekeepers arrived in Goma on Tuesday.",
    "elect": "Should Nostrand Houses elect the Preservation Trust, it would be the first "
             "NYCHA development to make such a transfer.",
    "elected": "Voters elected Lula president in October.",
    "allowing": "The switch would involve moving apartments out of the traditional Section 9 "
                "public housing model and allowing them to access more lucrative "
                "project-based Section 8 vouchers.",
    "released": "The police arrested the protesters and released them on Monday.",
}
POSTS = {
    "jeb": "@JebBush is a disgrace to his own family",
    "christie": "@ChrisChristie should drop out now",
    "hillary": "@HillaryClinton for president!",
    "sanders": "@SenSanders keep going",
    "hrc-clinton": "HRC lied about Benghazi and Clinton knows it",
    "hrc": "HRC lied about Benghazi",
}
COLUMNS = "e.type, coalesce(e.mode, ''), coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory
          ) -> tuple[Path, dict[str, set[tuple[str, ...]]]]:
    return events_by_sentence(tmp_path_factory.mktemp("pages28"), SENTENCES, "en",
                              "2024-05-10", COLUMNS)


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, str]]]:
    """{post key: {(mention text, actor id)}}."""
    db, _ = events_by_sentence(tmp_path_factory.mktemp("posts28"), POSTS, "en", "2016-02-10",
                               COLUMNS)
    return _mentions(db, POSTS)


def _mentions(db: Path, texts: dict[str, str]) -> dict[str, set[tuple[str, str]]]:
    keys = list(texts)
    table: dict[str, set[tuple[str, str]]] = {k: set() for k in keys}
    with duckdb.connect(str(db), read_only=True) as con:
        for locator, text, actor in con.execute(
                "SELECT d.locator, m.text, coalesce(m.actor_id, '') FROM mentions m "
                "JOIN documents d USING (doc_id)").fetchall():
            table[keys[int(locator.split(":")[1]) - 1]].add((text, actor))
    return table


@pytest.mark.slow
@pytest.mark.parametrize(("key", "row"), [
    ("sheriff", ("COERCE", "arrest", "COP", "CVL")),
    ("sheriff-deputies", ("COERCE", "arrest", "COP", "CVL")),
    ("deputies", ("REJECT", "", "LEG", "")),
    ("ministries", ("REJECT", "", "RUSGOV", "")),
    ("ministries", ("REJECT", "", "SYRGOV", "")),
    ("three", ("ACCUSE", "disapprove", "RUSGOV", "")),
    ("three", ("ACCUSE", "disapprove", "IRNGOV", "")),
    ("three", ("ACCUSE", "disapprove", "SYRGOV", "")),
    ("plural", ("REJECT", "", "GOV", "")),
    ("peacekeepers", ("MOBILIZE", "troops", "un", "COD")),
    ("elected", ("SUPPORT", "office", "BRACVL", "luiz-inacio-lula-da-silva")),
    ("released", ("RETREAT", "release", "COP", "CVL")),
])
def test_event_found(found: tuple[Path, dict[str, set[tuple[str, ...]]]], key: str,
                     row: tuple[str, ...]) -> None:
    assert row in found[1][key], found[1][key]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "wrong"), [
    ("sheriff", "LEG"),  # the sheriff's deputies are no legislators
    ("ministries", "RUS"),  # the ministries act, not the states
    ("ministries", "SYR"),
    ("peacekeepers", "AID"),  # arriving is no aid given, nor a visit
    ("peacekeepers", "CONSULT"),
    ("elect", "SUPPORT"),  # a management option chosen, no office
    ("allowing", "CONCEDE"),  # the apartments may use vouchers: no one concedes
])
def test_no_such_event(found: tuple[Path, dict[str, set[tuple[str, ...]]]], key: str,
                       wrong: str) -> None:
    assert not any(wrong in (row[0], row[2]) for row in found[1][key]), found[1][key]


@pytest.mark.slow
def test_sheriff_office_is_police(found: tuple[Path, dict[str, set[tuple[str, ...]]]]) -> None:
    mentions = _mentions(found[0], SENTENCES)
    assert ("sheriff's office", "COP") in mentions["sheriff"], mentions["sheriff"]
    assert ("deputies", "COP") in mentions["sheriff"], mentions["sheriff"]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "text", "actor"), [
    ("hillary", "@HillaryClinton", "hillary-clinton"),
    ("sanders", "@SenSanders", "bernie-sanders"),
    ("hrc-clinton", "HRC", "hillary-clinton"),
])
def test_post_names(linked: dict[str, set[tuple[str, str]]], key: str, text: str,
                    actor: str) -> None:
    assert (text, actor) in linked[key], linked[key]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "actor"), [
    ("jeb", "george-w-bush"),  # Jeb Bush's account is not his brother's
    ("christie", "perry-christie"),  # nor Chris Christie's the Bahamian prime minister's
    ("hrc", "hillary-clinton"),  # initials alone are anyone's
])
def test_post_does_not_name(linked: dict[str, set[tuple[str, str]]], key: str,
                            actor: str) -> None:
    assert actor not in {a for _, a in linked[key]}, linked[key]
