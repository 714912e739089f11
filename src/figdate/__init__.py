"""figdate: a benchmark and test suite for extractors of figures and dates in news articles.

The names below load on first use: the pytest plugin imports this package in every pytest
session where figdate is installed, and should not pay for pandas when it is off.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Article", "InputError", "Mention", "Problem", "__version__"]

_LAZY = {
    "Article": "figdate.model",
    "Mention": "figdate.model",
    "InputError": "figdate.problems",
    "Problem": "figdate.problems",
}

if TYPE_CHECKING:
    from figdate.model import Article, Mention
    from figdate.problems import InputError, Problem


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'figdate' has no attribute {name!r}")
