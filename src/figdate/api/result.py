"""``Result``: what ``figdate.evaluate`` and ``figdate.score`` answer, with its views."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from figdate.core.problems import Failure, Problem, unknown
from figdate.core.vocabulary import SCHEMES
from figdate.scoring import Score


@dataclass(frozen=True)
class Result:
    """A scored run. ``score`` holds every number and table (``figdate.Score``);
    ``failures`` the articles the extractor failed on (scored as if it found nothing);
    ``problems`` the schema reports of its failed output; ``seconds`` the time spent
    extracting (0 when predictions were given)."""

    score: Score
    failures: tuple[Failure, ...] = ()
    problems: tuple[Problem, ...] = ()
    seconds: float = 0.0

    def get(self, kind: str, scheme: str, metric: str) -> float:
        """One number, e.g. ``result.get("figure", "value", "f1")``."""
        return self.score.get(kind, scheme, metric)

    def to_frame(self) -> pd.DataFrame:
        """One row per kind and scheme: counts, P/R/F1, their 95% intervals, macro P/R/F1."""
        return self.score.labelled(self.score.summary).copy()

    def to_dict(self) -> dict[str, Any]:
        """The saved-run document (``figdate.score/1``), as ``figdate eval --json`` writes it."""
        from figdate.reporting.saved import to_json

        loaded: dict[str, Any] = json.loads(to_json(self.score))
        return loaded

    def table(self, schemes: Sequence[str] = SCHEMES, *, errors: int = 0) -> str:
        """The terminal table ``figdate eval`` prints, every scheme by default (with
        ``errors`` worst errors); ValueError for a scheme figdate does not have."""
        from figdate.reporting.text import terminal

        if isinstance(schemes, str):
            schemes = (schemes,)
        if extra := [s for s in schemes if s not in SCHEMES]:
            raise ValueError(unknown(extra[0], SCHEMES, "a scheme"))

        return terminal(self.score, schemes, errors=errors)

    def __str__(self) -> str:
        return self.table()
