"""Event extraction scores: marea's own gold set and PETRARCH2's validation records.

    python benchmarks/events.py [--json] [--errors] [--limit N] [--gold-only] [--language es]
                                [--fresh] [--misses]
                                [--only plover-gsr,es-1018] [--why] [--sentences] [--classes]

1. Gold set (benchmarks/gold/events, 24 texts): precision and recall of event triggers with
   their type, then of the whole (type, source, target) triple, and modality and date
   accuracy on the matched events (--language es: only the Spanish texts); the same by half
   (dev = even-numbered texts, held-out =
   odd: lexicon entries are added from dev misses only, which --errors lists), with
   (sentence, type) pairs in marea's sentences; the most frequent error classes.
   --fresh scores the three fresh sets instead (gold/events/fresh.jsonl: six pages, fresh2.jsonl
   and fresh3.jsonl: eight more each, each annotated blind, actors written as marea ids, halves by
   the SHA-1 order of the file names), one after the other, and nothing else.
2. PETRARCH2 validation records (../shared/benchmarks/petrarch2-validation), when present:
   the share of their expected (source, target, CAMEO root) codings marea reproduces,
   beside the number of sentences. The records describe fictional states (Arnor, Gondor...),
   so the validation actor dictionary is turned into a marea knowledge-base file first.
3. External gold sets (../shared/benchmarks), when present: plover-gsr (English) and the three
   Spanish UniversalPetrarch sets, one sentence per document through the real pipeline
   (sentence encoder off; the events fallback loads its own). Per set, split by record number
   into dev (even) and held-out (odd): (sentence, type) P/R/F1, the share of sentences with
   any event, target-country agreement where the gold names one (an event with no named
   target counts its implied one, the place or its doer's own state, as the gold codes
   domestic acts; our gold set's triples use the named target only), false alarms on sentences
   with no gold event, how many events the learned fallback gave (clf) and how many of those
   are of a type the gold gives the sentence (right). STATEMENT is left
   out of both sides (the sets code statements only rarely, the 1018 set as CAMEO 010, and
   marea's are not scored), and so are events marea reports as demanded,
   threatened, hypothetical, future or negated: these schemes code only the act that took
   place ("threatened to ban" is THREATEN, not a ban). plover-gsr codes one event per sentence,
   so only marea's main events (events/main_event.py) are scored on it; a sentence it holds
   twice is scored once with both copies' codings, and its CAMEO codes JAP, ITL and VTN are
   read as ISO's JPN, ITA and VNM. Tune on dev only;
   --misses logs the dev halves' misses grouped by the annotated trigger's lemma and by cause,
   --why classifies their target-country misses, --sentences prints the dev sentences marea
   gets wrong with all its events, --classes counts each half's error classes (no sentence
   text, so held-out shares can be set beside dev ones). The Spanish protest set's MOBILIZE
   codings of civilians are scored as PROTEST (see CIVIL_MOBILIZE_SETS); a CAMEO code is
   read as the type of its exact mode, else of a mode that extends it (084 is RETREAT's 0841
   release), else of its two-digit root. Where the Spanish sets' codings depart from the PLOVER
   codebook (police dispersing protests as MOBILIZE, hunger strikes as THREATEN, sabotage as
   protest), marea follows the codebook and the departures count as errors; announced protests,
   on which the sets disagree, are decided in events/data/README.md ("Decisions"). --only picks
   sets by name ("es-1018,es-fight").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from actors import expected_id  # noqa: E402

from marea.actors.kb import fold, load_kb  # noqa: E402
from marea.events.lexicon import ontology  # noqa: E402
from marea.pipeline import ingest  # noqa: E402
from marea.settings import Settings, load_settings  # noqa: E402
from marea.store import Store  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold"
PETRARCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "petrarch2-validation"


def _settings(db: Path) -> Settings:
    """The default settings on a scratch store, sentence encoder off (events do not use it)."""
    settings = load_settings()
    return settings.with_(db=str(db), models={**settings.models, "encoder": "none"})


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


def _half(file: str) -> str:
    """The gold set's tuning half: even-numbered texts (en-02, es-04...) are dev, odd held-out."""
    return "dev" if int(re.sub(r"\D", "", file) or 0) % 2 == 0 else "held-out"


def _sha1_halves(texts: Path) -> Callable[[str], str]:
    """A fresh set's halves: its file names in the order of their SHA-1 digests, alternately
    dev and held-out from the first (gold README, "Fresh set" and the later fresh sets)."""
    def half(file: str) -> str:
        names = sorted((p.name for p in texts.glob("*.txt")),
                       key=lambda name: hashlib.sha1(name.encode("utf-8")).hexdigest())
        return "dev" if names.index(file) % 2 == 0 else "held-out"

    return half


@dataclass(frozen=True)
class GoldSet:
    """An event gold set: its rows, the folder of its texts, its dev/held-out split, and
    whether its actors are written as marea ids (else as the actor set's canonical names)."""
    name: str
    rows: Path
    texts: Path
    half: Callable[[str], str]
    ids: bool = False


MAIN = GoldSet("gold set", GOLD / "events" / "events.jsonl", GOLD / "actors" / "texts", _half)
FRESH = GoldSet("fresh set", GOLD / "events" / "fresh.jsonl", GOLD / "events" / "fresh",
                _sha1_halves(GOLD / "events" / "fresh"), ids=True)
FRESH2 = GoldSet("second fresh set", GOLD / "events" / "fresh2.jsonl", GOLD / "events" / "fresh2",
                 _sha1_halves(GOLD / "events" / "fresh2"), ids=True)
FRESH3 = GoldSet("third fresh set", GOLD / "events" / "fresh3.jsonl", GOLD / "events" / "fresh3",
                 _sha1_halves(GOLD / "events" / "fresh3"), ids=True)
FRESH_SETS = (FRESH, FRESH2, FRESH3)


