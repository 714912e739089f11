"""A JSONL or CSV file too large for ``--memory`` is read a batch of lines at a time and gets
the verdict, counts, example rows and lines of the whole file in memory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from figdate.contract import streaming, streaming_text
from tests.contract.test_streaming import _articles, _planted, _report, _rows

SMALL = 10_000_000  # 10,000 rows a batch, and a file beyond 1.25 MB is streamed


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What each batch-by-batch run gave (None where it handed the file back)."""
    runs: list[Any] = []
    stream = streaming.stream

    def spy(*args: Any, **kwargs: Any) -> Any:
        runs.append(stream(*args, **kwargs))
        return runs[-1]

    monkeypatch.setattr(streaming, "stream", spy)
    return runs


def _file(frame: pl.DataFrame, path: Path) -> Path:
    if path.suffix == ".csv":
        frame.write_csv(path)
    else:
        frame.write_ndjson(path)
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_batches_of_lines_give_the_verdict_of_the_whole_file(
    tmp_path: Path, suffix: str, streamed: list[Any]
) -> None:
    frame = _planted(35_000)
    articles = _articles(35_000)
    path = _file(frame, tmp_path / f"predictions{suffix}")
    batched = _report(path, articles, memory=SMALL)
    assert len(streamed) == 1
    assert streamed[0] is not None  # it ran in batches, and gave the answer
    whole = _report(path, articles)  # in memory
    assert len(streamed) == 1
    assert batched == whole
    assert batched == _report(path, articles, columnar=False)  # figdate 0.1's path
    counts = {f.check: f.failing for f in batched[1]}  # type: ignore[index]
    assert counts["unique_span"] == 5
    assert counts["text_matches"] == 1


def test_a_valid_file_is_valid_in_batches(tmp_path: Path, streamed: list[Any]) -> None:
    path = _file(_rows(25_000), tmp_path / "p.jsonl")
    assert _report(path, _articles(25_000), memory=SMALL) == (25_000, [])
    assert streamed
    assert streamed[0] == []


def test_a_blank_line_hands_the_file_back_whole(tmp_path: Path, streamed: list[Any]) -> None:
    path = _file(_planted(25_000), tmp_path / "p.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines[:15_000], "\n", *lines[15_000:]]), encoding="utf-8")
    articles = _articles(25_000)
    assert _report(path, articles, memory=SMALL) == _report(path, articles, columnar=False)
    assert streamed == [None]


def test_rows_are_read_back_from_their_lines(tmp_path: Path) -> None:
    path = _file(_rows(30), tmp_path / "p.csv")
    source = streaming_text.text_source(path)
    assert source.total == 30
    table = source.part([0, 29])
    assert table.where(29) == (31, 30)  # after the header: row 30 on line 31
    assert table.frame.loc[29, "start"] == str(_rows(30)["start"][29])
