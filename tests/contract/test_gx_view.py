"""GX's joined view, built a column at a time, equals its plain definition cell by cell."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import hypothesis.strategies as st
import pandas as pd
import polars as pl
import pytest
from hypothesis import given, settings

from figdate.contract.gx_view import joined
from figdate.contract.rules import ARTICLE_DATED, ARTICLE_LENGTH, ARTICLE_SPAN
from figdate.core.cells import NotWhole, whole
from figdate.core.json_cells import decoded
from figdate.core.model import Article
from figdate.core.values import is_empty

ARTICLES = {
    "a": Article("a", "Thirty people left on 3 May.", published="2020-05-04"),
    "b": Article("b", "né à Paris 1 234 fois", published=None),
    "c": Article("c", "", published=None),
}
ids = st.sampled_from(["a", "b", "c", "zz", None, 7, "A"])
offsets = st.one_of(
    st.integers(-3, 40),
    st.sampled_from([None, "", " ", "4", "4.0", "x", 2.0, 2.5, float("nan"), True, 2**63 + 1]),
)
values = st.one_of(
    st.none(),
    st.sampled_from(["", "  ", "\u00a0", "\x1c", "12", "2020-05", float("nan")]),
    st.integers(-5, 5),
    st.floats(allow_nan=False),
    st.booleans(),
)
whole_ints = st.lists(st.integers(-(2**53), 2**53), min_size=1, max_size=6)


def plain(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The view's definition, a cell at a time."""
    rows = []
    numbers = {name: _whole(frame[name].to_list()) for name in ("start", "end")}
    for i, row in enumerate(frame.to_dict("records")):
        article = ARTICLES.get(str(row["article_id"])) if row["article_id"] is not None else None
        start, end = numbers["start"][i], numbers["end"][i]
        span = None
        if article is not None and _int_like(start) and _int_like(end):
            s, e = int(str(start)), int(str(end))
            span = article.text[s:e] if 0 <= s < e <= len(article.text) else None
        rows.append(
            {
                "start": start,
                "end": end,
                "value": None if is_empty(row["value"]) else row["value"],
                ARTICLE_LENGTH: None if article is None else len(article.text),
                ARTICLE_DATED: article is not None and article.published is not None,
                ARTICLE_SPAN: span,
            }
        )
    return rows


def _int_like(cell: object) -> bool:
    if is_empty(cell):
        return False
    try:
        int(str(cell))
    except ValueError:
        return False
    return True


def _whole(cells: list[object]) -> list[object]:
    """Offsets become numbers when every given cell is a whole number (``cells.whole``: not
    true/false, "+38" or "3.8e1"), else stay as written."""
    given = [c for c in cells if not is_empty(c)]
    numbers = [whole(c) for c in given]
    if any(isinstance(n, NotWhole) for n in numbers):
        return cells
    exact = [int(n) for n in numbers]  # type: ignore[arg-type]
    spread = zip(cells, _spread(cells, exact), strict=True)
    if all(abs(n) < 2**62 for n in exact):
        return [None if is_empty(c) else int(n) for c, n in spread]
    return [None if is_empty(c) else float(n) for c, n in spread]


def _spread(cells: list[object], given: list[object]) -> list[object]:
    it = iter(given)
    return [None if is_empty(c) else next(it) for c in cells]


def _cell(value: object) -> object:
    """A view cell as a plain Python value (numpy scalars unwrapped, missing as None)."""
    item = getattr(value, "item", None)
    if callable(item) and not isinstance(value, str):
        value = item()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.fixed_dictionaries(
            {"article_id": ids, "start": offsets, "end": offsets, "value": values}
        ),
        min_size=1,
        max_size=8,
    )
)
def test_the_view_equals_its_cell_by_cell_definition(rows: list[dict[str, Any]]) -> None:
    frame = pd.DataFrame(rows, dtype=object)
    view = joined(frame, "predictions", ARTICLES)
    expected = plain(frame)
    for i, want in enumerate(expected):
        for name, cell in want.items():
            got, cell = _cell(view[name].iloc[i]), _cell(cell)
            assert got == cell, (i, name, got, cell, rows[i])
            assert type(got) is type(cell), (i, name, got, cell, rows[i])


