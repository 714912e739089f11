"""Scoring throughput: figdate against nervaluate on the same synthetic data, in one run.

    .venv/bin/python benchmarks/scoring.py [--articles 10000] [--mentions 50] [--repeat 5]

Both score the same gold and noisy predictions, each timed from the same input frames
(nervaluate's time includes turning them into its per-document lists): figdate with all
five schemes, bootstrap intervals with 1,000 resamples and the error list; nervaluate
with its four strategies over the kinds as labels. The two are interleaved, --repeat
rounds, and reported as min/median/max; the ratio is of the medians. Target: figdate at
least 6x nervaluate.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import synthetic
from timing import interleaved, line, median

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
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    gold, pred, articles = synthetic(args.articles, args.mentions)
    n = len(gold) + len(pred)
    print(f"{args.articles} articles, {len(gold)} gold and {len(pred)} predicted mentions")
    from nervaluate import Evaluator

    ids = sorted(articles)

    def theirs() -> object:
        true, predicted = nervaluate_docs(gold, ids), nervaluate_docs(pred, ids)
        return Evaluator(true, predicted, tags=["figure", "date"], loader="dict").evaluate()

    times = interleaved(
        {
            "figdate (5 schemes, CIs, errors)": lambda: score(gold, pred, articles).errors,
            "nervaluate (4 strategies)": theirs,
        },
        args.repeat,
    )
    for name, seconds in times.items():
        print(f"{line(name, seconds, 34)}  {n / median(seconds):>10,.0f} mentions/s")
    ours, other = (median(t) for t in times.values())
    print(f"figdate is {other / ours:.1f}x nervaluate's throughput (medians, interleaved)")


if __name__ == "__main__":
    main()
