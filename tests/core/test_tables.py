"""Reading tables as written: cells as text, rows at their file lines, unreadable files as
one-line problems."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figdate.core.problems import InputError
from figdate.core.tables import TABLE_SUFFIXES, display_path, read_table, write_atomic


def test_csv_cells_stay_text_and_rows_keep_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,"two\nlines"\n,007\n', encoding="utf-8")
    table = read_table(path)
    assert table.frame.to_dict("records") == [
        {"a": "1", "b": "two\nlines"},
        {"a": None, "b": "007"},
    ]
    assert table.lines == [2, 4]
    assert table.where(1) == (4, 2)


def test_jsonl_keeps_json_types_and_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_text('{"a": 1, "b": "x"}\n\n{"a": 2.5}\n', encoding="utf-8")
    table = read_table(path)
    assert table.frame.to_dict("records") == [{"a": 1, "b": "x"}, {"a": 2.5, "b": None}]
    assert table.lines == [1, 3]


def test_a_ragged_row_is_a_problem_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n3\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_table(path)
    assert str(caught.value) == f"{display_path(path)}:3: row 2: has 1 fields, the header has 2"


def test_an_unknown_format_is_refused_when_the_format_must_be_known(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    assert len(read_table(path).frame) == 1  # read as CSV where any name will do
    with pytest.raises(InputError, match="unknown format: use " + ", ".join(TABLE_SUFFIXES)):
        read_table(path, known_format=True)


def test_write_atomic_replaces_the_file_and_leaves_nothing_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "out" / "f.json"
    write_atomic(path, b"one")
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert os.listdir(path.parent) == ["f.json"]


cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(cells, min_size=2, max_size=2), min_size=1, max_size=5))
def test_any_csv_written_by_the_csv_module_reads_back_cell_for_cell(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]]
) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["a", "b"])
    writer.writerows(rows)
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    read = read_table(path).frame.to_dict("records")
    assert read == [{"a": a or None, "b": b or None} for a, b in rows]  # "" is an empty cell
