"""The tests behind the rule catalogue: vectorised where they run once per row of every
file, each taking the table and the ``Context`` (the data a rule reads besides the table).

``figdate.contract.rules`` declares the rules with these tests, their explanations and
their GX forms; this module only computes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from figdate.core.cells import NotWhole
from figdate.core.model import Article, records
from figdate.core.timex import PREDICTED_DATE_PATTERN, TIMEX3_PATTERN
from figdate.core.values import (
    DATE_PATTERN,
    FIGURE_PATTERN,
    is_empty,
    parse_date,
    parse_figure,
)
from figdate.core.vocabulary import KINDS

SPAN_KEY = ("article_id", "kind", "start", "end")
Rows = pd.DataFrame


@dataclass(frozen=True)
class Context:
    """What the rules across tables read: the articles, and the ids that have mentions."""

    articles: Mapping[str, Article] = field(default_factory=dict)
    mentioned: frozenset[str] = frozenset()

    @functools.cached_property
    def texts(self) -> dict[str, str]:
        return {name: article.text for name, article in self.articles.items()}


# Helpers over columns that may be missing or hold anything ---------------------------------


def column_of(frame: Rows, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)


def num(frame: Rows, column: str) -> pd.Series:
    """A column as numbers for the rules across columns; a cell the type check refused
    (``cells.NotWhole``: "+38", "6.5" as text, true) is none, as the masks read it."""
    if column in frame:
        values = frame[column]
        if values.dtype == object:
            values = values.map(lambda v: None if isinstance(v, NotWhole) else v)
        return pd.to_numeric(values, errors="coerce")
    return pd.Series(float("nan"), index=frame.index)


def given(frame: Rows, column: str) -> pd.Series:
    values = column_of(frame, column)
    if pd.api.types.is_numeric_dtype(values):
        return values.notna()  # coerced: no blank strings left
    return ~values.map(is_empty).astype(bool)


def rowwise(frame: Rows, test: Callable[[Mapping[str, Any]], bool]) -> pd.Series:
    results: list[bool] = [test(row) for row in records(frame)]
    return pd.Series(results, index=frame.index, dtype=bool)


def why(parse: Callable[[], object]) -> str:
    try:
        parse()
    except (ValueError, TypeError) as exc:
        return str(exc)
    return "is invalid"


# Rules within one mention table ---------------------------------------------------------


def value_fits_kind(frame: Rows, context: Context, *, gold: bool) -> pd.Series:
    """One pass: a figure's text is a number, a date is an ISO string (core.values' patterns)."""
    figure = re.compile(FIGURE_PATTERN)
    date = re.compile(DATE_PATTERN if gold else PREDICTED_DATE_PATTERN)
    timeml = re.compile(TIMEX3_PATTERN)  # a gold date with a TIMEX3 type (a TimeML dataset)

    def fits(kind: object, value: object, typed: bool) -> bool:
        if is_empty(value) or kind not in KINDS:
            return True  # whether a value may be empty is value_present's rule
        if kind == "figure":
            return not isinstance(value, bool) and figure.fullmatch(str(value)) is not None
        pattern = timeml if typed else date
        return isinstance(value, str) and pattern.fullmatch(value) is not None

    kinds, values = column_of(frame, "kind").tolist(), column_of(frame, "value").tolist()
    types = column_of(frame, "type").tolist() if gold and "type" in frame else [None] * len(kinds)
    out = [fits(k, v, not is_empty(t)) for k, v, t in zip(kinds, values, types, strict=True)]
    return pd.Series(out, index=frame.index, dtype=bool)


def value_why(row: Mapping[str, Any], context: Context, *, gold: bool) -> str:
    value = row.get("value")
    if row.get("kind") == "figure":
        return "figure value " + why(lambda: parse_figure(value))
    reason = "date value " + why(lambda: parse_date(value, allow_time=not gold))
    typed = not gold or not is_empty(row.get("type"))
    return reason + ", nor a TimeML TIMEX3 value" if typed else reason


def unique_span(frame: Rows, context: Context) -> pd.Series:
    keys = [c for c in SPAN_KEY if c in frame]
    located = num(frame, "start").notna() & num(frame, "end").notna()
    try:
        repeated = frame[keys].duplicated(keep="first")
    except TypeError:  # an unhashable cell (a JSON list): compare the text instead
        repeated = frame[keys].astype(str).duplicated(keep="first")
    return ~(repeated & located)


def qualifier_fits(row: Mapping[str, Any]) -> bool:
    if row.get("kind") == "figure":
        return not is_empty(row.get("qualifier"))
    if row.get("kind") == "date":
        return is_empty(row.get("qualifier")) and is_empty(row.get("unit"))
    return True


# Tests that read the articles -------------------------------------------------------------


def span(row: Mapping[str, Any]) -> tuple[int, int]:
    try:
        return int(row["start"]), int(row["end"])
    except (KeyError, TypeError, ValueError):
        return 0, 0


def text_of(row: Mapping[str, Any], context: Context) -> str:
    return context.texts.get(str(row.get("article_id")), "")


def within(frame: Rows, context: Context) -> pd.Series:
    lengths = {name: len(text) for name, text in context.texts.items()}
    length = column_of(frame, "article_id").astype(str).map(lengths)
    return ~(num(frame, "end") > length).fillna(False).astype(bool)


def matches(frame: Rows, context: Context) -> pd.Series:
    """Vectorised over plain lists: this runs once per row of every predictions file."""
    starts, ends = num(frame, "start"), num(frame, "end")
    said = column_of(frame, "text")
    out = np.ones(len(frame), dtype=bool)
    check = (
        starts.notna() & ends.notna() & (starts >= 0) & (starts < 2**53) & (ends < 2**53)
    ).to_numpy()
    check &= said.map(lambda w: isinstance(w, str) and bool(w.strip())).to_numpy(dtype=bool)
    rows = np.flatnonzero(check)
    ids = column_of(frame, "article_id").to_numpy()[rows]
    texts = [context.texts.get(str(i)) for i in ids]
    s_list = starts.to_numpy()[rows].astype(np.int64).tolist()
    e_list = ends.to_numpy()[rows].astype(np.int64).tolist()
    w_list = said.to_numpy()[rows].tolist()
    out[rows] = [
        t is None or e > len(t) or t[s:e] == w  # the offsets' own rules report the rest
        for t, s, e, w in zip(texts, s_list, e_list, w_list, strict=True)
    ]
    return pd.Series(out, index=frame.index, dtype=bool)


def mismatch(row: Mapping[str, Any], context: Context) -> str:
    s, e = span(row)
    found = text_of(row, context)[s:e]
    return f"{row.get('text')!r} does not match the article at {s}-{e}: {found!r}"


def value_present(frame: Rows, context: Context) -> pd.Series:
    def present(row: Mapping[str, Any]) -> bool:
        if not is_empty(row.get("value")):
            return True
        article = context.articles.get(str(row.get("article_id")))
        undated = article is not None and article.published is None
        optional = row.get("optional") in (True,)
        return row.get("kind") == "date" and (undated or optional)

    return rowwise(frame, present)
