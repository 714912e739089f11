"""Running an extractor over articles: time limits, faults, parallelism, cache.

A Python extractor runs in forked worker processes, so that one that hangs past the time
limit can be stopped (a thread cannot be) and one that crashes takes only its article with
it. Commands and files run in threads (a command is its own process already). A failed
article is recorded, not raised: the run goes on, and the caller counts its gold as missed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import multiprocessing
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from pickle import PicklingError
from typing import Any

from figdate.core import cells
from figdate.core.model import Article
from figdate.core.problems import Failure
from figdate.extractors.cache import CACHE_DIR, Cache
from figdate.extractors.protocol import ExtractionError, Row, Source


@dataclass
class RunResult:
    rows: dict[str, list[Row]]  # article id -> mention dicts, for articles that succeeded
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0  # time inside the extractor, summed over articles (cache hits excluded)
    extracted: int = 0  # articles actually extracted (not from the cache)
    cached: int = 0


def run(
    source: Source,
    articles: Sequence[Article],
    *,
    timeout: float | None = 60.0,
    jobs: int = 1,
    cache: Path | None = CACHE_DIR,
    progress: bool | None = None,
) -> RunResult:
    """Extract every article; failures are collected, never raised."""
    store = Cache(cache, source) if cache is not None and source.cacheable else None
    result = RunResult(rows={})
    todo = []
    for article in articles:
        hit = store.get(article) if store else None
        if hit is None:
            todo.append(article)
        else:
            result.rows[article.id] = hit
            result.cached += 1
    bar = _progress(len(todo), progress)
    for article, outcome, seconds in _outcomes(source, todo, timeout, max(1, jobs)):
        result.seconds += seconds
        if isinstance(outcome, Failure):
            result.failures.append(outcome)
        else:
            result.rows[article.id] = outcome
            if store:
                store.put(article, outcome)
        result.extracted += 1
        bar.update(1)
    bar.close()
    result.failures.sort(key=lambda f: f.article)
    return result


class _Quiet:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, wanted: bool | None) -> Any:
    """A progress bar on stderr, only on a terminal and only once the run passes a second."""
    if wanted is False or total == 0 or (wanted is None and not sys.stderr.isatty()):
        return _Quiet()
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: workers are forked
    # A terminal that reports a size of 0 (some ptys) makes tqdm hide the bar: fall back.
    size = shutil.get_terminal_size((80, 20))
    return tqdm(
        total=total,
        unit="article",
        delay=1.0,
        file=sys.stderr,
        leave=False,
        ncols=size.columns,
        nrows=size.lines,
    )


Outcome = tuple[Article, "list[Row] | Failure", float]


def _outcomes(
    source: Source, articles: list[Article], timeout: float | None, jobs: int
) -> Iterator[Outcome]:
    if not articles:
        return
    if source.isolated and (timeout is not None or jobs > 1):
        yield from _in_workers(source, articles, timeout, jobs)
    else:
        yield from _in_threads(source, articles, jobs, timeout)


def _call(
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
        with _silenced() if alone else contextlib.nullcontext():
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
def _silenced() -> Iterator[None]:
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


def _in_threads(
    source: Source, articles: list[Article], jobs: int, timeout: float | None
) -> Iterator[Outcome]:
    if jobs == 1:
        for article in articles:
            yield (article, *_call(source, article, timeout))
        return
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for article, done in zip(
            articles, pool.map(lambda a: _call(source, a, timeout), articles), strict=True
        ):
            yield (article, *done)


# Worker processes --------------------------------------------------------------------------


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
        outcome, seconds = _call(source, article)
        try:
            conn.send((outcome, seconds))
        except (TypeError, ValueError, AttributeError, PicklingError) as exc:  # unpicklable
            conn.send(
                (Failure(article.id, f"returned output that cannot be sent back: {exc}"), seconds)
            )


class _Worker:
    def __init__(self, source: Source) -> None:
        context = multiprocessing.get_context("fork")
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


def _in_workers(
    source: Source, articles: list[Article], timeout: float | None, jobs: int
) -> Iterator[Outcome]:
    """Articles over ``jobs`` worker processes; a worker that hangs or dies is replaced."""
    pending = list(reversed(articles))
    workers = [_Worker(source) for _ in range(min(jobs, len(articles)))]
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
    return _Worker(source)
