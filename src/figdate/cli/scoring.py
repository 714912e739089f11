"""``figdate score``, ``compare``, ``eval``, ``report`` and ``leaderboard``: numbers about an
extractor, from a predictions file or by running it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from figdate.cli.exits import Exit
from figdate.cli.options import (
    COUNT,
    POSITIVE,
    Commands,
    add_gold,
    add_report,
    add_scoring,
    add_start_method,
    megabytes,
    report,
    saved_run,
    seconds,
    write_markdown,
)
from figdate.core.vocabulary import SCHEMES


def _score(args: argparse.Namespace) -> int:
    from figdate.evaluation.scorefile import score_file
    from figdate.goldset.store import load

    result = score_file(
        Path(args.predictions), load(args.gold), name=args.name,
        version=args.extractor_version, resamples=args.resamples, seed=args.seed,
        memory=args.memory * 1_000_000,
    )  # fmt: skip
    report(result, args)
    return Exit.OK


def _compare(args: argparse.Namespace) -> int:
    from figdate.evaluation.scorefile import score_file
    from figdate.goldset.store import load
    from figdate.reporting import text
    from figdate.scoring import paired_bootstrap

    loaded = load(args.gold)
    resamples = args.resamples if args.html else 0
    scores = [score_file(Path(name), loaded, resamples=resamples) for name in (args.a, args.b)]
    table = paired_bootstrap(
        scores[0].counts, scores[1].counts, SCHEMES, resamples=args.resamples, seed=args.seed
    )
    print(text.comparison(table, (args.a, args.b), tuple(args.scheme or SCHEMES)), end="")
    if args.html:
        from figdate.reporting import html

        marks = (html.of_score(scores[0]), html.of_score(scores[1]))
        page = html.render_comparison((scores[0], scores[1]), marks, loaded.articles, table)
        Path(args.html).write_text(page, encoding="utf-8")
        print(f"wrote {args.html}")
    return Exit.OK


def _html_report(args: argparse.Namespace) -> int:
    from figdate.goldset.store import load
    from figdate.reporting import html

    loaded = load(args.gold)
    if args.predictions:
        from figdate.evaluation.scorefile import score_file

        result = score_file(Path(args.predictions), loaded, name=args.name,
                            resamples=args.resamples, seed=args.seed)  # fmt: skip
        complete = True
    else:
        from figdate.evaluation.evaluate import evaluate
        from figdate.extractors.cache import CACHE_DIR

        evaluation = evaluate(
            args.extractor, loaded, timeout=args.timeout or None, resamples=args.resamples,
            seed=args.seed, cache=CACHE_DIR, start_method=args.start_method,
        )  # fmt: skip
        result, complete = evaluation.score, evaluation.complete
    marks = html.of_score(result)
    Path(args.output).write_text(html.render(result, marks, loaded.articles), "utf-8")
    print(f"wrote {args.output}: {len(marks)} highlights over {len(result.articles)} articles")
    if args.markdown:
        against = saved_run(result, args)
        write_markdown(result, args, against[1] if against else None)
    return Exit.OK if complete else Exit.INCOMPLETE


def _eval(args: argparse.Namespace) -> int:
    from figdate.evaluation.evaluate import evaluate
    from figdate.extractors.cache import CACHE_DIR
    from figdate.goldset.store import load

    result = evaluate(
        args.extractor, load(args.gold), timeout=args.timeout or None, jobs=args.jobs,
        cache=None if args.no_cache else CACHE_DIR, resamples=args.resamples, seed=args.seed,
        validate=args.validate, start_method=args.start_method,
    )  # fmt: skip
    report(result.score, args)
    if result.problems:  # the failed lines above give the first; here is every one
        print(f"figdate: the rows that do not fit the schema ({len(result.problems)}):",
              file=sys.stderr)  # fmt: skip
    for problem in result.problems:
        print(f"  {problem}", file=sys.stderr)
    if args.validate == "gx" and not any(f.reason.startswith("gx:") for f in result.failures):
        print("figdate: the Great Expectations suite passed on the output", file=sys.stderr)
    return Exit.OK if result.complete else Exit.INCOMPLETE


def _leaderboard(args: argparse.Namespace) -> int:
    from figdate.evaluation.leaderboard import board, datasets
    from figdate.reporting.leaderboard import current, sections, terminal, write_into

    boards = []
    for name, loaded in datasets(args.gold):
        rows = board(loaded, timeout=args.timeout or None, resamples=args.resamples)
        print(f"{name}: " + terminal(rows, loaded), end="\n", flush=True)
        boards.append((name, loaded, rows))
    if args.markdown:
        Path(args.markdown).write_text(sections(boards), encoding="utf-8")
    if args.readme:
        readme = Path(args.readme)
        write_into(readme, sections(boards, previous=current(readme)))
        print(f"updated the leaderboard in {args.readme}")
    return Exit.OK


def register_files(commands: Commands) -> None:
    score = commands.add_parser("score", help="score a predictions file against the gold set")
    score.add_argument("predictions", help="predictions (.jsonl, .csv or .parquet)")
    add_scoring(score)
    add_report(score)
    score.add_argument("--name", help="the extractor's name in reports (default: file name)")
    score.add_argument("--extractor-version", help="the extractor's version in reports")
    score.add_argument(
        "--memory", type=megabytes, default=1000, metavar="MB",
        help="a file that would take more is scored in parts of whole articles, through "
        "disk: the same numbers, no error list (default 1000)",
    )  # fmt: skip
    score.set_defaults(run=_score)
    compare = commands.add_parser("compare", help="compare two predictions files")
    compare.add_argument("a", help="predictions A")
    compare.add_argument("b", help="predictions B")
    add_scoring(compare)
    compare.add_argument("--html", metavar="OUT", help="write both side by side as HTML")
    compare.set_defaults(run=_compare)


def register_eval(commands: Commands) -> None:
    evaluate = commands.add_parser("eval", help="run an extractor over the gold set and score it")
    evaluate.add_argument(
        "--extractor", default=None, metavar="SPEC",
        help="a registered name (default rules), package.module:attr, cmd:COMMAND or file:PATH",
    )  # fmt: skip
    add_scoring(evaluate)
    add_report(evaluate)
    evaluate.add_argument(
        "--timeout", type=seconds, default=60.0, help="seconds per article (0: no limit)"
    )
    evaluate.add_argument("--jobs", type=POSITIVE, default=1, help="articles in parallel")
    add_start_method(evaluate)
    evaluate.add_argument("--no-cache", action="store_true", help="ignore the prediction cache")
    evaluate.add_argument(
        "--validate", choices=("pandera", "gx"), default="pandera",
        help="pandera always checks the output; gx also runs the Great Expectations suite",
    )  # fmt: skip
    evaluate.set_defaults(run=_eval)


def register_report(commands: Commands) -> None:
    report = commands.add_parser("report", help="one self-contained HTML report")
    source = report.add_mutually_exclusive_group()
    source.add_argument("--extractor", metavar="SPEC", help="run this extractor (default rules)")
    source.add_argument("--predictions", metavar="FILE", help="score this predictions file")
    report.add_argument("-o", "--output", default="report.html", help="default report.html")
    report.add_argument("--name", help="the extractor's name for --predictions")
    add_gold(report)
    report.add_argument("--resamples", type=COUNT, default=1000, help="bootstrap resamples")
    report.add_argument("--seed", type=COUNT, default=0, help="bootstrap seed")
    report.add_argument("--timeout", type=seconds, default=60.0, help="seconds per article")
    add_start_method(report)
    report.add_argument("--markdown", metavar="OUT", help="also write a pull-request summary")
    report.add_argument("--against", metavar="RUN", help="a saved run to compare (as `eval`)")
    report.set_defaults(run=_html_report)
    leaders = commands.add_parser(
        "leaderboard", help="every bundled and installed extractor, a table per dataset"
    )
    leaders.add_argument(
        "--gold", "--dataset", dest="gold", metavar="DIR|NAME", action="append",
        help="a dataset to rank on (repeatable); default the gold set in use and every "
        "bundled dataset (`figdate datasets list`)",
    )  # fmt: skip
    leaders.add_argument("--timeout", type=seconds, default=120.0, help="seconds per article")
    leaders.add_argument("--resamples", type=COUNT, default=200, help="bootstrap resamples")
    leaders.add_argument("--markdown", metavar="OUT", help="write the table as Markdown")
    leaders.add_argument("--readme", metavar="FILE", help="write it between the markers in FILE")
    leaders.set_defaults(run=_leaderboard)
