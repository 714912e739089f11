"""The Duckling adapter: offsets exact on non-ASCII text, values at Duckling's grain
against the publication day, undated articles without guessed dates, and the real
``figdate eval`` run over the seed gold set without a failed article."""

from __future__ import annotations

import datetime as dt

import pytest

from figdate.core.model import Article
from tests.support import Run

pytest.importorskip("duckling", reason="Duckling is an extra: pip install 'figdate[duckling]'")

from figdate.extractors.adapters.duckling import DucklingExtractor

TEXT = ("Née à Idlib: on Sunday 35,000 civilians fled, nearly two million since last month; "
        "talks resume on March 31, 2020.")  # fmt: skip


@pytest.fixture(scope="module")
def duckling() -> DucklingExtractor:
    return DucklingExtractor()


def test_offsets_are_character_offsets_and_values_follow_the_grain(
    duckling: DucklingExtractor,
) -> None:
    article = Article("a", TEXT, published=dt.date(2020, 1, 12))
    rows = list(duckling.extract(article))
    for row in rows:
        assert TEXT[row["start"] : row["end"]] == row["text"]
    dates = {row["text"]: row["value"] for row in rows if row["kind"] == "date"}
    figures = {row["text"]: row["value"] for row in rows if row["kind"] == "figure"}
    assert dates["since last month"] == "2019-12"  # an interval: its start
    assert dates["on March 31, 2020"] == "2020-03-31"
    assert figures["35,000"] == 35000
    assert figures["two million"] == 2000000


def test_an_undated_article_keeps_only_dates_that_state_their_year(
    duckling: DucklingExtractor,
) -> None:
    rows = list(duckling.extract(Article("a", TEXT, published=None)))
    dates = [row["text"] for row in rows if row["kind"] == "date"]
    assert dates == ["on March 31, 2020"]


def test_figdate_eval_runs_duckling_over_the_seed_gold(figdate: Run) -> None:
    done = figdate("eval", "--extractor", "duckling", "--resamples", "0", "--no-cache")
    assert done.returncode == 0, done.stderr  # complete: no article failed
    assert "date    value" in done.stdout


def test_a_span_duckling_reads_twice_is_one_row(duckling: DucklingExtractor) -> None:
    text = "It agreed to pay a $107 million settlement."  # Duckling reads the money twice
    rows = list(duckling.extract(Article("a", text, published=dt.date(2000, 1, 1))))
    spans = [(r["kind"], r["start"], r["end"]) for r in rows]
    assert len(spans) == len(set(spans))
