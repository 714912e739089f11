"""The leaderboard's table: in the terminal, as Markdown, and between markers in a README."""

from __future__ import annotations

import re
from pathlib import Path

from figdate.core.problems import InputError, Problem
from figdate.core.tables import display_path, write_atomic
from figdate.evaluation.leaderboard import Row
from figdate.goldset.store import GoldSet

START = "<!-- figdate:leaderboard:start -->"
END = "<!-- figdate:leaderboard:end -->"


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
