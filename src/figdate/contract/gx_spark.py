"""The GX suites on a Spark datasource (``figdate validate --engine gx-spark``).

The suites are the ones in ``expectations/``; only the joined view differs: what
``gx_suites.joined`` does to a pandas table (offsets that are all whole numbers become
numbers, true/false words booleans, blank values nulls, absent optional columns empty
ones, and each mention gains its article's length, datedness and text at the span) is
done here in Spark SQL, so the table never leaves the cluster. The articles go to Spark
as a table of their own and are joined by id.

One limit is Spark's, not figdate's: a Spark column holds one type, so a date's value
written as a JSON number in a file whose other values are strings reaches Spark as text,
and the suite's type expectation cannot see it (``--engine spark`` can: figdate's reader
keeps which cells were strings).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

import pandas as pd

from figdate.contract import gx_backend, gx_suites
from figdate.contract.models import MODELS
from figdate.contract.rules import ARTICLE_DATED, ARTICLE_LENGTH, ARTICLE_SPAN
from figdate.contract.spark_tables import ROW, SparkTable
from figdate.core import cells
from figdate.core.model import Article
from figdate.core.problems import Finding
from figdate.core.tables import Table
from figdate.core.vocabulary import BOOL_WORDS

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

ENGINE = "gx-spark"
_LONG = 2**62
"""As ``gx_suites._whole_numbers``: whole numbers beyond stay floats, for the range
expectation to refuse."""


def findings(table: SparkTable, name: str, articles: Mapping[str, Article] | None) -> list[Finding]:
    """The failed expectations of the table's suite, run by GX on Spark."""
    view = joined(table, name, articles)
    suite = gx_suites.build(name, joined=articles is not None)
    rows = Table(pd.DataFrame(), table.shown, table.lines)  # GX's examples carry their cells
    with _quiet(view.sparkSession):
        return gx_backend.findings(suite, view, rows, index=ROW, engine=ENGINE)


@contextlib.contextmanager
def _quiet(spark: SparkSession) -> Iterator[None]:
    """Spark's own logs off while GX runs: an expectation Spark cannot compute (a number
    compared with text) fails a job, which Spark logs with its trace on stderr, and GX
    reports it as that expectation's "could not be checked"."""
    context = logging.getLogger("DataFrameQueryContextLogger")
    level = context.level
    context.setLevel(logging.CRITICAL + 1)
    spark.sparkContext.setLogLevel("OFF")
    try:
        yield
    finally:
        spark.sparkContext.setLogLevel("ERROR")
        context.setLevel(level)


def joined(table: SparkTable, name: str, articles: Mapping[str, Article] | None) -> DataFrame:
    """The table as the suites expect it (``gx_suites.joined``, in Spark)."""
    from pyspark.sql import functions as F

    schema = MODELS[name].to_schema()
    frame = table.frame
    keep = [c for c in table.names if schema.strict is True or c in schema.columns]
    out = frame.select(*keep, ROW)
    for column_name, column in schema.columns.items():
        if not column.required and column_name not in out.columns:
            out = out.withColumn(column_name, F.lit(None).cast("string"))
    for offset in ("start", "end"):
        if offset in out.columns:
            out = _whole_numbers(out, offset)
    if "optional" in out.columns and dict(out.dtypes)["optional"] == "string":
        out = _booleans(out, "optional")
    if "value" in out.columns and dict(out.dtypes)["value"] == "string":
        out = out.withColumn("value", F.when(F.trim("value") != "", F.col("value")))
    if articles is None or "article_id" not in out.columns:
        return out
    return _with_articles(out, articles, out.sparkSession)


def _given(frame: DataFrame, name: str) -> Column:
    from pyspark.sql import functions as F

    col = F.col(name)
    kind = dict(frame.dtypes)[name]
    if kind == "string":
        return col.isNotNull() & (F.trim(col) != "")
    if kind in ("double", "float"):
        return col.isNotNull() & ~F.isnan(col)
    return col.isNotNull()


def _whole_numbers(frame: DataFrame, name: str) -> DataFrame:
    """Offsets as numbers when every given cell is a whole number, else as written."""
    from pyspark.sql import functions as F

    kind = dict(frame.dtypes)[name]
    if kind in ("bigint", "int", "smallint", "tinyint"):
        return frame
    if kind == "boolean":  # true is no offset (JSON keeps it apart from 1)
        return frame
    number = F.expr(f"try_cast(trim(`{name}`) AS DOUBLE)") if kind == "string" else F.col(name)
    given = _given(frame, name)
    flawed = given & (number.isNull() | F.isnan(number) | (number % 1 != 0))
    if kind == "string":  # as cells.WHOLE_TEXT reads it: not "+38", "3.8e1", other digits
        flawed = flawed | (given & ~F.col(name).rlike(cells.WHOLE_TEXT))
    small = ~given | (F.abs(number) < _LONG)
    counts = frame.select(
        F.sum(flawed.cast("int")).alias("flawed"), F.sum((~small).cast("int")).alias("large")
    ).first()
    if counts is None or (counts["flawed"] or 0):
        return frame
    typed = number.cast("bigint") if not (counts["large"] or 0) else number.cast("double")
    return frame.withColumn(name, F.when(given, typed))


def _booleans(frame: DataFrame, name: str) -> DataFrame:
    """true/false words as booleans, when every given cell is one (else as written)."""
    from pyspark.sql import functions as F

    word = F.lower(F.trim(F.col(name)))
    mapping = F.create_map(*(x for w, v in BOOL_WORDS.items() for x in (F.lit(w), F.lit(v))))
    flawed = frame.filter(F.col(name).isNotNull() & ~word.isin(list(BOOL_WORDS))).limit(1)
    if flawed.count():
        return frame
    return frame.withColumn(name, mapping[word])


def _with_articles(
    frame: DataFrame, articles: Mapping[str, Article], spark: SparkSession
) -> DataFrame:
    from pyspark.sql import functions as F

    rows = [(i, a.text, a.published is not None) for i, a in articles.items()]
    known = spark.createDataFrame(rows, "figdate_id string, figdate_text string, dated boolean")
    out = frame.join(
        F.broadcast(known), F.col("article_id").cast("string") == F.col("figdate_id"), "left"
    )
    text = F.col("figdate_text")
    length = F.char_length(text)
    out = out.withColumn(ARTICLE_LENGTH, length.cast("bigint"))
    out = out.withColumn(ARTICLE_DATED, F.coalesce(F.col("dated"), F.lit(False)))
    integral = all(
        c in frame.columns and dict(frame.dtypes)[c] in ("bigint", "int") for c in ("start", "end")
    )
    if integral:
        s, e = F.col("start"), F.col("end")
        inside = (s >= 0) & (s < e) & (e <= length)
        at = F.expr("substring(figdate_text, `start` + 1, `end` - `start`)")
        out = out.withColumn(ARTICLE_SPAN, F.when(inside, at))
    else:
        out = out.withColumn(ARTICLE_SPAN, F.lit(None).cast("string"))
    return out.drop("figdate_id", "figdate_text", "dated")
