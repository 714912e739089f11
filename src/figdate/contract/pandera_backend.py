"""Running the schemas: lazy pandera validation turned into one-line problems.

pandera reports failures as a table of (check, column, index, failure case); a person
wants "file:line: row N, column C: why". This module does that translation and nothing
else, so the contract stays in ``figdate.contract.rules``.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterator, Mapping, Sequence
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
COLUMN_CHECKS = {
    "column_in_dataframe": "required column is missing",
    "column_in_schema": "unexpected column",
}
"""pandera's checks of the columns a table has, and a person's words for them."""


def validate_articles(table: Table, mentions: pd.DataFrame | None = None) -> Validated:
    """Validate an articles table (and, given the mentions, that each article has some);
    return the typed frame (or None) and the problems."""
    return _problems_only(_run(article_schema(mentions, masks=True), table))


def validate_mentions(
    table: Table,
    articles: Mapping[str, Article] | None = None,
    *,
    gold: bool = True,
    dataset: bool = True,
) -> Validated:
    """Validate a gold (``gold=True``) or predicted mention table against the articles;
    ``dataset=False`` for a part of a table (one annotator's, one article's)."""
    schema = mention_schema(articles, gold=gold, dataset=dataset, masks=True)
    return _problems_only(_run(schema, table))


def findings(
    table: Table,
    name: str,
    articles: Mapping[str, Article] | None = None,
    mentions: pd.DataFrame | None = None,
    *,
    dataset: bool = True,
) -> list[Finding]:
    """pandera's failed checks on ``table`` (articles, gold or predictions), grouped by check
    with their row counts and first rows, for ``figdate validate``; ``dataset=False`` for a
    part of a table (the rules about a whole table left out)."""
    if name == TableKind.ARTICLES:
        schema = article_schema(mentions, masks=True)
    else:
        schema = mention_schema(articles, gold=name == TableKind.GOLD, dataset=dataset, masks=True)
    rules = schema.rules
    _, found, failing = _run(schema, table, examples=EXAMPLES)
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
                failing.get(check, len(rows)) or None,
                why,
                tuple(sorted(problems, key=lambda p: p.row or 0)[:EXAMPLES]),
            )
        )
    return out


def _problems_only(result: tuple[pd.DataFrame | None, list[Found], dict[str, int]]) -> Validated:
    frame, found, _ = result
    problems = sorted({p for _, p in found}, key=lambda p: (p.line or 0, p.column or "", p.reason))
    return frame, problems


def _run(
    schema: Schema, table: Table, examples: int | None = None
) -> tuple[pd.DataFrame | None, list[Found], dict[str, int]]:
    """The typed frame (None if invalid), the problems, and how many rows each row rule
    failed. Given ``examples``, a row rule's problems are its first failing rows only."""
    failing: dict[str, int] = {}
    try:
        with warnings.catch_warnings():  # a cast of 1e308 warns: its check reports it
            warnings.simplefilter("ignore", RuntimeWarning)
            frame = schema.schema.validate(table.frame.copy(), lazy=True)
    except pe.SchemaErrors as errors:
        return None, _problems(errors, schema, table, examples, failing), failing
    except pe.SchemaError as error:  # raised on its own by some schema-level failures
        return None, [("schema", Problem(table.path, reason=str(error).splitlines()[0]))], {}
    return frame, [], {}


