"""The leaderboard: every bundled and installed extractor on the gold set, one row each.

This module measures; ``figdate.reporting.leaderboard`` renders the rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from figdate.core.problems import InputError
from figdate.evaluation.evaluate import evaluate
from figdate.extractors.registry import registered
from figdate.goldset.store import GoldSet


@dataclass
class Row:
    name: str
    version: str
    figure: float | None = None
    date: float | None = None
    overall: float | None = None
    per_second: float | None = None
    note: str = ""


def board(gold: GoldSet, *, timeout: float | None, resamples: int) -> list[Row]:
    """Value F1 per kind and overall, and articles per second, for every extractor.

    Speed is measured without the cache, so every row extracts every article."""
    rows = []
    for name in registered():
        try:
            result = evaluate(name, gold, timeout=timeout, cache=None, resamples=resamples)
        except InputError as exc:
            rows.append(Row(name, "", note=exc.problems[0].reason))
            continue
        score = result.score
        failed = f"{len(result.failures)} article(s) failed" if result.failures else ""
        rows.append(
            Row(
                name,
                str(score.run.extractor_version or ""),
                score.get("figure", "value", "f1"),
                score.get("date", "value", "f1"),
                score.get("all", "value", "f1"),
                result.articles_per_second,
                failed,
            )
        )
    return sorted(rows, key=lambda r: -1.0 if r.overall is None else r.overall, reverse=True)
