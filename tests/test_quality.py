"""Quality gate: each stage's scores on its gold set stay above the floors in baseline.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
FLOORS = json.loads((BENCHMARKS / "baseline.json").read_text("utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["actors", "events", "stance", "frames", "themes",
                                   "domain"])
def test_stage_scores_stay_above_their_floors(stage: str) -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / f"{stage}.py"), "--json"],
                            capture_output=True, text=True, timeout=600, check=True)
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    for metric, floor in FLOORS[stage].items():
        assert scores[metric] >= floor, f"{stage} {metric} {scores[metric]:.3f} < floor {floor}"
