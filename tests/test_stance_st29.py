"""Issue 15, session 29: verbs that attribute words only when they introduce a clause ("She
added that", "indicó que") and the Spanish reporting verbs with an accent in their lemma
("señalar") count as reporting when the kind of a document is scored."""

from __future__ import annotations

import pytest

from marea.opinion.tone import analyse
from marea.settings import Settings
from tests.test_stance_readings11 import _processed

# a wire story on article-extraction-benchmark (MIT): attributes with "explained" and "added"
WIRE = ("Persson explained that the complainant’s evidence had initially been deemed credible "
        "and reliable, but after additional investigations, it had been made clear that the "
        "oral testimony given in support of the woman had weakened. She added that an appeal "
        "against the decision could be made to the office of Sweden’s attorney general.")


@pytest.mark.parametrize(("text", "language", "reporting"), [
    (WIRE, "en", 1.0),  # two sentences, one attributing verb each
    # trafilatura-eval, panamaamerica.com.pa (Apache-2.0)
    ("Nancy Paola Rodas, abogada de Martinelli en el país centroamericano, indicó que el caso "
     "de la detención de la aeronave del exgobernante fue fabricado sin ningún tipo de "
     "sustento legal.", "es", 1.0),
    # bundled example (sports report): "added" with no clause attributes nothing
    ("Both coaches emptied their benches in the final quarter, and the game looked to be "
     "heading for a draw until Rivero pulled down substitute Jhon Flores 22 metres from goal "
     "in added time.", "en", 0.0),
])
def test_verbs_that_introduce_what_was_said_are_reporting(settings: Settings, text: str,
                                                          language: str, reporting: float
                                                          ) -> None:
    assert analyse(_processed(settings, text, language))["reporting"] == reporting
