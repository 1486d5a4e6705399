"""benchmarks/api.py's copy_documents grows a store by copying rows: the first copies of each
document go through a narratives update and later ones take the first copy's memberships,
added as an update adds members, so the figures and running counts equal a full recount of
every member, and no step rebuilds the narratives."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import api
from marea.opinion import narratives
from marea.pipeline import ingest
from marea.search import refresh_indexes
from marea.settings import load_settings
from marea.store import Store
from tests.conftest import EXAMPLES

FIGURES = ("SELECT narrative_id, label, terms, sentences, documents, sources, first_date, "
           "last_date, round(cohesion, 9), example_sentence, example_similarity, actor_ids, "
           "event_types FROM narratives ORDER BY narrative_id")
COUNTS = "SELECT * FROM narrative_counts ORDER BY ALL"
# a copy's number (0 for an original) from its input's locator
COPY = "coalesce(nullif(regexp_extract(i.locator, '#copy-(\\d+)$', 1), '')::INT, 0)"
# members per copy number and original (a copy's id starts as its original's)
MEMBERS = (f"SELECT {COPY}, left(n.doc_id, 10), count(*) FROM narrative_sentences n "
           "JOIN inputs i USING (doc_id) GROUP BY ALL")


def test_copied_narrative_rows_equal_a_full_recount_and_need_no_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings().with_(db=str(tmp_path / "copied.duckdb"))
    paths = [str(EXAMPLES / "html" / name) for name in (
        "en-news-peru-castillo-ouster.html", "en-opinion-us-aid.html",
        "es-news-bolivia-2019.html", "es-news-lula-inauguration.html")]
    with Store(settings.db) as store:
        assert not ingest(paths, store, settings).failed
        (centres,), = store.query("SELECT count(*) FROM narrative_centres")
        assert centres and store.query("SELECT count(*) FROM narrative_pool") != [(0,)]
        rebuilt: list[Store] = []
        monkeypatch.setattr(narratives, "rebuild", rebuilt.append)
        api.copy_documents(store, 4 * (api.UPDATED_COPIES + 3))  # 2 later copies each
        members = {(copy, doc): n for copy, doc, n in store.query(MEMBERS)}
        first = {doc: n for (copy, doc), n in members.items() if copy == 1}
        assert first  # the first copies joined narratives
        for k in range(api.UPDATED_COPIES + 1, api.UPDATED_COPIES + 3):
            assert {doc: n for (copy, doc), n in members.items()
                    if copy == k} == first
        # the leftovers of the copies placed by the update stay pooled, the later ones' not
        assert store.query(f"SELECT count(*) FROM narrative_pool p JOIN inputs i USING (doc_id) "
                           f"WHERE {COPY} > ?", [api.UPDATED_COPIES]) == [(0,)]
        copied = store.query(FIGURES), store.query(COUNTS)
        assert refresh_indexes(store) == []  # copy_documents refreshed everything
        store.con.execute("UPDATE narratives SET example_doc_id = NULL")
        narratives.recount_missing(store)  # counts every member afresh
        assert (store.query(FIGURES), store.query(COUNTS)) == copied
        assert not rebuilt
