"""``figdate gold init DIR``: a writable copy of a gold set (by default the packaged one),
which ``figdate add`` and ``gold accept`` can then grow.

The copy is built in a scratch folder beside ``DIR`` and renamed into place only once it
loads and matches its source's checksum, so ``DIR`` is either absent or a whole gold set.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from figdate.core.modes import folder_mode
from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path
from figdate.goldset.layout import CARD, MANIFEST
from figdate.goldset.manifest import checksum, data_files
from figdate.goldset.store import GoldSet, load

GUIDELINES = "GUIDELINES.md"


def init(target: Path, source: Path) -> GoldSet:
    """Copy the gold set at ``source`` (its data files, manifest, card and guidelines; never
    its drafts) to the new folder ``target``; InputError if ``target`` exists and is not an
    empty folder, or if the source is not a valid gold set."""
    original = load(source)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        reason = "already exists and is not empty; figdate gold init writes a new folder"
        raise InputError([Problem(display_path(target), reason=reason)])
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        scratch.chmod(folder_mode())  # mkdtemp's 0700 would outlive the rename
        extras = [source / name for name in (MANIFEST, CARD, GUIDELINES)]
        for path in [*data_files(source), *(p for p in extras if p.is_file())]:
            copy = scratch / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
        if checksum(scratch) != original.checksum:
            reason = "the copy's checksum differs from its source's; nothing was written"
            raise InputError([Problem(display_path(target), reason=reason)])
        if target.exists():
            target.rmdir()
        scratch.rename(target)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return load(target)
