"""figdate: a benchmark and test suite for extractors of figures and dates in news articles."""

from __future__ import annotations

from figdate.model import Article, Mention
from figdate.problems import InputError, Problem

__version__ = "0.1.0"
__all__ = ["Article", "InputError", "Mention", "Problem", "__version__"]
