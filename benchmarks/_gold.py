"""The documents our stance and frames gold sets refer to, ingested once into a store.

Gold rows name documents as `seed-<file>` (../shared/corpus/seeds), `ex-<file>[-<item>]`
(the bundled examples), `gold-<file>` (benchmarks/gold/actors/texts) and, from the shared
evaluation sets (research-only text that must not be copied here), `fnc-<body id>` (FNC-1
article bodies), `ptc-<article id>` (PTC news articles), `traf-<page>` (trafilatura-eval
pages) and `aeb-<hash prefix>` (article-extraction-benchmark pages). Rows on seeds and shared
sets carry offsets and a hash of the span instead of words.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from marea.pipeline import Executor, ingest
from marea.settings import Settings
from marea.store import Store

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "corpus" / "seeds"
EXAMPLES = Path(str(resources.files("marea").joinpath("examples")))
GOLD_TEXTS = HERE / "gold" / "actors" / "texts"
SHARED = HERE.parents[1] / "shared" / "benchmarks"
SHARED_FOLDER = "shared-gold-documents"  # where stage_shared puts them, inside a temp folder


def doc_name(source: str, locator: str) -> str:
    """The gold name of a stored document."""
    base = os.path.basename(source).removesuffix(".gz").rsplit(".", 1)[0]
    if f"/{SHARED_FOLDER}/" in source:
        return base
    prefix = "seed" if source.startswith(str(SEEDS)) else (
        "gold" if source.startswith(str(GOLD_TEXTS)) else "ex")
    name = f"{prefix}-{base}"
    return f"{name}-{locator.replace('/', '_')[:20]}" if locator else name


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def stage_shared(names: Iterable[str], folder: Path, kinds: dict[str, str] | None = None
                 ) -> Path | None:
    """Copy the named shared-set documents into `folder` as files marea ingests (None when
    ../shared is absent). FNC-1 bodies become text files; pages and articles are linked.
    `kinds` declares a document's kind (news, opinion) in the folder's metadata sidecar, as a
    source would."""
    if not SHARED.is_dir():
        return None
    target = folder / SHARED_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    wanted = set(names)
    sidecar: list[dict[str, str]] = []
    bodies_csv = SHARED / "stance-fnc1" / "competition_test_bodies.csv"
    if any(n.startswith("fnc-") for n in wanted) and bodies_csv.is_file():
        with bodies_csv.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = f"fnc-{row['Body ID']}"
                if name in wanted:
                    (target / f"{name}.txt").write_text(row["articleBody"], "utf-8")
    for name in wanted:
        if name.startswith("ptc-"):
            source = SHARED / "propaganda-ptc-semeval2020" / "articles" / f"article{name[4:]}.txt"
            suffix = ".txt"
        elif name.startswith("traf-"):
            source = SHARED / "trafilatura-eval" / "html" / f"{name[5:]}.html.gz"
            suffix = ".html.gz"
        elif name.startswith("aeb-"):
            pages = sorted((SHARED / "article-extraction-benchmark" / "html").glob(
                f"{name[4:]}*.html.gz"))
            if len(pages) != 1:
                continue
            source, suffix = pages[0], ".html.gz"
        else:
            continue
        if source.is_file():
            (target / f"{name}{suffix}").symlink_to(source)
            if kinds and name in kinds:
                sidecar.append({"file": f"{name}{suffix}", "kind": kinds[name]})
    if sidecar:
        (target / "metadata.jsonl").write_text(
            "".join(json.dumps(row) + "\n" for row in sidecar), "utf-8")
    return target


def gold_corpus(db: Path, settings: Settings, shared: Iterable[str] = (),
                kinds: dict[str, str] | None = None, executor: Executor | None = None
                ) -> tuple[Store, dict[str, tuple[str, str]]]:
    """Ingest the gold documents (and the named shared-set ones, staged next to `db`, with
    the kinds given) with `executor`; return the store and name -> (doc_id, clean text)."""
    paths = [str(EXAMPLES / d) for d in ("html", "text", "feeds")] + [str(GOLD_TEXTS)]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    staged = stage_shared(shared, db.parent, kinds)
    if staged is not None:
        paths.append(str(staged))
    store = Store(db)
    ingest(paths, store, settings.with_(db=str(db)), executor)
    docs = {doc_name(source, locator): (doc_id, text) for doc_id, source, locator, text in
            store.query("SELECT doc_id, source, locator, text FROM documents "
                        "WHERE duplicate_of IS NULL")}
    return store, docs


def covered(rows: list[dict], docs: dict[str, tuple[str, str]],
            span: Callable[[dict, str], str] | None = None) -> list[dict]:
    """Keep the gold rows whose document is present; check seed rows' hashes still match."""
    kept = []
    for row in rows:
        if row["doc"] not in docs:
            continue
        if span and row.get("check"):
            text = span(row, docs[row["doc"]][1])
            if hashlib.sha1(text.encode()).hexdigest()[:10] != row["check"]:
                raise SystemExit(f"gold row no longer matches its seed text: {row}")
        kept.append(row)
    return kept
