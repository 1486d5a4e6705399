"""Build a benchmark corpus: the seeds and bundled examples, recombined into N distinct texts."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from marea.ingest.clean import clean
from marea.ingest.sources import read_inputs
from marea.model import Document
from marea.settings import Settings

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


def base_documents(settings: Settings) -> list[Document]:
    """Return the cleaned seeds (when ../shared is present) and bundled examples."""
    root = Path(str(resources.files("marea").joinpath("examples")))
    paths = [str(root / name) for name in ("html", "text", "feeds")]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    docs = [d for d in read_inputs(paths, settings) if isinstance(d, Document)]
    return clean(docs, settings)


def write_corpus(folder: Path, size: int, settings: Settings, seed: int = 7,
                 kind: str | None = None) -> int:
    """Write `size` text files mixing paragraphs of same-language base documents; return words.

    Each file takes 4-9 paragraphs drawn from 2-3 base documents of one language, so texts
    are realistic and distinct (not exact or near duplicates of each other). `kind`, when
    given, is declared for every file in the metadata sidecar.
    """
    rng = random.Random(seed)
    by_language: dict[str, list[list[str]]] = defaultdict(list)
    for doc in base_documents(settings):
        paragraphs = [p for p in doc.text.split("\n") if len(p.split()) > 8]
        language = str(doc.metadata.get("language") or ("es" if "/es-" in doc.source else
                                                         "pt" if "/pt-" in doc.source else "en"))
        by_language[language].append(paragraphs)
    languages = sorted(by_language)
    weights = [len(by_language[lang]) for lang in languages]
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    sidecar = []
    for number in range(size):
        language = rng.choices(languages, weights)[0]
        sources = rng.sample(by_language[language], min(3, len(by_language[language])))
        pool = [p for source in sources for p in source]
        chosen = rng.sample(pool, min(len(pool), rng.randint(4, 9)))
        text = "\n\n".join(chosen)
        words += len(text.split())
        name = f"doc{number:05}.txt"
        (folder / name).write_text(text, "utf-8")
        sidecar.append({"file": name, "language": language, "published": "2022-06",
                        **({"kind": kind} if kind else {})})
    (folder / "metadata.jsonl").write_text(
        "\n".join(json.dumps(row) for row in sidecar) + "\n", "utf-8")
    return words


def run_in_temp_folder(prefix: str, keep: bool, kept: str, run: Callable[[Path], None]
                       ) -> None:
    """Run a benchmark in a fresh temporary folder, removed afterwards unless `keep`;
    print the whole run's time."""
    began = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        run(folder)
    finally:
        if keep:
            print(f"kept: {folder} ({kept})")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"whole run: {time.perf_counter() - began:.0f} s")
