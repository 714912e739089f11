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
    articles = rows["article"].tolist()
    before = [
        texts[a][max(0, x - CONTEXT) : x] for a, x in zip(articles, left.tolist(), strict=True)
    ]
    after = [texts[a][x : x + CONTEXT] for a, x in zip(articles, right.tolist(), strict=True)]
    span = [texts[a][x:y] for a, x, y in zip(articles, left.tolist(), right.tolist(), strict=True)]
    out = rows.rename(columns={"outcome": "error"}).assign(before=before, span=span, after=after)
    return out[list(COLUMNS)]
