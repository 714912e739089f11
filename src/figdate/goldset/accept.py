"""``figdate gold accept``: a reviewed draft into the gold set, all of it or none of it.

The whole set with the draft is built in a scratch copy and checked as ``figdate gold
check`` would; only if it passes are the new files swapped in, with the manifest and card,
in one step (``figdate.core.transaction``). A problem is reported at its line in the draft.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from figdate.core.model import ARTICLE_COLUMNS, MENTION_COLUMNS, records
from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path, read_table
from figdate.core.transaction import REMOVE, commit
from figdate.core.values import is_empty
from figdate.goldset.audit import inspect
from figdate.goldset.card import card_text, with_changelog
from figdate.goldset.drafts import MENTIONS, META, OCCURRENCE, TEXT, load_draft, to_csv
from figdate.goldset.layout import ARTICLES, CARD, DRAFTS, MANIFEST, TEXTS, valid_id
from figdate.goldset.layout import MENTIONS as GOLD_MENTIONS
from figdate.goldset.location import locate
from figdate.goldset.manifest import bump_minor, manifest_bytes, read_manifest, render_manifest
from figdate.goldset.store import GoldSet, load
from figdate.goldset.writing import DEFAULT_WAIT, writing


def accept(ident: str, root: Path | None = None, *, wait: float = DEFAULT_WAIT) -> GoldSet:
    """Move reviewed draft ``ident`` into the gold set, with its manifest (the minor version
    bumped) and card (a changelog line), once the whole set with it passes ``figdate gold
    check``; InputError with the problems if not. One writer at a time; all or nothing."""
    gold_root = locate(root, writable=True)
    valid_id(ident, "ID")
    with writing(gold_root, wait=wait):
        changes = _changes(ident, gold_root)
        commit(changes, gold_root)
    return load(gold_root)


def _changes(ident: str, gold_root: Path) -> dict[Path, bytes | None]:
    """Every file the accept rewrites, built and checked in a scratch copy of the set."""
    article, frame, folder = load_draft(gold_root, ident)
    rows = records(frame.drop(columns=[OCCURRENCE], errors="ignore"))  # a locating aid only
    unplaced = [
        i + 1 for i, r in enumerate(rows) if is_empty(r.get("start")) or is_empty(r.get("end"))
    ]
    if unplaced:
        reason = f"rows {unplaced} have no offsets: run `figdate gold fix-offsets {ident}`"
        raise InputError([Problem(display_path(folder / MENTIONS), reason=reason)])
    for row in rows:
        row["article_id"] = ident
    before = {name: len(read_table(gold_root / name).lines) for name in (ARTICLES, GOLD_MENTIONS)}
    version = bump_minor(str(read_manifest(gold_root).get("version", "")))
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / "gold"
        shutil.copytree(gold_root, trial, ignore=shutil.ignore_patterns(DRAFTS, ".figdate*"))
        meta = {**article.metadata(), "tags": article.tags}
        _append(trial / ARTICLES, [meta], ARTICLE_COLUMNS)
        _append(trial / GOLD_MENTIONS, rows, MENTION_COLUMNS)
        shutil.copyfile(folder / TEXT, trial / TEXTS / f"{ident}.txt")
        (trial / MANIFEST).write_bytes(manifest_bytes(render_manifest(trial, version)))
        problems, loaded = _trial_check(trial, ident, len(rows), version)
        if problems or loaded is None:
            raise InputError([_relocated(p, trial, gold_root, folder, before) for p in problems])
        names = (ARTICLES, GOLD_MENTIONS, MANIFEST, CARD, f"{TEXTS}/{ident}.txt")
        changes: dict[Path, bytes | None] = {gold_root / n: (trial / n).read_bytes() for n in names}
    changes[folder] = REMOVE
    return changes


def _trial_check(
    trial: Path, ident: str, mentions: int, version: str
) -> tuple[list[Problem], GoldSet | None]:
    """Write the trial's card (counts and a changelog line) and check the whole set."""
    try:
        loaded = load(trial)  # its problems are the draft's
        card = card_text(trial, loaded)
        if card is not None:
            day = dt.datetime.now(dt.UTC).date().isoformat()
            line = f"Added the article `{ident}` ({mentions} mentions) with `figdate gold accept`."
            (trial / CARD).write_text(with_changelog(card, version, line, day), encoding="utf-8")
        return inspect(trial)
    except InputError as exc:
        return exc.problems, None


def _append(path: Path, rows: list[dict[str, object]], default: Sequence[str]) -> None:
    """Append ``rows`` under the file's own header (a dataset may add ``tags``, ``type`` and
    ``mod`` columns, in any order); InputError rather than drop a filled cell it has no
    column for."""
    data = path.read_bytes()
    header = read_table(path).frame.columns.tolist() if data.strip() else list(default)
    for row in rows:
        lost = sorted(k for k, v in row.items() if k not in header and not is_empty(v))
        if lost:
            reason = f"has no column for {', '.join(lost)}: add it to the header first"
            raise InputError([Problem(display_path(path), reason=reason)])
    if data and not data.endswith(b"\n"):
        data += b"\n"
    path.write_bytes(data + to_csv(rows, header, header=False))


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
