"""Date extractors on the TimeML development corpus (TBAQ), TempEval-3 style, in one run.

    .venv/bin/python benchmarks/timeml.py [--corpus ../shared/corpora/timeml-tbaq]
        [--extractors rules,dateparser,duckling,heideltime] [--resamples 200]

Imports TimeBank and AQUAINT (``figdate import timeml``, into a temporary folder; the
corpus is never copied into the project), prints their counts, then runs each extractor
over every article through ``figdate eval`` and prints TempEval-3's measures in figdate's
words: strict span F1 (figdate's ``exact``: identical offsets), relaxed span F1
(``relaxed``: overlapping), value F1 (``value``: overlapping, equal TIMEX3 value), each
with its 95% bootstrap interval; TempEval-3's type accuracy (of the relaxed matches, the
share with the gold TIMEX3 type; "-" for an extractor that gives no types); and articles
per second inside the extractor. Every TIMEX3 counts (dates, times, durations, sets);
figure predictions are left out, the datasets labelling dates only.

A second table scores the same predictions (from the prediction cache: no second run) with
only the TIMEX3 that figdate's guidelines and value model share required: type DATE with a
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` value. The others become optional, neutral either
way, and valueless, so a prediction that meets one is neither right nor wrong under
``value`` either (issue 19's measure); the last rows pool the two parts ("TBAQ").
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
from pathlib import Path

import pandas as pd

from figdate.evaluation.evaluate import evaluate
from figdate.goldset.store import GoldSet, load
from figdate.goldset.timeml_import import import_timeml
from figdate.scoring import Score

SHARED = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
"""A TIMEX3 value figdate's own value model holds."""
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "timeml-tbaq"
PARTS = ("TimeBank", "AQUAINT")


def _f1(score: Score, scheme: str) -> str:
    summary = score.summary
    r = summary[(summary["kind"] == "date") & (summary["scheme"] == scheme)].iloc[0]
    return f"{r['f1']:.3f} [{r['f1_low']:.2f}, {r['f1_high']:.2f}]"


def _types(score: Score) -> str:
    """Type accuracy, or "-" where the extractor gives no TIMEX3 types at all."""
    found = score.timex_type
    if found is None or found["n"] == 0 or found["missing"] == found["n"]:
        return "-"
    return f"{found['accuracy']:.3f}"


def shared_only(gold: GoldSet) -> GoldSet:
    """The dataset with only DATE TIMEX3 of representable values required."""
    mentions = gold.mentions.copy()
    value = mentions["value"].astype("string").fillna("")
    required = (mentions["type"] == "DATE") & value.str.fullmatch(SHARED).fillna(False)
    mentions["optional"] = ~required.astype(bool)
    # Neutral whatever the prediction's value: an optional mention without a value pairs
    # with any prediction that meets it (an empty gold value matches any value), so a
    # figdate date on a TimeML duration or quarter is not counted spurious under `value`.
    mentions["value"] = mentions["value"].where(required)
    return dataclasses.replace(gold, mentions=mentions)


def pooled(parts: list[GoldSet]) -> GoldSet:
    """TimeBank and AQUAINT as one dataset (their article ids do not collide)."""
    articles = {key: article for part in parts for key, article in part.articles.items()}
    if len(articles) != sum(len(part.articles) for part in parts):
        raise SystemExit("TimeBank and AQUAINT share an article id")
    mentions = pd.concat([part.mentions for part in parts], ignore_index=True)
    return dataclasses.replace(parts[0], articles=articles, mentions=mentions)


def _line(part: str, name: str, score: Score, speed: str) -> str:
    return (f"{part:<16} {name:<11} {_f1(score, 'exact'):<20} {_f1(score, 'relaxed'):<20} "
            f"{_f1(score, 'value'):<20} {_types(score):>9} {speed:>10}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--extractors", default="rules,dateparser,duckling,heideltime")
    parser.add_argument("--resamples", type=int, default=200)
    args = parser.parse_args()
    if not (args.corpus / PARTS[0]).is_dir():
        raise SystemExit(f"no TBAQ corpus at {args.corpus} (see its README)")
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'part':<10} {'articles':>9} {'TIMEX3':>7}")
        datasets = {}
        for part in PARTS:
            done = import_timeml(args.corpus / part, Path(folder) / part)
            datasets[part] = load(done.folder)
            print(f"{part:<10} {done.articles:>9} {done.mentions:>7}")
        print()
        header = (f"{'part':<16} {'extractor':<11} {'strict span F1':<20} {'relaxed span F1':<20} "
                  f"{'value F1':<20} {'type acc.':>9} {'articles/s':>10}")  # fmt: skip
        print(header)
        shared = []
        cache = Path(folder) / "cache"
        for part, gold in datasets.items():
            for name in args.extractors.split(","):
                result = evaluate(name, gold, cache=cache, timeout=None, resamples=args.resamples,
                                  progress=False)  # fmt: skip
                speed = f"{result.articles_per_second:.1f}"
                print(_line(part, name, result.score, speed), flush=True)
                again = evaluate(name, shared_only(gold), cache=cache, timeout=None,
                                 resamples=args.resamples, progress=False)  # fmt: skip
                shared.append(_line(f"{part} DATE", name, again.score, speed))
        both = pooled(list(datasets.values()))
        for name in args.extractors.split(","):  # every article already in the cache
            again = evaluate(name, shared_only(both), cache=cache, timeout=None,
                             resamples=args.resamples, progress=False)  # fmt: skip
            shared.append(_line("TBAQ DATE", name, again.score, "-"))
        print()
        print("only DATE TIMEX3 with YYYY[-MM[-DD]] values required, the others neutral:")
        print(header)
        print("\n".join(shared))


if __name__ == "__main__":
    main()
