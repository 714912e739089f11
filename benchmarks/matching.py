"""Worst cases for the matcher: overlaps that make large groups of competing pairs.

    .venv/bin/python benchmarks/matching.py [--repeat 5] [--chain 20000] [--nest 5000]

Cases, each scored in full (five schemes, bootstrap intervals, the error list):
Figure values count 0, 1, ..., 999 on each side, so values pair gold i with prediction i.
- chain: prediction i overlaps gold i and i + 1, one group of 2 x --chain pairs;
- nest: --nest gold and --nest predictions, all nested, so every pair competes;
- one-to-one and two-gold: 10,000 articles x 50 pairs of adjacent gold spans, each
  prediction on one gold span, or one over both ("5 March" + "2020" against
  "5 March 2020"): one group per pair of gold spans, 500,000 of them.
Time: the cases interleaved, --repeat rounds, min/median/max. Memory: each case once more
in a process of its own, its peak resident size (the Python process, data and all).
Targets: chain and nest under 5 s and 1 GB each; two-gold within 1.5x of one-to-one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from timing import interleaved, line, median, peak_memory_mb

from figdate.core.model import MENTION_COLUMNS, PREDICTION_COLUMNS, Article
from figdate.scoring import score

Case = tuple[pd.DataFrame, pd.DataFrame, dict[str, Article]]


def frames(
    article: np.ndarray,
    g_start: np.ndarray,
    g_end: np.ndarray,
    p_article: np.ndarray,
    p_start: np.ndarray,
    p_end: np.ndarray,
) -> Case:
    def frame(
        art: np.ndarray, start: np.ndarray, end: np.ndarray, columns: tuple[str, ...]
    ) -> pd.DataFrame:
        data = pd.DataFrame(
            {
                "article_id": art,
                "kind": "figure",
                "start": start,
                "end": end,
                "text": None,
                "value": (np.arange(len(start)) % 1000).astype(str),
                "qualifier": "exact",
                "unit": None,
            }
        )
        if "optional" in columns:
            data = data.assign(optional=False, note=None)
        return data[list(columns)]

    longest = int(max(g_end.max(), p_end.max())) + 1
    articles = {a: Article(a, "x" * longest) for a in sorted(set(article) | set(p_article))}
    return (
        frame(article, g_start, g_end, MENTION_COLUMNS),
        frame(p_article, p_start, p_end, PREDICTION_COLUMNS),
        articles,
    )


def chain(n: int) -> Case:
    i = np.arange(n + 1)
    j = np.arange(n)
    return frames(np.full(n + 1, "a"), 10 * i, 10 * i + 8, np.full(n, "a"), 10 * j + 4, 10 * j + 14)


def nest(n: int) -> Case:
    i = np.arange(n)
    return frames(np.full(n, "a"), i, 2 * n - i, np.full(n, "a"), i, 2 * n + 1 - i)


def spans(n_articles: int, per_article: int, *, two_gold: bool) -> Case:
    """Two gold spans side by side in each slot; predictions on each span (one-to-one), or
    one prediction over both (two-gold): the same gold either way."""
    ids = np.array([f"a{i}" for i in range(n_articles)])
    article = np.repeat(ids, per_article)
    slot = np.tile(np.arange(per_article), n_articles) * 20
    g_art = np.repeat(article, 2)
    g_start = np.repeat(slot, 2) + np.tile([0, 8], len(slot))
    if two_gold:
        return frames(g_art, g_start, g_start + 6, article, slot, slot + 14)
    return frames(g_art, g_start, g_start + 6, g_art, g_start, g_start + 6)


def build(name: str, args: argparse.Namespace) -> Case:
    if name == "chain":
        return chain(args.chain)
    if name == "nest":
        return nest(args.nest)
    return spans(args.articles, args.mentions, two_gold=name == "two-gold")


CASES = ("chain", "nest", "one-to-one", "two-gold")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--chain", type=int, default=20_000)
    parser.add_argument("--nest", type=int, default=5_000)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=50)
    parser.add_argument("--child", choices=CASES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _ = score(*build(args.child, args)).errors
        return
    passed = [f"--{k}={v}" for k, v in vars(args).items() if k not in {"repeat", "child"}]
    peaks = {
        name: peak_memory_mb([sys.executable, __file__, f"--child={name}", *passed])
        for name in CASES
    }
    cases = {name: build(name, args) for name in CASES}
    times = interleaved(
        {name: lambda c=case: score(*c).errors for name, case in cases.items()}, args.repeat
    )
    print(f"chain {args.chain}, nest {args.nest}x{args.nest}, ", end="")
    print(f"{args.articles} articles x {args.mentions}")
    for name in CASES:
        print(line(name, times[name]))
    ratio = median(times["two-gold"]) / median(times["one-to-one"])
    print(f"two-gold / one-to-one: {ratio:.2f}x (medians)")
    for name, (seconds, peak) in peaks.items():
        print(f"{name:<28} peak {peak:8.0f} MB  ({seconds:.1f} s in its own process)")


if __name__ == "__main__":
    main()
