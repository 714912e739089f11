"""Validation throughput: pandera and Great Expectations on the same prediction rows.

    .venv/bin/python benchmarks/validation.py [--rows 1000000] [--engines pandera,gx]
        [--repeat 3]

Writes ``--rows`` valid prediction rows (JSONL) over synthetic articles, and the same rows
with every text wrong, then times, interleaved over --repeat rounds (min/median/max):
reading the file, pandera's findings (what ``figdate validate`` runs) on the valid and
on the failing file, and GX's (the joined view, then the suite) on the valid one.
Target: the failing file within 2x the valid one.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from timing import interleaved, line, median

from figdate.core.model import Article
from figdate.core.tables import Table, read_table

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


def write(path: Path, rows: list[dict[str, object]]) -> Table:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return read_table(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--engines", default="pandera,gx")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    n = args.rows
    known = articles(-(-n // PER_ARTICLE))
    valid = rows(n)
    invalid = [{**row, "text": "wurd"} for row in valid]  # every row fails text_matches
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "predictions.jsonl"
        table = write(path, valid)
        print(f"{n:,} prediction rows, {path.stat().st_size / 1e6:,.1f} MB of JSONL")
        broken = write(Path(folder) / "broken.jsonl", invalid)
        contenders: dict[str, Callable[[], object]] = {
            "read (figdate.core.tables)": lambda: read_table(path)
        }
        engines = args.engines.split(",")
        if "pandera" in engines:
            from figdate.contract.pandera_backend import findings

            def pandera(table: Table, failing: int) -> Callable[[], object]:
                def run() -> object:
                    found = findings(table, "predictions", known)
                    assert sum(f.failing or 0 for f in found) == failing, found
                    return found

                return run

            contenders["pandera, valid rows"] = pandera(table, 0)
            contenders["pandera, every row failing"] = pandera(broken, n)
        if "gx" in engines:
            from figdate.contract import gx_backend as gx_engine
            from figdate.contract import gx_suites as expectations

            suite = expectations.build("predictions")

            def gx() -> object:
                view = expectations.joined(table.frame, "predictions", known)
                found = gx_engine.findings(suite, view, table)
                assert found == [], found
                return found

            contenders["gx (join, then the suite)"] = gx
        times = interleaved(contenders, args.repeat)
    for name, seconds in times.items():
        print(f"{line(name, seconds, 30)}  {n / median(seconds):>12,.0f} rows/s")
    if "pandera" in engines:
        ratio = median(times["pandera, every row failing"]) / median(times["pandera, valid rows"])
        print(f"every row failing takes {ratio:.2f}x the valid file (target: at most 2x)")


if __name__ == "__main__":
    main()
