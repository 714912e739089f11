"""Options several commands share, and printing problems one per line."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from figdate.core.problems import Problem
from figdate.core.tables import display_path
from figdate.core.vocabulary import HEADLINE_SCHEME, SCHEMES, START_METHODS

if TYPE_CHECKING:
    from figdate.scoring import Score

GOLD_HELP = (
    "the gold folder or dataset: a path, or a bundled dataset's name (idlib); default "
    "$FIGDATE_GOLD, else ./gold, else the packaged set (`figdate gold path`, "
    "`figdate datasets list`)"
)
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
"""What ``add_subparsers`` returns: each command module registers its commands on it."""


def whole(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} is below {minimum}")
        return value

    return parse


def seconds(text: str) -> float:
    """An argparse type: a finite number of seconds, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds >= 0")
    return value


COUNT = whole(0)
POSITIVE = whole(1)


def megabytes(text: str) -> int:
    """An argparse type: ``--memory`` in MB (10 or more)."""
    if not text.isdigit() or int(text) < 10:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of MB, at least 10")
    return int(text)


def print_problems(problems: Sequence[Problem]) -> None:
    """One line per problem, each once (two readers may meet the same one)."""
    for problem in dict.fromkeys(problems):
        print(problem, file=sys.stderr)


def add_gold(sub: argparse.ArgumentParser, help_text: str = GOLD_HELP) -> None:
    sub.add_argument("--gold", "--dataset", dest="gold", metavar="DIR|NAME", help=help_text)


def add_wait(sub: argparse.ArgumentParser) -> None:
    """For commands that write under the gold folder: how long to wait for another writer."""
    sub.add_argument(
        "--wait", type=seconds, default=10.0, metavar="SECONDS",
        help="wait this long for another command writing to the gold folder (default 10)",
    )  # fmt: skip


def add_scoring(sub: argparse.ArgumentParser) -> None:
    add_gold(sub)
    sub.add_argument(
        "--scheme", action="append", choices=SCHEMES, help="show this scheme (repeatable)"
    )
    sub.add_argument("--resamples", type=COUNT, default=1000, help="bootstrap resamples")
    sub.add_argument("--seed", type=COUNT, default=0, help="bootstrap seed")


def add_start_method(sub: argparse.ArgumentParser) -> None:
    """How a Python extractor's worker processes start (``figdate.extractors.workers``)."""
    sub.add_argument(
        "--start-method",
        choices=START_METHODS,
        default=None,
        help="how worker processes start: fork (Linux default), spawn (macOS and Windows "
        "default; for extractors that load a GPU model), forkserver, or inline (no worker, "
        "no time limit); default $FIGDATE_START_METHOD or the platform's",
    )


def add_report(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--per-article", action="store_true", help="show a row per article")
    sub.add_argument(
        "--errors", type=COUNT, nargs="?", const=20, default=0, metavar="N", help="list N errors"
    )
    sub.add_argument(
        "--by", choices=("tag",), help="also score per tag (the gold's tags), with intervals"
    )
    sub.add_argument("--json", metavar="OUT", help="write the JSON report")
    sub.add_argument("--markdown", metavar="OUT", help="write a summary for a pull request")
    sub.add_argument(
        "--against",
        metavar="RUN",
        help="a saved run (a --json report, or a number in .figdate/) to show the change from",
    )


def report(result: Score, args: argparse.Namespace) -> None:
    """Print the table, and the change against ``--against``'s saved run (B - A, this run
    being B); write the report files that were asked for; in GitHub Actions
    (``$GITHUB_STEP_SUMMARY``), the Markdown summary goes to the job's summary too."""
    from pathlib import Path

    from figdate.reporting import saved, text
    from figdate.reporting.runs import comparison, git_commit

    schemes = tuple(args.scheme or SCHEMES)
    by_tag = tuple(args.scheme or ("value",)) if args.by == "tag" else ()
    shown = text.terminal(
        result, schemes, per_article=args.per_article, errors=args.errors, by_tag=by_tag
    )
    print(shown, end="")
    against = saved_run(result, args)
    if against is not None:
        now = ("this run", json.loads(saved.to_json(result)))
        changed = tuple(args.scheme or (HEADLINE_SCHEME,))  # --scheme shows others
        print(f"\nChange against the saved run ({', '.join(changed)} scheme)\n"
              f"{comparison((against, now), changed)}", end="")  # fmt: skip
    if args.json:
        document = saved.to_json(result, commit=git_commit(Path.cwd()))
        Path(args.json).write_text(document, encoding="utf-8")
    write_markdown(result, args, against[1] if against else None)


def saved_run(result: Score, args: argparse.Namespace) -> tuple[str, dict[str, Any]] | None:
    """The run ``--against`` names (a file, or a number in ``.figdate/``), with its name;
    a warning when its gold set differs from this run's."""
    from pathlib import Path

    from figdate.reporting.runs import RUNS_DIR, find_run, gold_change, read_run

    if not getattr(args, "against", None):
        return None
    path = find_run(args.against, Path(RUNS_DIR))
    against = read_run(path)
    changed = gold_change(against, result.run.gold_version, result.run.gold_checksum)
    if changed:
        print(f"figdate: {display_path(path)}: {changed}; the change it shows mixes the "
              "extractor's with the gold set's", file=sys.stderr)  # fmt: skip
    return display_path(path), against


def write_markdown(
    result: Score, args: argparse.Namespace, against: dict[str, Any] | None = None
) -> None:
    """The pull-request summary (to ``--markdown`` and the Actions job summary), with the
    change against ``against`` (a saved run's document) if given."""
    from pathlib import Path

    from figdate.reporting import markdown

    if not args.markdown and not os.environ.get("GITHUB_STEP_SUMMARY"):
        return
    summary = markdown.markdown(result, against=against)
    if args.markdown:
        Path(args.markdown).write_text(summary, encoding="utf-8")
    markdown.step_summary(summary)
