"""Targeted stance and document kind against gold data.

    python benchmarks/stance.py [--json]   # --json: our held-out half only, one line

1. Our gold set (benchmarks/gold/stance: actor-document stances on the seeds, the bundled
   examples, the actor gold texts and, when ../shared is present, FNC-1 bodies, PTC articles,
   trafilatura-eval and article-extraction-benchmark pages), split by document into a tuning
   half and a held-out half (gold/stance/split.json, fixed): accuracy, macro-F1 over
   favor/against/neutral, F1 favor and against, F_avg = their mean, per half, overall
   ("all"), without the evaluation-only FNC-1 and PTC documents ("shippable": the constants
   are fitted on its tuning half by benchmarks/fit_stance.py), by language and by document
   group; the held-out confusion matrices. A pair whose actor marea did not score counts as
   neutral; a gold id minted for a name the knowledge base has since taken in is read as its
   knowledge-base id (gold_rows), and a generic sector id ("MED") as the one country-prefixed
   id of that sector marea gives in the document ("USAMED"), when there is exactly one and
   the gold has no row for it already (sector_ids). Then the agreement of the second and
   the independent annotation with the gold labels (raw, Cohen's kappa, per label; the
   independent one also by language and document kind).
2. SemEval-2016 Task 6 (../shared/benchmarks/stance-semeval2016-task6; evaluation only, never
   fitted on), the targets that are actors: Hillary Clinton (task A) and Donald Trump (task
   B), split by position in each target's tweets: even positions (0, 2, ...) are the dev
   half, the only one whose errors may be read, odd ones held out; both are printed beside
   the whole set (what the floors use). A tweet that does not name the target gets a stance
   toward it only when it favours the target's rival in the 2016 election
   (actors/kb/contests.yaml), else NONE; a second line
   lets the tweet's document tone decide the rest. Official F_avg and macro-F1.
3. Document kind: opinion_score on our opinion and news documents and on FNC-1 article bodies
   (../shared/benchmarks/stance-fnc1; all news reports).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold import HERE, covered, gold_corpus, load_gold  # noqa: E402

from marea.actors.kb import load_kb  # noqa: E402
from marea.actors.link import SECTOR_NAMES  # noqa: E402
from marea.model import Document  # noqa: E402
from marea.pipeline import DEFAULT_PIPELINE, run_stages  # noqa: E402
from marea.settings import load_settings  # noqa: E402

LABELS = ("favor", "against", "neutral")
TONE_CUT = 2.0  # document tone (points of % words) beyond which an unlinked tweet leans
SHARED = HERE.parents[1] / "shared" / "benchmarks"
GOLD = HERE / "gold" / "stance"
SHARED_SETS = ("fnc-", "ptc-", "traf-", "aeb-")  # gold documents staged from ../shared/benchmarks
EVALUATION_ONLY = ("fnc-", "ptc-")  # research-only licences: never tuned on (fit_stance.py)
MINTED = re.compile(r"x-(?:person|org|group|place)-(.+)")  # an id the linker made up for a name
# the batch of second_annotation.jsonl that one session relabelled (see agreement); the others
# ("session 25", "session 26") came from other sessions
SAMPLE_BATCH = "sample"
SEMEVAL = {"Hillary Clinton": ("testdata-taskA-all-annotations.txt", "hillary-clinton"),
           "Donald Trump": ("testdata-taskB-all-annotations.txt", "donald-trump")}


def scores(pairs: list[tuple[str, str]]) -> dict[str, object]:
    """Accuracy, per-class F1, macro-F1, F_avg and the confusion (gold -> predicted counts)."""
    confusion = Counter(pairs)
    f1 = {}
    for label in LABELS:
        tp = confusion[(label, label)]
        predicted = sum(n for (_, p), n in confusion.items() if p == label)
        actual = sum(n for (g, _), n in confusion.items() if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1[label] = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"n": len(pairs), "accuracy": sum(g == p for g, p in pairs) / max(len(pairs), 1),
            "f1": {k: round(v, 3) for k, v in f1.items()},
            "macro_f1": sum(f1.values()) / 3, "f_avg": (f1["favor"] + f1["against"]) / 2,
            "confusion": {g: {p: confusion[(g, p)] for p in LABELS} for g in LABELS}}


def gold_rows() -> list[dict]:
    """The stance gold rows, each actor under the id the linker gives it now. An id minted for
    a name the knowledge base lacked ("x-person-adam-schiff") is that person's knowledge-base
    id once the base has them ("adam-schiff"): the pair is the same, only its key moved, and
    left alone it would count as a pair marea never scored."""
    rows = load_gold(GOLD / "stances.jsonl")
    known = load_kb().actors
    present = {(r["doc"], r["actor_id"]) for r in rows}
    for row in rows:
        minted = MINTED.fullmatch(row["actor_id"])
        if minted and minted[1] in known and (row["doc"], minted[1]) not in present:
            row["actor_id"] = minted[1]
    return rows


def sector_ids(rows: list[dict], given: dict[str, set[str]]) -> list[dict]:
    """The gold rows with each generic sector id ("MED", an annotation made before marea knew
    the state of a sector) read as the one country-prefixed id of that sector that marea gives
    in the document ("USAMED"), given as gold document name -> actor ids. Two such ids
    ("USAMED", "VENMED") leave the row alone: which one the gold meant is not known."""
    present = {(r["doc"], r["actor_id"]) for r in rows}
    for row in rows:
        if row["actor_id"] not in SECTOR_NAMES:
            continue
        local = [actor for actor in given.get(row["doc"], ()) if len(actor) == 6
                 and actor[3:] == row["actor_id"] and actor[:3].isalpha() and actor.isupper()]
        if len(local) == 1 and (row["doc"], local[0]) not in present:
            row["actor_id"] = local[0]
    return rows


def own_gold(tmp: Path) -> dict[str, object]:
    """Our gold set per half (tuning, held-out), overall, by language and by document group."""
    settings = load_settings()
    rows = gold_rows()
    store, docs = gold_corpus(tmp / "gold.duckdb", settings,
                              shared={r["doc"] for r in rows if r["doc"].startswith(SHARED_SETS)})
    gold = covered(rows, docs, span=lambda row, text: text[row["start"]:row["end"]])
    names = {doc_id: name for name, (doc_id, _) in docs.items()}
    given: dict[str, set[str]] = {}
    for doc_id, actor in store.query("SELECT DISTINCT doc_id, actor_id FROM mentions "
                                     "WHERE actor_id IS NOT NULL"):
        if doc_id in names:
            given.setdefault(names[doc_id], set()).add(actor)
    gold = sector_ids(gold, given)
    predicted = {(doc_id, actor): label for doc_id, actor, label in
                 store.query("SELECT doc_id, actor_id, label FROM stances")}
    deciding = {(doc_id, actor): _cue_class(kind) for doc_id, actor, kind in store.query(
        "SELECT doc_id, actor_id, kind FROM stance_cues WHERE weight != 0 "
        "QUALIFY row_number() OVER (PARTITION BY doc_id, actor_id ORDER BY abs(weight) DESC) = 1")}
    actor_types = dict(store.query("SELECT actor_id, type FROM actors"))
    fired = store.query("SELECT s.doc_id, s.actor_id, list(DISTINCT c.kind) FILTER "
                        "(WHERE c.weight != 0) FROM stances s LEFT JOIN stance_cues c USING "
                        "(doc_id, actor_id) GROUP BY ALL")
    conflict = dict(store.query("SELECT doc_id, count(*) FILTER (WHERE goldstein < 0) FROM "
                                "events GROUP BY doc_id"))
    characters = dict(store.query("SELECT doc_id, length(text) FROM documents"))
    kinds = {doc_id: score for doc_id, score in
             store.query("SELECT doc_id, opinion_score FROM documents")}
    metadata_kind = {doc_id: kind for doc_id, kind in
                     store.query("SELECT doc_id, kind FROM documents")}
    languages = {doc_id: language for doc_id, language in
                  store.query("SELECT doc_id, language FROM documents")}
    store.close()
    split = json.loads((GOLD / "split.json").read_text("utf-8"))
    halves = {name: "tuning" for name in split["tuning"]}
    halves.update({name: "held_out" for name in split["held_out"]})
    groups: dict[str, dict[str, list[tuple[str, str]]]] = {}
    errors: dict[str, Counter] = {"tuning": Counter(), "held_out": Counter()}
    for row in gold:
        doc_id = docs[row["doc"]][0]
        pair = (row["stance"], predicted.get((doc_id, row["actor_id"]), "neutral"))
        if pair[0] != pair[1]:
            kind = metadata_kind[doc_id] or ("opinion" if (kinds[doc_id] or 0) >= 0.5
                                             else "news")
            errors[halves[row["doc"]]].update(
                f"{pair[0]}->{pair[1]} {dimension}" for dimension in (
                    f"cue {deciding.get((doc_id, row['actor_id']), 'none')}",
                    f"language {languages[doc_id]}", f"kind {kind}",
                    f"actor {_actor_class(actor_types.get(row['actor_id']))}"))
        shippable = () if row["doc"].startswith(EVALUATION_ONLY) else ("shippable",)
        for name in ("all", *shippable, f"group {row['doc'].split('-')[0]}",
                     f"language {languages[doc_id]}"):
            groups.setdefault(name, {}).setdefault(halves[row["doc"]], []).append(pair)
    result: dict[str, object] = {
        name: {half: scores(pairs) for half, pairs in sorted(by_half.items(), reverse=True)}
        for name, by_half in sorted(groups.items(), key=lambda item: (
            item[0] not in ("all", "shippable"), item[0]))}
    result["errors"] = errors
    coverage: dict[str, Counter] = {}
    for doc_id, _, kinds_fired in fired:  # every actor of every gold document, both halves
        counts = coverage.setdefault(languages[doc_id], Counter())
        counts["stances"] += 1
        counts.update({_cue_class(kind) for kind in kinds_fired or ()} or {"none"})
    for doc_id in {doc_id for doc_id, _ in docs.values()}:
        counts = coverage.setdefault(languages[doc_id], Counter())
        counts["conflict events"] += conflict.get(doc_id, 0)
        counts["characters"] += characters.get(doc_id) or 0
    result["coverage"] = coverage
    result["documents"] = {half: len({r["doc"] for r in gold if halves[r["doc"]] == half})
                           for half in ("tuning", "held_out")}
    result["kind"] = {name: (kinds[doc_id], metadata_kind[doc_id]) for name, (doc_id, _) in
                      docs.items()}
    result["language"] = {name: languages[doc_id] for name, (doc_id, _) in docs.items()}
    return result


def _cue_class(kind: str) -> str:
    """The class of the cue that decided a stance: quote (any cue in somebody else's words),
    event, context (clause or post tone), attribute (a label, verdict, owned noun, victim or
    verb on the mention) or side (alliance, state organ, rival, agreement, the author's
    side)."""
    if kind.startswith("quoted "):
        return "quote"
    head = kind.split(":")[0]
    if head == "event":
        return "event"
    if head in ("context", "post"):
        return "context"
    if head in ("alliance", "opposition", "state organ", "rival", "agreement", "side"):
        return "side"
    return "attribute"


def _actor_class(actor_type: str | None) -> str:
    """person, state (countries), org (everything else) or unknown."""
    if actor_type is None:
        return "unknown"
    return actor_type if actor_type in ("person",) else (
        "state" if actor_type == "country" else "org")


def kappa(pairs: list[tuple[str, str]]) -> dict[str, object]:
    """Raw agreement, Cohen's kappa (None when chance agreement is total) and, per label, the
    specific agreement 2 * both / (first + second) of two annotators' label pairs."""
    observed = sum(a == b for a, b in pairs) / len(pairs)
    first, other = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[label] * other[label] for label in LABELS) / len(pairs) ** 2
    both = Counter(a for a, b in pairs if a == b)
    return {"n": len(pairs), "agreement": round(observed, 3),
            "kappa": round((observed - chance) / (1 - chance), 3) if chance < 1 else None,
            "per_label": {label: round(2 * both[label] / (first[label] + other[label]), 3)
                          for label in LABELS if first[label] + other[label]}}


