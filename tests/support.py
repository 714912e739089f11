"""Helpers shared by the tests: where the repository and its gold set are, and a snapshot
of a folder's files (to prove a command rewrote nothing). Fixtures are in conftest.py."""

from __future__ import annotations

import functools
import hashlib
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from figdate.goldset.store import GoldSet

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(os.environ["FIGDATE_GOLD"]) if os.environ.get("FIGDATE_GOLD") else REPO / "gold"
"""The gold set the suite runs on: the repository's, or ``$FIGDATE_GOLD`` (``make
test-grown`` points it at a copy with one more article, so no test may assume the size)."""

Run = Callable[..., subprocess.CompletedProcess[str]]
"""The ``figdate`` fixture: run the installed command in a subprocess."""


def snapshot(root: Path) -> dict[str, str]:
    """Hash of every file below root: to prove a command rewrote nothing."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@functools.cache
def repo_gold() -> GoldSet:
    """The repository's gold set, read and validated once per test session, on first use
    (never at import: collecting the tests costs no gold set). The ``gold_set`` fixture
    hands the same object to tests that take it as an argument."""
    from figdate.goldset.store import load

    return load(GOLD)


def write_gold_as_predictions(folder: Path, *names: str) -> None:
    """The gold set's required mentions as prediction files (``.jsonl`` or ``.csv`` by
    name): what a perfect extractor would write, scoring 1.000 everywhere."""
    import pandas as pd

    gold = repo_gold().mentions
    columns = ["article_id", "kind", "start", "end", "text", "value"]
    rows = pd.DataFrame(gold[~gold["optional"]][columns].astype(object).where(gold.notna(), None))
    for name in names:
        if name.endswith(".csv"):
            rows.to_csv(folder / name, index=False)
        else:
            rows.to_json(folder / name, orient="records", lines=True)
