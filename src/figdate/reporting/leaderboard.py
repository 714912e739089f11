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
        return NOT_SCORED if value is None else f"{value:.3f}"

    speed = "" if row.per_second is None else f"{row.per_second:,.1f}"
    return [row.name, row.version, f1(row.figure), f1(row.date), f1(row.overall), speed, row.note]


NOT_SCORED = "-"
"""A kind the dataset does not label (or a run that failed: its note says why)."""
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


STEADY = 1.5
"""A new speed within this factor of the one already written is noise: the old one stays,
so that ``make leaderboard`` changes the README only when something did."""


def _speeds(block: str | None) -> dict[tuple[str, ...], str]:
    """The speed cell of each row of a written table, keyed by its other cells but note."""
    found: dict[tuple[str, ...], str] = {}
    for line in (block or "").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == len(HEADER) and cells[0] not in (HEADER[0], "---"):
            found[tuple(cells[:5])] = cells[5]
    return found


def _steady(new: str, old: str | None) -> str:
    try:
        ratio = float(new.replace(",", "")) / float((old or "").replace(",", ""))
    except (ValueError, ZeroDivisionError):
        return new
    return old if old is not None and 1 / STEADY <= ratio <= STEADY else new


def markdown(rows: list[Row], gold: GoldSet, previous: str | None = None) -> str:
    """The table as Markdown; with ``previous`` (the block now in the README), speeds that
    moved less than ``STEADY`` keep their written value."""
    written = _speeds(previous)
    body = []
    for row in rows:
        cells = _cells(row)
        cells[5] = _steady(cells[5], written.get(tuple(cells[:5])))
        body.append("| " + " | ".join(cells) + " |")
    lines = [
        f"Value F1 (overlapping span, equal value) on gold set {gold.version}, "
        f"{len(gold.articles)} articles; speed without the cache."
        + (f" `{NOT_SCORED}`: a kind this dataset does not label." if len(gold.kinds) < 2 else ""),
        "",
        "| " + " | ".join(HEADER) + " |",
        "|---|---|--:|--:|--:|--:|---|",
    ]
    lines += body
    return "\n".join(lines) + "\n"


SECTION = re.compile(r"^#### (\S+)\n", re.MULTILINE)


def sections(boards: list[tuple[str, GoldSet, list[Row]]], previous: str | None = None) -> str:
    """A Markdown table per dataset, each under a ``#### NAME`` heading; with ``previous``,
    each table keeps the steady speeds of its own dataset's table."""
    before = _sections(previous)
    return "\n".join(
        f"#### {name}\n\n" + markdown(rows, gold, previous=before.get(name))
        for name, gold, rows in boards
    )


def _sections(block: str | None) -> dict[str, str]:
    """The tables of a written block by dataset name (a block from before datasets had
    headings is nobody's)."""
    parts = SECTION.split(block or "")
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def current(path: Path) -> str | None:
    """What stands between the leaderboard markers in ``path`` now, or None."""
    text = path.read_text(encoding="utf-8")
    found = re.search(re.escape(START) + r"(.*?)" + re.escape(END), text, re.DOTALL)
    return found.group(1) if found else None


def write_into(path: Path, block: str) -> None:
    """Replace what stands between the leaderboard markers in ``path``."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        reason = f"has no leaderboard markers ({START} ... {END})"
        raise InputError([Problem(display_path(path), reason=reason)])
    fresh = pattern.sub(lambda _: f"{START}\n{block}{END}", text)
    write_atomic(path, fresh.encode("utf-8"))
