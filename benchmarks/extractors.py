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

from figdate.extractors import resolve
from figdate.goldset import store as gold

NAMES = ("rules", "dateparser", "quantulum3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles = list(gold.load().articles.values())
    sources = {name: resolve(name) for name in NAMES}
    for source in sources.values():
        for article in articles:  # warm-up: imports, compiled patterns, caches
            source.extract(article)
    best = dict.fromkeys(NAMES, float("inf"))
    for _ in range(args.repeat):  # alternate, so that drift in the machine hits all alike
        for name, source in sources.items():
            rounds = args.rounds if name == "rules" else max(1, args.rounds // 10)
            began = time.perf_counter()
            for _ in range(rounds):
                for article in articles:
                    source.extract(article)
            best[name] = min(best[name], (time.perf_counter() - began) / rounds)
    speeds = {name: len(articles) / seconds for name, seconds in best.items()}
    for name, source in sources.items():
        print(f"{name:11} {source.version:10} {speeds[name]:10,.1f} articles/s")
    for name in NAMES[1:]:
        print(f"rules is {speeds['rules'] / speeds[name]:,.0f}x faster than {name}")


if __name__ == "__main__":
    main()
