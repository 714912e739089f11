"""``figdate validate`` and ``figdate expectations``: the contract, on a file or as GX suites."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path

from figdate.cli.exits import UNREADABLE, Exit
from figdate.cli.options import Commands, megabytes, print_problems
from figdate.core.model import Article
from figdate.core.problems import InputError
from figdate.core.tables import display_path
from figdate.core.vocabulary import TABLE_KINDS, TableKind


def _articles_for(
    path: Path, table: str, gold: str | None
) -> tuple[Mapping[str, Article] | None, tuple[str, ...]]:
    """The articles a mention table's rows are checked against, and a note saying which: a
    gold table's own folder, else ``--gold``, else the default gold set."""
    from figdate.goldset.location import locate
    from figdate.goldset.store import load_articles

    if table == TableKind.ARTICLES:
        return None, ()
    own = table == TableKind.GOLD and (path.parent / "articles.csv").is_file()
    root = path.parent if own else locate(Path(gold) if gold else None)
    try:
        articles = load_articles(root)
    except InputError as exc:  # an unusable articles table: the rows are checked alone
        return None, (f"the articles' checks were skipped: {exc}".splitlines()[0],)
    return articles, (f"rows are checked against the {len(articles)} articles in "
                      f"{display_path(root)}",)  # fmt: skip


def _validate(args: argparse.Namespace) -> int:
    from figdate.contract.files import guess_table, validate_file

    engines = ("pandera", "gx") if args.engine == "both" else (args.engine,)
    path = Path(args.path)
    table = args.table or guess_table(path)
    articles, notes = _articles_for(path, table, args.gold)
    try:
        memory = args.memory * 1_000_000
        report = validate_file(path, table, engines, articles, notes, memory=memory)
    except InputError as exc:  # the file cannot be read as a table at all
        print_problems(exc.problems)
        print(f"{display_path(path)}: cannot be read as a {table} table", file=sys.stderr)
        return UNREADABLE
    except ImportError as exc:  # the gx extra is not installed
        print(f"figdate validate: {exc}", file=sys.stderr)
        return UNREADABLE
    print(report.render(), end="")
    return Exit.OK if report.valid else Exit.PROBLEMS


def _expectations_build(args: argparse.Namespace) -> int:
    from figdate.contract import gx_suites

    folder = Path(args.folder)
    if args.check:
        stale = gx_suites.stale(folder)
        for path in stale:
            print(
                f"{display_path(path)}: differs from figdate.contract; run "
                "`figdate expectations build`",
                file=sys.stderr,
            )
        if not stale:
            print(f"ok: the suites in {display_path(folder)} match figdate.contract")
        return Exit.PROBLEMS if stale else Exit.OK
    for path in gx_suites.write(folder):
        print(f"wrote {display_path(path)}")
    return Exit.OK


def register(commands: Commands) -> None:
    validate = commands.add_parser(
        "validate", help="check a table against the contract with pandera and/or GX"
    )
    validate.add_argument(
        "path", help="a .jsonl, .csv or .parquet file, or a folder of Parquet files"
    )
    validate.add_argument(
        "--table", choices=TABLE_KINDS,
        help="what the file is (default: articles.csv is articles, mentions.csv beside one "
        "is gold, anything else predictions)",
    )  # fmt: skip
    validate.add_argument(
        "--engine", choices=("pandera", "gx", "both", "spark", "gx-spark"), default="pandera",
        help="default pandera; spark: pandera's PySpark backend and the contract's masks on "
        "Spark; gx-spark: the GX suite on a Spark datasource (both need figdate[spark])",
    )  # fmt: skip
    validate.add_argument(
        "--gold",
        help="the gold folder whose articles rows are checked against (default: as `gold path`)",
    )
    validate.add_argument(
        "--memory", type=megabytes, default=1000, metavar="MB",
        help="memory for one batch: a Parquet folder, or a Parquet, JSONL or CSV file too "
        "large for it, is read a batch at a time (default 1000)",
    )  # fmt: skip
    validate.set_defaults(run=_validate)
    expectations = commands.add_parser("expectations", help="the Great Expectations suites")
    expectation_commands = expectations.add_subparsers(dest="expectations_command", required=True)
    build = expectation_commands.add_parser(
        "build", help="regenerate the GX suites from figdate.contract"
    )
    build.add_argument("--folder", default="expectations", help="where (default: expectations)")
    build.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a suite is out of date"
    )
    build.set_defaults(run=_expectations_build)
