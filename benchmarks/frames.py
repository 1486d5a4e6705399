"""Framing-technique spans against gold: SemEval-2020 Task 11 (PTC) and our own gold set.

    python benchmarks/frames.py [--articles N] [--json] [--fresh] [--false-positives] [--misses]

Our gold set is split by document into a tuning half and a held-out half
(gold/frames/split.json, fixed): the stage's rules were tuned, and the framing tagger
trained, on the first only; both are printed, and so is a fresh held-out batch
(held_out_fresh), annotated after the held-out half had been looked at in counts, and the
side-by-side table gives the tuning half's two inner parts (its documents at even and odd
places), so that a rule designed on one is measured on the other. PTC
(evaluation only: nothing shipped was trained or tuned on it) is scored as the stage runs,
and with the tagger alone over every article, ungated ("model alone"). Framing spans per
1,000 words are printed for the bundled news reports, the tuning half's and the fresh batch's
news pages (each beside its gold spans per 1,000 words, what an exact tagger would give), the
seeds and FNC-1 news bodies (../shared/benchmarks/stance-fnc1, the first FNC_BODIES in file order):
on plain news a careful reader finds almost none.

--false-positives counts each half's spans and false ones (no gold span of their technique
overlaps) by technique and by the rule that made them (the pattern's number and opening, scare
quote, lexicon label, tagger), counts only for the held-out half, then lists the tuning half's.
Neither it nor --misses says anything about the fresh batch, so that it stays unseen.

Span scores follow the task's partial-credit metric (Da San Martino et al. 2019):
P = sum over predicted spans s and gold spans t of |s∩t|/|s|, divided by #predicted;
R = the same with |t|, divided by #gold. "SI" ignores the technique (span identification);
"technique" counts only pairs with the same technique; per-technique rows do the same for one
technique. The confusion lists, for each gold technique, the technique of the predicted span
overlapping it most ("-" = none). "TC" classifies each gold span's sentence with the shipped
classifier alone (argmax), as in the task's technique-classification setting (accuracy).

PTC offsets index the article files as given, so PTC articles skip the cleaning stage.

The per-token encoder graph (perf24/25; the tagger reads its token states), `--articles 0`
beside the per-tensor tree: held-out and fresh unchanged (technique .507/.138/.217, SI
.632/.154/.248; fresh .833/.068/.125), the tuning half one Name_Calling span more (technique
P/R/F1 .792/.214/.337 -> .794/.216/.340, its even inner part .916/.148/.254 ->
.919/.152/.261, odd unchanged).

Every stage before framing, and the encoder states the framing tagger reads, are cached in
CACHE per batch of documents, under a digest of the batch's inputs, the settings, the
installed spaCy models and every file of marea's outside the framing files (FRAMING_FILES,
encoder weights included): a second run recomputes framing alone and prints the same
figures. --fresh recomputes everything.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import pickle
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from importlib import metadata
from pathlib import Path

import numpy as np
import spacy.util

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold import HERE, SHARED_FOLDER, covered, gold_corpus, load_gold  # noqa: E402

from marea.model import Document  # noqa: E402
from marea.nlp.encoder import DEFAULT, OnnxEncoder, encode, load_encoder  # noqa: E402
from marea.opinion.frame_tagger import tagger  # noqa: E402
from marea.opinion.frames import QUOTE_MARKS, _pattern_data, classifier  # noqa: E402
from marea.pipeline import compute_batch, run_stages  # noqa: E402
from marea.settings import load_settings  # noqa: E402

PTC = HERE.parents[1] / "shared" / "benchmarks" / "propaganda-ptc-semeval2020"
FNC = HERE.parents[1] / "shared" / "benchmarks" / "stance-fnc1" / "competition_test_bodies.csv"
SPLIT = HERE / "gold" / "frames" / "split.json"
FNC_BODIES = 300
HALVES = ("tuning", "held_out", "held_out_fresh")  # split.json's keys, in the order printed
# the tuning half's two inner parts (its documents at even / odd places of split.json's list):
# a rule designed on one part's errors is measured on the other before it is kept
INNER = ("tuning_even", "tuning_odd")
# what the frames stage reads: tokens, actor mentions, the opinion score and sentence vectors
FRAME_STAGES = ("marea.linguistic.v1", "marea.actors.v1", "marea.tone.v1", "marea.embed.v1",
                "marea.frames.v1")
Span = tuple[str, int, int, str]  # document, start, end, technique
FRAMES = "marea.frames.v1"
CACHE = Path(tempfile.gettempdir()) / "marea-frames-bench"
SOURCE = Path(__file__).resolve().parents[1] / "src" / "marea"
# what framing itself reads: a change here reruns framing alone, anything else the cached stages
FRAMING_FILES = frozenset({"opinion/frames.py", "opinion/frame_tagger.py",
                           "opinion/data/frame_patterns.yaml", "opinion/data/frames_model.npz",
                           "opinion/data/frame_tagger.npz", "opinion/data/frames_training.jsonl"})


def code_digest() -> str:
    """A digest of every file of marea's, the framing files left out (the packaged encoder
    and the events classifier included: their weights change what the cached stages and
    token states hold), and of the installed spaCy models."""
    digest = hashlib.sha1()
    for package in ("spacy", *spacy.util.get_installed_models()):
        digest.update(f"{package}=={metadata.version(package)}".encode())
    for path in sorted(SOURCE.rglob("*")):
        name = path.relative_to(SOURCE).as_posix()
        if path.is_file() and name not in FRAMING_FILES and "__pycache__" not in name:
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _cached(kind: str, key: str, compute: Callable[[], object]) -> object:
    """`compute()`'s result from CACHE under `kind` and `key`, computed and saved if absent."""
    path = CACHE / kind / f"{key}.pickle"
    if path.is_file():
        with path.open("rb") as handle:
            return pickle.load(handle)
    value = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial_path = path.with_suffix(f".{os.getpid()}.part")  # two runs may write one key
    with partial_path.open("wb") as handle:
        pickle.dump(value, handle, pickle.HIGHEST_PROTOCOL)
    partial_path.replace(path)  # complete or absent
    return value


