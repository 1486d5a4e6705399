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
def test_actor_linking_stays_above_its_floors() -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "actors.py"), "--json"],
                            capture_output=True, text=True, timeout=600, check=True)
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    for metric, floor in FLOORS["actors"].items():
        assert scores[metric] >= floor, f"actors {metric} {scores[metric]:.3f} < floor {floor}"


@pytest.mark.slow
def test_event_extraction_stays_above_its_floors() -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "events.py"), "--json"],
                            capture_output=True, text=True, timeout=600, check=True)
    scores = json.loads(result.stdout.strip().splitlines()[-1])
    for metric, floor in FLOORS["events"].items():
        assert scores[metric] >= floor, f"events {metric} {scores[metric]:.3f} < floor {floor}"
