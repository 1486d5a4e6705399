"""Near-duplicate detection: MinHash signatures of word shingles, searched with LSH.

The signature is computed in the pipeline (parallelisable); the index is read and written by
the writer, which alone knows what is already stored.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from marea.errors import ConfigError
from marea.model import Document
from marea.settings import Settings
from marea.store import Store

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
    """NearDuplicateIndex(settings, store).match(signature)  # id of a near-duplicate, or None

    The LSH buckets of every stored original live in the store (`near_duplicate_buckets`:
    one row per band, keyed by a 64-bit hash of the band's values), so a run looks up only
    the buckets of its own documents instead of loading every signature. Bands and rows per
    band are datasketch's optimum for the threshold (as its MinHashLSH would use); documents
    share a bucket when one band of their signatures is equal. Buckets of the documents
    matched or added in this run are kept until `written()` says the store has them.
    """

    def __init__(self, settings: Settings, store: Store) -> None:
        self.num_perm = settings.dedup_num_perm
        try:
            lsh = MinHashLSH(threshold=settings.dedup_threshold, num_perm=self.num_perm)
        except ValueError as exc:  # too few bands: the threshold is too high for num_perm
            raise ConfigError(f"[E094] dedup.threshold = {settings.dedup_threshold} with "
                              f"dedup.num_perm = {self.num_perm} leaves fewer than 2 LSH "
                              "bands: give a lower threshold or more permutations.") from exc
        self.bands, self.rows = int(lsh.b), int(lsh.r)
        self.store = store
        self.found: dict[int, tuple[int, str]] = {}  # bucket -> earliest (seq, doc_id)
        self.pending: list[tuple[int, str, int]] = []  # (bucket, doc_id, seq) not yet written
        with store.io_errors():
            if store.near_duplicate_scheme() != (self.bands, self.rows):
                self._rebuild()
            self.next_seq = store.near_duplicate_next_seq()

    def buckets(self, sig: bytes) -> list[int]:
        """The signature's bucket per band: a signed 64-bit hash of the band number and values."""
        values = np.frombuffer(sig, dtype=np.uint64)
        return [int.from_bytes(hashlib.blake2b(
            band.to_bytes(2, "little") + values[band * self.rows:(band + 1) * self.rows]
            .tobytes(), digest_size=8).digest(), "little", signed=True)
            for band in range(self.bands)]

    def look_up(self, signatures: Iterable[bytes]) -> None:
        """Fetch, in one query, the earliest stored original in each bucket of these signatures."""
        wanted = sorted({b for sig in signatures for b in self.buckets(sig)} - set(self.found))
        for bucket, seq, doc_id in self.store.near_duplicate_candidates(wanted):
            self._keep(bucket, seq, doc_id)

    def match(self, sig: bytes) -> str | None:
        """Return the earliest indexed document sharing a bucket with this signature."""
        hits = [self.found[b] for b in self.buckets(sig) if b in self.found]
        return min(hits)[1] if hits else None

    def add(self, doc_id: str, sig: bytes) -> None:
        """Index a new original; its rows reach the store with its batch (`pending`)."""
        for bucket in self.buckets(sig):
            self.pending.append((bucket, doc_id, self.next_seq))
            self._keep(bucket, self.next_seq, doc_id)
        self.next_seq += 1

    def written(self) -> None:
        """The pending rows are committed: forget them and what was looked up for them."""
        self.pending.clear()
        self.found.clear()

    def _keep(self, bucket: int, seq: int, doc_id: str) -> None:
        if bucket not in self.found or (seq, doc_id) < self.found[bucket]:
            self.found[bucket] = (seq, doc_id)

    def _rebuild(self) -> None:
        """Recompute every stored original's buckets (a store from before the buckets table,
        or changed dedup settings), streaming the signatures in order of storing."""
        rows: list[tuple[int, str, int]] = []
        with self.store.transaction():
            self.store.clear_near_duplicates(self.bands, self.rows)
            for seq, (doc_id, sig) in enumerate(self.store.fingerprints()):
                rows.extend((bucket, doc_id, seq) for bucket in self.buckets(sig))
                if len(rows) >= 100_000:
                    self.store.add_near_duplicate_buckets(rows)
                    rows.clear()
            self.store.add_near_duplicate_buckets(rows)
