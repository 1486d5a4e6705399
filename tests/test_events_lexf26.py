"""Lemmas the lexicon lacked on unseen pages (issue 11), entered in English and Spanish
together (firing and laying off workers, discrediting, insinuating, testifying, inking or
rubricating a treaty, the coordination of forces), and event nouns that gave no event: one
under a noun of a phase of it ("el inicio de una investigación contra X"), one whose own
relative clause says whom it is against ("la denuncia que recae en contra de X"), one
owned by "whose"/"cuyo" (the relative clause's antecedent is its owner: the doer, or whom
it is done to for nouns of things done to someone).
Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

ENGLISH = {
    "fired": "The mayor of Chicago fired 40 city workers on Monday.",
    "laid-off": "Ford laid off 300 workers in Michigan.",
    "fired-missiles": "North Korea fired two missiles into the sea.",
    "discredit": "The Kremlin tried to discredit Alexei Navalny.",
    "testified": "Marie Yovanovitch testified before the House Intelligence Committee.",
    "insinuated": "Donald Trump insinuated that Joe Biden had taken bribes.",
    "inked": "Japan inked a trade agreement with Vietnam.",
    "coordination": "The police announced coordination with the FBI.",
    "whose": "The OAS, whose audit found irregularities, sent a mission to Bolivia.",
    "whose-arrest": "Evo Morales, whose arrest the prosecutor requested, flew to Cuba.",
}
SPANISH = {
    "despidio": "Montecon despidió a 150 trabajadores el martes.",
    "despedida": "Miles de fieles despidieron al papa Francisco en Roma.",
    "despido": "El sindicato rechazó el despido de 150 trabajadores de Montecon.",
    "desprestigiar": "El Gobierno intentó desprestigiar a Evo Morales.",
    "testifico": "Marie Yovanovitch testificó ante el Congreso de Estados Unidos.",
    "insinuo": "Javier Milei insinuó que Cristina Fernández había robado fondos públicos.",
    "rubrico": "Uruguay rubricó un tratado con Chile.",
    "inicio": "La Compañía de Jesús informó del inicio de una investigación contra el "
              "sacerdote Felipe Berríos.",
    "apertura": "La Fiscalía anunció la apertura de una investigación contra Evo Morales.",
    "recae": "La ministra se refirió a la denuncia que recae en contra del sacerdote Felipe "
             "Berríos.",
    "cuya": "La OEA, cuya auditoría de 2019 denunció irregularidades, desplegó una misión.",
    "cuya-detencion": "El expresidente Evo Morales, cuya detención pidió la Fiscalía, viajó a "
                      "Cuba.",
    # a noun under a preposition with no phase head still only frames its clause
    "marco": "En el marco de la investigación, la ministra viajó a Santiago.",
}
COLUMNS = "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, '')"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    return events_by_sentence(tmp_path_factory.mktemp("lexf26-en"), ENGLISH, "en",
                              "2024-05-01", COLUMNS)[1]


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    return events_by_sentence(tmp_path_factory.mktemp("lexf26-es"), SPANISH, "es",
                              "2024-05-01", COLUMNS)[1]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "row"), [
    ("laid-off", ("COERCE", "x-org-ford", "LAB")),
    ("discredit", ("ACCUSE", "RUS", "alexei-navalny")),
    ("testified", ("STATEMENT", "x-person-marie-yovanovitch", "")),
    ("inked", ("SUPPORT", "JPN", "VNM")),
    ("coordination", ("COOPERATE", "COP", "x-org-fbi")),
])
def test_english_entry(english: dict[str, set[tuple[str, ...]]], key: str,
                       row: tuple[str, str, str]) -> None:
    assert row in english[key], english[key]


@pytest.mark.slow
def test_firing_workers_coerces_them(english: dict[str, set[tuple[str, ...]]]) -> None:
    assert any(row[0] == "COERCE" and row[2] == "LAB" for row in english["fired"]), (
        english["fired"])
    assert not any(row[0] == "COERCE" for row in english["fired-missiles"]), (
        english["fired-missiles"])


@pytest.mark.slow
def test_insinuating_alleges(english: dict[str, set[tuple[str, ...]]]) -> None:
    assert any(row[:2] == ("ACCUSE", "donald-trump") for row in english["insinuated"]), (
        english["insinuated"])


@pytest.mark.slow
@pytest.mark.parametrize(("key", "row"), [
    ("despidio", ("COERCE", "x-org-montecon", "LAB")),
    ("despido", ("COERCE", "", "LAB")),
    ("desprestigiar", ("ACCUSE", "BOLGOV", "evo-morales")),
    ("testifico", ("STATEMENT", "x-person-marie-yovanovitch", "")),
    ("insinuo", ("ACCUSE", "javier-milei", "cristina-fernandez-de-kirchner")),
    ("rubrico", ("SUPPORT", "URY", "CHL")),
])
def test_spanish_entry(spanish: dict[str, set[tuple[str, ...]]], key: str,
                       row: tuple[str, str, str]) -> None:
    assert row in spanish[key], spanish[key]


@pytest.mark.slow
@pytest.mark.parametrize(("key", "target"), [
    ("inicio", "x-person-felipe-berrios"),
    ("apertura", "evo-morales"),
    ("recae", "x-person-felipe-berrios"),
])
def test_event_noun_names_whom_it_is_against(spanish: dict[str, set[tuple[str, ...]]],
                                             key: str, target: str) -> None:
    assert any(row[0] == "ACCUSE" and row[2] == target for row in spanish[key]), spanish[key]


@pytest.mark.slow
def test_farewell_is_no_dismissal(spanish: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "COERCE" for row in spanish["despedida"]), spanish["despedida"]


@pytest.mark.slow
def test_framing_noun_stays_a_circumstance(spanish: dict[str, set[tuple[str, ...]]]) -> None:
    assert not any(row[0] == "ACCUSE" for row in spanish["marco"]), spanish["marco"]


@pytest.mark.slow
@pytest.mark.parametrize(("language", "key", "row"), [
    ("en", "whose", ("ACCUSE", "oas", "")),
    ("en", "whose-arrest", ("COERCE", "", "evo-morales")),
    ("es", "cuya", ("ACCUSE", "oas", "")),
    ("es", "cuya-detencion", ("COERCE", "", "evo-morales")),
])
def test_relative_owner_owns_the_noun(english: dict[str, set[tuple[str, ...]]],
                                      spanish: dict[str, set[tuple[str, ...]]], language: str,
                                      key: str, row: tuple[str, str, str]) -> None:
    found = (english if language == "en" else spanish)[key]
    assert row in found, found
