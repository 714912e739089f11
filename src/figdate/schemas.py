"""The contract: pandera models of the three tables, and the checks that span rows and tables.

``ArticleModel``, ``GoldMentionModel`` and ``PredictionModel`` state the columns, their
types and value sets; users import them to validate their own tables. The cross-table
rules (the article exists, the offsets lie inside its text, the text matches) need the
articles, so ``mention_schema`` adds them to a copy of a model's schema. Running a schema
and turning its failures into one-line problems is ``figdate.validation``'s job.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from figdate.model import KINDS, QUALIFIERS, Article, records
from figdate.values import is_empty, parse_date, parse_figure

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
BOOL_WORDS = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}


def _parse_bool(series: pd.Series) -> pd.Series:
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
    published: Series[str] = pa.Field(nullable=True)
    note: Series[str] = pa.Field(nullable=True)

    @pa.check("published", name="iso_day", element_wise=True)
    def _published_is_day(cls, value: str) -> bool:
        return _ok(lambda: len(parse_date(value)) == 10)

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

    class Config:
        coerce = True


class GoldMentionModel(_MentionColumns):
    """``mentions.csv``: every figure and date of the gold set, with its normalised value."""

    optional: Series[pd.BooleanDtype] = pa.Field()
    note: Series[str] = pa.Field(nullable=True)

    @pa.parser("optional")
    def _optional_words(cls, series: pd.Series) -> pd.Series:
        return _parse_bool(series)

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


def _ok(test: Callable[[], bool]) -> bool:
    try:
        return test()
    except (ValueError, TypeError, OverflowError):
        return False


def _why(parse: Callable[[], object]) -> str:
    try:
        parse()
    except (ValueError, TypeError) as exc:
        return str(exc)
    return "is invalid"


# Row-wise rules. Each names the column a person should look at and explains one row.
Rows = pd.DataFrame
RowTest = Callable[[Rows], "pd.Series[bool]"]
Explain = Callable[[Mapping[str, Any]], str]


@dataclass(frozen=True)
class RowRule:
    """A rule over whole rows (or over rows and the articles): a pandera wide check whose
    failures are reported against ``column`` with ``explain(row)`` as the reason."""

    name: str
    column: str
    test: RowTest
    explain: Explain

    def check(self) -> pa.Check:
        return pa.Check(self.test, name=self.name, error=self.name)


def _num(frame: Rows, column: str) -> pd.Series:
    return pd.to_numeric(frame[column], errors="coerce") if column in frame else _na(frame)


def _na(frame: Rows) -> pd.Series:
    return pd.Series(float("nan"), index=frame.index)


def _rowwise(frame: Rows, test: Callable[[Mapping[str, Any]], bool]) -> pd.Series:
    results: list[bool] = [test(row) for row in records(frame)]
    return pd.Series(results, index=frame.index, dtype=bool)


def _value_ok(row: Mapping[str, Any], *, gold: bool) -> bool:
    value = row.get("value")
    if is_empty(value):
        return True  # whether a value may be empty is value_present's rule
    if row.get("kind") == "figure":
        return _ok(lambda: parse_figure(value) is not None)
    if row.get("kind") == "date":
        return _ok(lambda: bool(parse_date(value, allow_time=not gold)))
    return True


def _value_why(row: Mapping[str, Any], *, gold: bool) -> str:
    value = row.get("value")
    if row.get("kind") == "figure":
        return "figure value " + _why(lambda: parse_figure(value))
    return "date value " + _why(lambda: parse_date(value, allow_time=not gold))


def _start_before_end(frame: Rows) -> pd.Series:
    return ~(_num(frame, "start") >= _num(frame, "end"))


def row_rules(*, gold: bool) -> list[RowRule]:
    """The rules within one table: offsets ordered, values fit their kind, no duplicates."""
    rules = [
        RowRule(
            "start_before_end",
            "end",
            _start_before_end,
            lambda r: f"end {r.get('end')} is not after start {r.get('start')}",
        ),
        RowRule(
            "value_fits_kind",
            "value",
            lambda f: _rowwise(f, lambda r: _value_ok(r, gold=gold)),
            lambda r: _value_why(r, gold=gold),
        ),
        RowRule(
            "unique_span",
            "start",
            _unique_span,
            lambda r: (
                f"repeats the {r.get('kind')} at {r.get('start')}-{r.get('end')} "
                f"of article {r.get('article_id')!r}"
            ),
        ),
    ]
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
            )
        )
    else:
        rules.append(
            RowRule(
                "offsets_together",
                "start",
                lambda f: _num(f, "start").isna() == _num(f, "end").isna(),
                lambda r: "give both start and end, or neither",
            )
        )
    return rules


def _qualifier_fits(row: Mapping[str, Any]) -> bool:
    if row.get("kind") == "figure":
        return not is_empty(row.get("qualifier"))
    if row.get("kind") == "date":
        return is_empty(row.get("qualifier")) and is_empty(row.get("unit"))
    return True


def _unique_span(frame: Rows) -> pd.Series:
    keys = [c for c in ("article_id", "kind", "start", "end") if c in frame]
    located = _num(frame, "start").notna() & _num(frame, "end").notna()
    repeated = frame[keys].astype(str).duplicated(keep="first")
    return ~(repeated & located)


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

    def within(row: Mapping[str, Any]) -> bool:
        text, s = text_of(row), span(row)
        return text is None or s is None or s[1] <= len(text)

    def matches(row: Mapping[str, Any]) -> bool:
        text, s, said = text_of(row), span(row), row.get("text")
        if text is None or s is None or is_empty(said) or s[1] > len(text):
            return True
        return text[s[0] : s[1]] == said

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
            lambda f: _rowwise(f, lambda r: str(r.get("article_id")) in articles),
            lambda r: f"unknown article {r.get('article_id')!r}",
        ),
        RowRule(
            "within_text",
            "end",
            lambda f: _rowwise(f, within),
            lambda r: (
                f"end {r.get('end')} is beyond the article's {len(text_of(r) or '')} characters"
            ),
        ),
        RowRule("text_matches", "text", lambda f: _rowwise(f, matches), mismatch),
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
            )
        )
    return rules


def mention_schema(
    articles: Mapping[str, Article] | None = None, *, gold: bool = True
) -> tuple[pa.DataFrameSchema, dict[str, RowRule]]:
    """The full schema for a mention table: the model plus its row (and article) rules.

    Returns the schema and its rules by name, so that failures can be explained per row.
    """
    model = GoldMentionModel if gold else PredictionModel
    schema = copy.deepcopy(model.to_schema())
    rules = row_rules(gold=gold)
    if articles is not None:
        rules += article_rules(articles, gold=gold)
    schema.checks = [*schema.checks, *(rule.check() for rule in rules)]
    return schema, {rule.name: rule for rule in rules}
