"""figdate: a benchmark and test suite for extractors of figures and dates in news articles.

The public API is ``__all__``; each name loads on first use, because the pytest plugin
imports this package in every pytest session where figdate is installed and should not pay
for pandas when it is off. The subsystems are packages of their own (``figdate.core``,
``contract``, ``goldset``, ``scoring``, ``extractors``, ``evaluation``, ``reporting``,
``cli``, ``pytest_plugin``); ``docs/`` describes each.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from figdate.core import __version__

__all__ = [
    "Article",
    "Finding",
    "InputError",
    "Kind",
    "Mention",
    "Outcome",
    "Problem",
    "RunInfo",
    "Score",
    "__version__",
    "score",
]

_LAZY = {
    "Article": "figdate.core.model",
    "Mention": "figdate.core.model",
    "Finding": "figdate.core.problems",
    "InputError": "figdate.core.problems",
    "Problem": "figdate.core.problems",
    "Kind": "figdate.core.vocabulary",
    "Outcome": "figdate.core.vocabulary",
    "RunInfo": "figdate.scoring.score",
    "Score": "figdate.scoring.score",
    "score": "figdate.scoring.score",
}

if TYPE_CHECKING:
    from figdate.core.model import Article, Mention
    from figdate.core.problems import Finding, InputError, Problem
    from figdate.core.vocabulary import Kind, Outcome
    from figdate.scoring.score import RunInfo, Score, score


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'figdate' has no attribute {name!r}")
