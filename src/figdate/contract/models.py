"""The pandera models of the three tables: columns, types and value sets.

``ArticleModel``, ``GoldMentionModel`` and ``PredictionModel`` are what users import to
validate their own tables. The rules across rows and tables are ``figdate.contract.rules``;
``figdate.contract.schema`` joins both into one pandera schema.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from figdate.core import cells
from figdate.core.values import DAY_PATTERN, NOT_BLANK
from figdate.core.vocabulary import (
    BOOL_WORDS,
    KINDS,
    QUALIFIERS,
    SLUG,
    TAGS,
    TIMEX_MODS,
    TIMEX_TYPES,
    URL,
)

MAX_OFFSET = 2**53
"""Offsets beyond this are not offsets into any article (and floats stop being exact)."""


def parse_bool(series: pd.Series) -> pd.Series:
    """CSV says "true"/"false"; map the usual spellings and leave anything else to fail."""

    def one(value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in BOOL_WORDS:
            return BOOL_WORDS[value.strip().lower()]
        return value

    return series.map(one)


class ArticleModel(pa.DataFrameModel):
    """``articles.csv``: one row per article; the text lives in ``articles/<id>.txt``."""

    id: Series[str] = pa.Field(unique=True, str_matches=SLUG)
    title: Series[str] = pa.Field(nullable=True)
    source: Series[str] = pa.Field(nullable=True)
    url: Series[str] = pa.Field(nullable=True, str_matches=URL)
    published: Series[str] = pa.Field(nullable=True, str_matches=DAY_PATTERN)
    note: Series[str] = pa.Field(nullable=True)
    tags: Series[str] = pa.Field(nullable=True, required=False, str_matches=TAGS)
    """The phenomena the whole article tests (a challenge passage): every mention and
    prediction in it counts toward each tag."""

    class Config:
        coerce = True
        strict = True


class _MentionColumns(pa.DataFrameModel):
    """Columns shared by gold and predicted mentions."""

    article_id: Series[str] = pa.Field(str_matches=SLUG)
    kind: Series[str] = pa.Field(isin=[str(k) for k in KINDS])  # plain text in messages
    start: Series[pd.Int64Dtype] = pa.Field(ge=0, le=MAX_OFFSET)
    end: Series[pd.Int64Dtype] = pa.Field(ge=1, le=MAX_OFFSET)
    text: Series[str] = pa.Field(str_length={"min_value": 1}, str_matches=NOT_BLANK)
    value: Series[Any] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(nullable=True, isin=list(QUALIFIERS))
    unit: Series[str] = pa.Field(nullable=True)
    type: Series[str] = pa.Field(nullable=True, required=False, isin=list(TIMEX_TYPES))
    """A date's TIMEX3 type, in a TimeML dataset (its value is then a TIMEX3 value)."""
    mod: Series[str] = pa.Field(nullable=True, required=False, isin=list(TIMEX_MODS))
    """A date's TIMEX3 mod (``APPROX``, ``START``...), in a TimeML dataset."""

    @pa.parser("start", "end")
    def _whole_floats(cls, series: pd.Series) -> pd.Series:
        """Offsets written as "621" or "621.0" (pandas writes a column with gaps so) are
        whole; a cell that is not (true, "+38", "3.8e1", other digits) fails, named."""
        if pd.api.types.infer_dtype(series, skipna=True) in {"integer", "floating", "empty"}:
            return series  # numbers already: nothing written as text to fix
        return series.map(_drop_zero_fraction)

    class Config:
        coerce = True


def _drop_zero_fraction(value: object) -> object:
    """A whole number written as text ("621", "621.0", as CSV and some JSON writers do) as
    a number (``cells.whole``), so that a column mixing numbers and such text coerces;
    anything else becomes ``NotWhole``, which no coercion takes and the type check names
    with its row (pandas' own parser would read "+38" and fullwidth digits as 38)."""
    if isinstance(value, float):
        return value  # a number: pandas' coercion names a fraction, and the range checks run
    return cells.whole(value)


class GoldMentionModel(_MentionColumns):
    """``mentions.csv``: every figure and date of the gold set, with its normalised value."""

    optional: Series[pd.BooleanDtype] = pa.Field()
    note: Series[str] = pa.Field(nullable=True)
    tags: Series[str] = pa.Field(nullable=True, required=False, str_matches=TAGS)
    """The phenomena the mention is an example of (``relative``, ``words``): the breakdown."""

    @pa.parser("optional")
    def _optional_words(cls, series: pd.Series) -> pd.Series:
        return parse_bool(series)

    class Config:
        coerce = True
        strict = True


class PredictionModel(_MentionColumns):
    """An extractor's output. Offsets, text, qualifier and unit may be missing: a prediction
    with text but no offsets is aligned to the article, one with neither scores as a bag."""

    start: Series[pd.Int64Dtype] = pa.Field(ge=0, le=MAX_OFFSET, nullable=True, required=False)
    end: Series[pd.Int64Dtype] = pa.Field(ge=1, le=MAX_OFFSET, nullable=True, required=False)
    text: Series[str] = pa.Field(
        nullable=True, required=False, str_length={"min_value": 1}, str_matches=NOT_BLANK
    )
    qualifier: Series[str] = pa.Field(nullable=True, required=False, isin=list(QUALIFIERS))
    unit: Series[str] = pa.Field(nullable=True, required=False)

    class Config:
        coerce = True
        strict = False


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "articles": ArticleModel,
    "gold": GoldMentionModel,
    "predictions": PredictionModel,
}
"""The model of each table kind (``figdate.core.vocabulary.TableKind``)."""
