"""Instructions per article under valgrind's callgrind: a repeatable speed measure where
wall-clock time on a shared machine is noisy (this project's VM varies by +-30%).

    .venv/bin/python benchmarks/instructions.py [--rounds-rules 100] [--rounds-others 2]

Each extractor runs in a subprocess under callgrind twice, with 0 and with N extra rounds
over the gold articles after a warm-up; the difference over N x articles is the cost of
one article, imports and warm-up excluded. PYTHONHASHSEED is fixed so that runs repeat.
The start-up itself varies by some million instructions from run to run, so rules (a few
million per article) needs about a hundred rounds for the difference to settle within 1%.
Takes a few minutes (callgrind runs Python about 50x slower).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys

from figdate.extractors import resolve
from figdate.goldset import store as gold

CHILD = """
import sys
from figdate.goldset import store as gold
from figdate.extractors import resolve
articles = list(gold.load().articles.values())
source = resolve(sys.argv[1])
for article in articles:
    source.extract(article)
for _ in range(int(sys.argv[2])):
    for article in articles:
        source.extract(article)
"""


def instructions(name: str, rounds: int) -> int:
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            CHILD,
            name,
            str(rounds),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if not found:
        raise SystemExit(f"no instruction count from valgrind for {name}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds-rules", type=int, default=100)
    parser.add_argument("--rounds-others", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    n_articles = len(gold.load().articles)
    per_article = {}
    for name in ("rules", "dateparser", "quantulum3"):
        rounds = args.rounds_rules if name == "rules" else args.rounds_others
        cost = instructions(name, rounds) - instructions(name, 0)
        per_article[name] = cost / (rounds * n_articles)
        source = resolve(name)
        source.ready()  # an adapter learns its library's version when it is built
        version = source.version
        print(f"{name:11} {version:10} {per_article[name] / 1e6:10.2f} M instructions/article")
    for name in ("dateparser", "quantulum3"):
        ratio = per_article[name] / per_article["rules"]
        print(f"rules does one article in {ratio:,.1f}x fewer instructions than {name}")


if __name__ == "__main__":
    main()
