"""Normalised values: ISO 8601 dates at the text's precision, and figures as numbers.

Both the schemas and the scorer use these, so that "valid" and "equal" mean one thing.
"""

from __future__ import annotations

import datetime as dt
import math
import re

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DATETIME = re.compile(
    r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)


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
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    number: float
    if isinstance(value, int):
        number = float(value)
    elif isinstance(value, float):
        number = value
    elif isinstance(value, str):
        try:
            # float() would accept "1_000"; a figure in a table is plain digits.
            if "_" in value:
                raise ValueError
            number = float(value.strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
    else:
        raise ValueError(f"{value!r} is not a number")
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    if number < 0:
        raise ValueError(f"{value!r} is negative; a figure counts something")
    if number.is_integer() and abs(number) < 2**63:
        return int(number)
    return number


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
