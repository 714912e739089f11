"""Calendar arithmetic for relative and partial dates, with dateutil.

Every function takes the publication date (or an anchor date from the text) and returns an
ISO value at the precision the expression gives, or None when it cannot be determined
(an undated article). News reports the past: a year-less date or a weekday is the latest
such day on or before publication, unless a future construction sends it forward to the
earliest on or after (``figdate.extractors.rules.tense``; GUIDELINES.md 3.4).
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
OFFSETS = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1, "coming": 1}


def month_number(name: str) -> int:
    return MONTHS[name.strip(".").lower()[:3]]


def day_iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def month_iso(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def latest_day(published: dt.date | None, month: int, day: int) -> str | None:
    """The latest ``month``/``day`` on or before publication ("12 January", "Oct. 10")."""
    if published is None:
        return None
    for year in range(published.year, published.year - 8, -1):
        found = day_iso(year, month, day)
        if found is not None and found <= published.isoformat():
            return found
    return None


def earliest_day(published: dt.date | None, month: int, day: int) -> str | None:
    """The earliest ``month``/``day`` on or after publication (a future tense: "will resume
    on 7 April")."""
    if published is None:
        return None
    for year in range(published.year, published.year + 9):
        found = day_iso(year, month, day)
        if found is not None and found >= published.isoformat():
            return found
    return None


def earliest_day_of_month(published: dt.date | None, day: int) -> str | None:
    """The earliest ``day`` of a month on or after publication ("will meet on the 14th")."""
    return _day_of_month(published, day, 1)


def earliest_month(published: dt.date | None, month: int) -> str | None:
    """The earliest ``month`` on or after publication's ("is due in May")."""
    if published is None:
        return None
    year = published.year if month >= published.month else published.year + 1
    return month_iso(year, month)


def latest_day_of_month(published: dt.date | None, day: int) -> str | None:
    """The latest ``day`` of a month on or before publication ("on the 14th")."""
    return _day_of_month(published, day, -1)


def _day_of_month(published: dt.date | None, day: int, step: int) -> str | None:
    """The nearest ``day`` of this or the next two months going ``step`` (+1: on or after
    publication, -1: on or before)."""
    if published is None:
        return None
    first, today = published.replace(day=1), published.isoformat()
    for k in range(3):
        month = first + relativedelta(months=step * k)
        found = day_iso(month.year, month.month, day)
        if found is not None and (found >= today if step > 0 else found <= today):
            return found
    return None


def latest_month(published: dt.date | None, month: int) -> str | None:
    """The latest ``month`` on or before publication ("in January")."""
    if published is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    return month_iso(year, month)


def shifted_month(published: dt.date | None, which: str, month: int) -> str | None:
    """ "last February" (strictly before the current month), "this February", "next February"."""
    if published is None:
        return None
    offset = OFFSETS[which]
    if offset < 0:
        year = published.year if month < published.month else published.year - 1
    elif offset > 0:
        year = published.year if month > published.month else published.year + 1
    else:
        year = published.year
    return month_iso(year, month)


def relative_year(published: dt.date | None, which: str) -> int | None:
    return None if published is None else published.year + OFFSETS[which]


def relative_unit(published: dt.date | None, which: str, unit: str) -> str | None:
    """ "last month", "this year", "next month"; weeks are vague and give None."""
    if published is None or unit.startswith("week"):
        return None
    step = OFFSETS[which]
    moved = published + (
        relativedelta(years=step) if unit.startswith("year") else relativedelta(months=step)
    )
    return moved.isoformat()[: 4 if unit.startswith("year") else 7]


def ago(published: dt.date | None, count: int, unit: str) -> str | None:
    """ "two years ago" at the unit's precision."""
    if published is None:
        return None
    unit = unit.lower().rstrip("s")
    steps = {
        "year": relativedelta(years=count),
        "month": relativedelta(months=count),
        "week": relativedelta(weeks=count),
        "day": relativedelta(days=count),
    }
    moved = published - steps[unit]
    return moved.isoformat()[: {"year": 4, "month": 7}.get(unit, 10)]


def deictic(published: dt.date | None, word: str) -> str | None:
    if published is None:
        return None
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[word.lower()]
    return (published + dt.timedelta(days=offset)).isoformat()


def weekday(published: dt.date | None, name: str, which: str | None = None) -> str | None:
    """The latest such weekday on or before publication; "last" strictly before, "next"
    strictly after, "future" (a future tense) on or after."""
    if published is None:
        return None
    target = WEEKDAYS.index(name.lower())
    if which == "next":
        return (published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)).isoformat()
    if which == "future":
        return (published + dt.timedelta(days=(target - published.weekday()) % 7)).isoformat()
    back = (published.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    return (published - dt.timedelta(days=back)).isoformat()


def anaphoric(anchor: str | None, step: int, unit: str) -> str | None:
    """A date relative to the date the text points back to: "the following day" is
    (anchor, +1, "day"); "the same month" is (anchor, 0, "month"). None when the anchor
    is missing or less precise than the unit."""
    width = {"day": 10, "month": 7, "year": 4}[unit]
    if anchor is None or len(anchor) < width:
        return None
    if unit == "day":
        base = dt.date.fromisoformat(anchor[:10])
        return (base + dt.timedelta(days=step)).isoformat()
    if unit == "month":
        year, month = int(anchor[:4]), int(anchor[5:7])
        moved = dt.date(year, month, 1) + relativedelta(months=step)
        return moved.isoformat()[:7]
    return f"{int(anchor[:4]) + step:04d}"
