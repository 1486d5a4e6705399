"""Defects readers found in session 23 (issues 11, 15): Spanish numbers grouped with commas,
leaders of a possessive pronoun, "nobody" as a doer, a demonstration that shows something,
the US parties' nicknames. Constructed sentences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marea.model import Document
from marea.nlp.linguistic import spanish_digit_groups
from marea.pipeline import run_stages
from marea.settings import load_settings
from marea.store import Store
from tests.conftest import events_by_sentence, jsonl_store, mention_links

COLUMNS = "e.trigger, e.type, e.source_id, e.target_id, e.modality"


def test_commas_grouping_digits_become_points_for_the_parser_only() -> None:
    assert spanish_digit_groups("14,571 capturas y 1,200,000 de votos") == (
        "14.571 capturas y 1.200.000 de votos")
    assert spanish_digit_groups("según el informe, 1,200.") == "según el informe, 1.200."
    # a decimal comma, an English decimal point, a list of numbers are left as written
    for text in ("3,5 millones", "1,200.50 dólares", "12,345,6", "1,2345"):
        assert spanish_digit_groups(text) == text


def test_a_number_grouped_with_commas_counts_its_noun() -> None:
    text = "Según el informe, 14,571 capturas se realizaron en el país durante el año."
    settings = load_settings().with_(models={**load_settings().models, "encoder": "none"})
    (doc,) = run_stages([Document(source="t", locator="", raw=text.encode(),
                                  content_type="text", metadata={"language": "es"})],
                        ("marea.clean.v1", "marea.language.v1", "marea.linguistic.v1"),
                        settings)
    words = [doc.text[t.start:t.end] for t in doc.tokens]
    number, arrests, verb = (words.index(w) for w in ("14,571", "capturas", "realizaron"))
    assert doc.tokens[number].pos == "NUM"
    assert (doc.tokens[number].dep, doc.tokens[number].head) == ("nummod", arrests)
    assert (doc.tokens[arrests].dep, doc.tokens[arrests].head) == ("nsubj", verb)
    assert doc.tokens[verb].dep == "ROOT"


def test_arrests_counted_with_commas_are_the_announced_event(tmp_path: Path) -> None:
    _, found = events_by_sentence(tmp_path, {
        "arrests": "La Policía Nacional anunció 14,571 capturas y 1,200 detenidos en 2019."},
        "es", "2020-01-10", "e.trigger, e.type")
    # the number read as the object made this a statement with nothing in it
    assert found["arrests"] == {("capturas", "COERCE")}


def test_leaders_of_a_possessive_act_for_its_owner(tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "party": "The Workers' Party met on Tuesday in Brasilia. Its leaders condemned the "
                 "arrest of Lula.",
        "opposition": "Venezuela's opposition rallied on Tuesday. Its leaders accused Maduro "
                      "of fraud.",
        "state": "Spain rejected the vote on Tuesday. Its leaders called the referendum "
                 "illegal.",
        "rebels": "The rebels seized the town. Their leaders demanded talks with the "
                  "government of Mali."}, "en", "2020-01-10", COLUMNS)
    assert ("condemned", "ACCUSE", "pt-bra", None, "asserted") in en["party"]
    assert ("accused", "ACCUSE", "VENOPP", "nicolas-maduro", "asserted") in en["opposition"]
    # a state's leaders are its government
    assert ("called", "ACCUSE", "ESPGOV", None, "asserted") in en["state"]
    assert ("demanded", "REQUEST", "MLIREB", "MLIGOV", "asserted") in en["rebels"]


def test_sus_dirigentes_are_the_previous_subjects(tmp_path: Path) -> None:
    _, es = events_by_sentence(tmp_path, {
        # the owner is the subject before, not the last place named ("La Paz")
        "party": "El Movimiento al Socialismo se reunió el martes en La Paz. Sus dirigentes "
                 "acusaron al gobierno de Argentina de injerencia.",
        "farmers": "Los campesinos marcharon el martes en Bolivia. Sus dirigentes exigieron la "
                   "renuncia del ministro de Gobierno."}, "es", "2020-01-10", COLUMNS)
    assert ("acusaron", "ACCUSE", "mas-bol", "ARGGOV", "asserted") in es["party"]
    assert ("exigieron", "REQUEST", "BOLCVL", "BOLGOV", "asserted") in es["farmers"]


def test_nobody_is_neither_the_doer_nor_the_speaker(tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "left": "Nobody is left to investigate Trump, Joe Biden said.",
        "quoted": "\"Nobody is left to investigate him,\" Joe Biden said of Trump.",
        "wants": "No one in the Senate wants to investigate Trump, Joe Biden said.",
        "none": "None of the Democrats endorsed Trump, Joe Biden said."},
        "en", "2020-01-10", COLUMNS + ", e.speaker_id")
    assert en["left"] == {("investigate", "ACCUSE", None, "donald-trump", "negated",
                           "joe-biden")}
    # in his own quotation the speaker is neither who investigates nor "him" (quote24); the
    # "him" is Trump, named only after the quotation, which pronouns do not reach
    assert not any(row[1] == "ACCUSE" and "joe-biden" in row[2:4] for row in en["quoted"])
    assert en["wants"] == {("investigate", "ACCUSE", None, "donald-trump", "negated",
                            "joe-biden")}
    # "none of" a group keeps the group, as before
    assert en["none"] == {("endorsed", "SUPPORT", "democratic-usa", "donald-trump", "negated",
                           "joe-biden")}
    (tmp_path / "es").mkdir()
    _, es = events_by_sentence(tmp_path / "es", {
        "nadie": "Nadie quiere investigar a Luis Arce, dijo Evo Morales."},
        "es", "2020-01-10", COLUMNS)
    assert es["nadie"] == {("investigar", "ACCUSE", None, "luis-arce", "negated")}


def test_a_demonstration_of_a_quality_or_a_clause_is_no_protest(tmp_path: Path) -> None:
    _, en = events_by_sentence(tmp_path, {
        "how": "The vote in Congress was a demonstration of how the Republican Party works.",
        "what": "The election is a demonstration of what democracy can do in Brazil.",
        "power": "The parade in Moscow was a demonstration of Russia's military power.",
        "strength": "The demonstration of strength by the army worried Colombia.",
        "against": "Thousands of students joined a demonstration in Santiago against the "
                   "government of Chile.",
        "farmers": "A demonstration of farmers blocked the roads in Bolivia."},
        "en", "2020-01-10", "e.trigger, e.type")
    for key in ("how", "what", "power", "strength"):
        assert ("demonstration", "PROTEST") not in en[key], key
    assert ("demonstration", "PROTEST") in en["against"]
    assert ("demonstration", "PROTEST") in en["farmers"]  # who gathered, not what is shown
    (tmp_path / "es").mkdir()
    _, es = events_by_sentence(tmp_path / "es", {
        "fuerza": "El desfile fue una manifestación de fuerza del Ejército de Venezuela.",
        "como": "La votación fue una manifestación de cómo funciona el Congreso de Perú.",
        "campesinos": "Una manifestación de campesinos bloqueó la carretera en Bolivia."},
        "es", "2020-01-10", "e.trigger, e.type")
    assert ("manifestación", "PROTEST") not in es["fuerza"]
    assert ("manifestación", "PROTEST") not in es["como"]
    assert ("manifestación", "PROTEST") in es["campesinos"]


NICKNAMES = ["The Donkey Party lost the Senate vote in Washington on Tuesday.",
             "The Elephant Party won the Senate, and the GOP leader thanked voters in Ohio.",
             "Analysts said the Grand Old Party would keep the House."]


@pytest.fixture(scope="module")
def nicknames(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("bugs24"), [
            {"text": text, "language": "en", "published": "2020-01-10"}
            for text in NICKNAMES]) as store:
        yield store


def test_the_us_parties_nicknames_link_like_their_names(nicknames: Store) -> None:
    assert mention_links(nicknames, 1, "The Donkey Party") == {("democratic-usa", "USAPTY")}
    assert mention_links(nicknames, 2, "The Elephant Party") == {("republican-usa", "USAPTY")}
    assert mention_links(nicknames, 2, "GOP") == {("republican-usa", "USAPTY")}
    assert mention_links(nicknames, 3, "the Grand Old Party") == {
        ("republican-usa", "USAPTY")}
