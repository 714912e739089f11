from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figdate.core.values import format_figure, is_empty, parse_date, parse_figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019", "2019"),
        ("2019-05", "2019-05"),
        ("2019-05-10", "2019-05-10"),
        (" 2020-02-29 ", "2020-02-29"),
    ],
)
def test_dates_at_each_precision(text: str, expected: str) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2020-02-30", "not a calendar date"),
        ("2019-02-29", "not a calendar date"),
        ("2020-13", "month 13"),
        ("2020-00", "month 00"),
        ("20-01-01", "not an ISO 8601 date"),
        ("March 2020", "not an ISO 8601 date"),
        ("2020-03-31T01:11", "not an ISO 8601 date"),
        ("0000", "year 0000"),
    ],
)
def test_invalid_dates_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_date(text)


def test_times_are_truncated_only_in_predictions() -> None:
    assert parse_date("2020-03-31T01:11", allow_time=True) == "2020-03-31"
    assert parse_date("2020-03-31 01:11:09Z", allow_time=True) == "2020-03-31"
    with pytest.raises(ValueError, match="impossible time"):
        parse_date("2020-03-31T25:00", allow_time=True)


@given(st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from([4, 7, 10]))
def test_every_real_date_round_trips_at_every_precision(day: dt.date, width: int) -> None:
    text = day.isoformat()[:width]
    assert parse_date(text) == text


@pytest.mark.parametrize(
    ("raw", "expected"), [("35000", 35000), ("1.8e6", 1800000), (12, 12), (0.5, 0.5), ("2.50", 2.5)]
)
def test_figures_become_numbers_integers_where_whole(raw: object, expected: float) -> None:
    value = parse_figure(raw)
    assert value == expected
    assert isinstance(value, int) == float(expected).is_integer()


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("-3", "negative"),
        ("three", "not a number"),
        ("nan", "finite"),
        ("inf", "finite"),
        (True, "not a number"),
        ("1_000", "not a number"),
        (None, "not a number"),
    ],
)
def test_invalid_figures_say_why(raw: object, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_figure(raw)


@given(st.integers(min_value=0, max_value=10**15) | st.floats(min_value=0, max_value=1e15))
def test_figure_text_round_trips(number: float) -> None:
    value = parse_figure(format_figure(number))
    assert math.isclose(value, number, rel_tol=1e-12)


@pytest.mark.parametrize(
    ("value", "empty"),
    [
        (None, True),
        ("", True),
        ("  ", True),
        (float("nan"), True),
        ("0", False),
        (0, False),
        ("x", False),
    ],
)
def test_is_empty(value: object, empty: bool) -> None:
    assert is_empty(value) is empty
