"""The rule catalogue: the checks over whole rows and tables that a column type cannot state.

Each rule is declared once, at module level, with its pandera test, the column a person
should look at, the reason for one failing row, and the same rule as Great Expectations
expectations (``gx``). The data a rule needs besides the table (the articles, the ids that
have mentions) is passed at check time in a ``Context``, so the catalogue is static: the GX
suites are built from it without any data, and pandera gets it with the data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pandera.pandas as pa

from figdate.contract import checks
from figdate.contract.checks import SPAN_KEY, Context
from figdate.contract.conditions import (
    IS_DATE,
    IS_FIGURE,
    Expectation,
    absent,
    both,
    compare,
    either,
    expect,
    present,
)
from figdate.core.timex import PREDICTED_DATE_PATTERN, TIMEX3_PATTERN
from figdate.core.values import DATE_PATTERN, FIGURE_PATTERN
from figdate.core.vocabulary import TableKind

OPTIONAL_SHARE_MAX = 0.25
"""At most this share of gold mentions may be optional (GUIDELINES.md, 'Optional mentions'):
more means the annotators are dodging decisions the benchmark needs them to make."""

# Columns that join a mention to its article. pandera's rules read the articles from the
# Context; GX sees one table at a time, so ``gx_suites.joined`` adds these to its copy.
ARTICLE_LENGTH = "article_length"
ARTICLE_SPAN = "article_text_at_span"
ARTICLE_DATED = "article_dated"
MENTION_COUNT = "mention_count"

Rows = pd.DataFrame
__all__ = ["SPAN_KEY", "Context", "RowRule", "TableRule", "cross_rules", "row_rules", "table_rules"]


RowTest = Callable[[Rows, Context], "pd.Series[bool]"]
Explain = Callable[[Mapping[str, Any], Context], str]


@dataclass(frozen=True)
class RowRule:
    """A rule over whole rows: a pandera wide check whose failures are reported against
    ``column`` with ``explain(row)`` as the reason; ``why`` states the rule, and ``gx`` is
    the same rule as GX expectations."""

    name: str
    column: str
    test: RowTest
    explain: Explain
    why: str
    gx: tuple[Expectation, ...] = ()

    def check(self, context: Context, masks: dict[str, pd.Series] | None = None) -> pa.Check:
        """The rule as a pandera wide check, failing row by row; given ``masks``, a check
        that keeps its per-row result there and fails once for the table, so that the
        caller lists the failing rows itself (pandera's failure-case table repeats each
        failing row once per column: most of the time of a file where every row fails)."""
        # ignore_na=False: the rules judge empty cells themselves, and pandera's NA
        # screening of the whole frame per check was a third of the time on large tables
        if masks is None:
            test: Callable[[Rows], object] = lambda frame: self.test(frame, context)  # noqa: E731
        else:
            test = functools.partial(self._kept, context=context, masks=masks)
        return pa.Check(test, name=self.name, error=self.name, ignore_na=False)

    def _kept(self, frame: Rows, *, context: Context, masks: dict[str, pd.Series]) -> bool:
        masks[self.name] = mask = self.test(frame, context)
        return bool(mask.all())


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


FIGURE_WHY = "a figure's value is a finite, non-negative number"
DATE_WHY = "a date's value is a real calendar date YYYY, YYYY-MM or YYYY-MM-DD"
DATETIME_WHY = DATE_WHY + " (or a day with a time of day), or a TimeML TIMEX3 value"
TIMEX_WHY = "a date with a TIMEX3 type (a TimeML dataset) has a TimeML TIMEX3 value"


def _value_rule(*, gold: bool) -> RowRule:
    return RowRule(
        "value_fits_kind",
        "value",
        functools.partial(checks.value_fits_kind, gold=gold),
        functools.partial(checks.value_why, gold=gold),
        why="a figure's value is a non-negative number; a date's is an ISO 8601 date string",
        gx=(
            expect("column_values_to_match_regex", column="value", regex=FIGURE_PATTERN,
                   when=IS_FIGURE, why=FIGURE_WHY),
            expect("column_values_to_be_in_type_list", column="value",
                   type_list=["str", "StringType"],  # pandas' name, Spark's
                   when=IS_DATE, why="a date's value is a string, not a number"),
            *((expect("column_values_to_match_regex", column="value", regex=DATE_PATTERN,
                      when=both(IS_DATE, absent("type")), why=DATE_WHY),
               expect("column_values_to_match_regex", column="value", regex=TIMEX3_PATTERN,
                      when=both(IS_DATE, present("type")), why=TIMEX_WHY))
              if gold else
              (expect("column_values_to_match_regex", column="value",
                      regex=PREDICTED_DATE_PATTERN, when=IS_DATE, why=DATETIME_WHY),)),
        ),
    )  # fmt: skip


START_BEFORE_END = RowRule(
    "start_before_end",
    "end",
    # a row without both offsets passes (offsets_together judges it), as in GX's form:
    # pandas' NA from a nullable column would otherwise fail every text-only prediction
    lambda f, c: ~(checks.num(f, "start") >= checks.num(f, "end")).fillna(False).astype(bool),
    lambda r, c: f"end {r.get('end')} is not after start {r.get('start')}",
    why="end must be after start",
    gx=(
        expect("column_pair_values_a_to_be_greater_than_b", column_A="end", column_B="start",
               or_equal=False, ignore_row_if="either_value_is_missing"),
    ),
)  # fmt: skip
UNIQUE_SPAN = RowRule(
    "unique_span",
    "start",
    checks.unique_span,
    lambda r, c: (
        f"repeats the {r.get('kind')} at {r.get('start')}-{r.get('end')} "
        f"of article {r.get('article_id')!r}"
    ),
    why="a span is listed once per kind",
    gx=(
        expect("compound_columns_to_be_unique", column_list=list(SPAN_KEY),
               ignore_row_if="any_value_is_missing"),
    ),
)  # fmt: skip
QUALIFIER_FITS_KIND = RowRule(
    "qualifier_fits_kind",
    "qualifier",
    lambda f, c: checks.rowwise(f, checks.qualifier_fits),
    lambda r, c: (
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
OFFSETS_TOGETHER = RowRule(
    "offsets_together",
    "start",
    lambda f, c: checks.given(f, "start") == checks.given(f, "end"),
    lambda r, c: "give both start and end, or neither",
    why="give both start and end, or neither",
    gx=(
        expect("column_values_to_not_be_null", column="end", when=present("start")),
        expect("column_values_to_not_be_null", column="start", when=present("end")),
    ),
)

ARTICLE_EXISTS = RowRule(
    "article_exists",
    "article_id",
    lambda f, c: checks.column_of(f, "article_id").astype(str).isin(set(c.articles)),
    lambda r, c: f"unknown article {r.get('article_id')!r}",
    why="the article is in the gold set",
    gx=(expect("column_values_to_not_be_null", column=ARTICLE_LENGTH),),
)
WITHIN_TEXT = RowRule(
    "within_text",
    "end",
    checks.within,
    lambda r, c: (
        f"end {r.get('end')} is beyond the article's {len(checks.text_of(r, c))} characters"
    ),
    why="the span lies within the article's text",
    gx=(
        expect("column_pair_values_a_to_be_greater_than_b", column_A=ARTICLE_LENGTH,
               column_B="end", or_equal=True, ignore_row_if="either_value_is_missing"),
    ),
)  # fmt: skip
TEXT_MATCHES = RowRule(
    "text_matches",
    "text",
    checks.matches,
    checks.mismatch,
    why="text is the article's text between start and end",
    gx=(
        expect("column_pair_values_to_be_equal", column_A="text", column_B=ARTICLE_SPAN,
               ignore_row_if="either_value_is_missing"),
    ),
)  # fmt: skip
VALUE_PRESENT = RowRule(
    "value_present",
    "value",
    checks.value_present,
    lambda r, c: (
        "value is empty; only a date in an undated article, or an optional "
        "date, may leave it empty (GUIDELINES.md, 'Empty values')"
    ),
    why="a value is given, except for a date in an undated article or an optional date",
    gx=(
        expect("column_values_to_not_be_null", column="value",
               when=either(IS_FIGURE, both(compare("optional", "!=", True),
                                           compare(ARTICLE_DATED, "==", True)))),
    ),
)  # fmt: skip
HAS_MENTIONS = RowRule(
    "has_mentions",
    "id",
    lambda f, c: checks.column_of(f, "id").astype(str).isin(c.mentioned),
    lambda r, c: f"article {r.get('id')!r} has no mentions in the gold set",
    why="every gold article has at least one mention",
    gx=(expect("column_values_to_be_between", column=MENTION_COUNT, min_value=1),),
)

# Rules over a whole table ----------------------------------------------------------------

HAS_ROWS = TableRule(
    "has_rows",
    lambda f: len(f) > 0,
    "the table has no rows",
    gx=(expect("table_row_count_to_be_between", min_value=1),),
)
OPTIONAL_SHARE = TableRule(
    "optional_share",
    lambda f: "optional" not in f or float(f["optional"].mean()) <= OPTIONAL_SHARE_MAX,
    f"at most {OPTIONAL_SHARE_MAX:.0%} of the mentions are optional",
    gx=(expect("column_mean_to_be_between", column="optional", max_value=OPTIONAL_SHARE_MAX),),
)

_WITHIN: dict[str, tuple[RowRule, ...]] = {
    TableKind.ARTICLES: (),
    TableKind.GOLD: (START_BEFORE_END, _value_rule(gold=True), UNIQUE_SPAN, QUALIFIER_FITS_KIND),
    TableKind.PREDICTIONS: (
        START_BEFORE_END, _value_rule(gold=False), UNIQUE_SPAN, OFFSETS_TOGETHER,
    ),
}  # fmt: skip
_ACROSS: dict[str, tuple[RowRule, ...]] = {
    TableKind.ARTICLES: (HAS_MENTIONS,),
    TableKind.GOLD: (ARTICLE_EXISTS, WITHIN_TEXT, TEXT_MATCHES, VALUE_PRESENT),
    TableKind.PREDICTIONS: (ARTICLE_EXISTS, WITHIN_TEXT, TEXT_MATCHES),
}
_TABLE: dict[str, tuple[TableRule, ...]] = {
    TableKind.ARTICLES: (HAS_ROWS,),
    TableKind.GOLD: (HAS_ROWS, OPTIONAL_SHARE),
    TableKind.PREDICTIONS: (HAS_ROWS,),
}


def row_rules(table: str) -> tuple[RowRule, ...]:
    """The rules within one table (articles, gold or predictions)."""
    return _WITHIN[table]


def cross_rules(table: str) -> tuple[RowRule, ...]:
    """The rules that read the other table: for mentions the articles, for articles the
    mentions (every article has some)."""
    return _ACROSS[table]


def table_rules(table: str) -> tuple[TableRule, ...]:
    """Dataset-level rules: a table has rows; few gold mentions are optional."""
    return _TABLE[table]
