"""A synthetic gold set and noisy predictions, for the scoring benchmark and tests.

Gold mentions are non-overlapping spans; predictions copy them with noise: some dropped,
some shifted (boundary errors), some with a wrong value, plus spurious ones.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from figdate.core.model import Article


def synthetic(
    n_articles: int, per_article: int, seed: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Article]]:
    """(gold, predictions, articles) with ``per_article`` gold mentions in each article."""
    rng = np.random.default_rng(seed)
    n = n_articles * per_article
    article = np.repeat(np.arange(n_articles), per_article)
    slot = np.tile(np.arange(per_article), n_articles)
    start = slot * 20 + rng.integers(0, 5, n)
    end = start + rng.integers(2, 10, n)
    kind = np.where(rng.random(n) < 0.6, "figure", "date")
    year = rng.integers(1990, 2024, n)
    value = np.where(kind == "figure", rng.integers(0, 100000, n).astype(str), year.astype(str))
    ids = np.array([f"a{i}" for i in range(n_articles)])
    gold = pd.DataFrame(
        {
            "article_id": ids[article],
            "kind": kind,
            "start": start,
            "end": end,
            "text": None,
            "value": value,
            "qualifier": np.where(kind == "figure", "exact", None),
            "unit": None,
            "optional": rng.random(n) < 0.05,
            "note": None,
        }
    )
    keep = rng.random(n) > 0.1
    pred = gold[keep].drop(columns=["optional", "note"]).copy()
    shift = rng.random(len(pred)) < 0.1
    pred.loc[shift, "end"] = pred.loc[shift, "end"] + 1
    wrong = (rng.random(len(pred)) < 0.1) & (pred["kind"] == "figure").to_numpy()
    pred.loc[wrong, "value"] = "7"
    n_spurious = n // 10
    spurious_article = rng.integers(0, n_articles, n_spurious)
    spurious_start = per_article * 20 + rng.integers(0, 50, n_spurious) * 12
    spurious = pd.DataFrame(
        {
            "article_id": ids[spurious_article],
            "kind": "figure",
            "start": spurious_start,
            "end": spurious_start + 3,
            "text": None,
            "value": "1",
            "qualifier": "exact",
            "unit": None,
        }
    )
    pred = pd.concat([pred, spurious], ignore_index=True)
    pred = pred.drop_duplicates(["article_id", "kind", "start", "end"])
    length = per_article * 20 + 50 * 12 + 20
    articles = {i: Article(i, "x" * length) for i in ids}
    return gold.reset_index(drop=True), pred.reset_index(drop=True), articles
