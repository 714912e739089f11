"""The ``figdate`` command: a thin front end over the library.

Each command group registers itself from its own module; this one assembles the parser,
runs the command, and turns the library's errors into one line each and an exit code
(``figdate.cli.exits``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from figdate.cli import annotation, contract, datasets, fuzz, gold, runs, scoring
from figdate.cli.exits import Exit
from figdate.cli.options import print_problems
from figdate.cli.startup import hide_hypothesis_from_pandera
from figdate.core import __version__
from figdate.core.problems import InputError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="figdate", description="Benchmark extractors of figures and dates in news articles."
    )
    parser.add_argument("--version", action="version", version=f"figdate {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    gold.register(commands)
    datasets.register(commands)
    scoring.register_files(commands)
    scoring.register_eval(commands)
    annotation.register_add(commands)
    annotation.register_exchange(commands)
    contract.register(commands)
    scoring.register_report(commands)
    runs.register(commands)
    fuzz.register(commands)
    return parser


def _recover_first(args: argparse.Namespace) -> None:
    """Before any command that uses a gold folder: finish or undo a change that a crashed
    writer left half-done, and say so in one line."""
    if not hasattr(args, "gold") or getattr(args, "gold_command", None) == "recover":
        return
    from figdate.goldset.location import locate
    from figdate.goldset.writing import recovered

    named = args.gold if isinstance(args.gold, list) else [args.gold]  # leaderboard: several
    for folder in named:
        done = recovered(locate(folder), wait=getattr(args, "wait", 10.0))
        if done:
            print(f"figdate: {done}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    hide_hypothesis_from_pandera()
    try:
        _recover_first(args)
        code: int = args.run(args)
    except InputError as exc:  # usage: the user named something that is not there
        print_problems(exc.problems)
        return Exit.USAGE if exc.usage else Exit.PROBLEMS
    except KeyboardInterrupt:  # files are written whole or not at all (figdate.core.transaction)
        print("figdate: interrupted; nothing was half-written", file=sys.stderr)
        return Exit.INTERRUPTED
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
