"""Deep pages by cursor: the documents listing's `next`, passed back as `after`."""

from __future__ import annotations

import pytest

from marea.corpus import Corpus
from marea.errors import ParameterError
from marea.pipeline import ingest
from marea.settings import Settings
from marea.store import Store

from .conftest import EXAMPLES


def test_a_cursor_continues_where_the_page_ended(store: Store, settings: Settings) -> None:
    summary = ingest([str(EXAMPLES / "text"), str(EXAMPLES / "feeds")], store, settings)
    assert not summary.failed
    corpus = Corpus(store)
    every = corpus.documents(limit=None)
    assert len(every) >= 3
    first = corpus.documents(limit=1)
    assert first.attrs["next"] == f"{every['published'][0] or ''}|{every['doc_id'][0]}"
    walked = list(first["doc_id"])
    cursor = first.attrs["next"]
    while cursor:
        page = corpus.documents(limit=1, after=cursor)
        assert page.attrs["total"] == len(every)  # the total counts every match
        walked += list(page["doc_id"])
        cursor = page.attrs.get("next")
    assert walked == list(every["doc_id"])
    with pytest.raises(ParameterError, match=r"\[E167\] after 'tomorrow' is not a listing"):
        corpus.documents(after="tomorrow")
