"""Date phenomena: absolute forms, dotted and slashed dates, year-less dates and weekdays in
past and future tense, relative and anaphoric dates, year and month boundaries, leap days,
and an unknown publication date. Values follow GUIDELINES.md 3.4, computed here with the
standard library's calendar, not by figdate's extractor."""

from __future__ import annotations

import datetime as dt
import random

from figdate.testing.phenomena.passages import (
    MONTHS,
    SHORT_MONTHS,
    WEEKDAYS,
    Passage,
    cap,
    date,
    earliest_after,
    latest_on_or_before,
    long_day,
    month_shift,
    weekday_after,
    weekday_on_or_before,
)
from figdate.testing.phenomena.words import AGENCIES, EVENTS_FUTURE, EVENTS_PAST, PLACES


def _day(rng: random.Random, start: int = 2015, years: int = 10) -> dt.date:
    return dt.date(start, 1, 1) + dt.timedelta(days=rng.randrange(years * 365))


def absolute(rng: random.Random, published: dt.date | None = None) -> Passage:
    asked = published
    day = _day(rng) if asked is None else asked - dt.timedelta(days=rng.randrange(1, 400))
    forms = [
        long_day(day),
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{SHORT_MONTHS[day.month - 1]} {day.day}, {day.year}",
        day.isoformat(),
    ]
    shown = rng.choice(forms)
    published = asked or day + dt.timedelta(days=rng.randrange(1, 400))
    return Passage(
        [
            f"{cap(rng.choice(EVENTS_PAST))} in {rng.choice(PLACES)} on ",
            date(shown, day.isoformat()),
            ".",
        ],
        published,
        ("absolute",),
        "a full date, read as written",
    )


def month_or_year(rng: random.Random, published: dt.date | None = None) -> Passage:
    asked = published
    day = _day(rng) if asked is None else asked - dt.timedelta(days=rng.randrange(400, 900))
    if rng.random() < 0.5:
        shown, value = f"{MONTHS[day.month - 1]} {day.year}", f"{day:%Y-%m}"
    else:
        shown, value = str(day.year), str(day.year)
    modifier = rng.choice(["", "", "early ", "late ", "mid-"]) if len(value) == 4 else ""
    published = asked or day + dt.timedelta(days=rng.randrange(400, 900))
    note = "a modifier keeps the precision (GUIDELINES.md 3.4)" if modifier else None
    return Passage(
        [
            f"{cap(rng.choice(EVENTS_PAST))} in ",
            date(modifier + shown, value, note),
            f", {rng.choice(AGENCIES)} recalled.",
        ],
        published,
        ("absolute", "month-year"),
        "a month or a year, read at its precision",
    )


def dotted(rng: random.Random, published: dt.date | None = None) -> Passage:
    day = published or _day(rng)  # a dateline: the publication day itself
    shown = f"{day.day:02d}.{day.month:02d}.{day.year}"
    return Passage(
        [
            "Published ",
            date(shown, day.isoformat(), "dotted dates are day-first (GUIDELINES.md 3.4.1)"),
            f". {cap(rng.choice(AGENCIES))} reported new arrivals in {rng.choice(PLACES)}.",
        ],
        day,
        ("dotted",),
        "a dotted numeric date",
    )


def slashed(rng: random.Random, published: dt.date | None = None) -> Passage:
    asked = published
    day = _day(rng) if asked is None else asked - dt.timedelta(days=rng.randrange(0, 30))
    step = dt.timedelta(days=1 if asked is None else -1)  # not past an asked publication
    while day.day <= 12:  # unambiguous only: the ambiguous ones are optional (3.4.1)
        day += step
    day_first = rng.random() < 0.5
    shown = (
        f"{day.day:02d}/{day.month:02d}/{day.year}"
        if day_first
        else f"{day.month:02d}/{day.day:02d}/{day.year}"
    )
    note = "a day above 12 fixes the order (GUIDELINES.md 3.4.1)"
    return Passage(
        [
            "The report, dated ",
            date(shown, day.isoformat(), note),
            f", covers {rng.choice(PLACES)}.",
        ],
        asked or day + dt.timedelta(days=rng.randrange(0, 30)),
        ("slashed", "day-first" if day_first else "month-first"),
        "a slashed numeric date whose order one number fixes",
    )


def year_less(rng: random.Random, published: dt.date | None = None) -> Passage:
    published = published or _day(rng)
    target = published - dt.timedelta(days=rng.randrange(1, 300))
    shown = rng.choice(
        [f"{target.day} {MONTHS[target.month - 1]}", f"{MONTHS[target.month - 1]} {target.day}"]
    )
    value = latest_on_or_before(published, target.month, target.day).isoformat()
    tags = ("year-less", "past") + (("year-boundary",) if target.year != published.year else ())
    return Passage(
        [
            f"{cap(rng.choice(EVENTS_PAST))} on ",
            date(shown, value, f"past tense: the latest on or before {published}"),
            ".",
        ],
        published,
        tags,
        "a day without its year, past tense",
    )


