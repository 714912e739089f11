"""Optimal one-to-one matching of predictions to gold mentions, per article and kind.

Each scheme defines which (gold, prediction) pairs are candidates. The matching is the
assignment that maximises, in this order: the number of pairs, the pairs with a required
(not optional) gold mention, the pairs with equal values, and the overlap. It depends only
on the sets of mentions, never on their order, unlike nervaluate and the TempEval-3 scorer,
which take the first overlapping prediction they meet.

It is computed for all articles at once: candidate pairs come from one sorted sweep; a pair
whose gold and prediction have no other candidate is matched outright; only the connected
groups of competing pairs go to one sparse assignment together, so time and memory follow
the number of competing pairs. Tangles where most spans overlap (``clusters``) are solved
as matrices before any of their pairs is listed.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components, min_weight_full_bipartite_matching

from figdate.core.vocabulary import FIGURE_CODE, N_KINDS, SCHEMES, SPAN_SCHEMES
from figdate.scoring import clusters
from figdate.scoring.criteria import features, plan, values_equal
from figdate.scoring.prepare import Prepared, Side

BAG_DIGITS = 9  # bag compares figures rounded to this many significant digits

Ints = np.ndarray


@dataclass
class Matches:
    """Counts per (article, kind, scheme), and pairs kept for errors and qualifier accuracy."""

    counts: np.ndarray  # [article, kind, scheme, (tp, fp, fn, neutral)]
    pairs_gold: Ints  # relaxed pairs, indices into Prepared.gold
    pairs_pred: Ints  # ... and into Prepared.pred
    value_gold: Ints  # value-scheme figure pairs with a required gold mention
    value_pred: Ints


def solve(gi: Ints, pj: Ints, levels: Sequence[np.ndarray]) -> np.ndarray:
    """Select an optimal matching among candidate pairs (gi[k], pj[k]); returns a mask.

    A pair whose gold and prediction have no other candidate is taken outright; all the
    other pairs go to one sparse assignment together (``_assign_sparse``)."""
    chosen = np.zeros(len(gi), dtype=bool)
    if len(gi) == 0:
        return chosen
    _, g_local = np.unique(gi, return_inverse=True)
    _, p_local = np.unique(pj, return_inverse=True)
    single = (np.bincount(g_local)[g_local] == 1) & (np.bincount(p_local)[p_local] == 1)
    chosen[single] = True
    rest = np.flatnonzero(~single)
    if len(rest):
        picked = _assign_sparse(g_local[rest], p_local[rest], [lv[rest] for lv in levels])
        chosen[rest[picked]] = True
    return chosen


def _assign_sparse(rows: Ints, cols: Ints, levels: Sequence[np.ndarray]) -> np.ndarray:
    """The pairs (rows[k], cols[k]) of a maximum matching, ties broken by ``levels`` in
    order (0 or 1, the last any value in [0, 1]); returns a mask over the pairs, which
    must be distinct.

    The groups of competing pairs are disjoint, so one solve over all of them is optimal
    for each: scipy's sparse ``min_weight_full_bipartite_matching``, so memory and time
    follow the number of pairs, never a group's area. A large group where most pairs
    compete (nested spans) is solved on its own by the dense ``linear_sum_assignment``,
    faster there and no bigger than its pairs. Levels become one weight per pair by
    Horner's scheme in base k + 1, k the most pairs its group can hold: the lower levels
    of all pairs of a group together stay below one unit of the level above."""
    chosen = np.zeros(len(rows), dtype=bool)
    if len(rows) == 0:
        return chosen
    _, r = np.unique(rows, return_inverse=True)
    _, c = np.unique(cols, return_inverse=True)
    n_r, n_c = int(r.max()) + 1, int(c.max()) + 1
    graph = coo_matrix((np.ones(len(r)), (r, n_r + c)), shape=(n_r + n_c,) * 2)
    n_groups, group = connected_components(graph, directed=False)
    size_r = np.bincount(group[:n_r], minlength=n_groups)
    size_c = np.bincount(group[n_r:], minlength=n_groups)
    pair_group = group[r]
    base = (np.minimum(size_r, size_c) + 1).astype(np.float64)[pair_group]
    weight = np.ones(len(r), dtype=np.float64)
    for level in levels:
        weight = weight * base + level
    n_pairs = np.bincount(pair_group, minlength=n_groups)
    area = size_r.astype(np.float64) * size_c
    dense = np.flatnonzero((area >= clusters.DENSE_AREA) & (n_pairs >= clusters.DENSE_SHARE * area))
    for g in dense:
        at = np.flatnonzero(pair_group == g)
        chosen[at[_assign_dense(r[at], c[at], weight[at])]] = True
    sparse = np.flatnonzero(~np.isin(pair_group, dense))
    if len(sparse):
        chosen[sparse[_full_matching(r[sparse], c[sparse], weight[sparse])]] = True
    return chosen


def _assign_dense(r: Ints, c: Ints, weight: np.ndarray) -> np.ndarray:
    """Mask of the pairs chosen by ``linear_sum_assignment`` on one group's matrix (cells
    that are no candidate weigh 0, below any pair, and are dropped from its answer)."""
    _, r = np.unique(r, return_inverse=True)
    _, c = np.unique(c, return_inverse=True)
    matrix = np.zeros((int(r.max()) + 1, int(c.max()) + 1), dtype=np.float64)
    matrix[r, c] = weight
    got_rows, got_cols = linear_sum_assignment(matrix, maximize=True)
    return _pairs_in(r, c, got_rows, got_cols, matrix.shape[1])


def _full_matching(r: Ints, c: Ints, weight: np.ndarray) -> np.ndarray:
    """Mask of the pairs of a maximum-weight matching (weights > 0), by the usual reduction
    to a full one: each row may pair with a dummy column of its own, each column with a
    dummy row, and the dummies of a candidate pair with each other. Every edge but the real
    ones weighs 1, a real pair 1 more than its weight, so a full matching totals
    rows + columns + the weight of the real pairs it holds."""
    _, r = np.unique(r, return_inverse=True)
    _, c = np.unique(c, return_inverse=True)
    n_r, n_c = int(r.max()) + 1, int(c.max()) + 1
    edge_rows = np.concatenate([r, np.arange(n_r), n_r + np.arange(n_c), n_r + c])
    edge_cols = np.concatenate([c, n_c + np.arange(n_r), np.arange(n_c), n_c + r])
    data = np.ones(len(edge_rows), dtype=np.float64)
    data[: len(r)] = weight + 1.0
    size = n_r + n_c
    reduced = csr_matrix((data, (edge_rows, edge_cols)), shape=(size, size))
    got_rows, got_cols = min_weight_full_bipartite_matching(reduced, maximize=True)
    real = (got_rows < n_r) & (got_cols < n_c)
    return _pairs_in(r, c, got_rows[real], got_cols[real], n_c)


def _pairs_in(r: Ints, c: Ints, got_rows: Ints, got_cols: Ints, n_c: int) -> np.ndarray:
    """Mask of the pairs (r[k], c[k]) that are among (got_rows, got_cols)."""
    key = r.astype(np.int64) * n_c + c
    order = np.argsort(key, kind="stable")
    got = got_rows.astype(np.int64) * n_c + got_cols
    at = np.searchsorted(key[order], got)
    found = at < len(key)
    found[found] = key[order][at[found]] == got[found]
    chosen = np.zeros(len(r), dtype=bool)
    chosen[order[at[found]]] = True
    return chosen


def overlapping_pairs(gold: Side, pred: Side, skip: np.ndarray | None = None) -> tuple[Ints, Ints]:
    """Every (gold, located prediction) pair of the same article and kind whose spans overlap,
    but for the predictions in ``skip`` (a mask: those of dense clusters).

    Groups are laid end to end on one axis (group * stride + offset), so one searchsorted
    over the gold starts finds, for each prediction, the few gold spans that can overlap it.
    """
    located = np.flatnonzero(pred.located if skip is None else pred.located & ~skip)
    if len(gold.start) == 0 or len(located) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    stride = int(max(gold.end.max(), pred.end[located].max())) + 1
    g_key = (gold.article * N_KINDS + gold.kind) * stride
    p_key = (pred.article[located] * N_KINDS + pred.kind[located]) * stride
    g_start, g_end = g_key + gold.start, g_key + gold.end
    p_start, p_end = p_key + pred.start[located], p_key + pred.end[located]
    order = np.argsort(g_start, kind="stable")
    sorted_start = g_start[order]
    longest = int((gold.end - gold.start).max())
    lo = np.searchsorted(sorted_start, p_start - longest, side="right")
    hi = np.searchsorted(sorted_start, p_end, side="left")
    width = np.clip(hi - lo, 0, None)
    pj = np.repeat(np.arange(len(located)), width)
    gi = order[_ranges(lo, width)]
    keep = g_end[gi] > p_start[pj]
    return gi[keep], located[pj[keep]]


BLOCK_ROWS = 1_000_000
"""Gold and predicted rows matched at a time: whole articles, so a block's matching is the
whole's; the arrays of candidate pairs and their features, a few times the rows, are made
per block, so a corpus of any size costs the block's transient memory, not its own."""


