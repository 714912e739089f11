"""Shared fixtures: the gold set loaded once per session, a private copy of it that a test
may break, and the CLI as a real subprocess. Plain helpers are in ``tests/support.py``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.support import GOLD, REPO, Run, repo_gold

if TYPE_CHECKING:
    from figdate.goldset.store import GoldSet


@pytest.fixture(scope="session")
def gold_set() -> GoldSet:
    """The repository's gold set, read and validated once for the whole session."""
    return repo_gold()


@pytest.fixture
def gold_copy(tmp_path: Path) -> Path:
    """A copy of the gold set that a test may break."""
    target = tmp_path / "gold"
    shutil.copytree(GOLD, target, ignore=shutil.ignore_patterns("drafts"))
    return target


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
