"""People and organisations named in Portuguese pages: mention precision and recall.

    python benchmarks/names_pt.py

Ingests the three Portuguese news pages of trafilatura-eval that benchmarks/gold/actors/
pt_names.jsonl annotates (README there) and compares marea's mentions with the gold spans,
exactly, after a leading article ("o Congresso") is dropped. A person is a mention labelled
PER; an organisation one labelled ORG or AGENT. Precision counts only mentions that start
with a capital (names: the gold has no "presidente" for Bolsonaro). Tuning (the Gazeta do
Povo page) and held-out (the other two) are printed apart, with the tuning page's misses and
wrong mentions (the held-out ones are not printed: no rule is to be designed from them).
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _gold import doc_name, load_gold, stage_shared  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "actors" / "pt_names.jsonl"
TUNING = {"traf-gazetadopovo.com.br-pacheco"}  # the page of the report; the rest is held out
KINDS = {"PER": "person", "ORG": "org", "AGENT": "org"}
ARTICLE = re.compile(r"^(?:o|a|os|as|à|ao|aos|às)\s+", re.IGNORECASE)


def main() -> None:
    gold = load_gold(GOLD)
    with tempfile.TemporaryDirectory() as tmp:
        staged = stage_shared({row["doc"] for row in gold}, Path(tmp))
        if staged is None:
            raise SystemExit("../shared/benchmarks is absent: nothing to measure")
        store = Store(Path(tmp) / "names.duckdb")
        ingest([str(staged)], store, load_settings().with_(db=str(Path(tmp) / "names.duckdb")))
        names = {doc_id: doc_name(source, locator) for doc_id, source, locator in
                 store.query("SELECT doc_id, source, locator FROM documents")}
        texts = {names[doc_id]: text for doc_id, text in
                 store.query("SELECT doc_id, text FROM documents")}
        found = set()
        for doc_id, start, end, text, label in store.query(
                "SELECT doc_id, start_char, end_char, text, label FROM mentions"):
            article = ARTICLE.match(text)
            if article:
                start += article.end()
            if label in KINDS and texts[names[doc_id]][start:start + 1].isupper():
                found.add((names[doc_id], start, end, KINDS[label]))
        store.close()
    for row in gold:
        if texts[row["doc"]][row["start"]:row["end"]] != row["text"]:
            raise SystemExit(f"gold row no longer matches the page's clean text: {row}")
    expected = {(r["doc"], r["start"], r["end"], r["kind"]) for r in gold}
    print(f"{'half':9} {'kind':7} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for half, docs in (("tuning", TUNING), ("held-out", {r["doc"] for r in gold} - TUNING)):
        for kind in ("person", "org"):
            want = {m for m in expected if m[0] in docs and m[3] == kind}
            got = {m for m in found if m[0] in docs and m[3] == kind}
            hit = len(want & got)
            p, r = hit / len(got) if got else 0.0, hit / len(want) if want else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{half:9} {kind:7} {len(want):5} {len(got):6} {p:6.3f} {r:6.3f} {f1:6.3f}")
            for label, items in (("missed", want - got), ("wrong", got - want)) * (
                    half == "tuning"):  # no rule may be designed from held-out misses
                words = Counter(texts[d][s:e] for d, s, e, _ in items)
                print(f"    {label}: " + ", ".join(f"{w} ×{n}" for w, n in words.most_common(12)))


if __name__ == "__main__":
    main()