@settings(max_examples=100, deadline=None)
@given(whole_ints, whole_ints)
def test_whole_number_offsets_become_exact_64_bit_integers(
    starts: list[int], ends: list[int]
) -> None:
    size = min(len(starts), len(ends))
    frame = pd.DataFrame(
        {"article_id": ["a"] * size, "start": starts[:size], "end": ends[:size]}, dtype=object
    )
    view = joined(frame, "predictions", ARTICLES)
    assert view["start"].dtype == "int64"
    assert view["end"].dtype == "int64"
    assert view["start"].tolist() == starts[:size]


def test_offsets_beyond_2_to_the_62_stay_floats_for_the_range_expectation() -> None:
    frame = pd.DataFrame({"article_id": ["a", "a"], "start": [1, 2**62], "end": [2, 3]})
    view = joined(frame.astype(object), "predictions", ARTICLES)
    assert view["start"].dtype == "float64"


def test_text_columns_are_pandas_strings_where_that_is_pandas_default() -> None:
    frame = pd.DataFrame(
        {"article_id": ["a", "b"], "kind": ["figure", None], "value": ["1", "2"]}, dtype=object
    )
    view = joined(frame, "predictions", ARTICLES)
    default = pd.Series(["text"]).dtype
    assert view["article_id"].dtype == default
    assert view["kind"].dtype == default
    assert view["value"].dtype == object  # its type expectation reads each cell's type
    assert _cell(view["kind"].iloc[1]) is None


json_numbers = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(max_size=5),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), json_numbers), max_size=10))
def test_json_values_decode_as_json_loads_does(cells: list[Any]) -> None:
    texts = pl.Series([None if c is None else (c if isinstance(c, str) else json.dumps(c))
                       for c in cells], dtype=pl.String)  # fmt: skip
    is_text = pl.Series([isinstance(c, str) for c in cells], dtype=pl.Boolean)
    got = decoded(texts, is_text)
    want = [c if c is None or isinstance(c, str) else json.loads(json.dumps(c)) for c in cells]
    assert got == want
    assert [type(g) for g in got] == [type(w) for w in want]


@pytest.mark.parametrize(
    ("values", "columnar"),
    [((3, 2.5, 1e-7, 10**15, "4", True, False), True), ((3, 1.0, "4"), False),
     ((3, -0.0, "4"), False), ((1e5, "4"), False)],
)  # fmt: skip
def test_a_jsonl_files_values_read_as_the_row_reader_reads_them(
    tmp_path: Path, values: tuple[object, ...], columnar: bool
) -> None:
    """Through polars' columns where they hold the row reader's cells; a fraction polars
    writes as a whole number (1.0 as "1") sends the file to the row reader."""
    from figdate.contract.files import _whole
    from figdate.core.columnar import NotColumnar, read_columns
    from figdate.core.tables import read_table

    rows = [{"article_id": "a", "kind": "figure", "value": v} for v in values]
    path = tmp_path / "p.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    columns = read_columns(path)
    if not columnar:
        with pytest.raises(NotColumnar):
            columns.as_table()
    read = _whole(path, columns).frame["value"].to_list()
    slow = read_table(path).frame["value"].to_list()
    assert read == slow
    assert [type(v) for v in read] == [type(v) for v in slow]


@pytest.mark.parametrize("text", ["1.5", "-0.25", "1e5", "-1E-7", "123456789012345678"])
def test_each_json_number_form_keeps_its_python_type(text: str) -> None:
    got = decoded(pl.Series([text]), pl.Series([False]))
    assert got == [json.loads(text)]
    assert type(got[0]) is type(json.loads(text))
