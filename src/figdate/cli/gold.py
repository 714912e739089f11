"""``figdate gold``: check, count and maintain the gold set; drafts into gold."""

from __future__ import annotations

import argparse
import sys

from figdate.cli.exits import Exit
from figdate.cli.options import Commands, add_gold, add_wait, print_problems
from figdate.core.tables import display_path


def _check(args: argparse.Namespace) -> int:
    from figdate.core.problems import InputError
    from figdate.goldset.audit import inspect
    from figdate.goldset.location import find, no_folder

    found = find(args.gold)
    root = found.path
    if not root.is_dir():  # one line, not a missing file for each file of the layout
        raise InputError([no_folder(root)])
    problems, loaded = inspect(root)
    if problems or loaded is None:
        print_problems(problems)
        print(f"{len(problems)} problem(s) in {display_path(root)}", file=sys.stderr)
        if found.packaged:
            print(
                f"figdate: this is {found.why}, which nobody should edit: reinstall figdate",
                file=sys.stderr,
            )
        return Exit.PROBLEMS
    print(
        f"ok: {display_path(root)} version {loaded.version}, {len(loaded.articles)} articles, "
        f"{len(loaded.mentions)} mentions"
    )
    return Exit.OK


def _stats(args: argparse.Namespace) -> int:
    from figdate.goldset.card import render_counts, stats
    from figdate.goldset.store import load

    loaded = load(args.gold)
    if args.markdown:
        print(render_counts(loaded), end="")
    else:
        print(stats(loaded).to_string(index=False))
    return Exit.OK


def _manifest(args: argparse.Namespace) -> int:
    from figdate.goldset.layout import MANIFEST
    from figdate.goldset.location import locate
    from figdate.goldset.manifest import write_manifest

    root = locate(args.gold, writable=True)
    manifest = write_manifest(root, args.set_version, wait=args.wait)
    files = manifest["files"]
    count = len(files) if isinstance(files, dict) else 0
    print(f"wrote {display_path(root / MANIFEST)}: version {manifest['version']}, {count} files")
    return Exit.OK


def _card(args: argparse.Namespace) -> int:
    from figdate.goldset.card import write_card
    from figdate.goldset.layout import CARD, COUNTS_START
    from figdate.goldset.location import locate

    root = locate(args.gold, writable=True)
    if not write_card(root, wait=args.wait):
        print(f"{display_path(root / CARD)}: no counts markers ({COUNTS_START})", file=sys.stderr)
        return Exit.PROBLEMS
    print(f"updated the counts in {display_path(root / CARD)}")
    return Exit.OK


def _fix_offsets(args: argparse.Namespace) -> int:
    from figdate.goldset import drafts
    from figdate.goldset.location import locate

    root = locate(args.gold, writable=True)
    for ident in args.ids or drafts.drafts(root):
        filled = drafts.fix_offsets(ident, root, wait=args.wait)
        print(f"{ident}: filled the offsets of {filled} row(s)")
    return Exit.OK


def _accept(args: argparse.Namespace) -> int:
    from figdate.goldset.accept import accept

    loaded = accept(args.id, args.gold, wait=args.wait)
    print(
        f"accepted {args.id}: the gold set now has {len(loaded.articles)} articles and "
        f"{len(loaded.mentions)} mentions, version {loaded.version}; manifest and card updated"
    )
    return Exit.OK


def _path(args: argparse.Namespace) -> int:
    import dataclasses

    from figdate.core.problems import InputError
    from figdate.goldset.location import find, no_folder

    found = find(args.gold)
    if not found.path.is_dir():  # a path named by mistake must not look like an answer
        problem = no_folder(found.path)
        raise InputError([dataclasses.replace(problem, reason=f"{problem.reason}, {found.why}")])
    print(found.path.resolve())
    state = "read-only" if found.packaged else "writable"
    print(f"({found.why}; {state})", file=sys.stderr)
    return Exit.OK


def _init(args: argparse.Namespace) -> int:
    from pathlib import Path

    from figdate.goldset.copying import init
    from figdate.goldset.location import find

    source = find(args.gold)
    copy = init(Path(args.dir), source.path)
    print(
        f"copied {display_path(source.path)} ({source.why}; version {copy.version}, "
        f"{len(copy.articles)} articles, {len(copy.mentions)} mentions) to "
        f"{display_path(copy.root)}; pass --gold {display_path(copy.root)} or set "
        "$FIGDATE_GOLD to use it"
    )
    return Exit.OK


def _recover(args: argparse.Namespace) -> int:
    from figdate.goldset.location import locate
    from figdate.goldset.writing import recovered

    root = locate(args.gold, writable=True)
    print(recovered(root, wait=args.wait) or f"{display_path(root)}: nothing to recover")
    return Exit.OK


def register(commands: Commands) -> None:
    parser = commands.add_parser("gold", help="check, count and maintain the gold set")
    gold_commands = parser.add_subparsers(dest="gold_command", required=True)

    def command(name: str, help_text: str, *, writes: bool = True) -> argparse.ArgumentParser:
        sub = gold_commands.add_parser(name, help=help_text, description=help_text)
        add_gold(sub)
        if writes:
            add_wait(sub)
        return sub

    command("check", "validate every file of the gold set", writes=False).set_defaults(run=_check)
    stats = command("stats", "count mentions per article and kind", writes=False)
    stats.add_argument("--markdown", action="store_true", help="print the dataset card block")
    stats.set_defaults(run=_stats)
    manifest = command("manifest", "record the checksums after a reviewed change")
    manifest.add_argument("--set-version", metavar="X.Y.Z", help="set the gold set's version")
    manifest.set_defaults(run=_manifest)
    command("card", "regenerate the counts in the dataset card").set_defaults(run=_card)
    fix = command("fix-offsets", "fill start and end of draft rows from text and occurrence")
    fix.add_argument("ids", nargs="*", metavar="ID", help="drafts to fix (default: all)")
    fix.set_defaults(run=_fix_offsets)
    accept = command("accept", "move a reviewed draft into the gold set")
    accept.add_argument("id", metavar="ID")
    accept.set_defaults(run=_accept)
    command("path", "print the gold folder in use, and why", writes=False).set_defaults(run=_path)
    init = command(
        "init", "copy the gold set (default: the packaged one) to a new folder", writes=False
    )
    init.add_argument("dir", metavar="DIR", help="the new folder, which must not exist yet")
    init.set_defaults(run=_init)
    recover = command("recover", "finish or undo a change that a crash interrupted")
    recover.set_defaults(run=_recover)
