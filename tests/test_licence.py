"""Evaluation-only text stays out of the project: no file we ship shares a run of eight words
with a plover-gsr sentence (CC BY-SA; we evaluate on it and read its dev half, never copy it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
GSR = SHARED / "benchmarks" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
RUN = 8  # words: shorter runs are common phrases ("the United States and")
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".toml", ".txt", ".json", ".jsonl", ".tsv", ".html"}
SHIPPED = ("src", "tests", "benchmarks", "docs", "scripts", "README.md")


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _runs(words: list[str]) -> set[str]:
    return {" ".join(words[k:k + RUN]) for k in range(len(words) - RUN + 1)}


def test_no_file_copies_plover_gsr_wording() -> None:
    if not GSR.is_file():
        pytest.skip(f"plover-gsr not found at {GSR} (../shared is absent)")
    records = json.loads(GSR.read_text("utf-8"))
    gsr = set().union(*(_runs(_words(r.get("text") or "")) for r in records))
    copied = []
    for top in SHIPPED:
        paths = [ROOT / top] if (ROOT / top).is_file() else sorted((ROOT / top).rglob("*"))
        for path in paths:
            if path.suffix not in TEXT_SUFFIXES or not path.is_file():
                continue
            for number, line in enumerate(path.read_text("utf-8", "replace").splitlines(), 1):
                if _runs(_words(line)) & gsr:
                    copied.append(f"{path.relative_to(ROOT)}:{number}")
    assert not copied, f"lines sharing {RUN} words with a plover-gsr sentence: {copied}"
