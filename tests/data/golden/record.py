"""Record the outputs of ``cases.CASES`` into ``tests/data/golden/<case>.txt``."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from tests.data.golden.cases import CASES, HERE, run

if __name__ == "__main__":
    wanted = sys.argv[1:] or list(CASES)
    with tempfile.TemporaryDirectory() as scratch:
        for name in wanted:
            (HERE / f"{name}.txt").write_text(run(name, Path(scratch)), encoding="utf-8")
            print(f"recorded {name}")