def score_gold(show_errors: bool, language: str | None = None, gold_set: GoldSet = MAIN
               ) -> dict[str, float]:
    """Ingest the gold texts and compare marea's events with the annotated ones (only the
    texts in `language`, named by their file's prefix, when given)."""
    def kept(file: str) -> bool:
        return language is None or file.startswith(f"{language}-")

    half_of = gold_set.half
    gold = [g for line in gold_set.rows.read_text("utf-8").splitlines()
            if line.strip() and kept((g := json.loads(line))["file"])]
    names = _names()
    with tempfile.TemporaryDirectory() as tmp:
        settings = _settings(Path(tmp) / "gold.duckdb")
        with Store(settings.db) as store:
            ingest([str(gold_set.texts)], store, settings)
            # every report of an event counts (a headline and its lead are one event with
            # two reports), each with its own span and date
            reports = [row for row in store.query(
                "SELECT regexp_extract(d.source, '[^/]+$'), m.start_char, m.end_char, e.type, "
                "e.source_id, e.target_id, e.modality, m.date, m.trigger, e.method, m.sentence "
                "FROM events e JOIN event_mentions m ON m.doc_id = e.doc_id AND m.event = e.idx "
                "JOIN documents d ON d.doc_id = e.doc_id") if kept(row[0])]
            rows = [row[:10] for row in reports]
            named: dict[str, list[int]] = defaultdict(list)  # file -> starts of linked mentions
            for file, start in store.query(
                    "SELECT regexp_extract(d.source, '[^/]+$'), m.start_char FROM mentions m "
                    "JOIN documents d USING (doc_id) WHERE m.actor_id IS NOT NULL"):
                named[file].append(start)
            spans: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # file -> sentences
            for file, idx, begin, end in store.query(
                    "SELECT regexp_extract(d.source, '[^/]+$'), s.idx, s.start_char, s.end_char "
                    "FROM sentences s JOIN documents d USING (doc_id)"):
                spans[file].append((idx, begin, end))
    # (sentence, type) pairs, sentences as marea splits them: a gold event counts in the
    # sentence holding its trigger
    found_pairs = {(row[0], row[10], row[3]) for row in reports}
    gold_pairs = {(g["file"], idx, g["type"]) for g in gold
                  for idx, begin, end in spans[g["file"]] if begin <= g["trigger_start"] < end}
    predicted: dict[tuple[str, int], list[tuple[object, ...]]] = defaultdict(list)
    for file, start, _end, kind, source, target, modality, day, _trigger, _method in rows:
        predicted[(file, start)].append((kind, source, target, modality, day))
    trigger_hits = triple_hits = modality_hits = date_hits = 0
    errors: Counter[str] = Counter()
    classes: Counter[tuple[str, str]] = Counter()  # (half, error class) -> count
    examples: dict[str, list[str]] = defaultdict(list)
    halves: Counter[tuple[str, str]] = Counter(  # (half, what) -> count
        (half_of(file), "predicted") for file, *_ in rows)
    wanted_triggers = {(g["file"], g["trigger_start"], g["type"]) for g in gold}
    gold_triggers = {(g["file"], g["trigger_start"]) for g in gold}
    for file, start, _end, kind, *_rest, trigger, method in rows:
        if method == "classifier":  # the learned fallback's events, and how many are right
            halves[(half_of(file), "classifier")] += 1
            halves[(half_of(file), "classifier right")] += (file, start, kind) in wanted_triggers
        if (file, start, kind) not in wanted_triggers:
            where = ("gold event of another type" if (file, start) in gold_triggers
                     else "no gold event")
            classes[(half_of(file), f"false trigger ({kind}), {where}")] += 1
            examples[f"false trigger ({kind}), {where}"].append(f"{file} {trigger!r} at {start}")
    for g in gold:
        half = half_of(g["file"])
        halves[(half, "gold")] += 1
        found = predicted.get((g["file"], g["trigger_start"]), [])
        want = ((g["source"], g["target"]) if gold_set.ids
                else (_actor(g["source"], names), _actor(g["target"], names)))
        typed = [p for p in found if p[0] == g["type"]]
        if not typed:
            kind = "missed trigger" if not found else "wrong type"
            errors[f"{kind} ({g['type']})"] += 1
            name = "wrong type" if found else "missed trigger, " + _lexicon_miss(
                g, named[g["file"]], gold_set.texts)
            classes[(half, name)] += 1
            examples[name].append(f"{g['file']} {g['trigger']!r} {g['type']}"
                                  + (f" got {found[0][0]}" if found else ""))
            continue
        trigger_hits += 1
        halves[(half, "trigger")] += 1
        exact = [p for p in typed if (p[1], p[2]) == want]
        if exact:
            triple_hits += 1
            halves[(half, "triple")] += 1
            modality_hits += exact[0][3] == g["modality"]
            dated = str(exact[0][4] or "") == str(g["date"] or "")
            date_hits += dated
            halves[(half, "date")] += dated
            if not dated:
                examples["wrong date"].append(
                    f"{g['file']} {g['trigger']!r} at {g['trigger_start']}: want {g['date']} "
                    f"({g['date_basis']}), got {exact[0][4]}")
        else:
            side = "source" if all(p[1] != want[0] for p in typed) else "target"
            errors[f"wrong {side}"] += 1
            name = _triple_fault(want, typed)
            classes[(half, name)] += 1
            examples[name].append(
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
    print(f"{gold_set.name}: {len(gold)} events in {len({g['file'] for g in gold})} texts; "
          f"marea found {predicted_count}")
    for key, value in scores.items():
        print(f"  {key:18} {value:.3f}")
    for half in ("dev", "held-out"):
        found, wanted = max(1, halves[(half, "predicted")]), max(1, halves[(half, "gold")])
        got = {p for p in found_pairs if half_of(p[0]) == half}
        want = {p for p in gold_pairs if half_of(p[0]) == half}
        print(f"  {half + ':':9} trigger P {halves[(half, 'trigger')] / found:.3f} "
              f"R {halves[(half, 'trigger')] / wanted:.3f}, triple P "
              f"{halves[(half, 'triple')] / found:.3f} R {halves[(half, 'triple')] / wanted:.3f}"
              f", (sentence, type) P {len(got & want) / max(1, len(got)):.3f} "
              f"R {len(got & want) / max(1, len(want)):.3f} ({halves[(half, 'gold')]} events); "
              f"date {halves[(half, 'date')] / max(1, halves[(half, 'triple')]):.3f} of "
              f"{halves[(half, 'triple')]} right triples; "
              f"classifier events {halves[(half, 'classifier')]}, "
              f"{halves[(half, 'classifier right')]} right")
    print("  error classes: " + ", ".join(f"{k} {v}" for k, v in errors.most_common(12)))
    _print_classes(classes, halves)
    if show_errors:
        for kind, lines in examples.items():
            print(f"  -- {kind} (dev texts only)")
            for line in [x for x in lines if half_of(x.split()[0]) == "dev"][:40]:
                print(f"     {line}")
    return scores


def _triple_fault(want: tuple[str | None, str | None],
                  typed: list[tuple[object, ...]]) -> str:
    """Why a type-right event misses the gold triple, read on the closest prediction: each
    side is missing (marea has none), wrong (another actor) or extra (gold has none)."""
    def fault(got: object, wanted: str | None) -> str | None:
        if got == wanted:
            return None
        return "missing" if got is None else "extra" if wanted is None else "wrong actor"

    best = min(typed, key=lambda p: (p[1] != want[0]) + (p[2] != want[1]))
    source, target = fault(best[1], want[0]), fault(best[2], want[1])
    if source and target:
        return f"triple: source {source} and target {target}"
    return f"triple: source {source}" if source else f"triple: target {target}"


@lru_cache(maxsize=2)
def _gold_parser(language: str) -> Any:
    from marea.nlp.models import load_pipeline

    return load_pipeline(load_settings().model_for(language), language)


def _lexicon_miss(g: dict[str, Any], named: list[int], texts: Path) -> str:
    """Why a gold trigger gave no event at all: its lemma (as spaCy gives it in its sentence)
    is not in the lexicon; or it is, as a noun or as a verb with or without a subject of its
    own ("and [met] him" has none), and maybe the sentence names no linked actor at all."""
    from marea.events.lexicon import lexicon

    language = g["file"][:2]
    text = (texts / g["file"]).read_text("utf-8")
    begin = text.find(g["sentence"])
    offset = g["trigger_start"] - begin
    actors = sum(begin <= start < begin + len(g["sentence"]) for start in named)
    entries = lexicon(language)
    for token in _gold_parser(language)(g["sentence"]):
        if token.idx <= offset < token.idx + len(token.text):
            lemma = token.lemma_.lower()
            if (entries.verb_lemma(lemma) in entries.verbs
                    or entries.clitic_verb(token.lower_) is not None):
                subject = any(c.dep_.startswith("nsubj") for c in token.children)
                kind = f"verb with{'' if subject else 'out'} its own subject"
            elif entries.noun_fixes.get(lemma, lemma) in entries.nouns:
                kind = "noun"
            else:
                break
            return f"{kind} in lexicon" + ("" if actors else ", no actor in sentence")
    return "lemma not in lexicon"


def _print_classes(classes: Counter[tuple[str, str]], halves: Counter[tuple[str, str]]) -> None:
    """Print each error class's count and share of the half's gold events (false triggers:
    of its predictions), dev beside held-out, without any held-out text."""
    print(f"  {'error class by half':52} {'dev':>10} {'held-out':>10}")
    names = sorted({name for _, name in classes},
                   key=lambda n: -classes[("held-out", n)] - classes[("dev", n)])
    for name in names:
        cells = []
        for half in ("dev", "held-out"):
            base = halves[(half, "predicted" if name.startswith("false") else "gold")]
            cells.append(f"{classes[(half, name)]:3} ({classes[(half, name)] / max(1, base):.0%})")
        print(f"    {name:50} {cells[0]:>10} {cells[1]:>10}")


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
        settings = _settings(Path(tmp) / "p.duckdb").with_(kb_files=(str(kb),))
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



# ------------------------------------------------------------------ external gold sets
SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
PLOVER_GSR = SHARED / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
UNIVERSAL = SHARED / "universalpetrarch-validation"
SPANISH_SETS = {"es-1018": "spanish_validation_1018_noaccent.xml",
                "es-protest": "spanish_protest_plover_validation.xml",
                "es-fight": "spanish_fight_reduced_181227v2_validation.xml"}
# Gold labels that are misspelt or old PLOVER names in the files.
LABEL_FIXES = {"SACTION": "SANCTION"}
# The Spanish protest set labels civilian mass action MOBILIZE (of its 182 MOBILIZE codings,
# "realizaron una manifestación", "se declararon en huelga", "CORTAN carretera" ...), which
# PLOVER 2021 and marea code PROTEST; only those done by police or armed forces stay MOBILIZE.
# This follows CAMEO: 14x is protest (141 demonstrate, 142 hunger strike, 143 strike, 144
# obstruct), 15x is a show of military or police force, and CAMEO2PLOVER maps 14x to PROTEST.
# The same project's 1018 set, coded in full CAMEO, codes every civilian MOBILIZE sentence the
# two sets share as 14x (11 of 11: "CORTAN LA CARRETERA" 144, "habían manifestado" 141).
CIVIL_MOBILIZE_SETS = {"spanish_protest_plover_validation.xml"}
ARMED = re.compile(r"polic|milit|ejército|ejercito|tropa|fuerza|brigada|guardia|reservista",
                   re.IGNORECASE)
NOT_A_COUNTRY = {"---", "IGO", "NGO", "MNC", "IMG", "UNO"}
# plover-gsr's CAMEO country codes that ISO 3166 (marea's actor ids) spells otherwise; mapped
# in the comparison only.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass
class Record:
    """One gold sentence: its text, gold (type, target country or None) pairs, its date, and
    whether the annotators coded anything (codes with no PLOVER type make no false alarm)."""

    text: str
    language: str
    published: str
    events: list[tuple[str, str | None]]
    coded: bool = True
    triggers: tuple[str, ...] = ()  # the annotated trigger words, where the set gives them
    number: int = 0  # record number in the file: even numbers are dev, odd held-out
    copies: int = 1  # how many times the file holds this sentence


def _type_of(label: str, code: str) -> str | None:
    """Map a gold PLOVER label or CAMEO code to one of marea's ontology types."""
    types = ontology()
    label = LABEL_FIXES.get(label.upper(), label.upper())
    for kind in types.values():
        if label == kind.name or label in _aliases().get(kind.name, ()):
            return kind.name
    digits = re.match(r"\d+", code or "")
    if not digits:
        return None
    number = digits.group(0)
    for kind in types.values():
        if any(cameo == number for cameo, _ in kind.modes.values()):
            return kind.name
    for kind in types.values():  # "084" return, release: RETREAT's release is 0841
        if kind.cameo != number and any(cameo.startswith(number) and len(number) == 3
                                        for cameo, _ in kind.modes.values()):
            return kind.name
    for kind in types.values():
        if kind.cameo[:2] == number[:2]:
            return kind.name
    return next((k.name for k in types.values()
                 if any(c[:2] == number[:2] for c, _ in k.modes.values())), None)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    from importlib import resources
    root = resources.files("marea").joinpath("events", "data", "ontology.yaml")
    return {str(e["type"]): tuple(e.get("aliases") or ())
            for e in yaml.safe_load(root.read_text("utf-8"))}


def _country(code: str | None) -> str | None:
    head = (code or "")[:3].upper()
    head = CAMEO_TO_ISO.get(head, head)
    return head if re.fullmatch(r"[A-Z]{3}", head) and head not in NOT_A_COUNTRY else None


def _plover_records() -> list[Record]:
    """plover-gsr's sentences in record order. A sentence the file holds twice (6 sentences,
    each copy coded with another event) is scored once, with both codings: ingested twice,
    its second copy is dropped as a duplicate document and would count as a miss. It keeps
    the number of its held-out copy when it has one (no held-out coding moves into dev)."""
    records: list[Record] = []
    by_text: dict[str, Record] = {}
    for number, item in enumerate(json.loads(PLOVER_GSR.read_text("utf-8"))[1:]):
        kind = _type_of(str(item.get("event") or ""), "")
        targets = [_country(t.get("code")) for t in item.get("target") or []
                   if isinstance(t, dict)]
        target = next((t for t in targets if t), None)
        text = " ".join(item["text"].split())
        events = [(kind, target)] if kind else []
        triggers = (f"{kind} {item.get('eventText') or ''}",) if kind else ()
        earlier = by_text.get(text)
        if earlier is None:
            by_text[text] = Record(text, "en", "2000-01-01", events, triggers=triggers,
                                   number=number)
            records.append(by_text[text])
            continue
        earlier.events += events
        earlier.triggers += triggers
        earlier.copies += 1
        if number % 2:
            earlier.number = number
    return records


def _spanish_records(file: str) -> list[Record]:
    records = []
    for number, sentence in enumerate(ET.parse(UNIVERSAL / file).getroot().iter("Sentence")):
        text = " ".join((sentence.findtext("Text") or "").split())
        text = text.split(" | ", 1)[1] if " | " in text[:60] else text  # "2000..._P1 | text"
        day = sentence.get("date", "20000101")
        found, triggers = [], []
        codings = list(sentence.iter("EventCoding"))
        words = {e.get("eid"): e.get("eventtext") or "" for e in sentence.iter("EventText")}
        doers = {e.get("eid"): e.get("sourcetext") or "" for e in sentence.iter("EventText")}
        for coding in codings:
            kind = _type_of(coding.get("plover") or "", coding.get("eventcode") or "")
            if (kind == "MOBILIZE" and file in CIVIL_MOBILIZE_SETS
                    and not ARMED.search(doers.get(coding.get("eid"), ""))):
                kind = "PROTEST"
            if kind and kind != "STATEMENT":  # left out of both sides (the 1018 set's 010)
                found.append((kind, _country(coding.get("targetcode"))))
                triggers.append(f"{kind} {words.get(coding.get('eid'), '')}")
        records.append(Record(text, "es", f"{day[:4]}-{day[4:6]}-{day[6:8]}", found,
                              bool(codings), tuple(triggers), number))
    return records


Found = list[list[tuple[str, str | None, str, str]]]


# Gold sets that code one event per sentence: only marea's main events are scored on them.
ONE_PER_SENTENCE = {"plover-gsr"}


# Where an actor mention sits in its sentence, for --why: {record number: [(country, place)]},
# place being its head token's dependency and, under a preposition, that preposition.
Named = dict[int, list[tuple[str, str]]]
NAMED_SELECT = (
    "SELECT d.locator, a.country, t.dep, h.lemma FROM mentions m JOIN documents d USING "
    "(doc_id) JOIN actors a ON a.actor_id = m.actor_id JOIN tokens t ON t.doc_id = m.doc_id "
    "AND t.start_char >= m.start_char AND t.end_char <= m.end_char JOIN tokens h ON "
    "h.doc_id = t.doc_id AND h.idx = t.head WHERE a.country IS NOT NULL AND (t.head = t.idx "
    "OR h.start_char < m.start_char OR h.end_char > m.end_char)")


@contextmanager
def _ingested(name: str, records: list[Record]) -> Iterator[Store]:
    """A temporary store holding each record as a one-sentence document (locator ":N" is
    record N - 1)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.jsonl"
        path.write_text("".join(json.dumps({"text": r.text, "language": r.language,
                                            "published": r.published}) + "\n"
                                for r in records), "utf-8")
        settings = _settings(Path(tmp) / "x.duckdb")
        with Store(settings.db) as store:
            ingest([str(path)], store, settings)
            yield store


# Every event marea gives a sentence, STATEMENT left out, for the error classes:
# (type, target country, trigger, method, main, modality, has a target, the trigger's
# dependency link).
Every = list[list[tuple[str, str | None, str, str, bool, str, bool, str]]]


def _predict(records: list[Record], name: str, named: Named | None = None,
             every: Every | None = None) -> Found:
    """Ingest one sentence per document; return each sentence's asserted (type, target
    country, trigger, method)s, only its main events where the set codes one per sentence.
    With `named`, also fill in where each sentence names an actor with a country; with
    `every`, each sentence's events of any modality, main or not."""
    with _ingested(name, records) as store:
        rows = store.query(
            "SELECT d.locator, e.type, ta.country, e.trigger, e.method, e.main, e.modality, "
            "coalesce(e.target_id, e.implied_target_id) IS NOT NULL, (SELECT t.dep FROM tokens "
            "t WHERE t.doc_id = e.doc_id AND t.start_char <= e.start_char AND t.end_char > "
            "e.start_char LIMIT 1) FROM events e "
            "JOIN documents d USING (doc_id) LEFT JOIN actors ta "
            "ON ta.actor_id = coalesce(e.target_id, e.implied_target_id) "
            "WHERE e.type <> 'STATEMENT'")
        for locator, country, dep, head in store.query(NAMED_SELECT) if named is not None \
                else []:
            place = f"{dep} {head}" if dep in ("pobj", "obl", "nmod") else dep
            named.setdefault(int(locator.split(":")[1]) - 1, []).append((country, place))
    found: Found = [[] for _ in records]
    if every is not None:
        every.extend([] for _ in records)
    for locator, kind, country, trigger, method, main, modality, targeted, link in rows:
        number = int(locator.split(":")[1]) - 1
        if every is not None:
            every[number].append((kind, country, trigger, method, bool(main), modality,
                                  bool(targeted), link or ""))
        if modality == "asserted" and (main or name not in ONE_PER_SENTENCE):
            found[number].append((kind, country, trigger, method))
    return found


