"""The leaderboard: every bundled and installed extractor on the gold set, one row each."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from figdate.evaluate import evaluate
from figdate.extractors.registry import registered
from figdate.gold import GoldSet
from figdate.problems import InputError, Problem
from figdate.tables import display_path, write_atomic

START = "<!-- figdate:leaderboard:start -->"
END = "<!-- figdate:leaderboard:end -->"


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
                str(score.meta.get("extractor_version", "")),
                score.get("figure", "value", "f1"),
                score.get("date", "value", "f1"),
                score.get("all", "value", "f1"),
                result.articles_per_second,
                failed,
            )
        )
    return sorted(rows, key=lambda r: -1.0 if r.overall is None else r.overall, reverse=True)


def _cells(row: Row) -> list[str]:
    def f1(value: float | None) -> str:
        return "" if value is None else f"{value:.3f}"

    speed = "" if row.per_second is None else f"{row.per_second:,.1f}"
    return [row.name, row.version, f1(row.figure), f1(row.date), f1(row.overall), speed, row.note]


HEADER = ["extractor", "version", "figure F1", "date F1", "all F1", "articles/s", "note"]


def terminal(rows: list[Row], gold: GoldSet) -> str:
    table = [HEADER, *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    lines = [f"value F1 on gold set {gold.version} ({len(gold.articles)} articles)", ""]
    for line in table:
        lines.append(
            "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        )
    return "\n".join(lines) + "\n"


def markdown(rows: list[Row], gold: GoldSet) -> str:
    lines = [
        f"Value F1 (overlapping span, equal value) on gold set {gold.version}, "
        f"{len(gold.articles)} articles; speed without the cache.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|---|---|--:|--:|--:|--:|---|",
    ]
    lines += ["| " + " | ".join(_cells(r)) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def write_into(path: Path, block: str) -> None:
    """Replace what stands between the leaderboard markers in ``path``."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        reason = f"has no leaderboard markers ({START} ... {END})"
        raise InputError([Problem(display_path(path), reason=reason)])
    fresh = pattern.sub(lambda _: f"{START}\n{block}{END}", text)
    write_atomic(path, fresh.encode("utf-8"))
