"""``figdate runs list/compare`` and ``--against`` read what ``--json`` and the plugin save."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import GOLD, Run


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_eval_json_is_a_saved_run_for_runs_and_against(figdate: Run, tmp_path: Path) -> None:
    folder = tmp_path / ".figdate"
    folder.mkdir()
    a = figdate("eval", "--gold", str(GOLD), "--resamples", "0",
                "--json", str(folder / "0001_rules.json"), cwd=tmp_path)  # fmt: skip
    assert a.returncode == 0, a.stderr
    digits = "tests.extractors.fixtures:digits"
    b = figdate("eval", "--gold", str(GOLD), "--resamples", "0", "--extractor", digits,
                "--json", str(folder / "0002_digits.json"), "--against", "1",
                "--markdown", str(tmp_path / "pr.md"), cwd=tmp_path)  # fmt: skip
    assert b.returncode == 0, b.stderr
    assert "#### Change against the saved run (rules" in (tmp_path / "pr.md").read_text()
    listed = figdate("runs", "list", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    rows = listed.stdout.splitlines()[1:]
    assert [row.split()[:2] for row in rows] == [["0001", "rules"], ["0002", "digits"]]
    compared = figdate("runs", "compare", "1", "2", "--scheme", "value", cwd=tmp_path)
    assert compared.returncode == 0, compared.stderr
    line = next(x for x in compared.stdout.splitlines() if x.startswith("all     value    f1"))
    before, after, change, mark = line.split()[3:7]
    assert float(after) < float(before)
    assert float(change) == pytest.approx(float(after) - float(before), abs=0.0015)
    assert mark == "v"  # a drop is marked


def test_a_bad_run_is_one_line(figdate: Run, tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text(json.dumps({"figures": {}}))
    done = figdate("runs", "compare", "x.json", "x.json", cwd=tmp_path)
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0
    assert "not a figdate saved run" in done.stderr
    missing = figdate("runs", "compare", "7", "x.json", cwd=tmp_path)
    assert "no saved run 0007" in missing.stderr
