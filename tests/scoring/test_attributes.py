"""TempEval-3's TIMEX3 type accuracy: over relaxed matches only, a prediction without a
type counts as wrong, and figdate's own gold (no types) has none."""

from __future__ import annotations

import pandas as pd

from figdate.core.model import Article
from figdate.scoring import score
from tests.scoring.helpers import GOLD_COLUMNS, PRED_COLUMNS, gold_row, row

TEXT = "On 5 March 2020 they met for two days; by 2021 every week brought talks."
ARTICLE = Article("a", TEXT)


def _gold() -> pd.DataFrame:
    rows = [gold_row(ARTICLE, "date", "5 March 2020", "2020-03-05"),
            gold_row(ARTICLE, "date", "two days", "P2D"), gold_row(ARTICLE, "date", "2021", "2021"),
            gold_row(ARTICLE, "date", "every week", "P1W")]  # fmt: skip
    frame = pd.DataFrame(rows, columns=GOLD_COLUMNS)
    return frame.assign(type=["DATE", "DURATION", "DATE", "SET"], mod=None)


def _predicted(needle: str, value: str, kind: str | None) -> dict[str, object]:
    start = TEXT.index(needle)
    return {**row("a", "date", start, start + len(needle), value, gold=False), "type": kind}


def test_type_accuracy_counts_relaxed_pairs_and_missing_types() -> None:
    pred = pd.DataFrame([
        _predicted("March 2020", "2020-03-05", "DATE"),  # overlapping: a relaxed pair, right
        _predicted("two days", "P2D", "DATE"),  # paired, wrong type
        _predicted("2021", "2021", None),  # paired, no type: wrong
    ], columns=[*PRED_COLUMNS, "type"])  # fmt: skip
    found = score(_gold(), pred, {"a": ARTICLE}, resamples=0).timex_type
    assert found == {"accuracy": 1 / 3, "correct": 1, "n": 3, "missing": 1}


def test_figdates_own_gold_has_no_type_accuracy() -> None:
    gold = _gold().drop(columns=["type", "mod"]).iloc[[0, 2]]
    pred = pd.DataFrame([_predicted("2021", "2021", "DATE")], columns=[*PRED_COLUMNS, "type"])
    assert score(gold, pred, {"a": ARTICLE}, resamples=0).timex_type is None
