"""Running a ``cmd:`` extractor: bounded output, a time limit, and no process left behind.

The command runs in a session (process group) of its own, so a time-out or an overflow
stops it and every process it started, grandchildren included; the group is also cleared
when the command ends, so nothing it left running outlives the article. Its stdout is read
as it comes, up to a cap (``FIGDATE_MAX_OUTPUT`` bytes, ``FIGDATE_MAX_MENTIONS`` lines):
an extractor that writes without end is stopped, not held in memory.
"""

from __future__ import annotations

import contextlib
import math
import os
import selectors
import signal
import subprocess
import threading
import time

from figdate.core.settings import whole_number
from figdate.extractors.protocol import ExtractionError

MAX_OUTPUT = 64 * 2**20
"""Bytes of stdout a command may write for one article (``FIGDATE_MAX_OUTPUT``)."""
MAX_MENTIONS = 100_000
"""Mention lines a command may write for one article (``FIGDATE_MAX_MENTIONS``)."""
STDERR_KEPT = 64 * 1024


def limits() -> tuple[int, int]:
    """(bytes, mentions) a command may write for one article, from the environment."""
    return (whole_number("FIGDATE_MAX_OUTPUT", MAX_OUTPUT),
            whole_number("FIGDATE_MAX_MENTIONS", MAX_MENTIONS))  # fmt: skip


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)


def run(argv: list[str], stdin: bytes, timeout: float | None) -> tuple[bytes, bytes, int]:
    """(stdout, the tail of stderr, exit status) of ``argv`` fed ``stdin``; ExtractionError
    on a time-out, too much output, or a command that cannot start."""
    max_bytes, max_lines = limits()
    try:
        process = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True,
        )  # fmt: skip
    except OSError as exc:
        raise ExtractionError(f"cannot run {argv[0]!r}: {exc.strerror}") from None
    deadline = time.monotonic() + timeout if timeout else math.inf
    try:
        out, err = _collect(process, stdin, deadline, max_bytes, max_lines)
        left = deadline - time.monotonic()
        code = process.wait(timeout=None if left == math.inf else max(left, 0.0))
    except subprocess.TimeoutExpired:
        raise ExtractionError(f"timed out after {timeout:g} s") from None
    finally:
        _kill_group(process)  # the command, and whatever it left running
        process.wait()
    return bytes(out), bytes(err), code


def _feed(process: subprocess.Popen[bytes], data: bytes) -> None:
    assert process.stdin is not None
    with contextlib.suppress(OSError):  # it may exit without reading: no matter
        process.stdin.write(data)
        process.stdin.close()


def _collect(
    process: subprocess.Popen[bytes], stdin: bytes, deadline: float, max_bytes: int, max_lines: int
) -> tuple[bytearray, bytearray]:
    threading.Thread(target=_feed, args=(process, stdin), daemon=True).start()
    out, err = bytearray(), bytearray()
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ, out)  # type: ignore[arg-type]
        selector.register(process.stderr, selectors.EVENT_READ, err)  # type: ignore[arg-type]
        while selector.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired(process.args, 0)
            for key, _ in selector.select(timeout=None if left == math.inf else left):
                chunk = os.read(key.fd, 1 << 16)
                if not chunk:
                    selector.unregister(key.fileobj)
                    continue
                key.data.extend(chunk)
                if key.data is err and len(err) > STDERR_KEPT:
                    del err[:-STDERR_KEPT]
                if key.data is out and len(out) > max_bytes:
                    raise ExtractionError(
                        f"wrote more than {max_bytes:,} bytes to stdout for one article "
                        "(FIGDATE_MAX_OUTPUT); stopped"
                    )
                if key.data is out and out.count(b"\n") > max_lines:
                    raise ExtractionError(
                        f"wrote more than {max_lines:,} lines for one article "
                        "(FIGDATE_MAX_MENTIONS); stopped"
                    )
    return out, err
