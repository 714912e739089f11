"""Deprecated alias of ``figdate.core.tables``.

``figdate.tables`` goes in the next minor version: import from ``figdate.core.tables``.
"""

from __future__ import annotations

import warnings

from figdate.core.tables import Table, display_path, read_table, read_text, write_atomic

warnings.warn(
    "figdate.tables is deprecated: import from figdate.core.tables (see docs/api.md)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = ["Table", "display_path", "read_table", "read_text", "write_atomic"]