def _scores(records: list[Record], found: Found) -> dict[str, float]:
    """(sentence, type) P/R/F1, event share, target-country agreement, false alarms."""
    hits = predicted = wanted = agree = with_country = quiet = alarms = 0
    for record, got in zip(records, found, strict=True):
        gold_types = {k for k, _ in record.events}
        got_types = {k for k, _, _, _ in got}
        hits += len(gold_types & got_types)
        predicted += len(got_types)
        wanted += len(gold_types)
        if not record.coded:
            quiet += 1
            alarms += bool(got)
        for kind, country in record.events:
            if country and kind in got_types:
                with_country += 1
                agree += any(k == kind and c == country for k, c, _, _ in got)
    precision, recall = hits / max(1, predicted), hits / max(1, wanted)
    return {"sentences": len(records),
            "gold_share": sum(bool(r.events) for r in records) / max(1, len(records)),
            "event_share": sum(bool(g) for g in found) / max(1, len(records)),
            "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / max(1e-9, precision + recall),
            "target_country": agree / with_country if with_country else float("nan"),
            "false_alarms": alarms / quiet if quiet else float("nan"),
            "classifier": sum(m == "classifier" for got in found for _, _, _, m in got),
            "classifier_right": sum(  # of the learned fallback's, of a gold type
                m == "classifier" and k in {g for g, _ in record.events}
                for record, got in zip(records, found, strict=True) for k, _, _, m in got)}


