"""Scoring: match predictions to gold mentions and count, apart from any I/O.

The schemes (TempEval-3's and nervaluate's names, extended with values) are defined once in
``figdate.core.vocabulary.SCHEME_TABLE``; ``docs/scoring.md`` is the metric card. Outside
this package, read a ``Score``: its summary, per-article rows and outcome table. The
matching machinery (``prepare``, ``matching``) is internal.
"""

from __future__ import annotations

from figdate.core.vocabulary import SCHEMES, SPAN_SCHEMES
from figdate.scoring.metrics import KINDS, paired_bootstrap
from figdate.scoring.score import RunInfo, Score, score

__all__ = ["KINDS", "SCHEMES", "SPAN_SCHEMES", "RunInfo", "Score", "paired_bootstrap", "score"]
