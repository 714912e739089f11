"""A Parquet dataset read a batch at a time gives the verdict of the whole file in memory.

The rows are written once as a folder of Parquet files (as Spark writes a dataset) and once
as one file; the folder is validated in batches of 10,000 rows (``memory`` small), the
file in memory by the columnar path and by figdate 0.1's row reader and pandera. Flaws are
planted so that a repeat and the row it repeats fall in different batches.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.dataset as ds
import pytest

from figdate.contract import streaming
from figdate.contract.files import validate_file
from figdate.core.model import Article
from tests.support import Run

PER_ARTICLE = 1000
TEXT = "word " * PER_ARTICLE
SMALL = 10 * streaming.BYTES_PER_ROW * 1000  # 10,000 rows a batch


def _rows(n: int) -> pl.DataFrame:
    i = np.arange(n)
    slot = i % PER_ARTICLE
    date = slot % 3 == 0
    return pl.DataFrame(
        {
            "article_id": [f"a{k}" for k in i // PER_ARTICLE],
            "kind": np.where(date, "date", "figure"),
            "start": slot * 5,
            "end": slot * 5 + 4,
            "text": ["word"] * n,
            "value": np.where(date, "2020-01-12", (slot * 7).astype(str)),
            "qualifier": pl.Series([None if d else "exact" for d in date], dtype=pl.String),
        }
    )


def _articles(n: int) -> dict[str, Article]:
    return {f"a{k}": Article(f"a{k}", TEXT, published=None) for k in range(n // PER_ARTICLE + 1)}


def _planted(n: int) -> pl.DataFrame:
    rows = _rows(n)
    return pl.concat(
        [
            rows,
            rows[100:103],  # repeats of rows in the first batch, in the last
            rows[20_000:20_001].with_columns(pl.lit("wurd").alias("text")),
            rows[7:8].with_columns(pl.lit(-3, dtype=pl.Int64).alias("start")),
            rows[8:9].with_columns(pl.lit("many").alias("value")),
        ]
    )


def _write(frame: pl.DataFrame, folder: Path, parts: int) -> Path:
    folder.mkdir()
    size = -(-frame.height // parts)
    for k in range(parts):
        frame[k * size : (k + 1) * size].write_parquet(folder / f"part-{k:05d}.parquet")
    return folder


def _report(path: Path, articles: dict[str, Article], **how: object) -> object:
    """Rows and findings, the file's name left out (a folder and a file are compared)."""
    report = validate_file(path, "predictions", ("pandera",), articles, **how)  # type: ignore[arg-type]
    findings = [
        replace(f, examples=tuple(replace(p, file="") for p in f.examples)) for f in report.findings
    ]
    return report.rows, sorted(findings, key=repr)


def test_batches_give_the_verdict_of_the_whole_file(tmp_path: Path) -> None:
    frame = _planted(35_000)
    articles = _articles(35_000)
    folder = _write(frame, tmp_path / "dataset", parts=3)
    whole = tmp_path / "whole.parquet"
    frame.write_parquet(whole)
    batched = _report(folder, articles, memory=SMALL)
    assert batched == _report(whole, articles)  # in memory, columnar
    assert batched == _report(whole, articles, columnar=False)  # figdate 0.1's path
    counts = {f.check: f.failing for f in batched[1]}  # type: ignore[index]
    assert counts["unique_span"] == 5  # three copies, and two changed rows on the same spans
    assert counts["text_matches"] == 1


def test_a_valid_dataset_is_valid_in_batches(tmp_path: Path) -> None:
    folder = _write(_rows(25_000), tmp_path / "dataset", parts=2)
    assert _report(folder, _articles(25_000), memory=SMALL) == (25_000, [])


def test_a_shared_hash_is_not_a_repeat(tmp_path: Path) -> None:
    """Spill files where different spans share a hash: the rows themselves decide."""
    path = tmp_path / "rows.parquet"
    pl.concat([_rows(6), _rows(6)[5:6]]).write_parquet(path)  # row 6 repeats row 5
    spill = tmp_path / "spill"
    spill.mkdir()
    pairs = np.array([(7, 0), (7, 4), (9, 5), (9, 6)], dtype=[("hash", "<u8"), ("row", "<i8")])
    pairs.tofile(spill / "00")  # rows 0 and 4 share a hash, not a span
    dataset = ds.dataset(path, format="parquet")
    source = streaming.Source(
        str(path), [], 7, lambda _: iter(()), partial(streaming._parquet_keys, dataset), print
    )
    repeats, earlier = streaming._repeats(source, spill)
    assert repeats == [6]
    assert earlier == {6: 5}


def test_progress_shows_on_request(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _write(_rows(20_000), tmp_path / "dataset", parts=2)
    articles = _articles(20_000)
    for shown in (True, False):
        streaming.stream_findings(
            folder, "predictions", articles, rows_per_batch=10_000, progress=shown
        )
        err = capsys.readouterr().err
        assert ("20000/20000" in err) is shown, err


def test_the_command_validates_a_folder_in_batches(figdate: Run, tmp_path: Path) -> None:
    folder = _write(_rows(3), tmp_path / "out", parts=2)
    done = figdate("validate", str(folder), "--memory", "10")
    assert done.returncode == 1, done.stderr
    assert "predictions table, 3 row(s)" in done.stdout
    assert "unknown article 'a0'" in done.stdout  # checked against the repository's gold
    refused = figdate("validate", str(folder), "--memory", "5")
    assert refused.returncode == 2
    assert "at least 10" in refused.stderr


def test_a_dataset_without_a_required_column_says_so_as_the_file_does(tmp_path: Path) -> None:
    rows = _rows(20_000).drop("article_id")
    whole = tmp_path / "whole.parquet"
    rows.write_parquet(whole)
    folder = _write(rows, tmp_path / "dataset", parts=2)
    articles = _articles(20_000)
    batched = _report(folder, articles, memory=SMALL)
    assert batched == _report(whole, articles, columnar=False)
    checks = {f.check for f in batched[1]}  # type: ignore[index]
    assert checks == {"column_in_dataframe", "unique_span"}  # without ids, spans repeat


def test_a_folder_of_other_files_is_refused_in_one_line(figdate: Run, tmp_path: Path) -> None:
    folder = tmp_path / "jsonl"
    folder.mkdir()
    (folder / "part.jsonl").write_text('{"kind": "date"}\n', encoding="utf-8")
    done = figdate("validate", str(folder))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "not readable as a Parquet dataset" in done.stderr
