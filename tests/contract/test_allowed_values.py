"""A value outside a column's allowed set is answered with that column's allowed values
(``type`` and ``mod`` used to list the kinds: "'date' is not one of figure, date")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import GOLD, Run

ROW = {"article_id": "idlib-airstrikes-halted", "kind": "date", "start": 1, "end": 7,
       "text": "Russia", "value": "2020"}  # fmt: skip


@pytest.mark.parametrize(
    ("column", "value", "says"),
    [
        ("type", "date", "'date' is not one of DATE, TIME, DURATION, SET (did you mean 'DATE'?)"),
        ("mod", "about", "'about' is not one of BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER, "),
        ("mod", "APROX", "(did you mean 'APPROX'?)"),
        ("kind", "figures", "'figures' is not one of figure, date (did you mean 'figure'?)"),
        ("qualifier", "roughly", "'roughly' is not one of exact, approx, min, max"),
    ],
)
def test_the_allowed_values_are_the_columns_own(
    figdate: Run, tmp_path: Path, column: str, value: str, says: str
) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({**ROW, column: value}) + "\n", encoding="utf-8")
    done = figdate("validate", str(path), "--gold", str(GOLD), cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if f"column '{column}'" in line]
    assert lines, done.stdout
    assert all(says in line for line in lines), lines
