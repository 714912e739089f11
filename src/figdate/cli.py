"""The ``figdate`` command: a thin front end over the library.

Exit codes: 0 success, 1 the input has problems (each printed on one line), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from figdate import gold
from figdate.problems import InputError, Problem
from figdate.tables import display_path

if TYPE_CHECKING:
    from figdate.scoring import Score

SCHEMES = ("strict", "exact", "relaxed", "value", "bag")
CACHE_DIR = Path(".figdate-cache")


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _gold_check(args: argparse.Namespace) -> int:
    root = gold.locate(args.gold)
    problems, loaded = gold.inspect(root)
    if problems or loaded is None:
        _print_problems(problems)
        print(f"{len(problems)} problem(s) in {display_path(root)}", file=sys.stderr)
        return 1
    print(
        f"ok: {display_path(root)} version {loaded.version}, {len(loaded.articles)} articles, "
        f"{len(loaded.mentions)} mentions"
    )
    return 0


def _gold_stats(args: argparse.Namespace) -> int:
    loaded = gold.load(args.gold)
    if args.markdown:
        print(gold.render_counts(loaded), end="")
    else:
        print(gold.stats(loaded).to_string(index=False))
    return 0


def _gold_manifest(args: argparse.Namespace) -> int:
    root = gold.locate(args.gold)
    manifest = gold.write_manifest(root, args.set_version)
    files = manifest["files"]
    count = len(files) if isinstance(files, dict) else 0
    print(
        f"wrote {display_path(root / gold.MANIFEST)}: version {manifest['version']}, {count} files"
    )
    return 0


def _gold_card(args: argparse.Namespace) -> int:
    root = gold.locate(args.gold)
    if not gold.write_card(root):
        print(
            f"{display_path(root / gold.CARD)}: no counts markers ({gold.COUNTS_START})",
            file=sys.stderr,
        )
        return 1
    print(f"updated the counts in {display_path(root / gold.CARD)}")
    return 0


def _score(args: argparse.Namespace) -> int:
    from figdate.predictions import read_predictions, score_meta
    from figdate.scoring import score

    loaded = gold.load(args.gold)
    path = Path(args.predictions)
    frame = read_predictions(path, loaded.articles)
    meta = score_meta(loaded, args.name or path.stem, args.extractor_version)
    result = score(
        loaded.mentions, frame, loaded.articles, resamples=args.resamples, seed=args.seed, meta=meta
    )
    _report(result, args)
    return 0


def _compare(args: argparse.Namespace) -> int:
    from figdate import reports
    from figdate.predictions import read_predictions
    from figdate.scoring import SCHEMES as ALL
    from figdate.scoring import paired_bootstrap, score

    loaded = gold.load(args.gold)
    counts = []
    for name in (args.a, args.b):
        frame = read_predictions(Path(name), loaded.articles)
        counts.append(score(loaded.mentions, frame, loaded.articles, resamples=0).counts)
    table = paired_bootstrap(counts[0], counts[1], ALL, resamples=args.resamples, seed=args.seed)
    print(reports.comparison(table, (args.a, args.b), tuple(args.scheme or ALL)), end="")
    return 0


EXIT_INCOMPLETE = 3


def _eval(args: argparse.Namespace) -> int:
    from figdate.evaluate import evaluate

    loaded = gold.load(args.gold)
    result = evaluate(
        args.extractor,
        loaded,
        timeout=args.timeout or None,
        jobs=args.jobs,
        cache=None if args.no_cache else CACHE_DIR,
        resamples=args.resamples,
        seed=args.seed,
    )
    _report(result.score, args)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    return 0 if result.complete else EXIT_INCOMPLETE


def _leaderboard(args: argparse.Namespace) -> int:
    from figdate.leaderboard import board, markdown, terminal, write_into

    loaded = gold.load(args.gold)
    rows = board(loaded, timeout=args.timeout or None, resamples=args.resamples)
    print(terminal(rows, loaded), end="")
    if args.markdown:
        Path(args.markdown).write_text(markdown(rows, loaded), encoding="utf-8")
    if args.readme:
        write_into(Path(args.readme), markdown(rows, loaded))
        print(f"updated the leaderboard in {args.readme}")
    return 0


def _add_report_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--per-article", action="store_true", help="show a row per article")
    sub.add_argument(
        "--errors", type=int, nargs="?", const=20, default=0, metavar="N", help="list N errors"
    )
    sub.add_argument("--json", metavar="OUT", help="write the JSON report")
    sub.add_argument("--markdown", metavar="OUT", help="write the Markdown summary")


def _report(result: Score, args: argparse.Namespace) -> None:
    """Print the table and write the report files that were asked for."""
    from figdate import reports

    schemes = tuple(args.scheme or SCHEMES)
    text = reports.terminal(result, schemes, per_article=args.per_article, errors=args.errors)
    print(text, end="")
    if args.json:
        Path(args.json).write_text(reports.to_json(result), encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(reports.markdown(result), encoding="utf-8")


def _add_scoring_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--gold", help="the gold folder (default: $FIGDATE_GOLD or ./gold)")
    sub.add_argument(
        "--scheme", action="append", choices=SCHEMES, help="show this scheme (repeatable)"
    )
    sub.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples")
    sub.add_argument("--seed", type=int, default=0, help="bootstrap seed")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="figdate", description="Benchmark extractors of figures and dates in news articles."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    gold_parser = commands.add_parser("gold", help="check, count and maintain the gold set")
    gold_commands = gold_parser.add_subparsers(dest="gold_command", required=True)

    def gold_command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = gold_commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--gold", help="the gold folder (default: $FIGDATE_GOLD or ./gold)")
        return sub

    gold_command("check", "validate every file of the gold set").set_defaults(run=_gold_check)
    stats = gold_command("stats", "count mentions per article and kind")
    stats.add_argument("--markdown", action="store_true", help="print the dataset card block")
    stats.set_defaults(run=_gold_stats)
    manifest = gold_command("manifest", "record the checksums after a reviewed change")
    manifest.add_argument("--set-version", help="set the gold set's version")
    manifest.set_defaults(run=_gold_manifest)
    gold_command("card", "regenerate the counts in the dataset card").set_defaults(run=_gold_card)

    score = commands.add_parser("score", help="score a predictions file against the gold set")
    score.add_argument("predictions", help="predictions (.jsonl or .csv)")
    _add_scoring_options(score)
    _add_report_options(score)
    score.add_argument("--name", help="the extractor's name in reports (default: file name)")
    score.add_argument("--extractor-version", help="the extractor's version in reports")
    score.set_defaults(run=_score)

    compare = commands.add_parser("compare", help="compare two predictions files")
    compare.add_argument("a", help="predictions A")
    compare.add_argument("b", help="predictions B")
    _add_scoring_options(compare)
    compare.set_defaults(run=_compare)

    evaluate = commands.add_parser("eval", help="run an extractor over the gold set and score it")
    evaluate.add_argument(
        "--extractor",
        default=None,
        metavar="SPEC",
        help="a registered name (default rules), package.module:attr, cmd:COMMAND or file:PATH",
    )
    _add_scoring_options(evaluate)
    _add_report_options(evaluate)
    evaluate.add_argument(
        "--timeout", type=float, default=60.0, help="seconds per article (0: no limit)"
    )
    evaluate.add_argument("--jobs", type=int, default=1, help="articles in parallel")
    evaluate.add_argument("--no-cache", action="store_true", help="ignore .figdate-cache/")
    evaluate.set_defaults(run=_eval)

    leaders = commands.add_parser(
        "leaderboard", help="every bundled and installed extractor on the gold set"
    )
    leaders.add_argument("--gold", help="the gold folder (default: $FIGDATE_GOLD or ./gold)")
    leaders.add_argument("--timeout", type=float, default=120.0, help="seconds per article")
    leaders.add_argument("--resamples", type=int, default=200, help="bootstrap resamples")
    leaders.add_argument("--markdown", metavar="OUT", help="write the table as Markdown")
    leaders.add_argument("--readme", metavar="FILE", help="write it between the markers in FILE")
    leaders.set_defaults(run=_leaderboard)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from figdate.extractors.registry import UnknownExtractor

    try:
        code: int = args.run(args)
    except UnknownExtractor as exc:  # a usage error: the user named something that is not there
        _print_problems(exc.problems)
        return 2
    except InputError as exc:
        _print_problems(exc.problems)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
