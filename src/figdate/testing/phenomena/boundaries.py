"""Calendar edges: relative dates across a year or month boundary, leap days, and articles
whose publication date is unknown (values resolved against it stay empty, 3.4.5)."""

from __future__ import annotations

import datetime as dt
import random

from figdate.testing.phenomena.passages import (
    MONTHS,
    WEEKDAYS,
    Passage,
    cap,
    date,
    latest_on_or_before,
    month_shift,
    weekday_on_or_before,
)
from figdate.testing.phenomena.words import AGENCIES, EVENTS_PAST, PLACES


def year_boundary(rng: random.Random) -> Passage:
    published = dt.date(rng.randrange(2015, 2026), 1, rng.randrange(1, 7))
    kind = rng.choice(["last month", "yesterday", "december", "weekday"])
    if kind == "last month":
        shown, value, tag = "last month", month_shift(published, -1), "relative"
    elif kind == "yesterday":  # only from 1 January is yesterday in the previous year
        published = published.replace(day=1)
        shown, value, tag = "yesterday", (published - dt.timedelta(days=1)).isoformat(), "relative"
    elif kind == "december":
        dom = rng.randrange(20, 32)
        shown, tag = f"{dom} December", "year-less"
        value = latest_on_or_before(published, 12, dom).isoformat()
    else:
        offset = rng.randrange(published.day, 7)  # the latest such day is in December
        back = published - dt.timedelta(days=offset)
        shown, tag = WEEKDAYS[back.weekday()], "weekday"
        value = weekday_on_or_before(published, back.weekday()).isoformat()
    return Passage(
        [
            f"{cap(rng.choice(EVENTS_PAST))} in {rng.choice(PLACES)} ",
            *(["on "] if tag != "relative" else []),
            date(shown, value, f"resolved across the new year from {published}"),
            ".",
        ],
        published,
        ("year-boundary", tag),
        "a date in the previous year",
    )


def month_boundary(rng: random.Random) -> Passage:
    published = dt.date(rng.randrange(2015, 2026), rng.randrange(2, 13), 1)
    if rng.random() < 0.5:
        shown, value, tag = "yesterday", (published - dt.timedelta(days=1)).isoformat(), "relative"
    else:
        shown, value, tag = "last month", month_shift(published, -1), "relative"
    return Passage(
        [
            f"{cap(rng.choice(AGENCIES))} said {rng.choice(EVENTS_PAST)} ",
            date(shown, value, f"resolved across the month from {published}"),
            ".",
        ],
        published,
        ("month-boundary", tag),
        "a date in the previous month",
    )


LEAP_YEARS = (2016, 2020, 2024)


def leap_day(rng: random.Random) -> Passage:
    kind = rng.choice(["full", "year-less", "yesterday", "yesterday-common"])
    if kind == "full":
        year = rng.choice(LEAP_YEARS)
        published = dt.date(year, 3, rng.randrange(1, 28))
        shown, value, tags = f"29 February {year}", f"{year}-02-29", ("leap-day", "absolute")
    elif kind == "year-less":
        published = dt.date(rng.choice(LEAP_YEARS) + rng.randrange(0, 4), rng.randrange(3, 13), 1)
        value = latest_on_or_before(published, 2, 29).isoformat()
        shown, tags = "29 February", ("leap-day", "year-less")
    elif kind == "yesterday":
        published = dt.date(rng.choice(LEAP_YEARS), 3, 1)
        shown, value, tags = "yesterday", f"{published.year}-02-29", ("leap-day", "relative")
    else:
        published = dt.date(rng.choice(LEAP_YEARS) + rng.randrange(1, 4), 3, 1)
        shown, value, tags = "yesterday", f"{published.year}-02-28", ("leap-day", "relative")
    lead = "on " if kind in ("full", "year-less") else ""
    return Passage(
        [
            f"{cap(rng.choice(EVENTS_PAST))} in {rng.choice(PLACES)} {lead}",
            date(shown, value, f"the calendar's 29 February, published {published}"),
            ".",
        ],
        published,
        tags,
        "a leap day, or the day before 1 March",
    )


def undated(rng: random.Random) -> Passage:
    year = rng.randrange(2010, 2024)
    month = rng.randrange(1, 13)
    kind = rng.choice(["last month", "weekday", "year-less", "ago"])
    note = "resolved against an unknown publication date: empty (GUIDELINES.md 3.4.5)"
    if kind == "last month":
        vague, tag = date("last month", None, note), "relative"
    elif kind == "weekday":
        vague, tag = date(rng.choice(WEEKDAYS), None, note), "weekday"
    elif kind == "year-less":  # another month than the stated one, so no year carries over
        other = MONTHS[(month + rng.randrange(1, 11)) % 12]
        vague, tag = date(f"{rng.randrange(1, 29)} {other}", None, note), "year-less"
    else:
        vague, tag = date("three years ago", None, note), "relative"
    anchor = date(f"{MONTHS[month - 1]} {year}", f"{year}-{month:02d}")
    first, second = rng.sample(EVENTS_PAST, 2)
    lead = "on " if tag in ("weekday", "year-less") else ""
    return Passage(
        [f"{cap(first)} in ", anchor, f"; {second} {lead}", vague, "."],
        None,
        ("undated", tag),
        "no publication date: only the stated date has a value",
    )


PHENOMENA = {
    "year-boundary": year_boundary,
    "month-boundary": month_boundary,
    "leap-day": leap_day,
    "undated": undated,
}
