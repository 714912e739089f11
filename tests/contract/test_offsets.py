"""An offset is a whole number by one rule on every engine (``cells.whole``): JSON integers,
integral floats, and ASCII digit text; never true/false, "+38", "3.8e1" or other digits,
which Python's ``int`` and pandas would take (issue 33: pandera refused "+38" without a
line, GX accepted it, and both took ``true`` for offset 1)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from figdate.cli.main import main
from figdate.core.cells import NotWhole, whole
from tests.support import GOLD, REPO

BAD = REPO / "tests" / "data" / "bad"


@given(st.integers(-(10**18), 10**18))
def test_a_whole_number_reads_as_itself_however_written(n: int) -> None:
    assert whole(n) == n
    assert whole(str(n)) == n
    assert whole(f" {n}.00 ") == n
    assert whole(float(n)) == int(float(n))


@given(st.text(min_size=1, max_size=6))
def test_text_is_whole_only_in_ascii_digits(text: str) -> None:
    read = whole(text)
    if not isinstance(read, NotWhole):
        assert set(text.strip(" \t").lstrip("-")) <= set("0123456789.")


@pytest.mark.parametrize("cell", [True, False, "+38", "3.8e1", "\uff13\uff18", "\u0663\u0668",
                                  "38.5", 6.5, "", "1" + "0" * 19, [38]])  # fmt: skip
def test_these_are_no_offsets(cell: object) -> None:
    assert isinstance(whole(cell), NotWhole) or (cell == "" and whole(cell) is not None)


@pytest.mark.parametrize(
    ("name", "line", "shown"),
    [
        ("start_plus.jsonl", 2, "'+621'"),
        ("start_exponent.jsonl", 2, "'6.21e2'"),
        ("start_true.jsonl", 2, "True"),
        ("start_fullwidth.jsonl", 2, "'\uff16\uff12\uff11'"),
        ("start_arabic_indic.jsonl", 2, "'\u0666\u0662\u0661'"),
        ("start_plus.csv", 2, "'+621'"),
        ("start_400_digits.csv", 2, "'1000"),
    ],
)
def test_each_engine_names_the_cell_and_its_line(
    name: str, line: int, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for engine in ("pandera", "gx"):
        code = main(["validate", str(BAD / name), "--engine", engine, "--gold", str(GOLD)])
        out = capsys.readouterr().out
        assert code == 1, (engine, out)
        at = f"{name}:{line}:"
        named = [row for row in out.splitlines() if at in row and "column 'start'" in row]
        assert named, (engine, out)
        if engine == "pandera":
            assert any(f"{shown}" in row and "is not a whole number" in row for row in named)
        else:
            assert any("values are whole numbers" in row for row in named)
