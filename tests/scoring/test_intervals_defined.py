"""Bootstrap intervals leave out resamples where a ratio is undefined, and a kind nobody
predicted is noted (figdate 0.1 showed 3/3 precision with the interval [0.00, 1.00])."""

from __future__ import annotations

import numpy as np

import figdate
from figdate.goldset.store import GoldSet
from figdate.scoring.metrics import summary


def test_an_interval_ignores_resamples_without_predictions() -> None:
    counts = np.zeros((5, 2, 1, 4))
    counts[0, 0, 0] = [3, 0, 0, 0]  # three right figures, all in one article of five
    counts[1:, 0, 0, 2] = 1  # one missed figure in each other article
    row = summary(counts, ("value",), resamples=500, seed=0).iloc[0]
    assert row["precision"] == 1.0
    assert (row["precision_low"], row["precision_high"]) == (1.0, 1.0)
    assert row["recall_low"] < row["recall"] < row["recall_high"]  # recall varies, as it should


def test_a_kind_never_predicted_is_noted(gold_set: GoldSet) -> None:
    figures = gold_set.mentions[(gold_set.mentions["kind"] == "figure")].head(2)
    rows = figures[["article_id", "kind", "start", "end", "text", "value"]].to_dict("records")
    notes = figdate.score(rows, gold_set, resamples=0).score.notes
    assert "no date predictions: date precision and F1 are 0 by convention" in notes
    assert not any(n.startswith("no figure predictions") for n in notes)
