"""``figdate datasets list``: the bundled datasets and any others named, with their counts."""

from __future__ import annotations

import argparse
from pathlib import Path

from figdate.cli.exits import Exit
from figdate.cli.options import Commands


def _list(args: argparse.Namespace) -> int:
    from figdate.core.tables import display_path
    from figdate.goldset.datasets import describe
    from figdate.goldset.layout import BUNDLED
    from figdate.goldset.location import locate

    named: list[tuple[str | None, Path]] = [(name, locate(name)) for name in BUNDLED]
    named += [(None, Path(p)) for p in args.paths]
    rows = [describe(path, name) for name, path in named]
    header = ("name", "version", "guidelines", "kinds", "articles", "mentions", "licence")
    table = [header] + [
        (d.name, d.version, d.guidelines, ",".join(d.kinds), str(d.articles), str(d.mentions),
         d.licence)
        for d in rows
    ]  # fmt: skip
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    for d in rows:
        where = f"{d.name}: {display_path(d.path)}"
        print(f"{where}: {d.problem}" if d.problem else where)
    return Exit.PROBLEMS if any(d.problem for d in rows) else Exit.OK


def register(commands: Commands) -> None:
    parser = commands.add_parser("datasets", help="the datasets figdate knows, with counts")
    sub = parser.add_subparsers(dest="datasets_command", required=True)
    listing = sub.add_parser("list", help="name, guidelines, kinds, articles, mentions, licence")
    listing.add_argument("paths", nargs="*", metavar="DIR", help="other dataset folders")
    listing.set_defaults(run=_list)
