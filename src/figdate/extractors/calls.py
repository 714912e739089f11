"""One extraction, guarded: whatever an extractor does wrong becomes its article's Failure."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import sys
import threading
import time
from collections.abc import Iterator

from figdate.core import cells
from figdate.core.model import Article
from figdate.core.problems import Failure
from figdate.extractors.protocol import ExtractionError, Row, Source


def guarded(
    source: Source, article: Article, timeout: float | None = None
) -> tuple[list[Row] | Failure, float]:
    """One extraction and the time it took; whatever goes wrong becomes the article's
    Failure. The extractor gets a copy of the article (the gold set's stays as it is), its
    prints are captured (figdate's own output stays clean), and its rows are checked to be
    cells figdate can hold before anything stores them."""
    began = time.perf_counter()
    copy = dataclasses.replace(article)
    # stdout is one for the process: redirect it only where nothing runs beside us
    alone = threading.current_thread() is threading.main_thread()
    try:
        with silenced() if alone else contextlib.nullcontext():
            outcome: list[Row] | Failure = source.extract(copy, timeout)
    except ExtractionError as exc:
        outcome = Failure(article.id, str(exc))
    except SystemExit as exc:  # in-process (--timeout 0): sys.exit must not end figdate
        outcome = Failure(article.id, f"called sys.exit({exc.code!r})")
    except Exception as exc:  # the extractor's bug: recorded against its article
        outcome = Failure(article.id, f"raised {type(exc).__name__}: {exc}")
    if not isinstance(outcome, Failure):
        unfit = _unfit(outcome)
        if unfit:
            outcome = Failure(article.id, f"returned {unfit}")
    return outcome, time.perf_counter() - began


@contextlib.contextmanager
def silenced() -> Iterator[None]:
    """What the extractor writes to stdout, from Python or from C (file descriptor 1),
    goes nowhere while it runs."""
    sys.stdout.flush()
    try:
        saved, quiet = os.dup(1), os.open(os.devnull, os.O_WRONLY)
    except OSError:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
        return
    os.dup2(quiet, 1)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(quiet)


def _unfit(rows: list[Row]) -> str | None:
    """Why the rows cannot be stored and validated (a value that is not a cell), or None."""
    found = cells.problems(rows, [], "output")
    return (
        f"a mention (row {found[0].row}) whose {found[0].column!r} {found[0].reason}"
        if found
        else None
    )
