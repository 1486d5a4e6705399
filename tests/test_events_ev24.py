"""Events of session 24 (issue 11, arguments in another clause): the object of a Spanish verb
of asking, ordering or forcing does the infinitive or "que" clause after it, and a relative
clause's object (a relative pronoun, or one left out) is the noun the clause describes, and
a sector noun with a possessive ("sus seguidores", "his supporters") belongs to the state of
whom the possessive stands for. Sentences of our own."""

from __future__ import annotations

import pytest

from tests.conftest import events_by_sentence

SPANISH = {
    # object control: the one asked or forced acts, not the asker
    "exigir": "La oposición exigió al Congreso destituir al presidente Pedro Castillo.",
    "ordenar": "Pedro Castillo ordenó a la policía detener a los dirigentes de la oposición.",
    "obligar": "Nicolás Maduro obligó al ministro de Defensa a renunciar.",
    # the one accused or blamed of an act, or praised for it, did it; not a thing approved
    "acusar de": ("Gustavo Petro acusó al gobierno de Dina Boluarte de reprimir a los "
                  "manifestantes."),
    "felicitar por": "Alberto Fernández felicitó a Lula por ganar las elecciones.",
    "aprobar por": "El Congreso aprobó la ley por considerar que protege a los manifestantes.",
    # subject control is not object control: who decides resigns
    "decidir": "Gustavo Petro decidió renunciar.",
    # a relative "que" object is the noun the clause describes
    "que objeto": "Leopoldo López, que Maduro encarceló en 2014, convocó protestas.",
    # a possessive gives a sector noun its owner's state; supporters are civilians
    "seguidores": "Fernando Lugo pidió a sus seguidores movilizarse de forma pacífica.",
    "escolta": "Pedro Castillo fue detenido por su propia escolta.",
    # an unsaid subject that an entry makes the target (who gains the office) is the target
    "regresar": "Leonel Fernández gobernó entre 1996 y 2000 y regresó al poder en 2004.",
    "agente compartido": "Pedro Castillo fue detenido y trasladado por la policía.",
}
ENGLISH = {
    "whom": "Lula pardoned Fernando Collor, whom the Senate had impeached in 1992.",
    "that": "The judges that Congress removed on Saturday appealed to the OAS.",
    "who object": "Leopoldo López, who Maduro jailed in 2014, called for protests.",
    "left out": "The magistrates Congress dismissed filed a complaint.",
    # a relative pronoun that is the clause's subject stays its doer
    "who subject": "Fernando Lugo, who accused the Senate of a coup, left the palace.",
    "his supporters": "Jair Bolsonaro urged his supporters to block the highways.",
    # the leaders of an organisation a possessive stands for speak for it
    "its leaders": ("The MAS holds two-thirds of the seats in the legislature, and its "
                    "leaders called the session illegal."),
    "its state": "Bolivia held elections, and its leaders called the session illegal.",
    # an agent after the last of coordinated passives is all of theirs; after the first,
    # its own
    "shared agent": "Pedro Castillo was arrested and charged by prosecutors.",
    "own agent": "Pedro Castillo was arrested by the police and charged with rebellion.",
}
COLUMNS = "e.type, e.source_id, e.target_id"


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("ev24es"), SPANISH, "es", "2022-12-09",
                              COLUMNS)[1]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple]]:
    return events_by_sentence(tmp_path_factory.mktemp("ev24en"), ENGLISH, "en", "2022-12-09",
                              COLUMNS)[1]


def test_the_one_asked_does_the_infinitive(spanish: dict[str, set[tuple]]) -> None:
    assert ("COERCE", "PERLEG", "pedro-castillo") in spanish["exigir"]
    assert ("REQUEST", "PEROPP", "PERLEG") in spanish["exigir"]
    assert ("COERCE", "PERCOP", "PEROPP") in spanish["ordenar"]
    assert ("REQUEST", "pedro-castillo", "PERCOP") in spanish["ordenar"]
    # the minister resigns, not Maduro
    assert not any(e[0] == "RETREAT" and e[1] == "nicolas-maduro" for e in spanish["obligar"])


def test_the_one_accused_or_praised_did_the_act(spanish: dict[str, set[tuple]]) -> None:
    assert {e[:2] for e in spanish["acusar de"] if e[0] == "COERCE"} == {("COERCE", "PERGOV")}
    assert ("SUPPORT", None, "luiz-inacio-lula-da-silva") in spanish["felicitar por"]
    assert ("SUPPORT", "alberto-fernandez", "luiz-inacio-lula-da-silva") in spanish[
        "felicitar por"]
    assert spanish["aprobar por"] == set()


def test_subject_control_keeps_the_subject(spanish: dict[str, set[tuple]]) -> None:
    assert ("RETREAT", "gustavo-petro", None) in spanish["decidir"]


def test_relative_object_is_the_noun_described(spanish: dict[str, set[tuple]],
                                               english: dict[str, set[tuple]]) -> None:
    assert ("COERCE", "nicolas-maduro", "leopoldo-lopez") in spanish["que objeto"]
    assert ("COERCE", "nicolas-maduro", "leopoldo-lopez") in english["who object"]
    assert ("ACCUSE", "BRALEG", "x-person-fernando-collor") in english["whom"]
    assert {e for e in english["that"] if e[0] == "COERCE"} == {("COERCE", "LEG", "JUD")}
    assert {e for e in english["left out"] if e[0] == "COERCE"} == {("COERCE", "LEG", "JUD")}


def test_relative_subject_stays_the_doer(english: dict[str, set[tuple]]) -> None:
    assert ("ACCUSE", "fernando-lugo", "PRYLEG") in english["who subject"]


def test_possessive_gives_sector_nouns_a_state(spanish: dict[str, set[tuple]],
                                               english: dict[str, set[tuple]]) -> None:
    # the followers asked mobilise (object control), as Paraguayan civilians
    assert spanish["seguidores"] == {("REQUEST", "fernando-lugo", "PRYCVL"),
                                     ("PROTEST", "PRYCVL", "PRY")}
    assert spanish["escolta"] == {("COERCE", "PERCOP", "pedro-castillo")}
    assert ("PROTEST", "BRACVL", "BRA") in english["his supporters"]
    assert english["its leaders"] == {("ACCUSE", "x-org-mas", None)}
    assert english["its state"] == {("ACCUSE", "BOLGOV", None)}


def test_dropped_subject_of_an_office_won_is_its_target(spanish: dict[str, set[tuple]]) -> None:
    assert spanish["regresar"] == {("SUPPORT", None, "leonel-fernandez")}


def test_agent_of_coordinated_passives(spanish: dict[str, set[tuple]],
                                       english: dict[str, set[tuple]]) -> None:
    assert english["shared agent"] == {("COERCE", "PERJUD", "pedro-castillo"),
                                       ("ACCUSE", "PERJUD", "pedro-castillo")}
    assert english["own agent"] == {("COERCE", "PERCOP", "pedro-castillo"),
                                    ("ACCUSE", None, "pedro-castillo")}
    assert spanish["agente compartido"] == {("COERCE", "PERCOP", "pedro-castillo")}
