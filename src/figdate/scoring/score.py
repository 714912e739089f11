"""``score()``: gold and predictions in, a ``Score`` out. No I/O: tables and articles only.

The scorer computes once: matching, counts, intervals and the outcome table. Every view (the
terminal table, JSON, Markdown, HTML, the error list, agreement) reads the ``Score``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from figdate.core.model import Article
from figdate.core.problems import Failure
from figdate.core.vocabulary import KINDS, SCHEMES
from figdate.scoring import metrics
from figdate.scoring.errors import error_list
from figdate.scoring.matching import match
from figdate.scoring.outcomes import outcomes
from figdate.scoring.prepare import Prepared, prepare

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0


@dataclass(frozen=True)
class RunInfo:
    """What a report records about the run, for reproducibility."""

    extractor: str | None = None
    extractor_version: str | None = None
    gold_version: str | None = None
    gold_checksum: str | None = None
    figdate_version: str | None = None
    resamples: int = DEFAULT_RESAMPLES
    seed: int = DEFAULT_SEED
    failures: tuple[Failure, ...] = ()


@dataclass(frozen=True, eq=False)
class Score:
    """Everything a report shows. ``summary`` has one row per scheme and kind ("figure",
    "date", "all"): micro counts and P/R/F1 with 95% intervals, and macro P/R/F1.
    ``per_article`` (15 rows an article) and ``outcomes`` (one row per mention,
    ``figdate.scoring.outcomes``, from the same matching as the counts) are made on first
    use: a run that needs only the numbers skips them. ``errors`` is the outcomes' view
    for people."""

    summary: pd.DataFrame
    qualifier: dict[str, Any]
    notes: tuple[str, ...]
    counts: np.ndarray  # [article, kind, scheme, (tp, fp, fn, neutral)]
    articles: list[str]
    run: RunInfo
    tabulate: Callable[[], pd.DataFrame] = field(repr=False)
    """Makes the outcome table from this score's matching; read ``outcomes`` instead."""
    texts: Mapping[str, str] = field(repr=False, default_factory=dict)
    """The articles' texts, for the error list's context."""

    @functools.cached_property
    def per_article(self) -> pd.DataFrame:
        """One row per article, kind and scheme: made on first use (15 rows an article)."""
        return metrics.per_article(self.counts, self.articles, SCHEMES)

    @functools.cached_property
    def outcomes(self) -> pd.DataFrame:
        return self.tabulate()

    @functools.cached_property
    def errors(self) -> pd.DataFrame:
        return error_list(self.outcomes, self.texts)

    def get(self, kind: str, scheme: str, metric: str) -> float:
        """One figure, e.g. ``score.get("figure", "value", "f1")``."""
        row = self.summary[(self.summary["kind"] == kind) & (self.summary["scheme"] == scheme)]
        if row.empty or metric not in row:
            raise KeyError(f"no {metric!r} for kind {kind!r} and scheme {scheme!r}")
        return float(row.iloc[0][metric])

    def with_notes(self, *notes: str) -> Score:
        """The same score with ``notes`` added (what the caller knows of the run)."""
        return dataclasses.replace(self, notes=(*self.notes, *notes))


def score(
    gold: pd.DataFrame,
    predictions: pd.DataFrame,
    articles: Mapping[str, Article],
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    run: RunInfo | None = None,
) -> Score:
    """Score schema-valid predictions against schema-valid gold mentions of ``articles``."""
    data = prepare(gold, predictions, articles)
    matches = match(data)
    summary = metrics.summary(matches.counts, SCHEMES, resamples=resamples, seed=seed)
    texts = [articles[name].text for name in data.articles]
    return Score(
        summary=summary,
        qualifier=_qualifier_accuracy(data, matches.value_gold, matches.value_pred),
        notes=tuple(_notes(data)),
        counts=matches.counts,
        articles=data.articles,
        run=dataclasses.replace(run or RunInfo(), resamples=resamples, seed=seed),
        tabulate=functools.partial(outcomes, data, matches, texts),
        texts=dict(zip(data.articles, texts, strict=True)),
    )


def _qualifier_accuracy(
    data: Prepared, gold_index: np.ndarray, pred_index: np.ndarray
) -> dict[str, Any]:
    """Qualifier accuracy over figure pairs matched under the value scheme (required gold)."""
    gold, pred = data.gold, data.pred
    gold_q = gold.frame["qualifier"].take(gold.rows[gold_index]).to_numpy(dtype=object)
    if "qualifier" in pred.frame:
        pred_q = pred.frame["qualifier"].take(pred.rows[pred_index]).to_numpy(dtype=object)
    else:
        pred_q = np.full(len(pred_index), None, dtype=object)
    missing = int(pd.isna(pred_q).sum())
    correct = int(np.sum(gold_q == pred_q)) if len(gold_q) else 0  # Python's == per pair
    n = len(gold_index)
    return {"accuracy": correct / n if n else 0.0, "correct": correct, "n": n, "missing": missing}


def _notes(data: Prepared) -> list[str]:
    notes = []
    if len(data.pred.article) == 0:
        notes.append("no predictions: precision and F1 are 0 by convention")
    else:
        for code, kind in enumerate(KINDS):
            if not (data.pred.kind == code).any():
                notes.append(f"no {kind} predictions: {kind} precision and F1 are 0 by convention")
    for code, kind in enumerate(KINDS):
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
