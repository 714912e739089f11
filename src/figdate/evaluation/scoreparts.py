"""Scoring a predictions file larger than memory: split by article, scored a part at a time.

The file is validated first (``validate_file``, which reads it in batches where it is
large). Its rows are then written, a batch at a time, into parts on disk by a hash of
their article id, so that each part holds whole articles and no article is in two. Each
part is read as ``figdate score`` reads a file and counted with the gold mentions of its
own articles (``scoring.tally``); the parts' counts are merged (``tally.merge``, as the
Spark engine does) and summarised once, so the numbers and intervals are those of the
whole file scored at once (``tests/evaluation/test_scoreparts.py``). JSONL and CSV parts
are the file's own lines; a CSV whose cells run across lines is split by Python's csv
module instead. What is not kept is the outcome table (one row a mention): no error list.
"""

from __future__ import annotations

import csv
import itertools
import math
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from figdate.contract.files import parquet_rows, validate_file
from figdate.contract.predictions import read_predictions
from figdate.core.model import PREDICTION_COLUMNS, Article
from figdate.core.problems import InputError, Problem
from figdate.core.tables import JSON_SUFFIXES, display_path
from figdate.core.vocabulary import KINDS, TableKind
from figdate.scoring import RunInfo, Score
from figdate.scoring.score import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    labelled_only,
    left_out_notes,
    summarise,
)
from figdate.scoring.tally import Tally, merge, tally

if TYPE_CHECKING:
    import polars as pl

FILE_FACTOR = 7
"""Memory scoring a JSONL file at once takes per byte of it, above the gold set (which every
way of scoring holds): measured 6.7 at 1M rows (98 MB, 654 MB) and 4.6 at 4M
(``benchmarks/scoreparts.py``); a file beyond ``memory`` / 7 is scored in parts."""
ROW_BYTES = 700
"""The same per prediction row (654 bytes at 1M rows): a part holds ``memory`` / 700 rows."""


def too_big(path: Path, memory: int) -> bool:
    """Whether the file at ``path`` would take more than ``memory`` bytes scored at once."""
    if path.is_dir():
        return True
    if not path.is_file():
        return False  # missing or unreadable: the reader says so in one line
    if path.suffix.lower() == ".parquet":
        return parquet_rows(path) * ROW_BYTES > memory
    return path.stat().st_size * FILE_FACTOR > memory