def match(data: Prepared, block_rows: int = BLOCK_ROWS) -> Matches:
    """Match under every scheme and count per article and kind, a block of whole articles
    at a time (the sides are sorted by article: a block is a view of each)."""
    n = len(data.articles)
    g_at = np.searchsorted(data.gold.article, np.arange(n + 1))
    p_at = np.searchsorted(data.pred.article, np.arange(n + 1))
    rows = g_at + p_at
    bounds = [0]
    while bounds[-1] < n:
        first = bounds[-1]
        end = int(np.searchsorted(rows, rows[first] + block_rows, side="right")) - 1
        bounds.append(min(n, max(end, first + 1)))
    if len(bounds) <= 2:
        return _match_block(data)
    parts = []
    for a0, a1 in itertools.pairwise(bounds):
        part = dataclasses.replace(
            data,
            articles=data.articles[a0:a1],
            gold=_slice(data.gold, g_at[a0], g_at[a1], a0),
            pred=_slice(data.pred, p_at[a0], p_at[a1], a0),
        )
        found = _match_block(part)
        g0, p0 = int(g_at[a0]), int(p_at[a0])
        parts.append(
            Matches(
                found.counts,
                found.pairs_gold + g0,
                found.pairs_pred + p0,
                found.value_gold + g0,
                found.value_pred + p0,
            )
        )
    return Matches(*(np.concatenate([getattr(m, f) for m in parts]) for f in _FIELDS))


