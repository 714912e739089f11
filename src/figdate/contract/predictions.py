"""Reading a predictions file: validated against the prediction schema, or refused."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from figdate.contract.pandera_backend import validate_mentions
from figdate.core.columnar import read_cells
from figdate.core.model import Article
from figdate.core.problems import InputError


def read_predictions(path: Path, articles: Mapping[str, Article]) -> pd.DataFrame:
    """A schema-valid prediction table (CSV, JSONL or Parquet); InputError with every
    problem otherwise. Read through polars where it gives the row reader's cells."""
    frame, problems = validate_mentions(read_cells(path, known_format=True), articles, gold=False)
    if frame is None:
        raise InputError(problems)
    return frame
