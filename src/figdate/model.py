"""Deprecated alias of ``figdate.core.model``.

``figdate.model`` goes in the next minor version: import from ``figdate.core.model``.
"""

from __future__ import annotations

import warnings

from figdate.core.model import (
    ARTICLE_COLUMNS,
    MENTION_COLUMNS,
    PREDICTION_COLUMNS,
    Article,
    Mention,
    articles_from_frame,
    articles_to_frame,
    mentions_from_frame,
    mentions_to_frame,
    records,
)
from figdate.core.vocabulary import KINDS, QUALIFIERS

warnings.warn(
    "figdate.model is deprecated: import from figdate.core.model (see docs/api.md)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = [
    "ARTICLE_COLUMNS",
    "KINDS",
    "MENTION_COLUMNS",
    "PREDICTION_COLUMNS",
    "QUALIFIERS",
    "Article",
    "Mention",
    "articles_from_frame",
    "articles_to_frame",
    "mentions_from_frame",
    "mentions_to_frame",
    "records",
]