def _stable(source: str) -> str:
    """A source path without the temporary folder the shared gold pages are staged in."""
    return source.split(f"/{SHARED_FOLDER}/", 1)[-1]


def _batch_key(batch: list[Document], stages: tuple[str, ...], settings: object, code: str
               ) -> str:
    digest = hashlib.sha1("\n".join((code, repr(settings), *stages)).encode())
    for doc in batch:
        digest.update("\0".join((_stable(doc.source), doc.locator, doc.content_type, doc.text,
                                 doc.language or "", json.dumps(doc.metadata, sort_keys=True,
                                                                default=str))).encode())
        digest.update(doc.raw)
    return digest.hexdigest()


def prepared(batch: list[Document], stages: tuple[str, ...], settings: object, code: str
             ) -> list[Document]:
    """`run_stages(batch, stages)` from the cache: the same documents, each batch computed
    once (the encoder's int8 scales depend on batch-mates, so whole batches are the unit)."""
    key = _batch_key(batch, stages, settings, code)
    done: list[Document] = _cached(  # type: ignore[assignment]
        "stages", key, lambda: list(run_stages(batch, stages, settings)))  # type: ignore[arg-type]
    sources = {_stable(d.source): d.source for d in batch}
    for doc in done:  # this run's staging folder
        doc.source = sources.get(_stable(doc.source), doc.source)
    return done


class CachedStages:
    """An ingest executor that takes every stage before framing from the cache."""

    def __init__(self, code: str) -> None:
        self.code = code

    def map(self, fn: Callable[[list[Document]], list[Document]],
            batches: Iterable[list[Document]]) -> Iterator[list[Document]]:
        assert isinstance(fn, partial)  # ingest's partial(compute_batch, stages=, settings=)
        stages, settings = fn.keywords["stages"], fn.keywords["settings"]
        split = stages.index(FRAMES)
        for batch in batches:
            done = prepared(batch, stages[:split], settings, self.code)
            yield compute_batch(done, stages[split:], settings)


def cache_token_states(code: str) -> None:
    """Keep the framing tagger's encoder states in the cache, by the sentences encoded and
    the code and encoder weights that encode them."""
    encoder = load_encoder(DEFAULT)
    assert isinstance(encoder, OnnxEncoder)
    compute = encoder.token_states

    def token_states(texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        key = hashlib.sha1("\0".join((code, DEFAULT, *texts)).encode()).hexdigest()
        return _cached("token-states", key, lambda: compute(texts))  # type: ignore[return-value]

    encoder.token_states = token_states  # type: ignore[method-assign]


def overlap_scores(predicted: list[Span], gold: list[Span], same_technique: bool
                   ) -> tuple[float, float, float]:
    by_doc: dict[str, list[Span]] = defaultdict(list)
    for span in gold:
        by_doc[span[0]].append(span)
    precision_sum = recall_sum = 0.0
    for doc, start, end, technique in predicted:
        for _, g_start, g_end, g_technique in by_doc[doc]:
            if same_technique and technique != g_technique:
                continue
            common = min(end, g_end) - max(start, g_start)
            if common > 0:
                precision_sum += common / (end - start)
                recall_sum += common / (g_end - g_start)
    precision = precision_sum / len(predicted) if predicted else 0.0
    recall = recall_sum / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 3), round(recall, 3), round(f1, 3)


