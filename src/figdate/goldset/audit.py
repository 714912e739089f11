"""``figdate gold check``: every problem of a gold folder, in one read.

Files and schemas (``store``), the guideline rules a schema cannot state (``guidelines``),
the manifest and the dataset card, each reported as one line at its file and row.
"""

from __future__ import annotations

from pathlib import Path

from figdate.core.problems import Problem
from figdate.goldset import guidelines
from figdate.goldset.card import card_problems
from figdate.goldset.location import locate
from figdate.goldset.manifest import follows_figdate, manifest_problems
from figdate.goldset.store import GoldSet, Read, gold_set, read_folder


def inspect(root: str | Path | None = None) -> tuple[list[Problem], GoldSet | None]:
    """Every problem in a gold set (files, schemas, guidelines, manifest, card) and, when
    there is none, the loaded set: one read serves both the check and its report."""
    gold_root = locate(root)
    read = read_folder(gold_root)
    problems = list(read.problems)
    problems += _guideline_problems(read, gold_root)
    problems += manifest_problems(gold_root)
    if read.mentions is None or problems:
        return problems, None
    loaded = gold_set(gold_root, read)
    problems += card_problems(loaded)
    return problems, None if problems else loaded


def check(root: str | Path | None = None) -> list[Problem]:
    """Every problem in a gold set: files, schemas, guidelines, manifest and card."""
    return inspect(root)[0]


def _guideline_problems(read: Read, root: Path) -> list[Problem]:
    """figdate's guideline rules, for a dataset that follows them (not an imported one)."""
    if read.mentions is None or read.table is None or not follows_figdate(root):
        return []
    table = read.table
    out = []
    for index, column, reason in guidelines.check_mentions(read.mentions, read.articles):
        line, row = table.where(index)
        out.append(Problem(table.path, line, row, column, reason))
    return out
