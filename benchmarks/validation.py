"""Validation throughput: figdate 0.1's path against the columnar one, and GX, on the same rows.

    .venv/bin/python benchmarks/validation.py [--rows 1000000] [--engines pandera,gx]
        [--format jsonl|csv] [--repeat 3]

Writes ``--rows`` valid prediction rows over synthetic articles, and the same rows with
every text wrong, then times, interleaved over --repeat rounds (min/median/max), each from
the file on disk: figdate 0.1's path (the row reader, then pandera's findings), the
columnar one (what ``figdate validate`` runs now: polars' reader and the contract's masks),
each on the valid and on the failing file, and GX on the valid one: as 0.1 ran it (the row
reader, 0.1's joined view kept in ``gx_legacy.py``, the suite) and as ``figdate validate
--engine gx`` runs it now (the cells from polars' columns, the view built a column at a
time, text as pandas' Arrow strings). GX is
imported before the first round. Targets: columnar at least 5x faster than 0.1's path;
every row failing within 2x the valid file; GX at least 3x faster than 0.1's.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import gx_legacy
from timing import interleaved, line, median

from figdate.contract import gx_backend, gx_suites
from figdate.contract.files import validate_file
from figdate.contract.pandera_backend import findings as pandera_findings
from figdate.core.columnar import read_columns
from figdate.core.model import Article
from figdate.core.tables import read_table

PER_ARTICLE = 100
WORD = "word "


def articles(n: int) -> dict[str, Article]:
    text = WORD * (PER_ARTICLE * 4)
    return {f"a{i}": Article(f"a{i}", text, published=None) for i in range(n)}


def rows(n_rows: int, seed: int = 0) -> list[dict[str, object]]:
    rng = np.random.default_rng(seed)
    n_articles = -(-n_rows // PER_ARTICLE)
    out: list[dict[str, object]] = []
    figures = rng.integers(0, 100000, n_rows)
    years = rng.integers(1990, 2024, n_rows)
    for i in range(n_rows):
        slot = i % PER_ARTICLE
        start = slot * 20  # every 4th word: unique spans, text "word"
        row: dict[str, object] = {
            "article_id": f"a{i // PER_ARTICLE}",
            "kind": "figure" if slot % 3 else "date",
            "start": start,
            "end": start + 4,
            "text": "word",
        }
        if slot % 3:
            row.update(value=int(figures[i]), qualifier="exact")
        else:
            row["value"] = f"{years[i]}-0{1 + slot % 9}-1{slot % 10}"
        out.append(row)
    assert n_articles * PER_ARTICLE >= n_rows
    return out


def write(path: Path, rows: list[dict[str, object]]) -> Path:
    if path.suffix == ".csv":
        columns = ["article_id", "kind", "start", "end", "text", "value", "qualifier"]
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def contenders(
    valid: Path, broken: Path, known: dict[str, Article], n: int, engines: list[str]
) -> dict[str, Callable[[], object]]:
    """figdate 0.1's path (the row reader, then pandera) and the columnar one, each on the
    valid file and on the one where every row fails; GX on the valid one."""

    def old(path: Path, failing: int) -> Callable[[], object]:
        def run() -> object:
            found = pandera_findings(read_table(path), "predictions", known)
            assert sum(f.failing or 0 for f in found) == failing, found
            return found

        return run

    def new(path: Path, failing: int) -> Callable[[], object]:
        def run() -> object:
            report = validate_file(path, "predictions", ("pandera",), known)
            assert sum(f.failing or 0 for f in report.findings) == failing, report.findings
            return report

        return run

    out: dict[str, Callable[[], object]] = {}
    if "pandera" in engines:
        out |= {
            "0.1: rows + pandera, valid": old(valid, 0),
            "columnar, valid": new(valid, 0),
            "0.1: rows + pandera, failing": old(broken, n),
            "columnar, failing": new(broken, n),
        }
    if "gx" in engines:
        suite = gx_suites.build("predictions")

        def gx(columnar: bool) -> Callable[[], object]:
            def run() -> object:
                if columnar:  # figdate validate --engine gx now
                    table = read_columns(valid).as_table()
                    view = gx_suites.joined(table.frame, "predictions", known)
                else:  # 0.1: the row reader, and 0.1's view (whole numbers as nullable Int64)
                    table = read_table(valid)
                    view = gx_legacy.joined(table.frame, "predictions", known)
                found = gx_backend.findings(suite, view, table)
                assert found == [], found
                return found

            return run

        out["gx 0.1: rows, join (Int64), suite"] = gx(columnar=False)
        out["gx: columnar, join, suite"] = gx(columnar=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--engines", default="pandera,gx")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if "gx" in args.engines:
        gx_backend.warm()  # GX's import (seconds) is paid once per process, not per round
    n = args.rows
    known = articles(-(-n // PER_ARTICLE))
    good = rows(n)
    with tempfile.TemporaryDirectory() as folder:
        valid = write(Path(folder) / f"predictions.{args.format}", good)
        broken = write(  # every row fails text_matches
            Path(folder) / f"broken.{args.format}", [{**r, "text": "wurd"} for r in good]
        )
        print(f"{n:,} prediction rows, {valid.stat().st_size / 1e6:,.1f} MB of {args.format}")
        engines = args.engines.split(",")
        times = interleaved(contenders(valid, broken, known, n, engines), args.repeat)
    for name, seconds in times.items():
        print(f"{line(name, seconds, 30)}  {n / median(seconds):>12,.0f} rows/s")
    m = {name: median(seconds) for name, seconds in times.items()}
    if "gx" in engines:
        gx = m["gx 0.1: rows, join (Int64), suite"] / m["gx: columnar, join, suite"]
        print(f"GX now vs 0.1: {gx:.1f}x faster (target: at least 3x)")
    if "pandera" in engines:
        speedup = m["0.1: rows + pandera, valid"] / m["columnar, valid"]
        print(f"columnar vs 0.1, valid file: {speedup:.1f}x faster (target: at least 5x)")
        print(
            f"columnar, every row failing: {m['columnar, failing'] / m['columnar, valid']:.2f}x"
            " the valid file (target: at most 2x)"
        )


if __name__ == "__main__":
    main()
