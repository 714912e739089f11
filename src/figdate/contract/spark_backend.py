"""The contract on Spark (``figdate validate --engine spark``): pandera's PySpark backend
for the columns, the contract's masks over the partitions for the rows.

pandera's PySpark backend answers per check and table (passed or not); it has no failing
rows to show and no form for the catalogue's row rules across columns and tables. So the
model's column checks (present, not null, ``isin``, ``str_matches``, ``ge``...) go through
pandera's PySpark schema, built here from the same model, and every check, column and row
rule alike, is also counted by ``columnar_masks`` on each partition (``mapInArrow``): the
same masks the local columnar engine runs, so the two engines cannot drift. A span listed
twice may sit in two partitions: each located row sends its span key out, and a Spark
window finds the repeats. Only counts and the first rows reach the driver; pandera then
explains those rows as it does locally. Where pandera's PySpark verdict on a check and the
masks' differ, the report says so.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from figdate.contract import columnar_backend as backend
from figdate.contract.columnar_masks import Key
from figdate.contract.models import MODELS
from figdate.contract.pandera_backend import COLUMN_CHECKS
from figdate.contract.rules import row_rules
from figdate.contract.spark_tables import IS_TEXT, ROW, SparkTable
from figdate.contract.streaming import REPEAT
from figdate.core.columnar import Columns, NotColumnar, check_scalars
from figdate.core.model import Article
from figdate.core.problems import Finding, InputError, Problem

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame

ENGINE = "spark"
OPTIONAL = "\x1foptional"
REFUSED = "\x1frefused"
_OUT_FIELDS = (
    ("key", "string"), ("count", "bigint"), ("rows", "array<bigint>"),
    ("span_article", "string"), ("span_kind", "string"),
    ("span_start", "double"), ("span_end", "double"), ("row", "bigint"),
)  # fmt: skip
"""What a partition sends back: a summary row per failing check (key, count, first rows),
or a span key per located row (key null)."""
OUT = ", ".join(f"{name} {kind}" for name, kind in _OUT_FIELDS)
SPAN_FIELDS = [name for name, _ in _OUT_FIELDS[3:]]


def findings(
    table: SparkTable, name: str, articles: Mapping[str, Article] | None
) -> tuple[list[Finding], list[str]]:
    """The contract's findings on ``table`` (gold or predictions) and notes; InputError
    where the masks cannot judge a partition (a cell type they do not model)."""
    counts, firsts, optional, extra = _measure(table, name, articles)
    failed = {k: n for k, n in counts.items() if n}
    judged = pandera_verdicts(table, name)
    notes = [
        f"pandera's PySpark backend {'fails' if bad else 'passes'} {check} on column "
        f"'{column}', the masks {'do not' if bad else 'do'}"
        for (check, column), bad in judged.items()
        if bad != ((check, column) in failed) and check not in COLUMN_CHECKS
    ]
    tables = [
        *backend.structure_findings(table.names, name, table.shown),
        *backend.table_findings(name, optional, table.shown, table.rows),
    ]
    out: list[Finding] | None = tables
    if failed:
        rows = sorted({r for hits in firsts.values() for r in hits} | set(extra))
        out = backend.explained(table.table(rows), name, articles, failed, tables)
    if out is None:
        reason = "pandera does not confirm the masks' findings on its first failing rows"
        raise InputError([Problem(table.shown, reason=reason)])
    return [dataclasses.replace(f, engine=ENGINE) for f in out], notes


def _measure(
    table: SparkTable, name: str, articles: Mapping[str, Article] | None
) -> tuple[dict[Key, int], dict[Key, list[int]], tuple[int, int], list[int]]:
    """Counts and first rows per check, the optional column's counts, and the earlier rows
    the first repeats repeat."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    has_flags = IS_TEXT in table.frame.columns
    run = partial(_partition, name=name, articles=articles, shown=table.shown, flags=has_flags)
    out = table.frame.sortWithinPartitions(ROW).mapInArrow(run, OUT)
    out = out.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        summary = out.filter(F.col("key").isNotNull()).collect()
        counts: dict[Key, int] = {}
        firsts: dict[Key, list[int]] = {}
        optional = [0, 0]
        for row in summary:
            if row["key"] == REFUSED:
                reason = ("the contract's masks cannot judge this table on Spark (a cell type "
                          "they do not model): validate it with --engine pandera")  # fmt: skip
                raise InputError([Problem(table.shown, reason=reason)])
            if row["key"] == OPTIONAL:
                optional[0] += int(row["count"])
                optional[1] += int(row["rows"][0])
                continue
            key = _key(row["key"])
            counts[key] = counts.get(key, 0) + int(row["count"])
            firsts[key] = sorted([*firsts.get(key, []), *row["rows"]])[: backend.EXAMPLES]
        extra: list[int] = []
        if REPEAT in {(r.name, r.column) for r in row_rules(name)}:
            counts[REPEAT], firsts[REPEAT], extra = _repeats(out)
    finally:
        out.unpersist()
    return counts, {k: v for k, v in firsts.items() if v}, (optional[0], optional[1]), extra


