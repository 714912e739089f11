"""What a cell of a table may hold once read, checked before any arithmetic touches it.

A cell is text, a number that fits in 64 bits, true/false, or nothing. JSON and Parquet
can carry more (nested lists and objects, integers of any length, infinities, strings with
lone surrogates); such a cell is refused by the reader with its file, line, row and column,
so that every engine of the contract sees only what it can judge, and gives one verdict.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

from figdate.core.problems import Problem

LIMIT = 2**63
"""Integers at or beyond this (in magnitude) are out of range: 64-bit tools cannot hold them."""
MAX_DIGITS = 19
WHOLE_TEXT = r"^[ \t]*-?[0-9]{1,19}(?:\.0*)?[ \t]*$"
r"""A whole number written as text, as every engine of the contract reads an offset: ASCII
digits, an optional minus and zero fraction ("621", "621.0"), spaces or tabs around; not
"+38", "3.8e1", fullwidth or Arabic-Indic digits (which Python's ``int`` and pandas
would take), and at most 19 digits. Spaces written out, not ``\s``: Python, Rust and
Java differ on what that is."""
_WHOLE_TEXT = re.compile(WHOLE_TEXT)


class NotWhole:
    """A cell that is not a whole number, kept as written: no parser takes it for one (an
    engine's coercion then fails on it), and it prints as the cell did."""

    __slots__ = ("cell",)

    def __init__(self, cell: object) -> None:
        self.cell = cell

    def __repr__(self) -> str:
        return repr(self.cell)


def whole(cell: object) -> int | NotWhole | None:
    """An offset cell as an int, None when empty, or ``NotWhole``: a Python int (not
    true/false, which JSON keeps apart from numbers), a float with no fraction, or text
    that ``WHOLE_TEXT`` matches."""
    if cell is None or (isinstance(cell, float) and math.isnan(cell)):
        return None
    if isinstance(cell, bool):
        return NotWhole(cell)
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        return int(cell) if cell.is_integer() else NotWhole(cell)
    if isinstance(cell, str) and _WHOLE_TEXT.match(cell):
        return int(cell.strip().split(".")[0])  # 19 digits at most: a range check says more
    return NotWhole(cell)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class OutOfRange(ValueError):
    """A JSON number figdate cannot hold."""


def json_int(text: str) -> int:
    """``parse_int`` for ``json.loads``: refuses an integer beyond 64 bits before Python
    converts it (a 5,000-digit one would raise Python's own int-string limit)."""
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise OutOfRange(f"holds an integer of {digits} digits, out of range (at most 2^63)")
    value = int(text)
    if abs(value) >= LIMIT:
        raise OutOfRange(f"holds the integer {text}, out of range (at most 2^63)")
    return value


def json_constant(name: str) -> float:
    """``parse_constant`` for ``json.loads``: NaN and Infinity are not JSON (Python writes
    them; no other reader takes them), and a cell cannot hold them."""
    if name == "NaN":
        raise OutOfRange("holds NaN, which is not JSON (write null for no value)")
    raise OutOfRange(f"holds {name}, out of range (not finite)")


def may_hold_surrogates(raw: str) -> bool:
    """Whether JSON text escapes a surrogate (``\\ud800``): only then are strings checked."""
    return _SURROGATE_ESCAPE.search(raw) is not None


def why_not(value: object, *, strings: bool = True) -> str | None:
    """Why ``value`` cannot be a cell, or None if it can."""
    kind = type(value)
    if value is None or kind is bool:
        return None
    if isinstance(value, str):
        if strings:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                return (f"holds a lone surrogate ({exc.object[exc.start]!r}), which is not "
                        "Unicode text")  # fmt: skip
        return None
    if kind is int:
        number = int(value)  # type: ignore[call-overload]
        return None if abs(number) < LIMIT else f"holds {number}, out of range (at most 2^63)"
    if kind is float:
        real = float(value)  # type: ignore[arg-type]
        return None if math.isfinite(real) else f"holds {real}, out of range (not finite)"
    if isinstance(value, Mapping):
        return "holds a JSON object; a cell is text, a number, true/false or null"
    if isinstance(value, Sequence | Iterable) and not isinstance(value, bytes):
        return "holds a list; a cell is text, a number, true/false or null"
    return f"holds a {kind.__name__}; a cell is text, a number, true/false or null"


def problems(
    records: Sequence[Mapping[str, object]],
    lines: Sequence[int],
    shown: str,
    *,
    strings: bool = True,
) -> list[Problem]:
    """A problem per cell that cannot be one (``strings``: also check text for surrogates)."""
    out = []
    numbered: Sequence[int | None] = lines or [None] * len(records)
    for row, (record, line) in enumerate(zip(records, numbered, strict=True), start=1):
        for column, value in record.items():
            why = why_not(value, strings=strings)
            if why:
                out.append(Problem(shown, line, row, str(column), why))
    return out