def external_sets(limit: int | None, only: str | None = None) -> dict[str, list[Record]]:
    sets: dict[str, list[Record]] = {}
    if PLOVER_GSR.is_file():
        sets["plover-gsr"] = _plover_records()
    for name, file in SPANISH_SETS.items():
        if (UNIVERSAL / file).is_file():
            sets[name] = _spanish_records(file)
    return {name: records[:limit] for name, records in sets.items()
            if only is None or name in only.split(",")}


def _log_misses(name: str, records: list[Record], found: Found) -> None:
    """Print a set's dev-half misses grouped by the lemma of the annotated trigger, and its
    dev-half false events grouped by marea's trigger lemma (held-out records are not shown)."""
    from marea.nlp.models import load_pipeline

    language = records[0].language if records else "en"
    nlp = load_pipeline(load_settings().model_for(language), language)

    def lemma(words: str) -> str:
        parsed = nlp(words)
        heads = ([t for t in parsed if t.pos_ == "VERB"] or [t for t in parsed if t.pos_ in (
            "NOUN", "ADJ")] or list(parsed))
        return heads[0].lemma_.lower() if heads else "?"

    missed: Counter[str] = Counter()
    false: Counter[str] = Counter()
    why: Counter[str] = Counter()
    for record, got in zip(records, found, strict=True):
        if record.number % 2:
            continue
        got_types = {k for k, _, _, _ in got}
        for trigger in record.triggers:
            kind, _, words = trigger.partition(" ")
            if kind not in got_types:
                missed[f"{kind} {lemma(words) if words else '?'}"] += 1
                why[_why(words, got, nlp, language)] += 1
        gold_types = {k for k, _ in record.events}
        for kind, _, trigger, _ in got:
            if kind not in gold_types:
                false[f"{kind} {lemma(trigger)}"] += 1
    print(f"  {name} dev misses by gold trigger lemma: "
          + ", ".join(f"{k} {v}" for k, v in missed.most_common(60)))
    print(f"  {name} dev false events by marea's trigger lemma: "
          + ", ".join(f"{k} {v}" for k, v in false.most_common(40)))
    print(f"  {name} dev misses by cause: "
          + ", ".join(f"{k} {v}" for k, v in why.most_common()))


