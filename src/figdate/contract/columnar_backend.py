"""The contract over polars columns: each check of a mention table as one vectorised mask.

For a file of a million rows the question is mostly "is it valid?", and then pandera's
per-element work is the cost. Here each check of the pandera schema (the models' column
checks, read from the schema itself, and the catalogue's row rules) is a polars
expression, counted over the whole file at once. Only the first failing rows of each check
are explained, and pandera explains them: the row reader's view of those rows goes through
``pandera_backend`` as a part of a table, so reasons, lines and rows are pandera's own.
If pandera's findings on those rows are not the masks' (a check one side fails and the
other does not), the answer is None and the caller runs pandera on the whole file: the
masks decide how fast a verdict comes, never what it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import polars as pl

from figdate.contract.models import MODELS
from figdate.contract.rules import OPTIONAL_SHARE_MAX, cross_rules, row_rules, table_rules
from figdate.core.columnar import VALUE, Columns
from figdate.core.model import Article
from figdate.core.problems import Finding, Problem
from figdate.core.values import DATE_PATTERN, DATETIME_PATTERN, FIGURE_PATTERN
from figdate.core.vocabulary import BOOL_WORDS, KINDS, TableKind

if TYPE_CHECKING:
    import pandera.pandas as pa

EXAMPLES = 5
Key = tuple[str, str | None]
"""A check and the column it is reported against, as pandera's findings name them."""
_WHOLE = r"^\s*-?[0-9]{1,19}(?:\.0*)?\s*$"
"""An offset written as text that the models' parser takes for a whole number."""
_FIGURE_LIMIT = 1e278
"""Python writes a float from here on with an exponent of 278 or more, which the figure
pattern refuses (it keeps every match finite)."""


def findings(
    columns: Columns, name: str, articles: Mapping[str, Article] | None = None
) -> list[Finding] | None:
    """The contract's findings on a mention table (gold or predictions), or None where
    pandera must read the whole file: a required column missing, a column a strict table
    does not know, a cell type the masks do not model, or the masks and pandera
    disagreeing on the rows they explain."""
    schema = MODELS[name].to_schema()
    frame = columns.frame
    missing = [c for c, col in schema.columns.items() if col.required and c not in frame]
    unknown = [c for c in frame.columns if c not in schema.columns]
    if not frame.height or missing or (schema.strict and unknown) or _odd_types(frame):
        return None
    if columns.value_is_text is not None:
        frame = frame.with_columns(columns.value_is_text.alias("\x1fis_text"))
    frame = _with_articles(frame, articles)
    masks = _column_masks(schema, frame) | _rule_masks(name, frame, columns, articles)
    failing = frame.select(**{_label(k): m.fill_null(False) for k, m in masks.items()})
    counts = {k: int(failing[_label(k)].sum()) for k in masks}
    failed = {k: n for k, n in counts.items() if n}
    tables = _table_findings(name, frame, columns)
    if not failed:
        return tables
    rows = _examples(failed, failing, frame)
    return _explained(columns, name, articles, rows, failed, tables)


def _label(key: Key) -> str:
    return f"{key[0]}\x1f{key[1]}"


def _odd_types(frame: pl.DataFrame) -> bool:
    """True/false where text belongs: polars writes "true", pandas "True"."""
    return any(
        dtype == pl.Boolean for c, dtype in frame.schema.items() if c not in (VALUE, "optional")
    )


def _with_articles(frame: pl.DataFrame, articles: Mapping[str, Article] | None) -> pl.DataFrame:
    if articles is None:
        return frame
    known = pl.DataFrame(
        {
            "\x1fid": list(articles),
            "\x1ftext": [a.text for a in articles.values()],
            "\x1fdated": [a.published is not None for a in articles.values()],
        }
    ).with_columns(pl.col("\x1ftext").str.len_chars().alias("\x1flength"))
    ids = pl.col("article_id").cast(pl.String)
    return frame.with_columns(ids.alias("\x1fid")).join(
        known, on="\x1fid", how="left", maintain_order="left"
    )


# The models' column checks -----------------------------------------------------------------


def _column_masks(schema: pa.DataFrameSchema, frame: pl.DataFrame) -> dict[Key, pl.Expr]:
    out: dict[Key, pl.Expr] = {}
    for name, column in schema.columns.items():
        if name not in frame:
            continue
        given = pl.col(name).is_not_null()
        if not column.nullable:
            out[("not_nullable", name)] = ~given
        typed, broken, texts = _coerced(name, str(column.dtype), frame.schema[name])
        if broken is not None:
            out[(f"coerce_dtype('{column.dtype}')", name)] = broken & given
        for check in column.checks:
            # pandera checks the column as coerced, or where a cell failed to coerce, as
            # written: numbers compare, and text among them makes the check raise (no rows)
            out[(str(check.error), name)] = given & ~_passes(check, typed) & ~texts.any()
    return out


