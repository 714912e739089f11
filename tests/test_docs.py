"""The documentation's Python examples run as written (from the repository root)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO

PAGES = [REPO / "docs" / "api.md", REPO / "docs" / "extractors.md"]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _blocks() -> list[tuple[str, str]]:
    return [
        (f"{page.name}#{n}", code)
        for page in PAGES
        for n, code in enumerate(BLOCK.findall(page.read_text(encoding="utf-8")), start=1)
    ]


@pytest.mark.parametrize(("where", "code"), _blocks(), ids=[w for w, _ in _blocks()])
def test_the_example_runs(where: str, code: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{where}:\n{done.stderr}"


def test_every_page_has_examples() -> None:
    assert all(BLOCK.search(Path(p).read_text(encoding="utf-8")) for p in PAGES)