def _log_sentences(name: str, records: list[Record]) -> None:
    """Print each dev-half sentence whose asserted types differ from the gold ones, with the
    gold triggers and every event marea gives it (any modality, STATEMENT too), to read
    misses and false events by cause. Only dev records are ingested and shown."""
    dev = [r for r in records if r.number % 2 == 0]  # by record number, as the halves are
    with _ingested(name, dev) as store:
        rows = store.query(
            "SELECT d.locator, e.type, e.mode, e.modality, e.trigger, e.source_id, "
            "e.target_id FROM events e JOIN documents d USING (doc_id) ORDER BY e.start_char")
    found: dict[int, list[tuple[str, ...]]] = defaultdict(list)
    for locator, *row in rows:
        found[int(locator.split(":")[1]) - 1].append(tuple(str(v) for v in row))
    for number, record in enumerate(dev):
        got = {r[0] for r in found[number] if r[0] != "STATEMENT" and r[2] == "asserted"}
        if got == {k for k, _ in record.events}:
            continue
        print(f"  {name} #{record.number} {record.text}")
        print(f"      gold: {'; '.join(record.triggers) or '(none)'}"
              f"{'' if record.coded else ' (no coding)'}")
        for kind, mode, modality, trigger, source, target in found[number]:
            print(f"      marea: {kind}/{mode} {modality} '{trigger}' {source} -> {target}")


