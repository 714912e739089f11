"""TimeML TIMEX3 values, as the date taggers of the field (HeidelTime, SUTime) write them.

figdate's own value model is narrower (``core.values``: ``YYYY``, ``YYYY-MM``,
``YYYY-MM-DD``, a day with a time of day). A prediction may carry any TIMEX3 value
(TimeML 1.2.1): it is valid output, and it scores as a wrong value wherever figdate's
gold says a date that value does not spell, never as a failed article. A day with a time
or a part of the day (``2013-03-22T14:00``, ``2013-03-22TEV``) is cut to the day and
compared; weeks, quarters, seasons, decades, underspecified (``XXXX-12-25``), reference
(``PRESENT_REF``) and duration (``P2Y``) values cannot equal a gold value.

Written as ``core.values``' patterns are: no look-around, white space spelled out, so
pandera, polars, RE2 and Java read them alike. A fully specified day must be a real
calendar day here too: ``2019-02-30`` is no more a TIMEX3 value than an ISO one.
"""

from __future__ import annotations

import re

from figdate.core.values import _DATETIME_VALUE, _DAY, _ISO_DATE, _SPACE, _YEAR, _ZONE, DATE_PATTERN

_VAGUE_YEAR = r"(?:X[0-9X]{3}|[0-9]X[0-9X]{2}|[0-9]{2}X[0-9X]|[0-9]{3}X)"
"""A year with at least one unknown digit: ``XXXX``, ``19XX``, ``199X``."""
_ANY_YEAR = rf"(?:{_YEAR}|{_VAGUE_YEAR})"
_MONTH = r"(?:0[1-9]|1[0-2]|XX)"
_DAY_OF_MONTH = r"(?:0[1-9]|[12][0-9]|3[01]|XX)"
_WEEK = r"W(?:0?[1-9]|[1-4][0-9]|5[0-3]|XX)(?:-(?:[1-7X]|WE))?"  # W6: as AQUAINT writes it
_PART_OF_YEAR = r"(?:Q[1-4X]|H[12X]|SP|SU|FA|WI)"
_HOUR = r"(?:[01][0-9]|2[0-4]|XX)"  # 24: the end of the day, as TimeBank writes it
_CLOCK = rf"{_HOUR}(?::(?:[0-5][0-9]|XX)(?::(?:[0-5][0-9]|60)(?:\.[0-9]+)?)?)?{_ZONE}?"
_TIME_OF_DAY = rf"T(?:{_CLOCK}|MO|MI|AF|EV|NI|DT)"
_UNDERSPECIFIED = (
    rf"(?:{_VAGUE_YEAR}(?:-{_MONTH}(?:-{_DAY_OF_MONTH})?)?"
    rf"|{_YEAR}-XX(?:-{_DAY_OF_MONTH})?|{_YEAR}-(?:0[1-9]|1[0-2])-XX)"
)
_AMOUNT = r"(?:[0-9]+(?:\.[0-9]+)?|X+)"
"""A duration's amount; its units are TimeML's (Y M W D H, Q quarters, WE weekends) and
TimeBank's (E or DE decades, C or CE centuries, L or ML millennia, X unknown)."""
_DURATION = (
    rf"P(?:(?:{_AMOUNT}(?:Y|M|W|D|DE|CE|ML|Q|WE|H|E|C|L|X))+(?:T(?:{_AMOUNT}[HMS])+)?"
    rf"|T(?:{_AMOUNT}[HMS])+)"
)
TIMEX3_VALUE = (
    rf"(?:{_ISO_DATE}|{_DAY}{_TIME_OF_DAY}|{_UNDERSPECIFIED}(?:{_TIME_OF_DAY})?"
    rf"|[0-9]{{2,3}}|{_ANY_YEAR}-(?:{_WEEK}|{_PART_OF_YEAR})(?:{_TIME_OF_DAY})?|{_TIME_OF_DAY}"
    rf"|PRESENT_REF|PAST_REF|FUTURE_REF|{_DURATION})"
)
"""A TIMEX3 ``value``: a date, a day with a time or part of the day, an underspecified
date, a decade or century (``199``, ``19``), a week, quarter, half or season, a time of
day alone, a reference to the present, past or future, or a duration."""
TIMEX3_PATTERN = rf"^{_SPACE}*{TIMEX3_VALUE}{_SPACE}*$"
PREDICTED_DATE_PATTERN = rf"^{_SPACE}*(?:{_DATETIME_VALUE}|{TIMEX3_VALUE}){_SPACE}*$"
"""A predicted date's value: figdate's own (``DATETIME_PATTERN``) or any TIMEX3 value."""

_OURS = re.compile(DATE_PATTERN)


def cut_to_day(text: str) -> str:
    """A stripped date value as scoring compares it: a day with a time of day (or a part of
    the day) cut to the day, any other value whole."""
    return text[:10] if len(text) > 10 and text[10] in "T " else text


def beyond_model(value: str) -> bool:
    """Whether a valid predicted date value, cut to the day as scoring cuts it, is not a
    value figdate's gold can hold (``P2Y``, ``2013-W11``, ``XXXX-12-25``, ``PRESENT_REF``)."""
    return _OURS.fullmatch(cut_to_day(value.strip())) is None
