"""The table as the GX suites read it: ``joined`` (see ``gx_suites``' module docstring).

Built a column at a time, not a cell at a time: on a million rows the view was a second
of Python calls per cell before GX started. The cell-by-cell helpers remain for the cells
a column-wide test cannot settle (offsets written as text, odd JSON types), so the view
is the same whichever way a column is built; ``tests/contract/test_gx_view.py`` checks
that against the plain per-cell definition.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from figdate.contract.checks import column_of
from figdate.contract.models import MODELS, parse_bool
from figdate.contract.rules import ARTICLE_DATED, ARTICLE_LENGTH, ARTICLE_SPAN, MENTION_COUNT
from figdate.core.cells import NotWhole, whole
from figdate.core.model import Article
from figdate.core.values import is_empty
from figdate.core.vocabulary import TableKind

BIG = 2**62
"""Whole numbers at least this large stay floats, for the range expectation to refuse."""


def joined(
    frame: pd.DataFrame,
    table: str,
    articles: Mapping[str, Article] | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The table as the GX suites expect it; the columns from the other table are added only
    when it is given (``articles`` or ``mentions``). A table that may carry columns beyond
    the contract (predictions) keeps only the contract's: the suite checks no others, and
    GX's cost grows with every column it is shown (20,000 extra columns took minutes)."""
    schema = MODELS[table].to_schema()
    if getattr(schema, "strict", False) is True:
        out = frame.copy()
    else:
        out = frame[[c for c in frame.columns if c in schema.columns]].copy()
    for name, column in schema.columns.items():
        if not column.required and name not in out:
            out[name] = None  # absent optional columns are empty ones, as pandera treats them
    for name in ("start", "end"):
        if name in out:
            out[name] = whole_numbers(out[name])
    if "optional" in out:
        out["optional"] = parse_bool(out["optional"])
    if "value" in out:
        out["value"] = pd.Series(blanked(out["value"].to_list()), index=out.index, dtype=object)
    if table == TableKind.ARTICLES:
        if mentions is not None:
            out[MENTION_COUNT] = _mention_counts(out, mentions)
    elif articles is not None and "article_id" in out:
        _join_articles(out, articles)
    return text_columns(out)


def text_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with each column of text (or nothing) but ``value`` as pandas' string
    dtype, where pandas makes that its default (3.0 on): GX's null, set and length checks
    then run in Arrow instead of a Python call per cell, and pandas itself hands a
    pattern with ``\\s`` to Python's ``re``, so no verdict changes. ``value`` stays as
    read: its type expectation reads each cell's own type."""
    if pd.Series(["text"]).dtype == object:  # pandas before 3.0
        return frame
    for name in frame.columns:
        column = frame[name]
        if name == "value" or column.dtype != object:
            continue
        if pd.api.types.infer_dtype(column, skipna=True) in ("string", "empty"):
            frame[name] = column.astype("str")
    return frame


def whole_numbers(series: pd.Series) -> pd.Series:
    """Offsets as numbers when every cell is a whole number; else as written, so that the
    whole-number expectation can name the cells that are not. Whole numbers too large for
    64-bit integers stay floats (``BIG``)."""
    if pd.api.types.infer_dtype(series, skipna=False) == "integer":  # every cell a Python int
        try:
            exact = series.to_numpy(dtype=np.int64)
        except OverflowError:
            pass
        else:
            if bool((np.abs(exact) < BIG).all()):
                return pd.Series(exact, index=series.index)
    parsed = [None if is_empty(v) else whole(v) for v in series.to_list()]
    if any(isinstance(p, NotWhole) for p in parsed):  # true, "+38", "3.8e1", other digits...
        return series
    numbers = [p for p in parsed if isinstance(p, int)]
    if all(abs(p) < BIG for p in numbers):
        return integers(pd.Series(parsed, index=series.index, dtype="Int64"))
    floats = [np.nan if p is None else float(p) for p in parsed if not isinstance(p, NotWhole)]
    return pd.Series(floats, index=series.index, dtype="float64")


def integers(series: pd.Series) -> pd.Series:
    """Whole numbers as numpy's int64 where none is missing (GX compares those vectorised,
    and pandas' nullable Int64 one Python call a cell), else as Int64."""
    if bool(series.notna().all()):
        return series.astype("int64")
    return series.astype("Int64")


_PLAIN = (int, float, str, bool)


def blanked(values: list[Any]) -> list[Any]:
    """``values`` with each spelling of "no value" (``is_empty``) as None."""
    out: list[Any] = []
    for v in values:
        kind = type(v)
        if kind is str:
            out.append(None if not v or v.isspace() else v)
        elif kind in _PLAIN:
            out.append(None if v != v else v)  # NaN
        else:
            out.append(None if is_empty(v) else v)
    return out


def _mention_counts(out: pd.DataFrame, mentions: pd.DataFrame) -> pd.Series:
    counts = (
        mentions["article_id"].astype(str).value_counts()
        if "article_id" in mentions
        else pd.Series(dtype=int)
    )
    ids = out["id"].astype(str) if "id" in out else pd.Series("", index=out.index)
    return ids.map(lambda i: int(counts.get(i, 0)))


def _join_articles(out: pd.DataFrame, articles: Mapping[str, Article]) -> None:
    """Add each row's article length, datedness and text at the span, looked up once per
    distinct article id."""
    codes, ids = pd.factorize(out["article_id"].astype(str))
    found = [articles.get(str(i)) for i in ids]
    texts = [None if a is None else a.text for a in found]
    # a last entry for code -1 (a null id): no article
    lengths = np.array([*(-1 if t is None else len(t) for t in texts), -1], dtype=np.int64)
    dated = np.array([*(a is not None and a.published is not None for a in found), False])
    length = lengths[codes]
    out[ARTICLE_LENGTH] = integers(pd.Series(length, index=out.index).where(length >= 0))
    out[ARTICLE_DATED] = pd.Series(dated[codes], index=out.index)
    out[ARTICLE_SPAN] = _span_texts(out, codes, texts, length)


def _span_texts(
    out: pd.DataFrame, codes: np.ndarray, texts: list[str | None], length: np.ndarray
) -> list[str | None]:
    """Each row's article text at its span, or None (no article, no or bad offsets)."""
    starts, ends = out.get("start"), out.get("end")
    if starts is None or ends is None or starts.dtype != np.int64 or ends.dtype != np.int64:
        return [
            None if c < 0 else _span_text(texts[c], s, e)
            for c, s, e in zip(
                codes.tolist(),
                column_of(out, "start").tolist(),
                column_of(out, "end").tolist(),
                strict=True,
            )
        ]
    s, e = starts.to_numpy(), ends.to_numpy()
    fits = (codes >= 0) & (s >= 0) & (s < e) & (e <= length)
    spans: list[str | None] = [None] * len(out)
    present = [t or "" for t in texts]  # a row fits only where its article was found
    for row, c, a, b in zip(
        np.flatnonzero(fits).tolist(),
        codes[fits].tolist(),
        s[fits].tolist(),
        e[fits].tolist(),
        strict=True,
    ):
        spans[row] = present[c][a:b]
    return spans


def _span_text(text: str | None, start: object, end: object) -> str | None:
    if text is None or is_empty(start) or is_empty(end):
        return None
    try:
        s, e = int(str(start)), int(str(end))
    except ValueError:
        return None
    if not 0 <= s < e <= len(text):
        return None
    return text[s:e]
