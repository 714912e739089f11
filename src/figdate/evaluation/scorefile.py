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
    memory: int | None = None,
) -> Score:
    """Validate a predictions file (CSV, JSONL or Parquet, or a folder of Parquet files) and
    score it against ``gold``; InputError with every problem if the file does not fit the
    contract. With ``memory``, a file that would take more bytes is scored in parts
    (``scoreparts``): the same numbers, without the outcome table (``figdate score``;
    the HTML report and ``compare --html`` show each mention, and read the file whole)."""
    from figdate.evaluation import scoreparts

    info = run_info(gold, name or path.stem, version)
    if memory is not None and scoreparts.too_big(path, memory):
        return scoreparts.score_in_parts(
            path, gold.mentions, gold.articles, memory=memory, resamples=resamples, seed=seed,
            run=info, kinds=gold.kinds,
        )  # fmt: skip
    frame = read_predictions(path, gold.articles)
    return score(gold.mentions, frame, gold.articles, resamples=resamples, seed=seed, run=info,
                 kinds=gold.kinds)  # fmt: skip