def report(predicted: list[Span], gold: list[Span]) -> dict[str, object]:
    techniques = sorted({s[3] for s in gold} | {s[3] for s in predicted})
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for doc, start, end, technique in gold:
        best, best_common = "-", 0
        for p_doc, p_start, p_end, p_technique in predicted:
            common = min(end, p_end) - max(start, p_start)
            if p_doc == doc and common > best_common:
                best, best_common = p_technique, common
        confusion[technique][best] += 1
    return {
        "gold_spans": len(gold), "predicted_spans": len(predicted),
        "SI": overlap_scores(predicted, gold, False),
        "technique": overlap_scores(predicted, gold, True),
        "per_technique": {
            t: {"gold": sum(s[3] == t for s in gold),
                "predicted": sum(s[3] == t for s in predicted),
                "PRF": overlap_scores([s for s in predicted if s[3] == t],
                                      [s for s in gold if s[3] == t], True)}
            for t in techniques},
        "confusion": {t: dict(c.most_common(4)) for t, c in sorted(confusion.items())},
    }


def ptc(limit: int) -> dict[str, object]:
    """The first `limit` PTC articles: the stage as shipped (PTC declares no kind, so the
    tagger does not run), plus the tagger alone ("model_alone": every article, no gate)."""
    if not PTC.is_dir():
        return {"skipped": f"{PTC} not found"}
    settings = load_settings()
    gold: list[Span] = []
    docs = []
    for path in sorted((PTC / "articles").glob("*.txt"))[:limit]:
        doc_id = path.stem.removeprefix("article")
        docs.append(Document(source=str(path), locator="", raw=b"", content_type="text",
                             text=path.read_text("utf-8"), doc_id=doc_id, language="en"))
        labels = PTC / "labels-TC" / f"article{doc_id}.task2-TC.labels"
        for line in labels.read_text("utf-8").splitlines():
            _, technique, start, end = line.split("\t")
            gold.append((doc_id, int(start), int(end), technique))
    done = []
    code = code_digest()
    for start in range(0, len(docs), 16):
        ready = prepared(docs[start:start + 16], FRAME_STAGES[:-1], settings, code)
        done += run_stages(ready, (FRAMES,), settings)
    predicted = [(d.doc_id, f.start, f.end, f.technique) for d in done for f in d.frames]
    result = report(predicted, gold)
    result["articles"] = len(docs)
    result["per_1000_words"] = _rate([(len(d.frames), _words(d)) for d in done])
    result["TC_accuracy"] = _technique_classification(done, gold)
    model = tagger()
    if model is not None:
        alone = [(d.doc_id, a, b, t) for d in done for _, a, b, t, _ in model.spans(d)]
        result["model_alone"] = report(alone, gold)
    return result


def _technique_classification(docs: list[Document], gold: list[Span]) -> float | None:
    """Accuracy of the classifier's top technique for each gold span's sentence."""
    model = classifier()
    if model is None or not gold:  # `--articles 0`: no PTC span to classify
        return None
    texts = {d.doc_id: d.text for d in docs}
    sentences = []
    for doc, start, end, _ in gold:
        text = texts[doc]
        left = text.rfind("\n", 0, start) + 1
        right = text.find("\n", end)
        sentences.append(text[left:right if right >= 0 else len(text)])
    chance = model.probabilities(encode(sentences))
    guesses = [model.techniques[i] for i in np.argmax(chance, axis=1)]
    return round(sum(g == s[3] for g, s in zip(guesses, gold, strict=True)) / len(gold), 3)


