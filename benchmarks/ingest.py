"""Ingest throughput and memory, as a ratio to a bare spaCy pass over the same texts.

    python benchmarks/ingest.py [--sizes 500 2000]

For each corpus size, a child process ingests N documents (seeds and examples recombined)
into a fresh DuckDB store with the full pipeline, then runs `nlp.pipe` of the same spaCy
pipelines over the same clean texts, then ingests twice more into fresh stores: without
the actor and event stages, and without the event stage. It prints documents/s, words/s,
peak RSS during the full ingest, the ratio full ingest / bare spaCy (target: under 1.5;
memory flat in N), the cost of actor linking (ingest with actors / without; target: under
1.2) and of event extraction (full ingest / without events).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import write_corpus  # noqa: E402

from marea.actors.kb import load_kb  # noqa: E402
from marea.events.lexicon import lexicon  # noqa: E402
from marea.events.place import city  # noqa: E402
from marea.nlp.linguistic import PIPE_BATCH  # noqa: E402
from marea.nlp.models import load_pipeline  # noqa: E402
from marea.pipeline import DEFAULT_PIPELINE, ingest  # noqa: E402
from marea.settings import load_settings  # noqa: E402
from marea.store import Store  # noqa: E402


def measure(size: int) -> dict[str, float]:
    """Ingest `size` documents, then time the bare spaCy pass; return the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings().with_(db=str(Path(tmp) / "bench.duckdb"))
        words = write_corpus(Path(tmp) / "corpus", size, settings)
        for language in ("en", "es", "pt"):  # load models before any timing starts
            load_pipeline(settings.model_for(language), language)
            lexicon(language)
        load_kb(settings.kb_files)
        city("Lima")  # builds the gazetteer
        with Store(settings.db) as store:
            started = time.perf_counter()
            summary = ingest([str(Path(tmp) / "corpus")], store, settings)
            marea_seconds = time.perf_counter() - started
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            texts: dict[str, list[str]] = defaultdict(list)
            for language, text in store.query("SELECT language, text FROM documents"):
                texts[language].append(text)
        assert not summary.failed and summary.stored + summary.near_duplicates > 0, summary
        started = time.perf_counter()
        for language, group in texts.items():
            nlp = load_pipeline(settings.model_for(language), language)
            for _ in nlp.pipe(group, batch_size=PIPE_BATCH):
                pass
        bare_seconds = time.perf_counter() - started
        seconds = {}
        for name, dropped in (("base", {"marea.actors.v1", "marea.events.v1"}),
                              ("no_events", {"marea.events.v1"})):
            stages = tuple(stage for stage in DEFAULT_PIPELINE if stage not in dropped)
            with Store(Path(tmp) / f"{name}.duckdb") as store:
                started = time.perf_counter()
                ingest([str(Path(tmp) / "corpus")], store, settings, stages=stages)
                seconds[name] = time.perf_counter() - started
    return {"docs": summary.stored, "words": words, "marea_s": marea_seconds,
            "bare_s": bare_seconds, "base_s": seconds["base"],
            "no_events_s": seconds["no_events"], "peak_rss_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    print(f"{'docs':>6} {'words':>8} {'docs/s':>7} {'words/s':>8} {'peak RSS MB':>11} "
          f"{'marea s':>8} {'spaCy s':>8} {'vs spaCy':>8} {'linking':>7} {'events':>7}")
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(size)], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['docs']:>6} {r['words']:>8} {r['docs'] / r['marea_s']:>7.1f} "
              f"{r['words'] / r['marea_s']:>8.0f} {r['peak_rss_mb']:>11.0f} "
              f"{r['marea_s']:>8.1f} {r['bare_s']:>8.1f} {r['marea_s'] / r['bare_s']:>8.2f} "
              f"{r['no_events_s'] / r['base_s']:>7.2f} {r['marea_s'] / r['no_events_s']:>7.2f}",
              flush=True)


if __name__ == "__main__":
    main()
