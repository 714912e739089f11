"""Scoring many articles with bootstrap intervals: peak memory and time as articles grow.

    .venv/bin/python benchmarks/bootstrap.py [--articles 10000,100000,1000000] [--mentions 5]

Each size is scored once (five schemes, 1,000 resamples, the error list) in a process of
its own, which reports its peak resident size: the data, the scorer and Python together;
a second process scores without the error list (the counts and intervals only), a third
only builds the input (the synthetic frames and 1,000,000 Article objects with their
texts), so the scorer's own share is the difference.
Target: 1,000,000 articles in under 4 GB.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import synthetic
from timing import peak_memory_mb

from figdate.scoring import score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", default="10000,100000,1000000")
    parser.add_argument("--mentions", type=int, default=5)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--input-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-errors", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        data = synthetic(args.child, args.mentions)
        if not args.input_only:
            scored = score(*data)
            if not args.no_errors:
                _ = scored.errors
        return
    for n in (int(a) for a in args.articles.split(",")):
        argv = [sys.executable, __file__, f"--child={n}", f"--mentions={args.mentions}"]
        seconds, peak = peak_memory_mb(argv)
        quick, counted = peak_memory_mb([*argv, "--no-errors"])
        _, data = peak_memory_mb([*argv, "--input-only"])
        print(
            f"{n:>9,} articles x {args.mentions}: {seconds:7.1f} s, peak {peak:7.0f} MB; "
            f"without the error list {quick:7.1f} s, peak {counted:7.0f} MB; "
            f"the input alone {data:7.0f} MB"
        )


if __name__ == "__main__":
    main()
