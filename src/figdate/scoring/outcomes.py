"""The outcome table: one row per mention, saying what the scorer made of it.

Under the relaxed one-to-one matching (overlapping spans, the same kind), each pair of a gold
mention and a prediction, each gold mention left alone, and each located prediction left
alone is one row, with one ``Outcome`` (``figdate.core.vocabulary``):

- ``correct``: a required gold mention paired with a prediction of equal value and span;
- ``wrong value``: paired, values differ;
- ``boundary``: paired, equal values, other offsets;
- ``missed``: a required gold mention with no prediction;
- ``spurious``: a located prediction paired with nothing;
- ``optional``: an optional gold mention, paired or not (neutral).

Computed once per score; the error list, the HTML highlights and ``figdate agree`` are views
of it, so their counts are the scorer's: correct + wrong value + boundary = relaxed tp,
missed = relaxed fn, spurious = relaxed fp, paired optional rows = relaxed neutral.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from figdate.core.values import format_figure
from figdate.core.vocabulary import FIGURE_CODE, KINDS, Outcome
from figdate.scoring.criteria import values_equal
from figdate.scoring.matching import Matches
from figdate.scoring.prepare import Prepared, Side, sort_order

COLUMNS = (
    "article",
    "kind",
    "outcome",
    "start",
    "end",
    "text",
    "gold_value",
    "predicted_value",
    "predicted_start",
    "predicted_end",
    "predicted_text",
    "same_span",
    "value_equal",
    "gold_empty",
    "predicted_empty",
    "gold_qualifier",
    "predicted_qualifier",
    "gold_type",
    "predicted_type",
)
"""Gold side (``start``, ``end``, ``text``, ``gold_*``) empty where there is no gold
mention, prediction side (``predicted_*``) empty where there is no prediction; values as a
report shows them ("" for an empty value)."""


def shown_values(side: Side, index: np.ndarray) -> list[str | None]:
    """Values as a report shows them; None where ``index`` is -1 (no mention on this side)."""
    shown: list[str | None] = _shown(side, index).tolist()
    return shown


def _shown(side: Side, index: np.ndarray) -> np.ndarray:
    """``shown_values`` as an object array, computed once per side and then indexed: whole
    figures formatted once per distinct value (rows share the string), the few others
    one by one."""
    out = np.full(len(index), None, dtype=object)
    if len(side.kind) == 0 or len(index) == 0:
        return out
    number = side.number
    figure = (side.kind == FIGURE_CODE) & ~side.empty
    whole = figure & np.isfinite(number) & (number == np.floor(number)) & (np.abs(number) < 2**53)
    every = np.where(side.empty, "", side.iso).astype(object)
    codes, distinct = pd.factorize(number[whole].astype(np.int64))
    every[whole] = np.asarray(list(map(str, distinct.tolist())), dtype=object)[codes]
    for k in np.flatnonzero(figure & ~whole).tolist():
        every[k] = format_figure(float(number[k]))
    present = index >= 0
    out[present] = every[index[present]]
    return out


ROW_OUTCOMES = (
    Outcome.WRONG_VALUE, Outcome.BOUNDARY, Outcome.MISSED, Outcome.SPURIOUS, Outcome.CORRECT,
    Outcome.OPTIONAL, Outcome.OPTIONAL,
)  # fmt: skip
"""The outcome of each group of rows ``_pairs_and_lone`` returns, in its order."""


def _pairs_and_lone(data: Prepared, matches: Matches) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(gold index, prediction index, group) of every row, -1 for a missing side; the group
    indexes ``ROW_OUTCOMES``: wrong value and boundary pairs, missed, spurious, correct
    pairs, paired optional gold, lone optional gold."""
    gold, pred = data.gold, data.pred
    pg, pp = matches.pairs_gold, matches.pairs_pred
    equal = values_equal(gold, pg, pred, pp)
    same = (gold.start[pg] == pred.start[pp]) & (gold.end[pg] == pred.end[pp])
    optional = gold.optional[pg]
    wrong, boundary = ~optional & ~equal, ~optional & equal & ~same
    correct, paired_optional = ~optional & equal & same, optional
    paired_gold = np.zeros(len(gold.start), dtype=bool)
    paired_gold[pg] = True
    paired_pred = np.zeros(len(pred.start), dtype=bool)
    paired_pred[pp] = True
    missed = np.flatnonzero(~gold.optional & ~paired_gold)
    lone_optional = np.flatnonzero(gold.optional & ~paired_gold)
    spurious = np.flatnonzero(pred.located & ~paired_pred)
    groups = [
        (pg[wrong], pp[wrong]),
        (pg[boundary], pp[boundary]),
        (missed, _none(len(missed))),
        (_none(len(spurious)), spurious),
        (pg[correct], pp[correct]),
        (pg[paired_optional], pp[paired_optional]),
        (lone_optional, _none(len(lone_optional))),
    ]
    gi = np.concatenate([g for g, _ in groups]).astype(np.int64)
    pj = np.concatenate([p for _, p in groups]).astype(np.int64)
    group = np.repeat(np.arange(len(groups)), [len(g) for g, _ in groups])
    return gi, pj, group


