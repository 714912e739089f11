"""The Markdown summary for a pull-request comment: the headline table, the change against
a saved run, and the worst errors."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from figdate.core.vocabulary import REPORT_KINDS, SUMMARY_SCHEMES
from figdate.reporting.common import flat, interval, rows, title
from figdate.scoring import Score


def markdown(
    score: Score,
    schemes: Sequence[str] = SUMMARY_SCHEMES,
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
    for row in rows(score, schemes, REPORT_KINDS).to_dict("records"):
        lines.append(
            f"| {row['kind']} | {row['scheme']} | {interval(row, 'precision')} "
            f"| {interval(row, 'recall')} | {interval(row, 'f1')} "
            f"| {row['tp']} | {row['fp']} | {row['fn']} |"
        )
    lines.append("")
    lines.append("95% bootstrap intervals over articles.")
    lines += [f"- note: {note}" for note in score.notes]
    if against is not None:
        lines += ["", *_change(score, against, schemes)]
    if worst > 0 and score.has_outcomes and not score.errors.empty:
        lines += ["", *_worst(score.errors, worst)]
    return "\n".join(lines) + "\n"


def step_summary(text: str) -> str | None:
    """Append ``text`` to GitHub Actions' job summary when ``$GITHUB_STEP_SUMMARY`` names
    it (figdate eval and the plugin both do); the file, or None outside Actions."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    with open(target, "a", encoding="utf-8") as out:
        out.write(text + "\n")
    return target


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
    if gold.get("checksum") not in (None, score.run.gold_checksum):
        lines.insert(1, "")
        lines.insert(2, "The gold set changed since the saved run: compare with care.")
    for row in rows(score, schemes, REPORT_KINDS).to_dict("records"):
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
        cells = [row["article"], row["kind"], row["error"], f"`{flat(text)}`",
                 _cell(row["gold_value"]), _cell(row["predicted_value"])]  # fmt: skip
        lines.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    return lines


def _cell(value: object) -> str:
    return "-" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)
