"""``figdate validate``: one file, one table, one or both engines, one report.

The file is read once; pandera's findings come from ``pandera_backend``, GX's from
``gx_backend``. The articles the cross-table rules read are the caller's to give (the
command finds them in the gold folder), so the contract never reaches up into the gold set.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from figdate.core.model import Article
from figdate.core.problems import Finding, InputError, Problem
from figdate.core.tables import Table, display_path, read_table
from figdate.core.vocabulary import TableKind

if TYPE_CHECKING:
    from figdate.core.columnar import Columns

ENGINES = ("pandera", "gx", "spark", "gx-spark")
SPARK_ENGINES = ("spark", "gx-spark")
DEFAULT_MEMORY = 1_000_000_000
"""Bytes for one batch of a Parquet dataset (``figdate validate --memory``)."""


@dataclass
class Report:
    """What ``figdate validate`` found in one file."""

    path: str
    table: str
    rows: int
    engines: tuple[str, ...]
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.findings

    def render(self) -> str:
        lines = [f"{self.path}: {self.table} table, {self.rows} row(s)"]
        lines += [f"note: {n}" for n in self.notes]
        for finding in self.findings:
            lines.append(finding.headline())
            lines += [f"    {p}" for p in finding.examples]
        for engine in self.engines:
            failed = sum(1 for f in self.findings if f.engine == engine)
            verdict = "valid" if not failed else f"{failed} check(s) failed"
            lines.append(f"{engine}: {verdict}")
        return "\n".join(lines) + "\n"


def guess_table(path: Path) -> str:
    """What a file is by its name: articles.csv, a mentions.csv beside one (gold), or else
    an extractor's predictions."""
    if path.name == "articles.csv":
        return TableKind.ARTICLES
    if path.name == "mentions.csv" and (path.parent / "articles.csv").is_file():
        return TableKind.GOLD
    return TableKind.PREDICTIONS


def validate_file(
    path: Path,
    table: str,
    engines: tuple[str, ...] = ("pandera",),
    articles: Mapping[str, Article] | None = None,
    notes: tuple[str, ...] = (),
    *,
    columnar: bool = True,
    memory: int = DEFAULT_MEMORY,
) -> Report:
    """Validate the file at ``path`` as ``table``; InputError if it cannot be read.

    Mention rows are checked against ``articles`` when given (else alone); an articles
    table is checked against the ``mentions.csv`` beside it, if there is one. pandera's
    verdict on a mention table comes from the columnar backend where it can give one
    (``columnar=False``: always from pandera on the row reader's table, as figdate 0.1).
    A Parquet folder, a Parquet file of more rows than ``memory`` bytes hold, or a JSONL
    or CSV file too large for them, is read a batch at a time
    (``figdate.contract.streaming``, ``streaming_text``). The Spark engines judge mention
    tables on Spark (``figdate.contract.spark_backend``, ``gx_spark``)."""
    if set(engines) & set(SPARK_ENGINES):
        return _on_spark(path, table, engines, articles, notes)
    findings, columns, rows = None, None, 0
    if columnar and table != TableKind.ARTICLES and {"pandera", "gx"} & set(engines):
        findings, columns, rows = _columnar(path, table, articles, memory, "pandera" in engines)
    read = _whole(path, columns) if "gx" in engines or findings is None else None
    count = rows if read is None else len(read.frame)
    report = Report(
        display_path(path), table, count, engines, notes=[*notes, *(read.notes if read else ())]
    )
    mentions: pd.DataFrame | None = None
    if table == TableKind.ARTICLES:
        mentions = _sibling_mentions(path, report)
    for engine in engines:
        if engine == "pandera" and findings is not None:
            report.findings += findings
        else:
            assert read is not None
            report.findings += _engine(engine, read, table, articles, mentions)
    return report


