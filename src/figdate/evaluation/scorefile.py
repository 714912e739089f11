"""Scoring predictions made elsewhere: one path for ``figdate score``, ``compare`` and
``report --predictions``, and the run record every score carries."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from figdate.contract.predictions import read_predictions
from figdate.core import __version__
from figdate.core.problems import Failure
from figdate.goldset.store import GoldSet
from figdate.scoring import RunInfo, Score, score
from figdate.scoring.score import DEFAULT_RESAMPLES, DEFAULT_SEED


def run_info(
    gold: GoldSet,
    name: str,
    version: str | None = None,
    failures: Sequence[Failure] = (),
) -> RunInfo:
    """What a report records about the run, for reproducibility."""
    return RunInfo(
        extractor=name,
        extractor_version=version,
        gold_version=gold.version,
        gold_checksum=gold.checksum,
        figdate_version=__version__,
        failures=tuple(failures),
    )


def score_file(
    path: Path,
    gold: GoldSet,
    *,
    name: str | None = None,
    version: str | None = None,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> Score:
    """Validate a predictions file (CSV, JSONL or Parquet) and score it against ``gold``;
    InputError with every problem if the file does not fit the contract."""
    frame = read_predictions(path, gold.articles)
    info = run_info(gold, name or path.stem, version)
    return score(gold.mentions, frame, gold.articles, resamples=resamples, seed=seed, run=info)
