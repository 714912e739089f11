"""Small builders for gold and prediction tables in scoring tests."""

from __future__ import annotations

from typing import Any

import pandas as pd

from figdate.core.model import MENTION_COLUMNS, PREDICTION_COLUMNS, Article
from figdate.scoring import Score, score

GOLD_COLUMNS = list(MENTION_COLUMNS)
PRED_COLUMNS = list(PREDICTION_COLUMNS)


def row(
    article_id: str,
    kind: str,
    start: int | None,
    end: int | None,
    value: Any,
    *,
    text: str | None = None,
    qualifier: str | None = None,
    gold: bool,
    optional: bool = False,
) -> dict[str, Any]:
    """One mention row with the gold (or prediction) columns."""
    out = {
        "article_id": article_id,
        "kind": kind,
        "start": start,
        "end": end,
        "text": text,
        "value": value,
        "qualifier": qualifier,
        "unit": None,
    }
    if gold:
        out |= {"optional": optional, "note": None}
    return out


def at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def gold_row(
    article: Article,
    kind: str,
    needle: str,
    value: Any,
    *,
    nth: int = 0,
    optional: bool = False,
    qualifier: str | None = None,
) -> dict[str, Any]:
    start, end = at(article.text, needle, nth)
    if kind == "figure" and qualifier is None:
        qualifier = "exact"
    return row(
        article.id,
        kind,
        start,
        end,
        value,
        text=needle,
        qualifier=qualifier,
        gold=True,
        optional=optional,
    )


def pred_row(
    article: Article,
    kind: str,
    needle: str | None,
    value: Any,
    *,
    nth: int = 0,
    located: bool = True,
    qualifier: str | None = None,
) -> dict[str, Any]:
    start = end = None
    if needle is not None and located:
        start, end = at(article.text, needle, nth)
    return row(article.id, kind, start, end, value, text=needle, qualifier=qualifier, gold=False)


def frames(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    g = pd.DataFrame(gold, columns=GOLD_COLUMNS)
    p = pd.DataFrame(pred, columns=PRED_COLUMNS).astype({"start": "Int64", "end": "Int64"})
    return g, p


def run(
    articles: list[Article], gold: list[dict[str, Any]], pred: list[dict[str, Any]], **kw: Any
) -> Score:
    g, p = frames(gold, pred)
    return score(g, p, {a.id: a for a in articles}, resamples=kw.pop("resamples", 200), **kw)


def counts(result: Score, kind: str, scheme: str) -> tuple[int, int, int, int]:
    row = result.summary[(result.summary.kind == kind) & (result.summary.scheme == scheme)].iloc[0]
    return int(row.tp), int(row.fp), int(row.fn), int(row.neutral)