def _why_targets(name: str, records: list[Record], found: Found, named: Named) -> None:
    """Print why the dev half's type-right events miss the gold target country: no target
    though the sentence names an actor of that country (by where it is named), no target and
    no such actor, a target with no country, or a target of another country."""
    causes: Counter[str] = Counter()
    for number, (record, got) in enumerate(zip(records, found, strict=True)):
        if record.number % 2:
            continue
        for kind, country in record.events:
            typed = [c for k, c, _, _ in got if k == kind]
            if not country or not typed or country in typed:
                continue
            places = [p for c, p in named.get(number, []) if c == country]
            if any(c for c in typed):
                causes["target of another country"] += 1
            elif places:
                causes[f"no target, named as {places[0]}"] += 1
            else:
                causes["no target or no country; no actor of that country"] += 1
    print(f"  {name} dev target-country misses: "
          + ", ".join(f"{k} {v}" for k, v in causes.most_common(30)))


def _why(words: str, got: list[tuple[str, str | None, str, str]], nlp: object,
         language: str) -> str:
    """Why a gold event was missed: marea coded its trigger as another type; the trigger is
    in the lexicon but gave no asserted event (arguments missing, a constraint failed, or
    marea read it as negated, future, demanded...); or no word of it is in the lexicon."""
    from marea.events.lexicon import lexicon

    if not words:
        return "no trigger annotated"
    tokens = [w.lower() for w in words.split()]
    if any(trigger.lower() in tokens for _, _, trigger, _ in got):
        return "other type"
    entries = lexicon(language)
    parsed = nlp(words)  # type: ignore[operator]
    for token in parsed:
        lemma = token.lemma_.lower()
        if (entries.verb_lemma(lemma) in entries.verbs
                or entries.noun_fixes.get(lemma, lemma) in entries.nouns):
            return "in lexicon, no asserted event"
    return "not in lexicon"