def own_gold(tmp: Path) -> dict[str, object]:
    """Our gold set, per half, plus framing spans per 1,000 words on news and seeds."""
    split = json.loads(SPLIT.read_text("utf-8"))
    shared = [n for half in HALVES for n in split[half] if n.startswith(("traf-", "aeb-"))]
    store, docs = gold_corpus(tmp / "gold.duckdb", load_settings(), shared,
                              split.get("kinds", {}), CachedStages(code_digest()))
    rows = covered(load_gold(HERE / "gold" / "frames" / "spans.jsonl"), docs,
                   span=lambda row, text: text[row["start"]:row["end"]])
    ids = {doc_id: name for name, (doc_id, _) in docs.items()}
    stored = [(ids[doc_id], start, end, technique, method, score) for doc_id, start, end,
              technique, method, score in store.query(
                  "SELECT doc_id, start_char, end_char, technique, method, score FROM frames "
                  "ORDER BY doc_id, start_char") if doc_id in ids]
    languages = {ids[doc_id]: language for doc_id, language in store.query(
        "SELECT doc_id, language FROM documents") if doc_id in ids}
    predicted = [row[:4] for row in stored]
    spans = Counter(p[0] for p in predicted)
    words = {ids[doc_id]: n for doc_id, n in store.query(
        "SELECT doc_id, words FROM tone WHERE sentence = -1") if doc_id in ids}
    store.close()
    result: dict[str, object] = {}
    for half in HALVES:
        names = {name for name in split[half] if name in docs}
        result[half] = report([p for p in predicted if p[0] in names],
                              [(r["doc"], r["start"], r["end"], r["technique"])
                               for r in rows if r["doc"] in names])
        result[half]["documents"] = len(names)  # type: ignore[index]
    for part, inner in enumerate(INNER):
        names = {name for name in split["tuning"][part::2] if name in docs}
        result[inner] = report([p for p in predicted if p[0] in names],
                               [(r["doc"], r["start"], r["end"], r["technique"])
                                for r in rows if r["doc"] in names])
    tuning = set(split["tuning"])
    result["tuning_spans"] = [  # type: ignore[assignment]
        (name, technique, f"{method} {score:.2f}", docs[name][1][start:end],
         docs[name][1][max(0, start - 60):end + 60].replace("\n", " "),
         any(r["doc"] == name and r["technique"] == technique and r["start"] < end
             and start < r["end"] for r in rows))
        for name, start, end, technique, method, score in stored if name in tuning]
    held = set(split["held_out"])
    result["rules"] = [  # type: ignore[assignment]  # no text: (half, document, technique,
        ("tuning" if name in tuning else "held_out", name, technique,  # rule, right)
         _rule(technique, method, docs[name][1], start, end, languages.get(name)),
         any(r["doc"] == name and r["technique"] == technique and r["start"] < end
             and start < r["end"] for r in rows))
        for name, start, end, technique, method, _ in stored if name in tuning | held]
    result["tuning_misses"] = [  # type: ignore[assignment]
        _miss(row, docs[row["doc"]][1], predicted) for row in rows if row["doc"] in tuning]
    result["held_out_misses"] = [  # type: ignore[assignment]  # no text: counts only
        _miss(row, docs[row["doc"]][1], predicted)[:3] for row in rows if row["doc"] in held]
    news = [n for n in docs if n.startswith("ex-") and ("-news-" in n or "wire" in n)]
    result["news_examples"] = _rate([(spans[n], words.get(n, 0)) for n in news])
    gold_spans = Counter(r["doc"] for r in rows)
    for half, key in (("tuning", "tuning_news"), ("held_out_fresh", "fresh_news")):
        pages = [n for n in split[half] if split["kinds"].get(n) == "news"]
        result[key] = _rate([(spans[n], words.get(n, 0)) for n in pages])
        result[f"{key}_gold"] = _rate([(gold_spans[n], words.get(n, 0)) for n in pages])
    result["seeds"] = {n: _rate([(spans[n], words.get(n, 0))]) for n in sorted(docs)
                       if n.startswith("seed-")}
    return result


def _rule(technique: str, method: str, text: str, start: int, end: int,
          language: str | None) -> str:
    """Which rule made a span: the tagger, a lexicon label, a scare quote, or the first
    pattern of its technique (number and opening) matching over it ("repeated phrase" or
    "grown" when none does: the stage's own repetition finder, or a span grown past it)."""
    if method != "pattern":
        return {"model": "tagger", "lexicon": "lexicon label"}.get(method, method)
    if technique == "Doubt" and text[start] in QUOTE_MARKS:
        return "scare quote"
    listed = (_pattern_data().get(technique) or {}).get(language) or []
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    line = text[left:right if right >= 0 else len(text)]
    for number, pattern in enumerate(map(str, listed)):
        for match in re.finditer(pattern, line, re.IGNORECASE):
            if left + match.start() < end and start < left + match.end():
                return f"pattern {number} {pattern[:48]}"
    return "repeated phrase" if technique == "Repetition" else "grown"


