"""For any text and any publication date in 0001-01-01..9999-12-31, every mention the
``rules`` extractor emits passes the prediction schema: it never emits a value its own
contract refuses (a 31-digit figure, inf, year 10000) and never raises."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figdate.contract.pandera_backend import validate_mentions
from figdate.core.model import PREDICTION_COLUMNS, Article
from figdate.core.tables import Table
from figdate.extractors.rules import RulesExtractor

WORDS = [
    "1", "12", "2020", "9999", "0001", "1,234", "1.5", "35,000", "1" * 30, "9" * 35, "9" * 320,
    "one", "two", "hundred", "and", "thousand", "million", "billion", "a", "dozen", "half",
    "January", "March", "May", "December", "Monday", "Sunday", "last", "next", "this",
    "year", "month", "week", "day", "ago", "yesterday", "tomorrow", "today", "the",
    "following", "same", "early", "late", "mid", "of", "on", "in", "nearly", "at least",
    "some", "tracking", "code", "F-16", "05.02.2019", "31/12/9999", "0001-01-01", "2023-11-02",
    "people", "civilians", "km", "%", "$", "1957-58", "1990s", "one hundred and fifty",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", ", ", ". ", "-", "\n", " (", ") "]
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts)
)
days = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2020, 2, 29)]),
    st.none(),
)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, days)
def test_every_rules_mention_passes_the_prediction_schema(
    text: str, published: dt.date | None
) -> None:
    article = Article("a", text or "x", published=published)
    rows = [{**row, "article_id": "a"} for row in RulesExtractor().extract(article)]
    if not rows:
        return
    frame = pd.DataFrame(rows, dtype=object)
    for column in PREDICTION_COLUMNS:
        if column not in frame:
            frame[column] = None
    typed, problems = validate_mentions(Table(frame, "rules", []), {"a": article}, gold=False)
    assert typed is not None, [str(p) for p in problems]
