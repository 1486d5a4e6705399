"""Near-duplicate detection: MinHash signatures of word shingles, searched with LSH.

The signature is computed in the pipeline (parallelisable); the index lives with the writer,
which alone knows what is already stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from marea.model import Document
from marea.settings import Settings

WORD = re.compile(r"\w+")
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only valid under it


def signature(text: str, settings: Settings) -> bytes:
    """Return the MinHash signature of a text's lower-cased word shingles, as uint64 bytes."""
    words = WORD.findall(text.lower())
    size = settings.dedup_shingle_words
    shingles = {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}
    minhash = MinHash(num_perm=settings.dedup_num_perm, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype(np.uint64).tobytes()


def fingerprint(batch: list[Document], settings: Settings) -> list[Document]:
    """Set each document's MinHash signature."""
    for doc in batch:
        doc.fingerprint = signature(doc.text, settings)
    return batch


class NearDuplicateIndex:
    """NearDuplicateIndex(settings).match(doc)  # id of a stored near-duplicate, or None"""

    def __init__(self, settings: Settings, stored: Iterable[tuple[str, bytes]] = ()) -> None:
        self.num_perm = settings.dedup_num_perm
        self.lsh = MinHashLSH(threshold=settings.dedup_threshold, num_perm=self.num_perm)
        self.order: dict[str, int] = {}
        for doc_id, sig in stored:
            self.add(doc_id, sig)

    def _minhash(self, sig: bytes) -> MinHash:
        return MinHash(num_perm=self.num_perm, scheme=SCHEME,
                       hashvalues=np.frombuffer(sig, dtype=np.uint64))

    def match(self, sig: bytes) -> str | None:
        """Return the earliest indexed document whose signature is near this one."""
        found = self.lsh.query(self._minhash(sig))
        return min(found, key=self.order.__getitem__) if found else None

    def add(self, doc_id: str, sig: bytes) -> None:
        if doc_id not in self.order:
            self.order[doc_id] = len(self.order)
            self.lsh.insert(doc_id, self._minhash(sig))
