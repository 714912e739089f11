"""The dateparser and quantulum3 adapters do what their docstrings say."""

from __future__ import annotations

import datetime as dt

import pytest

from figdate.core.model import Article
from figdate.extractors import resolve

TEXT = (
    "On 12 January the ceasefire began. In May 2019 the offensive resumed, and in 2017 "
    "talks were held. Some 35,000 civilians fled over 2,000 square kilometers."
)
ARTICLE = Article("a", TEXT, published=dt.date(2020, 3, 31))


def test_dateparser_resolves_against_publication_at_its_granularity() -> None:
    pytest.importorskip("dateparser")
    found = {r["text"]: r["value"] for r in resolve("dateparser").extract(ARTICLE)}
    assert any("12 January" in text and value == "2020-01-12" for text, value in found.items())
    assert any("May 2019" in text and value == "2019-05" for text, value in found.items())
    for row in resolve("dateparser").extract(ARTICLE):
        assert TEXT[row["start"] : row["end"]] == row["text"]


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_quantulum3_drops_years_and_days_and_keeps_counts() -> None:
    pytest.importorskip("quantulum3")
    rows = resolve("quantulum3").extract(ARTICLE)
    values = {row["value"] for row in rows}
    assert {35000.0, 2000.0} <= values
    assert not values & {2017.0, 2019.0, 12.0}
    for row in rows:
        assert TEXT[row["start"] : row["end"]] == row["text"]
