"""Extraction speed: rules against the dateparser and quantulum3 adapters, in one run.

    .venv/bin/python benchmarks/extractors.py [--rounds 20] [--repeat 3]

Each extractor is called in this process on every gold article, ``--rounds`` times over,
after one warm-up pass (imports, compiled patterns); the best of ``--repeat`` timings is
reported, as timeit does. Prints articles per second and each adapter's speed relative
to rules. Target (issue 5): rules at least 50x faster than the dateparser adapter.
"""

from __future__ import annotations

import argparse
import time

from figdate import gold
from figdate.extractors import resolve

NAMES = ("rules", "dateparser", "quantulum3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = list(gold.load().articles.values())
    speeds = {}
    for name in NAMES:
        source = resolve(name)
        for article in articles:  # warm-up
            source.extract(article)
        rounds = args.rounds if name == "rules" else max(1, args.rounds // 10)
        best = float("inf")
        for _ in range(args.repeat):
            began = time.perf_counter()
            for _ in range(rounds):
                for article in articles:
                    source.extract(article)
            best = min(best, time.perf_counter() - began)
        speeds[name] = rounds * len(articles) / best
        print(f"{name:11} {source.version:10} {speeds[name]:10,.1f} articles/s")
    for name in NAMES[1:]:
        print(f"rules is {speeds['rules'] / speeds[name]:,.0f}x faster than {name}")


if __name__ == "__main__":
    main()
