"""The columnar backend gives pandera's verdict, word for word, or hands the file back.

Each test compares ``validate_file`` through the columnar reader and masks with the same
call through the row reader and pandera (``columnar=False``, figdate 0.1's path): the same
findings, counts, examples and row count, on the bad-file corpus, on tables hypothesis
draws, and on the files the columnar reader must refuse to read alone.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figdate.contract.files import validate_file
from figdate.core.columnar import NotColumnar, read_columns
from figdate.core.problems import InputError
from figdate.core.tables import read_table
from figdate.core.values import DATE_PATTERN, DATETIME_PATTERN, DAY_PATTERN, FIGURE_PATTERN
from tests.contract.test_hostile_cells import tables as hostile_tables
from tests.data.bad import generate
from tests.support import GOLD, REPO, repo_gold

BAD = REPO / "tests" / "data" / "bad"
CORPUS = sorted(p for p in BAD.iterdir() if p.suffix in (".jsonl", ".json", ".csv", ".parquet"))


def _report(path: Path, table: str, *, columnar: bool) -> object:
    try:
        report = validate_file(path, table, ("pandera",), repo_gold().articles, columnar=columnar)
    except InputError as exc:
        return ("refused", [str(p) for p in exc.problems])
    return (report.rows, report.notes, sorted(report.findings, key=repr))


def _same(path: Path, table: str = "predictions") -> None:
    assert _report(path, table, columnar=True) == _report(path, table, columnar=False)
    _same_cells(path)


def _same_cells(path: Path) -> None:
    """The columns as GX is given them are the row reader's cells: each of the same type
    and value, on the same lines."""
    try:
        ours = read_columns(path).as_table()
    except (NotColumnar, InputError):
        return
    theirs = read_table(path)
    assert sorted(ours.frame.columns) == sorted(theirs.frame.columns)  # order aside
    assert ours.lines == theirs.lines
    for name in theirs.frame.columns:
        column = ours.frame[name]
        a, b = column.tolist(), theirs.frame[name].tolist()
        if column.dtype != object:  # text as pandas' Arrow strings (pandas 3): null is NaN
            assert isinstance(column.dtype, pd.StringDtype), (name, column.dtype)
            a = [None if x is None or x != x else x for x in a]
        assert [type(x) for x in a] == [type(x) for x in b], name
        assert a == b, name


def _decided(path: Path) -> bool:
    try:
        read_columns(path)
    except (NotColumnar, InputError):
        return False
    return True


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_bad_file_gets_the_row_readers_verdict(path: Path) -> None:
    _same(path)


def test_the_columnar_reader_reads_most_of_the_corpus_itself() -> None:
    """Else the test above would pass by the columnar path never running."""
    decided = {p.name for p in CORPUS if _decided(p)}
    assert len(decided) >= 30, sorted(decided)
    whole = set()
    for name in decided:
        try:
            read_columns(BAD / name).as_table()
        except NotColumnar:
            continue
        whole.add(name)
    assert len(whole) >= 25, sorted(decided - whole)  # GX gets most of them from polars
    assert {"text_mismatch.jsonl", "start_fraction.csv", "value_boolean.jsonl"} <= decided


def test_the_gold_mentions_get_the_row_readers_verdict() -> None:
    assert _decided(GOLD / "mentions.csv")
    _same(GOLD / "mentions.csv", "gold")


def _write(rows: list[dict[str, Any]], folder: Path, fmt: str) -> Path:
    if fmt == "jsonl":
        path = folder / "p.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return path
    path = folder / "p.csv"
    columns = list(dict.fromkeys(k for r in rows for k in r))
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


CELLS = {  # plain and wrong cells: each rule of the contract gets rows to fail
    "start": st.one_of(st.integers(-2, 700), st.just("621"), st.just(" 621.0"), st.just(6.5)),
    "end": st.one_of(st.integers(0, 700), st.none(), st.just("x")),
    "text": st.sampled_from(["one", "two", "Sunday", " ", "wurd", None]),
    "value": st.one_of(st.integers(-1, 3), st.sampled_from(["2020", "2020-02-30", "1.5", None,
                                                              "2020-01-12T10:00Z", True])),
    "kind": st.sampled_from(["figure", "date", "number", None]),
    "qualifier": st.sampled_from(["exact", "about", None]),
}  # fmt: skip


@st.composite
def mixed_tables(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Rows from the corpus' two valid ones, some cells replaced, some rows repeated."""
    rows = []
    for _ in range(draw(st.integers(1, 8))):
        row = dict(draw(st.sampled_from([generate.DATE, generate.FIGURE, generate.SECOND])))
        for column in draw(st.lists(st.sampled_from(sorted(CELLS)), max_size=3)):
            row[column] = draw(CELLS[column])
        rows.append(row)
    return rows + draw(st.lists(st.sampled_from(rows), max_size=2))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mixed_tables(), st.sampled_from(["jsonl", "csv"]))
