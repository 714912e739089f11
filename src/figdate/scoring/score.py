"""``score()``: gold and predictions in, a ``Score`` out. No I/O: tables and articles only.

The scorer computes once: matching, counts, intervals and the outcome table. Every view (the
terminal table, JSON, Markdown, HTML, the error list, agreement) reads the ``Score``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from figdate.core.model import Article
from figdate.core.problems import Failure, unknown
from figdate.core.vocabulary import KINDS, SCHEMES
from figdate.scoring import metrics
from figdate.scoring.attributes import type_accuracy
from figdate.scoring.breakdown import COLUMNS as BREAKDOWN_COLUMNS
from figdate.scoring.breakdown import by_tag
from figdate.scoring.errors import error_list
from figdate.scoring.outcomes import outcomes
from figdate.scoring.tally import Tally, tally

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
    breakdown: Callable[[], pd.DataFrame] = field(repr=False, default=lambda: _no_tags())
    """Makes the per-tag table from this score's inputs; read ``by_tag`` instead."""
    kinds: tuple[str, ...] = KINDS
    """The kinds the dataset labels: the views show no row of another kind (its figures
    would be zeros that mean "not labelled", not "missed")."""

    def labelled(self, table: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``table`` (the summary, per-article rows) of labelled kinds and
        ``all``."""
        if len(self.kinds) == len(KINDS):
            return table
        return table[table["kind"].isin([*self.kinds, "all"])]

    @functools.cached_property
    def timex_type(self) -> dict[str, Any] | None:
        """TempEval-3's TIMEX3 type accuracy (``figdate.scoring.attributes``); None where no
        gold date has a type, or for a score merged from counts."""
        return type_accuracy(self.outcomes) if self.has_outcomes else None

    @functools.cached_property
    def by_tag(self) -> pd.DataFrame:
        """P/R/F1 per tag (``figdate.scoring.breakdown``); empty when nothing is tagged."""
        return self.breakdown()

    @functools.cached_property
    def per_article(self) -> pd.DataFrame:
        """One row per article, kind and scheme: made on first use (15 rows an article)."""
        return metrics.per_article(self.counts, self.articles, SCHEMES)

    @functools.cached_property
    def outcomes(self) -> pd.DataFrame:
        return self.tabulate()

    @property
    def has_outcomes(self) -> bool:
        """False for a score merged from counts (Spark, or a file scored in parts): no
        outcome table, no error list."""
        return self.tabulate is not _no_outcome_table

    @functools.cached_property
    def errors(self) -> pd.DataFrame:
        return error_list(self.outcomes, self.texts)

    def get(self, kind: str, scheme: str, metric: str) -> float:
        """One figure, e.g. ``score.get("figure", "value", "f1")``."""
        for name, known, what in ((kind, self.summary["kind"], "a kind this score has"),
                                  (scheme, SCHEMES, "a scheme"),
                                  (metric, self.summary.columns.drop(["kind", "scheme"]),
                                   "a metric")):  # fmt: skip
            if name not in set(known):
                raise KeyError(unknown(name, known, what))
        row = self.summary[(self.summary["kind"] == kind) & (self.summary["scheme"] == scheme)]
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
    kinds: Sequence[str] = KINDS,
) -> Score:
    """Score schema-valid predictions against schema-valid gold mentions of ``articles``;
    ``kinds``: what the gold set labels (a predicted mention of another kind is left out,
    and the notes say so)."""
    predictions, left_out = labelled_only(predictions, kinds)
    part, data, matches = tally(gold, predictions, articles)
    texts = [articles[name].text for name in data.articles]
    return summarise(
        part,
        resamples=resamples,
        seed=seed,
        run=run,
        tabulate=functools.partial(outcomes, data, matches, texts),
        texts=dict(zip(data.articles, texts, strict=True)),
        kinds=kinds,
        breakdown=functools.partial(
            by_tag, gold, predictions, articles, resamples=resamples, seed=seed, kinds=kinds
        ),
    ).with_notes(*left_out_notes(left_out))


def labelled_only(predictions: pd.DataFrame, kinds: Sequence[str]) -> tuple[pd.DataFrame, int]:
    """``predictions`` without the kinds the gold set does not label, and how many left."""
    if set(kinds) >= set(KINDS) or "kind" not in predictions:
        return predictions, 0
    other = ~predictions["kind"].isin(list(kinds))
    if not bool(other.any()):
        return predictions, 0
    return predictions[~other].reset_index(drop=True), int(other.sum())


def left_out_notes(count: int) -> tuple[str, ...]:
    """The note for ``count`` predictions of kinds the gold set does not label."""
    return (f"{count} prediction(s) of kinds the dataset does not label left out",) if count else ()


def summarise(
    counted: Tally,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    run: RunInfo | None = None,
    tabulate: Callable[[], pd.DataFrame] | None = None,
    texts: Mapping[str, str] | None = None,
    kinds: Sequence[str] = KINDS,
    breakdown: Callable[[], pd.DataFrame] | None = None,
) -> Score:
    """The ``Score`` of a tally (one part, or parts merged by ``tally.merge``). Without
    ``tabulate`` (a tally merged from a cluster's partitions), the outcome table and the
    error list are not available and say so."""
    summary = metrics.summary(counted.counts, SCHEMES, resamples=resamples, seed=seed)
    n = counted.qualifier_pairs
    return Score(
        summary=summary,
        qualifier={
            "accuracy": counted.qualifier_correct / n if n else 0.0,
            "correct": counted.qualifier_correct,
            "n": n,
            "missing": counted.qualifier_missing,
        },
        notes=tuple(counted.notes(kinds)),
        counts=counted.counts,
        articles=counted.articles,
        run=dataclasses.replace(run or RunInfo(), resamples=resamples, seed=seed),
        tabulate=tabulate or _no_outcome_table,
        texts=texts or {},
        breakdown=breakdown or _no_tags,
        kinds=tuple(k for k in KINDS if k in kinds),
    )


def _no_tags() -> pd.DataFrame:
    """The breakdown of a score merged from counts: none (it needs the tables)."""
    return pd.DataFrame(columns=[*BREAKDOWN_COLUMNS])


def _no_outcome_table() -> pd.DataFrame:
    raise ValueError(
        "this score was merged from counts (the Spark engine, or a file scored in parts to "
        "fit --memory): it has no outcome table or error list; score a sample at once "
        "(figdate.scoring.score, or figdate score with a larger --memory) for them"
    )
