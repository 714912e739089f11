"""Extraction speed: rules against the dateparser and quantulum3 adapters, in one run.

    .venv/bin/python benchmarks/extractors.py [--rounds 20] [--repeat 7]

Each extractor is called in this process on every gold article after one warm-up pass
(imports, compiled patterns); a run is ``--rounds`` passes for rules and a tenth of that
for the slower adapters. The contenders are interleaved ``--repeat`` times and reported
as articles per second, min / median / max; ratios are of medians. Target (issue 19):
rules at least 2,500 articles/s, median.
"""

from __future__ import annotations

import argparse
import statistics

from timing import interleaved

from figdate.extractors import resolve
from figdate.goldset import store as gold

NAMES = ("rules", "dateparser", "quantulum3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    articles = list(gold.load().articles.values())
    sources = {name: resolve(name) for name in NAMES}
    for source in sources.values():
        for article in articles:  # warm-up: imports, compiled patterns, caches
            source.extract(article)
    rounds = {name: args.rounds if name == "rules" else max(1, args.rounds // 10) for name in NAMES}

    def run(name: str) -> None:
        for _ in range(rounds[name]):
            for article in articles:
                sources[name].extract(article)

    times = interleaved({name: (lambda n=name: run(n)) for name in NAMES}, args.repeat)
    speeds = {
        name: sorted(len(articles) * rounds[name] / s for s in seconds)
        for name, seconds in times.items()
    }
    print(f"{'':11} {'version':10} {'min':>10} {'median':>10} {'max':>10}  articles/s")
    for name, source in sources.items():
        low, mid, high = speeds[name][0], statistics.median(speeds[name]), speeds[name][-1]
        print(f"{name:11} {source.version:10} {low:10,.1f} {mid:10,.1f} {high:10,.1f}")
    rules = statistics.median(speeds["rules"])
    for name in NAMES[1:]:
        ratio = rules / statistics.median(speeds[name])
        print(f"rules is {ratio:,.0f}x faster than {name} (medians)")


if __name__ == "__main__":
    main()
