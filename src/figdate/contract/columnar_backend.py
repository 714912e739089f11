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
from dataclasses import dataclass

import polars as pl

from figdate.contract import columnar_masks
from figdate.contract.columnar_masks import Key
from figdate.contract.models import MODELS
from figdate.contract.pandera_backend import COLUMN_CHECKS
from figdate.contract.pandera_backend import findings as pandera_findings
from figdate.contract.rules import OPTIONAL_SHARE_MAX, table_rules
from figdate.core.columnar import VALUE, Columns
from figdate.core.model import Article
from figdate.core.problems import Finding, Problem
from figdate.core.tables import Table

EXAMPLES = 5


@dataclass
class Measure:
    """What the masks found in one table or batch: failing rows per check, the first few
    of them (0-based rows of the batch), the optional column's true and given counts, and
    the span key hash of each located row (when the repeat rule runs across batches)."""

    counts: dict[Key, int]
    firsts: dict[Key, list[int]]
    optional: tuple[int, int]
    spans: pl.DataFrame | None = None


def findings(
    columns: Columns, name: str, articles: Mapping[str, Article] | None = None
) -> list[Finding] | None:
    """The contract's findings on a mention table (gold or predictions), or None where
    pandera must read the whole file: a required column missing, a column a strict table
    does not know, a cell type the masks do not model, or the masks and pandera
    disagreeing on the rows they explain."""
    found = measure(columns, name, articles)
    if found is None:
        return None
    failed = {k: n for k, n in found.counts.items() if n}
    tables = [
        *structure_findings(columns.frame.columns, name, columns.path),
        *table_findings(name, found.optional, columns.path),
    ]
    if not failed:
        return tables
    rows = {r for hits in found.firsts.values() for r in hits}
    if ("unique_span", "start") in failed:  # a repeat fails only beside the row it repeats
        rows.update(_first_of(columns.frame, found.firsts[("unique_span", "start")]))
    return explained(columns.table(sorted(rows)), name, articles, failed, tables)


def measure(
    columns: Columns, name: str, articles: Mapping[str, Article] | None, *, across: bool = False
) -> Measure | None:
    """The masks over one table; ``across=True`` leaves the repeat rule to the caller,
    which gets each located row's span hash (``Measure.spans``) to find repeats across
    batches. None where the masks do not model the table (see ``findings``)."""
    schema = MODELS[name].to_schema()
    frame = columns.frame
    if not frame.height or _odd_types(frame):
        return None
    if columns.value_is_text is not None:
        frame = frame.with_columns(columns.value_is_text.alias("\x1fis_text"))
    frame = columnar_masks.with_articles(frame, articles)
    masks = columnar_masks.column_masks(schema, frame) | columnar_masks.rule_masks(
        name, frame, columns, articles
    )
    # a rule reported on a column the table lacks: its absence is the finding (as pandera's)
    masks = {k: m for k, m in masks.items() if k[1] is not None and k[1] in frame}
    spans = None
    if across and masks.pop(("unique_span", "start"), None) is not None:
        spans = (
            frame.select(
                hash=columnar_masks.span(frame).hash(), located=columnar_masks.located(frame)
            )
            .with_row_index("row")
            .filter(pl.col("located"))
            .select("hash", "row")
        )
    failing = frame.select(**{_label(k): m.fill_null(False) for k, m in masks.items()})
    counts = {k: int(failing[_label(k)].sum()) for k in masks}
    firsts = {
        k: failing[_label(k)].arg_true().head(EXAMPLES).to_list() for k, n in counts.items() if n
    }
    return Measure(counts, firsts, _optional_counts(frame), spans)


def _label(key: Key) -> str:
    return f"{key[0]}\x1f{key[1]}"


def _odd_types(frame: pl.DataFrame) -> bool:
    """True/false where text belongs: polars writes "true", pandas "True". (In an offset it
    is no whole number: the masks refuse every such cell, as pandera does.)"""
    modelled = (VALUE, "optional", "start", "end")
    return any(dtype == pl.Boolean for c, dtype in frame.schema.items() if c not in modelled)


# Whole-table rules, examples and pandera's word --------------------------------------------


def _optional_counts(frame: pl.DataFrame) -> tuple[int, int]:
    if "optional" not in frame:
        return 0, 0
    typed = columnar_masks.coerced("optional", "boolean", frame.schema["optional"])[0]
    true, given = frame.select(t=typed.cast(pl.Int64).sum(), g=typed.is_not_null().sum()).row(0)
    return int(true or 0), int(given or 0)


def structure_findings(names: list[str], name: str, path: str) -> list[Finding]:
    """pandera's findings on the columns: a required one missing, one a strict table does
    not know."""
    schema = MODELS[name].to_schema()
    missing = [c for c, col in schema.columns.items() if col.required and c not in names]
    unknown = [c for c in names if c not in schema.columns] if schema.strict else []
    out = []
    for (check, reason), columns in zip(COLUMN_CHECKS.items(), (missing, unknown), strict=True):
        for column in columns:
            problem = Problem(path, line=1, column=column, reason=reason)
            out.append(Finding("pandera", check, column, None, reason, (problem,)))
    return out


def table_findings(
    name: str, optional: tuple[int, int], path: str, rows: int | None = None
) -> list[Finding]:
    """The whole-table rules from counts: at most 25% of gold mentions optional (and,
    given the row count, that there are rows)."""
    out = []
    true, given = optional
    for rule in table_rules(name):
        if (rule.name == "optional_share" and given and true / given > OPTIONAL_SHARE_MAX) or (
            rule.name == "has_rows" and rows == 0
        ):
            why = f"{rule.why} (fails)"
            problem = Problem(path, reason=why)
            out.append(Finding("pandera", rule.name, None, None, why, (problem,)))
    return out


def _first_of(frame: pl.DataFrame, rows: list[int]) -> list[int]:
    keyed = frame.select(columnar_masks.span(frame).alias("key")).with_row_index("row")
    first = keyed.group_by("key", maintain_order=True).agg(pl.col("row").first())
    return first.join(keyed[rows].select("key"), on="key", how="semi")["row"].to_list()


def explained(
    part: Table,
    name: str,
    articles: Mapping[str, Article] | None,
    failed: dict[Key, int],
    tables: list[Finding],
) -> list[Finding] | None:
    """pandera's findings on ``part`` (the first failing rows of each check, read as the
    row reader reads them), counted by the masks; None if pandera's checks are not the
    masks' (then pandera must read the whole file)."""
    found = [  # the columns' findings come from structure_findings, once for the table
        f
        for f in pandera_findings(part, name, articles, dataset=False)
        if f.check not in COLUMN_CHECKS
    ]
    if {(f.check, f.column) for f in found} != set(failed):
        return None
    counted = [
        Finding(f.engine, f.check, f.column, failed[(f.check, f.column)], f.why, f.examples)
        for f in found
    ]
    return [*counted, *tables]
