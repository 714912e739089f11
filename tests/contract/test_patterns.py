"""The contract's patterns read alike in Python's re, Rust's regex (polars) and RE2 (pandas'
Arrow strings, which GX runs them on): white space is spelled out, not ``\\s``."""

from __future__ import annotations

import re
import sys

import hypothesis.strategies as st
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings

from figdate.core.timex import PREDICTED_DATE_PATTERN, TIMEX3_PATTERN
from figdate.core.values import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    DAY_PATTERN,
    FIGURE_PATTERN,
    NOT_BLANK,
    WHITE_SPACE,
)

PATTERNS = [NOT_BLANK, DATE_PATTERN, DATETIME_PATTERN, DAY_PATTERN, FIGURE_PATTERN,
            TIMEX3_PATTERN, PREDICTED_DATE_PATTERN]  # fmt: skip
ARROW = pd.Series(["text"]).dtype != object  # pandas 3: text is Arrow strings by default


def test_white_space_is_exactly_what_python_strips() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if c < 0xD800 or c > 0xDFFF)
    assert set(WHITE_SPACE) == {c for c in every if c.isspace()}
    assert {c for c in every if re.search(NOT_BLANK, c) is None} == set(WHITE_SPACE)


def engines(texts: list[str], pattern: str) -> dict[str, list[bool]]:
    out = {
        "python": [re.search(pattern, t) is not None for t in texts],
        "polars": pl.Series(texts, dtype=pl.String).str.contains(pattern).to_list(),
    }
    if ARROW:
        out["pandas"] = pd.Series(texts, dtype="str").str.contains(pattern).tolist()
    return out


ALPHABET = "0123456789-+.:eETZxXPWQHSUFAIRMON_" + WHITE_SPACE


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=20), min_size=1, max_size=30))
def test_every_engine_reads_the_patterns_alike(texts: list[str]) -> None:
    for pattern in PATTERNS:
        seen = engines(texts, pattern)
        assert all(v == seen["python"] for v in seen.values()), (pattern, seen)


@pytest.mark.parametrize("space", list(WHITE_SPACE))
def test_each_white_space_character_alone_is_blank_and_around_a_value_is_stripped(
    space: str,
) -> None:
    texts = [space, space * 3 + "x", f"{space}2020-05-04{space}", f"{space}12.5{space}"]
    for pattern in PATTERNS:
        seen = engines(texts, pattern)
        assert all(v == seen["python"] for v in seen.values()), (pattern, space, seen)
    assert engines([space], NOT_BLANK)["python"] == [False]
    float_strips = space not in "\x1c\x1d\x1e\x1f"  # float() refuses the four separators
    assert engines([f"{space}12.5{space}"], FIGURE_PATTERN)["python"] == [float_strips]


def test_timex3_values_and_non_values_read_alike_in_every_engine() -> None:
    from tests.core.test_timex import NOT_VALUES, TIMEX3

    texts = TIMEX3 + NOT_VALUES
    for pattern in (TIMEX3_PATTERN, PREDICTED_DATE_PATTERN):
        seen = engines(texts, pattern)
        assert all(v == seen["python"] for v in seen.values()), (pattern, seen)
        assert seen["python"][: len(TIMEX3)] == [True] * len(TIMEX3)
