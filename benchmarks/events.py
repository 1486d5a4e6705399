"""Event extraction scores: marea's own gold set and PETRARCH2's validation records.

    python benchmarks/events.py [--json] [--errors]

1. Gold set (benchmarks/gold/events, 20 texts): precision and recall of event triggers with
   their type, then of the whole (type, source, target) triple, and modality and date
   accuracy on the matched events; the most frequent error classes.
2. PETRARCH2 validation records (../shared/benchmarks/petrarch2-validation), when present:
   the share of their expected (source, target, CAMEO root) codings marea reproduces,
   beside the number of sentences. The records describe fictional states (Arnor, Gondor...),
   so the validation actor dictionary is turned into a marea knowledge-base file first.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actors import expected_id  # noqa: E402

from marea.actors.kb import fold, load_kb  # noqa: E402
from marea.pipeline import ingest  # noqa: E402
from marea.settings import load_settings  # noqa: E402
from marea.store import Store  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
PETRARCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "petrarch2-validation"


def _names() -> dict[str, str]:
    kb = load_kb()
    names = {fold(a.name): a.id for a in kb.actors.values()}
    names.update({fold(alias): a.id for a in kb.actors.values() for alias in a.aliases
                  if len(alias.split()) > 1})
    return names


def _actor(value: str | None, names: dict[str, str]) -> str | None:
    if not value:
        return None
    if value.startswith("unknown:"):
        return expected_id(value, "unknown", {}, names)
    if re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})?", value):
        return value
    return expected_id(value, "person", {}, names)


def score_gold(show_errors: bool) -> dict[str, float]:
    """Ingest the gold texts and compare marea's events with the annotated ones."""
    gold = [json.loads(line) for line in
            (GOLD / "events" / "events.jsonl").read_text("utf-8").splitlines() if line.strip()]
    names = _names()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings().with_(db=str(Path(tmp) / "gold.duckdb"))
        with Store(settings.db) as store:
            ingest([str(GOLD / "actors" / "texts")], store, settings)
            rows = store.query(
                "SELECT regexp_extract(d.source, '[^/]+$'), e.start_char, e.end_char, e.type, "
                "e.source_id, e.target_id, e.modality, e.date, e.trigger FROM events e "
                "JOIN documents d USING (doc_id)")
    predicted: dict[tuple[str, int], list[tuple[object, ...]]] = defaultdict(list)
    for file, start, _end, kind, source, target, modality, day, _trigger in rows:
        predicted[(file, start)].append((kind, source, target, modality, day))
    trigger_hits = triple_hits = modality_hits = date_hits = 0
    errors: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for g in gold:
        found = predicted.get((g["file"], g["trigger_start"]), [])
        want = (_actor(g["source"], names), _actor(g["target"], names))
        typed = [p for p in found if p[0] == g["type"]]
        if not typed:
            kind = "missed trigger" if not found else "wrong type"
            errors[f"{kind} ({g['type']})"] += 1
            examples[kind].append(f"{g['file']} {g['trigger']!r} {g['type']}"
                                  + (f" got {found[0][0]}" if found else ""))
            continue
        trigger_hits += 1
        exact = [p for p in typed if (p[1], p[2]) == want]
        if exact:
            triple_hits += 1
            modality_hits += exact[0][3] == g["modality"]
            date_hits += str(exact[0][4] or "") == str(g["date"] or "")
        else:
            side = "source" if all(p[1] != want[0] for p in typed) else "target"
            errors[f"wrong {side}"] += 1
            examples[f"wrong {side}"].append(
                f"{g['file']} {g['trigger']!r}: want {want}, got {[(p[1], p[2]) for p in typed]}")
    predicted_count = len(rows)
    scores = {
        "trigger_precision": trigger_hits / max(1, predicted_count),
        "trigger_recall": trigger_hits / len(gold),
        "triple_precision": triple_hits / max(1, predicted_count),
        "triple_recall": triple_hits / len(gold),
        "modality_accuracy": modality_hits / max(1, triple_hits),
        "date_accuracy": date_hits / max(1, triple_hits),
    }
    print(f"gold set: {len(gold)} events in {len({g['file'] for g in gold})} texts; "
          f"marea found {predicted_count}")
    for key, value in scores.items():
        print(f"  {key:18} {value:.3f}")
    print("  error classes: " + ", ".join(f"{k} {v}" for k, v in errors.most_common(12)))
    if show_errors:
        for kind, lines in examples.items():
            print(f"  -- {kind}")
            for line in lines[:15]:
                print(f"     {line}")
    return scores


