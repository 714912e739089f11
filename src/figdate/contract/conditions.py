"""Great Expectations expectations and row conditions in their JSON form.

The rule catalogue states each rule a second time in these terms, beside its pandera test,
so that the GX suites are generated from the same definitions (``gx_suites``). Building
them needs no GX: they are plain dicts.
"""

from __future__ import annotations

from typing import Any

Expectation = dict[str, Any]
"""A GX expectation as its JSON form: ``{"type": ..., "kwargs": {...}}``."""
Condition = dict[str, Any]
"""A GX row condition, in the JSON form of ``gx.expectations.row_conditions``."""


def expect(kind: str, **kwargs: Any) -> Expectation:
    """An expectation in GX's JSON form; ``when`` becomes its row condition and ``why``
    the reason a report gives (else the rule's)."""
    when, why = kwargs.pop("when", None), kwargs.pop("why", None)
    if when is not None:
        kwargs["row_condition"] = when
    out: Expectation = {"type": f"expect_{kind}", "kwargs": kwargs}
    if why is not None:
        out["meta"] = {"why": why}
    return out


def compare(column: str, operator: str, parameter: object) -> Condition:
    return {"type": "comparison", "column": {"name": column}, "operator": operator,
            "parameter": parameter}  # fmt: skip


def present(column: str) -> Condition:
    return {"type": "nullity", "column": {"name": column}, "is_null": False}


def absent(column: str) -> Condition:
    return {"type": "nullity", "column": {"name": column}, "is_null": True}


def either(*conditions: Condition) -> Condition:
    return {"type": "or", "conditions": list(conditions)}


def both(*conditions: Condition) -> Condition:
    return {"type": "and", "conditions": list(conditions)}


IS_FIGURE = compare("kind", "==", "figure")
IS_DATE = compare("kind", "==", "date")
