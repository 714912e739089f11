"""Deprecated alias of ``figdate.contract.pandera_backend``.

``figdate.validation`` goes in the next minor version: import from
``figdate.contract.pandera_backend``.
"""

from __future__ import annotations

import warnings

from figdate.contract.pandera_backend import findings, validate_articles, validate_mentions

warnings.warn(
    "figdate.validation is deprecated: import from figdate.contract.pandera_backend "
    "(see docs/api.md)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = ["findings", "validate_articles", "validate_mentions"]
