"""Tallies of disjoint parts of a corpus, merged and summarised, give the numbers of scoring
the whole at once (what the Spark engine relies on)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figdate.scoring import score
from figdate.scoring.score import summarise
from figdate.scoring.tally import Tally, merge, tally
from tests.scoring.test_properties import ARTICLES, gold_frame, pred_frame, spans


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@settings(max_examples=100, deadline=None)
@given(spans(gold=True, max_size=12), spans(gold=False, max_size=12), st.data())
def test_merged_parts_score_as_the_whole(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], data: st.DataObject
) -> None:
    names = sorted(ARTICLES)
    parts = data.draw(st.lists(st.sampled_from([0, 1]), min_size=len(names), max_size=len(names)))
    g, p = gold_frame(gold), pred_frame(pred)
    whole = score(g, p, ARTICLES, resamples=50, seed=1)
    tallies = []
    for k in (1, 0):  # the second part first: merge sorts the articles
        mine = {n for n, part in zip(names, parts, strict=True) if part == k}
        known = {n: a for n, a in ARTICLES.items() if n in mine}
        tallies.append(
            tally(g[g["article_id"].isin(mine)], p[p["article_id"].isin(mine)], known)[0]
        )
    merged = summarise(merge(tallies), resamples=50, seed=1)
    assert merged.articles == whole.articles
    assert np.array_equal(merged.counts, whole.counts)
    pd.testing.assert_frame_equal(merged.summary, whole.summary)
    assert (merged.qualifier, merged.notes) == (whole.qualifier, whole.notes)


def test_an_article_in_two_parts_is_refused() -> None:
    counts = np.zeros((1, 2, 5, 4), dtype=np.int64)
    with pytest.raises(ValueError, match="two parts"):
        merge([Tally(["a"], counts), Tally(["a"], counts)])


def test_a_merged_score_says_it_has_no_outcome_table() -> None:
    empty = merge([])
    with pytest.raises(ValueError, match="no outcome table"):
        _ = summarise(empty, resamples=0).errors
