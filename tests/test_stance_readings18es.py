"""Issue 15, session 18: Spanish stance. What a victim suffers is sympathy, not its label;
who backs a wrong shares it and opposes the one it is aimed at; disregarding an order is a
wrong; a speaker cannot agree with the author through the author's reading of the speaker's
own words. Sentences of our own."""

from __future__ import annotations

import pytest

from marea.model import Document
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings
from tests.test_stance_readings13 import LONG_ES

OPINION_ES = " Debemos decirlo con claridad y no callarnos nunca."  # a modal: the author's voice


def _read(settings: Settings, text: str, language: str = "es"
          ) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    doc = Document(source="t.txt", locator="", raw=(text + LONG_ES + OPINION_ES).encode(),
                   content_type="text", metadata={"language": language,
                                                  "published": "2024-06-01"})
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    assert done.error is None, done.error
    return {s.actor_id: (s.label, [(c.kind, c.cue) for c in s.cues if c.weight])
            for s in done.stances}


@pytest.mark.parametrize(("text", "actor", "wrong"), [
    ("Cuba es víctima de un bloqueo criminal desde hace seis décadas.", "CUB", "bloqueo"),
    ("Pedro Castillo fue víctima de una persecución política implacable.", "pedro-castillo",
     "persecución"),
])
def test_what_a_victim_suffers_is_sympathy_not_its_label(settings: Settings, text: str,
                                                         actor: str, wrong: str) -> None:
    label, cues = _read(settings, text)[actor]
    assert label == "favor", cues
    # the wrong alone or the listed phrase it heads ("bloqueo criminal")
    assert [c for c in cues if c[0] == "sympathy label" and c[1].split()[0] == wrong], cues
    assert not [c for c in cues if c[0] == "label" and wrong in c[1]], cues


def test_the_target_of_a_smear_campaign_has_sympathy(settings: Settings) -> None:
    label, cues = _read(settings, "Evo Morales fue blanco de una campaña de difamación "
                        "feroz.")["evo-morales"]
    assert (label, cues) == ("favor", [("context", "difamación")])


@pytest.mark.parametrize(("text", "backer"), [
    ("La OEA avaló el golpe de Estado contra Evo Morales.", "oas"),
    ("Luis Almagro respaldó el golpe contra Evo Morales.", "luis-almagro"),
])
def test_who_backs_a_wrong_is_opposed_and_its_target_sided_with(settings: Settings, text: str,
                                                                backer: str) -> None:
    stances = _read(settings, text)
    label, cues = stances[backer]
    assert label == "against", cues
    assert cues[0][0] == "predicate:subject", cues
    assert not [c for c in cues if c[0].startswith("alliance")], cues
    assert stances["evo-morales"][0] == "favor", stances["evo-morales"]


def test_praise_of_what_is_no_wrong_judges_no_one(settings: Settings) -> None:
    label, cues = _read(settings, "Luis Almagro respaldó la propuesta de diálogo de "
                        "México.")["luis-almagro"]
    assert not [c for c in cues if c[0] == "predicate:subject"], cues


def test_disregarding_a_court_order_is_a_wrong(settings: Settings) -> None:
    label, cues = _read(settings, "El Ministerio Público de Guatemala hizo caso omiso de la "
                        "orden del juez.")["GTMJUD"]
    assert label == "against", cues
    assert cues[0][0] == "predicate:subject" and cues[0][1].startswith("hizo caso omiso"), cues


def test_a_speaker_does_not_agree_with_the_author_through_its_own_words(settings: Settings
                                                                       ) -> None:
    label, cues = _read(settings, "Según Dina Boluarte, los manifestantes son terroristas que "
                        "quieren destruir el Perú.")["dina-boluarte"]
    assert (label, cues) == ("neutral", []), cues


def test_the_target_of_a_failed_policy_is_not_judged_by_it(settings: Settings) -> None:
    stances = _read(settings, "La política de Washington hacia Cuba es un fracaso rotundo.")
    assert stances["USA"][0] == "against", stances["USA"]
    label, cues = stances["CUB"]
    assert label == "neutral" and not [c for c in cues if c[0] == "context"], cues