_FIELDS = ("counts", "pairs_gold", "pairs_pred", "value_gold", "value_pred")


def _slice(side: Side, lo: int, hi: int, first_article: int) -> Side:
    """Rows lo:hi of a side (views), article codes counted from ``first_article``."""
    cut = {
        f.name: getattr(side, f.name)[lo:hi]
        for f in dataclasses.fields(side)
        if f.name not in ("frame", "article")
    }
    return dataclasses.replace(side, article=side.article[lo:hi] - first_article, **cut)


def _match_block(data: Prepared) -> Matches:
    gold, pred = data.gold, data.pred
    shape = (len(data.articles), N_KINDS)
    counts = np.zeros((*shape, len(SCHEMES), 4), dtype=np.int64)
    dense = clusters.dense_clusters(gold, pred)
    gi, pj = overlapping_pairs(gold, pred, skip=dense.predictions())
    pair_features = features(gold, gi, pred, pj)
    n_located = _per_group(pred, pred.located, shape)
    kept: dict[str, tuple[Ints, Ints]] = {}
    for s, scheme in enumerate(SPAN_SCHEMES):
        mask, levels = plan(scheme, *pair_features)
        idx = np.arange(len(gi)) if mask is None else np.flatnonzero(mask)
        chosen = idx[solve(gi[idx], pj[idx], [lv[idx] for lv in levels])]
        dense_g, dense_p = clusters.solve_dense(gold, pred, dense, scheme)
        kept[scheme] = (np.r_[gi[chosen], dense_g], np.r_[pj[chosen], dense_p])
        counts[:, :, s] = _counts(gold, kept[scheme][0], n_located, shape)
    bag_g, _ = bag_pairs(gold, pred)
    counts[:, :, len(SPAN_SCHEMES)] = _counts(gold, bag_g, _per_group(pred, None, shape), shape)
    value_g, value_p = kept["value"]
    figure = (gold.kind[value_g] == FIGURE_CODE) & ~gold.optional[value_g]
    if counts.size and counts.max() < 2**31:  # half the memory: 40 counts an article
        counts = counts.astype(np.int32)
    return Matches(counts, *kept["relaxed"], value_g[figure], value_p[figure])


def _per_group(side: Side, mask: np.ndarray | None, shape: tuple[int, int]) -> np.ndarray:
    weights = None if mask is None else mask.astype(np.float64)
    flat = np.bincount(
        side.article * N_KINDS + side.kind, weights=weights, minlength=shape[0] * shape[1]
    )
    return flat.reshape(shape).astype(np.int64)


def _counts(
    gold: Side, matched_gold: Ints, n_pred: np.ndarray, shape: tuple[int, int]
) -> np.ndarray:
    """(tp, fp, fn, neutral) per group from the matched gold indices."""
    required = ~gold.optional
    req_matched = required[matched_gold]
    tp = _bincount(gold, matched_gold[req_matched], shape)
    neutral = _bincount(gold, matched_gold[~req_matched], shape)
    n_required = _bincount(gold, np.flatnonzero(required), shape)
    return np.stack([tp, n_pred - tp - neutral, n_required - tp, neutral], axis=-1)


def _bincount(side: Side, index: Ints, shape: tuple[int, int]) -> np.ndarray:
    groups = side.article[index] * N_KINDS + side.kind[index]
    return np.bincount(groups, minlength=shape[0] * shape[1]).reshape(shape)


