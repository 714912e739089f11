"""GX on a wide predictions file: the same rows with and without many extra columns.

    .venv/bin/python benchmarks/wide.py [--rows 100] [--extra 20000] [--repeat 3]

Predictions may carry columns beyond the contract (unchecked); GX should cost on them what
pandera does (it took minutes, 0.3 s for pandera). Both files are validated by each engine,
the four runs interleaved, --repeat rounds, min/median/max (reading the file included).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import interleaved, line, median
from validation import PER_ARTICLE, articles, rows

from figdate.contract.files import validate_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--extra", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    known = articles(-(-args.rows // PER_ARTICLE))
    extra = {f"x{i}": i for i in range(args.extra)}
    with tempfile.TemporaryDirectory() as folder:
        narrow, wide = Path(folder) / "narrow.jsonl", Path(folder) / "wide.jsonl"
        narrow.write_text("".join(json.dumps(r) + "\n" for r in rows(args.rows)), "utf-8")
        wide.write_text(
            "".join(json.dumps({**r, **extra}) + "\n" for r in rows(args.rows)), "utf-8"
        )

        def run(path: Path, engine: str) -> Callable[[], object]:
            def validate() -> object:
                report = validate_file(path, "predictions", (engine,), known)
                assert report.valid, report.render()
                return report

            return validate

        times = interleaved(
            {
                f"{engine}, {name}": run(path, engine)
                for engine in ("pandera", "gx")
                for name, path in (("narrow", narrow), (f"+{args.extra} columns", wide))
            },
            args.repeat,
        )
    print(f"{args.rows} prediction rows, with and without {args.extra} extra columns")
    for name, seconds in times.items():
        print(line(name, seconds, 30))
    wide_gx, wide_pandera = (
        median(times[f"{e}, +{args.extra} columns"]) for e in ("gx", "pandera")
    )
    ratio = wide_gx / wide_pandera
    print(f"wide file: gx takes {ratio:.2f}x pandera (medians; reading is most of both)")


if __name__ == "__main__":
    main()
