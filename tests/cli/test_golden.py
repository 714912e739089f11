"""The commands' outputs on the gold set, byte for byte as recorded (``tests/data/golden``).

Recorded before the restructure into subsystem packages, so a refactor that changes what a
user sees fails here. After an intended change of output, re-record the case with
``python tests/data/golden/record.py CASE`` and say why in the commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.data.golden.cases import CASES, HERE, run

SLOW = {"validate_gold", "validate_mismatch"}  # both engines, GX included: make test-slow


@pytest.mark.parametrize(
    "case", [pytest.param(c, marks=[pytest.mark.slow] if c in SLOW else []) for c in sorted(CASES)]
)
def test_the_output_is_as_recorded(case: str, tmp_path: Path) -> None:
    recorded = (HERE / f"{case}.txt").read_text(encoding="utf-8")
    assert run(case, tmp_path) == recorded


def test_the_recording_would_catch_a_change(tmp_path: Path) -> None:
    recorded = (HERE / "gold_check.txt").read_text(encoding="utf-8")
    assert run("gold_stats", tmp_path) != recorded
