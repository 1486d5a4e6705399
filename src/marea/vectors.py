"""The sentence-vector index: approximate nearest neighbours for semantic search.

Why usearch (HNSW, int8, one file beside the store, `STORE.vectors`) and not DuckDB's vss
extension (HNSW over float32 inside DuckDB), as measured by benchmarks/vectors.py on this
machine (retrieval-benchmark pool padded with noisy copies; recall@10 of the target,
dev / held-out):
- 20,000 vectors: vss builds in 4.4 s per 1,000 vectors and answers in 4.5 ms, recall
  0.679 / 0.786; usearch int8 builds in 1.5 s per 1,000 and answers in 0.2 ms, recall
  0.714 / 0.768; the exhaustive scan has 0.696 / 0.768.
- 100,000 vectors: usearch (as searched here) 0.643 / 0.661, the same as the exhaustive
  scan, in 0.5 ms against 44 ms for the scan.
Besides, vss loads its whole index into memory whenever a process opens the store (every CLI
command would pay for it), keeps the vectors twice in float32, and its index persistence is
experimental (DuckDB warns that a crash can corrupt it). usearch's int8 file is memory-mapped
by readers (`view`: opening costs milliseconds whatever its size) and is extended by adding
only the new documents' sentences.

Keys: every document gets a number in `doc_keys` (a sequence, in order of indexing) and its
sentence i the key `number << 16 | i`, so a hit names its document and sentence without a
look-up table per sentence. The index is brought up to date by the `vector_index` refresh
step after each ingest (only documents numbered after the highest one indexed are added); a
document stored but not yet indexed (a reader of a store whose refresh has not run) is scored
exactly from `sentence_vectors`, so results never miss it.

Segments: an ingest writes its documents' sentences to a small file of their own,
`STORE.vectors.FIRST-LAST` (their document numbers), instead of loading and rewriting the
whole index (which cost time in proportion to the store: 4 s to load and 1.3 s to save 264k
vectors here, against 100 documents' few thousand). Searches ask every segment and keep the
nearest. Segments are folded into the main file once they hold SEGMENT_SHARE of its size
(rewriting it then costs, spread over the runs that grew them, a constant per document), and
into one segment when there are MAX_SEGMENTS. Sentences shorter than
MIN_SENTENCE_CHARS (blank lines, datelines) are never a document's best match.

Filters: a filter keeping at most EXACT_DOCS documents is answered exactly over their
sentences (vectors read back from the index), which loses nothing; a broader one searches
the index for the nearest OVERFETCH sentences per document asked for (divided by the share
the filter keeps) and keeps the documents the filter accepts, fetching four times as many
while too few documents came through, up to MAX_FETCH sentences: past that a page may hold
fewer documents than asked, the nearest of them still in order.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marea.nlp.encoder import DIMENSIONS
from marea.store import Store

SHIFT = 16  # key = document number << SHIFT | sentence index
EXACT_DOCS = 500  # filters keeping this few documents are scored exactly (~15k sentences)
# Nearest sentences first fetched per document asked for (divided by the share of documents
# a filter keeps), and the most fetched: an HNSW search for k neighbours costs more than
# linearly in k (0.1 ms for 200, 3.6 ms for 3,200, 61 ms for 10,000, 308 ms for 25,000 on
# 82k vectors here); recall against the exhaustive scan is measured by benchmarks/api.py.
OVERFETCH = 4
MAX_FETCH = 16_384
# A sentence shorter than this (a blank line between paragraphs, a dateline, one word) is
# never a document's best match: its vector says little, and identical blank lines would
# otherwise top every short query.
MIN_SENTENCE_CHARS = 15
ROUND = 32  # fewest documents whose hits are checked for short sentences at once
SHORT = (r"length(trim(substr(d.text, s.start_char + 1, s.end_char - s.start_char), "
         r"' ' || chr(10) || chr(13) || chr(9))) < ?")  # sentence s of document d
CONNECTIVITY, EXPANSION_ADD, EXPANSION_SEARCH = 16, 128, 256
ADD_ROWS = 4096  # sentence vectors read and added to the index at a time
SEGMENT_SHARE = 0.25  # segments are folded into the main file at this share of its bytes
OPEN_TRIES = 3  # looks at the files before a reader falls back to the exact scan
MAX_SEGMENTS = 8  # more segments than this are merged into one (each is searched per query)
# A part holding this few vectors is scanned exhaustively rather than through its graph: as
# fast here (400 nearest of random int8 vectors: 0.45 vs 1.0 ms at 5k, 6.4 vs 8.0 ms at 20k;
# the graph wins from ~30k, 15 vs 21 ms at 50k) and it never misses a neighbour, so small
# stores and every new segment answer exactly and the same on every machine (a graph built by
# several threads differs from run to run, and so did its misses).
EXACT_VECTORS = 20_000

_cache: dict[str, tuple[tuple[tuple[str, int, int], ...], Segmented]] = {}
_cache_lock = threading.Lock()


def index_path(store: Store) -> Path:
    return Path(store.path + ".vectors")


def new_index() -> Any:
    from usearch.index import Index

    return Index(ndim=DIMENSIONS, metric="cos", dtype="i8", connectivity=CONNECTIVITY,
                 expansion_add=EXPANSION_ADD, expansion_search=EXPANSION_SEARCH)


def open_index(store: Store) -> Any | None:
    """The store's index (its main file and segments) memory-mapped (read-only, shared by
    threads), reopened when a file was replaced; None when there is none yet. Only the files
    that changed are mapped again: an ingest that adds a segment leaves the main file's view
    (mapping it walks every node, in proportion to the store) as it was."""
    path = index_path(store)
    for _ in range(OPEN_TRIES):  # the writer may fold segments away between two looks
        segments = _segments(path)
        try:
            stamp = tuple((f.name, f.stat().st_ino, f.stat().st_mtime_ns)
                          for f in [path, *(file for _, _, file in segments)])
            with _cache_lock:
                cached = _cache.get(str(path))
                if cached is None or cached[0] != stamp:
                    mapped = dict(zip(cached[0], cached[1].parts, strict=True)) if cached else {}
                    cached = (stamp, Segmented(path, segments, mapped))
                    _cache[str(path)] = cached
                return cached[1]
        except FileNotFoundError:  # no main file yet, or a segment folded away meanwhile
            continue
    return None


class Segmented:
    """The main file and the segments after it, searched as one index."""

    def __init__(self, path: Path, segments: list[tuple[int, int, Path]],
                 mapped: dict[tuple[str, int, int], Any] | None = None) -> None:
        """`mapped`: views already open, by file (name, inode, mtime), to reuse."""
        from usearch.index import Index

        self.parts = []
        for file in [path, *(file for _, _, file in segments)]:
            stat = file.stat()
            part: Any = (mapped or {}).get((file.name, stat.st_ino, stat.st_mtime_ns))
            if part is None:
                part = Index.restore(str(file), view=True)
            if part is None:  # usearch reads a missing file as no index
                raise FileNotFoundError(file)
            part.expansion_search = EXPANSION_SEARCH  # not kept in the file
            self.parts.append(part)
        # the first document number each part holds, and the highest of all (once per file,
        # not per query)
        self.firsts = np.array([0, *(first for first, _, _ in segments)], np.uint64)
        self.highest = segments[-1][1] if segments else _highest(self.parts[0])

    def __len__(self) -> int:
        return sum(len(part) for part in self.parts)

    def search(self, vector: np.ndarray, count: int) -> Any:
        """The `count` nearest sentences over every part: .keys and .distances, nearest
        first."""
        keys, distances = [], []
        for part in self.parts:
            if len(part):
                found = part.search(vector, min(count, len(part)),
                                    exact=len(part) <= EXACT_VECTORS)
                keys.append(np.asarray(found.keys, dtype=np.uint64))
                distances.append(np.asarray(found.distances, dtype=np.float32))
        if not keys:
            return _Found(np.zeros(0, np.uint64), np.zeros(0, np.float32))
        merged_keys, merged = np.concatenate(keys), np.concatenate(distances)
        order = np.argsort(merged, kind="stable")[:count]
        return _Found(merged_keys[order], merged[order])

    def get(self, keys: np.ndarray, dtype: Any = np.float32) -> np.ndarray:
        """The vectors of these keys, each read from the part holding its document."""
        keys = np.asarray(keys, np.uint64)
        part_of = np.searchsorted(self.firsts, keys >> np.uint64(SHIFT), side="right") - 1
        vectors = np.empty((len(keys), DIMENSIONS), np.float32)
        for number, part in enumerate(self.parts):
            rows = np.flatnonzero(part_of == number)
            if len(rows):
                vectors[rows] = np.asarray(part.get(keys[rows], dtype=dtype), np.float32)
        return vectors


@dataclass
class _Found:
    keys: np.ndarray
    distances: np.ndarray


def _segments(path: Path) -> list[tuple[int, int, Path]]:
    """The segments beside the main file: (first, last document number, file), in order.
    One that overlaps a wider one before it (left by a merge interrupted before it removed
    what it merged) is not a segment."""
    found: list[tuple[int, int, Path]] = []
    for file in path.parent.glob(path.name + ".*-*"):
        low, _, high = file.name[len(path.name) + 1:].partition("-")
        if low.isdigit() and high.isdigit():
            found.append((int(low), int(high), file))
    kept: list[tuple[int, int, Path]] = []
    for first, last, file in sorted(found, key=lambda s: (s[0], -s[1])):
        if not kept or first > kept[-1][1]:
            kept.append((first, last, file))
    return kept


def highest_number(index: Any | None) -> int:
    """The highest document number in the index (0 when empty or missing)."""
    if index is None:
        return 0
    return int(getattr(index, "highest", None) or _highest(index))


def _highest(index: Any) -> int:
    if not len(index):
        return 0
    return int(np.asarray(index.keys, dtype=np.uint64).max() >> np.uint64(SHIFT))


def number_documents(store: Store) -> None:
    """Give every stored document with sentence vectors a number (documents already
    numbered keep theirs)."""
    store.con.execute(
        "INSERT INTO doc_keys SELECT doc_id, nextval('doc_key_numbers'), count(*) "
        "FROM sentence_vectors WHERE doc_id NOT IN (SELECT doc_id FROM doc_keys) "
        "GROUP BY doc_id ORDER BY doc_id")


def update_index(store: Store) -> int:
    """Add the sentences of documents numbered after the highest indexed: into a new segment,
    or into the main file when there is none yet; fold the segments into the main file (or
    into one) when they have grown (see the module's note). Return how many were added."""
    with store.transaction():
        number_documents(store)
    path = index_path(store)
    segments = _segments(path)
    if not path.exists():
        for _, _, segment in segments:
            segment.unlink()
        return _write(store, path, 0, load=False)
    highest = segments[-1][1] if segments else highest_number(open_index(store))
    (first, last), = store.query("SELECT min(number), max(number) FROM doc_keys "
                                 "WHERE number > ?", [highest])
    added = 0
    if first is not None:
        added = _write(store, path.with_name(f"{path.name}.{first}-{last}"), first - 1,
                       load=False)
        segments.append((first, last, path.with_name(f"{path.name}.{first}-{last}")))
    sizes = sum(segment.stat().st_size for _, _, segment in segments)
    if segments and sizes >= SEGMENT_SHARE * path.stat().st_size:
        _write(store, path, segments[0][0] - 1, load=True)
    elif len(segments) > MAX_SEGMENTS:
        merged = path.with_name(f"{path.name}.{segments[0][0]}-{segments[-1][1]}")
        _write(store, merged, segments[0][0] - 1, load=False)
        segments = [s for s in segments if s[2] != merged]
    else:
        return added
    for _, _, segment in segments:
        segment.unlink()
    return added


def _write(store: Store, path: Path, after: int, load: bool) -> int:
    """Write `path` (through a file beside it renamed over it): the sentences of documents
    numbered after `after` added to it (load) or to an empty index; return how many."""
    index = new_index()
    if load:
        index.load(str(path))
    rows = store.con.execute(
        "SELECT k.number, v.sentence, v.vector FROM doc_keys k JOIN sentence_vectors v "
        "USING (doc_id) WHERE k.number > ? ORDER BY k.number, v.sentence",
        [after]).to_arrow_reader(ADD_ROWS)
    added = 0
    for batch in rows:  # streamed: a first build over a big store holds one batch at a time
        keys = ((batch["number"].to_numpy().astype(np.uint64) << np.uint64(SHIFT))
                | batch["sentence"].to_numpy().astype(np.uint64))
        flat = batch["vector"].flatten().to_numpy()
        index.add(keys, flat.reshape(-1, DIMENSIONS))
        added += batch.num_rows
    temporary = path.with_name(path.name + ".tmp")
    index.save(str(temporary))
    os.replace(temporary, path)
    return added


def drop_index(store: Store) -> None:
    """Forget the index and its document numbers, so the next `vector_index` refresh builds
    it anew from `sentence_vectors` (after the vectors were re-encoded in place: the index
    only adds documents numbered after its highest, so it would keep serving the old ones)."""
    with store.transaction():
        store.con.execute("DELETE FROM doc_keys")
    path = index_path(store)
    for _, _, segment in _segments(path):
        segment.unlink()
    path.unlink(missing_ok=True)


def index_is_stale(store: Store) -> bool:
    """Whether stored sentence vectors are missing from the index file."""
    (numbered, highest), = store.query(
        "SELECT (SELECT count(DISTINCT doc_id) FROM sentence_vectors) = "
        "(SELECT count(*) FROM doc_keys), coalesce((SELECT max(number) FROM doc_keys), 0)")
    return not numbered or highest_number(open_index(store)) < int(highest)


@dataclass
class Nearest:
    """A document's best sentence for the query: its index in the document and cosine."""

    doc_id: str
    sentence: int
    similarity: float


def nearest_documents(store: Store, vector: np.ndarray, where: str, params: list[Any],
                      wanted: int, count: int | None = None) -> list[Nearest]:
    """The `wanted` documents passing the filter (a WHERE fragment on documents `d`, which
    keeps `count` documents when the caller counted them) whose best sentence is nearest the
    query vector, best first."""
    index = open_index(store)
    indexed = highest_number(index)
    if count is None:
        (count,), = store.query(f"SELECT count(*) FROM documents d WHERE {where}", params)
    if not count:
        return []
    if index is not None and count > EXACT_DOCS:
        best = _approximate(store, index, vector, where, params, wanted, count)
        # documents stored after the index was last brought up to date
        _merge(best, scan_unindexed(store, indexed, vector, where, params))
    else:
        best = _exact(store, index, indexed, vector, where, params)
    return sorted(best.values(), key=lambda n: (-n.similarity, n.doc_id))[:wanted]


def _approximate(store: Store, index: Any, vector: np.ndarray, where: str,
                 params: list[Any], wanted: int, count: int) -> dict[str, Nearest]:
    """Nearest sentences from the index, kept when their document passes the filter: first
    OVERFETCH per wanted document divided by the share the filter keeps, four times as many
    while too few documents came through, at most MAX_FETCH (then fewer than `wanted`
    documents may come back: the nearest of them are still found in order)."""
    (total,), = store.query("SELECT count(*) FROM documents")
    fetch = min(MAX_FETCH, max(OVERFETCH * wanted, int(OVERFETCH * wanted * total / count)))
    while True:
        found = index.search(vector.astype(np.float32), min(fetch, len(index)))
        keys = np.asarray(found.keys, dtype=np.uint64)
        numbers = (keys >> np.uint64(SHIFT)).astype(np.int64)
        rows = store.query(
            "SELECT k.number, k.doc_id FROM (SELECT unnest(?) AS number) w "
            f"JOIN doc_keys k USING (number) JOIN documents d USING (doc_id) WHERE {where}",
            [sorted(set(numbers.tolist())), *params])
        passing = dict(rows)
        hits = [(passing[int(number)], int(number), int(key & np.uint64(0xFFFF)),
                 1.0 - float(distance))
                for key, number, distance in zip(keys, numbers, found.distances, strict=True)
                if int(number) in passing]
        best = _first_long_hits(store, hits, wanted)
        if len(best) >= wanted or fetch >= min(MAX_FETCH, len(index)):
            return best
        fetch = min(MAX_FETCH, fetch * 4)


def _first_long_hits(store: Store, hits: list[tuple[str, int, int, float]], wanted: int
                     ) -> dict[str, Nearest]:
    """Each document's nearest hit that is not a short sentence, over `hits` (doc_id,
    number, sentence, similarity; nearest first) until `wanted` documents are found. Hits are
    checked for shortness in rounds, each taking the next hits of as many new documents as
    are still wanted, at least ROUND (and any hits tying the last one), so a page reads the
    spans of about as many documents as it shows, not of every hit's."""
    best: dict[str, Nearest] = {}
    position = 0
    while position < len(hits) and len(best) < wanted:
        batch: list[tuple[str, int, int, float]] = []
        new: set[str] = set()
        while position < len(hits) and (len(new) < max(ROUND, wanted - len(best)) or (
                batch and hits[position][3] == batch[-1][3])):
            if hits[position][0] not in best:
                batch.append(hits[position])
                new.add(hits[position][0])
            position += 1
        short = _short_sentences(store, {doc_id: number for doc_id, number, _, _ in batch},
                                 {(number, sentence) for _, number, sentence, _ in batch})
        for doc_id, number, sentence, similarity in batch:
            if doc_id not in best and (number, sentence) not in short:
                best[doc_id] = Nearest(doc_id, sentence, similarity)
    return best


def _exact(store: Store, index: Any | None, indexed: int, vector: np.ndarray, where: str,
           params: list[Any]) -> dict[str, Nearest]:
    """Every sentence of the documents passing the filter scored against the query: vectors
    of indexed documents read back from the index, the others from the store."""
    rows = store.query(
        "SELECT d.doc_id, k.number, k.sentences FROM documents d JOIN doc_keys k "
        f"USING (doc_id) WHERE k.number <= ? AND {where}", [indexed, *params])
    best: dict[str, Nearest] = {}
    if rows and index is not None:
        keys = np.concatenate([(np.uint64(number) << np.uint64(SHIFT))
                               + np.arange(sentences, dtype=np.uint64)
                               for _, number, sentences in rows])
        owners = np.repeat(np.arange(len(rows)), [sentences for _, _, sentences in rows])
        vectors = np.asarray(index.get(keys, dtype=np.float32), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1)
        scores = vectors @ vector.astype(np.float32) / np.maximum(norms, 1e-9)
        short = _short_sentences(store, {doc_id: number for doc_id, number, _ in rows})
        scores[[(int(k >> np.uint64(SHIFT)), int(k & np.uint64(0xFFFF))) in short
                for k in keys]] = -2.0  # below any cosine: chosen only when nothing else
        for position in np.argsort(-scores, kind="stable"):
            doc_id = rows[owners[position]][0]
            if doc_id not in best:
                sentence = int(keys[position] & np.uint64(0xFFFF))
                best[doc_id] = Nearest(doc_id, sentence, float(scores[position]))
    _merge(best, scan_unindexed(store, indexed, vector, where, params))
    return best


def _short_sentences(store: Store, numbers: dict[str, int],
                     among: set[tuple[int, int]] | None = None) -> set[tuple[int, int]]:
    """(document number, sentence) of the sentences under MIN_SENTENCE_CHARS, once trimmed,
    in these documents (doc_id -> number; only those `among` these pairs when given: the
    hits an index search returned). Spans are read through sentence_spans' key (no scan of
    `sentences`); only spans a little longer than the limit can trim below it, so only the
    documents that have such spans are read, through the documents' key."""
    if not numbers:
        return set()
    near = {}
    ids = sorted(numbers)
    for doc_id, starts, ends in store.query(
            "SELECT doc_id, starts, ends FROM sentence_spans "
            f"WHERE doc_id IN ({', '.join('?' * len(ids))})", ids):
        number = numbers[doc_id]
        spans = [(idx, start, end) for idx, (start, end) in enumerate(zip(starts, ends,
                                                                          strict=True))
                 if end - start < MIN_SENTENCE_CHARS + 32
                 and (among is None or (number, idx) in among)]
        if spans:
            near[doc_id] = (number, spans)
    if not near:
        return set()
    texts = dict(store.query("SELECT doc_id, text FROM documents WHERE doc_id IN "
                             f"({', '.join('?' * len(near))})", sorted(near)))
    return {(number, idx) for doc_id, (number, spans) in near.items()
            for idx, start, end in spans
            if len(texts.get(doc_id, "")[start:end].strip()) < MIN_SENTENCE_CHARS}


def scan_unindexed(store: Store, indexed: int, vector: np.ndarray, where: str,
               params: list[Any]) -> dict[str, Nearest]:
    """The best sentence of each document passing the filter that the index does not hold
    (none once the refresh step has run), scored exactly from sentence_vectors."""
    if _all_indexed(store, indexed):
        return {}
    (waiting,), = store.query(
        "SELECT count(*) FROM documents d LEFT JOIN doc_keys k USING (doc_id) "
        f"WHERE (k.number IS NULL OR k.number > ?) AND {where}", [indexed, *params])
    if not waiting:
        return {}
    rows = store.query(
        f"SELECT v.doc_id, arg_max(v.sentence, array_cosine_similarity(v.vector, "
        f"?::FLOAT[{DIMENSIONS}])), max(array_cosine_similarity(v.vector, "
        f"?::FLOAT[{DIMENSIONS}])) FROM sentence_vectors v JOIN sentences s "
        "ON s.doc_id = v.doc_id AND s.idx = v.sentence JOIN documents d ON d.doc_id = "
        f"v.doc_id AND NOT {SHORT} "
        "WHERE v.doc_id IN (SELECT d.doc_id FROM documents d LEFT JOIN doc_keys k "
        f"USING (doc_id) WHERE (k.number IS NULL OR k.number > ?) AND {where}) "
        "GROUP BY v.doc_id",
        [vector.tolist(), vector.tolist(), MIN_SENTENCE_CHARS, indexed, *params])
    return {doc_id: Nearest(doc_id, int(sentence), float(score))
            for doc_id, sentence, score in rows}


def _all_indexed(store: Store, indexed: int) -> bool:
    """Whether the index refresh step ran against the documents as stored now and the index
    holds every numbered document (cheaper than looking for waiting documents)."""
    (highest,), = store.query("SELECT coalesce(max(number), 0) FROM doc_keys")
    return (indexed >= int(highest)
            and store.refreshed().get("vector_index") == store.documents_state())


def _merge(best: dict[str, Nearest], more: dict[str, Nearest]) -> None:
    for doc_id, found in more.items():
        if doc_id not in best or found.similarity > best[doc_id].similarity:
            best[doc_id] = found
