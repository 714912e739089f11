"""The terminal views: the P/R/F1 table with intervals, per-article rows, the error list,
and the comparison of two runs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from figdate.core.vocabulary import CHANGE, CHANGE_NOTE, REPORT_KINDS, SCHEMES, Kind
from figdate.reporting.common import flat, interval, missing, rows, title
from figdate.scoring import Score


def terminal(
    score: Score,
    schemes: Sequence[str] = SCHEMES,
    *,
    per_article: bool = False,
    errors: int = 0,
    by_tag: Sequence[str] = (),
) -> str:
    """The table a person reads in a terminal: P/R/F1 with 95% intervals per kind and scheme;
    ``by_tag``: the schemes to show per tag too."""
    lines = [title(score), ""]
    header = (
        f"{'kind':7} {'scheme':8} {'precision':21} {'recall':21} {'f1':21} "
        f"{'tp':>5} {'fp':>5} {'fn':>5} {'opt':>4}  macro-f1"
    )
    lines += [header, "-" * len(header)]
    for row in rows(score, schemes, REPORT_KINDS).to_dict("records"):
        lines.append(
            f"{row['kind']:7} {row['scheme']:8} {interval(row, 'precision'):21} "
            f"{interval(row, 'recall'):21} {interval(row, 'f1'):21} "
            f"{row['tp']:>5} {row['fp']:>5} {row['fn']:>5} {row['neutral']:>4}  "
            f"{row['macro_f1']:.3f}"
        )
    q = score.qualifier
    lines.append("")
    if Kind.FIGURE in score.kinds:  # a date-only dataset (TimeML) has no qualifiers to score
        lines.append(
            f"qualifier accuracy over value-matched figures: {q['accuracy']:.3f} "
            f"({q['correct']}/{q['n']}; {q['missing']} without a qualifier)"
        )
    if score.timex_type is not None:
        t = score.timex_type
        lines.append(
            f"TIMEX3 type accuracy over relaxed-matched dates (TempEval-3): {t['accuracy']:.3f} "
            f"({t['correct']}/{t['n']}; {t['missing']} predictions without a type)"
        )
    lines.append(
        "95% intervals: bootstrap over articles "
        f"({score.run.resamples} resamples, seed {score.run.seed}); "
        "opt = predictions paired with optional gold (neither right nor wrong)"
    )
    lines += [f"note: {note}" for note in score.notes]
    if score.run.failures:
        lines += ["", "failed articles (scored as if nothing was found):"]
        lines += [f"  {f.article}: {f.reason}" for f in score.run.failures]
    if per_article:
        lines += ["", *_per_article_lines(score, schemes)]
    if by_tag:
        lines += ["", *tag_lines(score, by_tag)]
    if errors and not score.has_outcomes:
        lines += ["", "errors: none listed: this score was merged from counts, without the "
                  "outcome table (a file scored in parts, or Spark)"]  # fmt: skip
    elif errors:
        lines += ["", *error_lines(score.errors, errors)]
    return "\n".join(lines) + "\n"


def _per_article_lines(score: Score, schemes: Sequence[str]) -> list[str]:
    scheme = "value" if "value" in schemes else schemes[0]
    table = score.labelled(score.per_article)
    table = table[(table["scheme"] == scheme) & (table["kind"] != "all")]
    lines = [
        f"per article ({scheme}):",
        f"{'article':28} {'kind':7} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}",
    ]
    for row in table.to_dict("records"):
        lines.append(
            f"{row['article']:28} {row['kind']:7} {row['precision']:6.3f} {row['recall']:6.3f} "
            f"{row['f1']:6.3f} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4}"
        )
    return lines


def tag_lines(score: Score, schemes: Sequence[str]) -> list[str]:
    """P/R/F1 per tag (``Score.by_tag``), or why there is none."""
    table = score.by_tag
    if not score.has_outcomes:
        return ["per tag: none: this score was merged from counts, without the tables"]
    if table.empty:
        return ["per tag: none: the gold set has no tags (a `tags` column in mentions.csv or "
                "articles.csv)"]  # fmt: skip
    table = table[table["scheme"].isin(schemes)]
    header = (f"{'tag':22} {'kind':7} {'scheme':8} {'precision':21} {'recall':21} {'f1':21} "
              f"{'gold':>5} {'tp':>5} {'fp':>5} {'fn':>5} {'opt':>4}")  # fmt: skip
    lines = [f"per tag (95% intervals over each tag's {score.run.resamples} resamples of its "
             "articles; gold = required gold mentions in the tag's scope):", header,
             "-" * len(header)]  # fmt: skip
    for row in table.to_dict("records"):
        lines.append(
            f"{row['tag']:22} {row['kind']:7} {row['scheme']:8} {interval(row, 'precision'):21} "
            f"{interval(row, 'recall'):21} {interval(row, 'f1'):21} {row['mentions']:>5} "
            f"{row['tp']:>5} {row['fp']:>5} {row['fn']:>5} {row['neutral']:>4}"
        )
    return lines


def error_lines(errors: pd.DataFrame, limit: int) -> list[str]:
    """The first ``limit`` errors, one line each with context: ...before [span] after..."""
    lines = [f"errors ({len(errors)} in all, first {min(limit, len(errors))}):"]
    for row in errors.head(limit).to_dict("records"):
        span = row["span"]
        gold_value, predicted_value = _shown(row["gold_value"]), _shown(row["predicted_value"])
        values = f"gold={gold_value} predicted={predicted_value}"
        gold, predicted = row["text"], row["predicted_text"]
        if isinstance(gold, str) and isinstance(predicted, str) and gold != predicted:
            values = f"gold [{flat(gold)}]={gold_value} predicted [{flat(predicted)}]="
            values += predicted_value
        where = (
            row["start"]
            if row["start"] is not None and row["start"] == row["start"]
            else row["predicted_start"]
        )
        lines.append(
            f"  {row['error']:11} {row['kind']:6} {row['article']}@{where}: "
            f"...{flat(row['before'])[-30:]}[{flat(span)}]{flat(row['after'])[:30]}... {values}"
        )
    return lines


def _shown(value: object) -> str:
    """A value as the error list shows it; a missing one (None, or NaN under pandas 3) as
    None."""
    return "None" if missing(value) else str(value)


def comparison(table: pd.DataFrame, names: Iterable[str], schemes: Sequence[str] = SCHEMES) -> str:
    """The compare table: F1 of each side, the change (B - A) and the paired bootstrap p."""
    a, b = names
    lines = [
        f"A = {a}",
        f"B = {b}",
        CHANGE_NOTE,
        "",
        f"{'kind':7} {'scheme':8} {'F1 A':>7} {'F1 B':>7} {CHANGE:>8} {'p':>7}",
    ]
    table = table[table["scheme"].isin(schemes)]
    for row in table.to_dict("records"):
        lines.append(
            f"{row['kind']:7} {row['scheme']:8} {row['f1_a']:7.3f} {row['f1_b']:7.3f} "
            f"{row['delta']:+8.3f} {row['p_value']:7.3f}"
        )
    lines.append("")
    lines.append(
        "p: paired bootstrap over articles (Berg-Kirkpatrick et al., 2012), one-sided in the "
        "observed direction; small p means the difference is unlikely to be chance."
    )
    return "\n".join(lines) + "\n"
