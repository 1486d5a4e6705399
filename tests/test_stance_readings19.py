"""Issue 15, session 19: words that name a contest only beside another ("race", "seat",
"margin") make no election of a war sentence; an allegation a news report tells is no
authorial judgement. Sentences of our own."""

from __future__ import annotations

from marea.model import Document
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings
from tests.test_stance_readings11 import VOICE, _processed, _stances
from tests.test_stance_readings13 import LONG_EN


def _read(settings: Settings, text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    return _stances(_processed(settings, text + LONG_EN + VOICE))


def test_an_arms_race_names_no_contest(settings: Settings) -> None:
    """"race" alone is the arms race: crushing the rebels stays harm."""
    label, cues = _read(settings, "During the arms race, the Syrian army crushed the rebels "
                        "in the north.")["SYRMIL"]
    assert label == "against", cues
    assert ("predicate:subject", "crushed") in cues, cues


def test_a_race_for_a_seat_is_a_contest(settings: Settings) -> None:
    """"race" with "seat" is an election: beating a rival there is no harm."""
    stances = _read(settings, "In the race for the Senate seat, Pedro Castillo beat Keiko "
                    "Fujimori.")
    for actor in ("pedro-castillo", "keiko-fujimori"):
        label, cues = stances[actor]
        assert label == "neutral", (actor, cues)
        assert not [kind for kind, _ in cues if kind.startswith(("predicate", "side"))], cues


def _news(settings: Settings, text: str) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    doc = Document(source="t.txt", locator="", raw=(text + LONG_EN).encode(),
                   content_type="text", metadata={"language": "en", "published": "2021-06-01",
                                                  "kind": "news"})
    (done,) = run_stages([doc], DEFAULT_PIPELINE, settings)
    assert done.error is None, done.error
    return _stances(done)


def test_a_news_report_of_an_investigation_states_no_crime_of_the_investigator(
        settings: Settings) -> None:
    """The crime investigated is the allegation's word, not the author's: no cue on Sweden."""
    stances = _news(settings, "Sweden reopened its investigation into the alleged rape of a "
                    "woman by Julian Assange in 2010.")
    for actor in ("SWE", "x-person-julian-assange"):
        label, cues = stances[actor]
        assert label == "neutral", (actor, cues)
        assert not [cue for _, cue in cues if "rape" in cue], (actor, cues)


def test_a_news_report_of_a_charge_judges_neither_side(settings: Settings) -> None:
    stances = _news(settings, "Norway has charged the former minister Erna Solberg with "
                    "fraud and corruption.")
    for actor in ("NOR", "x-person-erna-solberg"):
        label, cues = stances[actor]
        assert label == "neutral", (actor, cues)
        assert not [cue for _, cue in cues if cue in ("fraud", "corruption")], (actor, cues)


def test_an_example_of_a_condemned_group_shares_its_judgement(settings: Settings) -> None:
    """What the author says of "corrupt leaders" it says of the leaders named as examples."""
    stances = _read(settings, "Corrupt leaders such as Jair Bolsonaro and Viktor Orban have "
                    "jailed their critics.")
    for actor in ("jair-bolsonaro", "x-person-viktor-orban"):
        label, cues = stances[actor]
        assert label == "against", (actor, cues)
        assert ("label", "Corrupt") in cues and ("predicate:subject", "jailed") in cues, cues


def test_a_role_after_as_is_no_example(settings: Settings) -> None:
    """"served as" names a role, not a group: the corrupt mayor is not Bolsonaro."""
    label, cues = _read(settings, "The corrupt mayor of the town served as Jair Bolsonaro's "
                        "driver in 1990.")["jair-bolsonaro"]
    assert not [kind for kind, _ in cues if kind == "label"], cues


def test_the_one_responsible_for_a_wrong_is_judged_by_it(settings: Settings) -> None:
    """"responsible for the massacre" is no praise of a responsible actor: the massacre is
    the label, as in "responsable de la masacre"."""
    label, cues = _read(settings, "Jair Bolsonaro is responsible for the massacre."
                        )["jair-bolsonaro"]
    assert label == "against", cues
    assert cues[0] == ("label", "massacre"), cues


def test_the_architect_of_a_crackdown_is_labelled_by_it(settings: Settings) -> None:
    label, cues = _read(settings, "Jair Bolsonaro is the architect of the crackdown on the "
                        "protesters.")["jair-bolsonaro"]
    assert label == "against", cues
    assert ("label", "crackdown") in cues, cues


def test_a_possessive_pronoun_owns_its_wrong_in_a_long_text(settings: Settings) -> None:
    """"his corruption" after a sentence about Bolsonaro is Bolsonaro's corruption."""
    label, cues = _read(settings, "Jair Bolsonaro flew to Miami on Monday. His corruption "
                        "continues to poison the country.")["jair-bolsonaro"]
    assert label == "against", cues
    assert ("attribute", "corruption") in cues, cues
