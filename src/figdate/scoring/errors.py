"""The error list: what a person reads to see why an extractor lost points.

Errors come from the relaxed matching (overlapping spans, the same kind): an unpaired
required gold mention is *missed*, an unpaired prediction *spurious*, a pair with unequal
values a *wrong value*, a pair with equal values but other offsets a *boundary* mismatch.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from figdate.model import Article
from figdate.scoring.matching import Matches, values_equal
from figdate.scoring.prepare import Prepared, Side
from figdate.values import format_figure

CONTEXT = 40
ERROR_TYPES = ("missed", "spurious", "wrong value", "boundary")
COLUMNS = (
    "article",
    "kind",
    "error",
    "start",
    "end",
    "text",
    "gold_value",
    "predicted_value",
    "predicted_start",
    "predicted_end",
    "predicted_text",
    "before",
    "after",
)


def shown_values(side: Side, index: np.ndarray) -> list[str | None]:
    """Values as a report shows them; None where ``index`` is -1 (no mention on this side)."""
    if len(side.kind) == 0:
        return [None] * len(index)
    safe = np.where(index >= 0, index, 0)
    number = side.number[safe]
    whole = np.isfinite(number) & (number == np.floor(number)) & (np.abs(number) < 2**53)
    shown = np.where(whole, np.where(whole, number, 0).astype(np.int64).astype(str), "")
    out: list[str | None] = []
    for i, k, text, is_whole in zip(
        index.tolist(), safe.tolist(), shown.tolist(), whole.tolist(), strict=True
    ):
        if i < 0:
            out.append(None)
        elif side.empty[k]:
            out.append("")
        elif side.kind[k] == 0:
            out.append(text if is_whole else format_figure(float(side.number[k])))
        else:
            out.append(str(side.iso[k]))
    return out


def error_list(data: Prepared, matches: Matches, articles: Mapping[str, Article]) -> pd.DataFrame:
    """One row per error, ordered by article and position."""
    gold, pred = data.gold, data.pred
    pg, pp = matches.pairs_gold, matches.pairs_pred
    keep = ~gold.optional[pg]
    pg, pp = pg[keep], pp[keep]
    equal = values_equal(gold, pg, pred, pp)
    same = (gold.start[pg] == pred.start[pp]) & (gold.end[pg] == pred.end[pp])
    paired_gold = np.zeros(len(gold.start), dtype=bool)
    paired_gold[matches.pairs_gold] = True
    paired_pred = np.zeros(len(pred.start), dtype=bool)
    paired_pred[matches.pairs_pred] = True
    missed = np.flatnonzero(~gold.optional & ~paired_gold)
    spurious = np.flatnonzero(pred.located & ~paired_pred)
    none = np.full(len(spurious), -1, dtype=np.int64)
    wrong, boundary = ~equal, equal & ~same
    gi = np.concatenate([pg[wrong], pg[boundary], missed, none])
    pj = np.concatenate([pp[wrong], pp[boundary], np.full(len(missed), -1, np.int64), spurious])
    label = (
        ["wrong value"] * int(wrong.sum())
        + ["boundary"] * int(boundary.sum())
        + ["missed"] * len(missed)
        + ["spurious"] * len(spurious)
    )
    has_g, has_p = gi >= 0, pj >= 0
    article = np.where(has_g, _pick(gold.article, gi), _pick(pred.article, pj))
    kind = np.where(has_g, _pick(gold.kind, gi), _pick(pred.kind, pj))
    g_start = _pick(gold.start, gi)
    g_end = _pick(gold.end, gi)
    p_start = _pick(pred.start, pj)
    p_end = _pick(pred.end, pj)
    left = np.where(has_g & has_p, np.minimum(g_start, p_start), np.where(has_g, g_start, p_start))
    right = np.where(has_g & has_p, np.maximum(g_end, p_end), np.where(has_g, g_end, p_end))
    texts = [articles[name].text for name in data.articles]
    article_list, left_list, right_list = article.tolist(), left.tolist(), right.tolist()
    frame = pd.DataFrame(
        {
            "article": [data.articles[a] for a in article_list],
            "kind": np.where(kind == 0, "figure", "date"),
            "error": label,
            "start": _nullable(g_start, has_g),
            "end": _nullable(g_end, has_g),
            "text": _spans(texts, article_list, g_start, g_end, has_g),
            "gold_value": shown_values(gold, gi),
            "predicted_value": shown_values(pred, pj),
            "predicted_start": _nullable(p_start, has_p),
            "predicted_end": _nullable(p_end, has_p),
            "predicted_text": _spans(texts, article_list, p_start, p_end, has_p),
            "before": [
                texts[a][max(0, x - CONTEXT) : x]
                for a, x in zip(article_list, left_list, strict=True)
            ],
            "after": [
                texts[a][x : x + CONTEXT] for a, x in zip(article_list, right_list, strict=True)
            ],
        },
        columns=list(COLUMNS),
    )
    order = np.lexsort((frame["error"].to_numpy(), right, left, article))
    return frame.iloc[order].reset_index(drop=True)


def _pick(values: np.ndarray, index: np.ndarray) -> np.ndarray:
    if len(values) == 0:
        return np.full(len(index), -1, dtype=np.int64)
    return np.where(index >= 0, values[np.where(index >= 0, index, 0)], -1)


def _nullable(values: np.ndarray, present: np.ndarray) -> pd.Series:
    return pd.Series(pd.array(np.where(present, values, 0), dtype="Int64")).mask(~present)


def _spans(
    texts: list[str], article: list[int], start: np.ndarray, end: np.ndarray, present: np.ndarray
) -> list[str | None]:
    return [
        texts[a][s:e] if ok else None
        for a, s, e, ok in zip(article, start.tolist(), end.tolist(), present.tolist(), strict=True)
    ]
