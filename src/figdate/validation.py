"""Running the schemas: lazy pandera validation turned into one-line problems.

pandera reports failures as a table of (check, column, index, failure case); a person
wants "file:line: row N, column C: why". This module does that translation and nothing
else, so the contract stays in ``figdate.schemas``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.errors as pe
import pandera.pandas as pa

from figdate.model import QUALIFIERS, Article
from figdate.problems import Problem
from figdate.schemas import (
    SLUG,
    ArticleModel,
    RowRule,
    mention_schema,
)
from figdate.tables import Table

Validated = tuple[pd.DataFrame | None, list[Problem]]


def validate_articles(table: Table) -> Validated:
    """Validate an articles table; return the typed frame (or None) and the problems."""
    return _run(ArticleModel.to_schema(), {}, table)


def validate_mentions(
    table: Table, articles: Mapping[str, Article] | None = None, *, gold: bool = True
) -> Validated:
    """Validate a gold (``gold=True``) or predicted mention table against the articles."""
    schema, rules = mention_schema(articles, gold=gold)
    return _run(schema, rules, table)


def _run(schema: pa.DataFrameSchema, rules: Mapping[str, RowRule], table: Table) -> Validated:
    try:
        frame = schema.validate(table.frame.copy(), lazy=True)
    except pe.SchemaErrors as errors:
        return None, _problems(errors, rules, table)
    except pe.SchemaError as error:  # raised on its own by some schema-level failures
        return None, [Problem(table.path, reason=str(error).splitlines()[0])]
    return frame, []


def _problems(errors: pe.SchemaErrors, rules: Mapping[str, RowRule], table: Table) -> list[Problem]:
    cases = errors.failure_cases
    out: set[Problem] = set()
    seen_rows: set[tuple[str, int]] = set()
    for case in cases.to_dict("records"):
        check = str(case.get("check"))
        column = case.get("column")
        column = column if isinstance(column, str) and column in table.frame.columns else None
        index = case.get("index")
        value = case.get("failure_case")
        rule = rules.get(check)
        if rule is not None:
            if not isinstance(index, int) or (check, index) in seen_rows:
                continue
            seen_rows.add((check, index))
            line, row = table.where(index)
            original = _original_row(table, index)
            out.add(Problem(table.path, line, row, rule.column, rule.explain(original)))
            continue
        if isinstance(index, int):
            if check.startswith("dtype("):
                continue  # the same cell's coerce_dtype failure says it better
            line, row = table.where(index)
            out.add(Problem(table.path, line, row, column, _reason(check, column, value)))
        else:
            out.add(_table_problem(table, check, case))
    return sorted(out, key=lambda p: (p.line or 0, p.column or "", p.reason))


def _original_row(table: Table, index: int) -> dict[str, Any]:
    row = {str(k): v for k, v in table.frame.loc[index].to_dict().items()}
    for key in ("start", "end"):
        with contextlib.suppress(TypeError, ValueError):
            row[key] = int(row[key]) if row.get(key) is not None else None
    if isinstance(row.get("optional"), str):
        row["optional"] = row["optional"].strip().lower() in {"true", "1", "yes"}
    return row


def _table_problem(table: Table, check: str, case: Mapping[str, Any]) -> Problem:
    value = case.get("failure_case")
    if check == "column_in_dataframe":
        return Problem(table.path, line=1, column=str(value), reason="required column is missing")
    if check == "column_in_schema":
        return Problem(table.path, line=1, column=str(value), reason="unexpected column")
    return Problem(table.path, reason=f"{check}: {value}")


def _reason(check: str, column: str | None, value: object) -> str:
    """A person's words for pandera's built-in checks."""
    shown = repr(value)
    if check.startswith("coerce_dtype"):
        wanted = check.partition("(")[2].rstrip(")").strip("'")
        kind = "a whole number" if "int" in wanted.lower() else f"of type {wanted}"
        if wanted in {"bool", "boolean"}:
            kind = "true or false"
        return f"{shown} is not {kind}"
    if check == "not_nullable":
        return "is empty; a value is required"
    if check.startswith("isin"):
        allowed = QUALIFIERS if column == "qualifier" else ("figure", "date")
        return f"{shown} is not one of {', '.join(allowed)}"
    if check.startswith("greater_than_or_equal_to"):
        bound = check.partition("(")[2].rstrip(")")
        return f"{shown} is below {bound}"
    if check.startswith("str_matches") and column in {"id", "article_id"}:
        return f"{shown} is not a lowercase slug (a-z, 0-9 and single hyphens: {SLUG})"
    if check.startswith("str_matches") and column == "url":
        return f"{shown} is not an http(s) URL"
    if check.startswith("str_length"):
        return "is empty"
    if check == "field_uniqueness":
        return f"{shown} is repeated"
    if check == "iso_day":
        return f"{shown} is not a calendar date YYYY-MM-DD"
    if check.startswith("dtype("):
        return f"{shown} has the wrong type ({check})"
    return f"{shown} fails {check}"
