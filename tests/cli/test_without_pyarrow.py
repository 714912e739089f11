"""A plain install (no ``parquet`` extra) scores JSONL and CSV files: pyarrow is blocked in
the subprocess, as if it were not installed. The wheel installed without extras is checked
for real in ``tests/test_install.py`` (slow)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_scoring_commands import gold_as_predictions, write_jsonl
from tests.support import GOLD, REPO

BLOCK = "import sys; sys.modules['pyarrow'] = None\n"
"""Import of pyarrow (and of every pyarrow.x) then raises ImportError; find_spec says None."""


def _python(code: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-c", BLOCK + code], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300, check=False)  # fmt: skip


def _cli(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _python(f"from figdate.cli import main; sys.exit(main({list(args)!r}))", cwd)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import pandas as pd

    folder = tmp_path_factory.mktemp("plain")
    rows = gold_as_predictions()
    write_jsonl(folder / "p.jsonl", rows)
    pd.DataFrame(rows).to_csv(folder / "p.csv", index=False)
    return folder


def test_the_block_holds(files: Path) -> None:
    done = _python("import pyarrow", files)
    assert done.returncode == 1
    assert "ModuleNotFoundError" in done.stderr


@pytest.mark.parametrize("name", ["p.jsonl", "p.csv"])
def test_score_and_validate_read_text_tables_without_pyarrow(files: Path, name: str) -> None:
    scored = _cli(files, "score", name, "--gold", str(GOLD), "--resamples", "0")
    assert scored.returncode == 0, scored.stderr[-2000:]
    assert "Traceback" not in scored.stderr
    assert "1.000" in scored.stdout
    checked = _cli(files, "validate", name, "--gold", str(GOLD))
    assert checked.returncode == 0, checked.stdout + checked.stderr[-2000:]


def test_eval_from_a_file_and_the_api_without_pyarrow(files: Path) -> None:
    done = _cli(files, "eval", "--extractor", "file:p.jsonl", "--gold", str(GOLD),
                "--resamples", "0")  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "1.000" in done.stdout
    api = _python(f"import figdate; print(figdate.score('p.csv', gold={str(GOLD)!r}).table())",
                  files)  # fmt: skip
    assert api.returncode == 0, api.stderr[-2000:]
    assert "1.000" in api.stdout


def test_a_parquet_file_without_pyarrow_says_what_to_install(files: Path) -> None:
    (files / "p.parquet").write_bytes(b"PAR1" + b"\0" * 16 + b"PAR1")
    done = _cli(files, "score", "p.parquet", "--gold", str(GOLD), "--resamples", "0")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "figdate[parquet]" in done.stdout + done.stderr
