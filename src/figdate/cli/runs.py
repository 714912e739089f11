"""``figdate runs list`` and ``runs compare A B``: the saved runs in ``.figdate/``, in the
manner of ``pytest-benchmark list`` and ``compare``."""

from __future__ import annotations

import argparse
from pathlib import Path

from figdate.cli.exits import Exit
from figdate.cli.options import Commands
from figdate.core.vocabulary import SCHEMES, SUMMARY_SCHEMES


def _list(args: argparse.Namespace) -> int:
    from figdate.reporting.runs import listing

    print(listing(Path(args.dir)), end="")
    return Exit.OK


def _compare(args: argparse.Namespace) -> int:
    from figdate.core.tables import display_path
    from figdate.reporting.runs import comparison, find_run, read_run

    paths = [find_run(reference, Path(args.dir)) for reference in (args.a, args.b)]
    runs = [(display_path(path), read_run(path)) for path in paths]
    schemes = tuple(args.scheme or SUMMARY_SCHEMES)
    print(comparison((runs[0], runs[1]), schemes), end="")
    return Exit.OK


def register(commands: Commands) -> None:
    parser = commands.add_parser("runs", help="list and compare saved runs")
    runs = parser.add_subparsers(dest="runs_command", required=True)
    listed = runs.add_parser("list", help="every saved run in .figdate/, oldest first")
    compared = runs.add_parser("compare", help="two saved runs, metric by metric (B - A)")
    compared.add_argument("a", metavar="A", help="a run number (3, 0003) or a saved run file")
    compared.add_argument("b", metavar="B", help="the same, for the run to compare with A")
    compared.add_argument(
        "--scheme", action="append", choices=SCHEMES, help="schemes to show (repeatable)"
    )
    for sub in (listed, compared):
        sub.add_argument("--dir", default=".figdate", help="where runs are saved (.figdate)")
    listed.set_defaults(run=_list)
    compared.set_defaults(run=_compare)
