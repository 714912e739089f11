"""Start-up of the figdate command: each run a fresh process, as a user or CI starts it.

    .venv/bin/python benchmarks/startup.py [--repeat 10]

The commands interleaved, --repeat rounds, min/median/max. Targets (this 2-core machine,
medians): ``figdate --help`` at most 0.3 s and ``figdate gold check`` at most 1.0 s.
``eval`` scores the bundled rules extractor on the gold set, its output cached after the
first round. tests/cli/test_startup.py guards what each start imports.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from timing import interleaved, line

FIGDATE = str(Path(sys.executable).parent / "figdate")
COMMANDS = {
    "figdate --help": ["--help"],
    "figdate gold check": ["gold", "check"],
    "figdate eval (cached)": ["eval", "--extractor", "rules"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    os.chdir(Path(__file__).parent.parent)

    def run(argv: list[str]) -> None:
        subprocess.run([FIGDATE, *argv], check=True, stdout=subprocess.DEVNULL)

    run(COMMANDS["figdate eval (cached)"])  # fill the cache
    times = interleaved(
        {name: lambda a=argv: run(a) for name, argv in COMMANDS.items()}, args.repeat
    )
    for name, seconds in times.items():
        print(line(name, seconds))


if __name__ == "__main__":
    main()
