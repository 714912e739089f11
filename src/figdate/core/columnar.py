"""Reading a table column by column with polars, for files of a million rows and more.

The row reader (``tables.read_table``) makes a Python object of every cell: exact, the
reference for what a file says, and about six seconds per million JSON rows. This reader
hands the file to polars (typed columns, both cores) and keeps the row reader's word for
the few rows a report shows (``Columns.table(rows)``). A file polars would read otherwise
(a byte-order mark, a NUL, a cell across lines, a nested or non-finite JSON value, a ragged
CSV row...) raises ``NotColumnar``, and the caller reads it row by row: one verdict.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from figdate.core import cells
from figdate.core.json_cells import decoded
from figdate.core.tables import (
    BOM,
    JSON_SUFFIXES,
    MAX_LINE,
    TABLE_SUFFIXES,
    Table,
    _guard_size,
    _loads,
    display_path,
    has_pyarrow,
    parquet_cells,
    read_table,
    records_frame,
)

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

VALUE = "value"
"""The one column whose JSON type the contract reads: a date's value must be a string."""
_SCALARS = ("String", "Int64", "Float64", "Boolean", "Null", "UInt64", "Int32")


class NotColumnar(Exception):
    """This file is for the row reader: polars would not read it as the row reader does."""


@dataclass(frozen=True)
class Columns:
    """A table as polars read it: ``frame`` typed by the file (CSV cells are text), the file
    line of each row (None for Parquet), and for JSON whether each ``value`` was a JSON
    string (numbers and true/false come out of polars as text too)."""

    frame: pl.DataFrame
    path: str
    lines: np.ndarray | None
    value_is_text: pl.Series | None
    source: Path
    header: tuple[str, ...] = ()
    read: Table | None = None
    """The row reader's table, where these columns were made from it (``from_table``)."""

    def table(self, rows: Sequence[int]) -> Table:
        """Just these rows (0-based), as the row reader reads them, indexed by row number,
        so that a report's lines, rows and reasons are the row reader's own."""
        rows = sorted(set(rows))
        if self.read is not None:
            return Table(self.read.frame.iloc[rows], self.path, self.read.lines)
        records = self._records(rows)
        columns = list(dict.fromkeys([*self.frame.columns, *(k for r in records for k in r)]))
        lines = [] if self.lines is None else self.lines.tolist()
        return Table(records_frame(records, columns, rows), self.path, lines)

    def as_table(self) -> Table:
        """The whole table as the row reader reads it (a Python cell per row and column,
        a JSON value with its JSON type), without reading each line as JSON: for an engine
        that judges Python cells (GX)."""
        import pandas as pd
        import polars as pl

        if self.lines is None:  # Parquet: typed cells, as the row reader converts them
            records = parquet_records(self.frame)
            return Table(records_frame(records, list(self.frame.columns)), self.path, [])
        if self.source.suffix.lower() in JSON_SUFFIXES:
            self._text_columns_are_strings()
        data = {}
        arrow = pd.Series(["text"]).dtype != object and has_pyarrow()  # pandas 3's text type
        for name, column in self.frame.to_dict().items():
            if name == VALUE and self.value_is_text is not None:
                data[name] = pd.Series(decoded(column, self.value_is_text), dtype=object)
            elif arrow and name != VALUE and column.dtype == pl.String:
                data[name] = column.to_pandas()  # pandas' own type for text, without a copy
            else:
                data[name] = pd.Series(column.to_list(), dtype=object)
        lines = [] if self.lines is None else self.lines.tolist()
        return Table(pd.DataFrame(data), self.path, lines)

    def _text_columns_are_strings(self) -> None:
        """NotColumnar if a text column but ``value`` holds a JSON number or true/false on
        some line (polars wrote it as text, and only ``value`` keeps its JSON types), a
        column of fractions holds a whole number (polars made a JSON integer a float), or
        a JSON fraction in ``value`` came out of polars as a whole number ("1.0" as "1").
        One pass over the lines, every test an expression polars runs in parallel."""
        import polars as pl

        line, tests = pl.col("line"), {}
        for name, dtype in self.frame.schema.items():
            if dtype == pl.Float64 and (self.frame[name] == self.frame[name].floor()).any():
                raise NotColumnar(f"column {name!r} may mix JSON integers and fractions")
            if name != VALUE and dtype == pl.String:
                key = "".join(f"\\u{ord(c):04x}" if not c.isalnum() else c for c in name)
                tests[name] = line.str.contains(rf'(?:^|[{{,])\s*"{key}"\s*:\s*[-0-9tf]').any()
        number = r'(?:^|[{,])\s*"value"\s*:\s*-?[0-9]'
        if self.value_is_text is not None:
            tests |= {"fractions": line.str.count_matches(number + "+[.eE]").sum(),
                      "numbers": line.str.count_matches(number).sum()}  # fmt: skip
        seen = _physical_lines(self.source.read_bytes()).to_frame("line").select(**tests)
        for name in seen.columns:
            if name not in ("fractions", "numbers") and seen[name][0]:
                raise NotColumnar(f"column {name!r} mixes JSON types")
        if self.value_is_text is not None:  # polars writes 1.0 as "1" and 1e5 as "100000"
            texts = self.frame[VALUE].filter(self.value_is_text.not_())
            kept = (texts.str.contains("[.eE]").sum(), texts.str.contains("^-?[0-9]").sum())
            if kept != (seen["fractions"][0], seen["numbers"][0]):
                raise NotColumnar("a JSON number in value that polars would rewrite")

    def _records(self, rows: list[int]) -> list[dict[str, Any]]:
        suffix = self.source.suffix.lower()
        if self.lines is None:
            return parquet_records(self.frame[rows])
        raw = _lines_at(self.source, [int(self.lines[i]) for i in rows])
        if suffix in JSON_SUFFIXES:
            return [_loads(text) for text in raw]
        return [
            {
                h: (c if c != "" else None)
                for h, c in zip(self.header, next(csv.reader([t])), strict=False)
            }
            for t in raw
        ]