def _columnar(
    path: Path, table: str, articles: Mapping[str, Article] | None, memory: int, judge: bool
) -> tuple[list[Finding] | None, Columns | None, int]:
    """The columnar backend's findings (if ``judge``), the columns read (for GX) and the
    row count; None for what the row reader must read (``core.columnar.NotColumnar``)."""
    from figdate.contract import columnar_backend, streaming
    from figdate.core.columnar import NotColumnar, read_columns

    size = streaming.batch_rows(memory)
    big = path.is_dir() or (path.suffix.lower() == ".parquet" and parquet_rows(path) > size)
    if big and not judge:
        return None, None, 0  # GX reads a file whole: the row reader says if it is too big
    if big:
        try:
            found, rows = streaming.stream_findings(path, table, articles, rows_per_batch=size)
        except ImportError:
            reason = "reading a Parquet dataset needs pyarrow: pip install 'figdate[parquet]'"
            raise InputError([Problem(display_path(path), reason=reason)]) from None
        if found is None and path.is_dir():  # the row reader reads files, not folders
            reason = ("the contract's masks cannot judge this dataset batch by batch (a cell "
                      "type they do not model): validate its files one by one")  # fmt: skip
            raise InputError([Problem(display_path(path), reason=reason)])
        return found, None, rows
    if judge and _big_text(path, memory):
        from figdate.contract import streaming_text

        source = streaming_text.text_source(path)
        found = streaming.stream(source, table, articles, size)
        if found is not None:
            return found, None, source.total
    try:
        columns = read_columns(path)
    except NotColumnar:
        return None, None, 0
    found = columnar_backend.findings(columns, table, articles) if judge else None
    return found, columns, columns.frame.height


def _on_spark(
    path: Path,
    table: str,
    engines: tuple[str, ...],
    articles: Mapping[str, Article] | None,
    notes: tuple[str, ...],
) -> Report:
    if table == TableKind.ARTICLES or not set(engines) <= set(SPARK_ENGINES):
        reason = ("the Spark engines judge mention tables (gold, predictions), and run alone "
                  "or together: use --engine pandera or gx for an articles table")  # fmt: skip
        raise InputError([Problem(display_path(path), reason=reason)])
    from figdate.contract import gx_spark, spark_backend, spark_tables

    loaded = spark_tables.load(spark_tables.session(), path)
    report = Report(loaded.shown, table, loaded.rows, engines, notes=list(notes))
    if "spark" in engines:
        found, disagree = spark_backend.findings(loaded, table, articles)
        report.findings += found
        report.notes += disagree
    if "gx-spark" in engines:
        report.findings += gx_spark.findings(loaded, table, articles)
    return report


def _whole(path: Path, columns: Columns | None) -> Table:
    """The table as the row reader reads it: from the columns polars read where they hold
    the same cells (10x faster), else by the row reader."""
    from figdate.core.columnar import NotColumnar

    if columns is not None:
        try:
            return columns.as_table()
        except NotColumnar:
            pass
    return read_table(path)


def _big_text(path: Path, memory: int) -> bool:
    """A JSONL or CSV file the columnar reader would need more than ``memory`` to hold."""
    from figdate.contract.streaming_text import TEXT_FACTOR
    from figdate.core.tables import JSON_SUFFIXES

    if path.suffix.lower() not in (*JSON_SUFFIXES, ".csv") or not path.is_file():
        return False
    return path.stat().st_size * TEXT_FACTOR > memory


def parquet_rows(path: Path) -> int:
    """Rows a Parquet file's footer declares; 0 where it has none to read (no pyarrow, not
    Parquet, truncated): the reader then says what is wrong in one line."""
    try:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    except (ImportError, OSError, ValueError):
        return 0  # no pyarrow, or not readable as Parquet: the reader says which


def _sibling_mentions(path: Path, report: Report) -> pd.DataFrame | None:
    beside = path.parent / "mentions.csv"
    if not beside.is_file():
        report.notes.append("no mentions.csv beside it: 'every article has mentions' is skipped")
        return None
    return read_table(beside).frame


def _engine(
    engine: str,
    read: Table,
    table: str,
    articles: Mapping[str, Article] | None,
    mentions: pd.DataFrame | None,
) -> list[Finding]:
    if engine == "pandera":
        from figdate.contract.pandera_backend import findings

        return findings(read, table, articles, mentions)
    from figdate.contract import gx_backend, gx_suites

    other = mentions if table == TableKind.ARTICLES else articles
    view = gx_suites.joined(read.frame, table, articles, mentions)
    suite = gx_suites.build(table, joined=other is not None)
    return gx_backend.findings(suite, view, read)
