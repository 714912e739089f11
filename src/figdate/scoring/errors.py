"""The error list: what a person reads to see why an extractor lost points.

A view of the outcome table: its missed, spurious, wrong value and boundary rows (the
outcome column named ``error``), each with 40 characters of context either side.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from figdate.core.vocabulary import ERRORS
from figdate.scoring.outcomes import COLUMNS as OUTCOME_COLUMNS

CONTEXT = 40
ERROR_TYPES = tuple(str(e) for e in ERRORS)
SPANS_AND_VALUES = OUTCOME_COLUMNS[
    OUTCOME_COLUMNS.index("start") : OUTCOME_COLUMNS.index("same_span")
]
COLUMNS = ("article", "kind", "error", *SPANS_AND_VALUES, "before", "span", "after")
"""``span`` is the text from the first start to the last end of the gold and predicted spans,
so that ``before + span + after`` quotes the article as it is."""


def error_list(outcomes: pd.DataFrame, texts: Mapping[str, str]) -> pd.DataFrame:
    """One row per error, ordered by article and position (the outcome table's order)."""
    rows = outcomes[outcomes["outcome"].isin(ERROR_TYPES)].reset_index(drop=True)
    gold = rows["start"].notna().to_numpy()
    pred = rows["predicted_start"].notna().to_numpy()
    g_start = rows["start"].fillna(0).to_numpy(np.int64)
    g_end = rows["end"].fillna(0).to_numpy(np.int64)
    p_start = rows["predicted_start"].fillna(0).to_numpy(np.int64)
    p_end = rows["predicted_end"].fillna(0).to_numpy(np.int64)
    both = gold & pred
    left = np.where(both, np.minimum(g_start, p_start), np.where(gold, g_start, p_start))
    right = np.where(both, np.maximum(g_end, p_end), np.where(gold, g_end, p_end))
    # one lookup of the article's text per row; object columns, as in the outcome table
    # (pandas 3 would infer Arrow strings, at twice the cost of the slicing)
    text = [texts[a] for a in rows["article"].tolist()]
    lo, x, y = np.maximum(left - CONTEXT, 0).tolist(), left.tolist(), right.tolist()
    context = {
        "before": [t[a:b] for t, a, b in zip(text, lo, x, strict=True)],
        "span": [t[a:b] for t, a, b in zip(text, x, y, strict=True)],
        "after": [t[b : b + CONTEXT] for t, b in zip(text, y, strict=True)],
    }
    out = rows.rename(columns={"outcome": "error"}).assign(
        **{
            name: pd.Series(values, index=rows.index, dtype=object)
            for name, values in context.items()
        }
    )
    return out[list(COLUMNS)]
