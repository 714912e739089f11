"""Evaluate an extractor on the gold set: run it, validate its output, score it.

Shared by ``figdate eval``, ``figdate leaderboard`` and the pytest plugin. An article whose
extraction fails (an exception, a time-out, output that does not fit the prediction schema)
is listed with its reason and scored as if the extractor found nothing in it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from figdate.contract.pandera_backend import validate_mentions
from figdate.core.model import PREDICTION_COLUMNS
from figdate.core.problems import Failure, Problem
from figdate.core.tables import Table
from figdate.core.vocabulary import TableKind
from figdate.evaluation.scorefile import run_info
from figdate.extractors.cache import CACHE_DIR
from figdate.extractors.registry import source_of
from figdate.extractors.runner import RunResult, run
from figdate.goldset.store import GoldSet
from figdate.scoring import Score, score


@dataclass
class Evaluation:
    score: Score
    run: RunResult
    failures: list[Failure]
    problems: list[Problem] = field(default_factory=list)  # schema reports of failed output

    @property
    def complete(self) -> bool:
        return not self.failures

    @property
    def articles_per_second(self) -> float:
        return self.run.extracted / self.run.seconds if self.run.seconds > 0 else 0.0


def evaluate(
    spec: object,
    gold: GoldSet,
    *,
    timeout: float | None = 60.0,
    jobs: int = 1,
    cache: Path | None = CACHE_DIR,
    progress: bool | None = None,
    resamples: int = 1000,
    seed: int = 0,
    validate: str = "pandera",
    start_method: str | None = None,
) -> Evaluation:
    """Run the extractor ``spec`` names (or is: see ``source_of``) over the gold articles
    and score it.

    Its output is always validated with pandera (fast); ``validate="gx"`` also runs the
    Great Expectations suite over it, and a check GX fails makes the run incomplete.
    ``start_method``: how worker processes start (``figdate.extractors.workers``)."""
    source = source_of(spec)
    source.prepare(gold.articles)
    articles = [gold.articles[name] for name in sorted(gold.articles)]
    result = run(
        source, articles, timeout=timeout, jobs=jobs, cache=cache, progress=progress,
        start=start_method,
    )  # fmt: skip
    failures = list(result.failures)
    frame, problems, invalid = _validated(source.name, result.rows, gold)
    for article in sorted(invalid):
        first, count = invalid[article][0], len(invalid[article])
        extra = f" (and {count - 1} more)" if count > 1 else ""
        reason = f"{first.reason} (row {first.row}, {first.column})"
        failures.append(Failure(article, f"output does not fit the schema: {reason}{extra}"))
    if validate == "gx":
        failures += _gx_failures(source.name, result.rows, gold)
    failures.sort(key=lambda f: f.article)
    info = run_info(gold, source.name, source.version, failures)
    scored = score(gold.mentions, frame, gold.articles, resamples=resamples, seed=seed, run=info,
                   kinds=gold.kinds)  # fmt: skip
    ignored = source.unknown_articles(gold.articles)
    if ignored:
        scored = scored.with_notes(
            f"predictions for {len(ignored)} article(s) not in the gold set were ignored"
        )
    if failures:
        kept = tuple(n for n in scored.notes if not n.startswith("no predictions"))
        if len(kept) < len(scored.notes):  # nothing to score because articles failed: say so
            kept += ("no predictions survived: precision and F1 are 0 by convention",)
        scored = dataclasses.replace(scored, notes=kept).with_notes(
            f"{len(failures)} article(s) failed; their gold mentions count as missed"
        )
    return Evaluation(scored, result, failures, problems)


def _validated(
    name: str, rows: dict[str, list[dict[str, object]]], gold: GoldSet
) -> tuple[pd.DataFrame, list[Problem], dict[str, list[Problem]]]:
    """The valid predictions, the problems of the rest, and each bad article's problems."""
    whole = _frame([row for article in sorted(rows) for row in rows[article]])
    typed, _ = validate_mentions(
        Table(whole, f"{name} output", []), gold.articles, gold=False, dataset=False
    )
    if typed is not None:  # the usual case: one validation for the whole run
        return typed, [], {}
    problems: list[Problem] = []
    invalid: dict[str, list[Problem]] = {}
    frames = []
    for article in sorted(rows):  # find which articles' output is at fault, with their rows
        frame = _frame(rows[article])
        if frame.empty:
            continue
        table = Table(frame, f"{name} on {article}", [])
        typed, found = validate_mentions(table, gold.articles, gold=False, dataset=False)
        if typed is None:
            problems += found
            invalid[article] = found
        else:
            frames.append(typed)
    if not frames:
        return _frame([]), problems, invalid
    return pd.concat(frames, ignore_index=True), problems, invalid


def _gx_failures(
    name: str, rows: dict[str, list[dict[str, object]]], gold: GoldSet
) -> list[Failure]:
    """The GX suite's verdict on the whole output, one failure per article it names."""
    from figdate.contract import gx_backend, gx_suites

    whole = _frame([row for article in sorted(rows) for row in rows[article]])
    if whole.empty:
        return []
    table = Table(whole, f"{name} output", [])
    view = gx_suites.joined(whole, TableKind.PREDICTIONS, gold.articles)
    out: dict[str, Failure] = {}
    suite = gx_suites.build(TableKind.PREDICTIONS)
    for finding in gx_backend.findings(suite, view, table):
        named = [str(whole.at[p.row - 1, "article_id"]) for p in finding.examples if p.row]
        for article in named or ["(all)"]:
            out.setdefault(article, Failure(article, f"gx: {finding.headline()}"))
    return list(out.values())


def _frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, dtype=object)
    for column in PREDICTION_COLUMNS:
        if column not in frame:
            frame[column] = None
    return frame.replace({float("nan"): None})