def bag_pairs(gold: Side, pred: Side) -> tuple[Ints, Ints]:
    """Multiset matching of values per article and kind, spans ignored: equal values pair
    up, required gold first; gold without a value (a wildcard) takes what is left."""
    if len(gold.article) == 0 or len(pred.article) == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    g_key, p_key = _bag_keys(gold, pred)
    g_group, p_group = gold.article * N_KINDS + gold.kind, pred.article * N_KINDS + pred.kind
    wild_groups = np.unique(g_group[gold.empty])
    g_wild, p_wild = np.isin(g_group, wild_groups), np.isin(p_group, wild_groups)
    gi, pj = _bag_by_rank(gold, g_key, ~g_wild, p_key, ~p_wild)
    # Rare (relative dates of undated articles, vague optionals): all the groups with a
    # wildcard gold are one assignment over their pairs of equal values.
    wg, wp = _same_group_pairs(g_group, np.flatnonzero(g_wild), p_group, np.flatnonzero(p_wild))
    equal = values_equal(gold, wg, pred, wp)
    wg, wp = wg[equal], wp[equal]
    levels = [(~gold.optional[wg]).astype(np.float64), (~gold.empty[wg]).astype(np.float64)]
    chosen = _assign_sparse(wg, wp, levels)
    return np.concatenate([gi, wg[chosen]]), np.concatenate([pj, wp[chosen]])


def _same_group_pairs(g_group: Ints, g: Ints, p_group: Ints, p: Ints) -> tuple[Ints, Ints]:
    """Every (gold, prediction) pair among ``g`` and ``p`` that share a group."""
    p = p[np.argsort(p_group[p], kind="stable")]
    lo = np.searchsorted(p_group[p], g_group[g], side="left")
    width = np.searchsorted(p_group[p], g_group[g], side="right") - lo
    return np.repeat(g, width), p[_ranges(lo, width)]


def _ranges(lo: Ints, width: Ints) -> Ints:
    """lo[0], lo[0] + 1, ..., lo[0] + width[0] - 1, lo[1], ...: the runs laid end to end."""
    offsets = np.arange(width.sum()) - np.repeat(np.cumsum(width) - width, width)
    return np.asarray(np.repeat(lo, width) + offsets, dtype=np.int64)


def _bag_keys(gold: Side, pred: Side) -> tuple[Ints, Ints]:
    """One integer per (article, kind, value), shared by both sides."""
    numbers = np.concatenate([gold.number, pred.number])
    with np.errstate(divide="ignore", invalid="ignore"):
        magnitude = np.floor(np.log10(np.abs(numbers)))
        scale = 10.0 ** (np.nan_to_num(magnitude, neginf=0.0) - (BAG_DIGITS - 1))
        rounded = np.round(numbers / scale) * scale
    number_key = np.where(np.isnan(numbers), -1.0, rounded)  # figures are never negative
    iso = np.concatenate([gold.iso, pred.iso])
    number_code = pd.factorize(number_key)[0]
    iso_code = np.full(len(iso), -1, dtype=np.int64)
    dated = np.flatnonzero(iso != "")  # an object array: no string dtype inferred
    iso_code[dated] = pd.factorize(iso[dated])[0]
    value, values_seen = pd.factorize(number_code.astype(np.int64) * (len(iso) + 1) + iso_code + 1)
    group = np.concatenate([gold.article, pred.article]) * N_KINDS + np.concatenate(
        [gold.kind, pred.kind]
    )
    codes = group.astype(np.int64) * max(len(values_seen), 1) + value
    return codes[: len(gold.article)], codes[len(gold.article) :]


def _bag_by_rank(
    gold: Side, g_key: Ints, g_mask: np.ndarray, p_key: Ints, p_mask: np.ndarray
) -> tuple[Ints, Ints]:
    """Within each value, the r-th prediction pairs with the r-th gold (required first)."""
    g = np.flatnonzero(g_mask)
    p = np.flatnonzero(p_mask)
    g = g[np.lexsort((gold.optional[g], g_key[g]))]
    p = p[np.argsort(p_key[p], kind="stable")]
    g_rank = _rank_within(g_key[g])
    p_rank = _rank_within(p_key[p])
    left = pd.DataFrame({"key": g_key[g], "rank": g_rank, "gi": g})
    right = pd.DataFrame({"key": p_key[p], "rank": p_rank, "pj": p})
    joined = left.merge(right, on=["key", "rank"], how="inner")
    return joined["gi"].to_numpy(np.int64), joined["pj"].to_numpy(np.int64)


def _rank_within(sorted_keys: Ints) -> Ints:
    """0, 1, 2, ... within each run of equal keys."""
    if len(sorted_keys) == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_keys)) + 1]
    run_start = np.repeat(starts, np.diff(np.r_[starts, len(sorted_keys)]))
    return np.asarray(np.arange(len(sorted_keys)) - run_start, dtype=np.int64)
