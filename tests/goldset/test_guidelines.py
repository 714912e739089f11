"""Each guideline check fires on the slip it is for, and stays quiet on correct labels."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from figdate.core.model import Article
from figdate.goldset.guidelines import check_mentions

TEXT = "Some 35,000 civilians fled on 12 January, and nearly two million since early 2019; 86 died."
ARTICLE = Article("a", TEXT)


def mention(
    text: str, kind: str, value: object, qualifier: str | None = None, **extra: Any
) -> dict[str, Any]:
    start = TEXT.index(text)
    return {
        "article_id": "a",
        "kind": kind,
        "start": start,
        "end": start + len(text),
        "text": text,
        "value": value,
        "qualifier": qualifier,
        "unit": None,
        "optional": False,
        **extra,
    }


CORRECT = [
    mention("35,000", "figure", "35000", "approx", unit="civilians"),
    mention("12 January", "date", "2020-01-12"),
    mention("two million", "figure", "2000000", "max"),
    mention("early 2019", "date", "2019"),
    mention("86", "figure", "86", "exact"),
]


def findings(rows: list[dict[str, Any]]) -> list[tuple[int, str, str]]:
    return check_mentions(pd.DataFrame(rows), {"a": ARTICLE})


def test_correct_labels_raise_nothing() -> None:
    assert findings(CORRECT) == []


@pytest.mark.parametrize(
    ("row", "column", "says"),
    [
        (
            mention("Some 35,000", "figure", "35000", "approx"),
            "text",
            "swallowed the qualifier word 'Some'",
        ),
        (
            mention("35,000 civilians", "figure", "35000", "approx", unit="civilians"),
            "text",
            "swallowed the unit",
        ),
        (mention("on 12 January", "date", "2020-01-12"), "text", "preposition 'on'"),
        (mention("12 January,", "date", "2020-01-12"), "text", "spaces or punctuation"),
        (mention("35,000", "figure", "35000", "exact"), "qualifier", "follows 'Some' (approx)"),
        (mention("two million", "figure", "2000000", "min"), "qualifier", "follows 'nearly' (max)"),
        (mention("86", "figure", "86", "min"), "qualifier", "no qualifier word precedes"),
        (
            mention("35,000", "figure", "3500", "approx"),
            "value",
            "disagrees with the digits '35,000'",
        ),
        (mention("2019", "date", "2018"), "value", "disagrees with the year '2019'"),
        (mention("civilians", "figure", "35000", "exact"), "text", "holds no number"),
    ],
)
def test_each_slip_is_found(row: dict[str, Any], column: str, says: str) -> None:
    found = findings([row])
    assert len(found) == 1, found
    assert found[0][1] == column
    assert says in found[0][2]


def test_vague_optional_magnitudes_may_be_min_without_a_word() -> None:
    row = mention("86", "figure", "86", "min", optional=True)
    assert findings([row]) == []


def test_overlapping_mentions_are_found() -> None:
    rows = [mention("early 2019", "date", "2019"), mention("2019", "figure", "2019", "exact")]
    found = findings(rows)
    assert [(index, column) for index, column, _ in found] == [(1, "start")]
    assert "overlaps the date 'early 2019'" in found[0][2]
