"""Event readings a newcomer found on two unread news pages (trafilatura-eval, Apache-2.0:
FiveThirtyEight on the 2020 Democratic endorsement race; La Nación on the Argentine ruling
party's manoeuvre against a single-ballot session, May 2022; session 23): "none of them
endorsed" and "not rushing to endorse" deny the endorsing; asking whether someone will act
threatens nothing; to lift or reinforce a person or an argument is no easing or deployment;
to mobilise behind someone backs them; a committee's own meeting is no offer; a refusal to
debate is a rejection; "desde X" names the side of an unnamed speaker; the date a session is
asked for is not the asking's. Sentences written for these tests, through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence, jsonl_store

ENGLISH = {
    "none_of": "None of the House Democrats have endorsed Bernie Sanders.",
    "no_subject": "No Democrat has endorsed Bernie Sanders.",
    "not_rushing": "Democratic Party officials are not rushing to endorse Bernie Sanders.",
    "did_not_try": "Barack Obama did not try to sanction Cuba.",
    "hesitate": "Barack Obama did not hesitate to condemn Cuba.",
    "whether": "One question is whether the Democratic Party will mobilize behind Bernie "
               "Sanders if he wins Iowa.",
    "lift_person": "The results in Iowa might lift Bernie Sanders.",
    "lift_ban": "The United States lifted its sanctions on Cuba.",
    "reinforce_argument": "That reinforces the argument of Bernie Sanders.",
    "reinforce_troops": "Israel reinforced its positions near Gaza.",
    "behind": "The Democratic Party establishment mobilized behind Hillary Clinton.",
    "not_behind": "Republicans haven't gotten behind Joe Biden.",
    "progressives": "Joe Biden also has seven endorsements from the progressives.",
    "for_thursday": "Argentina's ruling party requested a session for Thursday.",
    # the LA Times page on Bloomberg's debate debut (February 2020)
    "initial": "Billionaire Michael R. Bloomberg met Joe Biden in New York.",
    "no_evidence": "There is no evidence that Russia attacked Ukraine.",
    "evidence": "There is evidence that Russia attacked Ukraine.",
    "circles": "It is a theory widespread in the financial circles in which Michael Bloomberg "
               "travels.",
    "travel_to": "Michael Bloomberg travelled to Mexico.",
    "former": "Michael Bloomberg ran for president. In the speech, the former mayor criticized "
              "Joe Biden.",
    "two_former": "Barack Obama met George W. Bush. The former president criticized Joe Biden.",
}

SPANISH = {
    "kirchnerismo": "El Gobierno de Argentina soporta el bombardeo del kirchnerismo.",
    "ninguno": "Ninguno de los partidos apoyó a Gabriel Boric.",
    "no_quiso": "Gustavo Petro no quiso condenar a Nicolás Maduro.",
    "no_dejo": "Gustavo Petro no dejó de criticar a Nicolás Maduro.",
    "rechazo_a": "El oficialismo argentino ya anticipó su rechazo a debatir la reforma con "
                 "Juntos por el Cambio.",
    "rechazo_de": "El Gobierno de Chile expresó su rechazo a la reforma de Bolivia.",
    "own_meeting": "La comisión de Legislación General de la Cámara de Diputados se reunirá "
                   "nuevamente el miércoles.",
    "meeting_with": "El Gobierno de Chile se reunirá con Bolivia el miércoles.",
    "desde": "Desde el Gobierno de Chile criticaron la decisión de Bolivia.",
    "para_el": "El Gobierno de Chile convocó a Bolivia a una reunión para el 3 de diciembre.",
    "on_the_day": "El Gobierno de Chile se reunió con Bolivia el 3 de noviembre.",
    "expresidente": "Evo Morales llegó a Lima. El expresidente criticó a Dina Boluarte.",
    "sin_pruebas": "No existe evidencia de que el Gobierno de Chile haya reprimido a los "
                   "manifestantes.",
}

COLUMNS = "e.type, e.source_id, e.target_id, e.modality, e.date"


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("en23"), ENGLISH, "en", "2019-11-20",
                              COLUMNS)[1]


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("es23"), SPANISH, "es", "2019-11-20",
                              COLUMNS)[1]


def test_no_one_endorsing_denies_it(english: dict[str, set[tuple]]) -> None:
    assert english["none_of"] == {("SUPPORT", "democratic-usa", "bernie-sanders", "negated",
                                   "2019-11-20")}
    assert {row[3] for row in english["no_subject"]} == {"negated"}


def test_a_negated_predicate_denies_its_complement(english: dict[str, set[tuple]]) -> None:
    assert {(row[0], row[3]) for row in english["not_rushing"]} == {("SUPPORT", "negated")}
    assert {(row[0], row[3]) for row in english["did_not_try"]} == {("SANCTION", "negated")}
    # ... unless the negated verb holds back: not hesitating to condemn is condemning
    assert {(row[0], row[3]) for row in english["hesitate"]} == {("ACCUSE", "asserted")}


def test_asking_whether_someone_acts_threatens_nothing(english: dict[str, set[tuple]]) -> None:
    assert {row[0] for row in english["whether"]} == {"SUPPORT"}
    assert {row[3] for row in english["whether"]} == {"hypothetical"}


def test_lifting_or_reinforcing_needs_what_is_eased_or_deployed(
        english: dict[str, set[tuple]]) -> None:
    assert english["lift_person"] == set()
    assert {row[0] for row in english["lift_ban"]} == {"RETREAT"}
    assert english["reinforce_argument"] == set()
    assert {(row[0], row[1]) for row in english["reinforce_troops"]} == {("MOBILIZE", "ISR")}


def test_getting_behind_someone_backs_them(english: dict[str, set[tuple]]) -> None:
    assert english["behind"] == {("SUPPORT", "democratic-usa", "hillary-clinton", "asserted",
                                  "2019-11-20")}
    assert {(row[0], row[2], row[3]) for row in english["not_behind"]} == {
        ("SUPPORT", "joe-biden", "negated")}


def test_lower_case_progressives_are_no_party(english: dict[str, set[tuple]]) -> None:
    assert english["progressives"] == {("SUPPORT", None, "joe-biden", "asserted", "2019-11-20")}


def test_a_party_written_in_lower_case_by_name_still_links(spanish: dict[str, set[tuple]]
                                                             ) -> None:
    assert {(row[0], row[1]) for row in spanish["kirchnerismo"]} == {("ACCUSE", "pj-arg")}


def test_the_date_asked_for_is_not_the_askings(english: dict[str, set[tuple]],
                                                spanish: dict[str, set[tuple]]) -> None:
    assert {row[4] for row in english["for_thursday"]} == {"2019-11-20"}
    assert {row[4] for row in spanish["para_el"]} == {"2019-11-20"}
    assert {row[4] for row in spanish["on_the_day"]} == {"2019-11-03"}


def test_spanish_negation_by_subject_and_predicate(spanish: dict[str, set[tuple]]) -> None:
    assert spanish["ninguno"] == {("SUPPORT", None, "gabriel-boric", "negated", "2019-11-20")}
    assert {(row[0], row[3]) for row in spanish["no_quiso"]} == {("ACCUSE", "negated")}
    assert {(row[0], row[3]) for row in spanish["no_dejo"]} == {("ACCUSE", "asserted")}


def test_a_refusal_to_act_is_a_rejection(spanish: dict[str, set[tuple]]) -> None:
    assert {(row[0], row[1], row[3]) for row in spanish["rechazo_a"]} == {
        ("REJECT", "ARGPTY", "asserted"), ("CONSULT", None, "negated")}
    assert {row[0] for row in spanish["rechazo_de"]} == {"ACCUSE"}


def test_a_bodys_own_meeting_is_no_offer(spanish: dict[str, set[tuple]]) -> None:
    assert spanish["own_meeting"] == set()  # a gathering of one body meets no one
    assert {(row[0], row[3]) for row in spanish["meeting_with"]} == {
        ("CONSULT", "future"), ("AGREE", "asserted")}


def test_desde_names_the_side_speaking(spanish: dict[str, set[tuple]]) -> None:
    assert spanish["desde"] == {("ACCUSE", "CHLGOV", "BOL", "asserted", "2019-11-20")}


def test_a_middle_initial_still_names_the_person(english: dict[str, set[tuple]]) -> None:
    assert {(row[0], row[1], row[2]) for row in english["initial"]} == {
        ("CONSULT", "michael-bloomberg", "joe-biden")}


def test_an_act_there_is_no_evidence_of_is_not_asserted(english: dict[str, set[tuple]],
                                                        spanish: dict[str, set[tuple]]) -> None:
    assert {(row[0], row[3]) for row in english["no_evidence"]} == {("ASSAULT", "hypothetical")}
    assert {(row[0], row[3]) for row in english["evidence"]} == {("ASSAULT", "asserted")}
    assert {(row[0], row[3]) for row in spanish["sin_pruebas"]} == {("COERCE", "hypothetical")}


def test_travel_with_no_destination_visits_no_one(english: dict[str, set[tuple]]) -> None:
    assert english["circles"] == set()
    assert {(row[0], row[2]) for row in english["travel_to"]} == {("CONSULT", "MEX")}


def test_an_office_run_for_is_no_holder(tmp_path: Path) -> None:
    """"ran for president" names the office: not the president of the day."""
    docs = [{"text": "Michael Bloomberg ran for president. The president criticized him.",
             "language": "en", "published": "2019-11-20"}]
    with jsonl_store(tmp_path, docs) as store:
        assert store.query("SELECT text, actor_id FROM mentions WHERE actor_id = "
                           "'donald-trump'") == [("president", "donald-trump")]


def test_a_former_office_is_the_one_person_named_who_held_it(
        english: dict[str, set[tuple]], spanish: dict[str, set[tuple]]) -> None:
    assert {(row[0], row[1], row[2]) for row in english["former"]} == {
        ("ACCUSE", "michael-bloomberg", "joe-biden")}
    assert {(row[0], row[1], row[2]) for row in spanish["expresidente"]} == {
        ("ACCUSE", "evo-morales", "dina-boluarte")}
    # two former presidents named: the description names neither
    assert {row[1] for row in english["two_former"] if row[0] == "ACCUSE"} & {
        "barack-obama", "george-w-bush"} == set()


def test_a_former_title_before_a_name_is_that_names(tmp_path: Path) -> None:
    """"former president Evo Morales" is Morales's title, not a description of Arce (a
    "presidential candidate" once, which is no presidency)."""
    docs = [{"text": "Bolivia's president Luis Arce replaced eleven ministers after blockades by "
                     "supporters of former president Evo Morales.",
             "language": "en", "published": "2024-01-22"}]
    with jsonl_store(tmp_path, docs) as store:
        assert store.query("SELECT text, actor_id FROM mentions WHERE actor_id IN "
                           "('luis-arce', 'evo-morales') ORDER BY start_char") == [
            ("Luis Arce", "luis-arce"), ("Evo Morales", "evo-morales")]
