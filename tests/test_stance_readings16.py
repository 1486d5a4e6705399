"""Issue 15, session 16: the words of a quoted or reproduced statement are the speaker's
voice, not the author's (document kind and stance); a capitalised form of address is no
praise; an act the author approves of makes the one it is done to opposed, not a victim."""

from __future__ import annotations

from marea.model import Document
from marea.opinion.tone import analyse
from marea.settings import Settings
from tests.test_stance_readings11 import _processed
from tests.test_stance_readings13 import LONG_EN

STATEMENT = ("I have decided that we must close the old bridge today. I know this is hard news "
             "for our families and for our shops, and I ask you to be patient with us. We "
             "will rebuild it, and I promise that we will do it quickly and well.")
REPORT = ("The mayor of Riverton, Ana Torres, closed the old river bridge on Friday after "
          "engineers found cracks in two of its supports, the city council said. Torres said: "
          f"“{STATEMENT}” Repairs are expected to take eight months, the council added.")
REPRODUCED = ("The mayor of Riverton, Ana Torres, closed the old river bridge on Friday after "
              "engineers found cracks in two of its supports, the city council said.\n"
              f"Statement from the Office of the Mayor\n{STATEMENT}")
COLUMN = ("Why I closed the bridge. " + STATEMENT + " You should trust us on this, because "
          "our city deserves a safe crossing, and I will not gamble with it.")


def _kind(settings: Settings, text: str) -> float:
    doc = _processed(settings, text + LONG_EN)
    analyse(doc)
    assert doc.opinion_score is not None
    return doc.opinion_score


def test_a_report_built_on_a_first_person_statement_is_news(settings: Settings) -> None:
    assert _kind(settings, REPORT) < 0.5
    assert _kind(settings, REPRODUCED) < 0.5
    assert _kind(settings, COLUMN) > 0.5  # the same words in the author's own voice


def test_a_reproduced_statement_is_the_speakers_voice(settings: Settings) -> None:
    text = ("Officials in Lima confirmed the arrest of the former minister on Monday.\n"
            "Statement from the Ministry of the Interior\n"
            "We thank the brave and admirable police of Peru for their excellent work. "
            "Pedro Castillo is a corrupt and dangerous criminal.")
    doc = _processed(settings, text + LONG_EN)
    castillo = [s for s in doc.stances if s.actor_id == "pedro-castillo"]
    assert castillo, [s.actor_id for s in doc.stances]
    judged = [c for c in castillo[0].cues if c.weight]
    assert judged and all(c.kind.startswith("quoted ") for c in judged), castillo[0]


def test_a_form_of_address_is_no_praise(settings: Settings) -> None:
    text = ("The Honourable Premier Andrew Fahie met the Honourable Deputy Premier Natalio "
            "Wheatley in Road Town on Monday to discuss the budget for the next year.")
    doc = _processed(settings, text + LONG_EN)
    cues = [c for s in doc.stances for c in s.cues if c.weight]
    assert doc.stances and not [c for c in cues if "Honourable" in c.cue], cues


def _act(settings: Settings, doer: str) -> Document:
    return _processed(settings, (
        # no ballot: an election outcome is no act done to the loser (test_stance_readings18)
        f"{doer} In 2022 Lula ousted Bolsonaro from the presidency, and "
        "the country turned a page." + LONG_EN), "en")


def test_the_one_an_approved_act_is_done_to_is_opposed(settings: Settings) -> None:
    hero = _act(settings, "The wise, honest and admirable Lula is right about everything.")
    stances = {s.actor_id: s for s in hero.stances}
    assert stances["luiz-inacio-lula-da-silva"].label == "favor"
    bolsonaro = stances["jair-bolsonaro"]
    ousted = [c for c in bolsonaro.cues if c.cue == "ousted" and c.kind.startswith("predicate")]
    assert ousted and ousted[0].kind == "predicate:object:approved" and ousted[0].weight < 0
    assert bolsonaro.label == "against", bolsonaro
    # the author condemning the doer keeps the victim's sympathy
    villain = _act(settings, "The cruel and corrupt Lula is wrong about everything.")
    (victim,) = [s for s in villain.stances if s.actor_id == "jair-bolsonaro"]
    ousted = [c for c in victim.cues if c.cue == "ousted" and c.kind.startswith("predicate")]
    assert ousted and ousted[0].kind == "predicate:object" and ousted[0].weight > 0


def test_a_statement_heading_is_not_the_documents_own_title() -> None:
    """A story titled "Declaración de Quito" is the author's; a statement reproduced after a
    heading line inside the text is its speaker's (review of session 16)."""
    from marea.opinion.tone import statement_start

    assert statement_start("Declaración de Quito\nLos presidentes firmaron un acuerdo.") is None
    text = "Premier arrested\nThe premier was arrested.\nStatement from the Governor\nI regret it."
    assert statement_start(text) == text.index("Statement")