def from_table(read: Table, source: Path) -> Columns:
    """The row reader's table as typed columns, for an engine that needs one type a column
    (Spark): a column of one JSON type keeps it; a column of mixed cells becomes text (JSON's
    spelling of numbers and true/false), and ``value`` keeps which cells were strings."""
    import numpy as np
    import polars as pl

    series = [_typed(str(name), read.frame[name].tolist()) for name in read.frame.columns]
    frame = pl.DataFrame(series) if series else pl.DataFrame()
    flags = None
    if VALUE in frame and frame.schema[VALUE] == pl.String:
        cells = read.frame[VALUE].tolist()
        flags = pl.Series("value_is_text", [isinstance(c, str) for c in cells])
    lines = np.asarray(read.lines, dtype=np.int64) if read.lines else None
    return Columns(frame, read.path, lines, flags, source, read=read)


def _typed(name: str, values: list[Any]) -> pl.Series:
    import json

    import polars as pl

    given = [c for c in values if c is not None]
    kinds = {type(c) for c in given}
    if kinds <= {str}:
        return pl.Series(name, values, dtype=pl.String)
    if kinds == {bool}:
        return pl.Series(name, values, dtype=pl.Boolean)
    if kinds == {int} and all(-cells.LIMIT <= c < cells.LIMIT for c in given):
        return pl.Series(name, values, dtype=pl.Int64)
    if kinds <= {int, float} and bool not in kinds:
        return pl.Series(name, [None if c is None else float(c) for c in values], dtype=pl.Float64)
    text = [c if c is None or isinstance(c, str) else json.dumps(c) for c in values]
    return pl.Series(name, text, dtype=pl.String)


def parquet_records(frame: pl.DataFrame) -> list[dict[str, Any]]:
    """Parquet rows as the row reader gives them: typed cells, NaN as empty."""
    return parquet_cells(frame.to_pandas())


def _lines_at(path: Path, numbers: list[int]) -> list[str]:
    """The text of the given 1-based file lines (few: a report's examples)."""
    wanted = set(numbers)
    found: dict[int, str] = {}
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if number in wanted:
                found[number] = raw.decode("utf-8").rstrip("\n").rstrip("\r")
                if len(found) == len(wanted):
                    break
    return [found[n] for n in numbers]


def read_columns(path: Path) -> Columns:
    """Read a CSV, JSONL or Parquet table with polars: InputError where the row reader would
    refuse it unread (too large, a line over 1 MiB), NotColumnar where it should read it."""
    shown = display_path(path)
    _guard_size(path, shown)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return _parquet(path, shown)
    data = path.read_bytes()
    if data.startswith(BOM.encode()) or b"\x00" in data:
        raise NotColumnar("a byte-order mark or a NUL byte")
    if suffix in JSON_SUFFIXES:
        return _jsonl(path, shown, data)
    return _csv(path, shown, data)


