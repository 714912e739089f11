"""The Spark engines against the local ones, in Spark local mode on a real JVM.

Every file of the bad-file corpus gets the same verdict from ``--engine spark`` (pandera's
PySpark backend and the contract's masks on the partitions) and ``--engine gx-spark`` (the
GX suite on a Spark datasource) as from pandera and GX on one machine; and a Parquet
dataset as Spark writes it (a folder, the rows spread over files and partitions) gets the
counts and rows the local streaming engine gives.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from figdate.cli.main import main
from tests.contract.test_hostile import BAD, EVERY, VALID
from tests.support import GOLD, REPO

pytestmark = [pytest.mark.slow, pytest.mark.spark]
ENGINES = ("pandera", "gx", "spark", "gx-spark")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="pyspark is in the Spark venv: `make test-spark`")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(autouse=True)
def _here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("FIGDATE_GOLD", raising=False)


def _validate(capsys: pytest.CaptureFixture[str], path: Path, engine: str) -> tuple[int, str]:
    code = main(["validate", str(path), "--engine", engine, "--gold", str(GOLD)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


@pytest.mark.parametrize("name", EVERY)
def test_the_spark_engines_give_the_local_verdict(
    spark: Any, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    results = {engine: _validate(capsys, BAD / name, engine) for engine in ENGINES}
    codes = {engine: code for engine, (code, _) in results.items()}
    assert len(set(codes.values())) == 1, (codes, results["spark"][1], results["gx-spark"][1])
    assert (codes["spark"] == 0) == (name in VALID)
    assert "PySpark backend" not in results["spark"][1]  # it and the masks agree
    if codes["pandera"] == 1:  # the same checks fail, with the same rows
        local = _fails(results["pandera"][1], "pandera")
        assert _fails(results["spark"][1], "spark") == local


def _fails(report: str, engine: str) -> list[str]:
    return [
        line.replace(f"[{engine}]", "[]")
        for line in report.splitlines()
        if line.startswith(("FAIL", "    ")) and "predictions table" not in line
    ]


def test_a_dataset_as_spark_writes_it_gets_the_streaming_engines_counts(
    spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pandas as pd

    rows = pd.read_json(BAD / "duplicate_rows.jsonl", lines=True)
    wrong = rows.assign(end=rows["end"] + 1000, article_id="no-such-article")
    many = pd.concat([rows] * 50 + [wrong] * 3, ignore_index=True)
    folder = tmp_path / "predictions"
    spark.createDataFrame(many).repartition(4).write.parquet(str(folder))
    assert len(list(folder.glob("*.parquet"))) == 4
    results = {engine: _validate(capsys, folder, engine) for engine in ("pandera", "spark")}
    assert results["pandera"][0] == results["spark"][0] == 1
    assert _fails(results["spark"][1], "spark") == _fails(results["pandera"][1], "pandera")
    code, gx = _validate(capsys, folder, "gx-spark")
    assert code == 1
    assert "expect_compound_columns_to_be_unique" in gx
    assert "the article is in the gold set" in gx


def test_pandera_pyspark_judges_the_columns_it_can(spark: Any) -> None:
    from figdate.contract.spark_backend import pandera_verdicts
    from figdate.contract.spark_tables import load

    verdicts = pandera_verdicts(load(spark, BAD / "unknown_kind.jsonl"), "predictions")
    kind = [check for check, column in verdicts if column == "kind" and check.startswith("isin")]
    assert verdicts[(kind[0], "kind")] is True
    assert verdicts[("not_nullable", "article_id")] is False
    assert not any(column == "start" and check.startswith("str") for check, column in verdicts)


def test_the_spark_engines_refuse_an_articles_table(
    spark: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _validate(capsys, GOLD / "articles.csv", "spark")
    assert code == 2
    assert "the Spark engines judge mention tables" in out


def test_the_command_runs_on_a_local_spark_of_its_own(tmp_path: Path) -> None:
    """As a user runs it: a process of its own, no Spark settings in the environment."""
    pytest.importorskip("pyspark", reason="pyspark is in the Spark venv: `make test-spark`")
    figdate = shutil.which("figdate", path=os.path.dirname(sys.executable))
    assert figdate is not None
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYSPARK", "SPARK"))}
    done = subprocess.run(
        [figdate, "validate", str(BAD / "text_mismatch.jsonl"), "--engine", "spark",
         "--gold", str(GOLD)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "FAIL [spark] text_matches, column 'text': 1 row(s)" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
