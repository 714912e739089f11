"""What every view of a score shares: its title, its rows in report order, a figure with its
interval, text on one line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from figdate.scoring import Score


def name(score: Score) -> str:
    """The extractor's name and version, as the views print it."""
    who = score.run.extractor or "predictions"
    version = score.run.extractor_version
    return f"{who} {version}" if version else who


def title(score: Score) -> str:
    gold = score.run.gold_version if score.run.gold_version is not None else "?"
    return f"{name(score)} on gold set {gold} ({len(score.articles)} articles)"


def rows(score: Score, schemes: Sequence[str], kinds: Sequence[str]) -> pd.DataFrame:
    """The summary rows of ``schemes`` and ``kinds``, in that order."""
    table = score.labelled(score.summary)
    table = table[table["scheme"].isin(schemes) & table["kind"].isin(kinds)]
    order = {k: i for i, k in enumerate(kinds)} | {s: i for i, s in enumerate(schemes)}
    return table.sort_values(
        ["kind", "scheme"], key=lambda c: c.map(order), kind="stable"
    ).reset_index(drop=True)


def interval(row: Any, metric: str) -> str:
    """``0.750 [0.62, 0.81]``: a figure and its 95% interval."""
    return f"{row[metric]:.3f} [{row[metric + '_low']:.2f}, {row[metric + '_high']:.2f}]"


def flat(text: object) -> str:
    """Text on one line (None as nothing)."""
    return "" if text is None else str(text).replace("\n", " ")


def missing(value: object) -> bool:
    """No value: None, pandas' NA, or NaN (what pandas 3 puts in an object column)."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)