def _error_classes(name: str, records: list[Record], found: Found, every: Every) -> None:
    """Print, for each half, counts of the error classes (no sentence text, so held-out can
    be compared with dev): each missed gold event as main choice (marea has the type, but not
    as the sentence's main event), not asserted (marea has it as demanded, future, negated...),
    wrong type (marea's event on the gold trigger word has another type: a gold -> marea
    matrix, and whether the trigger's lexicon entries hold the gold type at all), in
    lexicon but no event (arguments missing or a constraint failed; split by verb or noun,
    whether the lemma has a bare entry or only entries that need an object, and whether
    the sentence has other events; by the constraint of the trigger words' nearest entry
    that the parse does not meet, or an entry that fits, when arguments, a block or another
    reading dropped the event; on dev, the objects its verbs had when all their entries
    need one, names hidden), or not in lexicon; the false events by type; and the type-right
    events that miss the gold target country: no target, a target with no country (not a
    state actor), a target of another country."""
    from marea.events.lexicon import lexicon
    from marea.nlp.models import load_pipeline

    language = records[0].language if records else "en"
    nlp = load_pipeline(load_settings().model_for(language), language)
    entries = lexicon(language)

    def entries_of(token: Any) -> list[Any]:
        """The lexicon entries of a sentence token, by its part of speech."""
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            return entries.verbs.get(entries.verb_lemma(lemma), [])
        return entries.nouns.get(entries.noun_fixes.get(lemma, lemma), [])

    def objects(token: Any) -> list[str]:
        """Lemmas of a verb's direct objects and prepositional objects ("to pressure"), names
        shown as "(name)" (held-out counts must not point at a sentence)."""
        def lemma(word: Any) -> str:
            return "(name)" if word.pos_ == "PROPN" else word.lemma_.lower()
        found = [lemma(c) for c in token.children if c.dep_ in ("dobj", "obj")]
        found += [f"{c.lemma_.lower()} {lemma(g)}" for c in token.children
                  if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return found or ["(none)"]

    def unmet(token: Any) -> str:
        """Which constraint kept a lexicon word from an event: none when one of its entries
        fits the parse (its arguments, a block or another reading dropped it), else the
        constraint of its nearest entry that the sentence does not meet (an object not listed
        or absent, a particle, preposition, complement, compound...)."""
        kids = list(token.children)
        objects = {c.lemma_.lower() for c in kids if c.dep_ in ("dobj", "obj")}
        preps = {c.lemma_.lower(): {g.lemma_.lower() for g in c.children if g.dep_ == "pobj"}
                 for c in kids if c.dep_ == "prep"}
        particles = {c.lemma_.lower() for c in kids if c.dep_ == "prt"}
        clauses = {c.lemma_.lower() for c in kids if c.dep_ == "xcomp"}
        compounds = {c.lemma_.lower() for c in kids if c.dep_ == "compound"}

        def failing(entry: Any) -> list[str]:
            said = {o for p in entry.prep for o in preps.get(p, set())} if entry.prep \
                else objects
            checks = (
                ("object not listed" if said else "no object",
                 bool(entry.objects) and not said & set(entry.objects)),
                ("preposition", bool(entry.prep) and not set(entry.prep) & set(preps)),
                ("particle", bool(entry.particle) and entry.particle not in particles),
                ("complement", bool(entry.complement) and not (
                    clauses and ("*" in entry.complement or clauses & set(entry.complement)))),
                ("compound", bool(entry.compound) and not compounds & set(entry.compound)),
                ("no object", entry.transitive and not objects),
                ("an object", entry.intransitive and bool(objects)))
            return [name for name, failed in checks if failed]

        fails = sorted((failing(e) for e in entries_of(token)), key=len)
        if not fails:
            return "not in lexicon as tagged"
        return "an entry fits" if not fails[0] else f"unmet: {fails[0][0]}"

    def known(words: str) -> str | None:
        """How the annotated words are in the lexicon: as a verb or noun, with only entries
        that need an object (particle, compound...) or with a bare one; None when not."""
        for t in nlp(words):
            verb = entries.verbs.get(entries.verb_lemma(t.lemma_.lower()))
            noun = entries.nouns.get(entries.noun_fixes.get(t.lemma_.lower(), t.lemma_.lower()))
            for kind, found in (("verb", verb), ("noun", noun)):
                if found:
                    bare = any(not e.constraints for e in found)
                    return f"{kind}, {'bare entry' if bare else 'constrained entries only'}"
        return None

    for half, parity in (("dev", 0), ("held-out", 1)):
        misses: Counter[str] = Counter()
        confusions: Counter[tuple[str, str]] = Counter()  # (gold type, marea's type)
        wrong_how: Counter[str] = Counter()  # whether the trigger's entries hold the gold type
        needed: Counter[str] = Counter()  # objects of verbs whose entries all need an object
        dropped: Counter[str] = Counter()  # what kept a lexicon word of a miss from an event
        false: Counter[str] = Counter()
        targets: Counter[str] = Counter()
        total = 0
        for record, got, all_events in zip(records, found, every, strict=True):
            if record.number % 2 != parity:
                continue
            got_types = {k for k, _, _, _ in got}
            for trigger in record.triggers:
                total += 1
                kind, _, words = trigger.partition(" ")
                if kind in got_types:
                    continue
                tokens = {w.lower() for w in words.split()}
                on_word = [e for e in all_events if e[2].lower() in tokens]
                if any(e[0] == kind and e[5] == "asserted" for e in all_events):
                    misses["main choice"] += 1
                elif any(e[0] == kind for e in all_events):
                    misses["not asserted"] += 1
                elif on_word:
                    misses[f"wrong type {kind}->{on_word[0][0]}"] += 1
                    confusions[(kind, on_word[0][0])] += 1
                    said = [t for t in nlp(record.text) if t.text.lower() == on_word[0][2].lower()]
                    types = {e.type for t in said[:1] for e in entries_of(t)}
                    wrong_how[("gold type among the trigger's entries" if kind in types else
                               "gold type not among them" if types else
                               "trigger word not in lexicon as tagged")] += 1
                elif words and (how := known(words)):
                    misses["in lexicon, no event"] += 1
                    dropped.update(unmet(t) for t in nlp(record.text)
                                   if t.text.lower() in tokens and entries_of(t))
                    if "constrained" in how and half == "dev":
                        needed.update(o for t in nlp(record.text) if t.text.lower() in tokens
                                      and t.pos_ == "VERB" and entries_of(t)
                                      for o in objects(t))
                    misses[f"no event: {how}, {'other events' if all_events else 'no event'}"
                           " in sentence"] += 1
                else:
                    misses["not in lexicon"] += 1
            gold_types = {k for k, _ in record.events}
            false.update(f"{k}" for k in got_types - gold_types)
            for kind, country in record.events:
                if not country or kind not in got_types:
                    continue
                typed = [e for e in all_events if e[0] == kind and e[5] == "asserted"
                         and (e[4] or name not in ONE_PER_SENTENCE)]
                if any(e[1] == country for e in typed):
                    targets["right"] += 1
                elif any(e[1] for e in typed):
                    targets["another country"] += 1
                elif any(e[6] for e in typed):
                    targets["target with no country"] += 1
                else:
                    targets["no target"] += 1
        missed = sum(v for k, v in misses.items() if not k.startswith("no event:"))
        grouped = Counter({"wrong type": sum(v for k, v in misses.items()
                                             if k.startswith("wrong type"))})
        grouped.update({k: v for k, v in misses.items()
                        if not k.startswith(("wrong type", "no event:"))})
        print(f"  {name} {half} error classes: {missed} of {total} gold events missed: "
              + ", ".join(f"{k} {v} ({v / max(1, missed):.0%})"
                          for k, v in grouped.most_common() if v))
        print("      in lexicon, no event: " + ", ".join(
            f"{k[10:]} {v}" for k, v in misses.most_common() if k.startswith("no event:")))
        print("      in lexicon, no event, trigger words by their nearest entry: " + ", ".join(
            f"{k} {v}" for k, v in dropped.most_common()))
        _print_confusions(confusions)
        print("      wrong types by lexicon: " + ", ".join(
            f"{k} {v}" for k, v in wrong_how.most_common()))
        if half == "dev":  # held-out words would say what to add to the lexicon
            print("      objects of constrained-entry misses: " + ", ".join(
                f"{k} {v}" for k, v in needed.most_common(20)))
        print(f"      false events by type: {sum(false.values())}: "
              + ", ".join(f"{k} {v}" for k, v in false.most_common()))
        print("      target country of type-right events: "
              + ", ".join(f"{k} {v}" for k, v in targets.most_common()))


def _subordinate(name: str, records: list[Record], every: Every) -> None:
    """Print the dev half's (sentence, type) F1 were the asserted events that are not their
    sentence's main one left out, all of them and those of each clause link and type apart:
    the evidence for or against a rule that a subordinate clause's event does not count, on
    sets that code one event per sentence but score all of marea's. The scorer is unchanged."""
    dev = [(r, events) for r, events in zip(records, every, strict=True) if r.number % 2 == 0]
    below = [e for _, events in dev for e in events if e[5] == "asserted" and not e[4]]

    def f1(left_out: Callable[[tuple[Any, ...]], bool]) -> str:
        found = [[e[:4] for e in events if e[5] == "asserted" and (e[4] or not left_out(e))]
                 for _, events in dev]
        return f"{_scores([r for r, _ in dev], found)['f1']:.3f}"

    parts = [f"as scored {f1(lambda e: False)}", f"without all {len(below)} {f1(lambda e: True)}"]
    for field, what in ((7, "link"), (0, "type")):
        for value, count in Counter(e[field] for e in below).most_common():
            parts.append(f"{what} {value} ({count}) {f1(lambda e, f=field, v=value: e[f] == v)}")
    print(f"  {name} dev F1 without non-main events: " + ", ".join(parts))


def _print_confusions(confusions: Counter[tuple[str, str]]) -> None:
    """Print wrong-type misses as a matrix: a row per gold type, a column per marea type."""
    rows = sorted({g for g, _ in confusions}, key=lambda g: -sum(
        v for (k, _), v in confusions.items() if k == g))
    columns = sorted({m for _, m in confusions}, key=lambda m: -sum(
        v for (_, k), v in confusions.items() if k == m))
    print("      wrong types, gold (rows) -> marea (columns):")
    print("      " + " " * 10 + "".join(f"{c[:7]:>8}" for c in columns))
    for row in rows:
        print(f"      {row:10}" + "".join(
            f"{confusions[(row, c)] or '.':>8}" for c in columns))


def score_external(limit: int | None, misses: bool = False, only: str | None = None,
                   why: bool = False, sentences: bool = False, classes: bool = False
                   ) -> dict[str, dict[str, float]]:
    """Score plover-gsr and the Spanish UniversalPetrarch sets, dev (even) and held-out (odd)
    record numbers apart; tune on dev only."""
    sets = external_sets(limit, only)
    if not sets:
        print(f"external sets skipped: {SHARED} is absent (../shared not found)")
        return {}
    results: dict[str, dict[str, float]] = {}
    print("external sets (STATEMENT left out; dev = even record numbers, held-out = odd; "
          f"tune on dev only; main events only on {', '.join(sorted(ONE_PER_SENTENCE))})")
    print(f"  {'set':19} {'n':>4} {'gold%':>6} {'any%':>6} {'P':>5} {'R':>5} {'F1':>5} "
          f"{'tgtCC':>6} {'FA':>5} {'clf':>4} {'right':>5}")
    for name, records in sets.items():
        twice = sum(r.copies > 1 for r in records)
        if twice:
            print(f"  {name}: {twice} sentences the file holds twice, each copy coded with "
                  "another event, are scored once with both codings")
        if name == "plover-gsr":
            print("  plover-gsr: gold target codes " + ", ".join(
                f"{k} read as {v}" for k, v in CAMEO_TO_ISO.items()) + " (ISO 3166)")
        named: Named = {}
        every: Every = []
        found = _predict(records, name, named if why else None, every if classes else None)
        if classes:
            _error_classes(name, records, found, every)
            if name not in ONE_PER_SENTENCE:
                _subordinate(name, records, every)

        if misses:
            _log_misses(name, records, found)
        if sentences:
            _log_sentences(name, records)
        if why:
            _why_targets(name, records, found, named)
        for half, parity in (("dev", 0), ("held-out", 1)):
            picked = [(r, f) for r, f in zip(records, found, strict=True)
                      if r.number % 2 == parity]
            scores = _scores([r for r, _ in picked], [f for _, f in picked])
            results[f"{name} {half}"] = scores
            print(f"  {name + ' ' + half:19} {scores['sentences']:4.0f} "
                  f"{scores['gold_share']:6.2f} {scores['event_share']:6.2f} "
                  f"{scores['precision']:5.2f} {scores['recall']:5.2f} {scores['f1']:5.2f} "
                  f"{scores['target_country']:6.2f} {scores['false_alarms']:5.2f} "
                  f"{scores['classifier']:4.0f} {scores['classifier_right']:5.0f}")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the gold-set scores as JSON")
    parser.add_argument("--errors", action="store_true", help="list examples of each error")
    parser.add_argument("--limit", type=int, help="only the first N records of each external set")
    parser.add_argument("--only", help="external sets to score, comma-separated names")
    parser.add_argument("--gold-only", action="store_true", help="skip the external sets")
    parser.add_argument("--fresh", action="store_true",
                        help="score the three fresh gold sets (gold/events/fresh.jsonl, "
                        "fresh2.jsonl, fresh3.jsonl) instead, and nothing else")
    parser.add_argument("--language", choices=("en", "es"),
                        help="score only the gold set's texts in this language")
    parser.add_argument("--why", action="store_true",
                        help="classify the dev halves' target-country misses")
    parser.add_argument("--misses", action="store_true",
                        help="log the external sets' dev-half misses grouped by lemma and "
                        "by cause (other type, in lexicon but no event, not in lexicon)")
    parser.add_argument("--sentences", action="store_true",
                        help="print the external sets' dev-half sentences marea gets wrong, "
                        "with the gold triggers and all of marea's events")
    parser.add_argument("--classes", action="store_true",
                        help="count the error classes of each half (no sentence text)")

    args = parser.parse_args()
    if args.fresh:
        fresh = {gold_set.name: score_gold(args.errors and not args.json, args.language, gold_set)
                 for gold_set in FRESH_SETS}
        if args.json:
            print(json.dumps(fresh))
        return
    scores = score_gold(args.errors and not args.json, args.language, MAIN)
    if args.json:
        print(json.dumps(scores))
        return
    if not (args.gold_only or args.fresh):
        score_external(args.limit, args.misses, args.only, args.why, args.sentences,
                       args.classes)
        if args.only is None:
            score_petrarch()


if __name__ == "__main__":
    main()
