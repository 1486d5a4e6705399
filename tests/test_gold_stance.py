"""The stance gold set (benchmarks/gold/stance, README) is checked mechanically: a pair counted
twice, a document in no half or in both, a label outside the three, a wrong link also scored, or
a page put in a half by hand instead of by the split rule would make the held-out figures lie."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold"
STANCE = GOLD / "stance"
LABELS = {"favor", "against", "neutral"}
# The second batch's pages were split by a rule that cannot be reproduced from their names
# (README, "split.json"); every other shared page follows the rule stated there.
SPLIT_BEFORE_THE_RULE = {
    "traf-brasil247.com-militares", "traf-ultimasnoticias.com.ve-ucraina",
    "traf-elnuevodia.com-mujeres", "traf-panamaamerica.com.pa-apropiarse",
    "traf-elheraldo.hn-JOH", "traf-correiobraziliense.com.br-poderes",
    "traf-gazetadopovo.com.br-pacheco", "traf-elcomercio.pe-kenjifujimori",
    "traf-lanacion.com.ar-jugada", "traf-elmostrador.cl-congreso"}


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (STANCE / name).read_text("utf-8").splitlines()
            if line.strip()]


def _split() -> dict:
    return json.loads((STANCE / "split.json").read_text("utf-8"))


def test_every_pair_is_labelled_once_and_anchored() -> None:
    rows = _rows("stances.jsonl")
    pairs = [(row["doc"], row["actor_id"]) for row in rows]
    assert len(pairs) == len(set(pairs))
    assert {row["stance"] for row in rows} == LABELS
    for row in rows:
        if "start" in row:  # a shared page: offsets and a hash instead of its words
            assert 0 <= row["start"] < row["end"], row
            assert re.fullmatch(r"[0-9a-f]{10}", row["check"]), row


def test_every_document_is_in_exactly_one_half() -> None:
    split = _split()
    tuning, held_out = set(split["tuning"]), set(split["held_out"])
    assert not tuning & held_out
    assert len(tuning) == len(split["tuning"]) and len(held_out) == len(split["held_out"])
    assert tuning | held_out == {row["doc"] for row in _rows("stances.jsonl")}


def test_shared_pages_follow_the_split_rule() -> None:
    """A page the frames gold has keeps the frames half (its held-out batches are held out
    here too); any other is tuning when int(sha1(name), 16) is even."""
    frames = json.loads((GOLD / "frames" / "split.json").read_text("utf-8"))
    frames_half = {name: "tuning" if half == "tuning" else "held_out"
                   for half, names in frames.items() if isinstance(names, list)
                   for name in names}
    split = _split()
    for half in ("tuning", "held_out"):
        for name in split[half]:
            if not name.startswith(("traf-", "aeb-")) or name in SPLIT_BEFORE_THE_RULE:
                continue
            parity = int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2
            assert frames_half.get(name, "held_out" if parity else "tuning") == half, name


def test_wrong_links_are_not_scored() -> None:
    lines = (STANCE / "wrong_links.tsv").read_text("utf-8").splitlines()[1:]
    wrong = [tuple(line.split("\t")[:2]) for line in lines if line.strip()]
    assert len(wrong) == len(set(wrong))
    assert not set(wrong) & {(row["doc"], row["actor_id"]) for row in _rows("stances.jsonl")}
    readme = (STANCE / "README.md").read_text("utf-8")
    assert f"`wrong_links.tsv`: {len(wrong)} (doc, actor_id) pairs" in readme


def test_second_annotation_relabels_gold_pairs() -> None:
    gold = {(row["doc"], row["actor_id"]) for row in _rows("stances.jsonl")}
    second = _rows("second_annotation.jsonl")
    assert {row["stance"] for row in second} <= LABELS
    assert {(row["doc"], row["actor_id"]) for row in second} <= gold


def test_second_annotation_rows_name_their_batch() -> None:
    # benchmarks/stance.py groups the agreement by batch: 170 pairs on 22 documents relabelled
    # by one session, then 45 and 82 pairs from two other sessions (README); a document's
    # pairs were relabelled together
    second = _rows("second_annotation.jsonl")
    batches: dict[str, set[str]] = {}
    for row in second:
        batches.setdefault(row["batch"], set()).add(row["doc"])
    assert {batch: sum(row["batch"] == batch for row in second) for batch in batches} == {
        "sample": 170, "session 25": 45, "session 26": 82}
    assert {batch: len(docs) for batch, docs in batches.items()} == {
        "sample": 22, "session 25": 4, "session 26": 3}
    assert sum(len(docs) for docs in batches.values()) == len({row["doc"] for row in second})


def test_readme_counts_match_the_files() -> None:
    readme = " ".join((STANCE / "README.md").read_text("utf-8").split())
    rows = _rows("stances.jsonl")
    total = re.search(r"`stances\.jsonl`: (\d+) \(doc, actor\) pairs in (\d+) documents", readme)
    assert total and (int(total[1]), int(total[2])) == (len(rows), len({r["doc"] for r in rows}))
    halves = re.search(r"tuning half \((\d+) documents, (\d+) pairs\) and a held-out half "
                       r"\((\d+) documents, (\d+) pairs\)", readme)
    split = _split()
    assert halves
    for (documents, pairs), half in zip(((halves[1], halves[2]), (halves[3], halves[4])),
                                        ("tuning", "held_out"), strict=True):
        assert int(documents) == len(split[half])
        assert int(pairs) == sum(row["doc"] in split[half] for row in rows)
