"""The contract's checks as polars expressions: the models' column checks, read from the
pandera schema itself (its checks and their parameters), and the catalogue's row rules.

Each expression is True on a row that fails; ``columnar_backend`` counts them. Each states
what pandera does with the same cells, coercion included: a cell that fails to coerce is
its coercion's problem, and a column left as text makes pandera's numeric checks raise.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import polars as pl

from figdate.contract.rules import cross_rules, row_rules
from figdate.core import cells
from figdate.core.columnar import VALUE, Columns
from figdate.core.model import Article
from figdate.core.timex import PREDICTED_DATE_PATTERN, TIMEX3_PATTERN
from figdate.core.values import DATE_PATTERN, FIGURE_PATTERN
from figdate.core.vocabulary import BOOL_WORDS, KINDS, TableKind

if TYPE_CHECKING:
    import pandera.pandas as pa

Key = tuple[str, str | None]
"""A check and the column it is reported against, as pandera's findings name them."""
_WHOLE = cells.WHOLE_TEXT
"""An offset written as text that the models' parser takes for a whole number."""
_FIGURE_LIMIT = 1e278
"""Python writes a float from here on with an exponent of 278 or more, which the figure
pattern refuses (it keeps every match finite)."""


def with_articles(frame: pl.DataFrame, articles: Mapping[str, Article] | None) -> pl.DataFrame:
    if articles is None:
        return frame
    known, bodies = _articles_frames(articles)
    ids = _column(frame, "article_id")
    return (
        frame.with_columns(ids.alias("\x1fid"))
        .join(known, on="\x1fid", how="left", maintain_order="left")
        .join(bodies, on="\x1fbody", how="left", maintain_order="left")
    )


_KNOWN: list[tuple[Mapping[str, Article], tuple[pl.DataFrame, pl.DataFrame]]] = []
"""The last articles' frames (the object kept, so its id is not reused): a dataset read in
batches joins the same articles to every batch."""


def _articles_frames(articles: Mapping[str, Article]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(id, body number, dated) per article and (body number, text, length) per distinct
    text: articles that share a text (a synthetic corpus, reprints) hold it once."""
    if _KNOWN and _KNOWN[0][0] is articles and len(_KNOWN[0][1][0]) == len(articles):
        return _KNOWN[0][1]
    bodies: dict[str, int] = {}
    numbers = [bodies.setdefault(a.text, len(bodies)) for a in articles.values()]
    known = pl.DataFrame(
        {
            "\x1fid": list(articles),
            "\x1fbody": numbers,
            "\x1fdated": [a.published is not None for a in articles.values()],
        },
        schema={"\x1fid": pl.String, "\x1fbody": pl.Int64, "\x1fdated": pl.Boolean},
    )
    texts = pl.DataFrame(
        {"\x1fbody": list(range(len(bodies))), "\x1ftext": list(bodies)},
        schema={"\x1fbody": pl.Int64, "\x1ftext": pl.String},
    ).with_columns(pl.col("\x1ftext").str.len_chars().alias("\x1flength"))
    _KNOWN[:] = [(articles, (known, texts))]
    return known, texts


# The models' column checks -----------------------------------------------------------------


def column_masks(schema: pa.DataFrameSchema, frame: pl.DataFrame) -> dict[Key, pl.Expr]:
    out: dict[Key, pl.Expr] = {}
    for name, column in schema.columns.items():
        if name not in frame:
            continue
        given = pl.col(name).is_not_null()
        if not column.nullable:
            out[("not_nullable", name)] = ~given
        typed, broken, texts = coerced(name, str(column.dtype), frame.schema[name])
        if broken is not None:
            out[(f"coerce_dtype('{column.dtype}')", name)] = broken & given
        for check in column.checks:
            # pandera checks the column as coerced, or where a cell failed to coerce, as
            # written: numbers compare, and text among them makes the check raise (no rows)
            out[(str(check.error), name)] = given & ~_passes(check, typed) & ~texts.any()
    return out


def coerced(name: str, dtype: str, has: pl.DataType) -> tuple[pl.Expr, pl.Expr | None, pl.Expr]:
    """The column as the model coerces it (or, where that fails, as written), where the
    coercion fails, and which cells stay text that no number compares with."""
    col, none = pl.col(name), pl.lit(False)
    if dtype == "Int64":
        if has.is_integer():
            return col, None, none
        if has == pl.Boolean:  # true is no offset (cells.whole): every given cell fails
            return pl.lit(None, dtype=pl.Float64), col.is_not_null(), col.is_not_null()
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
    """``checks.num``: the number a cell holds, else null; text only where it is a whole
    number (``cells.WHOLE_TEXT``), true/false never."""
    if name not in frame:
        return pl.lit(None, dtype=pl.Float64)
    has = frame.schema[name]
    if has.is_numeric():
        return pl.col(name).cast(pl.Float64)
    if has == pl.Boolean:
        return pl.lit(None, dtype=pl.Float64)
    text = pl.col(name).cast(pl.String)
    number = text.str.strip_chars().cast(pl.Float64, strict=False)
    return pl.when(text.str.contains(_WHOLE)).then(number)


def span(frame: pl.DataFrame) -> pl.Expr:
    """The span key (article, kind, start, end) as the rules compare it: offsets as numbers."""
    parts = [pl.col(c).cast(pl.String) for c in ("article_id", "kind") if c in frame]
    return pl.struct(*parts, _num(frame, "start").alias("s"), _num(frame, "end").alias("e"))


def _column(frame: pl.DataFrame, name: str) -> pl.Expr:
    """A column as text, all empty where the table lacks it (as the rules read it)."""
    if name not in frame:
        return pl.lit(None, dtype=pl.String)
    return pl.col(name).cast(pl.String)


def located(frame: pl.DataFrame) -> pl.Expr:
    return _num(frame, "start").is_not_null() & _num(frame, "end").is_not_null()


def _empty(frame: pl.DataFrame, name: str) -> pl.Expr:
    if name not in frame:
        return pl.lit(True)
    col = pl.col(name)
    if frame.schema[name] == pl.String:
        return col.is_null() | (col.str.strip_chars() == "")
    return col.is_null()


def rule_masks(
    name: str, frame: pl.DataFrame, columns: Columns, articles: Mapping[str, Article] | None
) -> dict[Key, pl.Expr]:
    rules = [*row_rules(name), *(cross_rules(name) if articles is not None else ())]
    kind = _column(frame, "kind")
    start, end = _num(frame, "start"), _num(frame, "end")
    tests: dict[str, pl.Expr] = {
        "start_before_end": start >= end,
        "value_fits_kind": ~_value_fits(frame, columns, gold=name == TableKind.GOLD),
        "unique_span": located(frame) & ~span(frame).is_first_distinct(),
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
    optional_true = coerced("optional", "boolean", frame.schema.get("optional", pl.String()))[0]
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
    date_pattern = DATE_PATTERN if gold else PREDICTED_DATE_PATTERN
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
    if gold and "type" in frame:  # a TimeML dataset's date: any TIMEX3 value
        typed = ~_empty(frame, "type")
        date = is_text & pl.when(typed).then(text.str.contains(TIMEX3_PATTERN)).otherwise(date)
    empty = _empty(frame, VALUE)
    return (
        empty
        | ~kind.is_in(list(KINDS)).fill_null(False)
        | pl.when(kind == "figure").then(figure).otherwise(date)
    )
