"""``figdate validate``: one file, one table, one or both engines, one report.

A finding is one failed check: which engine, which check, how many rows fail it, why, and
the first failing rows with their values. pandera's findings come from
``figdate.validation``, GX's from ``figdate.gx_engine``; this module reads the file once,
finds the articles the rules need, runs the engines and prints the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from figdate.model import Article
from figdate.problems import InputError, Problem
from figdate.tables import Table

ENGINES = ("pandera", "gx")


@dataclass(frozen=True)
class Finding:
    """One failed check. ``failing`` is the number of rows, or None for a table-level check."""

    engine: str
    check: str
    column: str | None
    failing: int | None
    why: str
    examples: tuple[Problem, ...] = ()

    def headline(self) -> str:
        where = f", column '{self.column}'" if self.column else ""
        count = "" if self.failing is None else f": {self.failing} row(s)"
        return f"FAIL [{self.engine}] {self.check}{where}{count}: {self.why}"


@dataclass
class Report:
    """What ``figdate validate`` found in one file."""

    path: str
    table: str
    rows: int
    engines: tuple[str, ...]
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.findings

    def render(self) -> str:
        lines = [f"{self.path}: {self.table} table, {self.rows} row(s)"]
        lines += [f"note: {n}" for n in self.notes]
        for finding in self.findings:
            lines.append(finding.headline())
            lines += [f"    {p}" for p in finding.examples]
        for engine in self.engines:
            failed = sum(1 for f in self.findings if f.engine == engine)
            verdict = "valid" if not failed else f"{failed} check(s) failed"
            lines.append(f"{engine}: {verdict}")
        return "\n".join(lines) + "\n"


def validate_file(
    path: Path,
    table: str,
    engines: tuple[str, ...] = ("pandera",),
    gold_root: Path | None = None,
) -> Report:
    """Validate the file at ``path`` as ``table``; InputError if it cannot be read."""
    from figdate import gold as gold_module
    from figdate.tables import display_path, read_table

    read = read_table(path)
    report = Report(display_path(path), table, len(read.frame), engines)
    articles: dict[str, Article] | None = None
    mentions: pd.DataFrame | None = None
    if table == "articles":
        mentions = _sibling_mentions(path, report)
    else:
        root = path.parent if table == "gold" and (path.parent / "articles.csv").is_file() else None
        root = root or gold_root or gold_module.locate(None)
        try:
            articles = gold_module.load_articles(root)
        except InputError as exc:  # an unusable articles table: the rows are checked alone
            report.notes.append(f"the articles' checks were skipped: {exc}".splitlines()[0])
        else:
            shown = display_path(root)
            report.notes.append(f"rows are checked against the {len(articles)} articles in {shown}")
    for engine in engines:
        report.findings += _engine(engine, read, table, articles, mentions)
    return report


def _sibling_mentions(path: Path, report: Report) -> pd.DataFrame | None:
    from figdate.tables import read_table

    beside = path.parent / "mentions.csv"
    if not beside.is_file():
        report.notes.append("no mentions.csv beside it: 'every article has mentions' is skipped")
        return None
    return read_table(beside).frame


def _engine(
    engine: str,
    read: Table,
    table: str,
    articles: dict[str, Article] | None,
    mentions: pd.DataFrame | None,
) -> list[Finding]:
    if engine == "pandera":
        from figdate.validation import findings

        return findings(read, table, articles, mentions)
    from figdate import expectations, gx_engine

    other = mentions if table == "articles" else articles
    view = expectations.joined(read.frame, table, articles, mentions)
    suite = expectations.build(table, joined=other is not None)
    return gx_engine.findings(suite, view, read)