def _petrarch_kb(folder: Path) -> Path:
    """Turn PETRARCH's validation actor dictionary into a marea knowledge-base YAML file."""
    entries: dict[str, dict[str, object]] = {}
    current: dict[str, object] | None = None
    text = (PETRARCH / "validation_dictionaries" / "PETR.Validate.actors.txt").read_text(
        "utf-8", errors="replace")
    for raw in text.splitlines():
        line = raw.split("#")[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--") or line.startswith("-->"):
            continue
        code = re.search(r"\[~?([A-Za-z]{3,})", line)
        name = re.sub(r"\[.*", "", line).strip().lstrip("+").replace("_", " ").strip()
        if line.startswith("+") and current is not None:
            current["aliases"].append(name.title())  # type: ignore[attr-defined]
            continue
        if raw[:1] in (" ", "\t") and current is not None and code:
            current.setdefault("cameo", code.group(1).upper())
            continue
        if name:
            current = {"name": name.title(), "aliases": []}
            if code:
                current["cameo"] = code.group(1).upper()
            entries[name] = current
    countries, orgs = [], []
    for entry in entries.values():
        cameo = str(entry.get("cameo") or "")
        if not cameo:
            continue
        record = {"id": f"petr-{fold(str(entry['name'])).replace(' ', '-')}",
                  "name": entry["name"], "cameo": cameo}
        if len(cameo) == 3:
            countries.append({**record, "id": cameo, "names": {"en": entry["aliases"]}})
        else:
            orgs.append({**record, "acronyms": {}, "names": {"en": entry["aliases"]},
                         "kind": "agency"})
    path = folder / "petrarch-kb.yaml"
    unique = {c["id"]: c for c in countries}
    path.write_text(yaml.safe_dump({"countries": list(unique.values()), "organisations": orgs},
                                   allow_unicode=True), "utf-8")
    return path


def score_petrarch() -> dict[str, float] | None:
    """Share of PETRARCH2's expected codings that marea reproduces."""
    records = PETRARCH / "PETR.UnitTest.records.xml"
    if not records.is_file():
        print(f"PETRARCH2 validation skipped: {records} is absent (../shared not found)")
        return None
    root = ET.parse(records).getroot()
    with tempfile.TemporaryDirectory() as tmp:
        lines, expected = [], {}
        for number, sentence in enumerate(root.iter("Sentence")):
            text = " ".join((sentence.findtext("Text") or "").split())
            day = sentence.get("date", "")
            codings = [(c.get("sourcecode"), c.get("targetcode"), (c.get("eventcode") or "")[:2])
                       for c in sentence.iter("EventCoding") if c.get("eventcode")]
            expected[f"line:{number + 1}"] = codings
            lines.append(json.dumps({"text": text, "id": sentence.get("id"), "language": "en",
                                     "published": f"{day[:4]}-{day[4:6]}-{day[6:8]}"}))
        (Path(tmp) / "petrarch.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
        kb = _petrarch_kb(Path(tmp))
        settings = load_settings().with_(db=str(Path(tmp) / "p.duckdb"), kb_files=(str(kb),))
        with Store(settings.db) as store:
            ingest([str(Path(tmp) / "petrarch.jsonl")], store, settings)
            rows = store.query(
                "SELECT d.locator, coalesce(e.source_role, sa.cameo), "
                "coalesce(e.target_role, ta.cameo), left(e.cameo, 2) FROM events e "
                "JOIN documents d USING (doc_id) LEFT JOIN actors sa ON sa.actor_id = e.source_id "
                "LEFT JOIN actors ta ON ta.actor_id = e.target_id")
    found: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for locator, source, target, root_code in rows:
        found[locator].add((source or "", target or "", root_code))
    total = exact = countries = 0
    for locator, codings in expected.items():
        for source, target, root_code in codings:
            total += 1
            got = found.get(locator, set())
            exact += (source, target, root_code) in got
            countries += any(s[:3] == (source or "")[:3] and t[:3] == (target or "")[:3]
                             and r == root_code for s, t, r in got)
    print(f"PETRARCH2 validation: {len(expected)} sentences, {total} expected codings; "
          f"reproduced exactly {exact} ({exact / max(1, total):.1%}), "
          f"at country level {countries} ({countries / max(1, total):.1%})")
    return {"petrarch_exact": exact / max(1, total), "petrarch_country": countries / max(1, total)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the gold-set scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list examples of each error")
    args = parser.parse_args()
    scores = score_gold(args.errors and not args.json)
    if args.json:
        print(json.dumps(scores))
        return
    score_petrarch()


if __name__ == "__main__":
    main()
