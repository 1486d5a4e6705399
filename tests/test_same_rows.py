"""benchmarks/same_rows.py tells two stores apart by their rows, not by when they ran
(nor by a float's last digits)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from benchmarks import same_rows


def _store(path: Path, rows: list[tuple[int, str, str]], confidence: float = 0.999999999999455
           ) -> Path:
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (idx INTEGER, code VARCHAR, stored_at TIMESTAMP)")
    con.executemany("INSERT INTO events VALUES (?, ?, ?)", rows)
    con.execute("CREATE TABLE fetch_state (url VARCHAR, fetched_at VARCHAR)")
    con.execute("INSERT INTO fetch_state VALUES ('https://example.org/a', ?)", [rows[0][2]])
    con.execute("CREATE TABLE documents (doc_id VARCHAR, language_confidence DOUBLE)")
    con.execute("INSERT INTO documents VALUES ('b5e1', ?)", [confidence])
    con.close()
    return path


def test_stores_differing_only_in_clocks_have_the_same_rows(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    old = _store(tmp_path / "old.duckdb", [(1, "PROTEST", "2026-01-01 10:00:00"),
                                           (2, "ACCUSE", "2026-01-01 10:00:01")])
    new = _store(tmp_path / "new.duckdb", [(2, "ACCUSE", "2026-02-03 09:00:00"),
                                           (1, "PROTEST", "2026-02-03 09:00:05")],
                 confidence=0.9999999999994551)  # the detector's last digit varies by run
    assert same_rows.compare(old, new) == 0
    assert "events: 2 rows, identical" in capsys.readouterr().out


def test_a_changed_row_is_shown_on_both_sides(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    old = _store(tmp_path / "old.duckdb", [(1, "PROTEST", "2026-01-01 10:00:00"),
                                           (1, "PROTEST", "2026-01-01 10:00:00")])
    new = _store(tmp_path / "new.duckdb", [(1, "PROTEST", "2026-01-01 10:00:00"),
                                           (1, "ACCUSE", "2026-01-01 10:00:00")])
    assert same_rows.compare(old, new) == 1
    out = capsys.readouterr().out
    assert "events: 2 -> 2 rows, DIFFERENT" in out
    assert "  old only: ('1', \"'PROTEST'\")" in out
    assert "  new only: ('1', \"'ACCUSE'\")" in out
