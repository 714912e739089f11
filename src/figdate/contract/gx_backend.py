"""Running a suite with Great Expectations, in an ephemeral context that leaves no trace.

Imported only when GX is asked for (``--engine gx``, ``--validate gx``): GX takes seconds
to import. The context lives in memory (no ``gx/`` folder), analytics are off before GX
is imported, and progress bars are off, so a run needs no network and writes nothing.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from figdate.core.problems import Finding, InputError, Problem
from figdate.core.tables import Table

EXAMPLES = 5


class GXMissing(ImportError):
    """GX is an optional extra."""


def _context() -> Any:
    os.environ["GX_ANALYTICS_ENABLED"] = "False"
    try:
        with warnings.catch_warnings():
            # GX imports pyspark where it is installed, and pyspark 4 warns on every import
            # under pandas 3: a warning about a library the pandas engine does not use
            warnings.filterwarnings("ignore", "PySpark does not yet", FutureWarning)
            import great_expectations as gx
            from great_expectations.data_context.types.base import (
                DataContextConfig,
                InMemoryStoreBackendDefaults,
                ProgressBarsConfig,
            )
    except ImportError:
        raise GXMissing(
            "the gx engine needs Great Expectations: pip install 'figdate[gx]'"
        ) from None
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx, gx.get_context(mode="ephemeral", project_config=config)


def warm() -> None:
    """Import GX now (seconds), as a long-lived process would have."""
    _context()


def applicable(suite: Mapping[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    """``suite`` without the expectations that read a column the table lacks (their
    ``expect_column_to_exist`` reports it): GX would stop the whole run on a row condition
    that names a missing column."""
    present = set(columns)
    kept = []
    for item in suite["expectations"]:
        if item["type"] in WHOLE_TABLE or set(_names(item["kwargs"])) <= present:
            kept.append(item)
    return {**suite, "expectations": kept}


WHOLE_TABLE = {"expect_column_to_exist", "expect_table_columns_to_match_set"}


def _names(kwargs: Mapping[str, Any]) -> list[str]:
    return _columns(kwargs) + _condition_columns(kwargs.get("row_condition"))


def _condition_columns(condition: object) -> list[str]:
    if not isinstance(condition, Mapping):
        return []
    column = condition.get("column")
    own = [str(column["name"])] if isinstance(column, Mapping) and "name" in column else []
    return own + [c for part in condition.get("conditions") or [] for c in _condition_columns(part)]


def run(suite: Mapping[str, Any], frame: Any, index: str | None = None) -> list[Any]:
    """GX's result for each expectation of ``suite`` (JSON form) on ``frame``: a pandas
    DataFrame, or with ``index`` (the column that numbers the rows) a Spark one."""
    gx, context = _context()
    loaded = context.suites.add(gx.ExpectationSuite(**applicable(suite, list(frame.columns))))
    sources = context.data_sources
    source = sources.add_pandas("figdate") if index is None else sources.add_spark("figdate")
    batch = source.add_dataframe_asset("table").add_batch_definition_whole_dataframe("whole")
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name="figdate", data=batch, suite=loaded)
    )
    shape: dict[str, Any] = {"result_format": "SUMMARY", "partial_unexpected_count": EXAMPLES}
    if index is not None:
        shape["unexpected_index_column_names"] = [index]
    try:
        result = definition.run(batch_parameters={"dataframe": frame}, result_format=shape)
    except Exception as exc:  # GX stops a whole run on some errors; say so in one line
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        reason = f"Great Expectations could not run: {first}"
        raise InputError([Problem("<gx>", reason=reason)]) from None
    return list(result.results)


def findings(
    suite: Mapping[str, Any],
    frame: Any,
    table: Table,
    index: str | None = None,
    engine: str = "gx",
) -> list[Finding]:
    """The failed expectations of ``suite`` on ``frame`` (the joined view of ``table``;
    a Spark DataFrame numbered by its ``index`` column, see ``run``)."""
    out: list[Finding] = []
    results = [r for r in run(suite, frame, index) if not r.success]
    plain = {c for r in results if _counted(r) for c in _columns(r.expectation_config.kwargs)}
    for result in results:
        config = result.expectation_config
        kwargs: dict[str, Any] = dict(config.kwargs)
        columns = _columns(kwargs)
        raised = _raised(result)
        if not _counted(result) and plain & set(columns):
            continue  # e.g. a comparison on a column whose cells are not all numbers: the
            # failed type expectation on that column names the cells
        meta = dict(config.meta or {})
        why = str(meta.get("why") or config.type)
        detail: dict[str, Any] = dict(result.result or {})
        if raised:
            message = str((result.exception_info or {}).get("exception_message") or "")
            why += f" (could not be checked: {message.splitlines()[0] if message else 'error'})"
        check = f"{config.type}({', '.join(columns)})" if columns else str(config.type)
        count = detail.get("unexpected_count")
        out.append(
            Finding(
                engine,
                check,
                columns[0] if len(columns) == 1 else None,
                int(count) if count is not None else None,
                why,
                _examples(detail, columns, frame, table, why, index),
            )
        )
    return out


def _counted(result: Any) -> bool:
    """A failure GX could count rows for (not one that raised, or computed nothing)."""
    return not _raised(result) and bool((result.result or {}).get("unexpected_count"))


def _raised(result: Any) -> bool:
    return bool((result.exception_info or {}).get("raised_exception"))


def _shown(value: object) -> str:
    item = getattr(value, "item", None)  # numpy scalars print as np.int64(3) otherwise
    if callable(item) and not isinstance(value, str):
        with contextlib.suppress(TypeError, ValueError):
            value = item()
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "null"  # NaN: a missing cell of a string column (the readers refuse NaN)
    return repr(value)


def _columns(kwargs: Mapping[str, Any]) -> list[str]:
    if "column" in kwargs:
        return [str(kwargs["column"])]
    if "column_A" in kwargs:
        return [str(kwargs["column_A"]), str(kwargs["column_B"])]
    return [str(c) for c in kwargs.get("column_list") or []]


def _examples(
    detail: Mapping[str, Any],
    columns: Sequence[str],
    frame: Any,
    table: Table,
    why: str,
    index: str | None = None,
) -> tuple[Problem, ...]:
    indices = detail.get("partial_unexpected_index_list") or []
    if not indices:
        if "observed_value" in detail:
            shown = detail["observed_value"]
            return (Problem(table.path, reason=f"{why}; observed {shown!r}"),)
        return ()
    problems = []
    for entry in list(indices)[:EXAMPLES]:
        if isinstance(entry, Mapping) and index is not None:  # Spark: the row's own cells
            position, cells = int(entry[index]), entry
        elif isinstance(entry, int) and entry in frame.index:
            position, cells = entry, frame.loc[entry]
        else:
            continue
        line, row = table.where(position)
        values = ", ".join(f"{c}={_shown(cells[c])}" for c in columns if c in cells)
        column = columns[0] if columns else None
        problems.append(Problem(table.path, line, row, column, f"{values}: {why}"))
    return tuple(problems)