def _repeats(out: DataFrame) -> tuple[int, list[int], list[int]]:
    """Rows whose span an earlier row has: their count, the first of them, and the rows
    they repeat."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    spans = out.filter(F.col("key").isNull())
    key = ["span_article", "span_kind", "span_start", "span_end"]
    first = spans.withColumn("first", F.min("row").over(Window.partitionBy(*key)))
    repeats = first.filter(F.col("row") > F.col("first"))
    count = repeats.count()
    shown = repeats.orderBy("row").limit(backend.EXAMPLES).collect()
    return count, [int(r["row"]) for r in shown], [int(r["first"]) for r in shown]


def _partition(
    batches: Iterator[pa.RecordBatch],
    *,
    name: str,
    articles: Mapping[str, Article] | None,
    shown: str,
    flags: bool,
) -> Iterator[pa.RecordBatch]:
    """One partition's rows in; per failing check its count and first rows, the optional
    counts, and each located row's span key out (runs on the executors)."""
    import polars as pl
    import pyarrow as pa

    parts = list(batches)
    if not parts or not sum(b.num_rows for b in parts):
        return
    frame = pl.from_arrow(pa.Table.from_batches(parts))
    assert isinstance(frame, pl.DataFrame)
    rows = frame[ROW]
    is_text = frame[IS_TEXT].alias("value_is_text") if flags else None
    frame = frame.drop(ROW, *([IS_TEXT] if flags else []))
    try:
        check_scalars(frame)
        found = backend.measure(
            Columns(frame, shown, None, is_text, Path(shown)), name, articles, across=True
        )
    except NotColumnar:
        found = None
    if found is None:
        yield _batch([{"key": REFUSED, "count": 0, "rows": []}])
        return
    summary = [
        {"key": _label(k), "count": n, "rows": rows.gather(found.firsts.get(k, [])).to_list()}
        for k, n in found.counts.items()
        if n
    ]
    summary.append({"key": OPTIONAL, "count": found.optional[0], "rows": [found.optional[1]]})
    yield _batch(summary)
    if found.spans is not None and found.spans.height:
        yield _spans(frame, found.spans["row"], rows)


def _spans(frame: Any, located: Any, rows: Any) -> pa.RecordBatch:
    """Each located row's span key, as the repeat rule compares spans."""
    import polars as pl

    from figdate.contract import columnar_masks

    key = frame.select(columnar_masks.span(frame).alias("k")).unnest("k")[located]
    text = {"article_id": "span_article", "kind": "span_kind"}
    out = key.select(
        *(
            (pl.col(c) if c in key.columns else pl.lit(None, dtype=pl.String)).alias(a)
            for c, a in text.items()
        ),
        span_start=pl.col("s").cast(pl.Float64),
        span_end=pl.col("e").cast(pl.Float64),
        row=rows.gather(located),
    )
    return _batch([], out.to_dict(as_series=False), out.height)


def _batch(
    summary: list[dict[str, Any]], spans: dict[str, list[Any]] | None = None, n: int = 0
) -> pa.RecordBatch:
    """Rows of ``OUT``: the summary's (key, count, rows), or the spans' (key null)."""
    import pyarrow as pa

    if spans is None:
        n = len(summary)
        spans = {c: [None] * n for c in SPAN_FIELDS}
    data = {
        **{c: [s[c] for s in summary] or [None] * n for c in ("key", "count", "rows")},
        **{c: spans[c] for c in SPAN_FIELDS},
    }
    types = {"string": pa.string(), "bigint": pa.int64(), "double": pa.float64(),
             "array<bigint>": pa.list_(pa.int64())}  # fmt: skip
    schema = pa.schema([(name, types[kind]) for name, kind in _OUT_FIELDS])
    return pa.RecordBatch.from_pydict(data, schema=schema)


def _label(key: Key) -> str:
    return f"{key[0]}\x1f{key[1]}"


def _key(label: str) -> Key:
    check, column = label.split("\x1f", 1)
    return check, (None if column == "None" else column)


# pandera's PySpark backend ---------------------------------------------------------------

_ACCEPTS = {
    "isin": ("StringType",),
    "str_matches": ("StringType",),
    "str_length": ("StringType",),
    "greater_than_or_equal_to": ("LongType", "IntegerType", "DoubleType"),
    "less_than_or_equal_to": ("LongType", "IntegerType", "DoubleType"),
}
"""The model's checks pandera's PySpark backend runs on a column of the type Spark holds;
on any other (offsets written as text, say) only the masks, which coerce as the model
does, can judge them."""


def pandera_verdicts(table: SparkTable, name: str) -> dict[Key, bool]:
    """pandera's PySpark backend on the model's column checks: for each check it ran,
    whether it failed, keyed as the masks key them."""
    import pandera.pyspark as ps

    schema = MODELS[name].to_schema()
    spark_types = {f.name: f.dataType for f in table.frame.schema.fields}
    columns, keys = {}, {}
    for column_name, column in schema.columns.items():
        if column_name not in spark_types:
            continue
        checks = []
        for check in column.checks:
            if type(spark_types[column_name]).__name__ not in _ACCEPTS.get(check.name, ()):
                continue
            stats = dict(check.statistics or {})
            if check.name == "isin":  # the kinds are str enums: Spark is given their text
                stats["allowed_values"] = [str(v) for v in stats["allowed_values"]]
            if check.name == "str_length":
                stats = {k: v for k, v in stats.items() if v is not None}
            made = getattr(ps.Check, check.name)(**stats)
            checks.append(made)
            keys[(column_name, str(made.error))] = (str(check.error), column_name)
        if not column.nullable:
            keys[(column_name, "not_nullable")] = ("not_nullable", column_name)
        columns[column_name] = ps.Column(
            spark_types[column_name], checks=checks, nullable=column.nullable
        )
    validated = ps.DataFrameSchema(columns, strict=False).validate(table.frame)
    failed = {
        keys[(str(e["column"]), str(e["check"]))]
        for group in dict(validated.pandera.errors).values()
        for errors in group.values()
        for e in errors
        if (str(e["column"]), str(e["check"])) in keys
    }
    ran = set(keys.values())
    return {key: key in failed for key in ran}
