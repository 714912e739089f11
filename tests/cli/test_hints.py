"""What figdate tells a user to do next is something that works: the next step keeps
``--gold``, a missing extra names its ``pip install``, and a date-only dataset gets no
qualifier line about figures it cannot have."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support import GOLD, REPO, Run


def test_the_next_step_after_add_keeps_the_gold_folder(figdate: Run, tmp_path: Path) -> None:
    shutil.copytree(GOLD, tmp_path / "my gold", ignore=shutil.ignore_patterns("drafts"))
    (tmp_path / "a.txt").write_text("On Monday 3,000 people left.\n", encoding="utf-8")
    done = figdate("add", "a.txt", "--id", "test-one", "--published", "2024-01-02",
                   "--gold", "my gold", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "against my gold/GUIDELINES.md" in done.stdout
    assert "`figdate gold fix-offsets test-one --gold 'my gold'`" in done.stdout
    assert "`figdate gold accept test-one --gold 'my gold'`" in done.stdout
    fixed = figdate("gold", "fix-offsets", "test-one", "--gold", "my gold", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stderr  # the hint's command runs as printed


def test_a_missing_extra_names_what_to_install(tmp_path: Path) -> None:
    argv = ["eval", "--extractor", "dateparser", "--gold", str(GOLD)]
    code = f"import sys; sys.modules['dateparser'] = None\nfrom figdate.cli import main\n" \
           f"sys.exit(main({argv!r}))"  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=tmp_path, env=env, check=False, timeout=300)  # fmt: skip
    assert done.returncode != 0
    assert "pip install 'figdate[dateparser]'" in done.stderr, done.stderr


def test_a_date_only_dataset_has_no_qualifier_line(figdate: Run, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(REPO / "tests" / "data" / "timeml" / "sample.tml", corpus)
    made = figdate("import", "timeml", str(corpus), "-o", str(tmp_path / "ds"))
    assert made.returncode == 0, made.stderr
    dates = figdate("eval", "--gold", str(tmp_path / "ds"), "--resamples", "0")
    assert dates.returncode == 0, dates.stderr
    assert "TIMEX3 type accuracy" in dates.stdout
    assert "qualifier accuracy" not in dates.stdout
    figures = figdate("eval", "--gold", str(GOLD), "--resamples", "0")
    assert "qualifier accuracy over value-matched figures" in figures.stdout
