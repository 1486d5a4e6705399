"""Build a benchmark corpus: distinct real articles (`write_news_corpus`), or the seeds and
bundled examples recombined into N distinct texts (`write_corpus`)."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from marea.ingest.clean import clean
from marea.ingest.sources import read_inputs
from marea.model import Document
from marea.nlp.language import detect
from marea.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
# Real article pages under shippable licences: trafilatura-eval (Apache-2.0), mostly
# Latin-American news in Spanish plus English, and article-extraction-benchmark (MIT).
PAGES = tuple(SHARED / "benchmarks" / name / "html"
              for name in ("trafilatura-eval", "article-extraction-benchmark"))
NEWS_LANGUAGES = ("en", "es", "pt")  # the languages of the press marea follows
MIN_WORDS = 80  # shorter clean text is an extraction stub, not an article
KEPT_METADATA = ("title", "author", "published", "site", "url", "kind")


def base_documents(settings: Settings) -> list[Document]:
    """Return the cleaned seeds (when ../shared is present) and bundled examples."""
    root = Path(str(resources.files("marea").joinpath("examples")))
    paths = [str(root / name) for name in ("html", "text", "feeds")]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    docs = [d for d in read_inputs(paths, settings) if isinstance(d, Document)]
    return clean(docs, settings)


def news_documents(settings: Settings) -> list[Document]:
    """Return distinct real articles in NEWS_LANGUAGES, cleaned by marea's reader as ingest
    cleans them: the PAGES (when ../shared is present), the seeds and the bundled examples.
    Each carries its language (declared, else detected) in its metadata."""
    pages = [d for d in read_inputs([str(p) for p in PAGES if p.is_dir()], settings)
             if isinstance(d, Document)]
    distinct: dict[str, Document] = {}
    for doc in base_documents(settings) + clean(pages, settings):
        language = str(doc.metadata.get("language") or detect(doc.text, settings)[0])
        if language in NEWS_LANGUAGES and len(doc.text.split()) >= MIN_WORDS:
            doc.metadata["language"] = language
            distinct.setdefault(doc.doc_id, doc)
    return list(distinct.values())


def write_news_corpus(folder: Path, size: int, settings: Settings, seed: int = 7,
                      kind: str | None = None) -> tuple[int, str]:
    """Write `size` real articles to folder/articles.jsonl; return words and what was written.

    Sentences repeat across them about as much as in real news, so an encoder that reuses
    the vector of a sentence met again is measured on what it meets in use. When `size` is
    more than the distinct articles, they are cycled: a copy ends with a line naming its
    copy number, so it is a new document (stored, linked as a near-duplicate) whose other
    sentences all repeat. Without ../shared this falls back to `write_corpus` and says so.
    `kind`, when given, is declared for every article (else a page's own kind is kept).
    """
    docs = news_documents(settings) if any(p.is_dir() for p in PAGES) else []
    if not docs:
        words = write_corpus(folder, size, settings, seed, kind)
        return words, (f"WARNING: no article pages under {SHARED / 'benchmarks'}: the "
                       "synthetic corpus (seeds and examples recombined) instead, which repeats "
                       "far more sentences than real news")
    random.Random(seed).shuffle(docs)
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    with (folder / "articles.jsonl").open("w", encoding="utf-8") as out:
        for number in range(size):
            doc = docs[number % len(docs)]
            copy = number // len(docs)
            text = doc.text + (f"\n\n({copy + 1})" if copy else "")
            words += len(text.split())
            meta = {key: doc.metadata[key] for key in KEPT_METADATA if doc.metadata.get(key)}
            out.write(json.dumps({"text": text, **meta, "language": doc.metadata["language"],
                                  **({"kind": kind} if kind else {})}) + "\n")
    languages = Counter(str(d.metadata["language"]) for d in docs)
    note = (f"corpus: {min(size, len(docs))} distinct real articles of {len(docs)} ("
            + ", ".join(f"{n} {lang}" for lang, n in sorted(languages.items())) + ")")
    if size > len(docs):
        note += (f"; {size} asked for, so they are cycled ({-(-size // len(docs))} passes; "
                 "each copy a near-duplicate whose sentences repeat)")
    return words, note


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
