"""The leaderboard: every bundled and installed extractor on a dataset, one row each; a
board per dataset.

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


def datasets(named: list[str] | None) -> list[tuple[str, GoldSet]]:
    """The datasets to rank on, with the name to show: those ``named``, else the gold set in
    use followed by every bundled dataset that is not that same folder."""
    from figdate.goldset.layout import BUNDLED
    from figdate.goldset.location import find
    from figdate.goldset.store import load

    if named:
        return [(name, load(name)) for name in named]
    own = find(None).path
    out = [] if _bundled_name(own) else [(own.name, load(own))]
    for name in BUNDLED:
        out.append((name, load(name)))
    return out


def _bundled_name(path: object) -> str | None:
    """The bundled dataset that lives at ``path``, if one does."""
    from pathlib import Path

    from figdate.goldset.layout import BUNDLED
    from figdate.goldset.location import find

    for name in BUNDLED:
        if find(name).path.resolve() == Path(str(path)).resolve():
            return name
    return None


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
                score.get("figure", "value", "f1") if "figure" in gold.kinds else None,
                score.get("date", "value", "f1") if "date" in gold.kinds else None,
                score.get("all", "value", "f1"),
                result.articles_per_second,
                failed,
            )
        )
    return sorted(rows, key=lambda r: -1.0 if r.overall is None else r.overall, reverse=True)
