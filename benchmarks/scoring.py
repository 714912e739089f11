"""Scoring throughput: figdate against nervaluate on the same synthetic data, in one run.

    .venv/bin/python benchmarks/scoring.py [--articles 10000] [--mentions 50] [--repeat 3]

Both score the same gold and noisy predictions (figdate: all five schemes, bootstrap
intervals with 1,000 resamples and the error list; nervaluate: its four strategies over
the kinds as labels). Each is timed --repeat times and the best run is reported, as
timeit does, because the machine's other load only ever adds time. Prints mentions per
second for each and the ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import synthetic

from figdate.scoring import score


def nervaluate_docs(frame: pd.DataFrame, ids: list[str]) -> list[list[dict[str, object]]]:
    grouped = {
        name: [
            {"label": k, "start": int(s), "end": int(e) - 1}
            for k, s, e in zip(g["kind"], g["start"], g["end"], strict=True)
        ]
        for name, g in frame.groupby("article_id", sort=False)
    }
    return [grouped.get(i, []) for i in ids]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    gold, pred, articles = synthetic(args.articles, args.mentions)
    n = len(gold) + len(pred)
    print(f"{args.articles} articles, {len(gold)} gold and {len(pred)} predicted mentions")

    ours = best_of(args.repeat, lambda: score(gold, pred, articles).errors)
    print(f"figdate     {ours:7.2f} s  {n / ours:>10,.0f} mentions/s  (5 schemes, CIs, errors)")

    from nervaluate import Evaluator

    ids = sorted(articles)
    true, predicted = nervaluate_docs(gold, ids), nervaluate_docs(pred, ids)
    other = best_of(
        args.repeat,
        lambda: Evaluator(true, predicted, tags=["figure", "date"], loader="dict").evaluate(),
    )
    print(f"nervaluate  {other:7.2f} s  {n / other:>10,.0f} mentions/s  (4 strategies)")
    print(f"figdate is {other / ours:.1f}x nervaluate's throughput (best of {args.repeat} each)")


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


if __name__ == "__main__":
    main()
