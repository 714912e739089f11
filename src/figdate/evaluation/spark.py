"""Scoring at cluster scale: Spark maps figdate's scorer over partitions of whole articles,
and the driver merges the counts.

The gold rows, the predicted rows and the articles' texts go into one union, repartitioned
by article id, so each partition holds whole articles. ``mapInPandas`` hands a partition
to ``figdate.scoring.tally`` (the matcher the local scorer uses) and sends back one row of
counts per article and one of sums; the driver merges them (``tally.merge``) and
summarises them as the local scorer does, bootstrap intervals included. Only counts
cross the network. pyspark is imported by the caller, never by figdate's other modules.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from figdate.core.model import MENTION_COLUMNS, PREDICTION_COLUMNS, Article
from figdate.core.vocabulary import KINDS, SCHEMES
from figdate.scoring import RunInfo, Score
from figdate.scoring.score import DEFAULT_RESAMPLES, DEFAULT_SEED, summarise
from figdate.scoring.tally import Tally, merge, tally

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

SIDE = "figdate_side"
TEXT = "figdate_article_text"
TYPES = {
    "article_id": "string", "kind": "string", "start": "bigint", "end": "bigint",
    "text": "string", "value": "string", "qualifier": "string", "unit": "string",
    "optional": "boolean", "note": "string",
}  # fmt: skip
"""One Spark type per mention column, so that gold and predictions union by name (a
figure's value may arrive as a number from JSON or Parquet: it is read as its text)."""
SUMS = (
    "qualifier_correct", "qualifier_pairs", "qualifier_missing", "bag_only", "unaligned",
    "timex_only",
)  # fmt: skip
OUT = "article string, counts array<bigint>, " + ", ".join(f"{s} bigint" for s in SUMS)


def score_spark(
    gold: DataFrame,
    predictions: DataFrame,
    articles: DataFrame,
    *,
    partitions: int | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    run: RunInfo | None = None,
) -> Score:
    """Score schema-valid predictions against schema-valid gold mentions, as Spark
    DataFrames (``articles`` with ``id`` and ``text``), over ``partitions`` partitions
    (Spark's default parallelism if None). The numbers equal ``figdate.scoring.score``'s
    on the same tables; the outcome table is not kept (``Score.outcomes`` says so)."""
    union = _union(gold, predictions, articles)
    n = partitions or union.sparkSession.sparkContext.defaultParallelism
    counted = union.repartition(n, "article_id").mapInPandas(tally_partition, schema=OUT)
    return summarise(gathered(counted.toPandas()), resamples=resamples, seed=seed, run=run)


def _union(gold: DataFrame, predictions: DataFrame, articles: DataFrame) -> DataFrame:
    from pyspark.sql import functions as F

    def typed(frame: DataFrame, side: str) -> DataFrame:
        columns = [
            (F.col(c) if c in frame.columns else F.lit(None)).cast(t).alias(c)
            for c, t in TYPES.items()
        ]
        return frame.select(
            *columns, F.lit(side).alias(SIDE), F.lit(None).cast("string").alias(TEXT)
        )

    texts = articles.select(
        *(F.lit(None).cast(t).alias(c) for c, t in TYPES.items() if c != "article_id"),
        F.col("id").cast("string").alias("article_id"),
        F.lit("article").alias(SIDE),
        F.col("text").cast("string").alias(TEXT),
    )
    return typed(gold, "gold").unionByName(typed(predictions, "pred")).unionByName(texts)


def tally_partition(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """One partition's rows (whole articles) in, one row of counts per article and one row
    of sums (article null) out."""
    frames = list(batches)
    if not frames:
        return
    rows = pd.concat(frames, ignore_index=True)
    side = rows[SIDE]
    texts = rows[side == "article"]
    articles = {
        a: Article(a, t if isinstance(t, str) else "")
        for a, t in zip(texts["article_id"], texts[TEXT], strict=True)
    }
    gold = rows.loc[side == "gold", list(MENTION_COLUMNS)].reset_index(drop=True)
    pred = rows.loc[side == "pred", list(PREDICTION_COLUMNS)].reset_index(drop=True)
    part, _, _ = tally(gold, pred, articles)
    per_article = pd.DataFrame(
        {"article": part.articles, "counts": list(part.counts.reshape(len(part.articles), -1))}
    )
    sums = pd.DataFrame([{"article": None, "counts": None, **{s: getattr(part, s) for s in SUMS}}])
    for name in SUMS:
        per_article[name] = 0
    yield pd.concat([per_article, sums], ignore_index=True)


def gathered(rows: pd.DataFrame) -> Tally:
    """The merged tally of every partition's rows (``tally_partition``'s output)."""
    is_sum = rows["article"].isna().to_numpy()
    per_article = rows[~is_sum]
    shape = (len(per_article), len(KINDS), len(SCHEMES), 4)
    counts = (
        np.stack([np.asarray(c, dtype=np.int64) for c in per_article["counts"]]).reshape(shape)
        if len(per_article)
        else np.zeros(shape, dtype=np.int64)
    )
    sums = {s: int(rows.loc[is_sum, s].sum()) for s in SUMS}
    return merge([Tally(per_article["article"].astype(str).tolist(), counts, **sums)])
