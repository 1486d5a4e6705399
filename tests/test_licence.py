"""Evaluation-only text stays out of the project: no file we ship shares a run of eight words
with a sentence of a gold set we may only evaluate on (plover-gsr is CC BY-SA; PTC, FNC-1,
SemEval-2016, CoNLL, TempEval and the Media Cloud pages are licensed for research use). We read
them to measure and, for plover-gsr, to study its dev half; we never copy them."""

from __future__ import annotations

import csv
import gzip
import json
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = SHARED / "benchmarks"
RUN = 8  # words: shorter runs are common phrases ("the United States and")
TEXT_SUFFIXES = {".py", ".md", ".yaml", ".toml", ".txt", ".json", ".jsonl", ".tsv", ".html"}
SHIPPED = ("src", "tests", "benchmarks", "docs", "scripts", "README.md")
TAG = re.compile(r"<[^>]*>")
# Not anyone's prose, so their runs don't count: official names and titles (facts), stock news
# phrases that independent articles share (the MIT-licensed page of the third fresh event set and
# an FNC-1 article both say "in the fight against the Islamic State group"), and the stock
# strings of web software that many pages carry (the bundled examples keep them as the page
# chrome cleaning must remove).
NOT_PROSE = (
    "Prefect of the Congregation for the Doctrine of the Faith",
    "in the fight against the Islamic State group",
    "Your email address will not be published. Required fields are marked",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Click to share on Twitter (Opens in new window) Click to share on Facebook (Opens in new "
    "window) Click to share on WhatsApp (Opens in new window) Click to email a link to a friend",
    "Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle "
    "publicidad relacionada con sus preferencias. Si continúa navegando, consideramos que "
    "acepta su uso.",
)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:'[^\W_]+)*", text.lower())


def _runs(words: list[str]) -> set[str]:
    return {" ".join(words[k:k + RUN]) for k in range(len(words) - RUN + 1)}


def _shipped_lines() -> Iterator[tuple[str, str]]:
    """(file:line, text) of every text line we ship."""
    for top in SHIPPED:
        paths = [ROOT / top] if (ROOT / top).is_file() else sorted((ROOT / top).rglob("*"))
        for path in paths:
            if path.suffix not in TEXT_SUFFIXES or not path.is_file():
                continue
            for number, line in enumerate(path.read_text("utf-8", "replace").splitlines(), 1):
                yield f"{path.relative_to(ROOT)}:{number}", line


@lru_cache(maxsize=1)
def _shipped_runs() -> frozenset[int]:
    """Hashes of every eight-word run in what we ship (hashes keep ~500k runs small)."""
    return frozenset(hash(run) for _, line in _shipped_lines() for run in _runs(_words(line)))


def _plover_gsr(folder: Path) -> Iterator[str]:
    for record in json.loads((folder / "PLOVER_GSR_CAMEO.json").read_text("utf-8")):
        yield record.get("text") or ""


def _ptc(folder: Path) -> Iterator[str]:
    for path in sorted((folder / "articles").glob("*.txt")):
        yield from path.read_text("utf-8", "replace").splitlines()


def _fnc1(folder: Path) -> Iterator[str]:
    with open(folder / "competition_test_bodies.csv", encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            yield from row["articleBody"].splitlines()
    with open(folder / "competition_test_stances.csv", encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            yield row["Headline"]


def _semeval(folder: Path) -> Iterator[str]:
    for path in sorted(folder.glob("testdata-task*-all-annotations.txt")):
        for line in path.read_text("utf-8", "replace").splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) > 2:
                yield fields[2]


def _conll(folder: Path) -> Iterator[str]:
    """Sentences rebuilt from one token per line (first column), blank lines between."""
    for path in sorted(p for p in folder.iterdir() if p.name not in ("SOURCE.md",)
                       and not p.name.startswith("README")):
        tokens: list[str] = []
        for line in path.read_text("utf-8", "replace").splitlines() + [""]:
            if line.strip() and not line.startswith("-DOCSTART-"):
                tokens.append(line.split()[0])
            elif tokens:
                yield " ".join(tokens)
                tokens = []


def _tempeval(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*.tml")):
        yield from TAG.sub(" ", path.read_text("utf-8", "replace")).splitlines()


def _mediacloud(folder: Path) -> Iterator[str]:
    """The visible text of each page (scripts, styles and markup are not prose)."""
    import lxml.html

    for path in sorted((folder / "html").glob("*.html.gz")):
        with gzip.open(path, "rb") as f:
            root = lxml.html.fromstring(f.read())
        for hidden in root.xpath("//script|//style|//noscript"):
            hidden.drop_tree()
        yield from (text for text in root.itertext())


SOURCES: dict[str, Callable[[Path], Iterator[str]]] = {
    "plover-gsr": _plover_gsr,
    "propaganda-ptc-semeval2020": _ptc,
    "stance-fnc1": _fnc1,
    "stance-semeval2016-task6": _semeval,
    "ner-en-conll2003": _conll,
    "ner-es-conll2002": _conll,
    "timex-tempeval3": _tempeval,
    "pubdate-htmldate-mediacloud": _mediacloud,
}


@pytest.mark.parametrize("name", SOURCES)
def test_no_shipped_file_copies_evaluation_only_text(name: str) -> None:
    folder = BENCHMARKS / name
    if not folder.is_dir():
        pytest.skip(f"{name} not found at {folder} (../shared is absent)")
    theirs = {run for text in SOURCES[name](folder) for run in _runs(_words(text))}
    assert len(theirs) > 1000, f"read too little of {name}: has its layout changed?"
    shipped = _shipped_runs()
    stock = set().union(*(_runs(_words(phrase)) for phrase in NOT_PROSE))
    copied = {run for run in theirs if hash(run) in shipped} - stock
    lines = [where for where, line in _shipped_lines() if _runs(_words(line)) & copied]
    assert not lines, f"lines sharing {RUN} words with {name}: {lines}"
