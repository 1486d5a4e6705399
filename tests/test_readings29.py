"""A newcomer's read of an opinion column on Prince Andrew's BBC interview (session 29; the
article-extraction-benchmark page 1f765c487806, shippable): "he" after a speaker that is no
person is someone else; a subject "he" after a sentence naming nobody goes on with the last
person who was a subject; a judgement call asks nothing of anyone; a relative's age is no
judgement; and an author's exclamation of praise mocks what it praises."""

from __future__ import annotations

from pathlib import Path

from marea.settings import Settings
from tests.conftest import events_by_sentence
from tests.test_stance_readings11 import _processed, _stances

COLUMNS = "e.type, e.source_id, e.target_id, e.trigger"


def test_he_reported_by_the_police_or_a_state_is_someone_else(tmp_path: Path) -> None:
    _, table = events_by_sentence(tmp_path, {
        "police": "The police said he raped a girl at a house in London.",
        "state": "Chile said he attacked the embassy of Peru.",
        "it": "Chile said it attacked the embassy of Peru.",
        "person": "The minister said he would visit Peru.",
    }, "en", "2019-11-18", COLUMNS)
    assert not any(source and source.endswith("COP") for _, source, _, _ in table["police"]), \
        table["police"]
    assert ("ASSAULT", None, "PER", "attacked") in table["state"], table["state"]
    assert ("ASSAULT", "CHL", "PER", "attacked") in table["it"], table["it"]
    assert any(kind == "CONSULT" and source == "GOV" and target == "PER"
               for kind, source, target, _ in table["person"]), table["person"]


def test_he_goes_on_with_the_last_person_subject_after_a_question(tmp_path: Path) -> None:
    text = ("Prince Andrew claims that he visited Epstein in New York in 2010. During the visit, "
            "he was photographed having long chats with Epstein while strolling around Central "
            "Park. Was this to find out how vulnerable the royal was? He instead told the BBC "
            "interviewer: \"I took the judgement call that I had to go and see him and talk to "
            "him.\"")
    _, table = events_by_sentence(tmp_path, {"column": text}, "en", "2019-11-18", COLUMNS)
    talks = {(s, t) for kind, s, t, trigger in table["column"] if trigger == "talk"}
    assert talks == {("x-person-andrew", "x-person-epstein")}, table["column"]
    assert not any(kind == "REQUEST" for kind, *_ in table["column"]), table["column"]


def test_sarcastic_praise_and_a_younger_brother(settings: Settings) -> None:
    text = ("Prince Andrew, the nearly 60-year-old younger brother of heir to the British "
            "throne, Charles, has reportedly told friends that the interview was a success. "
            "Oh how very noble and principled of Prince Andrew! How chivalrous!")
    stances = _stances(_processed(settings, text))
    assert stances["x-person-andrew"][0] == "against", stances
    assert stances.get("x-person-charles", ("neutral", []))[0] == "neutral", stances
    assert not any(cue == "younger" for _, (_, cues) in stances.items() for _, cue in cues), \
        stances


def test_a_date_in_march_is_no_protest_march(settings: Settings) -> None:
    text = ("Maitlis repeatedly asked how Andrew could be so sure what he was doing on the night "
            "of March 10. Thousands of students joined the march in London on 5 March.")
    themes = {(t.sentence, t.theme, t.terms) for t in _processed(settings, text).themes
              if t.sentence >= 0}
    assert not any(sentence == 0 for sentence, _, _ in themes), themes
    assert (1, "protest", "march") in themes, themes


def test_critics_and_victims_are_not_whom_they_belong_to(tmp_path: Path) -> None:
    _, table = events_by_sentence(tmp_path, {
        "critics": "Trump's critics accused him of lying.",
        "jailed": "Maduro's government jailed his critics.",
        "victims": "The victims of the regime protested in Caracas.",
    }, "en", "2019-11-20", COLUMNS)
    assert not any(source == "donald-trump" for _, source, _, _ in table["critics"]), \
        table["critics"]
    assert not any(target == "nicolas-maduro" for _, _, target, _ in table["jailed"]), \
        table["jailed"]
    assert any(kind == "COERCE" and source == "VENGOV" for kind, source, _, _ in table["jailed"]), \
        table["jailed"]
    assert not any(source == "GOV" or source and source.endswith("GOV")
                   for _, source, _, _ in table["victims"]), table["victims"]


