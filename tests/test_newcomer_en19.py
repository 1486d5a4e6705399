"""A newcomer's read of an English wire page (session 19: AFP on a Taliban prisoner swap,
article-extraction-benchmark, MIT): a group whose role changed with the date, reported speech,
pronouns, relative clauses, talks scuttled, a surname tagged a date, "the next year".
Sentences of our own, after that page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from marea.store import Store
from tests.conftest import jsonl_store, mention_links

# the Taliban were insurgents until they took Kabul on 2021-08-15, the government after
INSURGENTS = "The Taliban attacked a checkpoint in Kandahar province on Monday."
RULERS = "The Taliban closed girls' schools in Kandahar province on Monday."

DOCS = [
    {"text": INSURGENTS, "language": "en", "published": "2018-03-05"},
    {"text": RULERS, "language": "en", "published": "2023-03-06"},
]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    with jsonl_store(tmp_path_factory.mktemp("en19"), DOCS) as store:
        yield store


def test_a_group_whose_role_changed_has_the_role_of_the_date(page: Store) -> None:
    assert mention_links(page, 1, "Taliban") == {("taliban", "AFGREB")}
    assert mention_links(page, 2, "Taliban") == {("taliban", "AFGGOV")}
