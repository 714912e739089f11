"""Scoring: match predictions to gold mentions and count, apart from any I/O.

Schemes (TempEval-3 and nervaluate names, extended with values):

- ``strict``: same kind, identical offsets, equal value;
- ``exact``: same kind, identical offsets, value ignored;
- ``relaxed``: same kind, overlapping spans, value ignored;
- ``value``: same kind, overlapping spans, equal value (the headline);
- ``bag``: per article and kind, the multiset of values, spans ignored.
"""

from __future__ import annotations

from figdate.scoring.matching import SCHEMES, SPAN_SCHEMES
from figdate.scoring.metrics import KINDS, paired_bootstrap
from figdate.scoring.score import Score, score

__all__ = ["KINDS", "SCHEMES", "SPAN_SCHEMES", "Score", "paired_bootstrap", "score"]