def agreement() -> dict[str, object]:
    """Cohen's kappa between the gold labels and the second annotation of a document sample
    (gold/stance/second_annotation.jsonl): on all of it, and apart by who gave the two labels,
    as each row's `batch` says. The SAMPLE_BATCH rows were relabelled by one session: on seeds,
    examples and actor gold texts an earlier session had labelled first ("earlier annotator"),
    on the shared-set pages it had labelled itself ("same annotator"). The other batches came
    from other sessions, blind to the first labels ("other sessions")."""
    gold = {(r["doc"], r["actor_id"]): r["stance"] for r in load_gold(GOLD / "stances.jsonl")}
    second = load_gold(GOLD / "second_annotation.jsonl")
    first = [r for r in second if r["batch"] == SAMPLE_BATCH]
    later = [r for r in second if r["batch"] != SAMPLE_BATCH]
    earlier = ("seed-", "ex-", "gold-")
    result = {}
    for name, rows in (("all", second),
                       ("earlier annotator", [r for r in first if r["doc"].startswith(earlier)]),
                       ("same annotator", [r for r in first if not r["doc"].startswith(earlier)]),
                       ("other sessions", later)):
        result[name] = kappa([(gold[(r["doc"], r["actor_id"])], r["stance"]) for r in rows])
    return result


