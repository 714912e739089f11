"""The contract as Great Expectations suites, generated from the models and the rule catalogue.

GX is the other engine users run, in their own data contexts. To keep the two from
drifting apart, nothing here is written by hand: each pandera column (required, nullable,
unique, type, ``isin``, ``str_matches``, ``ge``, ``str_length``) is translated, and each row
and table rule carries its own GX form beside its pandera test. ``figdate expectations
build`` writes the JSON into ``expectations/``; a test checks the committed files equal what
this module generates. Building needs no GX; only running a suite does (``gx_backend``).

GX sees one table at a time, so the rules that join a mention to its article read columns
that ``joined`` adds (the article's length, its text at the span, whether it is dated; an
article's mention count). In your own context, call ``joined`` before validating, or leave
those columns out and expect those few expectations to fail as "column not found".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandera.pandas as pa

from figdate.contract.conditions import Expectation, expect
from figdate.contract.gx_view import joined as joined  # the view the suites read
from figdate.contract.models import MODELS
from figdate.contract.rules import (
    ARTICLE_DATED,
    ARTICLE_LENGTH,
    ARTICLE_SPAN,
    MENTION_COUNT,
    RowRule,
    TableRule,
    cross_rules,
    row_rules,
    table_rules,
)
from figdate.core import cells
from figdate.core.values import NOT_BLANK
from figdate.core.vocabulary import BOOL_WORDS, TABLE_KINDS, TableKind

TABLES = TABLE_KINDS
_JOINED = [ARTICLE_LENGTH, ARTICLE_SPAN, ARTICLE_DATED]
DERIVED: dict[str, list[str]] = {TableKind.ARTICLES: [MENTION_COUNT], TableKind.GOLD: _JOINED,
           TableKind.PREDICTIONS: _JOINED}  # fmt: skip
"""The columns ``joined`` adds, per table."""
FOLDER = Path("expectations")
WHOLE_NUMBER = cells.WHOLE_TEXT
"""The whole-number expectation's pattern: the one every engine reads an offset by."""
INTEGER_TYPES = ("Int64", "int64")
READING = (
    "Validate the table as figdate reads it: CSV cells as text with empty cells null "
    "(pandas: dtype=str, keep_default_na=False, na_values=['']), JSON values as JSON "
    "types; then figdate.contract.gx_suites.joined(frame, table, articles, mentions) turns "
    "whole-number offsets into numbers, true/false words into booleans, blank values "
    "into nulls, adds absent optional columns as empty ones, and adds the columns that "
    "join a row to its article."
)


def _rules(table: str, *, joined: bool) -> tuple[list[RowRule], list[TableRule]]:
    """Every row and table rule of ``table``; with ``joined``, also the rules across tables
    (GX reads them from the joined columns, so it needs no articles to state them)."""
    across = cross_rules(table) if joined else ()
    return [*row_rules(table), *across], list(table_rules(table))


def _column_expectations(name: str, column: pa.Column) -> list[tuple[Expectation, str]]:
    """One pandera column as (expectation, why) pairs."""
    out: list[tuple[Expectation, str]] = []
    if column.required:
        out.append((expect("column_to_exist", column=name), "the column is present"))
    if not column.nullable:
        out.append((expect("column_values_to_not_be_null", column=name), "a value is required"))
    if column.unique:
        out.append((expect("column_values_to_be_unique", column=name), "values are unique"))
    dtype = str(column.dtype)
    if dtype in INTEGER_TYPES:
        out.append(
            (
                expect("column_values_to_match_regex", column=name, regex=WHOLE_NUMBER),
                "values are whole numbers",
            )
        )
    elif dtype == "boolean":
        out.append(
            (
                expect("column_values_to_be_in_set", column=name, value_set=[True, False]),
                f"values are true or false ({', '.join(BOOL_WORDS)})",
            )
        )
    for check in column.checks:
        out.append(_check_expectation(name, check))
    return out


