"""What each scheme asks of a (gold, prediction) pair, defined once for the two places that
weigh pairs: the sparse path (arrays of pairs) and dense clusters (blocks of a matrix).

A scheme names the pairs that are candidates and the levels that break ties, most
important first (``figdate.scoring.matching`` says how they are combined).
"""

from __future__ import annotations

import numpy as np

from figdate.core.vocabulary import FIGURE_CODE
from figdate.scoring.prepare import Side

FIGURE_REL_TOL = 1e-9


def values_equal(gold: Side, gi: np.ndarray, pred: Side, pj: np.ndarray) -> np.ndarray:
    """Value equality for index arrays (broadcastable): an empty gold value matches anything;
    figures within a relative tolerance of 1e-9; dates as day-truncated ISO strings."""
    g_num, p_num = gold.number[gi], pred.number[pj]
    close = np.abs(g_num - p_num) <= FIGURE_REL_TOL * np.maximum(np.abs(g_num), np.abs(p_num))
    same_iso = gold.iso[gi] == pred.iso[pj]
    is_figure = gold.kind[gi] == FIGURE_CODE
    equal = gold.empty[gi] | (~pred.empty[pj] & np.where(is_figure, close, same_iso))
    return np.asarray(equal, dtype=bool)


def plan(
    scheme: str, same: np.ndarray, equal: np.ndarray, required: np.ndarray, share: np.ndarray
) -> tuple[np.ndarray | None, list[np.ndarray]]:
    """(candidate mask or None for every pair, tie-break levels) of a span scheme, from
    each pair's features: same span, equal values, required gold (as 0/1), overlap share."""
    eq = equal.astype(np.float64)
    plans: dict[str, tuple[np.ndarray | None, list[np.ndarray]]] = {
        "strict": (same & equal, [required]),
        "exact": (same, [required, eq]),
        "relaxed": (None, [required, eq, share]),
        "value": (equal, [required, share]),
    }
    return plans[scheme]


def features(
    gold: Side, gi: np.ndarray, pred: Side, pj: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(same span, equal values, required gold as 0/1, overlap share) of pairs given as
    index arrays (broadcastable: a column of gold against a row of predictions)."""
    g_start, g_end, p_start, p_end = gold.start[gi], gold.end[gi], pred.start[pj], pred.end[pj]
    overlap = np.minimum(g_end, p_end) - np.maximum(g_start, p_start)
    length = np.maximum(g_end - g_start, p_end - p_start)
    share = overlap / np.maximum(length, 1)
    same = (g_start == p_start) & (g_end == p_end)
    equal = values_equal(gold, gi, pred, pj)
    required = (~gold.optional[gi]).astype(np.float64)
    return same, equal, np.broadcast_to(required, share.shape), share
