"""Shared fixtures: a private copy of the real gold set, and the CLI as a real subprocess."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "gold"


@pytest.fixture
def gold_copy(tmp_path: Path) -> Path:
    """A copy of the gold set that a test may break."""
    target = tmp_path / "gold"
    shutil.copytree(GOLD, target)
    return target


def snapshot(root: Path) -> dict[str, str]:
    """Hash of every file below root: to prove a command rewrote nothing."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def figdate() -> Run:
    """Run the installed ``figdate`` command in a subprocess."""

    def run(
        *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        exe = Path(sys.executable).with_name("figdate")
        # the test extractors live in tests/: importable as tests.extractors.fixtures
        environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
        return subprocess.run(
            [str(exe), *args],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=environment,
            timeout=300,
            check=False,
        )

    return run
