"""figdate: a benchmark and test suite for extractors of figures and dates in news articles.

The public API is ``__all__``; each name loads on first use, because the pytest plugin
imports this package in every pytest session where figdate is installed and should not pay
for pandas when it is off. The subsystems are packages of their own (``figdate.core``,
``contract``, ``goldset``, ``scoring``, ``extractors``, ``evaluation``, ``reporting``,
``cli``, ``pytest_plugin``, ``api``); ``docs/`` describes each. ``evaluate``, ``score``
and ``load_gold`` are the Python API (``figdate.api``, ``docs/api.md``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from figdate.core import __version__

__all__ = [
    "Article",
    "Finding",
    "GoldSet",
    "InputError",
    "Kind",
    "Mention",
    "Outcome",
    "Problem",
    "Result",
    "RunInfo",
    "Score",
    "__version__",
    "evaluate",
    "load_gold",
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
    "GoldSet": "figdate.goldset.store",
    "Result": "figdate.api.result",
    "evaluate": "figdate.api.calls",
    "load_gold": "figdate.api.calls",
    "score": "figdate.api.calls",
}

if TYPE_CHECKING:
    from figdate.api.calls import evaluate, load_gold, score
    from figdate.api.result import Result
    from figdate.core.model import Article, Mention
    from figdate.core.problems import Finding, InputError, Problem
    from figdate.core.vocabulary import Kind, Outcome
    from figdate.goldset.store import GoldSet
    from figdate.scoring.score import RunInfo, Score


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'figdate' has no attribute {name!r}")
