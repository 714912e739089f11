"""Normalised values: ISO 8601 dates at the text's precision, and figures as numbers.

Both the schemas and the scorer use these, so that "valid" and "equal" mean one thing.
"""

from __future__ import annotations

import datetime as dt
import math
import re

# The contract's value formats as regular expressions, so that pandera and the Great
# Expectations suites (which can only say "matches a pattern") test one definition.
# ASCII digits only: Python's \d would accept "٢٠١٩". No look-around, and Python's \s
# spelled out character by character: Rust's regex (polars) leaves U+001C-U+001F out of
# its \s, RE2's (pandas' Arrow strings) has no U+000B, Java's (Spark) is ASCII only; a
# class of the characters themselves reads the same in all four.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
"""The characters Python's ``\\s`` matches (``str.isspace``, what ``str.strip()`` strips)."""
_ASCII_SPACE = r"\t\n\x0b\x0c\r "
_WIDE_SPACE = "\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACE = rf"[{_ASCII_SPACE}\x1c-\x1f{_WIDE_SPACE}]"
"""Python's ``\\s`` as a class (control characters escaped, the others as themselves)."""
_FLOAT_SPACE = rf"[{_ASCII_SPACE}{_WIDE_SPACE}]"
"""The white space ``float()`` strips: ``\\s`` less the separators U+001C-U+001F."""
NOT_BLANK = rf"^{_SPACE}*[^{_ASCII_SPACE}\x1c-\x1f{_WIDE_SPACE}]"
"""Text with a character that is not white space (Python's ``^\\s*\\S``)."""
_YEAR = r"(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_MONTH_DAY = (
    r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)
_DAY = rf"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_ISO_DATE = rf"(?:{_DAY}|{_YEAR}-(?:0[1-9]|1[0-2])|{_YEAR})"
_ZONE = r"(?:Z|[+-](?:0[0-9]|1[0-4]):?[0-5][0-9])"
"""A UTC offset: Z, or +hh:mm from -14:00 to +14:00 (what time zones use)."""
_TIME = rf"[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?{_ZONE}?"
DAY_PATTERN = rf"^{_SPACE}*{_DAY}{_SPACE}*$"
"""A calendar day ``YYYY-MM-DD`` (an article's publication date)."""
DATE_PATTERN = rf"^{_SPACE}*{_ISO_DATE}{_SPACE}*$"
"""A gold date value: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, each a real calendar date."""
_DATETIME_VALUE = rf"(?:{_ISO_DATE}|{_DAY}{_TIME})"
DATETIME_PATTERN = rf"^{_SPACE}*{_DATETIME_VALUE}{_SPACE}*$"
"""A predicted date value: as a gold one, or a day with a time of day (truncated to the day)."""
FIGURE_PATTERN = (
    rf"^{_FLOAT_SPACE}*\+?(?:[0-9]{{1,30}}(?:\.[0-9]{{0,30}})?|\.[0-9]{{1,30}})"
    r"(?:[eE](?:\+?(?:[0-9]{1,2}|1[0-9]{2}|2[0-6][0-9]|27[0-7])|-[0-9]{1,3}))?"
    rf"{_FLOAT_SPACE}*$"
)
"""A figure value as text (``str()`` of a number): non-negative, no ``_``, and finite: at
most 30 digits before the point and an exponent up to 277 keep every match below 1e308,
so a pattern alone can decide. Around it, the white space ``float()`` strips: ``\\s`` less
the four separators U+001C-U+001F, which ``float()`` refuses."""

_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_DATETIME = re.compile(
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?"
    rf"({_ZONE})?$"
)
_FIGURE = re.compile(FIGURE_PATTERN)


def parse_date(value: object, *, allow_time: bool = False) -> str:
    """Return the canonical ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) or raise ValueError.

    With ``allow_time`` (predictions), a time of day is accepted and truncated to the day,
    because the benchmark does not annotate clock times.
    """
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not an ISO 8601 date string")
    text = value.strip()
    if allow_time:
        timed = _DATETIME.match(text)
        if timed:
            hour, minute = int(timed.group(2)), int(timed.group(3))
            second = int(timed.group(4) or 0)
            if hour > 23 or minute > 59 or second > 59:
                raise ValueError(f"{value!r} has an impossible time of day")
            text = timed.group(1)
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"{value!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = match.groups()
    if month is not None and not 1 <= int(month) <= 12:
        raise ValueError(f"{value!r} has month {month}, outside 01-12")
    if day is not None:
        try:
            dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(f"{value!r} is not a calendar date") from None
    if int(year) == 0:
        raise ValueError(f"{value!r} has year 0000")
    return text


def parse_figure(value: object) -> int | float:
    """Return a figure's value as a number (an int where whole) or raise ValueError.

    Figures count things, so they are finite and non-negative; strings such as "35000" or
    "1.8e6" are accepted because CSV carries every value as text.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{value!r} is not a number")
    if not _FIGURE.fullmatch(str(value)):
        if not math.isfinite(_float_or_zero(value)):
            raise ValueError(f"{value!r} is not a finite number")
        if str(value).strip().startswith("-"):
            raise ValueError(f"{value!r} is negative; a figure counts something")
        raise ValueError(f"{value!r} is not a number (plain digits, at most 30 before the point)")
    number = float(value)
    if number.is_integer() and abs(number) < 2**63:
        return int(number)
    return number


def _float_or_zero(value: int | float | str) -> float:
    try:
        return float(value)
    except (ValueError, OverflowError):
        return 0.0


def format_figure(value: int | float) -> str:
    """The canonical text of a figure value: no exponent, no trailing zeros."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(float(value))


def is_empty(value: object) -> bool:
    """True for the spellings of "no value": None, NaN, NA and the empty string."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(value != value)  # NaN and pandas.NA
    except (TypeError, ValueError):
        return True
