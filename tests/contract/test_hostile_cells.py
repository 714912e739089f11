"""Prediction tables with hostile cells: no crash, and the verdict is the reference's.

Hypothesis starts from two valid rows and plants hostile cells. The reference, written here
independently of figdate, knows which plants make a table invalid (a nested value anywhere,
an integer beyond 64 bits, a non-finite number, a lone surrogate, blank text, a wrong type
in a typed column) and which leave it valid (any plain text as a unit, a qualifier from the
set); figdate's verdict must equal it, through the shared reader and each engine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figdate.contract.files import validate_file
from figdate.core.problems import InputError
from tests.data.bad.generate import DATE, FIGURE
from tests.support import repo_gold

COLUMNS = ("article_id", "kind", "start", "end", "text", "value", "qualifier", "unit")
BAD_ANYWHERE = st.one_of(
    st.lists(st.integers(), min_size=1, max_size=3),  # a nested list
    st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2),  # an object
    st.integers(min_value=2**63, max_value=10**400),  # beyond 64 bits
    st.sampled_from([float("inf"), float("-inf")]),  # written as Infinity
    st.text(min_size=0, max_size=4).map(lambda t: t + "\ud800"),  # a lone surrogate
)
BAD_TYPED = {  # a wrong value for the column, always refused
    "article_id": st.one_of(st.booleans(), st.integers(0, 9), st.just("No Such Article")),
    "kind": st.one_of(st.booleans(), st.integers(0, 9), st.just("number")),
    "start": st.one_of(st.booleans(), st.just(-1), st.just(2**53 + 1), st.just("x")),
    "end": st.one_of(st.booleans(), st.just(0), st.just("x"), st.just(float("nan"))),
    "text": st.one_of(st.just("   "), st.just(" "), st.just("\t"), st.booleans()),
    "value": st.one_of(st.just(-1), st.just("many"), st.just(float("nan")), st.booleans()),
    "qualifier": st.one_of(st.just("exactly"), st.integers(0, 9)),
}
FINE = {  # plants that keep the table valid
    "unit": st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs",)),
                                         max_size=12)),
    "qualifier": st.sampled_from([None, "exact", "approx", "min", "max"]),
}  # fmt: skip


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[dict[str, Any]], bool]:
    """(rows, valid by the reference)."""
    rows = [dict(DATE), dict(FIGURE)]
    bad: dict[str, bool] = {}  # column -> its last plant makes the table invalid
    for _ in range(draw(st.integers(1, 3))):
        row = rows[1]  # the figure row: every column is given there
        plant = draw(st.sampled_from(["anywhere", "typed", "fine"]))
        if plant == "anywhere":
            column = draw(st.sampled_from(COLUMNS))
            row[column], bad[column] = draw(BAD_ANYWHERE), True
        elif plant == "typed":
            column = draw(st.sampled_from(sorted(BAD_TYPED)))
            row[column], bad[column] = draw(BAD_TYPED[column]), True
        else:
            column = draw(st.sampled_from(sorted(FINE)))
            row[column], bad[column] = draw(FINE[column]), False
    return rows, not any(bad.values())


def _verdict(path: Path, engine: str) -> bool:
    try:
        return validate_file(path, "predictions", (engine,), repo_gold().articles).valid
    except InputError:
        return False  # refused by the reader: not a table figdate can judge


def _check(rows: list[dict[str, Any]], valid: bool, folder: Path, engines: tuple[str, ...]) -> None:
    path = folder / "predictions.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    for engine in engines:
        assert _verdict(path, engine) == valid, (engine, rows)


@pytest.mark.parametrize(
    ("engines", "examples"),
    [
        (("pandera",), 150),
        pytest.param(("pandera", "gx"), 20, marks=pytest.mark.slow),  # slow: make test-slow
    ],
)
def test_hostile_cells_get_the_reference_verdict(
    tmp_path_factory: pytest.TempPathFactory, engines: tuple[str, ...], examples: int
) -> None:
    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(tables())
    def check(drawn: tuple[list[dict[str, Any]], bool]) -> None:
        _check(*drawn, tmp_path_factory.mktemp("cells"), engines)

    check()