def print_rules(rules: list[tuple[str, str, str, str, bool]]) -> None:
    """Predicted spans per technique and rule, with how many no gold span of their technique
    overlaps, for both halves side by side (counts only: no held-out text)."""
    counts = Counter((t, r, half) for half, _, t, r, _ in rules)
    wrong = Counter((t, r, half) for half, _, t, r, right in rules if not right)
    print("predicted spans by technique and rule: tuning all / false, held-out all / false")
    for technique, rule in sorted({(t, r) for _, _, t, r, _ in rules}):
        cells = [f"{counts[technique, rule, h]:>3} / {wrong[technique, rule, h]:<3}"
                 for h in ("tuning", "held_out")]
        print(f"    {technique[:24]:<24} {rule[:62]:<62} {cells[0]}  {cells[1]}")


def _miss(row: dict, text: str, predicted: list[Span]) -> tuple[str, int, float, str, str, str]:
    """One gold span and how much of it we cover: (technique, length, covered fraction with
    its technique, span, what we predicted over it, its sentence)."""
    start, end, technique = row["start"], row["end"], row["technique"]
    same = [0] * (end - start)
    over = []
    for doc, p_start, p_end, p_technique in predicted:
        if doc == row["doc"] and p_start < end and start < p_end:
            over.append(f"{p_technique[:12]}:{text[p_start:p_end]!r}")
            if p_technique == technique:
                for i in range(max(start, p_start), min(end, p_end)):
                    same[i - start] = 1
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1) + 1
    right = min(i for i in (text.find("\n", end), text.find(". ", end), len(text)) if i >= 0)
    return (technique, end - start, sum(same) / max(1, end - start), text[start:end],
            " ".join(over), text[left:right + 1].strip().replace("\n", " "))


def print_misses(tuning: list, held_out: list) -> None:
    """Gold spans by technique: how many, their length, how much we cover; the tuning half's
    spans we miss (wholly or partly) with their sentence; held-out counts only."""
    for name, misses in (("tuning", tuning), ("held_out", held_out)):
        print(f"{name}: technique, gold spans, gold characters, covered characters (same "
              f"technique), spans missed wholly / partly")
        for technique in sorted({m[0] for m in misses}):
            rows = [m for m in misses if m[0] == technique]
            length = sum(m[1] for m in rows)
            got = sum(m[1] * m[2] for m in rows)
            print(f"    {technique:<38} {len(rows):>4} {length:>6} {got:>8.0f} "
                  f"{sum(m[2] == 0 for m in rows):>5} / {sum(0 < m[2] < 1 for m in rows):<4}")
    print("tuning half, gold spans not wholly covered: technique, covered, span, ours over it, "
          "sentence")
    for technique, _, share, span, ours, sentence in sorted(tuning, key=lambda m: (m[0], m[2])):
        if share < 1:
            print(f"    {technique[:20]:<20} {share:>4.0%} {span!r} [{ours}] … {sentence[:240]}")


def fnc_news(limit: int = FNC_BODIES) -> dict[str, object]:
    """Framing spans per 1,000 words on FNC-1 article bodies (news, no framing gold)."""
    if not FNC.is_file():
        return {"skipped": f"{FNC} not found"}
    settings = load_settings()
    with FNC.open(encoding="utf-8", newline="") as handle:
        bodies = [r["articleBody"] for r in csv.DictReader(handle)][:limit]
    docs = [Document(source=f"fnc-{i}", locator="", raw=b.encode(), content_type="text",
                     metadata={"language": "en"}) for i, b in enumerate(bodies)]
    stages = ("marea.clean.v1", "marea.language.v1", *FRAME_STAGES)
    done = []
    code = code_digest()
    for start in range(0, len(docs), 32):
        ready = prepared(docs[start:start + 32], stages[:-1], settings, code)
        done += run_stages(ready, (FRAMES,), settings)
    return {"bodies": len(done), **_rate([(len(d.frames), _words(d)) for d in done])}


def _words(doc: Document) -> int:
    return sum(t.pos not in ("PUNCT", "SPACE") for t in doc.tokens)