def independent(languages: dict[str, str], kinds: dict[str, str | None]
                ) -> dict[str, dict[str, object]]:
    """Agreement of the gold labels with another annotator's labels, made from
    the texts and the guidelines only (gold/stance/independent_annotation.jsonl): on all of
    them, by language and by document kind (metadata kind, else split.json's "kinds")."""
    gold = {(r["doc"], r["actor_id"]): r["stance"] for r in load_gold(GOLD / "stances.jsonl")}
    declared = json.loads((GOLD / "split.json").read_text("utf-8"))["kinds"]
    groups: dict[str, list[tuple[str, str]]] = {}
    for row in load_gold(GOLD / "independent_annotation.jsonl"):
        if (row["doc"], row["actor_id"]) not in gold:
            continue  # a pair whose text cleaning has since removed (and the gold with it)
        pair = (gold[(row["doc"], row["actor_id"])], row["stance"])
        kind = kinds.get(row["doc"]) or declared.get(row["doc"], "unknown")
        for name in ("all", f"language {languages.get(row['doc'], 'unknown')}", f"kind {kind}"):
            groups.setdefault(name, []).append(pair)
    return {name: kappa(pairs) for name, pairs in sorted(
        groups.items(), key=lambda item: (item[0] != "all", item[0]))}


def semeval() -> dict[str, object]:
    folder = SHARED / "stance-semeval2016-task6"
    if not folder.is_dir():
        return {"skipped": f"{folder} not found"}
    settings = load_settings()
    mapping = {"FAVOR": "favor", "AGAINST": "against", "NONE": "neutral"}
    result = {}
    for target, (name, actor_id) in SEMEVAL.items():
        with (folder / name).open(encoding="latin-1", newline="") as handle:
            rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["Target"] == target]
        docs = [Document(source=f"tweet-{r['ID']}", locator="", raw=r["Tweet"].encode(),
                         content_type="text", metadata={"language": "en",
                                                        "published": "2016-07-01"})
                for r in rows]  # the tweets are from 2016; the date lets surnames link
        done = []
        for start in range(0, len(docs), 64):
            done += run_stages(docs[start:start + 64], DEFAULT_PIPELINE, settings)
        pairs, fallback = [], []
        for row, doc in zip(rows, done, strict=True):
            found = {s.actor_id: s.label for s in doc.stances}
            gold = mapping[row["Stance"]]
            pairs.append((gold, found.get(actor_id, "neutral")))
            tone = doc.tone[0].tone if doc.tone else 0.0
            by_tone = "favor" if tone > TONE_CUT else "against" if tone < -TONE_CUT else "neutral"
            fallback.append((gold, found.get(actor_id, by_tone)))
        named = sum(any(s.actor_id == actor_id and s.mentions for s in d.stances) for d in done)
        rival = sum(any(s.actor_id == actor_id and not s.mentions for s in d.stances)
                    for d in done)
        result[target] = {**scores(pairs), "target_named": named, "through_rival": rival,
                          "with_tone_fallback": scores(fallback),
                          "dev": scores(pairs[0::2]), "held_out": scores(pairs[1::2])}
    return result


