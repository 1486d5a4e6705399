"""The packaged ONNX int8 encoder: same vectors as the PyTorch MiniLM, ranks paraphrases first."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from marea.corpus import Corpus
from marea.errors import ModelError
from marea.model import Document
from marea.nlp.encoder import (
    DEFAULT,
    DIMENSIONS,
    PACKAGED,
    OnnxEncoder,
    StaticVectors,
    embed,
    encode,
    load_encoder,
)
from marea.pipeline import ingest, run_stages
from marea.settings import load_settings
from marea.store import Store
from tests.conftest import EXAMPLES

FOLDER = Path(str(resources.files("marea.nlp").joinpath("encoders", DEFAULT)))


def _example_sentences() -> list[str]:
    return [line.strip() for path in sorted((EXAMPLES / "text").glob("*.txt"))
            for line in path.read_text("utf-8").splitlines() if len(line.split()) > 5]


def test_default_is_the_packaged_onnx_model() -> None:
    assert load_settings().models["encoder"] == DEFAULT
    assert isinstance(load_encoder(DEFAULT), OnnxEncoder)
    build = json.loads((FOLDER / "BUILD.json").read_text("utf-8"))
    assert build["model.onnx sha256"] == hashlib.sha256(
        (FOLDER / "model.onnx").read_bytes()).hexdigest()


def test_vectors_match_the_pytorch_model_on_real_sentences() -> None:
    sentences = _example_sentences()
    assert len(sentences) > 20
    new = encode(sentences)
    old = encode(sentences, PACKAGED)
    assert new.shape == (len(sentences), DIMENSIONS) and new.dtype == np.float32
    assert np.allclose(np.linalg.norm(new, axis=1), 1.0, atol=1e-4)
    cosines = np.sum(new * old, axis=1)
    assert cosines.mean() >= 0.97 and cosines.min() >= 0.9, (cosines.mean(), cosines.min())


class CountingSession:
    """An ONNX session that counts its runs (a batch of sentences each)."""

    def __init__(self, session: object) -> None:
        self.session, self.runs = session, 0

    def run(self, *args: object) -> object:
        self.runs += 1
        return self.session.run(*args)  # type: ignore[attr-defined]


def test_a_sentence_vector_does_not_depend_on_its_batch(monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """The graph quantises each token by its own scale and padding is masked, so a sentence
    padded into one run with a longer one, or run beside shorter ones, keeps its vector and
    its token states (to float rounding)."""
    texts = [" ".join(["The summit in Buenos Aires went on."] * 30), "Lula took office.",
             "Inflation in Argentina passed one hundred percent.", "Lula took office."]
    encoder = OnnxEncoder(FOLDER)
    counting = CountingSession(encoder.session)
    monkeypatch.setattr(encoder, "session", counting)
    together = encoder.encode(texts)
    assert counting.runs == 1  # three distinct sentences, one padded run
    alone = np.vstack([OnnxEncoder(FOLDER).encode([text]) for text in texts])
    assert np.allclose(together, alone, rtol=0, atol=1e-5)
    assert np.array_equal(together[1], together[3])
    reordered = OnnxEncoder(FOLDER).encode(texts[::-1])
    assert np.allclose(reordered, together[::-1], rtol=0, atol=1e-5)
    fresh = OnnxEncoder(FOLDER)
    for (batched, spans), text in zip(fresh.token_states(texts[:3]), texts, strict=False):
        (single, single_spans), = fresh.token_states([text])
        assert batched.shape == single.shape and np.array_equal(spans, single_spans)
        assert np.allclose(batched, single, rtol=0, atol=1e-5)


def test_a_sentence_met_again_reuses_its_vector_bit_for_bit(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    first = ["Lula took office in Brasilia.", "Inflation in Argentina passed one hundred percent."]
    later = ["Inflation in Argentina passed one hundred percent.",  # the same text
             "lula  took office\nin Brasilia.",  # the same word pieces (uncased, any spacing)
             "Congress removed President Castillo."]  # new
    encoder = OnnxEncoder(FOLDER)
    encoder.encode(first)
    counting = CountingSession(encoder.session)
    monkeypatch.setattr(encoder, "session", counting)
    reused = encoder.encode(later)
    assert counting.runs == 1
    fresh = OnnxEncoder(FOLDER)
    assert np.array_equal(reused, np.vstack([fresh.encode([text]) for text in later]))
    assert np.array_equal(reused[1], fresh.encode([first[0]])[0])
    monkeypatch.setattr("marea.nlp.encoder.REUSE", 2)
    encoder.encode(["One more sentence about the summit."])
    assert len(encoder.recent) == 2  # the oldest dropped


def test_stored_vectors_equal_encoding_each_sentence_afresh(tmp_path: Path) -> None:
    shared = ("The central bank raised interest rates again on Thursday, the fourth rise "
              "this year.")
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Farmers blocked the highway near Lima.\n\n{shared}\n",
                                  "utf-8")
    (folder / "b.txt").write_text(f"{shared}\n\nThe opposition called for a strike.\n",
                                  "utf-8")
    settings = load_settings().with_(db=str(tmp_path / "s.duckdb"), batch_size=1)
    with Store(settings.db) as store:
        assert not ingest([str(folder)], store, settings).failed
        rows = store.query(
            "SELECT substr(d.text, s.start_char + 1, s.end_char - s.start_char), v.vector "
            "FROM sentence_vectors v JOIN documents d USING (doc_id) JOIN sentences s "
            "ON s.doc_id = v.doc_id AND s.idx = v.sentence ORDER BY v.doc_id, v.sentence")
    texts = [text for text, _ in rows]
    assert texts.count(shared) == 2
    fresh = OnnxEncoder(FOLDER)
    expected = np.vstack([fresh.encode([text]) for text in texts])
    assert np.allclose(np.array([vector for _, vector in rows], np.float32), expected,
                       rtol=0, atol=1e-5)


@pytest.mark.parametrize(("query", "paraphrase", "unrelated"), [
    ("Peru's Congress removed President Castillo from office.",
     "Lawmakers in Lima voted to oust the head of state.",
     "The striker scored twice in the second half."),
    ("El Congreso de Perú destituyó al presidente Pedro Castillo.",
     "Pedro Castillo fue destituido por el Congreso peruano.",
     "El delantero marcó dos goles en el segundo tiempo."),
    ("La inflación en Argentina superó el cien por ciento este año.",
     "Los precios en Argentina subieron más del cien por ciento en el año.",
     "Lula asumió la presidencia de Brasil en Brasilia."),
])
def test_a_paraphrase_ranks_above_an_unrelated_sentence(query: str, paraphrase: str,
                                                        unrelated: str) -> None:
    q, p, u = encode([query, paraphrase, unrelated])
    assert float(q @ p) > float(q @ u) + 0.1, (float(q @ p), float(q @ u))


def test_embed_stage_and_the_loader_errors(tmp_path: Path) -> None:
    from marea.nlp.encoder import embed

    doc = Document(source="t.txt", locator="", raw=b"", content_type="text")
    settings = load_settings()
    assert embed([doc], settings)[0].vectors.shape == (0, DIMENSIONS)
    off = settings.with_(models={**settings.models, "encoder": "none"})
    fresh = Document(source="t.txt", locator="", raw=b"", content_type="text")
    assert embed([fresh], off)[0].vectors is None
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "model.onnx").write_bytes(b"not a graph")
    (broken / "tokenizer.json").write_text("{}", "utf-8")
    with pytest.raises(ModelError, match=r"\[E011\] Can't load sentence encoder '.*broken'"):
        load_encoder(str(broken))


STATIC = "minilm-l6-static"


def test_the_static_encoder_is_built_from_the_default_and_ranks_paraphrases_first() -> None:
    folder = FOLDER.parent / STATIC
    build = json.loads((folder / "BUILD.json").read_text("utf-8"))
    assert build["vectors.npz sha256"] == hashlib.sha256(
        (folder / "vectors.npz").read_bytes()).hexdigest()
    assert build["teacher"]["model.onnx sha256"] == json.loads(
        (FOLDER / "BUILD.json").read_text("utf-8"))["model.onnx sha256"]
    assert isinstance(load_encoder(STATIC), StaticVectors)
    sentences = _example_sentences()
    vectors = encode(sentences, STATIC)
    assert vectors.shape == (len(sentences), DIMENSIONS) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    alone = np.vstack([encode([text], STATIC) for text in sentences[:5]])
    assert np.allclose(vectors[:5], alone, atol=1e-6)
    q, p, u = encode(["Peru's Congress removed President Castillo from office.",
                      "Lawmakers in Lima voted to oust the head of state.",
                      "The striker scored twice in the second half."], STATIC)
    assert float(q @ p) > float(q @ u) + 0.1, (float(q @ p), float(q @ u))
    assert not encode(["", "   "], STATIC).any()  # no word piece, no direction


def test_the_frame_classifier_reads_only_minilm_vectors(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    from marea.opinion import frames
    from marea.pipeline import DEFAULT_PIPELINE, run_stages

    consulted: list[str] = []
    real = frames.classifier
    monkeypatch.setattr(frames, "classifier", lambda: consulted.append("yes") or real())
    settings = load_settings()
    text = "They will destroy our country unless we stop them now, the senator warned."
    for encoder, expected in (("none", []), (STATIC, ["yes"]), (DEFAULT, ["yes"])):
        chosen = settings.with_(models={**settings.models, "encoder": encoder})
        consulted.clear()
        (doc,) = run_stages([Document(source="t.txt", locator="", raw=text.encode(),
                                      content_type="text", metadata={"language": "en"})],
                            DEFAULT_PIPELINE, chosen)
        assert doc.error is None and (doc.vectors is not None) == (encoder != "none")
        assert consulted == expected, encoder


def test_frames_over_static_vectors_are_those_over_minilm(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """With static vectors stored, the frames stage encodes with MiniLM only the sentences a
    pattern matches in, and finds exactly the frames (spans, techniques, confidences) MiniLM
    vectors give."""
    from marea.nlp import encoder as encoders
    from marea.opinion import frames
    from marea.pipeline import DEFAULT_PIPELINE, run_stages

    settings = load_settings()
    # the opinion examples: the pages hold pattern spans the classifier scores below 1
    paths = sorted((EXAMPLES / "text").glob("*opinion*.txt")) + sorted(
        (EXAMPLES / "html").glob("*opinion*.html"))
    found = {}
    for name in (DEFAULT, STATIC):
        chosen = settings.with_(models={**settings.models, "encoder": name})
        docs = run_stages([Document(source=path.name, locator="", raw=path.read_bytes(),
                                    content_type="html" if path.suffix == ".html" else "text")
                           for path in paths],
                          DEFAULT_PIPELINE, chosen)
        assert all(doc.error is None for doc in docs)
        found[name] = [doc.frames for doc in docs]
    assert any(f.method == "pattern" and f.score < 1.0 for d in found[DEFAULT] for f in d)
    assert found[STATIC] == found[DEFAULT]
    encoded: list[str] = []
    real = encoders.encode
    monkeypatch.setattr(frames, "encode", lambda texts, name: encoded.extend(texts)
                        or real(texts, name))
    frames.frames(docs, settings.with_(models={**settings.models, "encoder": STATIC}))
    assert [doc.frames for doc in docs] == found[STATIC]
    sentences = sum(len(doc.sentences) for doc in docs)
    assert 0 < len(encoded) < sentences / 2, (len(encoded), sentences)


OUSTER = {
    "es-1.txt": "El Congreso de Perú destituyó al presidente Pedro Castillo el miércoles por la "
                "tarde.\nLos legisladores votaron la vacancia horas después de que Castillo "
                "intentara disolver el Parlamento.\nEl Ministerio de Salud abrió tres hospitales "
                "nuevos en la sierra.",
    "es-2.txt": "Los congresistas peruanos votaron destituir al mandatario Pedro Castillo tras "
                "su intento de cerrar el Parlamento.\nLa lluvia inundó la carretera de la costa "
                "y obligó a cientos de familias a dejar sus casas.",
    "en-1.txt": "Peru's Congress removed President Pedro Castillo from office on Wednesday "
                "afternoon.\nThe central bank raised interest rates to slow inflation for the "
                "third time this year.",
    "en-2.txt": "Lawmakers voted to oust Pedro Castillo hours after he tried to dissolve the "
                "legislature.\nA football club from Lima signed a young striker from Brazil "
                "on a three-year contract.",
    "en-3.txt": "Heavy rain flooded the coastal highway and forced hundreds of families from "
                "their homes.",
    "es-3.txt": "El banco central subió las tasas de interés para frenar la inflación.",
}


@contextmanager
def _searchable(tmp_path: Path, texts: dict[str, str], encoder: str
                ) -> Iterator[tuple[Store, Corpus]]:
    """A fresh store of these texts (file name: text) ingested with `encoder`, and its corpus."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, "utf-8")
    settings = load_settings()
    settings = settings.with_(models={**settings.models, "encoder": encoder})
    with Store(tmp_path / "store.duckdb") as store:
        assert ingest([str(folder)], store, settings).stored == len(texts)
        assert store.encoder() == encoder
        yield store, Corpus(store)


