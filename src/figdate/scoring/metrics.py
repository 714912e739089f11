"""Precision, recall and F1 from counts; micro and macro averages; bootstrap intervals.

Counts arrive as an array ``[article, kind, scheme, (tp, fp, fn, neutral)]``. Every ratio
with a zero denominator is defined as 0 (and the report notes why), so no input raises.
Intervals resample articles, the unit a benchmark of articles actually samples.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

from figdate.core.vocabulary import REPORT_KINDS as KINDS

__all__ = ["KINDS", "paired_bootstrap", "per_article", "prf", "summary"]

TP, FP, FN, NEUTRAL = range(4)


def ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den, 0 where den is 0."""
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    out = np.zeros(np.broadcast(num, den).shape, dtype=np.float64)
    np.divide(num, den, out=out, where=den > 0)
    return out


def prf(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, f1) over the last axis (tp, fp, fn, ...)."""
    tp, fp, fn = counts[..., TP], counts[..., FP], counts[..., FN]
    precision = ratio(tp, tp + fp)
    recall = ratio(tp, tp + fn)
    f1 = ratio(2 * tp, 2 * tp + fp + fn)
    return precision, recall, f1


def with_all_kinds(counts: np.ndarray) -> np.ndarray:
    """Append the 'all' kind (figure + date) on axis 1: [article, kind(3), scheme, 4]."""
    return np.concatenate([counts, counts.sum(axis=1, keepdims=True, dtype=counts.dtype)], axis=1)


BLOCK_CELLS = 4_000_000  # resamples x articles drawn at a time: bounds the bootstrap's memory


def resampled(arrays: Sequence[np.ndarray], resamples: int, seed: int) -> list[np.ndarray]:
    """Each array ``[article, ...]`` summed over each of ``resamples`` resamples of the
    articles drawn with replacement: ``[resample, ...]``, the same resamples for every array
    (a paired bootstrap needs that).

    Articles are drawn a block at a time: how many of a resample's n draws land in the
    block is binomial given the draws left, and within the block they are uniform, so each
    resample is one multinomial draw as if made at once, in memory bounded by BLOCK_CELLS
    whatever the number of articles."""
    n = arrays[0].shape[0]
    flats = [a.reshape(n, -1) for a in arrays]
    sums = [np.zeros((resamples, f.shape[1]), dtype=np.float64) for f in flats]
    rng = np.random.default_rng(seed)
    left = np.full(resamples, n, dtype=np.int64)
    block = max(1, BLOCK_CELLS // max(resamples, 1))
    for lo in range(0, n, block):
        size = min(block, n - lo)
        here = left if lo + size == n else rng.binomial(left, size / (n - lo))
        left = left - here
        cell = np.repeat(np.arange(resamples) * size, here) + rng.integers(0, size, here.sum())
        weights = np.bincount(cell, minlength=resamples * size).reshape(resamples, size)
        for total, flat in zip(sums, flats, strict=True):
            total += weights.astype(np.float64) @ flat[lo : lo + size].astype(np.float64)
    return [t.reshape((resamples, *a.shape[1:])) for t, a in zip(sums, arrays, strict=True)]


def _defined(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(precision, recall, f1) of resampled counts, NaN where a resample leaves the ratio
    undefined (no predictions drawn, say): such a resample says nothing about it, and
    counting it as 0 would drag the interval of a 3/3 precision down to 0."""
    tp, fp, fn = counts[..., TP], counts[..., FP], counts[..., FN]
    out = []
    for num, den in ((tp, tp + fp), (tp, tp + fn), (2 * tp, 2 * tp + fp + fn)):
        value = np.full(np.broadcast(num, den).shape, np.nan)
        np.divide(num, den, out=value, where=den > 0)
        out.append(value)
    return out[0], out[1], out[2]


