"""Reading and writing the tables (CSV, JSONL) without losing what the file says.

Every cell is read as it is written (CSV cells as strings, JSON values as JSON types), so
the schemas judge the file itself; a file that cannot be read at all gives a Problem,
never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from figdate.core import cells, settings
from figdate.core.modes import file_mode
from figdate.core.problems import InputError, Problem

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Table:
    """A table as read, with the file line on which each row starts."""

    frame: pd.DataFrame
    path: str
    lines: Sequence[int]  # a list, or a lazy sequence for a file read in batches
    notes: tuple[str, ...] = ()  # what the reader did that a person should know

    def where(self, index: int) -> tuple[int | None, int]:
        """(file line, 1-based data row) of a row index."""
        line = self.lines[index] if 0 <= index < len(self.lines) else None
        return line, index + 1


def display_path(path: Path | str) -> str:
    """The path as the user would write it: relative to the working directory if inside."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


MAX_LINE = 1 << 20
"""A table row longer than this (1 MiB) is a flaw, not a row: a missing newline, a whole
JSON array on one line, a binary file."""
MEMORY_FACTOR = 12
"""Reading a table takes about this many times its size in memory (pandas object frames)."""


def available_memory() -> int | None:
    """Bytes of memory free for a new table: $FIGDATE_MEMORY if set, else the kernel's
    MemAvailable (Linux), else None (no guard)."""
    what = "a number of bytes (e.g. 8000000000 for 8 GB)"
    setting = settings.whole_number("FIGDATE_MEMORY", -1, minimum=0, what=what)
    if setting >= 0:  # 0 is allowed: it refuses every file, for tests
        return setting
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None


