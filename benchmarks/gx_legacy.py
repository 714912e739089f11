"""figdate 0.1's joined view for GX (commit 6506916), kept verbatim for the benchmark.

``benchmarks/validation.py`` times GX as 0.1 ran it; timing the current ``joined`` there
would make the baseline move with every optimisation of it. Predictions and gold only.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from figdate.contract.models import MODELS, parse_bool
from figdate.contract.rules import ARTICLE_DATED, ARTICLE_LENGTH, ARTICLE_SPAN
from figdate.core.model import Article
from figdate.core.values import is_empty


def _whole_numbers(series: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(series, errors="coerce").astype("float64")
    given = ~series.map(is_empty).astype(bool)
    if not bool((numbers[given].notna() & (numbers[given] % 1 == 0)).all()):
        return series
    if bool((numbers[given].abs() < 2**62).all()):
        return numbers.astype("Int64")
    return numbers


def joined(frame: pd.DataFrame, table: str, articles: Mapping[str, Article]) -> pd.DataFrame:
    """0.1's ``gx_suites.joined`` for a mention table with its articles."""
    out = frame.copy()
    for name, column in MODELS[table].to_schema().columns.items():
        if not column.required and name not in out:
            out[name] = None
    for name in ("start", "end"):
        if name in out:
            out[name] = _whole_numbers(out[name])
    if "optional" in out:
        out["optional"] = parse_bool(out["optional"])
    if "value" in out:
        out["value"] = out["value"].map(lambda v: None if is_empty(v) else v).astype(object)
    found = out["article_id"].astype(str).map(articles.get)
    out[ARTICLE_LENGTH] = found.map(lambda a: None if a is None else len(a.text)).astype("Int64")
    out[ARTICLE_DATED] = found.map(lambda a: a is not None and a.published is not None)
    starts = out["start"] if "start" in out else pd.Series(None, index=out.index)
    ends = out["end"] if "end" in out else pd.Series(None, index=out.index)
    out[ARTICLE_SPAN] = [_span_text(a, s, e) for a, s, e in zip(found, starts, ends, strict=True)]
    return out


def _span_text(article: Article | None, start: object, end: object) -> str | None:
    if article is None or is_empty(start) or is_empty(end):
        return None
    try:
        s, e = int(str(start)), int(str(end))
    except ValueError:
        return None
    if not 0 <= s < e <= len(article.text):
        return None
    return article.text[s:e]
