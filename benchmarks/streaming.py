"""Validating a table larger than memory: time and peak memory at 1M, 10M, 100M rows.

    .venv/bin/python benchmarks/streaming.py [--rows 1000000,10000000,100000000]
        [--format parquet|jsonl]

Writes each dataset as a Parquet (or JSONL) file, a million rows at a time (valid
predictions, 1,000 per synthetic article), then validates it in a process of its own as
``figdate validate`` does (``validate_file``, the default 1 GB a batch) and prints seconds,
rows per second and the process's peak resident memory. Targets: under 2 GB at 100M rows,
time linear in rows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import peak_memory_mb

PER_ARTICLE = 1000
CHUNK = 1_000_000


def chunk(n: int, first: int) -> object:
    import numpy as np
    import pyarrow as pa

    i = np.arange(first, first + n)
    slot = i % PER_ARTICLE
    date = slot % 3 == 0
    return pa.table(
        {
            "article_id": np.char.add("a", (i // PER_ARTICLE).astype(str)),
            "kind": np.where(date, "date", "figure"),
            "start": slot * 5,
            "end": slot * 5 + 4,
            "text": np.full(n, "word"),
            "value": np.where(date, "2020-01-12", (slot * 7).astype(str)),
            "qualifier": pa.array(np.where(date, None, "exact"), type=pa.string()),
        }
    )


def write(path: Path, rows: int) -> None:
    import pyarrow.parquet as pq

    if path.suffix == ".jsonl":
        import polars as pl

        with path.open("wb") as handle:
            for first in range(0, rows, CHUNK):
                frame = pl.from_arrow(chunk(min(CHUNK, rows - first), first))
                assert isinstance(frame, pl.DataFrame)
                frame.write_ndjson(handle)
        return

    writer = None
    for first in range(0, rows, CHUNK):
        table = chunk(min(CHUNK, rows - first), first)
        writer = writer or pq.ParquetWriter(path, table.schema)  # type: ignore[attr-defined]
        writer.write_table(table)
    assert writer is not None
    writer.close()


def child(path: Path, rows: int) -> None:
    """Validate as ``figdate validate`` does, against the dataset's synthetic articles."""
    from figdate.contract.files import validate_file
    from figdate.core.model import Article

    text = "word " * PER_ARTICLE  # one text object: the articles share it
    articles = {f"a{k}": Article(f"a{k}", text, None) for k in range(-(-rows // PER_ARTICLE))}
    report = validate_file(path, "predictions", ("pandera",), articles)
    assert report.valid, report.render()
    assert report.rows == rows, report.rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", default="1000000,10000000,100000000")
    parser.add_argument("--format", choices=("parquet", "jsonl"), default="parquet")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), int(args.child[1]))
        return
    print(f"{'rows':>12} {'seconds':>9} {'rows/s':>12} {'peak MB':>9}")
    for rows in map(int, args.rows.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"predictions.{args.format}"
            write(path, rows)
            argv = [sys.executable, __file__, "--child", str(path), str(rows)]
            seconds, peak = peak_memory_mb(argv)
        print(f"{rows:>12,} {seconds:>9.1f} {rows / seconds:>12,.0f} {peak:>9,.0f}", flush=True)


if __name__ == "__main__":
    main()
