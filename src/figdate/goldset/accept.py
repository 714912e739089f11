"""``figdate gold accept``: a reviewed draft into the gold set, all of it or none of it.

The whole set with the draft is built in a scratch copy and checked as ``figdate gold
check`` would; only if it passes are the new files swapped in, with the manifest and card,
in one step (``figdate.core.transaction``). A problem is reported at its line in the draft.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from figdate.core.model import ARTICLE_COLUMNS, MENTION_COLUMNS, records
from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path, read_table
from figdate.core.transaction import REMOVE, commit
from figdate.core.values import is_empty
from figdate.goldset.audit import inspect
from figdate.goldset.card import write_card
from figdate.goldset.drafts import MENTIONS, META, TEXT, load_draft, to_csv
from figdate.goldset.layout import ARTICLES, CARD, DRAFTS, MANIFEST, TEXTS
from figdate.goldset.layout import MENTIONS as GOLD_MENTIONS
from figdate.goldset.manifest import write_manifest
from figdate.goldset.store import GoldSet, load, locate


def accept(ident: str, root: Path | None = None) -> GoldSet:
    """Move reviewed draft ``ident`` into the gold set, with its manifest and card, once the
    whole set with it passes ``figdate gold check``; InputError with the problems if not."""
    gold_root = locate(root)
    article, frame, folder = load_draft(gold_root, ident)
    unplaced = [
        i + 1
        for i, r in enumerate(records(frame))
        if is_empty(r.get("start")) or is_empty(r.get("end"))
    ]
    if unplaced:
        reason = f"rows {unplaced} have no offsets: run `figdate gold fix-offsets {ident}`"
        raise InputError([Problem(display_path(folder / MENTIONS), reason=reason)])
    rows = records(frame)
    for row in rows:
        row["article_id"] = ident
    before = {name: len(read_table(gold_root / name).lines) for name in (ARTICLES, GOLD_MENTIONS)}
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "gold"
        shutil.copytree(gold_root, trial, ignore=shutil.ignore_patterns(DRAFTS))
        _append(trial / ARTICLES, to_csv([article.metadata()], ARTICLE_COLUMNS, header=False))
        _append(trial / GOLD_MENTIONS, to_csv(rows, MENTION_COLUMNS, header=False))
        shutil.copyfile(folder / TEXT, trial / TEXTS / f"{ident}.txt")
        write_manifest(trial)
        try:
            write_card(trial)  # loads the set: its problems are the draft's
            problems, loaded = inspect(trial)
        except InputError as exc:
            problems, loaded = exc.problems, None
        if problems or loaded is None:
            raise InputError([_relocated(p, trial, gold_root, folder, before) for p in problems])
        names = (
            ARTICLES,
            GOLD_MENTIONS,
            MANIFEST,
            CARD,
            f"{TEXTS}/{ident}.txt",
        )
        changes: dict[Path, bytes | None] = {gold_root / n: (trial / n).read_bytes() for n in names}
        changes[folder] = REMOVE
        commit(changes)
    return load(gold_root)


def _append(path: Path, rows: bytes) -> None:
    data = path.read_bytes()
    if data and not data.endswith(b"\n"):
        data += b"\n"
    path.write_bytes(data + rows)


def _relocated(
    problem: Problem, trial: Path, root: Path, folder: Path, before: Mapping[str, int]
) -> Problem:
    """A problem found in the trial copy, named as the file the user edits: a row that came
    from the draft is reported at its line in the draft."""
    name = Path(problem.file).name
    from_draft = name in before and problem.row is not None and problem.row > before[name]
    if problem.file.startswith(str(trial)) and from_draft and problem.row is not None:
        row = problem.row - before[name]
        draft = folder / (META if name == ARTICLES else MENTIONS)
        return Problem(display_path(draft), row + 1, row, problem.column, problem.reason)
    shown = problem.file.replace(str(trial), display_path(root))
    return Problem(shown, problem.line, problem.row, problem.column, problem.reason)