def _rate(counts: list[tuple[int, int]]) -> dict[str, float]:
    spans, words = sum(c[0] for c in counts), sum(c[1] for c in counts)
    return {"spans": spans, "words": words,
            "per_1000_words": round(1000.0 * spans / words, 2) if words else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=371, help="PTC articles to score")
    parser.add_argument("--json", action="store_true",
                        help="print our held-out half's and fresh batch's overall scores as "
                             "one JSON line")
    parser.add_argument("--false-positives", action="store_true",
                        help="count both halves' spans and false positives by technique and rule, "
                             "list the tuning half's false-positive spans, then stop")
    parser.add_argument("--misses", action="store_true",
                        help="list the tuning half's gold spans we miss (held-out: counts "
                             "only), then stop")
    parser.add_argument("--fresh", action="store_true",
                        help="empty the cache of the stages before framing first")
    args = parser.parse_args()
    if args.fresh:
        shutil.rmtree(CACHE, ignore_errors=True)
    cache_token_states(code_digest())
    if args.json:  # the held-out half, what tests/test_quality.py gates on, and the fresh batch
        with tempfile.TemporaryDirectory() as tmp:
            own = own_gold(Path(tmp))
        scores: dict[str, float] = {}
        for half, prefix in (("held_out", ""), ("held_out_fresh", "fresh_")):
            value = own[half]
            assert isinstance(value, dict)
            scores |= {f"{prefix}si_f1": value["SI"][2],
                       f"{prefix}technique_f1": value["technique"][2],
                       f"{prefix}technique_precision": value["technique"][0]}
        print(json.dumps(scores))
        return
    with tempfile.TemporaryDirectory() as tmp:
        own = own_gold(Path(tmp))
    if args.misses:
        print_misses(own["tuning_misses"], own["held_out_misses"])  # type: ignore[arg-type]
        return
    if args.false_positives:
        print_rules(own["rules"])  # type: ignore[arg-type]
        spans = own["tuning_spans"]
        assert isinstance(spans, list)
        counts = Counter((s[1], s[2].split()[0]) for s in spans)
        wrong = Counter((s[1], s[2].split()[0]) for s in spans if not s[5])
        print("tuning half, predicted spans by technique and method: all, and false positives "
              "(no gold span of their technique overlaps)")
        for (technique, method), n in sorted(counts.items()):
            print(f"    {technique:<38} {method:<10} {n:>4} {wrong[technique, method]:>4}")
        for name, technique, method, span, context, right in sorted(
                spans, key=lambda f: (f[1], f[2], f[5])):
            print(f"    {'ok ' if right else 'FP '}{technique[:20]:<20} {method:<15} "
                  f"{name[:24]:<24} {span!r:<28} … {context} …")
        return
    scored = ptc(args.articles)
    result = {half: own[half] for half in HALVES}
    result["ptc"] = scored
    if "model_alone" in scored:
        result["ptc_model_alone"] = scored["model_alone"]  # type: ignore[assignment]
    for name, value in result.items():
        assert isinstance(value, dict)
        if "skipped" in value:
            print(f"{name}: skipped ({value['skipped']})")
            continue
        print(f"{name}: gold spans {value['gold_spans']}, predicted {value['predicted_spans']}; "
              f"SI P/R/F1 {value['SI']}; technique-aware P/R/F1 {value['technique']}"
              + (f"; TC accuracy {value['TC_accuracy']}" if "TC_accuracy" in value else "")
              + (f"; documents {value['documents']}" if "documents" in value else ""))
        for technique, row in value["per_technique"].items():
            print(f"    {technique:<38} gold {row['gold']:>5} pred {row['predicted']:>5}  "
                  f"P/R/F1 {row['PRF']}")
    print("side by side                    technique P / R / F1        SI P / R / F1")
    for name, value in {**result, **{inner: own[inner] for inner in INNER}}.items():
        if isinstance(value, dict) and "skipped" not in value:
            print(f"    {name:<26} {value['technique']}   {value['SI']}")
    seeds = own["seeds"]
    assert isinstance(seeds, dict)
    rates = {"news examples": own["news_examples"],
             "tuning half's news pages": own["tuning_news"],
             "  their gold spans (tuning)": own["tuning_news_gold"],
             "fresh batch's news pages": own["fresh_news"],
             "  their gold spans (fresh)": own["fresh_news_gold"],
             f"FNC-1 bodies ({FNC_BODIES})": fnc_news(),
             "PTC articles": scored.get("per_1000_words"), **seeds}
    print("framing spans per 1,000 words:")
    for name, rate in rates.items():
        if isinstance(rate, dict) and "per_1000_words" in rate:
            print(f"    {name:<36} {rate['per_1000_words']:>6}  ({rate['spans']} spans, "
                  f"{rate['words']} words)")


if __name__ == "__main__":
    main()
