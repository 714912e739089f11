"""Evaluate an extractor on the gold set: run it, validate its output, score it.

Shared by ``figdate eval``, ``figdate leaderboard`` and the pytest plugin. An article whose
extraction fails (an exception, a time-out, output that does not fit the prediction schema)
is listed with its reason and scored as if the extractor found nothing in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from figdate.extractors.registry import resolve
from figdate.extractors.sources import FileSource
from figdate.gold import GoldSet
from figdate.model import PREDICTION_COLUMNS
from figdate.predictions import score_meta
from figdate.problems import Problem
from figdate.runner import CACHE_DIR, Failure, RunResult, run
from figdate.scoring import Score, score
from figdate.tables import Table
from figdate.validation import validate_mentions


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
    spec: str | None,
    gold: GoldSet,
    *,
    timeout: float | None = 60.0,
    jobs: int = 1,
    cache: Path | None = CACHE_DIR,
    progress: bool | None = None,
    resamples: int = 1000,
    seed: int = 0,
    validate: str = "pandera",
) -> Evaluation:
    """Run the extractor named by ``spec`` over the gold articles and score it.

    Its output is always validated with pandera (fast); ``validate="gx"`` also runs the
    Great Expectations suite over it, and a check GX fails makes the run incomplete."""
    source = resolve(spec)
    articles = [gold.articles[name] for name in sorted(gold.articles)]
    result = run(source, articles, timeout=timeout, jobs=jobs, cache=cache, progress=progress)
    failures = list(result.failures)
    frame, problems, invalid = _validated(source.name, result.rows, gold)
    for article in sorted(invalid):
        first = invalid[article]
        more = len([p for p in problems if p.file.endswith(f" on {article}")]) - 1
        extra = f" (and {more} more)" if more > 0 else ""
        failures.append(Failure(article, f"output does not fit the schema: {first}{extra}"))
    if validate == "gx":
        failures += _gx_failures(source.name, result.rows, gold)
    failures.sort(key=lambda f: f.article)
    meta = score_meta(gold, source.name, source.version)
    meta["failures"] = [{"article": f.article, "reason": f.reason} for f in failures]
    scored = score(gold.mentions, frame, gold.articles, resamples=resamples, seed=seed, meta=meta)
    if isinstance(source, FileSource):
        ignored = source.unknown_articles(gold.articles)
        if ignored:
            scored.notes.append(
                f"predictions for {len(ignored)} article(s) not in the gold set were ignored"
            )
    if failures:
        scored.notes.append(
            f"{len(failures)} article(s) failed; their gold mentions count as missed"
        )
    return Evaluation(scored, result, failures, problems)


def _validated(
    name: str, rows: dict[str, list[dict[str, object]]], gold: GoldSet
) -> tuple[pd.DataFrame, list[Problem], dict[str, str]]:
    """The valid predictions, the problems of the rest, and the first reason per bad article."""
    whole = _frame([row for article in sorted(rows) for row in rows[article]])
    typed, _ = validate_mentions(
        Table(whole, f"{name} output", []), gold.articles, gold=False, dataset=False
    )
    if typed is not None:  # the usual case: one validation for the whole run
        return typed, [], {}
    problems: list[Problem] = []
    invalid: dict[str, str] = {}
    frames = []
    for article in sorted(rows):  # find which articles' output is at fault, with their rows
        frame = _frame(rows[article])
        if frame.empty:
            continue
        table = Table(frame, f"{name} on {article}", [])
        typed, found = validate_mentions(table, gold.articles, gold=False, dataset=False)
        if typed is None:
            problems += found
            invalid[article] = f"{found[0].reason} (row {found[0].row}, {found[0].column})"
        else:
            frames.append(typed)
    if not frames:
        return _frame([]), problems, invalid
    return pd.concat(frames, ignore_index=True), problems, invalid


def _gx_failures(
    name: str, rows: dict[str, list[dict[str, object]]], gold: GoldSet
) -> list[Failure]:
    """The GX suite's verdict on the whole output, one failure per article it names."""
    from figdate import expectations, gx_engine

    whole = _frame([row for article in sorted(rows) for row in rows[article]])
    if whole.empty:
        return []
    table = Table(whole, f"{name} output", [])
    view = expectations.joined(whole, "predictions", gold.articles)
    out: dict[str, Failure] = {}
    for finding in gx_engine.findings(expectations.build("predictions"), view, table):
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
