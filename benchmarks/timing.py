"""Timing helpers shared by the benchmarks: contenders interleaved, repeated, and reported
as min / median / max, so a burst of load on the machine hits every contender alike."""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping


def interleaved(
    contenders: Mapping[str, Callable[[], object]], repeat: int
) -> dict[str, list[float]]:
    """Seconds per run of each contender: round r runs every contender once, in turn, each
    after a full garbage collection, so no contender pays for another's garbage."""
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeat):
        for name, run in contenders.items():
            gc.collect()
            began = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - began)
    return times


def line(name: str, seconds: list[float], width: int = 28) -> str:
    low, mid, high = min(seconds), statistics.median(seconds), max(seconds)
    return (
        f"{name:<{width}} {low:8.3f} {mid:8.3f} {high:8.3f} s  (min/median/max of {len(seconds)})"
    )


def median(seconds: list[float]) -> float:
    return statistics.median(seconds)


def peak_memory_mb(argv: list[str]) -> tuple[float, float]:
    """(seconds, peak resident MB) of one run of ``argv`` in a process of its own."""
    began = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(argv)} failed")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux
