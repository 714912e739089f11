"""One sign convention for every comparison: B - A, stated in the header. ``compare`` used
to print A - B while ``runs compare`` printed B - A; ``eval --against`` showed the change
only in Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.test_scoring_commands import gold_as_predictions, write_jsonl
from tests.support import GOLD, Run

NOTE = "change = B - A: positive when B scores higher (higher is better)"


def _change(stdout: str, kind: str) -> float:
    """The value-scheme F1 change of ``kind``: the last signed number of its row."""
    for line in stdout.splitlines():
        if re.match(rf"^{kind} +value +(f1 +)?[0-9.]", line):
            return float(re.findall(r"[+-]\d\.\d{3}", line)[-1])
    raise AssertionError(stdout)


def test_compare_and_runs_compare_agree_on_the_sign(figdate: Run, tmp_path: Path) -> None:
    worse = write_jsonl(tmp_path / "worse.jsonl", gold_as_predictions(step=3))
    better = write_jsonl(tmp_path / "better.jsonl", gold_as_predictions(step=1))
    compared = figdate("compare", str(worse), str(better), "--gold", str(GOLD),
                       "--resamples", "50", cwd=tmp_path)  # fmt: skip
    assert compared.returncode == 0, compared.stderr
    assert NOTE in compared.stdout
    assert _change(compared.stdout, "all") > 0  # B (better) minus A (worse)
    for name in ("worse", "better"):
        done = figdate("score", f"{name}.jsonl", "--gold", str(GOLD), "--resamples", "0",
                       "--json", f"{name}.json", cwd=tmp_path)  # fmt: skip
        assert done.returncode == 0, done.stderr
    runs = figdate("runs", "compare", "worse.json", "better.json", cwd=tmp_path)
    assert runs.returncode == 0, runs.stderr
    assert NOTE in runs.stdout
    assert _change(runs.stdout, "all") > 0
    assert _change(runs.stdout, "all") == _change(compared.stdout, "all")


def test_eval_against_a_saved_run_shows_the_change(figdate: Run, tmp_path: Path) -> None:
    saved = figdate("eval", "--gold", str(GOLD), "--resamples", "0", "--json", "base.json",
                    cwd=tmp_path)  # fmt: skip
    assert saved.returncode == 0, saved.stderr
    worse = write_jsonl(tmp_path / "worse.jsonl", gold_as_predictions(step=2))
    done = figdate("eval", "--extractor", f"file:{worse}", "--gold", str(GOLD),
                   "--resamples", "0", "--against", "base.json", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Change against the saved run (value scheme)" in done.stdout
    assert NOTE in done.stdout
    assert _change(done.stdout.split("Change against")[1], "all") < 0
