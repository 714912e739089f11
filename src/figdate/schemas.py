"""The contract: pandera models of the three tables, and the checks that span rows and tables.

``ArticleModel``, ``GoldMentionModel`` and ``PredictionModel`` state the columns, their
types and value sets; users import them to validate their own tables. The cross-table
rules (the article exists, the offsets lie inside its text, the text matches) need the
articles, so ``mention_schema`` adds them to a copy of a model's schema. Running a schema
and turning its failures into one-line problems is ``figdate.validation``'s job.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from figdate.model import KINDS, QUALIFIERS, Article, records
from figdate.values import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    DAY_PATTERN,
    FIGURE_PATTERN,
    is_empty,
    parse_date,
    parse_figure,
)

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
OPTIONAL_SHARE_MAX = 0.25
"""At most this share of gold mentions may be optional (GUIDELINES.md, 'Optional mentions'):
more means the annotators are dodging decisions the benchmark needs them to make."""
BOOL_WORDS = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}


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
    url: Series[str] = pa.Field(nullable=True, str_matches=r"^https?://\S+$")
    published: Series[str] = pa.Field(nullable=True, str_matches=DAY_PATTERN)
    note: Series[str] = pa.Field(nullable=True)

    class Config:
        coerce = True
        strict = True


class _MentionColumns(pa.DataFrameModel):
    """Columns shared by gold and predicted mentions."""

    article_id: Series[str] = pa.Field(str_matches=SLUG)
    kind: Series[str] = pa.Field(isin=list(KINDS))
    start: Series[pd.Int64Dtype] = pa.Field(ge=0)
    end: Series[pd.Int64Dtype] = pa.Field(ge=1)
    text: Series[str] = pa.Field(str_length={"min_value": 1})
    value: Series[Any] = pa.Field(nullable=True)
    qualifier: Series[str] = pa.Field(nullable=True, isin=list(QUALIFIERS))
    unit: Series[str] = pa.Field(nullable=True)

    @pa.parser("start", "end")
    def _whole_floats(cls, series: pd.Series) -> pd.Series:
        """Offsets written as "621.0" (pandas writes a column with gaps so) are whole."""
        if pd.api.types.infer_dtype(series, skipna=True) in {"integer", "floating", "empty"}:
            return series  # numbers already: nothing written as text to fix
        return series.map(_drop_zero_fraction)

    class Config:
        coerce = True


def _drop_zero_fraction(value: object) -> object:
    if isinstance(value, str) and re.fullmatch(r"\s*-?[0-9]+\.0*\s*", value):
        return value.strip().split(".")[0]
    return value


class GoldMentionModel(_MentionColumns):
    """``mentions.csv``: every figure and date of the gold set, with its normalised value."""

    optional: Series[pd.BooleanDtype] = pa.Field()
    note: Series[str] = pa.Field(nullable=True)

    @pa.parser("optional")
    def _optional_words(cls, series: pd.Series) -> pd.Series:
        return parse_bool(series)

    class Config:
        coerce = True
        strict = True


class PredictionModel(_MentionColumns):
    """An extractor's output. Offsets, text, qualifier and unit may be missing: a prediction
    with text but no offsets is aligned to the article, one with neither scores as a bag."""

    start: Series[pd.Int64Dtype] = pa.Field(ge=0, nullable=True, required=False)
    end: Series[pd.Int64Dtype] = pa.Field(ge=1, nullable=True, required=False)
    text: Series[str] = pa.Field(nullable=True, required=False, str_length={"min_value": 1})
    qualifier: Series[str] = pa.Field(nullable=True, required=False, isin=list(QUALIFIERS))
    unit: Series[str] = pa.Field(nullable=True, required=False)

    class Config:
        coerce = True
        strict = False


def _why(parse: Callable[[], object]) -> str:
    try:
        parse()
    except (ValueError, TypeError) as exc:
        return str(exc)
    return "is invalid"


# Row-wise rules. Each names the column a person should look at and explains one row, and
# states itself a second time as Great Expectations expectations (``gx``), side by side, so
# that ``figdate.expectations`` builds the suites from these definitions.
Rows = pd.DataFrame
RowTest = Callable[[Rows], "pd.Series[bool]"]
Explain = Callable[[Mapping[str, Any]], str]
Expectation = dict[str, Any]
Condition = dict[str, Any]
"""A GX expectation as its JSON form: ``{"type": ..., "kwargs": {...}}``."""


def expect(kind: str, **kwargs: Any) -> Expectation:
    """An expectation in GX's JSON form; ``when`` becomes a pandas row condition and ``why``
    the reason a report gives (else the rule's)."""
    when, why = kwargs.pop("when", None), kwargs.pop("why", None)
    if when is not None:
        kwargs["row_condition"] = when
    out: Expectation = {"type": f"expect_{kind}", "kwargs": kwargs}
    if why is not None:
        out["meta"] = {"why": why}
    return out


@dataclass(frozen=True)
class RowRule:
    """A rule over whole rows (or over rows and the articles): a pandera wide check whose
    failures are reported against ``column`` with ``explain(row)`` as the reason; ``why``
    states the rule, and ``gx`` is the same rule as GX expectations."""

    name: str
    column: str
    test: RowTest
    explain: Explain
    why: str = ""
    gx: tuple[Expectation, ...] = ()

    def check(self) -> pa.Check:
        # ignore_na=False: the rules judge empty cells themselves, and pandera's NA
        # screening of the whole frame per check was a third of the time on large tables
        return pa.Check(self.test, name=self.name, error=self.name, ignore_na=False)


@dataclass(frozen=True)
class TableRule:
    """A rule over a whole table (its size, a share): one pass or fail, no failing rows."""

    name: str
    test: Callable[[Rows], bool]
    why: str
    gx: tuple[Expectation, ...] = ()

    def check(self) -> pa.Check:
        return pa.Check(
            lambda frame: bool(self.test(frame)), name=self.name, error=self.name, ignore_na=False
        )


def _num(frame: Rows, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce") if column in frame else _na(frame)


def _given(frame: Rows, column: str) -> pd.Series:
    values = _column(frame, column)
    if pd.api.types.is_numeric_dtype(values):
        return values.notna()  # coerced: no blank strings left
    return ~values.map(is_empty).astype(bool)


def _na(frame: Rows) -> pd.Series:
    return pd.Series(float("nan"), index=frame.index)


def _rowwise(frame: Rows, test: Callable[[Mapping[str, Any]], bool]) -> pd.Series:
    results: list[bool] = [test(row) for row in records(frame)]
    return pd.Series(results, index=frame.index, dtype=bool)


def _column(frame: Rows, name: str) -> pd.Series:
    return frame[name] if name in frame else pd.Series(None, index=frame.index, dtype=object)


def _value_fits_kind(frame: Rows, *, gold: bool) -> pd.Series:
    """One pass: a figure's text is a number, a date is an ISO string (values.py's patterns)."""
    figure = re.compile(FIGURE_PATTERN)
    date = re.compile(DATE_PATTERN if gold else DATETIME_PATTERN)

    def fits(kind: object, value: object) -> bool:
        if is_empty(value) or kind not in KINDS:
            return True  # whether a value may be empty is value_present's rule
        if kind == "figure":
            return not isinstance(value, bool) and figure.fullmatch(str(value)) is not None
        return isinstance(value, str) and date.fullmatch(value) is not None

    kinds, values = _column(frame, "kind").tolist(), _column(frame, "value").tolist()
    out = [fits(k, v) for k, v in zip(kinds, values, strict=True)]
    return pd.Series(out, index=frame.index, dtype=bool)


def _value_why(row: Mapping[str, Any], *, gold: bool) -> str:
    value = row.get("value")
    if row.get("kind") == "figure":
        return "figure value " + _why(lambda: parse_figure(value))
    return "date value " + _why(lambda: parse_date(value, allow_time=not gold))


def _start_before_end(frame: Rows) -> pd.Series:
    return ~(_num(frame, "start") >= _num(frame, "end"))


def compare(column: str, operator: str, parameter: object) -> Condition:
    """A GX row condition, in the JSON form of ``gx.expectations.row_conditions``."""
    return {"type": "comparison", "column": {"name": column}, "operator": operator,
            "parameter": parameter}  # fmt: skip


def present(column: str) -> Condition:
    return {"type": "nullity", "column": {"name": column}, "is_null": False}


def either(*conditions: Condition) -> Condition:
    return {"type": "or", "conditions": list(conditions)}


def both(*conditions: Condition) -> Condition:
    return {"type": "and", "conditions": list(conditions)}


IS_FIGURE = compare("kind", "==", "figure")
IS_DATE = compare("kind", "==", "date")
FIGURE_WHY = "a figure's value is a finite, non-negative number"
DATE_WHY = "a date's value is a real calendar date YYYY, YYYY-MM or YYYY-MM-DD"
DATETIME_WHY = DATE_WHY + " (or a day with a time of day)"


def row_rules(*, gold: bool) -> list[RowRule]:
    """The rules within one table: offsets ordered, values fit their kind, no duplicates."""
    date_pattern = DATE_PATTERN if gold else DATETIME_PATTERN
    rules = [
        RowRule(
            "start_before_end",
            "end",
            _start_before_end,
            lambda r: f"end {r.get('end')} is not after start {r.get('start')}",
            why="end must be after start",
            gx=(
                expect(
                    "column_pair_values_a_to_be_greater_than_b",
                    column_A="end",
                    column_B="start",
                    or_equal=False,
                    ignore_row_if="either_value_is_missing",
                ),
            ),
        ),
        RowRule(
            "value_fits_kind",
            "value",
            lambda f: _value_fits_kind(f, gold=gold),
            lambda r: _value_why(r, gold=gold),
            why="a figure's value is a non-negative number; a date's is an ISO 8601 date string",
            gx=(
                expect("column_values_to_match_regex", column="value", regex=FIGURE_PATTERN,
                       when=IS_FIGURE, why=FIGURE_WHY),
                expect("column_values_to_be_in_type_list", column="value", type_list=["str"],
                       when=IS_DATE, why="a date's value is a string, not a number"),
                expect("column_values_to_match_regex", column="value", regex=date_pattern,
                       when=IS_DATE, why=DATE_WHY if gold else DATETIME_WHY),
            ),
        ),
        RowRule(
            "unique_span",
            "start",
            _unique_span,
            lambda r: (
                f"repeats the {r.get('kind')} at {r.get('start')}-{r.get('end')} "
                f"of article {r.get('article_id')!r}"
            ),
            why="a span is listed once per kind",
            gx=(
                expect(
                    "compound_columns_to_be_unique",
                    column_list=list(SPAN_KEY),
                    ignore_row_if="any_value_is_missing",
                ),
            ),
        ),
    ]  # fmt: skip
    if gold:
        rules.append(
            RowRule(
                "qualifier_fits_kind",
                "qualifier",
                lambda f: _rowwise(f, _qualifier_fits),
                lambda r: (
                    "a figure needs a qualifier (exact, approx, min, max)"
                    if r.get("kind") == "figure"
                    else "a date has no qualifier or unit"
                ),
                why="a figure has a qualifier; a date has no qualifier or unit",
                gx=(
                    expect("column_values_to_not_be_null", column="qualifier", when=IS_FIGURE),
                    expect("column_values_to_be_null", column="qualifier", when=IS_DATE),
                    expect("column_values_to_be_null", column="unit", when=IS_DATE),
                ),
            )
        )
    else:
        rules.append(
            RowRule(
                "offsets_together",
                "start",
                lambda f: _given(f, "start") == _given(f, "end"),
                lambda r: "give both start and end, or neither",
                why="give both start and end, or neither",
                gx=(
                    expect("column_values_to_not_be_null", column="end", when=present("start")),
                    expect("column_values_to_not_be_null", column="start", when=present("end")),
                ),
            )
        )
    return rules


SPAN_KEY = ("article_id", "kind", "start", "end")


def _qualifier_fits(row: Mapping[str, Any]) -> bool:
    if row.get("kind") == "figure":
        return not is_empty(row.get("qualifier"))
    if row.get("kind") == "date":
        return is_empty(row.get("qualifier")) and is_empty(row.get("unit"))
    return True


def _unique_span(frame: Rows) -> pd.Series:
    keys = [c for c in SPAN_KEY if c in frame]
    located = _num(frame, "start").notna() & _num(frame, "end").notna()
    try:
        repeated = frame[keys].duplicated(keep="first")
    except TypeError:  # an unhashable cell (a JSON list): compare the text instead
        repeated = frame[keys].astype(str).duplicated(keep="first")
    return ~(repeated & located)


# Columns that join a mention to its article. pandera's rules read the articles directly;
# GX sees one table at a time, so ``figdate.expectations.joined`` adds these to its copy.
ARTICLE_LENGTH = "article_length"
ARTICLE_SPAN = "article_text_at_span"
ARTICLE_DATED = "article_dated"
MENTION_COUNT = "mention_count"


def article_rules(articles: Mapping[str, Article], *, gold: bool) -> list[RowRule]:
    """The rules that need the articles: the article exists, offsets and text fit its text."""

    def text_of(row: Mapping[str, Any]) -> str | None:
        article = articles.get(str(row.get("article_id")))
        return article.text if article else None

    def span(row: Mapping[str, Any]) -> tuple[int, int] | None:
        try:
            return int(row["start"]), int(row["end"])
        except (KeyError, TypeError, ValueError):
            return None

    lengths = {name: len(article.text) for name, article in articles.items()}
    by_id = {name: article.text for name, article in articles.items()}

    def within(frame: Rows) -> pd.Series:
        length = _column(frame, "article_id").astype(str).map(lengths)
        end = _num(frame, "end")
        return ~(end > length).fillna(False).astype(bool)

    def matches(frame: Rows) -> pd.Series:
        """Vectorised over plain lists: this runs once per row of every predictions file."""
        starts, ends = _num(frame, "start"), _num(frame, "end")
        said = _column(frame, "text")
        out = np.ones(len(frame), dtype=bool)
        check = (starts.notna() & ends.notna() & (starts >= 0)).to_numpy()
        check &= said.map(lambda w: isinstance(w, str) and bool(w.strip())).to_numpy(dtype=bool)
        rows = np.flatnonzero(check)
        ids = _column(frame, "article_id").to_numpy()[rows]
        texts = [by_id.get(str(i)) for i in ids]
        s_list = starts.to_numpy()[rows].astype(np.int64).tolist()
        e_list = ends.to_numpy()[rows].astype(np.int64).tolist()
        w_list = said.to_numpy()[rows].tolist()
        out[rows] = [
            t is None or e > len(t) or t[s:e] == w  # the offsets' own rules report the rest
            for t, s, e, w in zip(texts, s_list, e_list, w_list, strict=True)
        ]
        return pd.Series(out, index=frame.index, dtype=bool)

    def mismatch(row: Mapping[str, Any]) -> str:
        text, s = text_of(row) or "", span(row) or (0, 0)
        found = text[s[0] : s[1]]
        return f"{row.get('text')!r} does not match the article at {s[0]}-{s[1]}: {found!r}"

    def value_present(row: Mapping[str, Any]) -> bool:
        if not is_empty(row.get("value")):
            return True
        article = articles.get(str(row.get("article_id")))
        undated = article is not None and article.published is None
        optional = row.get("optional") in (True,)
        return row.get("kind") == "date" and (undated or optional)

    rules = [
        RowRule(
            "article_exists",
            "article_id",
            lambda f: _column(f, "article_id").astype(str).isin(set(articles)),
            lambda r: f"unknown article {r.get('article_id')!r}",
            why="the article is in the gold set",
            gx=(expect("column_values_to_not_be_null", column=ARTICLE_LENGTH),),
        ),
        RowRule(
            "within_text",
            "end",
            within,
            lambda r: (
                f"end {r.get('end')} is beyond the article's {len(text_of(r) or '')} characters"
            ),
            why="the span lies within the article's text",
            gx=(
                expect(
                    "column_pair_values_a_to_be_greater_than_b",
                    column_A=ARTICLE_LENGTH,
                    column_B="end",
                    or_equal=True,
                    ignore_row_if="either_value_is_missing",
                ),
            ),
        ),
        RowRule(
            "text_matches",
            "text",
            matches,
            mismatch,
            why="text is the article's text between start and end",
            gx=(
                expect(
                    "column_pair_values_to_be_equal",
                    column_A="text",
                    column_B=ARTICLE_SPAN,
                    ignore_row_if="either_value_is_missing",
                ),
            ),
        ),
    ]
    if gold:
        rules.append(
            RowRule(
                "value_present",
                "value",
                lambda f: _rowwise(f, value_present),
                lambda r: (
                    "value is empty; only a date in an undated article, or an optional "
                    "date, may leave it empty (GUIDELINES.md, 'Empty values')"
                ),
                why="a value is given, except for a date in an undated article or an optional date",
                gx=(
                    expect(
                        "column_values_to_not_be_null",
                        column="value",
                        when=either(
                            IS_FIGURE,
                            both(
                                compare("optional", "!=", True), compare(ARTICLE_DATED, "==", True)
                            ),
                        ),
                    ),
                ),
            )
        )
    return rules


def table_rules(table: str) -> list[TableRule]:
    """Dataset-level rules: a table has rows; few gold mentions are optional."""
    rules = [
        TableRule(
            "has_rows",
            lambda f: len(f) > 0,
            "the table has no rows",
            gx=(expect("table_row_count_to_be_between", min_value=1),),
        )
    ]
    if table == "gold":
        share = f"at most {OPTIONAL_SHARE_MAX:.0%} of the mentions are optional"
        rules.append(
            TableRule(
                "optional_share",
                lambda f: "optional" not in f or float(f["optional"].mean()) <= OPTIONAL_SHARE_MAX,
                share,
                gx=(expect("column_mean_to_be_between", column="optional",
                           max_value=OPTIONAL_SHARE_MAX),),
            )
        )  # fmt: skip
    return rules


def mentioned_rules(mentions: pd.DataFrame) -> list[RowRule]:
    """The articles table's rule that needs the mentions: every gold article has some."""
    mentioned = set(mentions["article_id"].astype(str)) if "article_id" in mentions else set()
    return [
        RowRule(
            "has_mentions",
            "id",
            lambda f: _column(f, "id").astype(str).isin(mentioned),
            lambda r: f"article {r.get('id')!r} has no mentions in the gold set",
            why="every gold article has at least one mention",
            gx=(expect("column_values_to_be_between", column=MENTION_COUNT, min_value=1),),
        )
    ]


def article_schema(
    mentions: pd.DataFrame | None = None,
) -> tuple[pa.DataFrameSchema, dict[str, RowRule]]:
    """The articles schema, with the has-mentions rule when the mentions are given."""
    schema = copy.deepcopy(ArticleModel.to_schema())
    rules = mentioned_rules(mentions) if mentions is not None else []
    tables = table_rules("articles")
    schema.checks = [*schema.checks, *(r.check() for r in rules), *(t.check() for t in tables)]
    return schema, {rule.name: rule for rule in rules}


def mention_schema(
    articles: Mapping[str, Article] | None = None, *, gold: bool = True, dataset: bool = True
) -> tuple[pa.DataFrameSchema, dict[str, RowRule]]:
    """The full schema for a mention table: the model plus its row (and article) rules.

    Returns the schema and its rules by name, so that failures can be explained per row.
    ``dataset=False`` leaves out the rules about the table as a whole (for a part of one).
    """
    model = GoldMentionModel if gold else PredictionModel
    schema = copy.deepcopy(model.to_schema())
    rules = row_rules(gold=gold)
    if articles is not None:
        rules += article_rules(articles, gold=gold)
    tables = table_rules("gold" if gold else "predictions") if dataset else []
    schema.checks = [*schema.checks, *(r.check() for r in rules), *(t.check() for t in tables)]
    return schema, {rule.name: rule for rule in rules}
