"""``figdate add``, ``export``, ``import`` and ``agree``: labelling new articles."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path

from figdate.cli import importing
from figdate.cli.exits import Exit
from figdate.cli.options import COUNT, Commands, add_gold, add_wait, seconds
from figdate.core.problems import InputError
from figdate.core.tables import display_path, read_table


def _add(args: argparse.Namespace) -> int:
    from figdate.goldset import drafts

    added = drafts.add(
        Path(args.article), args.id, title=args.title, source=args.source, url=args.url,
        published=args.published, extractor=args.extractor,
        root=Path(args.gold) if args.gold else None, timeout=args.timeout or None, wait=args.wait,
    )  # fmt: skip
    where = display_path(added.folder)
    print(f"wrote the draft {where}/ ({added.mentions} mentions drafted by {args.extractor})")
    if added.dropped:
        print(f"note: {added.dropped} extractor row(s) without a usable span were left out")
    if added.failure:
        print(f"note: the extractor failed ({added.failure}); the draft has no mentions")
    gold = f" --gold {shlex.quote(args.gold)}" if args.gold else ""  # the next steps' too
    guidelines = display_path(added.folder.parent.parent / "GUIDELINES.md")
    print(
        f"next: review {where}/mentions.csv against {guidelines} (rows may give text and "
        f"occurrence instead of offsets), then `figdate gold fix-offsets {args.id}{gold}` "
        f"and `figdate gold accept {args.id}{gold}`"
    )
    return Exit.OK


def _export_labelstudio(args: argparse.Namespace) -> int:
    from figdate.goldset import drafts, labelstudio
    from figdate.goldset.location import locate

    articles, rows = drafts.for_review(args.ids, locate(args.gold))
    tasks, config = labelstudio.export(articles, rows, "figdate draft")
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tasks.json").write_text(tasks, encoding="utf-8")
    (folder / "config.xml").write_text(config, encoding="utf-8")
    print(
        f"wrote {display_path(folder / 'tasks.json')} ({len(articles)} task(s)) and its "
        f"labelling config {display_path(folder / 'config.xml')}"
    )
    return Exit.OK


def _import_labelstudio(args: argparse.Namespace) -> int:
    from figdate.core.model import MENTION_COLUMNS
    from figdate.goldset import drafts, labelstudio
    from figdate.goldset.location import locate

    path = Path(args.export)
    shown = display_path(path)
    found = labelstudio.read_tasks(labelstudio.read_export(path), shown, args.annotation)
    if args.output:
        rows = [row for _, task_rows in found.values() for row in task_rows]
        Path(args.output).write_bytes(drafts.to_csv(rows, MENTION_COLUMNS, header=True))
        print(f"wrote {len(rows)} mentions of {len(found)} task(s) to {args.output}")
        return Exit.OK
    root = locate(args.gold, writable=True)
    drafts.check_texts(root, {ident: text for ident, (text, _) in found.items()}, shown)
    changes = {ident: rows for ident, (_, rows) in found.items()}
    drafts.replace_mentions(changes, root, wait=args.wait)
    for ident, rows in changes.items():
        print(f"{ident}: {len(rows)} mentions into its draft")
    return Exit.OK


def _agree(args: argparse.Namespace) -> int:
    from figdate.contract.pandera_backend import validate_mentions
    from figdate.goldset import drafts
    from figdate.goldset.agreement import agree
    from figdate.goldset.location import locate

    articles = drafts.all_articles(locate(args.gold))
    tables = []
    for name in (args.a, args.b):
        frame, problems = validate_mentions(
            read_table(Path(name)), articles, gold=True, dataset=False
        )
        if frame is None:
            raise InputError(problems)
        tables.append(frame)
    result = agree(tables[0], tables[1], articles)
    print(result.render((args.a, args.b), limit=args.limit), end="")
    if args.csv:
        result.disagreements.to_csv(args.csv, index=False)
    return Exit.OK


def register_add(commands: Commands) -> None:
    add = commands.add_parser("add", help="start a new article as a draft of the gold set")
    add.add_argument("article", help="the article's text file (UTF-8), copied verbatim")
    add.add_argument("--id", required=True, help="a lowercase slug naming the story")
    add.add_argument("--title", help="the headline")
    add.add_argument("--source", help="the outlet")
    add.add_argument("--url", help="where it was published")
    add.add_argument(
        "--published", help="publication day YYYY-MM-DD (what relative dates are resolved against)"
    )
    add.add_argument(
        "--extractor", default="rules", help="drafts the mentions (default rules; none: empty)"
    )
    add_gold(add)
    add_wait(add)
    add.add_argument("--timeout", type=seconds, default=60.0, help="seconds for the extractor")
    add.set_defaults(run=_add)


def register_exchange(commands: Commands) -> None:
    export = commands.add_parser("export", help="export articles for annotation elsewhere")
    export_commands = export.add_subparsers(dest="export_command", required=True)
    ls_out = export_commands.add_parser(
        "labelstudio", help="Label Studio tasks (mentions as predictions) and labelling config"
    )
    ls_out.add_argument("ids", nargs="+", metavar="ID", help="drafts or gold articles")
    ls_out.add_argument(
        "-o", "--output", default=".figdate/labelstudio", metavar="FOLDER",
        help="where to write tasks.json and config.xml (default .figdate/labelstudio)",
    )  # fmt: skip
    add_gold(ls_out)
    ls_out.set_defaults(run=_export_labelstudio)
    importing.register_export(export_commands)
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
    add_gold(ls_in)
    add_wait(ls_in)
    ls_in.set_defaults(run=_import_labelstudio)
    importing.register(import_commands)
    agreement = commands.add_parser(
        "agree", help="inter-annotator agreement between two mention tables"
    )
    agreement.add_argument("a", help="annotator A's mentions (gold columns; CSV or JSONL)")
    agreement.add_argument("b", help="annotator B's mentions")
    add_gold(agreement, "the gold folder whose articles and drafts they label")
    agreement.add_argument("--limit", type=COUNT, default=50, help="disagreements to print")
    agreement.add_argument("--csv", metavar="OUT", help="write every disagreement to OUT")
    agreement.set_defaults(run=_agree)
