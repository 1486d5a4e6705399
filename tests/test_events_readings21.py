"""A newcomer's read of two unread AP pages (session 21, article-extraction-benchmark
e7994d550087: the Conservatives' "factcheckUK" account, and c90731f051d0: the third
impeachment hearing, both 2019-11-20). The pages' sentences, or ours of the same construction."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import events_by_sentence

SENTENCES = {
    "each other": "In their first TV debate of the election on Tuesday, Johnson and Corbyn attacked "
                  "each other's policies on Brexit, health care and the economy.",
    "one another": "Boris Johnson and Jeremy Corbyn criticized one another.",
}


@pytest.fixture(scope="module")
def found(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[str, ...]]]:
    folder: Path = tmp_path_factory.mktemp("readings21")
    return events_by_sentence(folder, SENTENCES, "en", "2019-11-20",
                              "e.type, e.trigger, e.source_id, e.target_id, e.modality")[1]


def test_reciprocal_object_makes_each_subject_the_others_target(
        found: dict[str, set[tuple[str, ...]]]) -> None:
    pairs = {(e[2], e[3]) for e in found["each other"] if e[0] == "ACCUSE"}
    assert len(pairs) == 2 and all(source and target and source != target
                                   for source, target in pairs), found["each other"]
    assert {(e[2], e[3]) for e in found["one another"]} == {
        ("boris-johnson", "jeremy-corbyn"), ("jeremy-corbyn", "boris-johnson")}