def _check_expectation(name: str, check: pa.Check) -> tuple[Expectation, str]:
    stats: dict[str, Any] = dict(check.statistics or {})
    if check.name == "isin":
        allowed = list(stats["allowed_values"])
        why = f"values are one of {', '.join(map(str, allowed))}"
        return expect("column_values_to_be_in_set", column=name, value_set=allowed), why
    if check.name == "str_matches" and str(stats["pattern"]) == NOT_BLANK:
        return (
            expect("column_values_to_match_regex", column=name, regex=NOT_BLANK),
            "text is not blank (spaces only)",
        )
    if check.name == "str_matches":
        pattern = str(stats["pattern"])
        return expect("column_values_to_match_regex", column=name, regex=pattern), _PATTERNS.get(
            name, f"values match {pattern}"
        )
    if check.name == "greater_than_or_equal_to":
        low = stats["min_value"]
        return expect("column_values_to_be_between", column=name, min_value=low), f"values >= {low}"
    if check.name == "less_than_or_equal_to":
        high = stats["max_value"]
        return (
            expect("column_values_to_be_between", column=name, max_value=high),
            f"values <= {high}",
        )
    if check.name == "str_length" and stats.get("max_value") is None:
        low = stats["min_value"]
        return (
            expect("column_value_lengths_to_be_between", column=name, min_value=low),
            f"text is at least {low} character(s) long",
        )
    raise ValueError(f"no GX form for pandera check {check.name!r} on column {name!r}")


_PATTERNS = {
    "id": "ids are lowercase slugs (a-z, 0-9, single hyphens)",
    "article_id": "ids are lowercase slugs (a-z, 0-9, single hyphens)",
    "url": "URLs are http(s)",
    "published": "publication dates are calendar days YYYY-MM-DD",
}


def _meta(rule: str, why: str) -> dict[str, str]:
    return {"figdate_rule": rule, "why": why}


def build(table: str, *, joined: bool = True) -> dict[str, Any]:
    """The GX suite for ``table`` (articles, gold or predictions), in GX's JSON form.

    ``joined=False`` leaves out what reads the other table (as pandera does when it is not
    given): the cross-table rules and the joined columns."""
    expectations: list[Expectation] = []
    schema = MODELS[table].to_schema()
    for name, column in schema.columns.items():
        for item, why in _column_expectations(str(name), column):
            expectations.append({**item, "meta": _meta(f"column:{name}", why)})
    if getattr(schema, "strict", False) is True:
        expectations.append(
            {
                **expect("table_columns_to_match_set",
                         column_set=[*schema.columns, *(DERIVED[table] if joined else [])],
                         exact_match=True),
                "meta": _meta("strict", "no columns beyond the contract's"),
            }
        )  # fmt: skip
    rows, tables = _rules(table, joined=joined)
    every: list[RowRule | TableRule] = [*rows, *tables]
    for rule in every:
        for item in rule.gx:
            why = str(item.get("meta", {}).get("why", rule.why))
            expectations.append({**item, "meta": _meta(rule.name, why)})
    return {
        "name": f"figdate.{table}",
        "expectations": expectations,
        "meta": {
            "figdate": "generated by `figdate expectations build` from figdate.contract; "
            "do not edit by hand",
            "reading": READING,
        },
        "notes": None,
    }


def render(table: str) -> str:
    """The suite's JSON text, as committed."""
    return json.dumps(build(table), indent=2, ensure_ascii=False) + "\n"


def write(folder: Path = FOLDER) -> list[Path]:
    """Write every suite into ``folder``; return the paths written."""
    from figdate.core.tables import write_atomic

    paths = []
    for table in TABLES:
        path = folder / f"{table}.json"
        write_atomic(path, render(table).encode("utf-8"))
        paths.append(path)
    return paths


def stale(folder: Path = FOLDER) -> list[Path]:
    """The suites in ``folder`` that differ from what ``build`` generates (or are missing)."""
    out = []
    for table in TABLES:
        path = folder / f"{table}.json"
        if not path.is_file() or path.read_text(encoding="utf-8") != render(table):
            out.append(path)
    return out