def fnc_bodies(limit: int = 300) -> dict[str, object]:
    path = SHARED / "stance-fnc1" / "competition_test_bodies.csv"
    if not path.is_file():
        return {"skipped": f"{path} not found"}
    settings = load_settings()
    with path.open(encoding="utf-8", newline="") as handle:
        bodies = [r["articleBody"] for r in csv.DictReader(handle)][:limit]
    docs = [Document(source=f"fnc-{i}", locator="", raw=b.encode(), content_type="text",
                     metadata={"language": "en"}) for i, b in enumerate(bodies)]
    stages = tuple(s for s in DEFAULT_PIPELINE if "tone" in s or s.split(".")[1] in (
        "clean", "language", "linguistic"))
    done = []
    for start in range(0, len(docs), 64):
        done += run_stages(docs[start:start + 64], stages, settings)
    values = [d.opinion_score for d in done if d.opinion_score is not None]
    return {"n": len(values), "predicted_news": sum(v < 0.5 for v in values) / len(values)}


def _line(value: dict) -> str:
    return (f"n={value['n']:<4} acc {value['accuracy']:.3f}  macro-F1 {value['macro_f1']:.3f}  "
            f"F1 favor {value['f1']['favor']:.3f} against {value['f1']['against']:.3f}  "
            f"F_avg {value['f_avg']:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true",
                        help="print our held-out half's overall scores as one JSON line")
    args = parser.parse_args()
    if args.json:  # our held-out half only, one line: what tests/test_quality.py gates on
        with tempfile.TemporaryDirectory() as tmp:
            held = own_gold(Path(tmp))["all"]["held_out"]  # type: ignore[index]
        print(json.dumps({k: held[k] for k in ("accuracy", "macro_f1", "f_avg")}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        report = {"gold": own_gold(Path(tmp)), "semeval2016": semeval(), "fnc1": fnc_bodies()}
    gold = report["gold"]
    documents = gold["documents"]
    print(f"own gold: tuning {documents['tuning']} documents, held-out {documents['held_out']}; "
          "weights fitted on the shippable tuning documents only (benchmarks/fit_stance.py); "
          "'all' adds the evaluation-only FNC-1 and PTC documents")
    for name, value in gold.items():
        if name in ("documents", "kind", "language", "errors", "coverage"):
            continue
        for half in ("tuning", "held_out"):
            if half in value:
                print(f"  {name:<12} {half:<8} {_line(value[half])}")
    for name, value in agreement().items():
        print(f"  second annotation, {name}: n={value['n']} agreement {value['agreement']:.3f} "
              f"Cohen's kappa {value['kappa']:.3f}")
    for name, value in independent(gold["language"], {
            doc: kind for doc, (_, kind) in gold["kind"].items()}).items():
        kappa_text = "n/a" if value["kappa"] is None else f"{value['kappa']:.3f}"
        print(f"  independent annotation, {name}: n={value['n']} agreement "
              f"{value['agreement']:.3f} Cohen's kappa {kappa_text}; per label " + "  ".join(
                  f"{label} {share:.3f}" for label, share in value["per_label"].items()))
    for name in ("shippable", "all"):
        print(f"  confusion, held-out, {name} (rows gold, columns predicted "
              "favor/against/neutral):")
        for label, row in gold[name]["held_out"]["confusion"].items():
            print(f"    {label:<8} {row['favor']:>5} {row['against']:>7} {row['neutral']:>7}")
    print("  cue coverage by language (share of scored actors with a cue of each class; "
          "conflict events per 10,000 characters), all gold documents:")
    for language, counts in sorted(gold["coverage"].items()):
        shares = ", ".join(f"{name} {counts[name] / counts['stances']:.2f}" for name in (
            "none", "attribute", "event", "context", "quote", "side"))
        rate = 10000 * counts["conflict events"] / max(counts["characters"], 1)
        print(f"    {language}: {counts['stances']} actors: {shares}; conflict events {rate:.1f}")
    print("  errors per half by class (gold->predicted: the deciding cue's class, language, "
          "document kind, actor type; counts only):")
    for half in ("tuning", "held_out"):
        found: dict[str, dict[str, Counter]] = {}
        for key, count in gold["errors"][half].items():
            transition, dimension, value = key.split(" ", 2)
            found.setdefault(transition, {}).setdefault(dimension, Counter())[value] += count
        for transition, dimensions in sorted(found.items()):
            total = sum(dimensions["cue"].values())
            print(f"    {half:<8} {transition:<16} {total:>3}: " + "; ".join(
                f"{dimension} " + ", ".join(f"{v} {n}" for v, n in counts.most_common())
                for dimension, counts in dimensions.items()))
    for target, value in report["semeval2016"].items():
        if isinstance(value, dict):
            print(f"SemEval-2016 {target}: n={value['n']} F_avg {value['f_avg']:.3f} macro-F1 "
                  f"{value['macro_f1']:.3f} (target named in {value['target_named']}, "
                  f"opposed through a rival in {value['through_rival']}) "
                  f"confusion {value['confusion']}")
            for half in ("dev", "held_out"):
                print(f"    {half:<8} {_line(value[half])}")
            tone = value["with_tone_fallback"]
            print(f"    with document tone where the target is not linked: F_avg "
                  f"{tone['f_avg']:.3f} macro-F1 {tone['macro_f1']:.3f} confusion "
                  f"{tone['confusion']}")
        else:
            print(f"SemEval-2016: {value}")
    kind = gold["kind"]
    opinion = [s for s, k in kind.values() if k == "opinion"]
    news = [s for name, (s, k) in kind.items() if k != "opinion" and "news" in name]
    print(f"document kind: opinion docs scored >= 0.5: {sum(s >= 0.5 for s in opinion)}/"
          f"{len(opinion)}; news examples < 0.5: {sum(s < 0.5 for s in news)}/{len(news)}; "
          f"FNC-1 bodies called news: {report['fnc1']}")


if __name__ == "__main__":
    main()