def test_what_is_resisted_decides_not_how(settings: Settings) -> None:
    label, cues = _read(settings, "Cuba resiste con dignidad el bloqueo.")["CUB"]
    assert label == "favor", cues
    assert ("predicate:subject", "resiste") in cues, cues


@pytest.mark.parametrize(("text", "cue"), [
    ("La supuesta democracia de Nayib Bukele es una cárcel a cielo abierto.", "democracia"),
    ("El supuesto héroe Nayib Bukele encarcela sin juicio a miles de jóvenes.", "héroe"),
])
def test_praise_put_in_doubt_counts_reversed(settings: Settings, text: str, cue: str) -> None:
    label, cues = _read(settings, text)["nayib-bukele"]
    assert label == "against", cues
    assert cue in [c for _, c in cues], cues


def test_undoubted_praise_still_counts(settings: Settings) -> None:
    assert _read(settings, "La democracia de Costa Rica es un ejemplo para la "
                 "región.")["CRI"][0] == "favor"


def test_the_one_responsible_for_a_wrong_is_opposed(settings: Settings) -> None:
    label, cues = _read(settings, "Daniel Ortega es el responsable de la represión de "
                        "2018.")["daniel-ortega"]
    assert (label, cues) == ("against", [("label", "represión")])


def test_responsible_for_what_is_no_wrong_is_no_label(settings: Settings) -> None:
    _, cues = _read(settings, "Gabriel Boric es responsable de la nueva política de "
                    "vivienda.")["gabriel-boric"]
    assert not [c for c in cues if c[0] == "label"], cues


def test_we_defend_an_actor_is_an_endorsement(settings: Settings) -> None:
    label, cues = _read(settings, "Defendemos a Evo Morales frente a la persecución "
                        "judicial.")["evo-morales"]
    assert (label, cues[0]) == ("favor", ("endorsement", "Defendemos")), cues


def test_the_one_others_look_up_to_is_favoured(settings: Settings) -> None:
    label, cues = _read(settings, "Lula es un referente para la izquierda "
                        "latinoamericana.")["luiz-inacio-lula-da-silva"]
    assert (label, cues) == ("favor", [("label", "referente")])


def test_attending_a_summit_is_no_help(settings: Settings) -> None:
    """"asistir" is "to attend" here, not "to assist"."""
    label, cues = _read(settings, "Gustavo Petro asistió a la cumbre de la CELAC en Buenos "
                        "Aires.")["gustavo-petro"]
    assert (label, cues) == ("neutral", []), cues


def test_back_in_a_city_is_no_round_of_voting(settings: Settings) -> None:
    """"vuelta" is a contest only as a round ("segunda vuelta"); "de vuelta en" is back in."""
    crushed = _read(settings, "De vuelta en Caracas, Nicolás Maduro aplastó a la oposición "
                    "con la Guardia Nacional.")["nicolas-maduro"]
    assert crushed[0] == "against", crushed
    assert ("predicate:subject", "aplastó") in crushed[1], crushed
    runoff = _read(settings, "Pedro Castillo derrotó a Keiko Fujimori en la segunda vuelta.")
    for actor in ("pedro-castillo", "keiko-fujimori"):
        label, cues = runoff[actor]
        assert label == "neutral", (actor, cues)
        assert not [kind for kind, _ in cues if kind.startswith(("predicate", "side"))], cues


@pytest.mark.parametrize("text", [
    "Nicolás Maduro firmó ayer el decreto referente a la reforma de las pensiones.",
    "En lo referente a la economía, Nicolás Maduro firmó ayer el decreto de pensiones.",
])
def test_referente_a_means_about_and_praises_no_one(settings: Settings, text: str) -> None:
    """"referente a" is "about"; only "un referente" is the one others look up to."""
    _, cues = _read(settings, text)["nicolas-maduro"]
    assert not [cue for _, cue in cues if cue.startswith("referente")], cues
