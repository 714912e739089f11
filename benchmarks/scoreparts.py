"""Scoring a predictions file larger than memory: at once against in parts, time and peak.

    .venv/bin/python benchmarks/scoreparts.py [--rows 1000000,4000000] [--memory 1000]

Writes a JSONL file of ``--rows`` predictions (ten gold mentions an article, nine in ten
predicted, one in twenty with its end shifted, in shuffled order), then scores it in a
process of its own as ``figdate score`` does (``score_file``, bootstrap 1000): at once
(``--memory`` so large the file fits) and in parts (``--memory`` MB). Each process builds
the gold set first (held whole by every way of scoring), then resets its peak resident
memory (Linux's clear_refs) and scores; it prints the seconds scoring took, the memory
the gold set holds and the peak while scoring. The target: in parts, the peak above the
gold set stays near the setting whatever the file's size, and the numbers are equal
(checked in the run).
``scoreparts.FILE_FACTOR`` and ``ROW_BYTES`` come from a process's peak scoring a file at
once (gold set included) per byte of file and per row.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import peak_memory_mb

PER_ARTICLE = 10
TEXT = "word " * 200


def gold(n_articles: int) -> tuple[dict[str, object], object]:
    import numpy as np
    import pandas as pd

    from figdate.core.model import Article

    i = np.arange(n_articles * PER_ARTICLE)
    slot = i % PER_ARTICLE
    date = slot % 3 == 0
    ids = np.char.add("a", (i // PER_ARTICLE).astype(str))
    mentions = pd.DataFrame({
        "article_id": ids, "kind": np.where(date, "date", "figure"), "start": slot * 50,
        "end": slot * 50 + 4, "text": "word", "value": np.where(date, "2020-01-12",
        (slot * 7).astype(str)), "qualifier": np.where(date, None, "exact"), "unit": None,
        "optional": False, "note": None,
    })  # fmt: skip
    articles = {f"a{k}": Article(f"a{k}", TEXT, "2020-01-12") for k in range(n_articles)}
    return articles, mentions


def write(path: Path, rows: int) -> None:
    import numpy as np
    import polars as pl

    _, mentions = gold(-(-rows // PER_ARTICLE))
    rng = np.random.default_rng(0)
    frame = pl.from_pandas(mentions.drop(columns=["optional", "note", "unit"]))  # type: ignore[attr-defined]
    keep = rng.random(frame.height) < 0.9
    shifted = rng.random(frame.height) < 0.05
    frame = frame.with_columns(
        end=pl.Series(np.where(shifted, frame["end"].to_numpy() + 5, frame["end"].to_numpy())),
        text=pl.when(pl.Series(shifted)).then(None).otherwise(pl.col("text")),
    ).filter(pl.Series(keep))
    frame = frame.sample(fraction=1.0, shuffle=True, seed=0).head(rows)
    frame.write_ndjson(path)


def _status(field: str) -> float:
    """A field of /proc/self/status, in MB (VmRSS now, VmHWM the peak since the reset)."""
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def child(path: Path, n_articles: int, memory: int, out: Path) -> None:
    """Build the gold set, reset the peak (Linux: clear_refs 5), score, report both."""
    import gc
    import time

    from figdate.contract.predictions import read_predictions
    from figdate.evaluation import scoreparts
    from figdate.scoring import score

    articles, mentions = gold(n_articles)
    gc.collect()
    held = _status("VmRSS")
    Path("/proc/self/clear_refs").write_text("5", encoding="ascii")
    began = time.perf_counter()
    if scoreparts.too_big(path, memory):
        result = scoreparts.score_in_parts(path, mentions, articles, memory=memory,  # type: ignore[arg-type]
                                           progress=False)  # fmt: skip
    else:
        frame = read_predictions(path, articles)  # type: ignore[arg-type]
        result = score(mentions, frame, articles)  # type: ignore[arg-type]
    seconds = time.perf_counter() - began
    out.write_text(json.dumps({"summary": result.summary.to_json(), "gold": held,
                               "peak": _status("VmHWM"), "seconds": seconds}),
                   encoding="utf-8")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", default="1000000,4000000")
    parser.add_argument("--memory", type=int, default=1000, help="MB for the parts")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        path, n, memory, out = args.child
        child(Path(path), int(n), int(memory), Path(out))
        return
    print(f"{'rows':>10} {'MB file':>8} {'how':>16} {'seconds':>8} {'gold MB':>8} "
          f"{'peak MB':>8} {'above gold':>10}")  # fmt: skip
    for rows in map(int, args.rows.split(",")):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "predictions.jsonl"
            write(path, rows)
            size = path.stat().st_size
            n = -(-rows // PER_ARTICLE)
            seen = []
            for how, memory in (("at once", 10**12), (f"parts, {args.memory} MB", args.memory)):
                out = Path(folder) / "summary.json"
                megabytes = memory * 10**6 if memory < 10**12 else memory
                argv = [sys.executable, __file__, "--child", str(path), str(n), str(megabytes),
                        str(out)]  # fmt: skip
                peak_memory_mb(argv)
                run = json.loads(out.read_text(encoding="utf-8"))
                seen.append(run["summary"])
                print(f"{rows:>10,} {size / 1e6:>8.0f} {how:>16} {run['seconds']:>8.1f} "
                      f"{run['gold']:>8,.0f} {run['peak']:>8,.0f} "
                      f"{run['peak'] - run['gold']:>10,.0f}", flush=True)  # fmt: skip
            assert seen[0] == seen[1], "in parts, the numbers differ"


if __name__ == "__main__":
    main()
