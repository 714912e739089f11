"""Renderers for a ``Score``: a terminal table, versioned JSON and Markdown.

The JSON carries ``"schema": "figdate.score/1"``; a change that renames or removes a field
bumps the number, so dashboards that read it can tell.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping, Sequence
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


def markdown(
    score: Score,
    schemes: Sequence[str] = ("value", "strict", "relaxed"),
    *,
    against: Mapping[str, Any] | None = None,
    worst: int = 10,
) -> str:
    """A summary fit for a pull-request comment: the headline table with intervals, the
    change against a saved run (a ``--json`` report), and the ``worst`` worst errors."""
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
    if against is not None:
        lines += ["", *_change(score, against, schemes)]
    if worst > 0 and not score.errors.empty:
        lines += ["", *_worst(score.errors, worst)]
    return "\n".join(lines) + "\n"


def _change(score: Score, saved: Mapping[str, Any], schemes: Sequence[str]) -> list[str]:
    """F1 now against F1 in the saved report; higher is better, so a drop is marked."""
    before = {(r["kind"], r["scheme"]): r for r in saved.get("summary", [])}
    who = saved.get("extractor", {})
    name = " ".join(str(x) for x in (who.get("name"), who.get("version")) if x)
    gold = saved.get("gold", {})
    lines = [
        f"#### Change against the saved run ({name}, gold {gold.get('version')})",
        "",
        "| kind | scheme | F1 saved | F1 now | change |",
        "|---|---|--:|--:|--:|",
    ]
    if gold.get("checksum") not in (None, score.meta.get("gold_checksum")):
        lines.insert(1, "")
        lines.insert(2, "The gold set changed since the saved run: compare with care.")
    for row in _rows(score, schemes, KINDS).to_dict("records"):
        old = before.get((row["kind"], row["scheme"]))
        if old is None:
            continue
        delta = row["f1"] - float(old["f1"])
        mark = " ⚠" if delta < -0.0005 else ""
        lines.append(
            f"| {row['kind']} | {row['scheme']} | {float(old['f1']):.3f} | {row['f1']:.3f} "
            f"| {delta:+.3f}{mark} |"
        )
    return lines


ERROR_RANK = {"wrong value": 0, "missed": 1, "spurious": 2, "boundary": 3}


def worst_errors(errors: pd.DataFrame, limit: int) -> pd.DataFrame:
    """The errors that matter most first: wrong values (the largest relative error first),
    then missed, spurious and boundary errors, each in reading order."""
    if errors.empty:
        return errors
    size = [
        _error_size(g, p)
        for g, p in zip(errors["gold_value"], errors["predicted_value"], strict=True)
    ]
    ranked = errors.assign(
        _rank=errors["error"].map(ERROR_RANK).fillna(9), _size=size, _order=range(len(errors))
    )
    ranked = ranked.sort_values(["_rank", "_size", "_order"], ascending=[True, False, True])
    return ranked.drop(columns=["_rank", "_size", "_order"]).head(limit)


def _error_size(gold: object, predicted: object) -> float:
    try:
        g, p = float(str(gold)), float(str(predicted))
    except ValueError:
        return 0.0
    return abs(p - g) / max(abs(g), 1.0)


def _worst(errors: pd.DataFrame, limit: int) -> list[str]:
    lines = [
        f"#### The {min(limit, len(errors))} worst of {len(errors)} errors",
        "",
        "| article | kind | error | text | gold | predicted |",
        "|---|---|---|---|---|---|",
    ]
    for row in worst_errors(errors, limit).to_dict("records"):
        text = row["text"] if isinstance(row["text"], str) else row["predicted_text"]
        cells = [row["article"], row["kind"], row["error"], f"`{_flat(text)}`",
                 _cell(row["gold_value"]), _cell(row["predicted_value"])]  # fmt: skip
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return lines


def _cell(value: object) -> str:
    return "-" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


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
