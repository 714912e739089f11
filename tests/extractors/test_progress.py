"""The progress bar: on a terminal and only past a second; never in a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO, repo_gold

FIXTURES = "tests.extractors.fixtures"


def stderr_on_a_terminal(tmp_path: Path, spec: str) -> str:
    """Run figdate eval with stderr on a pseudo-terminal; return what it wrote there."""
    master, slave = pty.openpty()
    exe = Path(sys.executable).with_name("figdate")
    process = subprocess.Popen(
        [str(exe), "eval", "--extractor", spec, "--no-cache"],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_a_slow_run_on_a_terminal_shows_progress(tmp_path: Path) -> None:
    shown = stderr_on_a_terminal(tmp_path, f"{FIXTURES}:slow")
    assert "article" in shown
    assert f"/{len(repo_gold().articles)}" in shown


def test_a_fast_run_on_a_terminal_stays_quiet(tmp_path: Path) -> None:
    assert stderr_on_a_terminal(tmp_path, f"{FIXTURES}:digits") == ""


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_a_slow_run_into_a_pipe_stays_quiet(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("figdate")
    done = subprocess.run(
        [str(exe), "eval", "--extractor", f"{FIXTURES}:slow", "--no-cache"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.stderr == ""
