"""``figdate import timeml`` and ``export timeml``: TimeML corpora in, mentions out."""

from __future__ import annotations

import argparse
from pathlib import Path

from figdate.cli.exits import Exit
from figdate.cli.options import Commands, add_gold


def _timeml(args: argparse.Namespace) -> int:
    from figdate.core.tables import display_path
    from figdate.goldset.timeml_import import import_timeml

    done = import_timeml(Path(args.dir), Path(args.output), name=args.name)
    shown = display_path(done.folder)
    print(f"{shown}: {done.articles} article(s), {done.mentions} date mention(s) with their "
          f"TIMEX3 type, value and mod; {done.undated} without a creation day")  # fmt: skip
    print(f"check it with: figdate gold check --gold {shown}")
    return Exit.OK


def register(formats: Commands) -> None:
    """``timeml`` under ``figdate import`` (beside ``labelstudio``)."""
    timeml = formats.add_parser(
        "timeml", help="TimeML 1.2 files (TimeBank, AQUAINT, TempEval-3) as a date dataset",
        description="Every .tml file under DIR becomes an article, each TIMEX3 a date mention.",
    )  # fmt: skip
    timeml.add_argument("dir", metavar="DIR", help="a folder of .tml files (searched below)")
    timeml.add_argument("-o", "--output", required=True, metavar="FOLDER",
                        help="the new dataset folder (must not exist or be empty)")  # fmt: skip
    timeml.add_argument("--name", help="the dataset's name in its manifest (default: DIR's)")
    timeml.set_defaults(run=_timeml)


def _export(args: argparse.Namespace) -> int:
    from figdate.core.tables import display_path
    from figdate.goldset.store import load
    from figdate.goldset.timeml_export import export_timeml

    gold = load(args.gold)
    if args.predictions:
        from figdate.contract.predictions import read_predictions

        mentions = read_predictions(Path(args.predictions), gold.articles)
    else:
        mentions = gold.mentions
    done = export_timeml(mentions, gold.articles, Path(args.output))
    print(f"{display_path(Path(args.output))}: {done.files} TimeML file(s), {done.timexes} "
          f"TIMEX3(s); left out: {done.overlapping} overlapping another, {done.unlocated} "
          "without offsets")  # fmt: skip
    return Exit.OK


def register_export(formats: Commands) -> None:
    """``timeml`` under ``figdate export`` (beside ``labelstudio``)."""
    timeml = formats.add_parser(
        "timeml", help="date mentions (a predictions file, or the gold set's) as TimeML files",
        description="One .tml file per article of the gold set: its text with a TIMEX3 "
        "around each date mention, as the TempEval-3 scorer reads it.",
    )  # fmt: skip
    timeml.add_argument("predictions", nargs="?", help="a predictions file (default: the gold)")
    timeml.add_argument("-o", "--output", required=True, metavar="FOLDER", help="where to write")
    add_gold(timeml)
    timeml.set_defaults(run=_export)
