"""``figdate.evaluate``, ``figdate.score`` and ``figdate.load_gold``."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from figdate.api.result import Result
from figdate.contract.pandera_backend import validate_mentions
from figdate.contract.predictions import read_predictions
from figdate.core.model import PREDICTION_COLUMNS
from figdate.core.problems import InputError, Problem
from figdate.core.tables import Table
from figdate.evaluation.evaluate import evaluate as run_and_score
from figdate.evaluation.scorefile import run_info
from figdate.extractors.registry import source_of
from figdate.goldset.store import GoldSet, load
from figdate.scoring import score as score_frames
from figdate.scoring.score import DEFAULT_RESAMPLES, DEFAULT_SEED

Predictions = pd.DataFrame | Iterable[Mapping[str, Any]] | str | PathLike[str]


def load_gold(path: str | PathLike[str] | None = None) -> GoldSet:
    """A validated gold set: ``path``, else ``$FIGDATE_GOLD``, else ``./gold``, else the
    one packaged with figdate (``figdate gold path`` says which); InputError if invalid."""
    return load(Path(path) if path is not None else None)


def _gold(gold: GoldSet | str | PathLike[str] | None) -> GoldSet:
    return gold if isinstance(gold, GoldSet) else load_gold(gold)


def evaluate(
    extractor: object = None,
    gold: GoldSet | str | PathLike[str] | None = None,
    *,
    timeout: float | None = 60.0,
    jobs: int = 1,
    cache: str | PathLike[str] | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    progress: bool = False,
    start_method: str | None = None,
) -> Result:
    """Run ``extractor`` over the gold articles and score it. ``extractor`` is a spec
    string (``"rules"``, ``"pkg.mod:attr"``, ``"cmd:..."``, ``"file:..."``), a function of
    an ``Article``, a class or an object with ``extract``. Articles it fails on are in
    ``failures`` and count as found nothing. ``cache``: a folder to reuse outputs from.
    ``start_method``: ``fork``, ``spawn``, ``forkserver`` or ``inline`` (see ``--start-method``
    in ``docs/extractors.md``); a lambda cannot go to a spawned worker."""
    loaded = _gold(gold)
    done = run_and_score(
        source_of(extractor),
        loaded,
        timeout=timeout,
        jobs=jobs,
        cache=Path(cache) if cache is not None else None,
        progress=progress,
        resamples=resamples,
        seed=seed,
        start_method=start_method,
    )
    return Result(done.score, tuple(done.failures), tuple(done.problems), done.run.seconds)


def score(
    predictions: Predictions,
    gold: GoldSet | str | PathLike[str] | None = None,
    *args: Any,
    name: str | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
    **kwargs: Any,
) -> Result:
    """Score predictions made elsewhere: a DataFrame, a list of dicts (one per mention) or a
    path (CSV, JSONL or Parquet). They are validated against the prediction contract
    first; InputError lists every problem (row, column, why)."""
    if isinstance(gold, pd.DataFrame):  # figdate 0.1: score(gold_mentions, predictions, ...)
        warnings.warn(
            "figdate.score(gold, predictions, articles) is figdate.scoring.score now; "
            "figdate.score takes predictions and a gold set, and answers a Result whose "
            ".score is what this call used to return",
            DeprecationWarning,
            stacklevel=2,
        )
        old = score_frames(predictions, gold, *args, resamples=resamples, seed=seed, **kwargs)
        return Result(old)
    loaded = _gold(gold)
    frame, label = _predictions(predictions, loaded)
    info = run_info(loaded, name or label)
    scored = score_frames(
        loaded.mentions, frame, loaded.articles, resamples=resamples, seed=seed, run=info,
        kinds=loaded.kinds,
    )  # fmt: skip
    return Result(scored)


def _predictions(predictions: Predictions, gold: GoldSet) -> tuple[pd.DataFrame, str]:
    """Schema-valid predictions and a name for them; InputError with the problems."""
    if isinstance(predictions, str | PathLike):
        path = Path(predictions)
        return read_predictions(path, gold.articles), path.stem
    if isinstance(predictions, pd.DataFrame):
        frame, label = predictions.copy(), "predictions"
    elif isinstance(predictions, Iterable) and not isinstance(predictions, bytes | Mapping):
        rows = list(predictions)
        bad = [i for i, row in enumerate(rows, 1) if not isinstance(row, Mapping)]
        if bad:
            reason = f"is not a mapping (one dict per mention), e.g. {rows[bad[0] - 1]!r}"
            raise InputError([Problem("predictions", row=bad[0], reason=reason)])
        frame, label = pd.DataFrame(rows), "list"
    else:
        reason = (
            f"a {type(predictions).__name__} is not predictions: give a DataFrame, a list "
            "of dicts or a path"
        )
        raise InputError([Problem("predictions", reason=reason)])
    if frame.empty:  # an extractor that found nothing is scored, not refused
        frame = pd.DataFrame(columns=list(dict.fromkeys([*frame.columns, *PREDICTION_COLUMNS])))
    typed, problems = validate_mentions(
        Table(frame, label, []), gold.articles, gold=False, dataset=not frame.empty
    )
    if typed is None:
        raise InputError(problems)
    return typed, label