def _coerced(name: str, dtype: str, has: pl.DataType) -> tuple[pl.Expr, pl.Expr | None, pl.Expr]:
    """The column as the model coerces it (or, where that fails, as written), where the
    coercion fails, and which cells stay text that no number compares with."""
    col, none = pl.col(name), pl.lit(False)
    if dtype == "Int64":
        if has.is_integer():
            return col, None, none
        if has.is_float():
            return col, ~((col == col.floor()) & (col.abs() < 2.0**63)), none
        text = col.cast(pl.String).str.strip_chars()
        whole = text.str.contains(_WHOLE)
        number = text.str.split(".").list.first().cast(pl.Int64, strict=False)
        typed = (
            pl.when(number.is_not_null())
            .then(number.cast(pl.Float64))
            .otherwise(pl.when(whole).then(text.cast(pl.Float64, strict=False)))
        )
        return typed, ~(whole & number.is_not_null()), col.is_not_null() & ~whole
    if dtype == "boolean":
        if has == pl.Boolean:
            return col, None, none
        word = col.cast(pl.String).str.strip_chars().str.to_lowercase()
        parsed = word.replace_strict(BOOL_WORDS, default=None, return_dtype=pl.Boolean)
        return parsed, parsed.is_null(), none
    return col.cast(pl.String), None, none


def _passes(check: pa.Check, typed: pl.Expr) -> pl.Expr:
    stats: dict[str, object] = check.statistics or {}
    if check.name == "str_matches":
        return typed.str.contains(str(stats["pattern"]))
    if check.name == "isin":
        return typed.is_in([str(v) for v in stats["allowed_values"]])  # type: ignore[attr-defined]
    if check.name == "str_length":
        return typed.str.len_chars() >= int(str(stats["min_value"]))
    if check.name == "greater_than_or_equal_to":
        return typed >= int(str(stats["min_value"]))
    if check.name == "less_than_or_equal_to":
        return typed <= int(str(stats["max_value"]))
    raise NotImplementedError(f"no mask for pandera's {check.name} check")  # a new model check


# The catalogue's row rules -----------------------------------------------------------------


def _num(frame: pl.DataFrame, name: str) -> pl.Expr:
    """pandas' to_numeric(errors="coerce"): the number a cell holds, else null."""
    if name not in frame:
        return pl.lit(None, dtype=pl.Float64)
    has = frame.schema[name]
    if has.is_numeric():
        return pl.col(name).cast(pl.Float64)
    return pl.col(name).cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False)


def _span(frame: pl.DataFrame) -> pl.Expr:
    """The span key (article, kind, start, end) as the rules compare it: offsets as numbers."""
    parts = [pl.col(c).cast(pl.String) for c in ("article_id", "kind") if c in frame]
    return pl.struct(*parts, _num(frame, "start").alias("s"), _num(frame, "end").alias("e"))


def _empty(frame: pl.DataFrame, name: str) -> pl.Expr:
    if name not in frame:
        return pl.lit(True)
    col = pl.col(name)
    if frame.schema[name] == pl.String:
        return col.is_null() | (col.str.strip_chars() == "")
    return col.is_null()


def _rule_masks(
    name: str, frame: pl.DataFrame, columns: Columns, articles: Mapping[str, Article] | None
) -> dict[Key, pl.Expr]:
    rules = [*row_rules(name), *(cross_rules(name) if articles is not None else ())]
    kind = pl.col("kind").cast(pl.String)
    start, end = _num(frame, "start"), _num(frame, "end")
    tests: dict[str, pl.Expr] = {
        "start_before_end": start >= end,
        "value_fits_kind": ~_value_fits(frame, columns, gold=name == TableKind.GOLD),
        "unique_span": start.is_not_null() & end.is_not_null() & ~_span(frame).is_first_distinct(),
        "offsets_together": _empty(frame, "start") != _empty(frame, "end"),
        "qualifier_fits_kind": pl.when(kind == "figure")
        .then(_empty(frame, "qualifier"))
        .when(kind == "date")
        .then(~_empty(frame, "qualifier") | ~_empty(frame, "unit"))
        .otherwise(False),
    }
    if articles is not None:
        tests |= _cross_tests(frame, kind, start, end)
    return {(rule.name, rule.column): tests[rule.name] for rule in rules}


