"""Deprecated alias of ``figdate.core.values``.

``figdate.values`` goes in the next minor version: import from ``figdate.core.values``.
"""

from __future__ import annotations

import warnings

from figdate.core.values import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    DAY_PATTERN,
    FIGURE_PATTERN,
    format_figure,
    is_empty,
    parse_date,
    parse_figure,
)

warnings.warn(
    "figdate.values is deprecated: import from figdate.core.values (see docs/api.md)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = [
    "DATETIME_PATTERN",
    "DATE_PATTERN",
    "DAY_PATTERN",
    "FIGURE_PATTERN",
    "format_figure",
    "is_empty",
    "parse_date",
    "parse_figure",
]
