"""Deprecated alias of ``figdate.contract.gx_suites``.

``figdate.expectations`` goes in the next minor version: import from ``figdate.contract.gx_suites``.
"""

from __future__ import annotations

import warnings

from figdate.contract.gx_suites import DERIVED, TABLES, build, joined, render, stale, write

warnings.warn(
    "figdate.expectations is deprecated: import from figdate.contract.gx_suites (see docs/api.md)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = ["DERIVED", "TABLES", "build", "joined", "render", "stale", "write"]
