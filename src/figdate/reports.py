"""Renderers for a ``Score``: a terminal table, versioned JSON and Markdown.

The JSON carries ``"schema": "figdate.score/1"``; a change that renames or removes a field
bumps the number, so dashboards that read it can tell.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from figdate.scoring import KINDS, SCHEMES, Score

JSON_SCHEMA = "figdate.score/1"


def _rows(score: Score, schemes: Sequence[str], kinds: Sequence[str]) -> pd.DataFrame:
    table = score.summary
    table = table[table["scheme"].isin(schemes) & table["kind"].isin(kinds)]
    order = {k: i for i, k in enumerate(kinds)} | {s: i for i, s in enumerate(schemes)}
    return table.sort_values(
        ["kind", "scheme"], key=lambda c: c.map(order), kind="stable"
    ).reset_index(drop=True)


def _interval(row: Any, name: str) -> str:
    return f"{row[name]:.3f} [{row[name + '_low']:.2f}, {row[name + '_high']:.2f}]"


def title(score: Score) -> str:
    meta = score.meta
    who = meta.get("extractor") or "predictions"
    version = meta.get("extractor_version")
    who = f"{who} {version}" if version else who
    gold = meta.get("gold_version", "?")
    return f"{who} on gold set {gold} ({len(score.articles)} articles)"


def terminal(
    score: Score,
    schemes: Sequence[str] = SCHEMES,
    *,
    per_article: bool = False,
    errors: int = 0,
) -> str:
    """The table a person reads in a terminal: P/R/F1 with 95% intervals per kind and scheme."""
    lines = [title(score), ""]
    header = (
        f"{'kind':7} {'scheme':8} {'precision':21} {'recall':21} {'f1':21} "
        f"{'tp':>5} {'fp':>5} {'fn':>5} {'opt':>4}  macro-f1"
    )
    lines += [header, "-" * len(header)]
    for row in _rows(score, schemes, KINDS).to_dict("records"):
        lines.append(
            f"{row['kind']:7} {row['scheme']:8} {_interval(row, 'precision'):21} "
            f"{_interval(row, 'recall'):21} {_interval(row, 'f1'):21} "
            f"{row['tp']:>5} {row['fp']:>5} {row['fn']:>5} {row['neutral']:>4}  "
            f"{row['macro_f1']:.3f}"
        )
    q = score.qualifier
    lines.append("")
    lines.append(
        f"qualifier accuracy over value-matched figures: {q['accuracy']:.3f} "
        f"({q['correct']}/{q['n']}; {q['missing']} without a qualifier)"
    )
    lines.append(
        "95% intervals: bootstrap over articles "
        f"({score.meta.get('resamples')} resamples, seed {score.meta.get('seed')}); "
        "opt = predictions paired with optional gold (neither right nor wrong)"
    )
    lines += [f"note: {note}" for note in score.notes]
    failures = score.meta.get("failures") or []
    if failures:
        lines += ["", "failed articles (scored as if nothing was found):"]
        lines += [f"  {f['article']}: {f['reason']}" for f in failures]
    if per_article:
        lines += ["", *_per_article_lines(score, schemes)]
    if errors:
        lines += ["", *error_lines(score.errors, errors)]
    return "\n".join(lines) + "\n"


def _per_article_lines(score: Score, schemes: Sequence[str]) -> list[str]:
    scheme = "value" if "value" in schemes else schemes[0]
    table = score.per_article
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


def _flat(text: object) -> str:
    return "" if text is None else str(text).replace("\n", " ")


def error_lines(errors: pd.DataFrame, limit: int) -> list[str]:
    """The first ``limit`` errors, one line each with context: ...before [span] after..."""
    lines = [f"errors ({len(errors)} in all, first {min(limit, len(errors))}):"]
    for row in errors.head(limit).to_dict("records"):
        span = row["text"] if row["text"] is not None else row["predicted_text"]
        values = f"gold={row['gold_value']!s} predicted={row['predicted_value']!s}"
        where = (
            row["start"]
            if row["start"] is not None and row["start"] == row["start"]
            else row["predicted_start"]
        )
        lines.append(
            f"  {row['error']:11} {row['kind']:6} {row['article']}@{where}: "
            f"...{_flat(row['before'])[-30:]}[{_flat(span)}]{_flat(row['after'])[:30]}... {values}"
        )
    return lines


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): _clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


def to_json(score: Score) -> str:
    """The versioned JSON report."""
    document = {
        "schema": JSON_SCHEMA,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "figdate_version": score.meta.get("figdate_version"),
        "gold": {
            "version": score.meta.get("gold_version"),
            "checksum": score.meta.get("gold_checksum"),
            "articles": score.articles,
        },
        "extractor": {
            "name": score.meta.get("extractor"),
            "version": score.meta.get("extractor_version"),
        },
        "bootstrap": {"resamples": score.meta.get("resamples"), "seed": score.meta.get("seed")},
        "summary": _records(score.summary),
        "qualifier": score.qualifier,
        "per_article": _records(score.per_article),
        "errors": _records(score.errors),
        "notes": score.notes,
        "failures": score.meta.get("failures", []),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def markdown(score: Score, schemes: Sequence[str] = ("value", "strict", "relaxed")) -> str:
    """A Markdown summary: the headline table with intervals."""
    lines = [
        f"### figdate: {title(score)}",
        "",
        "| kind | scheme | precision | recall | F1 | tp | fp | fn |",
        "|---|---|---|---|---|--:|--:|--:|",
    ]
    for row in _rows(score, schemes, KINDS).to_dict("records"):
        lines.append(
            f"| {row['kind']} | {row['scheme']} | {_interval(row, 'precision')} "
            f"| {_interval(row, 'recall')} | {_interval(row, 'f1')} "
            f"| {row['tp']} | {row['fp']} | {row['fn']} |"
        )
    lines.append("")
    lines.append("95% bootstrap intervals over articles.")
    lines += [f"- note: {note}" for note in score.notes]
    return "\n".join(lines) + "\n"


def comparison(table: pd.DataFrame, names: Iterable[str], schemes: Sequence[str] = SCHEMES) -> str:
    """The compare table: F1 of each side, the difference and the paired bootstrap p-value."""
    a, b = names
    lines = [
        f"A = {a}",
        f"B = {b}",
        "",
        f"{'kind':7} {'scheme':8} {'F1 A':>7} {'F1 B':>7} {'A - B':>8} {'p':>7}",
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
