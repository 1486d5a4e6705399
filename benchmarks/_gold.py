"""The documents our stance and frames gold sets refer to, ingested once into a store.

Gold rows name documents as `seed-<file>` (../shared/corpus/seeds), `ex-<file>[-<item>]`
(the bundled examples) and `gold-<file>` (benchmarks/gold/actors/texts). Seed rows carry
offsets and a hash of the span instead of the seed's own words.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from marea.pipeline import ingest
from marea.settings import Settings
from marea.store import Store

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "corpus" / "seeds"
EXAMPLES = Path(str(resources.files("marea").joinpath("examples")))
GOLD_TEXTS = HERE / "gold" / "actors" / "texts"


def doc_name(source: str, locator: str) -> str:
    """The gold name of a stored document."""
    base = os.path.basename(source).rsplit(".", 1)[0]
    prefix = "seed" if source.startswith(str(SEEDS)) else (
        "gold" if source.startswith(str(GOLD_TEXTS)) else "ex")
    name = f"{prefix}-{base}"
    return f"{name}-{locator.replace('/', '_')[:20]}" if locator else name


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def gold_corpus(db: Path, settings: Settings) -> tuple[Store, dict[str, tuple[str, str]]]:
    """Ingest the gold documents; return the store and name -> (doc_id, clean text)."""
    paths = [str(EXAMPLES / d) for d in ("html", "text", "feeds")] + [str(GOLD_TEXTS)]
    if SEEDS.is_dir():
        paths.append(str(SEEDS))
    store = Store(db)
    ingest(paths, store, settings.with_(db=str(db)))
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