def _guard_size(path: Path, shown: str) -> None:
    """Refuse a table too large to read, before reading it, rather than swap to death."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError([Problem(shown, reason=f"cannot read: {exc.strerror}")]) from None
    free = available_memory()
    if free is not None and size * MEMORY_FACTOR > free:
        reason = (
            f"too large to read here: {_mb(size)} needs about {_mb(size * MEMORY_FACTOR)} "
            f"of memory and {_mb(free)} is free; split it into smaller files"
        )
        raise InputError([Problem(shown, reason=reason)])


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def _long_line(data: bytes, shown: str) -> None:
    if len(data) <= MAX_LINE:
        return  # no line can be longer than the file
    lengths = [len(line) for line in data.split(b"\n")]
    longest = max(range(len(lengths)), key=lengths.__getitem__)
    if lengths[longest] > MAX_LINE:
        reason = (
            f"line is {_mb(lengths[longest])} long, beyond the {_mb(MAX_LINE)} a row may take "
            "(a missing newline, or not a table)"
        )
        raise InputError([Problem(shown, line=longest + 1, reason=reason)])


def _nul(data: bytes, shown: str) -> None:
    """A NUL byte is no text: a file padded by a crashed writer, or UTF-16 saved as CSV."""
    at = data.find(b"\x00")
    if at >= 0:
        reason = ("holds a NUL byte: not UTF-8 text (UTF-16, or a file padded or damaged in "
                  "writing); save it as UTF-8")  # fmt: skip
        raise InputError([Problem(shown, line=data.count(b"\n", 0, at) + 1, reason=reason)])


def read_text(path: Path) -> str:
    """An article text, decoded strictly as UTF-8 (no newline translation)."""
    shown = display_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(shown, reason=f"cannot read: {exc.strerror}")]) from None
    return _decode(data, shown)


def _decode(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            [Problem(shown, reason=f"not valid UTF-8 (byte {exc.start}: {data[exc.start]:#04x})")]
        ) from None


JSON_SUFFIXES = (".jsonl", ".ndjson", ".json")
TABLE_SUFFIXES = (".csv", *JSON_SUFFIXES, ".parquet")
"""The table formats figdate reads, by file name ending."""


def read_table(path: Path, *, known_format: bool = False) -> Table:
    """Read a CSV, JSONL or Parquet table as written; raise InputError if it cannot be read
    (including a file too large for the memory that is free, or a row longer than 1 MiB).
    A name with another ending is read as CSV, unless ``known_format`` refuses it."""
    shown = display_path(path)
    if known_format and path.suffix.lower() not in TABLE_SUFFIXES:
        reason = f"unknown format: use {', '.join(TABLE_SUFFIXES)}"
        raise InputError([Problem(shown, reason=reason)])
    _guard_size(path, shown)
    if path.suffix.lower() == ".parquet":
        return _read_parquet(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError([Problem(shown, reason=f"cannot read: {exc.strerror}")]) from None
    _long_line(data, shown)
    _nul(data, shown)
    text = _decode(data, shown)
    if path.suffix.lower() in JSON_SUFFIXES:
        return _read_jsonl(text, display_path(path))
    return _read_csv(text, display_path(path))


def _read_csv(text: str, shown: str) -> Table:
    notes: tuple[str, ...] = ()
    if text.startswith(BOM):  # Excel's "CSV UTF-8" starts with one: skipped, and said
        text, notes = text[1:], ("a byte-order mark (BOM) at the start was skipped",)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError([Problem(shown, reason="the file is empty (no header row)")]) from None
    except csv.Error as exc:
        raise InputError([Problem(shown, line=1, reason=f"not readable as CSV: {exc}")]) from None
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        raise InputError([Problem(shown, line=1, reason=f"repeated column names: {dupes}")])
    rows: list[list[str | None]] = []
    lines: list[int] = []
    problems: list[Problem] = []
    line = reader.line_num + 1
    try:
        for record in reader:
            if record:
                if len(record) != len(header):
                    problems.append(
                        Problem(
                            shown,
                            line=line,
                            row=len(rows) + 1,
                            reason=f"has {len(record)} fields, the header has {len(header)}",
                        )
                    )
                rows.append([cell if cell != "" else None for cell in record[: len(header)]])
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error as exc:
        problems.append(Problem(shown, line=line, reason=f"not readable as CSV: {exc}"))
    if problems:
        raise InputError(problems)
    import pandas as pd  # here, not at the top: `figdate --help` should not load pandas

    frame = pd.DataFrame(rows, columns=header, dtype=object)
    return Table(frame, shown, lines, notes)


BOM = "\ufeff"


def _loads(raw: str) -> Any:
    """JSON as figdate reads it: NaN, Infinity and integers beyond 64 bits are refused, the
    last before Python converts them."""
    return json.loads(raw, parse_constant=cells.json_constant, parse_int=cells.json_int)


def _read_jsonl(text: str, shown: str) -> Table:
    if text.startswith(BOM):
        reason = ("starts with a byte-order mark (BOM), which JSON does not allow: save it as "
                  "UTF-8 without BOM")  # fmt: skip
        raise InputError([Problem(shown, line=1, reason=reason)])
    # Lines end at "\n" (and "\r\n") only: U+2028 or U+0085 inside a string is text.
    lines = text.split("\n")
    numbered = [(n, raw.rstrip("\r")) for n, raw in enumerate(lines, start=1) if raw.strip()]
    try:  # one parse of the whole file is ten times faster than one per line
        records = _loads("[" + ",".join(raw for _, raw in numbered) + "]")
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError, and OutOfRange
        records = None
    if (
        records is None
        or len(records) != len(numbered)
        or not all(isinstance(r, dict) for r in records)
    ):
        records = _jsonl_lines(numbered, shown)  # find the lines at fault
    if not records:
        raise InputError([Problem(shown, reason="the file has no rows")])
    numbers = [n for n, _ in numbered]
    found = cells.problems(records, numbers, shown, strings=cells.may_hold_surrogates(text))
    if found:
        raise InputError(found)
    return Table(records_frame(records), shown, [n for n, _ in numbered])


def _jsonl_lines(numbered: list[tuple[int, str]], shown: str) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    problems: list[Problem] = []
    for number, raw in numbered:
        try:
            record = _loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(Problem(shown, line=number, reason=f"invalid JSON: {exc.msg}"))
            continue
        except cells.OutOfRange as exc:
            problems.append(Problem(shown, line=number, reason=str(exc)))
            continue
        except RecursionError:
            reason = "JSON nested deeper than it can be read (a cell holds text or a number)"
            problems.append(Problem(shown, line=number, reason=reason))
            continue
        if not isinstance(record, dict):
            problems.append(Problem(shown, line=number, reason="a line must be a JSON object"))
            continue
        rows.append(record)
    if problems:
        raise InputError(problems)
    return rows


def _read_parquet(path: Path) -> Table:
    import pandas as pd

    shown = display_path(path)
    try:
        frame = pd.read_parquet(path)
    except ImportError:
        reason = "reading Parquet needs pyarrow: pip install 'figdate[parquet]'"
        raise InputError([Problem(shown, reason=reason)]) from None
    except (OSError, ValueError) as exc:
        raise InputError([Problem(shown, reason=f"not readable as Parquet: {exc}")]) from None
    records = parquet_cells(frame)
    found = cells.problems(records, [], shown, strings=False)  # Arrow strings are UTF-8
    if found:
        raise InputError(found)
    columns = [str(c) for c in frame.columns]
    return Table(records_frame(records, columns), shown, [])


def records_frame(
    records: list[dict[str, Any]],
    columns: list[str] | None = None,
    index: list[int] | None = None,
) -> pd.DataFrame:
    """A frame of cells as read, one object column each (``columns``: every key, in order
    of appearance): a missing key is None, never NaN, and pandas 3 does not turn a text
    column's None into NaN, as it does for a frame built or mapped otherwise."""
    import pandas as pd

    names = columns or list(dict.fromkeys(key for record in records for key in record))
    rows = index if index is not None else range(len(records))  # rows of {} still count
    return pd.DataFrame(
        {c: pd.Series([r.get(c) for r in records], index=rows, dtype=object) for c in names},
        index=rows,
    )


def has_pyarrow() -> bool:
    """Whether pyarrow is installed: an extra (``figdate[parquet]``). polars hands columns
    to pandas through it; a plain install reads JSONL and CSV without it."""
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def parquet_cells(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A Parquet table's rows as Python cells, a missing one (NaN, None, NA) as None."""
    rows = frame.astype(object).to_dict("records")
    return [{str(k): (None if _missing(v) else v) for k, v in r.items()} for r in rows]


def _missing(value: object) -> bool:
    import pandas as pd

    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` through a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = file_mode(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)  # mkstemp makes it 0600: keep the old file's mode, or the umask's
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as figdate writes its CSV files: LF line ends, minimal quoting, None as empty.
    A row with a carriage return in a cell is quoted whole: the csv module quotes only the
    line terminator's characters, and a bare CR would end the line for other readers."""
    out = io.StringIO()
    plain = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    for row in rows:
        cells = ["" if cell is None else cell for cell in row]
        has_cr = any(isinstance(cell, str) and "\r" in cell for cell in cells)
        (quoted if has_cr else plain).writerow(cells)
    return out.getvalue().encode("utf-8")