def test_the_multilingual_encoder_searches_and_gathers_narratives_across_languages(
        tmp_path: Path) -> None:
    """With `[models] encoder = multilingual-e5-small`, a Spanish query finds the English
    report, and one narrative holds the ouster told in Spanish and in English."""
    from marea.nlp.encoder import MULTILINGUAL

    with _searchable(tmp_path, OUSTER, MULTILINGUAL) as (store, corpus):
        found = corpus.search("el parlamento echó al presidente peruano", limit=None,
                              mode="semantic")
        ranked = [Path(p).name for p in found["path"]]
        assert sorted(ranked[:4]) == ["en-1.txt", "en-2.txt", "es-1.txt", "es-2.txt"]
        members = store.query(
            "SELECT n.narrative_id, d.language, substr(d.text, s.start_char + 1, "
            "s.end_char - s.start_char) FROM narrative_sentences n JOIN documents d "
            "USING (doc_id) JOIN sentences s ON s.doc_id = n.doc_id AND s.idx = n.sentence")
    assert {narrative for narrative, _, _ in members} == {1}
    assert sorted(language for _, language, _ in members) == ["en", "en", "es", "es", "es"]
    assert all("Castillo" in text or "vacancia" in text for _, _, text in members)


def test_the_tagger_reads_the_states_the_embed_stage_ran_and_no_run_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """One encoder run per sentence serves the vector and the framing tagger's token states:
    the vectors stay those of each sentence encoded alone, the states those of a fresh run."""
    from marea.opinion.frame_tagger import token_features

    texts = {"opinion": "The minister defended the sanctions. Critics called them a cruel "
                        "siege that starves children. The senate will vote in May.",
             "news": "The senate will vote on the sanctions in June."}
    settings = load_settings()
    opinion, news = run_stages([
        Document(source=kind, locator="", raw=b"", content_type="text", text=text,
                 doc_id=kind, language="en", metadata={"kind": kind})
        for kind, text in texts.items()], ("marea.linguistic.v1",), settings)
    encoder = OnnxEncoder(FOLDER)
    monkeypatch.setattr("marea.nlp.encoder.load_encoder", lambda name=DEFAULT: encoder)
    monkeypatch.setattr("marea.opinion.frame_tagger.load_encoder", lambda name=DEFAULT: encoder)
    embed([opinion, news], settings)
    sentences = [opinion.text[s.start:s.end] for s in opinion.sentences]
    assert len(sentences) == 3 and len(encoder.kept) == 3  # the opinion piece's only
    fresh = OnnxEncoder(FOLDER)
    assert np.allclose(opinion.vectors, np.vstack([fresh.encode([t]) for t in sentences]),
                       rtol=0, atol=1e-5)
    counting = CountingSession(encoder.session)
    monkeypatch.setattr(encoder, "session", counting)
    features = token_features(opinion)
    assert counting.runs == 0
    for (a, spans_a), (b, spans_b) in zip(encoder.token_states(sentences),
                                          fresh.token_states(sentences), strict=True):
        assert np.allclose(a, b, rtol=0, atol=1e-5) and np.array_equal(spans_a, spans_b)
    monkeypatch.setattr("marea.opinion.frame_tagger.load_encoder", lambda name=DEFAULT: fresh)
    assert np.allclose(features, token_features(opinion), rtol=0, atol=1e-5)
    encoder.encode(["The next batch."])
    assert not encoder.kept  # a batch's states are let go at the next call
    assert counting.runs == 1