def test_drawn_tables_get_the_row_readers_verdict(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, Any]], fmt: str
) -> None:
    _same(_write(rows, tmp_path_factory.mktemp("drawn"), fmt))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_tables())
def test_hostile_tables_get_the_row_readers_verdict(
    tmp_path_factory: pytest.TempPathFactory, drawn: tuple[list[dict[str, Any]], bool]
) -> None:
    _same(_write(drawn[0], tmp_path_factory.mktemp("hostile"), "jsonl"))


REFUSED = {  # what polars would read otherwise than the row reader: the row reader's file
    "key_twice.jsonl": '{"article_id": "a", "article_id": "idlib-airstrikes-halted"}\n',
    "cell_across_lines.csv": 'article_id,text\nx,"one\ntwo"\n',
    "quote_inside.csv": 'article_id,text\nx,o"ne\n',
    "ragged_short.csv": "article_id,kind,text\nx,date\n",
    "repeated_header.csv": "article_id,article_id\nx,y\n",
    "blank_line.jsonl": '{"kind": "date"}\n\n{"kind": "date"}\n',
    "nested.jsonl": '{"kind": "date", "value": "2020"}\n{"kind": "date", "value": ["2020"]}\n',
    "boolean_id.jsonl": '{"article_id": "x"}\n{"article_id": true}\n',
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_what_polars_reads_otherwise_goes_to_the_row_reader(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(REFUSED[name], encoding="utf-8")
    with pytest.raises(NotColumnar):
        read_columns(path)


def test_a_column_first_seen_after_the_sampled_rows_is_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "late.jsonl"
    dates = [json.dumps({**generate.DATE, "start": 69 + i % 2}) for i in range(1200)]
    late = json.dumps({**generate.FIGURE, "qualifier": "about"})  # a key polars did not sample
    path.write_text("\n".join([*dates, late]) + "\n", encoding="utf-8")
    report = validate_file(path, "predictions", ("pandera",), repo_gold().articles)
    assert any(f.column == "qualifier" and f.failing == 1 for f in report.findings)
    _same(path)


def test_csv_lines_are_the_files_lines(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text('article_id,text\n\nx,"a, b"\r\n\ny,""\n', encoding="utf-8")
    columns = read_columns(path)
    assert columns.lines is not None
    assert columns.lines.tolist() == [3, 5]
    assert columns.frame.rows() == [("x", "a, b"), ("y", None)]
    table = columns.table([1])
    assert table.where(1) == (5, 2)
    assert table.frame.loc[1].tolist() == ["y", None]


PATTERNS = [DATE_PATTERN, DATETIME_PATTERN, DAY_PATTERN, FIGURE_PATTERN]
ALPHABET = "0123456789-+.:eETZ \t\x1c\u00a0\u2028"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=25), min_size=1, max_size=30))
def test_polars_and_python_read_the_value_patterns_alike(texts: list[str]) -> None:
    series = pl.Series(texts, dtype=pl.String)
    for pattern in PATTERNS:
        rust = series.str.contains(pattern).to_list()
        assert rust == [re.search(pattern, t) is not None for t in texts], pattern


def test_every_year_and_leap_day_is_read_alike() -> None:
    days = [f"{y:04d}-02-29" for y in range(10000)] + [f"{y:04d}" for y in range(10000)]
    rust = pl.Series(days).str.contains(DATE_PATTERN).to_list()
    python = [re.search(DATE_PATTERN, d) is not None for d in days]
    assert rust == python
    assert python[days.index("2000-02-29")]
    assert not python[days.index("1900-02-29")]
    assert not python[days.index("0000")]
    assert python[days.index("0001")]
