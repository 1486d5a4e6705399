"""benchmarks/retrieval.py times re-scoring on eight queries a language, and says when it
had fewer (a pool source absent leaves a language few queries)."""

from __future__ import annotations

from benchmarks import retrieval


def test_eight_queries_a_language_are_timed_spread_over_them() -> None:
    assert retrieval.timed_queries(32) == [0, 4, 8, 12, 16, 20, 24, 28]
    assert retrieval.timed_queries(20) == [0, 2, 4, 6, 8, 10, 12, 14]
    assert retrieval.timed_queries(5) == [0, 1, 2, 3, 4]
    assert retrieval.timed_queries(0) == []


def test_a_timing_over_fewer_than_eight_queries_a_language_says_it_is_noise() -> None:
    seconds = [0.2] * 8 + [0.4] * 3
    line = retrieval.rerank_line("400", seconds, {"en": 8, "es": 3})
    assert line == ("    re-scoring 400 candidates: 255 ms a query (median 200, 11 queries, "
                    "no vector reused); NOISY: only 3 es queries timed, under 8 a language")
    steady = retrieval.rerank_line("400", [0.2] * 16, {"en": 8, "es": 8})
    assert steady.endswith("(median 200, 16 queries, no vector reused)")
