"""The fresh event gold set (benchmarks/gold/events/fresh.jsonl, README "Fresh set"), its
independent second annotation (fresh_second.jsonl, README "Second annotation") and the second
fresh set (fresh2.jsonl on the texts in fresh2/, README "Second fresh set") with its own second
annotation (fresh2_second.jsonl, README "Second annotation of the second fresh set") and the third
fresh set (fresh3.jsonl on the texts in fresh3/, README "Third fresh set") with a second annotation
of its held-out half (fresh3_second.jsonl, README "Second annotation of the third fresh set") are
checked
mechanically: a wrong offset or an actor id marea can never give would make scores and agreement
lie."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from marea.actors.kb import KnowledgeBase, load_kb
from marea.events.lexicon import ontology
from marea.ingest.clean import normalise, remove_chrome

GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "gold" / "events"
TEXTS = {"fresh.jsonl": GOLD / "fresh", "fresh_second.jsonl": GOLD / "fresh",  # each annotation's
         "fresh2.jsonl": GOLD / "fresh2", "fresh2_second.jsonl": GOLD / "fresh2",  # folder of texts
         "fresh3.jsonl": GOLD / "fresh3", "fresh3_second.jsonl": GOLD / "fresh3"}
ANNOTATIONS = tuple(TEXTS)


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text("utf-8").splitlines()
            if line.strip()]


def _metadata(texts: Path) -> dict[str, dict]:
    return {m["file"]: m for m in map(json.loads, (texts / "metadata.jsonl").read_text(
        "utf-8").splitlines())}


FOLDERS = sorted(set(TEXTS.values()))
NOT_IN_KB = {"HKG"}  # CAMEO's Hong Kong, which the knowledge base has no entry for
UNKNOWN = re.compile(r"x-(?:person|org)-([a-z0-9]+(?:-[a-z0-9]+)*)")


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    return load_kb()


@lru_cache(maxsize=1)
def _sectors() -> set[str]:
    kb = _kb()
    return ({s for terms in kb.agents.values() for s in terms.values()}
            | {r.sector for a in kb.actors.values() for r in a.roles})


def _text(texts: Path, file: str) -> str:
    return (texts / file).read_text("utf-8")


def _known(actor: str) -> bool:
    """A knowledge-base id, an agent code (a state plus a knowledge-base sector), or the id marea
    gives a name the knowledge base cannot resolve."""
    kb = _kb()
    if actor in kb.actors:
        return True
    if re.fullmatch(r"[A-Z]{3}(?:[A-Z]{3})?", actor):
        state, sector = actor[:3], actor[3:]
        return ((state in NOT_IN_KB or kb.actors.get(state, None) is not None
                 and kb.actors[state].type == "country")
                and (not sector or sector in _sectors()))
    unknown = UNKNOWN.fullmatch(actor)
    return unknown is not None and not kb.lookup(unknown.group(1).replace("-", " "))


@pytest.mark.parametrize(("name", "per_language"), [
    ("fresh.jsonl", 3), ("fresh_second.jsonl", 3), ("fresh2.jsonl", 4),
    ("fresh2_second.jsonl", 4), ("fresh3.jsonl", (3, 5))])
def test_each_set_has_its_texts_in_each_language(name: str, per_language: int | tuple[int, int]
                                                  ) -> None:
    english, spanish = per_language if isinstance(per_language, tuple) else (per_language,) * 2
    files = {row["file"] for row in _rows(name)}
    assert files == set(_metadata(TEXTS[name])) == {p.name for p in TEXTS[name].glob("*.txt")}
    assert sorted(f[:2] for f in files) == ["en"] * english + ["es"] * spanish


@pytest.mark.parametrize("path", [p for folder in FOLDERS for p in sorted(folder.glob("*.txt"))],
                         ids=lambda p: p.name)
def test_texts_are_what_marea_reads(path: Path) -> None:
    """Ingesting a text gives the same characters, so the offsets are marea's offsets."""
    text = path.read_text("utf-8")
    assert normalise(remove_chrome(text)) == text.rstrip("\n")


