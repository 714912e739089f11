"""The calendar's forward and backward resolution: the nearest such day or month on the
right side of publication, never skipping a nearer one."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given
from hypothesis import strategies as st

from figdate.extractors.rules import calendar as cal

DAYS = st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31))


@given(DAYS, st.integers(1, 31))
def test_the_nearest_day_of_a_month_either_way(published: dt.date, day: int) -> None:
    after, before = (
        cal.earliest_day_of_month(published, day),
        cal.latest_day_of_month(published, day),
    )
    every = [published + dt.timedelta(days=k) for k in range(-100, 101)]
    same = [d.isoformat() for d in every if d.day == day]
    assert after == min((d for d in same if d >= published.isoformat()), default=None)
    assert before == max((d for d in same if d <= published.isoformat()), default=None)


@given(DAYS, st.integers(1, 12), st.integers(1, 31))
@example(dt.date(2020, 3, 5), 3, 5)  # the publication day itself
@example(dt.date(2021, 3, 1), 2, 29)  # a leap day: three years on
def test_a_year_less_day_forward_is_the_first_from_publication_on(
    published: dt.date, month: int, day: int
) -> None:
    found = cal.earliest_day(published, month, day)
    if found is None:  # a day no year has (30 February, 31 April)
        assert all(cal.day_iso(y, month, day) is None for y in range(2000, 2009))
        return
    value = dt.date.fromisoformat(found)
    assert (value.month, value.day) == (month, day)
    assert value >= published
    nearer = [cal.day_iso(y, month, day) for y in range(published.year, value.year)]
    assert all(d is None or d < published.isoformat() for d in nearer)


@given(DAYS, st.integers(1, 12))
def test_a_month_forward_is_from_publications_on(published: dt.date, month: int) -> None:
    found = cal.earliest_month(published, month)
    assert found is not None
    assert int(found[5:]) == month
    assert (published.year, published.month) <= (int(found[:4]), month)
    assert int(found[:4]) - published.year <= 1
