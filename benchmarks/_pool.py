"""The sentence pool of the retrieval benchmark: bundled examples, seeds and ../shared texts."""

from __future__ import annotations

import csv
import gzip
import json
import re
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import trafilatura

SHARED = Path(__file__).resolve().parents[2] / "shared"
SPLIT = re.compile(r"(?<=[.!?»”\"])\s+(?=[A-ZÁÉÍÓÚÑ¿¡“«\"])")
FNC_BODIES = 200  # FNC-1 article bodies taken (of 904), enough to make English retrieval hard


def sentences(text: str) -> list[str]:
    """Split on line breaks and sentence ends; keep sentences of six words or more."""
    out = []
    for line in text.splitlines():
        for part in SPLIT.split(line.strip()):
            sentence = " ".join(part.split())
            if len(sentence.split()) >= 6:
                out.append(sentence)
    return out


def build_pool() -> tuple[dict[str, list[str]], list[str]]:
    """Return {language: unique sentences} and notes on which sources were absent."""
    texts: dict[str, list[str]] = {"en": [], "es": []}
    notes = []
    examples = Path(str(resources.files("marea").joinpath("examples")))
    for path in sorted((examples / "text").glob("*.txt")):
        texts[path.name[:2]].append(path.read_text("utf-8"))
    for path in sorted((examples / "html").glob("*.html")):
        if path.name[:2] in texts:
            texts[path.name[:2]].append(trafilatura.extract(path.read_text("utf-8")) or "")
    seeds = SHARED / "corpus" / "seeds"
    if seeds.is_dir():
        for row in (json.loads(line) for line in (seeds / "metadata.jsonl").open()):
            if row.get("language") in texts:
                texts[row["language"]].append((seeds / row["file"]).read_text("utf-8"))
    else:
        notes.append(f"seeds skipped: {seeds} is absent")
    bench = SHARED / "benchmarks"
    evaldata = bench / "trafilatura-eval" / "evaldata.subset.json"
    if evaldata.is_file():
        for page in json.loads(evaldata.read_text("utf-8")).values():
            if page.get("lang_guess") in texts:
                html = gzip.decompress((bench / "trafilatura-eval" / "html" /
                                        (page["file"] + ".gz")).read_bytes())
                texts[page["lang_guess"]].append(trafilatura.extract(html) or "")
    else:
        notes.append(f"trafilatura-eval pages skipped: {evaldata} is absent")
    bodies = bench / "stance-fnc1" / "competition_test_bodies.csv"
    if bodies.is_file():
        with bodies.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))[:FNC_BODIES]
        texts["en"] += [row["articleBody"] for row in rows]
    else:
        notes.append(f"FNC-1 bodies skipped: {bodies} is absent")
    petrarch = bench / "universalpetrarch-validation"
    for name in ("spanish_protest_plover_validation.xml",
                 "spanish_fight_reduced_181227v2_validation.xml"):
        if (petrarch / name).is_file():
            root = ET.parse(petrarch / name).getroot()
            texts["es"] += [(node.text or "") for node in root.iter("Text")]
        else:
            notes.append(f"{name} skipped: absent")
    pool = {lang: list(dict.fromkeys(s for text in group for s in sentences(text)))
            for lang, group in texts.items()}
    return pool, notes
