"""``figdate fuzz``: an extractor against hypothesis-drawn passages (``figdate.testing``):
pass rates per phenomenon, the smallest failing passage of each, and the metamorphic
checks. Exit 1 when anything failed."""

from __future__ import annotations

import argparse
import datetime as dt

from figdate.cli.exits import Exit
from figdate.cli.options import Commands


def _split(text: str | None) -> list[str] | None:
    return [part.strip() for part in text.split(",") if part.strip()] if text else None


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _fuzz(args: argparse.Namespace) -> int:
    from figdate.core.problems import InputError, Problem
    from figdate.testing.checks import check_extractor
    from figdate.testing.metamorphic import CHECKS, check_metamorphic

    try:
        report = check_extractor(args.extractor, phenomena=_split(args.phenomena),
                                 kinds=_split(args.kinds), max_examples=args.examples,
                                 published=args.published)  # fmt: skip
    except ValueError as exc:  # an unknown phenomenon or kind: say which are known
        error = InputError([Problem("figdate fuzz", reason=str(exc))])
        error.usage = True
        raise error from exc
    day = f"published {args.published}; " if args.published else ""
    print(f"{report.extractor} on {args.examples} drawn passages per phenomenon "
          f"(kinds: {', '.join(report.kinds)}; {day}value scheme: every planted mention, "
          "nothing more)")  # fmt: skip
    print(report.table())
    violations = []
    if not args.no_metamorphic:
        violations = check_metamorphic(args.extractor, max_examples=args.examples)
        print()
        broken = {v.check: v for v in violations}
        for name in CHECKS:
            print(f"metamorphic {name:<18} {'FAILS' if name in broken else 'holds'}")
        for v in violations:
            print(f"\n{v.check}: {v.reason}\n  text:      {v.example.article.text!r}\n"
                  f"  published: {v.example.article.published or 'unknown'}")  # fmt: skip
    return Exit.OK if report.ok and not violations else Exit.PROBLEMS


def register(commands: Commands) -> None:
    parser = commands.add_parser(
        "fuzz", help="an extractor on hypothesis-drawn passages: pass rates, counter-examples"
    )
    parser.add_argument("--extractor", default="rules", metavar="SPEC",
                        help="a registered name, package.module:attr, or cmd:COMMAND")  # fmt: skip
    parser.add_argument("--phenomena", metavar="A,B", help="tags to draw (default: all)")
    parser.add_argument("--kinds", metavar="K", help="figure, date or both (default: both)")
    parser.add_argument("--published", type=_day, metavar="YYYY-MM-DD",
                        help="publish every passage on this day (default: as drawn)")  # fmt: skip
    parser.add_argument("--examples", type=int, default=50, metavar="N",
                        help="passages drawn per phenomenon and check (default 50)")  # fmt: skip
    parser.add_argument("--no-metamorphic", action="store_true",
                        help="skip the four metamorphic checks")  # fmt: skip
    parser.set_defaults(run=_fuzz)