def outcomes(data: Prepared, matches: Matches, texts: list[str]) -> pd.DataFrame:
    """The outcome table (``COLUMNS``), ordered by article, position and outcome.

    ``texts`` are the articles' texts in ``data.articles`` order. The rows are put in order
    as index arrays, before any column is made, so no column is copied to sort it."""
    gold, pred = data.gold, data.pred
    gi, pj, group = _sorted(data, *_pairs_and_lone(data, matches))
    has_g, has_p = gi >= 0, pj >= 0
    article = np.where(has_g, _pick(gold.article, gi), _pick(pred.article, pj))
    kind = np.where(has_g, _pick(gold.kind, gi), _pick(pred.kind, pj))
    g_start, g_end = _pick(gold.start, gi), _pick(gold.end, gi)
    p_start, p_end = _pick(pred.start, pj), _pick(pred.end, pj)
    both = has_g & has_p
    equal = np.zeros(len(gi), dtype=bool)
    equal[both] = values_equal(gold, gi[both], pred, pj[both])
    columns = {
        "article": np.asarray(data.articles, dtype=object)[article]
        if len(article)
        else np.empty(0, dtype=object),
        "kind": np.asarray(KINDS, dtype=object)[kind] if len(kind) else np.empty(0, object),
        "outcome": np.asarray([str(o) for o in ROW_OUTCOMES], dtype=object)[group],
        "start": _nullable(g_start, has_g),
        "end": _nullable(g_end, has_g),
        "text": _texts(gold, gi, texts),
        "gold_value": _shown(gold, gi),
        "predicted_value": _shown(pred, pj),
        "predicted_start": _nullable(p_start, has_p),
        "predicted_end": _nullable(p_end, has_p),
        "predicted_text": _texts(pred, pj, texts),
        "same_span": both & (g_start == p_start) & (g_end == p_end),
        "value_equal": np.asarray(equal, dtype=bool),
        "gold_empty": has_g & _pick(gold.empty, gi, False),
        "predicted_empty": has_p & _pick(pred.empty, pj, False),
        "gold_qualifier": _column(gold, "qualifier", gi, few=True),
        "predicted_qualifier": _column(pred, "qualifier", pj, few=True),
        "gold_type": _column(gold, "type", gi, few=True),
        "predicted_type": _column(pred, "type", pj, few=True),
    }
    for name in TEXT_COLUMNS:  # object columns, None where missing, under every pandas:
        columns[name] = pd.Series(columns[name], dtype=object)  # pandas 3 would infer str
    return pd.DataFrame(columns, columns=list(COLUMNS))


def _sorted(
    data: Prepared, gi: np.ndarray, pj: np.ndarray, group: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows by article, then first start, then last end, then the outcome's name (the
    order the error list has always had)."""
    gold, pred = data.gold, data.pred
    has_g, has_p = gi >= 0, pj >= 0
    article = np.where(has_g, _pick(gold.article, gi), _pick(pred.article, pj))
    g_start, g_end = _pick(gold.start, gi), _pick(gold.end, gi)
    p_start, p_end = _pick(pred.start, pj), _pick(pred.end, pj)
    both = has_g & has_p
    left = np.where(both, np.minimum(g_start, p_start), np.where(has_g, g_start, p_start))
    right = np.where(both, np.maximum(g_end, p_end), np.where(has_g, g_end, p_end))
    alphabetical = np.argsort(np.argsort([str(o) for o in ROW_OUTCOMES], kind="stable"))
    order = sort_order(article, left, right, alphabetical[group])
    return gi[order], pj[order], group[order]


TEXT_COLUMNS = (
    "article", "kind", "outcome", "text", "gold_value", "predicted_value", "predicted_text",
    "gold_qualifier", "predicted_qualifier", "gold_type", "predicted_type",
)  # fmt: skip
"""Columns of text, where a missing value is None under every pandas version."""


def _none(n: int) -> np.ndarray:
    return np.full(n, -1, dtype=np.int64)


def _pick(values: np.ndarray, index: np.ndarray, default: int | bool = -1) -> np.ndarray:
    if len(values) == 0:
        return np.full(len(index), default)
    picked: np.ndarray = np.where(index >= 0, values[np.where(index >= 0, index, 0)], default)
    return picked


def _nullable(values: np.ndarray, present: np.ndarray) -> pd.Series:
    return pd.Series(pd.array(np.where(present, values, 0), dtype="Int64")).mask(~present)


def _texts(side: Side, index: np.ndarray, texts: list[str]) -> np.ndarray:
    """Each mention's text: the one its row gives (the contract has checked it equals the
    article at its offsets), else the article's text at its offsets."""
    out = _column(side, "text", index)
    missing = np.flatnonzero((index >= 0) & pd.isna(out))
    k = index[missing]
    out[missing] = [
        texts[a][b:e]
        for a, b, e in zip(
            side.article[k].tolist(), side.start[k].tolist(), side.end[k].tolist(), strict=True
        )
    ]
    return out


def _column(side: Side, name: str, index: np.ndarray, *, few: bool = False) -> np.ndarray:
    """A column of the side's rows at ``index``; None where the index is -1. ``few``: a
    column of few distinct values, whose rows then share one string object each."""
    out = np.full(len(index), None, dtype=object)
    if name not in side.frame or len(side.frame) == 0:
        return out
    if few:
        codes, distinct = pd.factorize(side.frame[name])  # missing: code -1, the None
        column = np.asarray([*np.asarray(distinct, dtype=object).tolist(), None], dtype=object)[
            codes
        ]
    else:
        column = side.frame[name].to_numpy(dtype=object, copy=True)  # else maybe read-only
        column[pd.isna(column)] = None
    present = index >= 0
    out[present] = column[side.rows[index[present]]]
    return out
