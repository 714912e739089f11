"""A JSONL or CSV file larger than memory, a batch of lines at a time.

The batches go through ``streaming``'s machinery (the masks per batch, repeats through span
hashes on disk, the first failing rows explained by pandera). Each batch of lines is read
by the columnar reader's own JSONL and CSV readers, so a batch gets the verdict the whole
file would. The rows are numbered on the file's lines (row ``i`` on line ``i + 1``, after
a CSV's header ``i + 2``), which lets a report's rows be read back from their lines alone.
A batch the columnar reader would hand to the row reader (a blank line, a cell across
lines...), or one whose columns differ from the first batch's, ends the stream: the caller
reads the file whole, as before.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any, overload

from figdate.contract.streaming import SPAN_KEY, Source
from figdate.core.columnar import Columns, NotColumnar, _csv, _jsonl, _lines_at
from figdate.core.tables import JSON_SUFFIXES, Table, _loads, display_path, records_frame

BLOCK = 1 << 24
TEXT_FACTOR = 8
"""Memory the in-memory columnar path takes per byte of file: measured 6.5 (1,000,000 JSONL
rows, 117 MB, peak 758 MB above the process's start); a file beyond ``memory`` / 8 is
read in batches."""


class Shifted(Sequence[int]):
    """The file line of each row, where every row takes one line: row i on line i + first."""

    def __init__(self, first: int, count: int) -> None:
        self._first, self._n = first, count

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return range(self._first, self._first + self._n)[index]
        if not -self._n <= index < self._n:
            raise IndexError(index)
        return index % self._n + self._first


def text_source(path: Path) -> Source:
    """The JSONL or CSV file at ``path`` as batches of lines."""
    shown = display_path(path)
    is_json = path.suffix.lower() in JSON_SUFFIXES
    header: list[str] = []
    if not is_json:
        with path.open("rb") as handle:
            first = handle.readline().decode("utf-8", errors="replace").rstrip("\r\n")
        header = next(csv.reader([first]), [])
    first_line = 1 if is_json else 2
    total = max(0, _count_lines(path) - (first_line - 1))
    names = list(header)  # a JSONL file's: the first batch's columns, set as it is read
    read = partial(_records, path, first=first_line, header=header)
    return Source(
        shown,
        names,
        total,
        partial(_batches, path, shown, names, is_json=is_json),
        partial(_keys, read, names),
        lambda rows: Table(
            records_frame(read(rows), names, rows),
            shown,
            Shifted(first_line, total),
        ),
    )


def _keys(
    read: Callable[[list[int]], list[dict[str, Any]]], names: list[str], rows: list[int]
) -> dict[int, tuple[str, ...]]:
    """Each row's span key, as text."""
    return {
        row: tuple(str(record.get(c)) for c in SPAN_KEY if c in names)
        for row, record in zip(rows, read(rows), strict=True)
    }


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def _batches(
    path: Path, shown: str, names: list[str], size: int, *, is_json: bool
) -> Iterator[Columns | None]:
    """Batches of ``size`` lines as the columnar reader reads them, their lines numbered
    in the file; None (and the end) where a batch is not for it."""
    with path.open("rb") as handle:
        head = b"" if is_json else handle.readline()
        done = 0
        while chunk := list(itertools.islice(handle, size)):
            data = head + b"".join(chunk)
            try:
                columns = _jsonl(path, shown, data) if is_json else _csv(path, shown, data)
            except NotColumnar:
                yield None
                return
            if not done and is_json:
                names[:] = columns.frame.columns
            if columns.frame.height != len(chunk) or set(columns.frame.columns) != set(names):
                yield None  # a blank line, or columns that change: the file is read whole
                return
            yield columns  # its rows count from 0: the stream adds the rows before it
            done += len(chunk)


def _records(path: Path, rows: list[int], *, first: int, header: list[str]) -> list[dict[str, Any]]:
    """Given rows, as the row reader reads their lines."""
    texts = _lines_at(path, [row + first for row in rows])
    if not header:
        return [_loads(text) for text in texts]
    return [
        {h: (c if c != "" else None) for h, c in zip(header, next(csv.reader([t])), strict=False)}
        for t in texts
    ]
