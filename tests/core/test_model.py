from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figdate.core.model import (
    MENTION_COLUMNS,
    PREDICTION_COLUMNS,
    Article,
    Mention,
    articles_from_frame,
    articles_to_frame,
    mentions_from_frame,
    mentions_to_frame,
)

TEXT = "Some 35,000 civilians returned on 12 January."


def test_offsets_index_the_text_as_str() -> None:
    mention = Mention("a", "figure", 5, 11, "35,000", 35000, "approx", "civilians")
    assert TEXT[mention.start : mention.end] == mention.text  # type: ignore[misc]


def test_from_dict_normalises_values() -> None:
    figure = Mention.from_dict(
        {
            "article_id": "a",
            "kind": "figure",
            "start": "5",
            "end": "11",
            "text": "35,000",
            "value": "35000",
            "qualifier": "approx",
        }
    )
    assert figure.value == 35000
    assert isinstance(figure.value, int)
    date = Mention.from_dict({"article_id": "a", "kind": "date", "value": "2020-01-12T10:00"})
    assert date.value == "2020-01-12"
    assert date.start is None
    assert date.text is None
    with pytest.raises(ValueError, match="kind"):
        Mention.from_dict({"article_id": "a", "kind": "time", "value": "x"})


# Blank strings are "no value" (figdate.core.values.is_empty), so labels are drawn non-blank.
label = st.text(min_size=1, max_size=10).filter(str.strip)
mentions = st.builds(
    Mention,
    article_id=st.sampled_from(["a", "b-2"]),
    kind=st.just("figure"),
    start=st.integers(0, 100),
    end=st.integers(101, 200),
    text=st.text(min_size=1, max_size=10),
    value=st.integers(0, 10**12),
    qualifier=st.sampled_from(["exact", "approx", "min", "max"]),
    unit=st.none() | label,
    optional=st.booleans(),
    note=st.none() | label,
) | st.builds(
    Mention,
    article_id=st.just("a"),
    kind=st.just("date"),
    start=st.integers(0, 100),
    end=st.integers(101, 200),
    text=st.text(min_size=1, max_size=10),
    value=st.dates().map(dt.date.isoformat) | st.none(),
    qualifier=st.none(),
    unit=st.none(),
    optional=st.booleans(),
)


@given(st.lists(mentions, max_size=20))
def test_mentions_round_trip_through_frames(items: list[Mention]) -> None:
    frame = mentions_to_frame(items)
    assert list(frame.columns) == list(MENTION_COLUMNS)
    assert mentions_from_frame(frame) == items


def test_prediction_frames_leave_out_gold_only_columns() -> None:
    frame = mentions_to_frame([Mention("a", "date", None, None, None, "2019")], gold=False)
    assert list(frame.columns) == list(PREDICTION_COLUMNS)
    assert frame["start"].isna().all()


@given(
    st.lists(
        st.builds(
            Article,
            id=st.from_regex(r"[a-z]{1,8}", fullmatch=True),
            text=st.text(),
            published=st.none() | st.dates(),
        ),
        unique_by=lambda a: a.id,
    )
)
def test_articles_round_trip_through_frames(items: list[Article]) -> None:
    frame = articles_to_frame(items)
    back = articles_from_frame(frame, {a.id: a.text for a in items})
    assert back == items
