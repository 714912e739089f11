"""One writer at a time: the gold folder's lock, and recovery from a writer that died.

Every command that writes under a gold folder (add, fix-offsets, import, accept, manifest,
card) runs inside ``writing(root)``: it takes an exclusive lock on a file next to the folder,
``.<folder>.figdate.lock`` (an OS file lock through ``filelock``, so the kernel releases
it when the holder dies, however it dies; the file itself stays, empty, and is ignored by
git), notes who holds it in ``.<folder>.figdate.lock.holder``, and first finishes or
undoes any change a dead writer left half-done (``figdate.core.transaction.recover``). A
second writer waits up to ``wait`` seconds, then refuses in one line naming the holder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path
from figdate.core.transaction import pending, recover
from figdate.goldset.location import no_folder, refuse_packaged

SUFFIX = ".figdate.lock"
DEFAULT_WAIT = 10.0
"""Seconds a writer waits for another to finish before it refuses."""

_held: set[Path] = set()


def lock_path(root: Path) -> Path:
    """The lock file of a gold folder: beside it, so the folder's own files never change."""
    resolved = root.resolve()
    return resolved.parent / f".{resolved.name}{SUFFIX}"


def _holder_path(root: Path) -> Path:
    lock = lock_path(root)
    return lock.with_name(lock.name + ".holder")


def _holder(root: Path) -> str:
    try:
        return _holder_path(root).read_text(encoding="utf-8").strip() or "another figdate command"
    except OSError:
        return "another figdate command"


def _describe() -> str:
    command = " ".join(["figdate", *sys.argv[1:]]) if sys.argv else "figdate"
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    return f"pid {os.getpid()} on {socket.gethostname()} since {now} ({command})"


@contextlib.contextmanager
def writing(
    root: Path, *, wait: float = DEFAULT_WAIT, notes: list[str] | None = None
) -> Iterator[None]:
    """Hold ``root``'s write lock for the block; recover first. Re-entrant in one process.
    What recovery did is appended to ``notes`` (a command prints it)."""
    from filelock import FileLock, Timeout

    key = root.resolve()
    if key in _held:
        yield
        return
    if not root.is_dir():
        raise InputError([no_folder(root)])
    refuse_packaged(root)
    lock = FileLock(str(lock_path(root)), timeout=max(0.0, wait))
    try:
        lock.acquire()
    except Timeout:
        reason = (
            f"another command is writing to this gold folder: {_holder(root)}; waited "
            f"{wait:g} s (--wait); nothing was changed, try again when it is done"
        )
        raise InputError([Problem(display_path(root), reason=reason)]) from None
    _held.add(key)
    try:
        _holder_path(root).write_text(_describe() + "\n", encoding="utf-8")
        done = recover(root)
        if done and notes is not None:
            notes.append(f"{display_path(root)}: {done}")
        yield
    finally:
        _held.discard(key)
        with contextlib.suppress(OSError):
            _holder_path(root).unlink()
        lock.release()


def recovered(root: Path, *, wait: float = DEFAULT_WAIT) -> str | None:
    """For readers: if a writer died mid-change, put the folder right (under the lock) and
    say what was done; else None, without taking the lock."""
    if not pending(root):
        return None
    notes: list[str] = []
    with writing(root, wait=wait, notes=notes):
        pass
    return notes[0] if notes else None