def score_in_parts(
    path: Path,
    gold: pd.DataFrame,
    articles: Mapping[str, Article],
    *,
    memory: int,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    run: RunInfo | None = None,
    parts: int | None = None,
    progress: bool | None = None,
    kinds: Sequence[str] = KINDS,
) -> Score:
    """Validate the predictions at ``path`` and score them against ``gold`` (mentions of
    ``articles``), holding about ``memory`` bytes of rows at a time (``parts``: how many
    parts, else as many as memory needs). InputError if the file breaks the contract."""
    report = validate_file(path, TableKind.PREDICTIONS, ("pandera",), articles, memory=memory)
    if not report.valid:
        raise InputError(_problems(report.path, report.findings))
    total = report.rows
    count = parts or max(2, math.ceil(total * ROW_BYTES / memory))
    with tempfile.TemporaryDirectory(prefix="figdate-parts-") as folder:
        files = split(path, count, Path(folder), rows=max(10_000, memory // ROW_BYTES // 4),
                      total=total, progress=progress)  # fmt: skip
        parts_of = buckets(list(articles), count)
        members: list[dict[str, Article]] = [{} for _ in range(count)]
        for name, index in zip(articles, parts_of.tolist(), strict=True):
            members[index][name] = articles[name]
        gold_parts = gold["article_id"].map(dict(zip(articles, parts_of.tolist(), strict=True)))
        counted: list[Tally] = []
        left_out = 0
        for index, part in enumerate(files):
            known = members[index]
            mentions = gold[(gold_parts == index).to_numpy()].reset_index(drop=True)
            predicted = (
                read_predictions(part, known)
                if part.is_file()
                else pd.DataFrame(columns=list(PREDICTION_COLUMNS))
            )
            predicted, dropped = labelled_only(predicted, kinds)
            left_out += dropped
            counted.append(tally(mentions, predicted, known)[0])
    done = summarise(merge(counted), resamples=resamples, seed=seed, run=run, kinds=kinds)
    return done.with_notes(*left_out_notes(left_out))


def buckets(ids: list[str] | pl.Series, count: int) -> np.ndarray:
    """The part (0 to ``count`` - 1) of each article id: one hash, the same for the
    prediction rows and for the gold set's articles."""
    import polars as pl

    series = ids if isinstance(ids, pl.Series) else pl.Series(ids, dtype=pl.String)
    return (series.cast(pl.String).hash(seed=0) % count).to_numpy().astype(np.int64)


def split(
    path: Path, count: int, folder: Path, *, rows: int, total: int, progress: bool | None
) -> list[Path]:
    """Write the rows of ``path`` into ``count`` files in ``folder`` by article, ``rows``
    at a time; a part no row falls into has no file."""
    from figdate.contract.streaming import progress_bar

    suffix = path.suffix.lower()
    kind = "parquet" if path.is_dir() or suffix == ".parquet" else suffix.lstrip(".")
    files = [folder / f"part-{i}.{kind}" for i in range(count)]
    with progress_bar(total, progress) as bar:
        if kind == "parquet":
            _split_parquet(path, files, rows, bar)
        elif suffix in JSON_SUFFIXES:
            _split_lines(path, files, rows, bar, csv_file=False)
        elif not _split_lines(path, files, rows, bar, csv_file=True):
            _split_csv(path, files, rows, bar)  # a CSV cell across lines: by the csv module
    return files


def _split_lines(path: Path, files: list[Path], rows: int, bar: Any, *, csv_file: bool) -> bool:
    """Copy each line of a JSONL or CSV file into its part (a CSV's header first); False,
    with no part left, where a batch of CSV lines is not one row a line (a cell across
    lines)."""
    shown = display_path(path)
    outputs: dict[int, Any] = {}
    done = False
    try:
        with path.open("rb") as handle:
            head = handle.readline() if csv_file else b""
            if head and not head.endswith(b"\n"):
                head += b"\n"
            while chunk := list(itertools.islice(handle, rows)):
                lines = [line if line.endswith(b"\n") else line + b"\n" for line in chunk]
                ids = _line_ids(path, shown, head, lines, csv_file)
                if ids is None:
                    return False
                kept = np.asarray([i for i, a in enumerate(ids) if a is not None], dtype=np.int64)
                parts = buckets([a for a in ids if a is not None], len(files))
                for index in np.unique(parts).tolist():
                    if index not in outputs:
                        outputs[index] = files[index].open("wb")
                        outputs[index].write(head)
                    chosen = kept[parts == index].tolist()
                    outputs[index].write(b"".join(lines[i] for i in chosen))
                bar.update(len(kept))
        done = True
    finally:
        for output in outputs.values():
            output.close()
        if not done:
            for part in files:
                part.unlink(missing_ok=True)
    return True


def _line_ids(
    path: Path, shown: str, head: bytes, lines: list[bytes], csv_file: bool
) -> list[str | None] | None:
    """Each line's article id (None for a blank JSONL line, which holds no row); None where
    a batch of CSV lines is not one row a line."""
    from figdate.core.columnar import NotColumnar, _csv, _jsonl
    from figdate.core.tables import _loads

    data = head + b"".join(lines)
    try:
        columns = _csv(path, shown, data) if csv_file else _jsonl(path, shown, data)
    except NotColumnar:
        columns = None
    if columns is not None and columns.frame.height == len(lines):
        return [str(a) for a in columns.frame["article_id"].cast(str).to_list()]
    if csv_file:
        return None
    return [None if not line.strip() else str(_loads(line.decode("utf-8"))["article_id"])
            for line in lines]  # fmt: skip


def _split_csv(path: Path, files: list[Path], rows: int, bar: Any) -> None:
    """A CSV file by Python's csv module (cells across lines), row by row into parts."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        column = header.index("article_id")
        outputs: dict[int, Any] = {}
        writers: dict[int, Any] = {}
        try:
            while batch := list(itertools.islice(reader, rows)):
                parts = buckets([row[column] for row in batch], len(files))
                for row, index in zip(batch, parts.tolist(), strict=True):
                    if index not in writers:
                        outputs[index] = files[index].open("w", newline="", encoding="utf-8")
                        writers[index] = csv.writer(outputs[index])
                        writers[index].writerow(header)
                    writers[index].writerow(row)
                bar.update(len(batch))
        finally:
            for output in outputs.values():
                output.close()


def _split_parquet(path: Path, files: list[Path], rows: int, bar: Any) -> None:
    """A Parquet file or folder a batch at a time, each part's rows appended to its file."""
    import polars as pl
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    dataset = ds.dataset(path, format="parquet")
    writers: dict[int, pq.ParquetWriter] = {}
    try:
        for batch in dataset.to_batches(batch_size=rows, batch_readahead=0, fragment_readahead=0):
            if batch.num_rows == 0:
                continue
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            parts = buckets(frame["article_id"], len(files))
            for index in np.unique(parts).tolist():
                chosen = batch.filter(parts == index)
                if index not in writers:
                    writers[index] = pq.ParquetWriter(files[index], dataset.schema)
                writers[index].write_batch(chosen)
            bar.update(batch.num_rows)
    finally:
        for writer in writers.values():
            writer.close()


def _problems(shown: str, findings: list[Any]) -> list[Problem]:
    """The findings as problems: each failing row shown, else the check itself."""
    out: list[Problem] = []
    for finding in findings:
        out += list(finding.examples) or [Problem(shown, reason=finding.headline())]
    return out
