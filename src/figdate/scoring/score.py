"""``score()``: gold and predictions in, a ``Score`` out. No I/O: tables and articles only."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from figdate.model import Article
from figdate.scoring import metrics
from figdate.scoring.errors import error_list
from figdate.scoring.matching import SCHEMES, Matches, match
from figdate.scoring.prepare import Prepared, prepare

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0


@dataclass
class Score:
    """Everything a report shows. ``summary`` has one row per scheme and kind ("figure",
    "date", "all"): micro counts and P/R/F1 with 95% intervals, and macro P/R/F1."""

    summary: pd.DataFrame
    per_article: pd.DataFrame
    errors: pd.DataFrame
    qualifier: dict[str, Any]
    notes: list[str]
    counts: np.ndarray  # [article, kind, scheme, (tp, fp, fn, neutral)]
    articles: list[str]
    meta: dict[str, Any] = field(default_factory=dict)
    matched: tuple[Prepared, Matches] | None = field(default=None, repr=False, compare=False)
    """The prepared sides and their matching, for views that show each pair (the HTML report)."""

    def get(self, kind: str, scheme: str, metric: str) -> float:
        """One figure, e.g. ``score.get("figure", "value", "f1")``."""
        row = self.summary[(self.summary["kind"] == kind) & (self.summary["scheme"] == scheme)]
        if row.empty or metric not in row:
            raise KeyError(f"no {metric!r} for kind {kind!r} and scheme {scheme!r}")
        return float(row.iloc[0][metric])


def score(
    gold: pd.DataFrame,
    predictions: pd.DataFrame,
    articles: Mapping[str, Article],
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    meta: Mapping[str, Any] | None = None,
) -> Score:
    """Score schema-valid predictions against schema-valid gold mentions of ``articles``."""
    data = prepare(gold, predictions, articles)
    matches = match(data)
    summary = metrics.summary(matches.counts, SCHEMES, resamples=resamples, seed=seed)
    return Score(
        summary=summary,
        per_article=metrics.per_article(matches.counts, data.articles, SCHEMES),
        errors=error_list(data, matches, articles),
        qualifier=_qualifier_accuracy(data, matches.value_gold, matches.value_pred),
        notes=_notes(data, summary),
        counts=matches.counts,
        articles=data.articles,
        meta={"resamples": resamples, "seed": seed, **(meta or {})},
        matched=(data, matches),
    )


def _qualifier_accuracy(
    data: Any, gold_index: np.ndarray, pred_index: np.ndarray
) -> dict[str, Any]:
    """Qualifier accuracy over figure pairs matched under the value scheme (required gold)."""
    gold_q = data.gold.frame["qualifier"].to_numpy(dtype=object)[gold_index]
    if "qualifier" in data.pred.frame:
        pred_q = data.pred.frame["qualifier"].to_numpy(dtype=object)[pred_index]
    else:
        pred_q = np.full(len(pred_index), None, dtype=object)
    missing = int(sum(q is None or q != q for q in pred_q))
    correct = int(sum(g == p for g, p in zip(gold_q, pred_q, strict=True)))
    n = len(gold_index)
    return {"accuracy": correct / n if n else 0.0, "correct": correct, "n": n, "missing": missing}


def _notes(data: Any, summary: pd.DataFrame) -> list[str]:
    notes = []
    if len(data.pred.article) == 0:
        notes.append("no predictions: precision and F1 are 0 by convention")
    for kind in ("figure", "date"):
        code = 0 if kind == "figure" else 1
        if not ((data.gold.kind == code) & ~data.gold.optional).any():
            notes.append(f"no required gold {kind} mentions: {kind} recall is 0 by convention")
    if data.bag_only:
        notes.append(
            f"{data.bag_only} prediction(s) have neither offsets nor text: scored under 'bag' only"
        )
    if data.unaligned:
        notes.append(
            f"{data.unaligned} prediction(s) give text that has no unused occurrence in their "
            "article: scored under 'bag' only"
        )
    return notes
