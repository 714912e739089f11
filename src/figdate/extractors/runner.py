"""Running an extractor over articles: time limits, faults, parallelism, cache.

A Python extractor runs in worker processes (``workers``: forked or spawned), so that one
that hangs past the time limit can be stopped and one that crashes takes only its article
with it. Commands and files run in threads (a command is its own process already). A failed
article is recorded, not raised: the run goes on, and the caller counts its gold as missed.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from figdate.core.model import Article
from figdate.core.problems import Failure, InputError, Problem
from figdate.extractors.cache import CACHE_DIR, Cache
from figdate.extractors.calls import guarded
from figdate.extractors.protocol import Row, Source
from figdate.extractors.workers import Outcome, check_sendable, in_workers, start_method


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
    start: str | None = None,
) -> RunResult:
    """Extract every article; failures are collected, never raised. ``start``: how worker
    processes start (``workers.START_METHODS``; default per platform); InputError if the
    method is unknown or cannot carry the source."""
    method = start_method(start)
    isolate = source.isolated and method != "inline" and (timeout is not None or jobs > 1)
    if isolate and method in ("spawn", "forkserver"):
        check_sendable(source, method)  # a class is constructed in each worker
    else:
        try:
            source.ready()  # once, here: forked workers and threads share it
        except Exception as exc:  # the extractor's constructor: the user's to see, in a line
            from figdate.extractors.registry import install_hint

            reason = f"constructing it raised {type(exc).__name__}: {exc}"
            reason += install_hint(source.spec, exc)
            raise InputError([Problem(source.spec, reason=reason)]) from None
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
    jobs = max(1, jobs)
    if not todo:
        outcomes: Iterator[Outcome] = iter(())
    elif isolate:
        outcomes = in_workers(source, todo, timeout, jobs, method)
    else:
        outcomes = _in_threads(source, todo, jobs, timeout)
    for article, outcome, seconds in outcomes:
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

    tqdm.monitor_interval = 0  # no monitor thread: workers may be forked
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


def _in_threads(
    source: Source, articles: list[Article], jobs: int, timeout: float | None
) -> Iterator[Outcome]:
    if jobs == 1:
        for article in articles:
            yield (article, *guarded(source, article, timeout))
        return
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for article, done in zip(
            articles, pool.map(lambda a: guarded(source, a, timeout), articles), strict=True
        ):
            yield (article, *done)