def year_less_future(rng: random.Random, published: dt.date | None = None) -> Passage:
    published = published or _day(rng)
    target = published + dt.timedelta(days=rng.randrange(1, 300))
    shown = f"{target.day} {MONTHS[target.month - 1]}"
    value = earliest_after(published, target.month, target.day).isoformat()
    tags = ("year-less", "future") + (("year-boundary",) if target.year != published.year else ())
    return Passage(
        [
            f"{cap(rng.choice(AGENCIES))} said {rng.choice(EVENTS_FUTURE)} on ",
            date(shown, value, f"future tense: the earliest after {published}"),
            ".",
        ],
        published,
        tags,
        "a day without its year, future tense",
    )


def weekday(rng: random.Random, published: dt.date | None = None) -> Passage:
    published = published or _day(rng)
    offset = 0 if rng.random() < 0.35 else rng.randrange(1, 7)  # the day itself, often
    name = WEEKDAYS[(published.weekday() - offset) % 7]
    value = weekday_on_or_before(published, WEEKDAYS.index(name)).isoformat()
    tags = ("weekday", "publication-day") if offset == 0 else ("weekday", "past")
    return Passage(
        [
            f"{cap(rng.choice(EVENTS_PAST))} in {rng.choice(PLACES)} on ",
            date(
                name,
                value,
                "past tense: the latest on or before publication, the day itself included",
            ),
            ".",
        ],
        published,
        tags,
        "a weekday, past tense",
    )


def weekday_future(rng: random.Random, published: dt.date | None = None) -> Passage:
    published = published or _day(rng)
    name = WEEKDAYS[(published.weekday() + rng.randrange(1, 7)) % 7]
    value = weekday_after(published, WEEKDAYS.index(name)).isoformat()
    return Passage(
        [
            f"{cap(rng.choice(AGENCIES))} said {rng.choice(EVENTS_FUTURE)} on ",
            date(name, value, "future tense: the next such day after publication"),
            ".",
        ],
        published,
        ("weekday", "future"),
        "a weekday, future tense",
    )


def _relative(published: dt.date, rng: random.Random) -> tuple[str, str, str]:
    """(text, value, tense) of a relative date against ``published``."""
    n = rng.randrange(2, 6)
    words = {2: "two", 3: "three", 4: "four", 5: "five"}[n]
    options = [
        ("yesterday", (published - dt.timedelta(days=1)).isoformat(), "past"),
        ("today", published.isoformat(), "present"),
        ("tomorrow", (published + dt.timedelta(days=1)).isoformat(), "future"),
        ("last month", month_shift(published, -1), "past"),
        ("this month", month_shift(published, 0), "present"),
        ("next month", month_shift(published, 1), "future"),
        ("last year", str(published.year - 1), "past"),
        ("this year", str(published.year), "present"),
        ("next year", str(published.year + 1), "future"),
        (f"{words} days ago", (published - dt.timedelta(days=n)).isoformat(), "past"),
        (f"{words} years ago", str(published.year - n), "past"),
        (f"{words} months ago", month_shift(published, -n), "past"),
    ]
    return rng.choice(options)


def relative(rng: random.Random, published: dt.date | None = None) -> Passage:
    published = published or _day(rng)
    shown, value, tense = _relative(published, rng)
    event = rng.choice(EVENTS_FUTURE if tense == "future" else EVENTS_PAST)
    return Passage(
        [
            f"{cap(rng.choice(AGENCIES))} said {event} ",
            date(shown, value, "counted from publication (GUIDELINES.md 3.4.3)"),
            ".",
        ],
        published,
        ("relative", tense),
        "a date relative to publication",
    )


def anaphoric(rng: random.Random, published: dt.date | None = None) -> Passage:
    if published is None:
        anchor = _day(rng)
        published = anchor + dt.timedelta(days=rng.randrange(20, 200))
    else:
        anchor = published - dt.timedelta(days=rng.randrange(20, 200))
    forms = [
        ("the following day", (anchor + dt.timedelta(days=1)).isoformat()),
        ("the next day", (anchor + dt.timedelta(days=1)).isoformat()),
        ("the previous day", (anchor - dt.timedelta(days=1)).isoformat()),
        ("the day before", (anchor - dt.timedelta(days=1)).isoformat()),
        ("two days later", (anchor + dt.timedelta(days=2)).isoformat()),
        ("the same month", f"{anchor:%Y-%m}"),
        ("the same day", anchor.isoformat()),
    ]
    shown, value = rng.choice(forms)
    first, second = rng.sample(EVENTS_PAST, 2)
    return Passage(
        [
            f"{cap(first)} in {rng.choice(PLACES)} on ",
            date(long_day(anchor), anchor.isoformat()),
            f", and {second} ",
            date(shown, value, f"anaphoric: against {anchor}, the date before it"),
            ".",
        ],
        published,
        ("anaphoric", "absolute"),
        "a date that points back",
    )


PHENOMENA = {
    "absolute": absolute,
    "month-year": month_or_year,
    "dotted": dotted,
    "slashed": slashed,
    "year-less": year_less,
    "year-less-future": year_less_future,
    "weekday": weekday,
    "weekday-future": weekday_future,
    "relative": relative,
    "anaphoric": anaphoric,
}
