"""Scoring through Spark (local mode, a real JVM) gives the local scorer's numbers: on a
generated corpus of 100,000 articles, and on a Parquet dataset written as Spark writes it
(a folder of files) with text-only, bag-only and numeric-valued predictions."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from figdate.core.model import Article
from figdate.evaluation.spark import score_spark
from figdate.scoring import score

pytestmark = [pytest.mark.slow, pytest.mark.spark]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="pyspark is in the Spark venv: `make test-spark`")
    if shutil.which("java") is None:
        pytest.fail(
            "Spark needs a Java runtime: Debian's default-jre-headless, as .ci/run installs"
        )
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors run this venv's figdate
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("figdate-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    yield session
    session.stop()


def corpus(n_articles: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(articles, gold, predictions): five gold mentions an article, some optional or
    without a value; predictions copy them with drops, shifted ends, wrong values, and
    spurious ones."""
    rng = np.random.default_rng(seed)
    n = n_articles * 5
    article = np.repeat(np.arange(n_articles), 5)
    start = np.tile(np.arange(5) * 30, n_articles) + rng.integers(0, 5, n)
    end = start + rng.integers(2, 9, n)
    kind = np.where(rng.random(n) < 0.6, "figure", "date")
    value = np.where(
        kind == "figure",
        rng.integers(0, 50, n).astype(str),
        rng.integers(1990, 2024, n).astype(str),
    )
    optional = rng.random(n) < 0.05
    value = np.where(optional & (rng.random(n) < 0.5), "", value)
    ids = np.array([f"a{i}" for i in range(n_articles)])
    gold = pd.DataFrame({
        "article_id": ids[article], "kind": kind, "start": start, "end": end, "text": None,
        "value": value, "qualifier": np.where(kind == "figure", "exact", None), "unit": None,
        "optional": optional, "note": None,
    })  # fmt: skip
    pred = gold[rng.random(n) > 0.1].drop(columns=["optional", "note"]).copy()
    shifted = rng.random(len(pred)) < 0.1
    pred.loc[shifted, "end"] += 1
    wrong = (rng.random(len(pred)) < 0.1) & (pred["kind"] == "figure").to_numpy()
    pred.loc[wrong, "value"] = "7"
    pred.loc[pred["value"] == "", "value"] = "3"
    spurious = pd.DataFrame({
        "article_id": ids[rng.integers(0, n_articles, n // 10)], "kind": "figure",
        "start": 160, "end": 163, "text": None, "value": "1", "qualifier": "approx", "unit": None,
    })  # fmt: skip
    pred = pd.concat([pred, spurious]).drop_duplicates(["article_id", "kind", "start", "end"])
    articles = pd.DataFrame({"id": ids, "text": "x" * 200})
    return articles, gold.reset_index(drop=True), pred.reset_index(drop=True)


def _local(articles: pd.DataFrame, gold: pd.DataFrame, pred: pd.DataFrame) -> Any:
    known = {a: Article(a, t) for a, t in zip(articles["id"], articles["text"], strict=True)}
    return score(gold, pred, known, resamples=200, seed=3)


def _same(ours: Any, theirs: Any) -> None:
    assert ours.articles == theirs.articles
    assert np.array_equal(ours.counts, theirs.counts)
    pd.testing.assert_frame_equal(ours.summary, theirs.summary)
    assert ours.qualifier == theirs.qualifier
    assert ours.notes == theirs.notes


def _parquet_folder(frame: pd.DataFrame, folder: Path, files: int) -> str:
    """The frame as a folder of Parquet files, as Spark writes a dataset."""
    folder.mkdir()
    for k, part in enumerate(np.array_split(np.arange(len(frame)), files)):
        frame.iloc[part].to_parquet(folder / f"part-{k:05d}.parquet", index=False)
    return str(folder)


def test_spark_scores_100k_articles_as_the_local_scorer_does(spark: Any, tmp_path: Path) -> None:
    articles, gold, pred = corpus(100_000)
    local = _local(articles, gold, pred)
    assert 0.5 < local.get("all", "relaxed", "f1") < 0.99  # errors of every kind present
    distributed = score_spark(
        *(
            spark.read.parquet(_parquet_folder(frame, tmp_path / name, 4))
            for name, frame in (("gold", gold), ("pred", pred), ("articles", articles))
        ),
        partitions=8,
        resamples=200,
        seed=3,
    )
    _same(distributed, local)
    with pytest.raises(ValueError, match="no outcome table"):
        _ = distributed.outcomes


def test_a_parquet_folder_with_text_only_bag_only_and_numeric_values(
    spark: Any, tmp_path: Path
) -> None:
    articles, gold, pred = corpus(300, seed=1)
    pred = pred.astype({"start": "Int64", "end": "Int64"})
    text_only = pred.index % 7 == 0  # offsets dropped: aligned by their text
    pred.loc[text_only, ["start", "end"]] = pd.NA
    pred.loc[text_only, "text"] = "xx"
    pred.loc[pred.index % 11 == 0, ["start", "end", "text"]] = pd.NA  # bag only
    numeric = pred.assign(value=pd.to_numeric(pred["value"]))  # figures and years as numbers
    local = _local(articles, gold, pred)
    assert any("neither offsets nor text" in n for n in local.notes)
    folders = {}
    for name, frame in (("gold", gold), ("pred", numeric), ("articles", articles)):
        folders[name] = str(tmp_path / name)
        spark.createDataFrame(frame).repartition(3).write.parquet(folders[name])
    assert len(list((tmp_path / "pred").glob("*.parquet"))) == 3
    distributed = score_spark(
        *(spark.read.parquet(folders[name]) for name in ("gold", "pred", "articles")),
        resamples=200,
        seed=3,
    )
    _same(distributed, local)