def _problems(
    errors: pe.SchemaErrors,
    schema: Schema,
    table: Table,
    examples: int | None,
    failing: dict[str, int],
) -> list[Found]:
    """One problem per failing cell or row (per row rule, the first ``examples`` rows if
    given; ``failing`` gets each rule's count). pandera's failure cases are read as column
    lists, and a failing row's cells from lists made once (``_Rows``): a file where every
    row fails costs about twice a valid one, not a pandas lookup per row."""
    cases = errors.failure_cases
    out: dict[Problem, str] = {}
    seen_rows: set[tuple[str, int]] = set()
    rows = _Rows(table.frame)
    known = set(table.frame.columns)
    for check, column, index, value in zip(
        [str(c) for c in cases["check"].tolist()],
        cases["column"].tolist(),
        cases["index"].tolist(),
        cases["failure_case"].tolist(),
        strict=True,
    ):
        column = column if isinstance(column, str) and column in known else None
        rule = schema.rules.get(check)
        if rule is not None:
            labels = [index] if isinstance(index, int) else _failing(schema, check)
            if not isinstance(index, int):
                failing[check] = len(labels)
                labels = labels[:examples] if examples is not None else labels
            for index in labels:
                if (check, index) in seen_rows:
                    continue
                seen_rows.add((check, index))
                line, row = table.where(index)
                reason = schema.explain(check, rows.original(index))
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
            out[_table_problem(table, check, {"failure_case": value})] = check
    return [(check, problem) for problem, check in out.items()]


def _failing(schema: Schema, check: str) -> list[int]:
    """The index labels of the rows a kept row rule failed (``Schema.masks``); none where
    the rule raised (the cells it read failed to coerce: their own problems say why)."""
    mask = (schema.masks or {}).get(check)
    if mask is None:
        return []
    passed = mask.to_numpy(dtype=bool, na_value=False)
    return [i for i in mask.index[~passed].tolist() if isinstance(i, int)]


class _Rows:
    """A table's rows as the file gave them, by index label, from one list per column made
    on first use; a row is a view that reads only the cells its rule asks for."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.cells: dict[str, list[Any]] = {}
        self.position: dict[Any, int] | None = None

    def original(self, index: int) -> Mapping[str, Any]:
        if not self.cells:
            self.cells = {  # through numpy: iterating an Arrow column is per element
                str(name): self.frame[name].to_numpy(dtype=object).tolist()
                for name in self.frame.columns
            }
            labels = self.frame.index
            plain = isinstance(labels, pd.RangeIndex) and labels.start == 0 and labels.step == 1
            self.position = None if plain else {label: i for i, label in enumerate(labels)}
        return _Row(self.cells, index if self.position is None else self.position[index])


class _Row(Mapping[str, Any]):
    """One row's cells: offsets as ints where they are whole numbers, ``optional`` read as
    a boolean word, as the rules expect of a typed row."""

    def __init__(self, cells: dict[str, list[Any]], at: int) -> None:
        self.cells, self.at = cells, at

    def __getitem__(self, key: str) -> Any:
        value = self.cells[key][self.at]
        if key in ("start", "end") and value is not None:
            return _whole(value)
        if key == "optional" and isinstance(value, str):
            return value.strip().lower() in TRUE_WORDS
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self.cells)

    def __len__(self) -> int:
        return len(self.cells)


def _whole(value: Any) -> Any:
    """An offset as an int where it is one, else as the file gave it (the rule says why)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return value


def _table_problem(table: Table, check: str, case: Mapping[str, Any]) -> Problem:
    value = case.get("failure_case")
    if check in COLUMN_CHECKS:
        return Problem(table.path, line=1, column=str(value), reason=COLUMN_CHECKS[check])
    if check in TABLE_RULES:
        return Problem(table.path, reason=f"{TABLE_RULES[check]} (fails)")
    return Problem(table.path, reason=f"{check}: {value}")


def _listed(check: str) -> tuple[str, ...]:
    """The values an ``isin([...])`` check allows, as pandera names the check."""
    try:
        values = ast.literal_eval(check.partition("(")[2].rpartition(")")[0])
    except (ValueError, SyntaxError):
        return ()
    return tuple(str(v) for v in values) if isinstance(values, list | tuple | set) else ()


def _not_allowed(value: object, allowed: Sequence[str]) -> str:
    """The reason a value is not among ``allowed``, with the nearest (``date``: ``DATE``)."""
    import difflib

    text, allowed = str(value), [str(a) for a in allowed]
    near = [a for a in allowed if a.lower() == text.lower()]
    near = near or difflib.get_close_matches(text, allowed, n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    return f"{value!r} is not one of {', '.join(allowed)}{hint}"


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
        return _not_allowed(
            value, _listed(check) or (QUALIFIERS if column == "qualifier" else KINDS)
        )
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
