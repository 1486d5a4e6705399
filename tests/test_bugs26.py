"""Defects a newcomer found reading unseen pages in session 26 (a Mercury News letters page):
people the knowledge base does not hold have the gender their title or given name shows, so
"his" and "ella" find the right one; "I beg to differ" asks nothing. Constructed sentences."""

from __future__ import annotations

from pathlib import Path

from marea.actors.kb import load_kb
from tests.conftest import events_by_sentence, jsonl_store

COLUMNS = "e.trigger, e.type, e.source_id, e.target_id"


def test_his_is_the_man_not_the_woman_named_before(tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "name": "District Attorney Pamela Price dropped charges against David Misch. His "
                "alleged kidnapping of a girl shocked the town.",
        # the title decides when the given name says nothing
        "title": "Ms. Robin Hale dropped charges against Mr. Lee Stone. His alleged kidnapping "
                 "of a girl shocked the town.",
        # no cue at all: the subject before is still the reading
        "none": "Robin Hale dropped charges against Lee Stone. His alleged kidnapping of a girl "
                "shocked the town."}, "en", "2023-01-16", COLUMNS)
    assert ("kidnapping", "ASSAULT", "x-person-david-misch", None) in en["name"]
    assert ("kidnapping", "ASSAULT", "x-person-lee-stone", None) in en["title"]
    assert ("kidnapping", "ASSAULT", "x-person-robin-hale", None) in en["none"]


def test_ella_is_the_woman_a_spanish_title_or_name_shows(tmp_path: Path) -> None:
    _, es = events_by_sentence(tmp_path, {
        "article": "Juan Ruiz se reunió con la fiscal Mar Soto. Después ella criticó al Gobierno "
                   "de Perú.",
        "name": "Juan Ruiz se reunió con Ana Soto. Después ella criticó al Gobierno de Perú."},
        "es", "2022-05-04", COLUMNS)
    assert ("criticó", "ACCUSE", "x-person-mar-soto", "PERGOV") in es["article"]
    assert ("criticó", "ACCUSE", "x-person-ana-soto", "PERGOV") in es["name"]


def test_given_names_of_both_genders_say_nothing() -> None:
    names = load_kb().given_name_genders
    assert (names["pamela"], names["david"], names["maria"], names["juan"]) == ("f", "m", "f", "m")
    assert "andrea" not in names and "jean" not in names and "robin" not in names
    assert names["keiko"] == "f"  # from the knowledge base's own people


def test_begging_to_differ_is_no_request(tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "differ": "I beg to differ with Governor Gavin Newsom on the budget.",
        "request": "Governor Gavin Newsom begged President Joe Biden to send aid."},
        "en", "2023-01-16", "e.trigger, e.type")
    assert en["differ"] == set()
    assert ("begged", "REQUEST") in en["request"]


def test_a_portuguese_report_has_themes(tmp_path: Path) -> None:
    text = ("O presidente do Supremo Tribunal Federal recebeu ontem o presidente do Senado. "
            "O STF julgou o indulto concedido ao deputado, e o senador disse que o Judiciário "
            "deve ter a palavra final. O ministro da Defesa afirmou que as Forças Armadas "
            "respeitarão o processo eleitoral. Os militares não vão interferir nas eleições, "
            "disse o general. A Justiça Eleitoral garante a apuração dos votos nas urnas "
            "eletrônicas, e o TSE rejeitou a ideia de uma contagem paralela pelas Forças Armadas. "
            "A saúde do presidente é boa.")
    with jsonl_store(tmp_path, [{"text": text, "language": "pt", "published": "2022-05-04"}]
                     ) as store:
        themes = {row[0] for row in store.query(
            "SELECT theme FROM themes WHERE sentence = -1")}
    # Portuguese has no lemmatiser: the cue lists hold the forms ("eleições", "urnas")
    assert {"judiciary_lawfare", "elections", "war_military"} <= themes
    assert "health_covid" not in themes  # one "saúde" alone is no health story
