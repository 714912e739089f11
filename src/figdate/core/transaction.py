"""Changing several files of a folder as one step that survives a crash: all or none.

``commit`` writes every new file into a staging folder and fsyncs it, then writes a
journal (``.figdate-journal.json``) that lists each target, its staged file and the
SHA-256 of what it will hold, and fsyncs that. Only then does it touch a target: each old
file is hard-linked (a folder: moved) into a backup folder and the staged file renamed over
it. Deleting the journal is the commit point; the backups go after.

Killed at any step (SIGKILL, the OOM killer, a power cut after an fsync), the folder is
put right by ``recover``: with a journal and every staged file intact, the commit is
rolled forward; otherwise back from the backups. Staging and backup folders without a
journal are leftovers of a commit that had not begun or had finished, and are removed.
Every writer holds the folder's lock (``figdate.goldset.writing``), so a journal found
under the lock always belongs to a process that died.

A rewritten file keeps the mode of the file it replaces; a new one gets the mode the umask
gives. ``FIGDATE_CRASH_AT=N`` makes the process kill itself before its Nth write step: the
fault-injection tests use it to crash at every step.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import threading
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path

from figdate.core.modes import file_mode
from figdate.core.problems import InputError, Problem

REMOVE = None
"""The content that says: delete this path (a file or a folder)."""
JOURNAL = ".figdate-journal.json"
_SCRATCH = re.compile(r"^\.figdate-(staging|backup)-[0-9a-f]{12}$")
_steps = 0


def _step() -> None:
    """One write step; with ``FIGDATE_CRASH_AT=N``, the Nth kills the process (SIGKILL)."""
    global _steps
    _steps += 1
    crash_at = os.environ.get("FIGDATE_CRASH_AT")
    if crash_at and crash_at.isdigit() and _steps == int(crash_at):
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class Entry:
    """One target of a commit, as the journal records it (paths relative to the root)."""

    target: str
    sha256: str | None  # of the new content; None: remove the target
    existed: bool
    folder: bool  # the target is a folder (only ever removed)


@dataclass(frozen=True)
class Journal:
    txid: str
    entries: tuple[Entry, ...]
    created: tuple[str, ...]  # folders the commit creates, outermost first

    def staging(self, root: Path) -> Path:
        return root / f".figdate-staging-{self.txid}"

    def backups(self, root: Path) -> Path:
        return root / f".figdate-backup-{self.txid}"


@contextlib.contextmanager
def _no_interrupt() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block ends, then act on it. A handler of our own, not
    a signal mask: the kernel hands a blocked signal to any thread that does not block it
    (numpy's BLAS threads), so a mask holds only in a process without threads."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; there Ctrl-C never lands anyway
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught and callable(previous):
            previous(signal.SIGINT, None)
        elif caught and previous == signal.SIG_DFL:
            raise KeyboardInterrupt


def commit(changes: Mapping[Path, bytes | None], root: Path) -> None:
    """Write (bytes) or remove (None) every path in ``changes``, all or nothing, under
    ``root`` (where the journal lives); a path outside ``root`` is refused."""
    base = root.resolve()
    relative = {_inside(base, path): data for path, data in changes.items()}
    _refuse_long_names(base, relative)
    journal = Journal(uuid.uuid4().hex[:12], _entries(base, relative), _created(base, relative))
    try:
        _stage(base, journal, relative)
    except BaseException:
        shutil.rmtree(journal.staging(base), ignore_errors=True)
        raise
    with _no_interrupt():  # Ctrl-C lands before the change or after all of it
        try:
            _write_journal(base, journal)
        except BaseException:  # nothing was touched yet: drop what was staged
            shutil.rmtree(journal.staging(base), ignore_errors=True)
            (base / f"{JOURNAL}.{journal.txid}").unlink(missing_ok=True)
            if _read_journal(base) == journal:
                (base / JOURNAL).unlink()
            raise
        try:
            _apply(base, journal)
        except Exception:  # a failure, not a crash (a full disk, a permission): undo now
            _roll_back(base, journal)
            raise
        _finish(base, journal)


def _refuse_long_names(base: Path, changes: Mapping[str, bytes | None]) -> None:
    """InputError before anything is written for a name the file system cannot hold: else
    the journal would promise a change no recovery could make."""
    try:
        limit = os.pathconf(base, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    for target in changes:
        for part in Path(target).parts:
            if len(os.fsencode(part)) > limit:
                reason = (f"the name {part[:40]!r}... is {len(os.fsencode(part))} bytes; the "
                          f"file system allows {limit}: nothing was written")  # fmt: skip
                raise InputError([Problem(str(base / target)[:120], reason=reason)])


def _exists(path: Path) -> bool:
    """``path.exists()``, False where the name itself cannot be (too long, say)."""
    try:
        return path.exists()
    except OSError:
        return False


def _inside(base: Path, path: Path) -> str:
    resolved = Path(os.path.normpath(path if path.is_absolute() else Path.cwd() / path))
    resolved = resolved.parent.resolve() / resolved.name
    if not resolved.is_relative_to(base) or resolved == base:
        raise ValueError(f"{path} is outside {base}: a commit writes only inside its folder")
    return resolved.relative_to(base).as_posix()


def _entries(base: Path, changes: Mapping[str, bytes | None]) -> tuple[Entry, ...]:
    out = []
    for target, data in changes.items():
        path = base / target
        digest = None if data is REMOVE else hashlib.sha256(data).hexdigest()
        out.append(Entry(target, digest, path.exists(), path.is_dir()))
    return tuple(out)


def _created(base: Path, changes: Mapping[str, bytes | None]) -> tuple[str, ...]:
    out: list[str] = []
    for target, data in changes.items():
        if data is REMOVE:
            continue
        for parent in reversed(Path(target).parents):
            if parent != Path(".") and not (base / parent).exists() and str(parent) not in out:
                out.append(parent.as_posix())
    return tuple(out)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _stage(base: Path, journal: Journal, changes: Mapping[str, bytes | None]) -> None:
    staging = journal.staging(base)
    staging.mkdir()
    for n, entry in enumerate(journal.entries):
        data = changes[entry.target]
        if data is REMOVE:
            continue
        _step()
        staged = staging / str(n)
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), file_mode(base / entry.target))
            os.fsync(handle.fileno())
    _fsync_dir(staging)


def _write_journal(base: Path, journal: Journal) -> None:
    _step()
    text = json.dumps({"txid": journal.txid, "entries": [asdict(e) for e in journal.entries],
                       "created": list(journal.created)}, indent=1)  # fmt: skip
    tmp = base / f"{JOURNAL}.{journal.txid}"
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    _step()
    os.replace(tmp, base / JOURNAL)
    _fsync_dir(base)


def _apply(base: Path, journal: Journal) -> None:
    """Move each target's old content aside and its new content in; idempotent, so a
    recovery can run it again over a half-applied commit."""
    backups = journal.backups(base)
    backups.mkdir(exist_ok=True)
    for folder in journal.created:
        (base / folder).mkdir(exist_ok=True)
    for n, entry in enumerate(journal.entries):
        target, backup, staged = (
            base / entry.target,
            backups / str(n),
            journal.staging(base) / str(n),
        )
        if entry.existed and not backup.exists() and target.exists():
            _step()
            if entry.folder or entry.sha256 is None:
                os.rename(target, backup)
            else:
                os.link(target, backup)
        if entry.sha256 is not None and staged.exists():
            _step()
            os.replace(staged, target)
            _fsync_dir(target.parent)
    _fsync_dir(backups)


def _finish(base: Path, journal: Journal) -> None:
    _step()
    (base / JOURNAL).unlink()
    _fsync_dir(base)
    for scratch in (journal.backups(base), journal.staging(base)):
        _step()
        shutil.rmtree(scratch, ignore_errors=True)


def _read_journal(base: Path) -> Journal | None:
    try:
        raw = json.loads((base / JOURNAL).read_text(encoding="utf-8"))
        entries = tuple(Entry(**e) for e in raw["entries"])
        return Journal(str(raw["txid"]), entries, tuple(raw.get("created", ())))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _complete(base: Path, journal: Journal) -> bool:
    """Every new content is there: staged intact, or already in its target."""
    for n, entry in enumerate(journal.entries):
        if entry.sha256 is None:
            continue
        places = (journal.staging(base) / str(n), base / entry.target)
        if not any(_sha256(p) == entry.sha256 for p in places):
            return False
    return True


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
    except OSError:
        return None


def _roll_back(base: Path, journal: Journal) -> None:
    backups = journal.backups(base)
    for n, entry in reversed(list(enumerate(journal.entries))):
        target, backup = base / entry.target, backups / str(n)
        if backup.exists():
            if backup.is_dir():
                shutil.rmtree(target, ignore_errors=True)
                os.rename(backup, target)
            else:
                os.replace(backup, target)
        elif not entry.existed and _exists(target) and _sha256(target) == entry.sha256:
            target.unlink()
    for folder in reversed(journal.created):
        with contextlib.suppress(OSError):
            (base / folder).rmdir()
    (base / JOURNAL).unlink()
    for scratch in (backups, journal.staging(base)):
        shutil.rmtree(scratch, ignore_errors=True)


def pending(root: Path) -> bool:
    """Whether ``root`` holds a journal or scratch folders (a commit that did not finish)."""
    if not root.is_dir():
        return False
    scratch = any(_SCRATCH.match(p.name) for p in root.iterdir())
    return scratch or (root / JOURNAL).exists() or any(root.glob(f"{JOURNAL}.*"))


def recover(root: Path) -> str | None:
    """Finish or undo a commit that a crash interrupted; say what was done in one line (None
    when there was nothing to do). Call it holding the folder's lock."""
    base = root.resolve()
    if not pending(base):
        return None
    journal = _read_journal(base)
    done = None
    if journal is not None:
        finished = _complete(base, journal)
        if finished:
            try:
                _apply(base, journal)
            except OSError:  # it cannot be made (a name too long, a folder gone): undo it
                finished = False
        if finished:
            _finish(base, journal)
            done = f"finished an interrupted change ({len(journal.entries)} file(s))"
        else:
            _roll_back(base, journal)
            done = f"undid an interrupted change ({len(journal.entries)} file(s))"
    else:
        (base / JOURNAL).unlink(missing_ok=True)
    scratch = [p for p in base.iterdir() if _SCRATCH.match(p.name)]
    for leftover in [*base.glob(f"{JOURNAL}.*"), *scratch]:
        if leftover.is_dir():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink()
        done = done or "removed the leftovers of a change that had not begun"
    return done
