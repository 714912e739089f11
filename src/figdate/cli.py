"""The ``figdate`` command: a thin front end over the library.

Exit codes: 0 success, 1 the input has problems (each printed on one line), 2 usage error
or (``validate``) a file that cannot be read, 3 (``eval``) some articles failed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from figdate import gold
from figdate.problems import InputError, Problem
from figdate.tables import display_path, read_table

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
    from figdate.predictions import read_predictions, score_meta
    from figdate.scoring import SCHEMES as ALL
    from figdate.scoring import paired_bootstrap, score

    loaded = gold.load(args.gold)
    scores = []
    for name in (args.a, args.b):
        frame = read_predictions(Path(name), loaded.articles)
        meta = score_meta(loaded, Path(name).stem)
        resamples = args.resamples if args.html else 0
        scores.append(
            score(loaded.mentions, frame, loaded.articles, resamples=resamples, meta=meta)
        )
    table = paired_bootstrap(
        scores[0].counts, scores[1].counts, ALL, resamples=args.resamples, seed=args.seed
    )
    print(reports.comparison(table, (args.a, args.b), tuple(args.scheme or ALL)), end="")
    if args.html:
        from figdate import html_report

        marks = tuple(html_report.of_score(s, loaded.articles) for s in scores)
        page = html_report.render_comparison(
            (scores[0], scores[1]), (marks[0], marks[1]), loaded.articles, table
        )
        Path(args.html).write_text(page, encoding="utf-8")
        print(f"wrote {args.html}")
    return 0


def _html_report(args: argparse.Namespace) -> int:
    from figdate import html_report

    loaded = gold.load(args.gold)
    if args.predictions:
        from figdate.predictions import read_predictions, score_meta
        from figdate.scoring import score

        path = Path(args.predictions)
        frame = read_predictions(path, loaded.articles)
        meta = score_meta(loaded, args.name or path.stem)
        result = score(loaded.mentions, frame, loaded.articles, resamples=args.resamples,
                       seed=args.seed, meta=meta)  # fmt: skip
        complete = True
    else:
        from figdate.evaluate import evaluate

        evaluation = evaluate(
            args.extractor, loaded, timeout=args.timeout or None, resamples=args.resamples,
            seed=args.seed, cache=CACHE_DIR,
        )  # fmt: skip
        result, complete = evaluation.score, evaluation.complete
    marks = html_report.of_score(result, loaded.articles)
    Path(args.output).write_text(html_report.render(result, marks, loaded.articles), "utf-8")
    print(f"wrote {args.output}: {len(marks)} highlights over {len(result.articles)} articles")
    if args.markdown:
        _write_markdown(result, args)
    return 0 if complete else EXIT_INCOMPLETE


def _write_markdown(result: Score, args: argparse.Namespace) -> None:
    import json

    from figdate import reports

    against = None
    if getattr(args, "against", None):
        path = Path(args.against)
        try:
            against = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            reason = f"cannot read the saved run: {exc}"
            raise InputError([Problem(display_path(path), reason=reason)]) from None
        if not isinstance(against, dict) or against.get("schema") != reports.JSON_SCHEMA:
            reason = f"not a figdate report (schema {reports.JSON_SCHEMA}): save one with --json"
            raise InputError([Problem(display_path(path), reason=reason)])
    Path(args.markdown).write_text(reports.markdown(result, against=against), encoding="utf-8")


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
        validate=args.validate,
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


def _add(args: argparse.Namespace) -> int:
    from figdate import drafts

    added = drafts.add(
        Path(args.article),
        args.id,
        title=args.title,
        source=args.source,
        url=args.url,
        published=args.published,
        extractor=args.extractor,
        root=Path(args.gold) if args.gold else None,
        timeout=args.timeout or None,
    )
    where = display_path(added.folder)
    print(f"wrote the draft {where}/ ({added.mentions} mentions drafted by {args.extractor})")
    if added.dropped:
        print(f"note: {added.dropped} extractor row(s) without a usable span were left out")
    if added.failure:
        print(f"note: the extractor failed ({added.failure}); the draft has no mentions")
    print(
        f"next: review {where}/mentions.csv against gold/GUIDELINES.md (rows may give text "
        f"and occurrence instead of offsets), then `figdate gold fix-offsets {args.id}` and "
        f"`figdate gold accept {args.id}`"
    )
    return 0


def _gold_fix_offsets(args: argparse.Namespace) -> int:
    from figdate import drafts

    root = gold.locate(args.gold)
    for ident in args.ids or drafts.drafts(root):
        filled = drafts.fix_offsets(ident, root)
        print(f"{ident}: filled the offsets of {filled} row(s)")
    return 0


def _gold_accept(args: argparse.Namespace) -> int:
    from figdate import drafts

    loaded = drafts.accept(args.id, gold.locate(args.gold))
    print(
        f"accepted {args.id}: the gold set now has {len(loaded.articles)} articles and "
        f"{len(loaded.mentions)} mentions; manifest and card updated"
    )
    return 0


def _export_labelstudio(args: argparse.Namespace) -> int:
    from figdate import drafts, labelstudio

    root = gold.locate(args.gold)
    articles, rows = drafts.for_review(args.ids, root)
    tasks, config = labelstudio.export(articles, rows, "figdate draft")
    out = Path(args.output)
    out.write_text(tasks, encoding="utf-8")
    out.with_suffix(".xml").write_text(config, encoding="utf-8")
    print(
        f"wrote {display_path(out)} ({len(articles)} tasks) and its labelling config "
        f"{display_path(out.with_suffix('.xml'))}"
    )
    return 0


def _import_labelstudio(args: argparse.Namespace) -> int:
    from figdate import drafts, labelstudio
    from figdate.model import MENTION_COLUMNS

    path = Path(args.export)
    tasks = labelstudio.read_export(path)
    shown = display_path(path)
    found = [labelstudio.mentions(t, shown, args.annotation) for t in tasks]
    if args.output:
        rows = [row for task_rows in found for row in task_rows]
        Path(args.output).write_bytes(drafts.to_csv(rows, MENTION_COLUMNS, header=True))
        print(f"wrote {len(rows)} mentions of {len(tasks)} tasks to {args.output}")
        return 0
    root = gold.locate(args.gold)
    for task, task_rows in zip(tasks, found, strict=True):
        ident = str((task.get("data") or {}).get("article_id"))
        drafts.replace_mentions(ident, task_rows, root)
        print(f"{ident}: {len(task_rows)} mentions into its draft")
    return 0


def _agree(args: argparse.Namespace) -> int:
    from figdate import drafts
    from figdate.agreement import agree
    from figdate.validation import validate_mentions

    articles = drafts.all_articles(gold.locate(args.gold))
    tables = []
    for name in (args.a, args.b):
        table = read_table(Path(name))
        frame, problems = validate_mentions(table, articles, gold=True, dataset=False)
        if frame is None:
            raise InputError(problems)
        tables.append(frame)
    result = agree(tables[0], tables[1], articles)
    print(result.render((args.a, args.b), limit=args.limit), end="")
    if args.csv:
        result.disagreements.to_csv(args.csv, index=False)
    return 0


def _validate(args: argparse.Namespace) -> int:
    from figdate.findings import validate_file

    engines = ("pandera", "gx") if args.engine == "both" else (args.engine,)
    path = Path(args.path)
    table = args.table or _guess_table(path)
    try:
        report = validate_file(path, table, engines, Path(args.gold) if args.gold else None)
    except InputError as exc:  # the file cannot be read as a table at all
        _print_problems(exc.problems)
        print(f"{display_path(path)}: cannot be read as a {table} table", file=sys.stderr)
        return EXIT_UNREADABLE
    except ImportError as exc:  # the gx extra is not installed
        print(f"figdate validate: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    print(report.render(), end="")
    return 0 if report.valid else 1


EXIT_UNREADABLE = 2


def _guess_table(path: Path) -> str:
    if path.name == "articles.csv":
        return "articles"
    if path.name == "mentions.csv" and (path.parent / "articles.csv").is_file():
        return "gold"
    return "predictions"


def _expectations_build(args: argparse.Namespace) -> int:
    from figdate import expectations

    folder = Path(args.folder)
    if args.check:
        stale = expectations.stale(folder)
        for path in stale:
            print(
                f"{display_path(path)}: differs from figdate.schemas; run "
                "`figdate expectations build`",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for path in expectations.write(folder):
        print(f"wrote {display_path(path)}")
    return 0


def _add_report_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--per-article", action="store_true", help="show a row per article")
    sub.add_argument(
        "--errors", type=int, nargs="?", const=20, default=0, metavar="N", help="list N errors"
    )
    sub.add_argument("--json", metavar="OUT", help="write the JSON report")
    sub.add_argument("--markdown", metavar="OUT", help="write a summary for a pull request")
    sub.add_argument(
        "--against", metavar="SAVED", help="a saved --json report: the summary shows the change"
    )


def _report(result: Score, args: argparse.Namespace) -> None:
    """Print the table and write the report files that were asked for."""
    from figdate import reports

    schemes = tuple(args.scheme or SCHEMES)
    text = reports.terminal(result, schemes, per_article=args.per_article, errors=args.errors)
    print(text, end="")
    if args.json:
        Path(args.json).write_text(reports.to_json(result), encoding="utf-8")
    if args.markdown:
        _write_markdown(result, args)


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
    fix = gold_command("fix-offsets", "fill start and end of draft rows from text and occurrence")
    fix.add_argument("ids", nargs="*", metavar="ID", help="drafts to fix (default: all)")
    fix.set_defaults(run=_gold_fix_offsets)
    accept = gold_command("accept", "move a reviewed draft into the gold set")
    accept.add_argument("id", metavar="ID")
    accept.set_defaults(run=_gold_accept)

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
    compare.add_argument("--html", metavar="OUT", help="write both side by side as HTML")
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
    evaluate.add_argument(
        "--validate",
        choices=("pandera", "gx"),
        default="pandera",
        help="pandera always checks the output; gx also runs the Great Expectations suite",
    )
    evaluate.set_defaults(run=_eval)

    add = commands.add_parser("add", help="start a new article as a draft of the gold set")
    add.add_argument("article", help="the article's text file (UTF-8), copied verbatim")
    add.add_argument("--id", required=True, help="a lowercase slug naming the story")
    add.add_argument("--title", help="the headline")
    add.add_argument("--source", help="the outlet")
    add.add_argument("--url", help="where it was published")
    add.add_argument("--published", help="publication day YYYY-MM-DD (dates relative dates)")
    add.add_argument(
        "--extractor", default="rules", help="drafts the mentions (default rules; none: empty)"
    )
    add.add_argument("--gold", help="the gold folder (default: $FIGDATE_GOLD or ./gold)")
    add.add_argument("--timeout", type=float, default=60.0, help="seconds for the extractor")
    add.set_defaults(run=_add)

    export = commands.add_parser("export", help="export articles for annotation elsewhere")
    export_commands = export.add_subparsers(dest="export_command", required=True)
    ls_out = export_commands.add_parser(
        "labelstudio", help="Label Studio tasks (mentions as predictions) and labelling config"
    )
    ls_out.add_argument("ids", nargs="+", metavar="ID", help="drafts or gold articles")
    ls_out.add_argument("-o", "--output", default="labelstudio-tasks.json", help="tasks file")
    ls_out.add_argument("--gold", help="the gold folder (default: $FIGDATE_GOLD or ./gold)")
    ls_out.set_defaults(run=_export_labelstudio)

    imports = commands.add_parser("import", help="bring annotations back")
    import_commands = imports.add_subparsers(dest="import_command", required=True)
    ls_in = import_commands.add_parser(
        "labelstudio", help="a Label Studio JSON export back into drafts (or a mention table)"
    )
    ls_in.add_argument("export", help="the JSON export")
    ls_in.add_argument("-o", "--output", help="write one mention table (CSV) instead of drafts")
    ls_in.add_argument(
        "--annotation", type=int, default=-1, help="which annotation of a task (default: last)"
    )
    ls_in.add_argument("--gold", help="the gold folder (default: $FIGDATE_GOLD or ./gold)")
    ls_in.set_defaults(run=_import_labelstudio)

    agreement = commands.add_parser(
        "agree", help="inter-annotator agreement between two mention tables"
    )
    agreement.add_argument("a", help="annotator A's mentions (gold columns; CSV or JSONL)")
    agreement.add_argument("b", help="annotator B's mentions")
    agreement.add_argument("--gold", help="the gold folder whose articles and drafts they label")
    agreement.add_argument("--limit", type=int, default=50, help="disagreements to print")
    agreement.add_argument("--csv", metavar="OUT", help="write every disagreement to OUT")
    agreement.set_defaults(run=_agree)

    validate = commands.add_parser(
        "validate", help="check a table against the contract with pandera and/or GX"
    )
    validate.add_argument("path", help="a .jsonl, .csv or .parquet file")
    validate.add_argument(
        "--table",
        choices=("predictions", "gold", "articles"),
        help="what the file is (default: articles.csv is articles, mentions.csv beside one "
        "is gold, anything else predictions)",
    )
    validate.add_argument(
        "--engine", choices=("pandera", "gx", "both"), default="pandera", help="default pandera"
    )
    validate.add_argument(
        "--gold", help="the gold folder whose articles rows are checked against (default: ./gold)"
    )
    validate.set_defaults(run=_validate)

    expectations = commands.add_parser("expectations", help="the Great Expectations suites")
    expectation_commands = expectations.add_subparsers(dest="expectations_command", required=True)
    build = expectation_commands.add_parser(
        "build", help="regenerate the GX suites from figdate.schemas"
    )
    build.add_argument("--folder", default="expectations", help="where (default: expectations)")
    build.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a suite is out of date"
    )
    build.set_defaults(run=_expectations_build)

    report = commands.add_parser("report", help="one self-contained HTML report")
    source = report.add_mutually_exclusive_group()
    source.add_argument("--extractor", metavar="SPEC", help="run this extractor (default rules)")
    source.add_argument("--predictions", metavar="FILE", help="score this predictions file")
    report.add_argument("-o", "--output", default="report.html", help="default report.html")
    report.add_argument("--name", help="the extractor's name for --predictions")
    report.add_argument("--gold", help="the gold folder (default: $FIGDATE_GOLD or ./gold)")
    report.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples")
    report.add_argument("--seed", type=int, default=0, help="bootstrap seed")
    report.add_argument("--timeout", type=float, default=60.0, help="seconds per article")
    report.add_argument("--markdown", metavar="OUT", help="also write a pull-request summary")
    report.add_argument("--against", metavar="SAVED", help="a saved --json report to compare")
    report.set_defaults(run=_html_report)

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
    except KeyboardInterrupt:  # files are written whole or not at all (figdate.transaction)
        print("figdate: interrupted; nothing was half-written", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
