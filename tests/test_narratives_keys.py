"""A narratives update counts its new members from the keys recorded when their sentences were
written (`narrative_keys`), never from the store's tokens, mentions and events, and gets the
counts a count over those tables gives; relabelling imports no spaCy."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from marea import search
from marea.opinion import narratives
from marea.pipeline import ingest
from marea.settings import load_settings
from marea.store import Store
from marea.store.schema import WAITING_KEYS
from tests.conftest import EXAMPLES

HIDDEN = ("tokens", "mentions", "events")
FIGURES = ("SELECT narrative_id, sentences, documents, sources, first_date, last_date, "
           "round(cohesion, 9), example_doc_id, example_sentence FROM narratives ORDER BY 1")
COUNTS = "SELECT * FROM narrative_counts ORDER BY ALL"


@pytest.fixture(scope="module")
def waiting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The html examples ingested (narratives built), then the text and feed examples
    ingested without their narratives update: their sentences wait in the inbox."""
    path = tmp_path_factory.mktemp("keys") / "keys.duckdb"
    settings = load_settings().with_(db=str(path))
    with Store(path) as store:
        assert not ingest([str(EXAMPLES / "html")], store, settings).failed
        assert store.query("SELECT count(*) FROM narratives")[0][0] > 0
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(search.REFRESH_STEPS, "narratives", lambda store: None)
            assert not ingest([str(EXAMPLES / "text"), str(EXAMPLES / "feeds")], store,
                              settings).failed
        yield store


def test_an_update_reads_the_recorded_keys_not_the_stores_tables(waiting: Store) -> None:
    """With the tokens, mentions and events tables out of reach the update still counts its
    new members (from their keys), and the counts and figures are those of a recount of every
    narrative from those tables; the keys left are those of the pool's sentences."""
    store = waiting
    (inbox,), = store.query("SELECT count(*) FROM narrative_inbox")
    waiting_keys = set(store.query(WAITING_KEYS))
    assert inbox > 50 and set(store.query("SELECT * FROM narrative_keys")) == waiting_keys
    before = store.query("SELECT narrative_id, sentences FROM narratives ORDER BY 1")
    for table in HIDDEN:
        store.con.execute(f"ALTER TABLE {table} RENAME TO hidden_{table}")
    try:
        touched = narratives.update(store)
    finally:
        for table in HIDDEN:
            store.con.execute(f"ALTER TABLE hidden_{table} RENAME TO {table}")
    after = store.query("SELECT narrative_id, sentences FROM narratives ORDER BY 1")
    grown = [n for (n, size), (_, earlier) in zip(after, before, strict=False) if size > earlier]
    assert touched >= 3 and grown and len(after) > len(before)  # joined and formed
    assert store.query("SELECT count(*) FROM narrative_counts WHERE kind = 'term' "
                       "AND narrative_id = ?", [grown[0]])[0][0] > 0
    assert set(store.query("SELECT * FROM narrative_keys")) == set(store.query(WAITING_KEYS))
    assert store.query("SELECT count(*) FROM narrative_keys k ANTI JOIN narrative_pool p "
                       "ON p.doc_id = k.doc_id AND p.sentence = k.sentence") == [(0,)]
    figures, counts = store.query(FIGURES), store.query(COUNTS)
    with store.transaction():
        store.con.execute("UPDATE narratives SET example_doc_id = NULL")
    narratives.recount_missing(store)  # every narrative, from the store's tables
    assert store.query(FIGURES) == figures and store.query(COUNTS) == counts


def test_relabelling_narratives_imports_no_spacy(waiting: Store, tmp_path: Path) -> None:
    """`marea narratives --rebuild` labels Spanish and Portuguese narratives with spaCy's stop
    words for them, read without importing spaCy (27.7 s cold)."""
    copy = tmp_path / "copy.duckdb"
    waiting.con.execute("CHECKPOINT")
    shutil.copy(waiting.path, copy)
    assert narratives.stop_words("es") >= {"otro", "mismo"}
    assert "acuerdo" not in narratives.stop_words("es") and "mesmo" in narratives.stop_words("pt")
    script = ("import sys\nfrom marea.cli import main\n"
              f"assert main(['narratives', '--rebuild', '--db', {str(copy)!r}]) == 0\n"
              "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-1] == "False" and "rebuilt: " in done.stdout
    with Store(copy, read_only=True) as store:
        assert store.query("SELECT count(*) FROM narratives WHERE terms <> ''")[0][0] > 0
