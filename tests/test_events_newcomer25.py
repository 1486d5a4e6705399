"""Readings a newcomer found on unread news pages (session 25): Gothamist on a Bronx rezoning
that cost a councilmember her seat (Nov. 2023) and El Deber on a Chilean investigator's report of
stolen cars held by Bolivian officials (May 2022), both trafilatura-eval (Apache-2.0): an "it"
stands for the thing last spoken of, not for a group or council named in a phrase of the
sentence before; the clause a verb of saying quotes is not its subject, even when the parser
hangs it there; a Spanish verb of saying with no subject of its own is said by the subject
before it, and so is its quotation ("Yo"). The Gleaner's report of a car crash (April 2022): an
accident is no attack and the names of its dead are no release; an @handle named after a country
is no state. The Atlantic on California's disasters (Aug. 2020): lightning strikes, electricity
demand; an editorial blaming is its paper's act. AP on Deval Patrick's campaign (article-
extraction-benchmark, MIT, Nov. 2019): meeting a threshold is no meeting. Sentences written for
these tests, through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence, jsonl_store, mention_links

ENGLISH = {
    "it_after_object": "The plan allows new apartments with rents capped for New Yorkers. The "
                       "mayor backed the rezoning before it was approved by the City Council.",
    "it_quoted_object": "Roxanne Delgado said the reversal hurt her chances of keeping her seat "
                        "in the Council. “It wasn't that she supported it,” Delgado said.",
    "it_a_state": "Sanctions were imposed on Russia in March. It retaliated in April.",
    "it_a_treaty": "The treaty was signed in March. The Senate ratified it in May.",
    "it_a_ministry": "The ministry of Peru issued a statement. It accused Chile of spying.",
    "crash": "The police have now released the identities of the two people killed in a crash "
             "in Clarendon on Tuesday.",
    "fire": "Five people were injured in the fire at the market.",
    "ambush": "Two soldiers were killed in an ambush by rebels.",
    "lightning": "California had unusually intense lightning strikes during the blackouts.",
    "demand": "The heat wave spiked electricity demand from Arizona to Nevada.",
    "heart_attack": "The senator suffered a heart attack in Washington.",
    "a_strike": "Workers in Chile launched a strike against the government.",
    "editorial": "The Wall Street Journal published a misleading editorial blaming Mexico for "
                 "the outages.",
    "resolution": "The Security Council adopted a resolution that condemned Israel.",
    "report_alone": "The report that accused Venezuela was published in May.",
    "thresholds": "His late entry makes it tougher for Deval Patrick to meet the polling "
                  "thresholds for future debates.",
    "met_with": "Deval Patrick met with Joe Biden in Iowa.",
}

SPANISH = {
    "quote_by_subject_before": "Bustos asegura que no mostró todo el material. “Yo le diría que el "
                               "otro restante pequeño, que es el 10%, son gente que compra esos "
                               "vehículos”, dijo a la red Erbol.",
    "comunicado": "La Cancillería de Perú emitió un comunicado que condena a Israel.",
    "quote_by_nobody_named": "Señaló que dentro de la investigación pudo detectar que 112 "
                             "motorizados robados en Chile fueron traídos al departamento "
                             "cruceño. “Yo le diría que el otro restante pequeño, que es el 10%, "
                             "son gente que compra esos vehículos”, dijo a la red Erbol.",
}

COLUMNS = "e.trigger, e.type, e.source_id, e.target_id"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("en25"), ENGLISH, "en", "2023-11-08",
                              COLUMNS)[1]


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("es25"), SPANISH, "es", "2022-05-03",
                              COLUMNS)[1]


def test_it_is_the_thing_last_spoken_of(english: dict[str, set[tuple]]) -> None:
    # the rezoning was approved, not the New Yorkers of the sentence before nor the mayor
    assert english["it_after_object"] == {("backed", "SUPPORT", "GOV", None)}
    # she supported the reversal's object, not the Council her seat is in
    assert english["it_quoted_object"] == {("said", "STATEMENT", "x-person-roxanne-delgado",
                                            None)}
    assert english["it_a_treaty"] == {("ratified", "SUPPORT", "LEG", None)}


def test_it_is_still_a_state_or_body_when_that_is_what_was_spoken_of(
        english: dict[str, set[tuple]]) -> None:
    assert ("retaliated", "ASSAULT", "RUS", None) in english["it_a_state"]
    assert ("accused", "ACCUSE", "PERGOV", "CHL") in english["it_a_ministry"]


def test_an_accident_kills_without_a_killer(english: dict[str, set[tuple]]) -> None:
    """Read on the Gleaner's report of a car crash: naming the dead is no release of captives,
    and people killed in a crash or hurt in a fire were attacked by no one."""
    assert english["crash"] == set()
    assert english["fire"] == set()
    assert ("killed", "ASSAULT", None, "MIL") in english["ambush"]


def test_a_modifier_can_make_an_event_noun_no_event(english: dict[str, set[tuple]]) -> None:
    """Read on The Atlantic's essay on California's climate disasters (August 2020): lightning
    strikes are no labour strike and electricity demand is no request; a heart attack is no
    attack. A strike with no such modifier still is one."""
    assert english["lightning"] == set()
    assert english["demand"] == set()
    assert english["heart_attack"] == set()
    assert english["a_strike"] == {("strike", "PROTEST", "CHLLAB", "CHLGOV")}


def test_meeting_a_threshold_is_no_meeting(english: dict[str, set[tuple]]) -> None:
    """Read on AP's report of Deval Patrick's 2020 campaign in South Carolina."""
    assert english["thresholds"] == set()
    assert english["met_with"] == {("met", "CONSULT", "deval-patrick", "joe-biden")}


def test_a_text_speaks_for_who_issued_it(english: dict[str, set[tuple]],
                                          spanish: dict[str, set[tuple]]) -> None:
    """Read on The Atlantic's essay: "The Wall Street Journal published a misleading editorial
    blaming the state": the paper blames. A statement, resolution or communiqué that condemns
    is its issuer's act; a report no one is said to have written accuses for no one."""
    assert english["editorial"] == {("blaming", "ACCUSE", "x-org-wall-street-journal", "MEX")}
    assert english["resolution"] == {("condemned", "ACCUSE", "unsc", "ISR")}
    assert english["report_alone"] == {("accused", "ACCUSE", None, "VEN")}
    assert spanish["comunicado"] == {("condena", "ACCUSE", "PERGOV", "ISR")}


