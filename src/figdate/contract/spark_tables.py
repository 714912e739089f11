"""Tables into Spark, numbered as figdate numbers them, for ``--engine spark`` and
``--engine gx-spark``.

A Parquet file or folder (a dataset as Spark writes it) is read by Spark itself, on the
cluster; a row is numbered by its file (in path order, as pyarrow lists a dataset) and its
place in that file, so a report names the row the local engines name. Any other file
(JSONL, CSV) is read by figdate's own readers and handed to Spark column by column:
Spark's JSON and CSV readers guess types their own way (a number in a text column becomes
text), and the contract's verdict must not depend on which reader ran. pyspark is imported
here only, and only by the Spark engines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from figdate.core.columnar import Columns, NotColumnar, from_table, read_columns
from figdate.core.problems import InputError, Problem
from figdate.core.tables import Table, display_path, parquet_cells, read_table, records_frame

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame, SparkSession

ROW = "figdate_row"
"""The 0-based data row, a column figdate adds (and the findings leave out)."""
IS_TEXT = "figdate_value_is_text"
"""For a JSON file: whether each ``value`` was a JSON string (Spark holds one type a
column, and a date's value must be a string)."""
HIDDEN = (ROW, IS_TEXT)


@dataclass
class SparkTable:
    """A table in Spark with its row numbers: ``names`` are the table's own columns,
    ``local`` the columns figdate read (None where Spark read the file)."""

    frame: DataFrame
    shown: str
    names: list[str]
    rows: int
    local: Columns | None = None

    @property
    def lines(self) -> list[int]:
        if self.local is None or self.local.lines is None:
            return []
        return [int(n) for n in self.local.lines]

    def table(self, rows: Sequence[int]) -> Table:
        """These rows as the row reader reads them, indexed by row number."""
        if self.local is not None:
            return self.local.table(rows)
        from pyspark.sql import functions as F

        wanted = sorted(set(rows))
        picked = self.frame.filter(F.col(ROW).isin(wanted)).orderBy(ROW).toPandas()
        records = [{k: v for k, v in r.items() if k not in HIDDEN} for r in parquet_cells(picked)]
        return Table(records_frame(records, self.names, wanted), self.shown, [])


def session() -> SparkSession:
    """The running Spark session, or a new one (local mode unless ``spark-submit`` or
    ``PYSPARK_SUBMIT_ARGS`` says where the cluster is)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        reason = "the spark engines need PySpark and a Java runtime: pip install 'figdate[spark]'"
        raise InputError([Problem("figdate", reason=reason)]) from None
    # Spark starts its Python workers with `python3` from PATH unless told: in local mode
    # they must be this interpreter, the one figdate is installed in
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("figdate validate")
    spark = (
        builder.config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def load(spark: SparkSession, path: Path) -> SparkTable:
    """The table at ``path`` in Spark; InputError where it cannot be read."""
    shown = display_path(path)
    if path.is_dir() or path.suffix.lower() == ".parquet":
        return _parquet(spark, path, shown)
    try:
        columns = read_columns(path)
    except NotColumnar:
        columns = from_table(read_table(path), path)
    import polars as pl

    height = columns.frame.height
    if columns.frame.width == 0 and columns.read is not None:  # rows of {}: polars has none
        height = len(columns.read.frame)
        frame = pl.DataFrame({ROW: pl.arange(0, height, eager=True, dtype=pl.Int64)})
    else:
        frame = columns.frame.with_row_index(ROW).with_columns(pl.col(ROW).cast(pl.Int64))
    if columns.value_is_text is not None:
        frame = frame.with_columns(columns.value_is_text.alias(IS_TEXT))
    names = list(columns.frame.columns)
    arrow = frame.to_arrow(compat_level=pl.CompatLevel.oldest())
    return SparkTable(spark.createDataFrame(arrow), shown, names, height, columns)


def _parquet(spark: SparkSession, path: Path, shown: str) -> SparkTable:
    from pyspark.sql import functions as F

    try:
        read = spark.read.parquet(str(path))
        names = list(read.columns)
        located = read.select("*", F.col("_metadata.file_path").alias("figdate_file"),
                              F.col("_metadata.row_index").alias("figdate_index"))  # fmt: skip
        sizes = located.groupBy("figdate_file").count().orderBy("figdate_file").collect()
    except Exception as exc:  # Spark's AnalysisException and friends: one line, not a trace
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError([Problem(shown, reason=f"Spark cannot read it: {first}")]) from None
    offsets, total = [], 0
    for row in sizes:
        offsets.append((row["figdate_file"], total))
        total += int(row["count"])
    starts = spark.createDataFrame(offsets, "figdate_file string, figdate_offset bigint")
    frame = (
        located.join(F.broadcast(starts), "figdate_file")
        .withColumn(ROW, F.col("figdate_offset") + F.col("figdate_index"))
        .drop("figdate_file", "figdate_index", "figdate_offset")
    )
    _refuse_odd_cells(frame, shown)
    return SparkTable(frame, shown, names, total)


def _refuse_odd_cells(frame: DataFrame, shown: str) -> None:
    """InputError for the cells the row reader refuses in a Parquet file (a list, a map or
    bytes as a cell, an infinite number, an integer beyond 2^63), at their first row."""
    from pyspark.sql import functions as F

    fields = {f.name: type(f.dataType).__name__ for f in frame.schema.fields}
    for name, kind in fields.items():
        if kind in ("ArrayType", "MapType", "StructType", "BinaryType", "VariantType"):
            held = {"ArrayType": "a list", "BinaryType": "bytes"}.get(kind, "an object")
            reason = f"holds {held}; a cell is text, a number, true/false or null"
            raise InputError([Problem(shown, column=name, reason=reason)])
    odd = {
        name: F.min(F.when(_odd(F.col(f"`{name}`"), kind), F.col(ROW)))
        for name, kind in fields.items()
        if kind in ("DoubleType", "FloatType", "DecimalType")
    }
    if not odd:
        return
    first = frame.select(*(e.alias(n) for n, e in odd.items())).first()
    for name in odd:
        if first is not None and first[name] is not None:
            reason = "holds a number out of range (not finite, or beyond 2^63)"
            problem = Problem(shown, row=int(first[name]) + 1, column=name, reason=reason)
            raise InputError([problem])


def _odd(column: Column, kind: str) -> Column:
    from pyspark.sql import functions as F

    if kind == "DecimalType":
        return F.abs(column) >= F.lit(str(2**63)).cast("decimal(38,0)")
    return column.isin(float("inf"), float("-inf"))