def read_cells(path: Path, *, known_format: bool = False) -> Table:
    """The table as the row reader reads it (``tables.read_table``), from polars' columns
    where they hold the same cells (``Columns.as_table``): a million JSON rows in about a
    third of the time."""
    if path.suffix.lower() in TABLE_SUFFIXES and path.is_file():
        try:
            return read_columns(path).as_table()
        except NotColumnar:
            pass
    return read_table(path, known_format=known_format)


def check_scalars(frame: pl.DataFrame) -> None:
    """NotColumnar for a column the row reader would refuse: nested, non-finite, beyond 2^63."""
    import polars as pl

    for name, dtype in frame.schema.items():
        if str(dtype.base_type()) not in _SCALARS:
            raise NotColumnar(f"column {name!r} is {dtype}")
        if dtype == pl.Float64 and not frame[name].is_finite().fill_null(True).all():
            raise NotColumnar(f"column {name!r} holds a number that is not finite")
        if dtype == pl.UInt64 and (frame[name].max() or 0) >= cells.LIMIT:  # type: ignore[operator]
            raise NotColumnar(f"column {name!r} holds an integer beyond 2^63")


def _line_starts(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Byte offsets where each line starts and ends (without "\\n" and a "\\r" before it)."""
    import numpy as np

    raw = np.frombuffer(data, dtype=np.uint8)
    breaks = np.flatnonzero(raw == 10)
    starts = np.concatenate([[0], breaks + 1])
    ends = np.concatenate([breaks, [len(raw)]])
    if len(data) and data.endswith(b"\n"):
        starts, ends = starts[:-1], ends[:-1]
    has_cr = (ends > starts) & (raw[np.maximum(ends - 1, 0)] == 13)
    return starts, ends - has_cr


_SURROGATES = [f"\\u{d}{h}" for d in "dD" for h in "89abcdefABCDEF"]
"""Escaped surrogates: JSON lets one stand alone, a cell of text cannot (the row reader says
where). polars itself refuses control characters in strings, NaN and non-finite numbers."""
_NESTED = ['":[', '": [', '":{', '": {']
"""A list or object as a value (after a key's closing quote: never inside a string): polars
would write it into a text column as text, the row reader refuses it."""
_LONG_NUMBER = r"[0-9]{19}"
"""Integers of 19 digits or more: beyond 64 bits, refused by the row reader."""
_TEXT_VALUE = r'(?:^|[{,])\s*"value"\s*:\s*"'
"""The ``value`` key before a string: the key follows "{" or "," outside any string (inside
one a quote is escaped), so the pattern cannot match inside text."""
SAMPLE = 1000
"""Rows polars reads to guess the columns and types. Every line is then checked to have
as many keys (``":``) as cells it gave polars, given or null: no key the guess left out,
and no key twice (polars keeps the first, JSON the last)."""


def _jsonl(path: Path, shown: str, data: bytes) -> Columns:
    import numpy as np
    import polars as pl

    lines = _physical_lines(data)
    line = pl.col("line")
    seen = lines.to_frame().select(  # one pass, the expressions on both cores
        objects=(line.str.starts_with("{") & line.str.ends_with("}")).fill_null(False).all(),
        longest=line.str.len_bytes().max(),
        risky=line.str.contains_any([*_SURROGATES, *_NESTED]).any()
        | line.str.contains(_LONG_NUMBER).any(),
        keys=line.str.count_matches('":', literal=True),
        nulls=line.str.count_matches('": null', literal=True)
        + line.str.count_matches('":null', literal=True),
        text=line.str.contains(_TEXT_VALUE),
    )
    if not seen["objects"][0] or (seen["longest"][0] or 0) > MAX_LINE or seen["risky"][0]:
        raise NotColumnar("a blank line, a line that is not one JSON object or is over 1 MiB, "
                          "or a value the row reader judges itself")  # fmt: skip
    try:
        frame = pl.read_ndjson(data, infer_schema_length=SAMPLE)
    except Exception as exc:  # polars raises its own kinds for JSON it cannot read
        raise NotColumnar(str(exc).splitlines()[0]) from None
    if frame.height != len(lines) or frame.height == 0 or frame.width == 0:
        raise NotColumnar("rows and lines differ, or no columns")
    given = frame.select(pl.sum_horizontal(pl.all().is_not_null())).to_series()
    if (seen["keys"] != given + seen["nulls"]).any():
        raise NotColumnar("a key beyond the first rows' columns, or a key twice")
    check_scalars(frame)
    if (
        frame.schema.get("article_id") == pl.String
        and frame["article_id"].is_in(["true", "false"]).any()
    ):
        raise NotColumnar("true/false as an article id")  # the row reader says True
    flags = None
    if VALUE in frame and frame.schema[VALUE] == pl.String:
        flags = seen["text"].alias("value_is_text")
    numbers = np.arange(1, frame.height + 1, dtype=np.int64)
    return Columns(frame, shown, numbers, flags, path)


def _physical_lines(data: bytes) -> pl.Series:
    """The file's lines as text, without their "\\r\\n" or "\\n" (a blank one as null)."""
    import polars as pl

    try:
        frame = pl.read_csv(
            data, has_header=False, separator="\x00", quote_char=None, infer_schema=False,
            new_columns=["line"], empty_string_is_null=True,
        )  # fmt: skip
    except Exception as exc:  # not UTF-8, or a NUL byte: the row reader says where
        raise NotColumnar(str(exc).splitlines()[0]) from None
    return frame["line"].str.strip_suffix("\r")


def _csv(path: Path, shown: str, data: bytes) -> Columns:
    import numpy as np
    import polars as pl

    if re.search(rb"\r(?!\n)", data):  # old Mac line ends, or a CR inside a cell
        raise NotColumnar("a carriage return not before a line feed")
    try:
        first = data.split(b"\n", 1)[0].decode("utf-8").rstrip("\r")
        header = next(csv.reader([first]), [])
    except (UnicodeDecodeError, csv.Error):
        raise NotColumnar("not UTF-8, or a header csv cannot read") from None
    if not header or len(set(header)) != len(header):
        raise NotColumnar("no header, or a repeated column name")
    starts, ends = _line_starts(data)
    if len(starts) and (ends - starts).max() > MAX_LINE:
        raise NotColumnar("a line beyond 1 MiB")
    fields = _field_counts(data, starts, ends)
    blank = ends == starts
    if (fields[~blank] != len(header)).any():
        raise NotColumnar("a row whose fields are not the header's")
    try:
        frame = pl.read_csv(data, infer_schema=False, empty_string_is_null=True)
    except Exception as exc:
        raise NotColumnar(str(exc).splitlines()[0]) from None
    numbers = np.flatnonzero(~blank[1:]) + 2  # 1-based file lines of the data rows
    if frame.height != len(starts) - 1 or tuple(frame.columns) != tuple(header):
        raise NotColumnar("rows and lines differ")
    frame = frame.filter(pl.Series(~blank[1:])).with_columns(
        pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c) for c in header
    )
    if frame.height == 0:
        raise NotColumnar("no rows")
    return Columns(frame, shown, numbers, None, path, tuple(header))


def _field_counts(data: bytes, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Fields per line, counting the commas outside quotes; NotColumnar where quotes are
    not whole cells (one opening inside a cell, text after a closing one) or a quoted cell
    runs across lines: there the row reader's csv module has the last word."""
    import numpy as np

    raw = np.frombuffer(data, dtype=np.uint8)
    quotes = raw == ord('"')
    inside = np.zeros(len(raw), dtype=bool)
    if quotes.any():
        inside = np.bitwise_xor.accumulate(quotes.view(np.uint8)).astype(bool)
        if (inside[np.maximum(ends - 1, 0)] & (ends > starts)).any():
            raise NotColumnar("a quoted cell across lines")
        before = np.concatenate([[ord(",")], raw[:-1]])
        after = np.concatenate([raw[1:], [ord(",")]])
        line_start = np.zeros(len(raw), dtype=bool)
        line_start[starts] = True
        opening = quotes & inside & ~line_start & ~np.isin(before, [ord(","), ord('"')])
        closing = quotes & ~inside & ~np.isin(after, [ord(","), ord('"'), 10, 13])
        if opening.any() or closing.any():
            raise NotColumnar("a quote inside a cell")
    commas = (raw == ord(",")) & ~inside
    counts = np.add.reduceat(commas.astype(np.int64), starts) if len(starts) else starts
    return np.where(ends > starts, counts, 0) + 1


def _parquet(path: Path, shown: str) -> Columns:
    import polars as pl

    if not has_pyarrow():  # the row reader says what to install
        raise NotColumnar("Parquet cells reach pandas through pyarrow")
    try:
        frame = pl.read_parquet(path)
    except Exception as exc:
        raise NotColumnar(str(exc).splitlines()[0]) from None
    if frame.height == 0:
        raise NotColumnar("no rows")
    check_scalars(frame)
    return Columns(frame, shown, None, None, path, tuple(frame.columns))
