"""Validation throughput: pandera and Great Expectations on the same prediction rows.

    .venv/bin/python benchmarks/validation.py [--rows 1000000] [--engines pandera,gx]

Writes ``--rows`` valid prediction rows (JSONL) over synthetic articles, then times, each
on its own: reading the file, pandera's validation (what ``figdate validate`` and
``figdate eval`` run), and GX's (the joined view, then the suite). The target is pandera
under 10 s for 1,000,000 rows on this machine.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

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


def timed(label: str, n: int, work: object) -> object:
    start = time.perf_counter()
    result = work()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"{label:<28} {seconds:8.2f} s  {n / seconds:>12,.0f} rows/s", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--engines", default="pandera,gx")
    args = parser.parse_args()
    n = args.rows
    known = articles(-(-n // PER_ARTICLE))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "predictions.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows(n)), encoding="utf-8")
        print(f"{n:,} prediction rows, {path.stat().st_size / 1e6:,.1f} MB of JSONL")
        table = timed("read (figdate.core.tables)", n, lambda: read_table(path))
    assert isinstance(table, Table)
    engines = args.engines.split(",")
    if "pandera" in engines:
        from figdate.contract.pandera_backend import validate_mentions

        frame, problems = timed(
            "pandera (figdate.contract)",
            n,
            lambda: validate_mentions(table, known, gold=False),
        )  # type: ignore[misc]
        assert frame is not None, problems[:3]
    if "gx" in engines:
        from figdate.contract import gx_backend as gx_engine
        from figdate.contract import gx_suites as expectations

        view = timed(
            "gx: join article columns",
            n,
            lambda: expectations.joined(table.frame, "predictions", known),
        )
        assert isinstance(view, pd.DataFrame)
        suite = expectations.build("predictions")
        found = timed("gx: suite", n, lambda: gx_engine.findings(suite, view, table))
        assert found == [], found


if __name__ == "__main__":
    main()
