"""The contract over a Parquet dataset larger than memory, one batch of rows at a time.

Each batch goes through the columnar backend's masks (``columnar_backend.measure``): counts
and first failing rows add up, the optional share is kept as two counts. The one rule
across rows, a span listed twice, cannot be judged per batch: each located row's span hash
goes to one of ``BUCKETS`` files on disk by its top bits, and after the last batch each
bucket (a 64th of the rows, 16 bytes a row) is sorted to find the repeats, which are then
checked on the rows themselves (two spans may share a hash). The first failing rows of
each check are read back from the dataset and explained by pandera, as in the in-memory
path, so a verdict reads the same whichever path gave it.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Never

from figdate.contract import columnar_backend as backend
from figdate.contract.columnar_masks import Key
from figdate.contract.rules import row_rules
from figdate.core.columnar import Columns, NotColumnar, check_scalars, parquet_records
from figdate.core.model import Article
from figdate.core.problems import Finding, InputError, Problem
from figdate.core.tables import Table, display_path, records_frame

if TYPE_CHECKING:
    import polars as pl
    import pyarrow.dataset as ds
    from tqdm import tqdm

BUCKETS = 64
BYTES_PER_ROW = 2000
"""Memory a batch takes per row, its masks and the articles' joined columns included:
measured on the benchmark's rows, a process peaks near 0.45 GB plus 1.75 KB a row of the
batch (``benchmarks/streaming.py``). With the default 1 GB, a batch is 500,000 rows."""
REPEAT = ("unique_span", "start")


def batch_rows(memory: int) -> int:
    """Rows per batch for ``memory`` bytes."""
    return max(10_000, memory // BYTES_PER_ROW)


@dataclass
class Source:
    """A table read a batch at a time: its columns, its row count, its batches (None for
    one the masks cannot judge), and how to read given rows back: their span keys, and
    the rows as the row reader reads them."""

    shown: str
    names: list[str]
    total: int
    batches: Callable[[int], Iterator[Columns | None]]
    keys: Callable[[list[int]], dict[int, tuple[str, ...]]]
    part: Callable[[list[int]], Table]


def stream_findings(
    path: Path,
    name: str,
    articles: Mapping[str, Article] | None,
    *,
    rows_per_batch: int,
    progress: bool | None = None,
) -> tuple[list[Finding] | None, int]:
    """The findings on the Parquet file or folder at ``path`` and its row count, reading
    ``rows_per_batch`` rows at a time; None where pandera must read it whole."""
    import pyarrow.dataset as ds

    shown = display_path(path)
    try:
        dataset = ds.dataset(path, format="parquet")
        total = dataset.count_rows()
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        reason = f"not readable as a Parquet dataset: {str(exc).splitlines()[0]}"
        raise InputError([Problem(shown, reason=reason)]) from None
    source = Source(
        shown,
        list(dataset.schema.names),
        total,
        partial(_parquet_batches, dataset, shown),
        partial(_parquet_keys, dataset),
        partial(_part, dataset, shown=shown),
    )
    return stream(source, name, articles, rows_per_batch, progress), total


def stream(
    source: Source,
    name: str,
    articles: Mapping[str, Article] | None,
    rows_per_batch: int,
    progress: bool | None = None,
) -> list[Finding] | None:
    """The findings on a table read batch by batch; None where pandera must read it whole."""
    with tempfile.TemporaryDirectory(prefix="figdate-spans-") as spill:
        bar = progress_bar(source.total, progress)
        with bar:
            found = _batches(source, name, articles, Path(spill), rows_per_batch, bar)
        if found is None:
            return None
        counts, firsts, optional = found
        if REPEAT in {(rule.name, rule.column) for rule in row_rules(name)}:
            repeats, earlier = _repeats(source, Path(spill))
            counts[REPEAT] = len(repeats)
            firsts[REPEAT] = repeats[: backend.EXAMPLES]
            extra = [earlier[r] for r in firsts[REPEAT]]
        else:
            extra = []
    failed = {k: n for k, n in counts.items() if n}
    tables = [
        *backend.structure_findings(source.names, name, source.shown),
        *backend.table_findings(name, optional, source.shown, source.total),
    ]
    if not failed:
        return tables
    rows = sorted({r for hits in firsts.values() for r in hits} | set(extra))
    return backend.explained(source.part(rows), name, articles, failed, tables)


def progress_bar(total: int, progress: bool | None) -> tqdm[Never]:
    """A progress bar on stderr: shown on a terminal, or as ``progress`` says."""
    from tqdm import tqdm

    quiet = not sys.stderr.isatty() if progress is None else not progress
    return tqdm(total=total, unit=" rows", disable=quiet, file=sys.stderr)


def _parquet_batches(dataset: ds.Dataset, shown: str, size: int) -> Iterator[Columns | None]:
    import polars as pl

    # no read-ahead: pyarrow would hold 16 batches besides the one being checked
    for batch in dataset.to_batches(batch_size=size, batch_readahead=0, fragment_readahead=0):
        frame = pl.from_arrow(batch)
        if not isinstance(frame, pl.DataFrame) or frame.height == 0:
            continue
        try:
            check_scalars(frame)
        except NotColumnar:
            yield None
            return
        yield Columns(frame, shown, None, None, Path(shown))


def _batches(
    source: Source,
    name: str,
    articles: Mapping[str, Article] | None,
    spill: Path,
    size: int,
    bar: tqdm[Never],
) -> tuple[dict[Key, int], dict[Key, list[int]], tuple[int, int]] | None:
    counts: dict[Key, int] = {}
    firsts: dict[Key, list[int]] = {}
    optional = [0, 0]
    offset = 0
    for columns in source.batches(size):
        found = None if columns is None else backend.measure(columns, name, articles, across=True)
        if columns is None or found is None:
            return None
        for key, n in found.counts.items():
            counts[key] = counts.get(key, 0) + n
            hits = firsts.setdefault(key, [])
            more = [offset + r for r in found.firsts.get(key, [])]
            hits += more[: backend.EXAMPLES - len(hits)]
        optional[0] += found.optional[0]
        optional[1] += found.optional[1]
        if found.spans is not None:
            _spill(found.spans, offset, spill)
        offset += columns.frame.height
        bar.update(columns.frame.height)
    return counts, {k: v for k, v in firsts.items() if v}, (optional[0], optional[1])


def _spill(spans: pl.DataFrame, offset: int, spill: Path) -> None:
    """Append each located row's (hash, row) to the bucket of its hash's top bits."""
    import numpy

    hashes = spans["hash"].to_numpy()
    rows = spans["row"].to_numpy().astype(numpy.int64) + offset
    bucket = (hashes >> numpy.uint64(58)).astype(numpy.int64)
    order = numpy.argsort(bucket, kind="stable")
    bounds = numpy.searchsorted(bucket[order], numpy.arange(BUCKETS + 1))
    for b in range(BUCKETS):
        picked = order[bounds[b] : bounds[b + 1]]
        if len(picked):
            pairs = numpy.empty(len(picked), dtype=[("hash", "<u8"), ("row", "<i8")])
            pairs["hash"], pairs["row"] = hashes[picked], rows[picked]
            with (spill / f"{b:02d}").open("ab") as handle:
                pairs.tofile(handle)


def _repeats(source: Source, spill: Path) -> tuple[list[int], dict[int, int]]:
    """Rows whose span an earlier row has, each with that earlier row, checked on the rows'
    own keys (a shared hash alone is not a repeat)."""
    import numpy

    candidates: dict[int, int] = {}
    for file in sorted(spill.iterdir()):
        pairs = numpy.fromfile(file, dtype=[("hash", "<u8"), ("row", "<i8")])
        pairs = pairs[numpy.argsort(pairs["hash"], kind="stable")]  # rows stay in order
        same = numpy.flatnonzero(pairs["hash"][1:] == pairs["hash"][:-1]) + 1
        if not len(same):
            continue
        starts = numpy.flatnonzero(numpy.r_[True, pairs["hash"][1:] != pairs["hash"][:-1]])
        first = pairs["row"][starts[numpy.searchsorted(starts, same, side="right") - 1]]
        candidates.update(zip(pairs["row"][same].tolist(), first.tolist(), strict=True))
    if not candidates:
        return [], {}
    confirmed = _same_spans(source, candidates)
    return sorted(confirmed), confirmed


def _same_spans(source: Source, candidates: dict[int, int]) -> dict[int, int]:
    text = source.keys(sorted(set(candidates) | set(candidates.values())))
    return {r: e for r, e in candidates.items() if text[r] == text[e]}


SPAN_KEY = ("article_id", "kind", "start", "end")


def _parquet_keys(dataset: ds.Dataset, rows: list[int]) -> dict[int, tuple[str, ...]]:
    import numpy
    import polars as pl

    keys = [c for c in SPAN_KEY if c in dataset.schema.names]
    taken = pl.from_arrow(dataset.take(numpy.array(rows), columns=keys))
    assert isinstance(taken, pl.DataFrame)
    return {row: tuple(map(str, values)) for row, values in zip(rows, taken.rows(), strict=True)}


def _part(dataset: ds.Dataset, rows: list[int], *, shown: str) -> Table:
    """The given rows of the dataset as the row reader reads Parquet, indexed by row."""
    import numpy
    import polars as pl

    taken = pl.from_arrow(dataset.take(numpy.array(rows)))
    assert isinstance(taken, pl.DataFrame)
    return Table(records_frame(parquet_records(taken), list(taken.columns), rows), shown, [])