def _cross_tests(
    frame: pl.DataFrame, kind: pl.Expr, start: pl.Expr, end: pl.Expr
) -> dict[str, pl.Expr]:
    text = pl.col("text") if "text" in frame else pl.lit(None, dtype=pl.String)
    said = text.cast(pl.String)
    known = pl.col("\x1ftext").is_not_null()
    checked = (
        start.is_not_null() & end.is_not_null() & (start >= 0) & (start < 2.0**53)
        & (end < 2.0**53) & (said.str.strip_chars() != "")
        & (frame.schema.get("text", pl.String()) == pl.String)
    )  # fmt: skip
    s, e = start.cast(pl.Int64, strict=False), end.cast(pl.Int64, strict=False)
    found = pl.col("\x1ftext").str.slice(s, pl.max_horizontal(e - s, 0))
    optional_true = _coerced("optional", "boolean", frame.schema.get("optional", pl.String()))[0]
    excused = (kind == "date") & (
        ~pl.col("\x1fdated").fill_null(True) | optional_true.fill_null(False)
    )
    return {
        "article_exists": ~known,
        "within_text": (end > pl.col("\x1flength")).fill_null(False),
        "text_matches": checked & known & (e <= pl.col("\x1flength")) & (found != said),
        "value_present": _empty(frame, VALUE) & ~excused,
    }


def _value_fits(frame: pl.DataFrame, columns: Columns, *, gold: bool) -> pl.Expr:
    """value_fits_kind: a figure's value is a non-negative number (as text, the figure
    pattern; as a JSON number, what Python's str() of it would match), a date's a string
    of the date pattern. JSON numbers and true/false reach polars as text: the reader's
    flag says which cells were JSON strings."""
    if VALUE not in frame or "kind" not in frame:
        return pl.lit(True)
    kind = pl.col("kind").cast(pl.String)
    has = frame.schema[VALUE]
    value = pl.col(VALUE)
    date_pattern = DATE_PATTERN if gold else DATETIME_PATTERN
    if has == pl.String:
        text = value
        is_text = pl.lit(True) if columns.value_is_text is None else pl.col("\x1fis_text")
    else:
        text = value.cast(pl.String)
        is_text = pl.lit(False)
    is_bool = (
        ~is_text & text.is_in(["true", "false"]) if has == pl.String else pl.lit(has == pl.Boolean)
    )
    number = text.cast(pl.Float64, strict=False)
    figure_number = (number >= 0) & (number < _FIGURE_LIMIT) & ~text.str.starts_with("-")
    figure = (
        pl.when(is_text)
        .then(text.str.contains(FIGURE_PATTERN))
        .otherwise(~is_bool & figure_number.fill_null(False))
    )
    date = is_text & text.str.contains(date_pattern)
    empty = _empty(frame, VALUE)
    return (
        empty
        | ~kind.is_in(list(KINDS)).fill_null(False)
        | pl.when(kind == "figure").then(figure).otherwise(date)
    )


# Whole-table rules, examples and pandera's word --------------------------------------------


def _table_findings(name: str, frame: pl.DataFrame, columns: Columns) -> list[Finding]:
    out = []
    for rule in table_rules(name):
        if rule.name == "optional_share" and "optional" in frame:
            typed = _coerced("optional", "boolean", frame.schema["optional"])[0]
            share = frame.select(typed.cast(pl.Float64).mean()).item()
            if share is not None and share > OPTIONAL_SHARE_MAX:
                problem = Problem(columns.path, reason=f"{rule.why} (fails)")
                out.append(
                    Finding("pandera", rule.name, None, None, f"{rule.why} (fails)", (problem,))
                )
    return out


def _examples(failed: dict[Key, int], failing: pl.DataFrame, frame: pl.DataFrame) -> list[int]:
    rows: set[int] = set()
    for key in failed:
        hits = failing[_label(key)].arg_true().head(EXAMPLES).to_list()
        rows.update(hits)
        if key[0] == "unique_span":  # a repeat fails only beside the row it repeats
            rows.update(_first_of(frame, hits))
    return sorted(rows)


def _first_of(frame: pl.DataFrame, rows: list[int]) -> list[int]:
    keyed = frame.select(_span(frame).alias("key")).with_row_index("row")
    first = keyed.group_by("key", maintain_order=True).agg(pl.col("row").first())
    return first.join(keyed[rows].select("key"), on="key", how="semi")["row"].to_list()


def _explained(
    columns: Columns,
    name: str,
    articles: Mapping[str, Article] | None,
    rows: list[int],
    failed: dict[Key, int],
    tables: list[Finding],
) -> list[Finding] | None:
    from figdate.contract.pandera_backend import findings as pandera_findings

    part = columns.table(rows)
    found = [f for f in pandera_findings(part, name, articles, dataset=False)]
    if {(f.check, f.column) for f in found} != set(failed):
        return None  # the masks and pandera disagree: pandera reads the whole file
    counted = [
        Finding(f.engine, f.check, f.column, failed[(f.check, f.column)], f.why, f.examples)
        for f in found
    ]
    return [*counted, *tables]
