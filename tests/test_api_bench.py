"""benchmarks/api.py's copy_documents grows a store by copying rows: the copies' narrative rows
are added as an update adds members, so the figures and running counts equal a full recount
of every member, and the next refresh of the narratives adds nothing (no rebuild)."""

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


def test_copied_narrative_rows_equal_a_full_recount_and_need_no_rebuild(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings().with_(db=str(tmp_path / "copied.duckdb"))
    paths = [str(EXAMPLES / "html" / name) for name in (
        "en-news-peru-castillo-ouster.html", "en-opinion-us-aid.html",
        "es-news-bolivia-2019.html", "es-news-lula-inauguration.html")]
    with Store(settings.db) as store:
        assert not ingest(paths, store, settings).failed
        before = dict(store.query("SELECT left(doc_id, 10), count(*) "
                                  "FROM narrative_sentences GROUP BY 1"))
        (pool,), = store.query("SELECT count(*) FROM narrative_pool")
        assert before and pool  # the originals have members and leftovers to copy
        rebuilt: list[Store] = []
        monkeypatch.setattr(narratives, "rebuild", rebuilt.append)
        api.copy_documents(store, 10)
        # each copy (its id starts as its original's) has its original's members
        copies = dict(store.query("SELECT left(doc_id, 10), count(*) FROM documents "
                                  "GROUP BY 1"))
        assert dict(store.query("SELECT left(doc_id, 10), count(*) FROM narrative_sentences "
                                "GROUP BY 1")) == {d: n * copies[d] for d, n in before.items()}
        # the copies' leftovers joined the pool with their own vectors
        (pooled,), = store.query("SELECT count(*) FROM narrative_pool")
        assert pooled > pool
        assert store.query("SELECT count(*) FROM narrative_pool p JOIN sentence_vectors v "
                           "USING (doc_id, sentence) WHERE v.vector = p.vector") == [(pooled,)]
        copied = store.query(FIGURES), store.query(COUNTS)
        assert refresh_indexes(store) == []  # copy_documents refreshed everything
        store.con.execute("UPDATE narratives SET example_doc_id = NULL")
        narratives.recount_missing(store)  # counts every member afresh
        assert (store.query(FIGURES), store.query(COUNTS)) == copied
        assert not rebuilt