@pytest.mark.parametrize("name", ANNOTATIONS)
def test_every_trigger_is_at_its_offset_inside_its_sentence(name: str) -> None:
    for row in _rows(name):
        text, start = _text(TEXTS[name], row["file"]), row["trigger_start"]
        assert text[start:start + len(row["trigger"])] == row["trigger"], row
        begin = text.rfind(row["sentence"], 0, start + len(row["sentence"]))
        assert begin >= 0 and start + len(row["trigger"]) <= begin + len(row["sentence"]), row


@pytest.mark.parametrize("name", ANNOTATIONS)
def test_types_and_modes_are_the_ontology_s(name: str) -> None:
    types = ontology()
    for row in _rows(name):
        assert row["type"] in types, row
        assert row["mode"] is None or row["mode"] in types[row["type"]].modes, row
        assert row["modality"] in ("asserted", "negated", "hypothetical", "future", "demanded")


@pytest.mark.parametrize("name", ANNOTATIONS)
def test_every_actor_is_known_to_the_kb_or_a_generic_code(name: str) -> None:
    for row in _rows(name):
        assert row["source"] or row["target"], row
        for role in ("source", "target", "speaker"):
            assert row[role] is None or _known(row[role]), (role, row)


def test_the_actor_check_can_fail() -> None:
    assert _known("mike-pompeo") and _known("ARGJUD") and _known("x-person-taty-almeida")
    assert not _known("x-person-mike-pompeo")  # the knowledge base knows him
    assert not _known("ARGXYZ") and not _known("Mike Pompeo")


@pytest.mark.parametrize("name", ANNOTATIONS)
def test_dates_and_uniqueness(name: str) -> None:
    keys = set()
    metadata = _metadata(TEXTS[name])
    for row in _rows(name):
        published = metadata[row["file"]]["published"]
        if row["date_basis"] == "publication":
            assert row["date"] == published, row
        elif row["modality"] == "asserted":
            assert row["date"] <= published, row
        key = tuple(row[k] for k in ("file", "trigger_start", "type", "mode", "source", "target"))
        assert key not in keys, row
        keys.add(key)


def test_the_benchmark_splits_the_files_as_the_readme_says() -> None:
    from benchmarks import events

    dev = {f for f in _metadata(TEXTS["fresh.jsonl"]) if events.FRESH.half(f) == "dev"}
    assert dev == {"es-ultimahora-apelacion.txt", "es-pagina12-suprema.txt",
                   "en-chron-esper.txt"}
    dev = {f for f in _metadata(TEXTS["fresh2.jsonl"]) if events.FRESH2.half(f) == "dev"}
    assert dev == {"es-elpais-gobierno.txt", "en-snopes-yovanovitch.txt",
                   "es-paginasiete-carabineros.txt", "es-publimetro-ministra.txt"}
    dev = {f for f in _metadata(TEXTS["fresh3.jsonl"]) if events.FRESH3.half(f) == "dev"}
    assert dev == {"en-paradigm-saraki.txt", "es-minuto30-lasierra.txt",
                   "en-polygraph-altanf.txt", "es-ambito-paritarias.txt"}


def test_the_third_set_s_second_annotation_covers_its_held_out_half() -> None:
    """Its agreement figures are for the half that measures the session's work, nothing else."""
    from benchmarks import events

    files = {row["file"] for row in _rows("fresh3_second.jsonl")}
    assert files == {f for f in _metadata(TEXTS["fresh3.jsonl"])
                     if events.FRESH3.half(f) == "held-out"}


def test_agreement_kappa_and_f1_are_the_textbook_figures() -> None:
    """Two annotators agreeing on 7 of 10 items, labelling them A/B 5/5 and 6/4, have kappa .4
    (observed .7, chance .5); F1 of 3 shared keys out of 4 and 6 is .6."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("agreement", GOLD / "agreement.py")
    assert spec and spec.loader
    agreement = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(agreement)
    pairs = [("A", "A")] * 4 + [("B", "B")] * 3 + [("A", "B")] + [("B", "A")] * 2
    assert round(agreement.kappa(pairs), 3) == 0.4
    assert agreement.f1({1, 2, 3, 4}, {1, 2, 3, 5, 6, 7}) == (0.5, 0.75, 0.6)
