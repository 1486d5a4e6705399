"""The packaged ONNX int8 encoder: same vectors as the PyTorch MiniLM, ranks paraphrases first."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from marea.errors import ModelError
from marea.model import Document
from marea.nlp.encoder import DEFAULT, DIMENSIONS, PACKAGED, OnnxEncoder, encode, load_encoder
from marea.settings import load_settings
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


def test_a_sentence_vector_does_not_depend_on_its_batch() -> None:
    texts = [" ".join(["The summit in Buenos Aires went on."] * 30), "Lula took office.",
             "Inflation in Argentina passed one hundred percent.", "Lula took office."]
    together = encode(texts)
    alone = np.vstack([encode([text]) for text in texts])
    assert np.array_equal(together, alone)
    assert np.array_equal(together[1], together[3])
    reordered = encode(texts[::-1])
    assert np.array_equal(reordered, together[::-1])


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
