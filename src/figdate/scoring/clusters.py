"""Dense clusters of overlapping spans, scored as matrices without listing their pairs.

Where many gold and predicted spans nest in one another (a 5,000 x 5,000 tangle), listing
every candidate pair costs a dozen arrays of 25 million entries. A sweep over the spans
finds the clusters of overlapping spans per article and kind first (merged intervals: a
coarser partition than the groups of competing pairs, so solving a cluster at once stays
optimal), counts each cluster's pairs without listing them, and a cluster that is large
and mostly pairs is solved here: its weight matrix is filled a block of rows at a time and
handed to ``linear_sum_assignment``. Everything else goes to the sparse path as before.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from figdate.core.vocabulary import N_KINDS
from figdate.scoring.criteria import features, plan
from figdate.scoring.prepare import Side

DENSE_AREA = 10_000  # a cluster this large (gold x predictions) ...
DENSE_SHARE = 0.5  # ... with at least this share of its cells candidates is solved densely
BLOCK_CELLS = 1 << 20  # cells of the weight matrix filled at a time

Ints = np.ndarray


@dataclass(frozen=True)
class Dense:
    """The dense clusters: each one's gold and prediction indices (in array order)."""

    gold: list[Ints]
    pred: list[Ints]
    n_pred: int  # predictions in all

    def predictions(self) -> np.ndarray:
        """Mask of the predictions in dense clusters."""
        mask = np.zeros(self.n_pred, dtype=bool)
        for p in self.pred:
            mask[p] = True
        return mask


def dense_clusters(gold: Side, pred: Side) -> Dense:
    """The clusters to solve as matrices; empty when there are none (the usual case)."""
    located = np.flatnonzero(pred.located)
    if len(gold.start) == 0 or len(located) == 0:
        return Dense([], [], len(pred.start))
    stride = int(max(gold.end.max(), pred.end[located].max())) + 1
    g_base = (gold.article * N_KINDS + gold.kind) * stride
    p_base = (pred.article[located] * N_KINDS + pred.kind[located]) * stride
    starts = np.concatenate([g_base + gold.start, p_base + pred.start[located]])
    ends = np.concatenate([g_base + gold.end, p_base + pred.end[located]])
    order = np.argsort(starts, kind="stable")
    reach = np.maximum.accumulate(ends[order])  # groups lie end to end: no reset needed
    opens = np.r_[True, starts[order][1:] >= reach[:-1]]
    cluster = np.empty(len(starts), dtype=np.int64)
    cluster[order] = np.cumsum(opens) - 1
    g_cluster, p_cluster = cluster[: len(gold.start)], cluster[len(gold.start) :]
    n = int(cluster.max()) + 1
    n_gold = np.bincount(g_cluster, minlength=n).astype(np.float64)
    n_pred = np.bincount(p_cluster, minlength=n).astype(np.float64)
    per_prediction = _pairs_per_prediction(g_base, gold, p_base, pred, located)
    pairs = np.bincount(p_cluster, weights=per_prediction, minlength=n)
    area = n_gold * n_pred
    dense = np.flatnonzero((area >= DENSE_AREA) & (pairs >= DENSE_SHARE * area))
    if len(dense) == 0:
        return Dense([], [], len(pred.start))
    return Dense(
        [np.flatnonzero(g_cluster == c) for c in dense.tolist()],
        [located[p_cluster == c] for c in dense.tolist()],
        len(pred.start),
    )


def _pairs_per_prediction(
    g_base: Ints, gold: Side, p_base: Ints, pred: Side, located: Ints
) -> np.ndarray:
    """How many gold spans each located prediction overlaps: those starting before its
    end, less those ending at or before its start (a subset of the first)."""
    g_start = np.sort(g_base + gold.start)
    g_end = np.sort(g_base + gold.end)
    before_end = np.searchsorted(g_start, p_base + pred.end[located], side="left")
    ended = np.searchsorted(g_end, p_base + pred.start[located], side="right")
    return np.asarray(before_end - ended, dtype=np.float64)


def solve_dense(gold: Side, pred: Side, dense: Dense, scheme: str) -> tuple[Ints, Ints]:
    """(gold, prediction) indices of the pairs ``scheme`` matches in the dense clusters:
    ``linear_sum_assignment`` on each cluster's weights, negated in place (it minimises,
    and negating a copy would double the memory); cells that are no candidate weigh 0 and
    are dropped from its answer."""
    out_g, out_p = [np.empty(0, dtype=np.int64)], [np.empty(0, dtype=np.int64)]
    for g, p in zip(dense.gold, dense.pred, strict=True):
        weight = _weights(gold, g, pred, p, scheme)
        np.negative(weight, out=weight)
        rows, cols = linear_sum_assignment(weight)
        real = weight[rows, cols] < 0
        out_g.append(g[rows[real]])
        out_p.append(p[cols[real]])
    return np.concatenate(out_g), np.concatenate(out_p)


def _weights(gold: Side, g: Ints, pred: Side, p: Ints, scheme: str) -> np.ndarray:
    """The cluster's gold x prediction weights, as ``matching`` weighs a pair (Horner's
    scheme in base k + 1 over the scheme's levels, k the most pairs it can hold), 0 where
    the spans do not overlap or the scheme refuses the pair; a block of rows at a time."""
    base = float(min(len(g), len(p)) + 1)
    weight = np.zeros((len(g), len(p)), dtype=np.float64)
    step = max(1, BLOCK_CELLS // max(len(p), 1))
    for top in range(0, len(g), step):
        rows = g[top : top + step, None]
        overlaps = (gold.start[rows] < pred.end[p]) & (gold.end[rows] > pred.start[p])
        mask, levels = plan(scheme, *features(gold, rows, pred, p[None, :]))
        block = np.ones(overlaps.shape, dtype=np.float64)
        for level in levels:
            block = block * base + level
        keep = overlaps if mask is None else overlaps & mask
        weight[top : top + step] = np.where(keep, block, 0.0)
    return weight
