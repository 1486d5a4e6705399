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


def test_listing_and_dashboard_queries_close_their_cursors(
        store: Store, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each query's cursor is closed when it returns (an open one holds DuckDB's result
    and a thread's state until the store closes)."""
    import duckdb

    from marea.web.pages import _rows

    assert not ingest([str(EXAMPLES / "text")], store, settings).failed
    opened: list[duckdb.DuckDBPyConnection] = []
    cursor = store.cursor
    monkeypatch.setattr(store, "cursor", lambda: opened.append(cursor()) or opened[-1])
    corpus = Corpus(store)
    assert len(corpus.documents(limit=2)) == 2
    assert _rows(corpus, "SELECT count(*) AS n FROM documents")[0]["n"] >= 2
    assert len(opened) == 2
    for each in opened:
        with pytest.raises(duckdb.ConnectionException, match="closed"):
            each.execute("SELECT 1")
