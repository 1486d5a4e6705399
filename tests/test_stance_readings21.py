"""Issue 15, session 21: the author's view of an act passes to those who take part in it. The
maker or backer of what the author condemns is opposed, also when the thing made stands
before its maker ("the coup Washington backed", "el golpe que Washington respaldó", "created
by the United States"); an actor made is its maker's creature; a sanction on the author's
opponent is deserved only when the author's words do not condemn the sanction itself; the
same words read twice count once. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es
from tests.test_stance_readings19 import _read as _read_en


@pytest.mark.parametrize(("text", "read", "verb"), [
    ("The coup Washington backed destroyed Bolivian democracy.", _read_en, "backed"),
    ("The coup that Washington backed destroyed Bolivian democracy.", _read_en, "backed"),
    ("El golpe que Washington respaldó destruyó la democracia boliviana.", _read_es,
     "respaldó"),
])
def test_the_backer_of_a_thing_the_author_condemns_stands_before_it(
        settings: Settings, text: str, read, verb: str) -> None:
    """A relative clause whose object is the noun it stands on: that noun is what was
    backed, and the coup's condemnation is the backer's."""
    label, cues = read(settings, text)["USA"]
    assert label == "against", cues
    assert ("predicate:subject", verb) in cues, cues


@pytest.mark.parametrize(("text", "read", "actor"), [
    ("The United States orchestrated the brutal coup in Bolivia.", _read_en, "USA"),
    ("La CIA financió el golpe criminal contra Salvador Allende.", _read_es, "x-org-cia"),
])
def test_the_maker_of_a_wrong_answers_for_it(settings: Settings, text: str, read,
                                             actor: str) -> None:
    stances = read(settings, text)
    label, cues = stances[actor]
    assert label == "against", cues
    assert [c for c in cues if c[0] == "predicate:subject"], cues
    for other, (_, other_cues) in stances.items():  # the place in the object is no creature
        assert not [c for c in other_cues if c[0] == f"alliance:{actor}"], (other, other_cues)


@pytest.mark.parametrize(("text", "read"), [
    ("The United States created the Lima Group. The Lima Group is a disgrace.", _read_en),
    ("Estados Unidos creó el Grupo de Lima. El Grupo de Lima es una vergüenza.", _read_es),
])
def test_an_actor_made_is_its_makers_creature(settings: Settings, text: str, read) -> None:
    """The author's disdain for the Lima Group reaches the one who created it; "create"
    praises nobody by itself."""
    stances = read(settings, text)
    assert stances["lima-group"][0] == "against", stances["lima-group"]
    label, cues = stances["USA"]
    assert label == "against", cues
    assert [c for c in cues if c[0] == "alliance:lima-group"], cues
    assert not [c for c in cues if c[1] in ("created", "creó") and not
                c[0].startswith("alliance")], cues


@pytest.mark.parametrize(("text", "read", "verb"), [
    ("The United States imposed cruel sanctions on the dictator Nicolás Maduro.", _read_en,
     "imposed"),
    ("Estados Unidos impuso sanciones ilegales al dictador Nicolás Maduro.", _read_es,
     "impuso"),
])
def test_a_sanction_the_author_condemns_is_no_deserved_act(settings: Settings, text: str,
                                                           read, verb: str) -> None:
    """Contempt for Maduro does not make a sanction the author calls cruel or illegal right."""
    stances = read(settings, text)
    assert stances["nicolas-maduro"][0] == "against", stances["nicolas-maduro"]
    label, cues = stances["USA"]
    assert label == "against", cues
    assert ("predicate:subject", verb) in cues, cues


def test_a_plain_sanction_on_the_authors_opponent_stays_deserved(settings: Settings) -> None:
    label, cues = _read_es(settings, "Estados Unidos impuso sanciones al dictador Nicolás "
                           "Maduro.")["USA"]
    assert label == "favor", cues
    assert ("predicate:subject:deserved", "impuso") in cues, cues


def test_the_same_words_count_once(settings: Settings) -> None:
    """Two events coded on one participle ("sancionada" for each of the two officials the
    sentence names) are one act of the United States, one cue."""
    stances = _read_es(settings, "La fiscal general, Consuelo Porras, sancionada por Estados "
                       "Unidos, y el fiscal Rafael Curruchiche lograron que un juez suspendiera "
                       "la inscripción del partido.")
    _, cues = stances["USA"]
    assert cues.count(("event:SANCTION:source", "sancionada")) == 1, cues


@pytest.mark.parametrize(("text", "read", "verb"), [
    ("Jimmy Morales dismantled the commission against impunity.", _read_en, "dismantled"),
    ("Jimmy Morales desmanteló la comisión contra la impunidad.", _read_es, "desmanteló"),
    ("Jimmy Morales puso fin a la comisión contra la impunidad.", _read_es, "puso"),
    ("Jimmy Morales put an end to the commission against impunity.", _read_en, "put"),
])
def test_ending_what_fights_a_wrong_is_against_the_author(settings: Settings, text: str,
                                                          read, verb: str) -> None:
    """A noun aimed against a wrong ("the commission against impunity") is good by the
    wrong's badness; ending it ("puso fin a": a light verb with "fin" reads as "end") is
    opposed, though the parser may hang the "against" phrase on the verb."""
    label, cues = read(settings, text)["jimmy-morales"]
    assert label == "against", cues
    assert ("predicate:subject", verb) in cues, cues


@pytest.mark.parametrize(("text", "read", "verb"), [
    ("Jimmy Morales dismantled the network of corruption.", _read_en, "dismantled"),
    ("El Congreso puso fin a la impunidad de los militares.", _read_es, "puso"),
])
def test_ending_a_wrong_is_to_the_doers_credit(settings: Settings, text: str, read,
                                               verb: str) -> None:
    stances = read(settings, text)
    actor = "jimmy-morales" if "Jimmy" in text else "LEG"
    label, cues = stances[actor]
    assert label == "favor", cues
    assert ("predicate:subject", verb) in cues, cues


def test_a_relative_clause_on_the_noun_an_actor_is_in_apposition_to(settings: Settings
                                                                     ) -> None:
    """"su antecesor, Jimmy Morales, que puso fin a ...": the clause tells of Morales."""
    label, cues = _read_es(settings, "Giammattei no quiso revertir lo que hizo su antecesor, "
                           "Jimmy Morales, que desmanteló la comisión contra la "
                           "impunidad.")["jimmy-morales"]
    assert label == "against", cues
    assert ("predicate:subject", "desmanteló") in cues, cues


@pytest.mark.parametrize(("text", "read", "verb", "label"), [
    ("Lo que hizo Dina Boluarte es una vergüenza.", _read_es, "hizo", "against"),
    ("Es una vergüenza lo que hizo Dina Boluarte.", _read_es, "hizo", "against"),
    ("What Dina Boluarte did was a crime.", _read_en, "did", "against"),
    ("What Dina Boluarte did was admirable.", _read_en, "did", "favor"),
])
def test_what_a_headless_relative_is_said_to_be_judges_its_doer(
        settings: Settings, text: str, read, verb: str, label: str) -> None:
    """"lo que hizo X" names the thing X did; the copula says what it is."""
    found, cues = read(settings, text)["dina-boluarte"]
    assert found == label, cues
    assert ("predicate:subject", verb) in cues, cues


@pytest.mark.parametrize(("text", "read", "verb"), [
    ("Los militares derrocaron a Evo Morales con el apoyo de la OEA.", _read_es, "derrocaron"),
    ("The military overthrew Evo Morales with the support of the OAS.", _read_en, "overthrew"),
])
def test_who_lends_support_to_a_wrong_is_its_accomplice(settings: Settings, text: str, read,
                                                       verb: str) -> None:
    """"con el apoyo de X" makes X a party to the act: the overthrow, not the good name of
    support, decides."""
    label, cues = read(settings, text)["oas"]
    assert label == "against", cues
    assert ("predicate:subject", verb) in cues, cues
    assert not [c for c in cues if c[0] == "attribute"], cues


def test_an_actor_a_power_promotes_is_its_creature(settings: Settings) -> None:
    """The author's contempt for Washington reaches the trade area it promotes."""
    stances = _read_en(settings, "Washington is an imperial bully. Many nations refuse to join "
                       "the Free Trade Area of the Americas that Washington promotes.")
    label, cues = stances["x-org-free-trade-area-of-the-americas"]
    assert label == "against", cues
    assert ("alliance:USA", "promotes") in cues, cues


@pytest.mark.parametrize(("text", "read", "verb"), [
    ("Nicolás Maduro, cuyo régimen ha arruinado Venezuela, habló ayer.", _read_es, "arruinado"),
    ("Nicolás Maduro, whose regime has ruined Venezuela, spoke yesterday.", _read_en, "ruined"),
])
def test_what_an_actors_thing_does_in_a_whose_clause_is_the_actors(
        settings: Settings, text: str, read, verb: str) -> None:
    """"cuyo régimen ha arruinado Venezuela": the regime is Maduro's, its act his (at the
    owner's scale, as "Maduro's regime ruined Venezuela")."""
    label, cues = read(settings, text)["nicolas-maduro"]
    assert label == "against", cues
    assert ("predicate:subject", verb) in cues, cues
