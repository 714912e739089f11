"""Changing several files of the gold set as one step: all of the change, or none of it.

Every new file is written beside its target first; then each target is swapped in with
``os.replace``, keeping a hard link to the old file. If anything fails while swapping, the
old files are put back. Ctrl-C (SIGINT) is held off while swapping, so it lands either
before the change (nothing happened) or after it (all of it did). A power cut in the few
microseconds of the swap is the one case this does not cover.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

REMOVE = None
"""The content that says: delete this path (a file or a folder)."""


@contextlib.contextmanager
def _no_interrupt() -> Iterator[None]:
    """Hold SIGINT until the block ends (main thread on POSIX; elsewhere, do nothing)."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except (AttributeError, ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def commit(changes: Mapping[Path, bytes | None]) -> None:
    """Write (bytes) or remove (None) every path in ``changes``, all or nothing."""
    staged: dict[Path, Path] = {}
    created = _missing_folders(changes)
    done = False
    try:
        for folder in created:
            folder.mkdir()
        for path, data in changes.items():
            if data is REMOVE:
                continue
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".new")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            staged[path] = Path(tmp)
        with _no_interrupt():
            _swap(changes, staged)
        done = True
    finally:
        for leftover in staged.values():
            leftover.unlink(missing_ok=True)
        if not done:
            for folder in reversed(created):
                with contextlib.suppress(OSError):
                    folder.rmdir()


def _missing_folders(changes: Mapping[Path, bytes | None]) -> list[Path]:
    """The folders a change needs that do not exist yet, outermost first."""
    out: list[Path] = []
    for path, data in changes.items():
        if data is REMOVE:
            continue
        missing = [p for p in reversed(path.parents) if not p.exists()]
        out += [p for p in missing if p not in out]
    return out


def _swap(changes: Mapping[Path, bytes | None], staged: Mapping[Path, Path]) -> None:
    backups: list[tuple[Path, Path | None]] = []  # (target, its old content or None)
    try:
        for path in changes:
            backup = _backup(path)
            backups.append((path, backup))
            if path in staged:
                os.replace(staged[path], path)
            elif path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
    except BaseException:
        for path, backup in reversed(backups):
            _restore(path, backup)
        raise
    for _, backup in backups:
        _discard(backup)


def _backup(path: Path) -> Path | None:
    if not path.exists():
        return None
    target = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
    if path.is_dir():
        shutil.copytree(path, target, dirs_exist_ok=True)
    else:
        kept = target / path.name
        os.link(path, kept)
        return kept
    return target


def _restore(path: Path, backup: Path | None) -> None:
    if backup is None:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        return
    if backup.is_dir():
        if path.exists():
            shutil.rmtree(path)
        shutil.copytree(backup, path)
        shutil.rmtree(backup)
    else:
        os.replace(backup, path)
        backup.unlink(missing_ok=True)  # rename between two links to one file is a no-op
        backup.parent.rmdir()


def _discard(backup: Path | None) -> None:
    if backup is None:
        return
    if backup.is_dir():
        shutil.rmtree(backup)
    else:
        backup.unlink(missing_ok=True)
        backup.parent.rmdir()
