"""Reading a predictions file: validated against the prediction schema, or refused."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from figdate import __version__
from figdate.gold import GoldSet
from figdate.model import Article
from figdate.problems import InputError, Problem
from figdate.tables import display_path, read_table
from figdate.validation import validate_mentions


def read_predictions(path: Path, articles: Mapping[str, Article]) -> pd.DataFrame:
    """A schema-valid prediction table; InputError with every problem otherwise."""
    if path.suffix.lower() not in {".csv", ".jsonl", ".ndjson", ".json"}:
        raise InputError([Problem(display_path(path), reason="unknown format: use .csv or .jsonl")])
    frame, problems = validate_mentions(read_table(path), articles, gold=False)
    if frame is None:
        raise InputError(problems)
    return frame


def score_meta(gold: GoldSet, name: str, version: str | None = None) -> dict[str, Any]:
    """What a report records about the run, for reproducibility."""
    return {
        "extractor": name,
        "extractor_version": version,
        "gold_version": gold.version,
        "gold_checksum": gold.checksum,
        "figdate_version": __version__,
    }