def _percentiles(boot: np.ndarray, point: np.ndarray, qs: tuple[float, float]) -> np.ndarray:
    """The percentiles over the resamples where the ratio is defined; the point value
    where it is defined in none."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN slices: handled below
        bounds = np.nanpercentile(boot, list(qs), axis=0)
    return np.where(np.isnan(bounds), point[None, ...], bounds)


def _macro(cell: np.ndarray) -> list[float]:
    """Macro P/R/F1 of one kind and scheme over the articles that have gold or predictions."""
    mask = cell[:, TP] + cell[:, FP] + cell[:, FN] > 0
    if not mask.any():
        return [0.0, 0.0, 0.0]
    return [float(m.mean()) for m in prf(cell[mask])]


def summary(
    counts: np.ndarray, schemes: tuple[str, ...], *, resamples: int, seed: int, level: float = 0.95
) -> pd.DataFrame:
    """One row per scheme and kind: micro counts and P/R/F1 with bootstrap intervals, and
    macro P/R/F1 over the articles that have gold or predictions of that kind."""
    # 32-bit counts where they fit: at a million articles the table and its resampling
    # are half the size (a count per article and cell is far below 2^31)
    small = counts.size == 0 or int(counts.max()) < 2**30
    full = with_all_kinds(counts.astype(np.int32) if small else counts)
    micro = full.sum(axis=0, dtype=np.int64)  # [kind, scheme, 4]
    p, r, f = prf(micro)
    low_q, high_q = (1 - level) / 2 * 100, (1 + level) / 2 * 100
    if full.shape[0] and resamples:
        boot = _defined(resampled([full], resamples, seed)[0])
        bounds = [_percentiles(b, m, (low_q, high_q)) for b, m in zip(boot, (p, r, f), strict=True)]
    else:
        bounds = [np.stack([m, m]) for m in (p, r, f)]
    rows = []
    for k, kind in enumerate(KINDS):
        for s, scheme in enumerate(schemes):
            macro = _macro(full[:, k, s, :])  # one cell at a time: no [article, ...] floats
            tp, fp, fn, neutral = (int(x) for x in micro[k, s])
            row: dict[str, object] = {
                "scheme": scheme,
                "kind": kind,
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "neutral": neutral,
            }
            for name, value, bound in zip(
                ("precision", "recall", "f1"), (p, r, f), bounds, strict=True
            ):
                row[name] = float(value[k, s])
                row[f"{name}_low"] = float(bound[0][k, s])
                row[f"{name}_high"] = float(bound[1][k, s])
            row.update(macro_precision=macro[0], macro_recall=macro[1], macro_f1=macro[2])
            rows.append(row)
    return pd.DataFrame(rows)


def per_article(counts: np.ndarray, articles: list[str], schemes: tuple[str, ...]) -> pd.DataFrame:
    """One row per article, kind and scheme with counts and P/R/F1."""
    full = with_all_kinds(counts)
    p, r, f = prf(full)
    index = pd.MultiIndex.from_product(
        [articles, KINDS, schemes], names=["article", "kind", "scheme"]
    )
    frame = pd.DataFrame(
        full.reshape(-1, 4), index=index, columns=["tp", "fp", "fn", "neutral"]
    ).reset_index()
    frame["precision"], frame["recall"], frame["f1"] = p.ravel(), r.ravel(), f.ravel()
    return frame


def paired_bootstrap(
    counts_a: np.ndarray,
    counts_b: np.ndarray,
    schemes: tuple[str, ...],
    *,
    resamples: int,
    seed: int,
) -> pd.DataFrame:
    """F1 of B minus F1 of A (``vocabulary.CHANGE``) per scheme and kind, with the paired
    bootstrap p-value of Berg-Kirkpatrick et al. (2012): the share of resamples whose
    difference exceeds twice the observed one in the observed direction (how often chance
    alone gives the edge)."""
    full_a, full_b = with_all_kinds(counts_a), with_all_kinds(counts_b)
    f_a, f_b = prf(full_a.sum(axis=0))[2], prf(full_b.sum(axis=0))[2]
    delta = f_b - f_a
    sums_a, sums_b = resampled([full_a, full_b], resamples, seed)
    boot = prf(sums_b)[2] - prf(sums_a)[2]
    sign = np.sign(delta)
    exceed = (boot * sign) > (2 * np.abs(delta))
    p_value = np.where(delta == 0, 1.0, exceed.mean(axis=0))
    rows = []
    for k, kind in enumerate(KINDS):
        for s, scheme in enumerate(schemes):
            rows.append(
                {
                    "scheme": scheme,
                    "kind": kind,
                    "f1_a": float(f_a[k, s]),
                    "f1_b": float(f_b[k, s]),
                    "delta": float(delta[k, s]),
                    "p_value": float(p_value[k, s]),
                }
            )
    return pd.DataFrame(rows)
