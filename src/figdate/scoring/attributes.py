"""TempEval-3's attribute accuracy for TIMEX3 types: a view of the outcome table.

TempEval-3 scores a TIMEX3 attribute over the relaxed matches: of the gold dates paired with
a prediction (overlapping spans), the share whose prediction gives the same ``type``. A
prediction without a type counts as wrong; TempEval-3's type F1 is relaxed F1 times this.
Only gold dates with a type count, so the figure exists only for a TimeML dataset.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from figdate.core.vocabulary import Outcome

PAIRED = (str(Outcome.CORRECT), str(Outcome.WRONG_VALUE), str(Outcome.BOUNDARY))


def type_accuracy(outcomes: pd.DataFrame) -> dict[str, Any] | None:
    """``{"accuracy", "correct", "n", "missing"}`` over relaxed-paired gold dates with a
    TIMEX3 type (``missing``: predictions without one), or None when no gold date has one."""
    typed = outcomes[(outcomes["kind"] == "date") & outcomes["gold_type"].notna()]
    if typed.empty:
        return None
    paired = typed[typed["outcome"].isin(PAIRED)]
    correct = int((paired["gold_type"] == paired["predicted_type"]).sum())
    n = len(paired)
    return {
        "accuracy": correct / n if n else 0.0,
        "correct": correct,
        "n": n,
        "missing": int(paired["predicted_type"].isna().sum()),
    }