def test_guaido_alone_is_the_opposition_leader_in_2019(tmp_path: Path) -> None:
    _, table = events_by_sentence(tmp_path, {"met": "Guaidó met Pence in Bogotá."},
                                  "en", "2019-11-20", COLUMNS)
    assert ("CONSULT", "juan-guaido", "mike-pence", "met") in table["met"], table["met"]


def test_a_state_health_department_is_no_state_department(settings: Settings) -> None:
    text = ("Julie Graham, Washington State Department of Health public information officer, "
            "said she did not want to judge the campaign. The State Department said nothing.")
    links = {(m.text, m.actor_id) for m in _processed(settings, text).mentions}
    assert ("The State Department", "USA") in links, links
    assert not any(text == "State Department" for text, _ in links), links


def test_bundled_inauguration_florida_and_those_who_attacked(tmp_path: Path) -> None:
    """From the bundled Spanish report of Lula's inauguration: the US state of Florida, in a
    story that also names Colombia; "quienes atentaron" are others than the speaker."""
    _, table = events_by_sentence(tmp_path, {
        "florida": "El presidente colombiano Gustavo Petro llegó a Brasilia. Bolsonaro, que "
                   "viajó a Florida dos días antes, no asistió. La delegación de Estados Unidos "
                   "fue encabezada por Deb Haaland.",
        "quienes": "Lula advirtió que su gobierno no buscará revancha, aunque quienes atentaron "
                   "contra las instituciones deberán rendir cuentas.",
    }, "es", "2023-01-02", COLUMNS)
    visits = {target for kind, _, target, trigger in table["florida"] if trigger == "viajó"}
    assert visits == {"USA"}, table["florida"]
    assert not any(kind == "ASSAULT" and source == "luiz-inacio-lula-da-silva"
                   for kind, source, _, _ in table["quienes"]), table["quienes"]


def test_bundled_oas_assembly_whose_government(tmp_path: Path) -> None:
    """From the bundled report of the OAS assembly: "whose government" is the clause's
    subject, not a left-out object."""
    _, table = events_by_sentence(tmp_path, {
        "whose": "Secretary-General Luis Almagro opened the meeting. Argentina, whose "
                 "government has clashed with Almagro since the 2019 crisis in Bolivia, backed "
                 "that line.",
    }, "en", "2023-06-23", COLUMNS)
    clashes = {(kind, source, target) for kind, source, target, trigger in table["whose"]
               if trigger == "clashed"}
    assert clashes == {("ACCUSE", "ARGGOV", "luis-almagro")}, table["whose"]


def test_a_capital_of_two_words_tagged_a_person_is_the_capital(settings: Settings) -> None:
    """From the bundled op-ed on US aid: the tagger calls "Buenos Aires" a person."""
    text = ("WASHINGTON — It has become fashionable, in seminar rooms from Mexico City to Buenos "
            "Aires, to describe the United States as a distracted and self-interested neighbour.")
    links = {(m.text, m.actor_id) for m in _processed(settings, text).mentions}
    assert ("Buenos Aires", "ARG") in links and ("Mexico City", "MEX") in links, links


def test_an_offensive_message_is_no_military_offensive(settings: Settings) -> None:
    """From the Spokesman-Review on South Dakota's meth campaign (article-extraction-benchmark):
    "offensive" alone, an adjective of a message, names no war."""
    text = ("When a group is trying to reach a very specific audience, the messaging can either "
            "be offensive or really miss the mark. Russian troops launched an offensive in the "
            "east.")
    themes = {(t.sentence, t.theme) for t in _processed(settings, text).themes if t.sentence >= 0}
    assert (0, "war_military") not in themes, themes
    assert (1, "war_military") in themes, themes
