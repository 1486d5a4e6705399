"""Stance, session 25 (issue 15, Spanish that transfers): a quoted or reported speaker's
judgement is the author's only when the author sides with the speaker; and the Spanish
constructions of evaluation the brief names, read as a careful reader would. Sentences of
our own."""

from __future__ import annotations

import pytest
import yaml

from marea.opinion.lexicon import DATA
from marea.settings import Settings
from tests.test_stance_readings18es import _read as _read_es
from tests.test_stance_readings19 import _read as _read_en


@pytest.mark.parametrize(("text", "read"), [
    ("Según Nicolás Maduro, Estados Unidos es un imperio criminal.", _read_es),
    ("Nicolás Maduro dijo que Estados Unidos es un imperio criminal.", _read_es),
    ("Estados Unidos es un imperio criminal, afirmó Nicolás Maduro.", _read_es),
    ("According to Nicolás Maduro, the United States is a criminal empire.", _read_en),
])
def test_a_speakers_judgement_is_not_the_authors(settings: Settings, text: str, read) -> None:
    """The author only reports what Maduro thinks of the United States: the quoted labels
    stay as evidence but decide nothing."""
    label, cues = read(settings, text)["USA"]
    assert label == "neutral", cues
    assert not [cue for cue in cues if not cue[0].startswith("quoted")], cues


def test_a_speaker_the_author_endorses_speaks_for_the_author(settings: Settings) -> None:
    """An author who calls the speaker brave takes the speaker's side: what the speaker says
    of the United States counts for the author too (at the quoted weight)."""
    found = _read_es(settings, "Nicolás Maduro es un líder valiente. Nicolás Maduro dijo que "
                               "Estados Unidos es un imperio criminal.")
    assert found["nicolas-maduro"][0] == "favor", found["nicolas-maduro"]
    assert found["USA"][0] == "against", found["USA"]


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
