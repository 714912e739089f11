"""Running the schemas: lazy pandera validation turned into one-line problems.

pandera reports failures as a table of (check, column, index, failure case); a person
wants "file:line: row N, column C: why". This module does that translation and nothing
else, so the contract stays in ``figdate.contract.rules``.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Mapping
from typing import Any

import pandas as pd
import pandera.errors as pe

from figdate.contract.rules import table_rules
from figdate.contract.schema import Schema, article_schema, mention_schema
from figdate.core.model import Article
from figdate.core.problems import Finding, Problem
from figdate.core.tables import Table
from figdate.core.vocabulary import KINDS, QUALIFIERS, SLUG, TRUE_WORDS, TableKind

TABLE_RULES = {
    r.name: r.why for t in (TableKind.GOLD, TableKind.PREDICTIONS) for r in table_rules(t)
}
Validated = tuple[pd.DataFrame | None, list[Problem]]
Found = tuple[str, Problem]  # (check, problem)
EXAMPLES = 5


def validate_articles(table: Table, mentions: pd.DataFrame | None = None) -> Validated:
    """Validate an articles table (and, given the mentions, that each article has some);
    return the typed frame (or None) and the problems."""
    return _problems_only(_run(article_schema(mentions), table))


def validate_mentions(
    table: Table,
    articles: Mapping[str, Article] | None = None,
    *,
    gold: bool = True,
    dataset: bool = True,
) -> Validated:
    """Validate a gold (``gold=True``) or predicted mention table against the articles;
    ``dataset=False`` for a part of a table (one annotator's, one article's)."""
    return _problems_only(_run(mention_schema(articles, gold=gold, dataset=dataset), table))


def findings(
    table: Table,
    name: str,
    articles: Mapping[str, Article] | None = None,
    mentions: pd.DataFrame | None = None,
) -> list[Finding]:
    """pandera's failed checks on ``table`` (articles, gold or predictions), grouped by check
    with their row counts and first rows, for ``figdate validate``."""
    if name == TableKind.ARTICLES:
        schema = article_schema(mentions)
    else:
        schema = mention_schema(articles, gold=name == TableKind.GOLD)
    rules = schema.rules
    _, found = _run(schema, table)
    groups: dict[tuple[str, str | None], list[Problem]] = {}
    for check, problem in found:
        groups.setdefault((check, problem.column), []).append(problem)
    missing = {c for (check, c) in groups if check == "column_in_dataframe"}
    out = []
    for (check, column), problems in groups.items():
        if check in rules and column in missing:
            continue  # a rule on a column that is not there: its absence is the finding
        rows = sorted({p.row for p in problems if p.row is not None})
        why = rules[check].why if check in rules else problems[0].reason
        out.append(
            Finding(
                "pandera",
                check,
                column,
                len(rows) if rows else None,
                why,
                tuple(sorted(problems, key=lambda p: p.row or 0)[:EXAMPLES]),
            )
        )
    return out


def _problems_only(result: tuple[pd.DataFrame | None, list[Found]]) -> Validated:
    frame, found = result
    problems = sorted({p for _, p in found}, key=lambda p: (p.line or 0, p.column or "", p.reason))
    return frame, problems


def _run(schema: Schema, table: Table) -> tuple[pd.DataFrame | None, list[Found]]:
    try:
        with warnings.catch_warnings():  # a cast of 1e308 warns: its check reports it
            warnings.simplefilter("ignore", RuntimeWarning)
            frame = schema.schema.validate(table.frame.copy(), lazy=True)
    except pe.SchemaErrors as errors:
        return None, _problems(errors, schema, table)
    except pe.SchemaError as error:  # raised on its own by some schema-level failures
        return None, [("schema", Problem(table.path, reason=str(error).splitlines()[0]))]
    return frame, []


def _problems(errors: pe.SchemaErrors, schema: Schema, table: Table) -> list[Found]:
    cases = errors.failure_cases
    out: dict[Problem, str] = {}
    seen_rows: set[tuple[str, int]] = set()
    for case in cases.to_dict("records"):
        check = str(case.get("check"))
        column = case.get("column")
        column = column if isinstance(column, str) and column in table.frame.columns else None
        index = case.get("index")
        value = case.get("failure_case")
        rule = schema.rules.get(check)
        if rule is not None:
            if not isinstance(index, int) or (check, index) in seen_rows:
                continue
            seen_rows.add((check, index))
            line, row = table.where(index)
            original = _original_row(table, index)
            reason = schema.explain(check, original)
            out[Problem(table.path, line, row, rule.column, reason)] = check
            continue
        if not isinstance(index, int) and "TypeError" in str(value):
            continue  # a check run on cells that failed to coerce: coerce_dtype says why
        if isinstance(index, int):
            if check.startswith("dtype("):
                continue  # the same cell's coerce_dtype failure says it better
            line, row = table.where(index)
            out[Problem(table.path, line, row, column, _reason(check, column, value))] = check
        else:
            out[_table_problem(table, check, case)] = check
    return [(check, problem) for problem, check in out.items()]


def _original_row(table: Table, index: int) -> dict[str, Any]:
    row = {str(k): v for k, v in table.frame.loc[index].to_dict().items()}
    for key in ("start", "end"):
        with contextlib.suppress(TypeError, ValueError):
            row[key] = int(row[key]) if row.get(key) is not None else None
    if isinstance(row.get("optional"), str):
        row["optional"] = row["optional"].strip().lower() in TRUE_WORDS
    return row


def _table_problem(table: Table, check: str, case: Mapping[str, Any]) -> Problem:
    value = case.get("failure_case")
    if check == "column_in_dataframe":
        return Problem(table.path, line=1, column=str(value), reason="required column is missing")
    if check == "column_in_schema":
        return Problem(table.path, line=1, column=str(value), reason="unexpected column")
    if check in TABLE_RULES:
        return Problem(table.path, reason=f"{TABLE_RULES[check]} (fails)")
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
        allowed = QUALIFIERS if column == "qualifier" else KINDS
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
    if check.startswith("str_matches") and column == "text":
        return f"{shown} is blank (spaces only): no figure or date"
    if check.startswith("less_than_or_equal_to"):
        bound = check.partition("(")[2].rstrip(")")
        return f"{shown} is above {bound}, out of range for an offset"
    if check == "field_uniqueness":
        return f"{shown} is repeated"
    if check.startswith("str_matches") and column == "published":
        return f"{shown} is not a calendar date YYYY-MM-DD"
    if check.startswith("dtype("):
        return f"{shown} has the wrong type ({check})"
    return f"{shown} fails {check}"
