"""Worker processes for Python extractors: one that hangs past the time limit is stopped (a
thread cannot be), one that crashes takes only its article with it.

How a worker starts is a choice (``--start-method``, ``start_method`` in ``[tool.figdate]``):
``fork`` (Linux's default: fast, the extractor module already imported), ``spawn`` (macOS's
and Windows' default, and the one for extractors that cannot run in a forked child, such
as a model put on a GPU: CUDA refuses to re-initialise after a fork), ``forkserver``, or
``inline`` (no worker: in figdate's own process, with no time limit). With ``spawn`` and
``forkserver`` the source is pickled to the worker and an extractor class is constructed
there, never in figdate's process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import sys
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection, wait
from pickle import PicklingError
from typing import Any

from figdate.core.model import Article
from figdate.core.problems import Failure, InputError, Problem
from figdate.core.vocabulary import START_METHODS
from figdate.extractors.calls import guarded
from figdate.extractors.protocol import Row, Source

Outcome = tuple[Article, "list[Row] | Failure", float]


def default_start_method() -> str:
    """``fork`` on Linux, where it is safe and fastest; ``spawn`` elsewhere, as Python's own
    default on macOS and Windows."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


def start_method(name: str | None) -> str:
    """The start method to use: ``name``, else ``$FIGDATE_START_METHOD``, else the default."""
    chosen = name or os.environ.get("FIGDATE_START_METHOD") or default_start_method()
    if chosen not in START_METHODS:
        reason = f"{chosen!r} is not a start method: one of {', '.join(START_METHODS)}"
        raise InputError([Problem("--start-method", reason=reason)])
    if chosen != "inline" and chosen not in multiprocessing.get_all_start_methods():
        reason = f"{chosen!r} is not available on this platform ({sys.platform})"
        raise InputError([Problem("--start-method", reason=reason)])
    return chosen


def check_sendable(source: Source, method: str) -> None:
    """InputError if a worker started with ``method`` cannot receive ``source``: spawn and
    forkserver pickle it (a lambda or a function defined in a test cannot be)."""
    if method in ("fork", "inline"):
        return
    try:
        pickle.dumps(source)
    except (PicklingError, TypeError, AttributeError) as exc:
        reason = (
            f"cannot be sent to a {method} worker ({exc}): define the extractor at the top "
            "level of a module, or use --start-method fork or inline"
        )
        raise InputError([Problem(getattr(source, "spec", "extractor"), reason=reason)]) from None


def _serve(conn: Connection, source: Source) -> None:
    """A worker: extract each article sent, send back rows or the failure. What the
    extractor writes to stdout, even from C, goes nowhere: figdate's output stays clean."""
    with contextlib.suppress(OSError):
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.close(quiet)
    while True:
        try:
            article = conn.recv()
        except EOFError:
            return
        if article is None:
            return
        outcome, seconds = guarded(source, article)
        try:
            conn.send((outcome, seconds))
        except (TypeError, ValueError, AttributeError, PicklingError) as exc:  # unpicklable
            conn.send(
                (Failure(article.id, f"returned output that cannot be sent back: {exc}"), seconds)
            )


class _Worker:
    def __init__(self, source: Source, context: Any) -> None:
        self.context = context
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, source), daemon=True)
        self.process.start()
        child.close()
        self.article: Article | None = None
        self.deadline = float("inf")

    def give(self, article: Article, timeout: float | None) -> None:
        self.article = article
        self.deadline = time.monotonic() + timeout if timeout is not None else float("inf")
        self.conn.send(article)

    def stop(self, *, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def in_workers(
    source: Source, articles: list[Article], timeout: float | None, jobs: int, method: str
) -> Iterator[Outcome]:
    """Articles over ``jobs`` worker processes; a worker that hangs or dies is replaced."""
    pending = list(reversed(articles))
    context = multiprocessing.get_context(method)
    workers = [_Worker(source, context) for _ in range(min(jobs, len(articles)))]
    try:
        for worker in workers:
            worker.give(pending.pop(), timeout)
        while True:
            busy = [i for i, w in enumerate(workers) if w.article is not None]
            if not busy:
                return
            left = min(workers[i].deadline for i in busy) - time.monotonic()
            limit = None if left == float("inf") else max(0.0, left)
            ready = wait([workers[i].conn for i in busy], timeout=limit)
            for i in busy:
                worker, article = workers[i], workers[i].article
                assert article is not None
                seconds = 0.0
                if worker.conn in ready:
                    try:
                        outcome, seconds = worker.conn.recv()
                    except (EOFError, OSError):
                        code = worker.process.exitcode
                        outcome = Failure(article.id, f"its process died (exit code {code})")
                        workers[i] = _fresh(worker, source)
                elif time.monotonic() >= worker.deadline:
                    outcome = Failure(article.id, f"timed out after {timeout:g} s")
                    workers[i] = _fresh(worker, source)
                else:
                    continue
                yield article, outcome, seconds
                workers[i].article = None
                if pending:
                    workers[i].give(pending.pop(), timeout)
    finally:
        for worker in workers:
            worker.stop(kill=worker.article is not None)


def _fresh(worker: _Worker, source: Source) -> _Worker:
    """Kill a hung or dead worker and start another in its place."""
    worker.stop(kill=True)
    return _Worker(source, worker.context)