# One sentence per document. Static vectors (a bag of word pieces) put the birthday party
# nearest the query for its shared words ("party", "run"); MiniLM puts the candidacy first.
NOMINATION = {
    "guests.txt": "The party guests ran a race at the birthday party.",
    "fielding.txt": "The movement is fielding someone in the election.",
    "rates.txt": "The central bank raised interest rates for the third time this year.",
}
NOMINATE = "Parties nominate someone to stand for office."


def test_search_over_static_vectors_is_reordered_by_minilm(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store of `minilm-l6-static` vectors: the first stage's best document is not MiniLM's;
    re-scoring the candidates puts MiniLM's first, with MiniLM's cosine as its score."""
    from marea import search as engine
    from marea.nlp.encoder import STATIC

    texts = list(NOMINATION.values())
    static = encode(texts, STATIC) @ encode([NOMINATE], STATIC)[0]
    minilm = encode(texts) @ encode([NOMINATE])[0]
    assert (int(np.argmax(static)), int(np.argmax(minilm))) == (0, 1)
    with _searchable(tmp_path, NOMINATION, STATIC) as (_, corpus):
        found = corpus.search(NOMINATE, limit=None, mode="semantic")
        assert [Path(p).name for p in found["path"]] == ["fielding.txt", "guests.txt",
                                                         "rates.txt"]
        assert np.allclose(found["score"], sorted(minilm, reverse=True), atol=1e-5)
        monkeypatch.setattr(engine, "RERANK", 0)  # the first stage alone, unscored
        alone = corpus.search(NOMINATE, limit=None, mode="semantic")
        assert [Path(p).name for p in alone["path"]] == ["guests.txt", "fielding.txt",
                                                         "rates.txt"]
        assert alone["score"].isna().all()


def test_documents_past_the_rescored_ones_keep_the_static_order_with_no_score(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Only the first RERANK documents get MiniLM's cosine; the rest follow in the static
    ranking's order, unscored (a static cosine is on another scale), and the CLI says so."""
    from marea import search as engine
    from marea.cli import main
    from marea.nlp.encoder import STATIC

    texts = list(NOMINATION.values())
    static = encode(texts, STATIC) @ encode([NOMINATE], STATIC)[0]
    minilm = encode(texts) @ encode([NOMINATE])[0]
    assert static[0] > static[1] > static[2]  # the static order: guests, fielding, rates
    monkeypatch.setattr(engine, "RERANK", 2)
    with _searchable(tmp_path, NOMINATION, STATIC) as (store, _):
        found = engine.search(store, NOMINATE, limit=None, mode="semantic")
    assert [Path(hit["path"]).name for hit in found] == ["fielding.txt", "guests.txt",
                                                         "rates.txt"]
    assert np.allclose([hit["score"] for hit in found[:2]], minilm[[1, 0]], atol=1e-5)
    assert found[2]["score"] is None
    capsys.readouterr()
    assert main(["search", NOMINATE, "--db", str(tmp_path / "store.duckdb"), "--mode",
                 "semantic"]) == 0
    printed = capsys.readouterr().out
    assert "score -: not re-scored by MiniLM (past its first 2)" in " ".join(printed.split())
    assert f"{minilm[0]:.3f}" in printed and "nan" not in printed


def test_a_candidate_whose_sentence_is_gone_is_listed_unscored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document re-ingested (its sentence spans not yet written) or deleted between the
    vector-index search and the read: the search does not fail; the first is listed after
    the re-scored ones, unscored, with its opening as snippet, the second is left out."""
    from marea import search as engine
    from marea.nlp.encoder import STATIC

    minilm = encode(list(NOMINATION.values())) @ encode([NOMINATE])[0]
    with _searchable(tmp_path, NOMINATION, STATIC) as (store, _):
        ids = dict(store.query("SELECT regexp_extract(source, '[^/]+$'), doc_id "
                               "FROM documents"))
        store.con.execute("DELETE FROM sentence_spans WHERE doc_id = ?", [ids["fielding.txt"]])
        found = engine.search(store, NOMINATE, limit=None, mode="semantic")
        assert [Path(hit["path"]).name for hit in found] == ["guests.txt", "rates.txt",
                                                             "fielding.txt"]
        assert np.allclose([hit["score"] for hit in found[:2]], minilm[[0, 2]], atol=1e-5)
        assert found[2]["score"] is None and found[2]["sentence"] is None
        assert found[2]["snippet"] == NOMINATION["fielding.txt"]
        rescored = engine._rescored

        def deleted_after_ranking(*args: Any) -> Any:  # the guests document goes meanwhile
            store.con.execute("DELETE FROM documents WHERE doc_id = ?", [ids["guests.txt"]])
            return rescored(*args)

        monkeypatch.setattr(engine, "_rescored", deleted_after_ranking)
        found = engine.search(store, NOMINATE, limit=None, mode="semantic")
        assert [Path(hit["path"]).name for hit in found] == ["rates.txt", "fielding.txt"]
