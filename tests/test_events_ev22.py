"""Event arguments of session 22 (issue 11, the held-out gap of our event gold): who does the
adjunct clause of a Spanish participle that describes a noun ("Castillo, detenido tras
intentar disolver el Congreso": Castillo tried), and the actor a group noun stands for through
a chain of "de" complements ("la misión de observación de la OEA": the OEA), and a noun
exemplified by named actors stands for them ("leaders such as Capriles", "países como
México y Argentina"), and what critics say is criticism of whom they criticise or their
words are about ("critics say Morales feels emboldened"). Sentences of our own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import events_by_sentence

SPANISH = {
    "participle-headline": "Pedro Castillo, destituido y detenido tras intentar disolver el "
                           "Congreso",
    "participle-subject": "Pedro Castillo, detenido tras intentar disolver el Congreso, guardó "
                          "silencio.",
    "de-chain": "La misión de observación de la OEA avaló la jornada electoral.",
    "de-chain-kin": "El hijo del hermano de Evo Morales criticó al gobierno.",
    "como": "Dirigentes opositores como Henrique Capriles criticaron al gobierno.",
    "como-coordinated": "Países como México y Argentina condenaron el golpe.",
    "criticos": "Los críticos dicen que Nicolás Maduro se siente fuerte.",
    "criticos-de": "Los críticos del gobierno de Nicolás Maduro afirman que la economía se "
                   "hunde.",
}
ENGLISH = {
    "such-as": "Opposition leaders such as Henrique Capriles criticized the government.",
    "like": "Countries like Mexico and Argentina condemned the coup.",
    "critics": "Critics say Jimmy Morales feels emboldened by the silence of Washington.",
    "critics-of": "Critics of the government said the decision hurt the economy.",
    "not-critics": "Jimmy Morales said his critics were wrong.",
}
COLUMNS = "e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), e.trigger"


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    yield events_by_sentence(tmp_path_factory.mktemp("ev22es"), SPANISH, "es", "2022-12-08",
                             COLUMNS)[1]


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    yield events_by_sentence(tmp_path_factory.mktemp("ev22en"), ENGLISH, "en", "2022-12-08",
                             COLUMNS)[1]


def _on(found: dict[str, set[tuple[str, ...]]], key: str, trigger: str) -> set[tuple[str, ...]]:
    return {e[:3] for e in found[key] if e[3] == trigger}


def test_participle_noun_does_its_adjunct_clause(
        spanish: dict[str, set[tuple[str, ...]]]) -> None:
    for key in ("participle-headline", "participle-subject"):
        assert _on(spanish, key, "disolver") == {("COERCE", "pedro-castillo", "PERLEG")}
        # the participle itself stays passive: Castillo is whom it is done to
        assert ("COERCE", "", "pedro-castillo") in {e[:3] for e in spanish[key]}


def test_group_noun_stands_for_the_actor_of_its_de_chain(
        spanish: dict[str, set[tuple[str, ...]]]) -> None:
    assert _on(spanish, "de-chain", "avaló") == {("SUPPORT", "oas", "")}
    # a relative is not the relative's kin: the chain stops at "hijo"
    assert spanish["de-chain-kin"] and "evo-morales" not in {e[1] for e in spanish["de-chain-kin"]}


def test_noun_exemplified_by_named_actors_stands_for_them(
        spanish: dict[str, set[tuple[str, ...]]], english: dict[str, set[tuple[str, ...]]]
        ) -> None:
    assert _on(spanish, "como", "criticaron") == {("ACCUSE", "henrique-capriles", "VENGOV")}
    assert _on(english, "such-as", "criticized") == {("ACCUSE", "henrique-capriles", "VENGOV")}
    assert _on(spanish, "como-coordinated", "condenaron") == {("ACCUSE", "MEX", ""),
                                                             ("ACCUSE", "ARG", "")}
    assert _on(english, "like", "condemned") == {("ACCUSE", "MEX", ""), ("ACCUSE", "ARG", "")}


def test_what_critics_say_is_criticism(
        spanish: dict[str, set[tuple[str, ...]]], english: dict[str, set[tuple[str, ...]]]
        ) -> None:
    assert _on(english, "critics", "say") == {("ACCUSE", "", "jimmy-morales")}
    assert _on(english, "critics-of", "said") == {("ACCUSE", "", "GOV")}
    assert _on(spanish, "criticos", "dicen") == {("ACCUSE", "", "nicolas-maduro")}
    assert _on(spanish, "criticos-de", "afirman") == {("ACCUSE", "", "VENGOV")}
    # critics spoken of are no speakers: the speaker makes a plain statement
    assert _on(english, "not-critics", "said") == {("STATEMENT", "jimmy-morales", "")}