def test_a_quotation_is_said_by_the_subject_before(spanish: dict[str, set[tuple]]) -> None:
    # "gente" heads the quoted clause the parser hung on the verbs: no civilian speaks; "Yo"
    # and "dijo" are Bustos, the subject of the sentence before
    assert spanish["quote_by_subject_before"] == {
        ("asegura", "STATEMENT", "x-person-bustos", None),
        ("diría", "STATEMENT", "x-person-bustos", None),
        ("dijo", "STATEMENT", "x-person-bustos", "x-org-erbol")}
    assert spanish["quote_by_nobody_named"] == {("dijo", "STATEMENT", None, "x-org-erbol")}


def test_an_account_named_after_a_place_is_not_the_state(tmp_path: Path) -> None:
    """The Gleaner's page ends "Follow The Gleaner on Twitter @JamaicaGleaner": the account is
    the paper's, not Jamaica's; a hashtag or an account that names a person still links."""
    texts = ["Follow The Gleaner on Twitter and Instagram @JamaicaGleaner for updates.",
             "Thanks to @HillaryClinton and #FreeVenezuela for the support."]
    records = [{"text": t, "language": "en", "published": "2022-04-26"} for t in texts]
    with jsonl_store(tmp_path, records) as store:
        assert not store.query("SELECT m.text FROM mentions m JOIN documents d USING (doc_id) "
                               "WHERE ends_with(d.locator, ':1') AND m.actor_id = 'JAM'")
        assert {a for a, _ in mention_links(store, 2, "@HillaryClinton")} == {"hillary-clinton"}
        assert {a for a, _ in mention_links(store, 2, "#FreeVenezuela")} == {"VEN"}
