"""Deprecated alias of ``figdate.contract``.

``figdate.schemas`` goes in the next minor version: import from ``figdate.contract``.
"""

from __future__ import annotations

import warnings

from figdate.contract.models import ArticleModel, GoldMentionModel, PredictionModel, parse_bool
from figdate.contract.rules import OPTIONAL_SHARE_MAX, RowRule, TableRule, row_rules, table_rules
from figdate.contract.schema import article_schema, mention_schema
from figdate.core.vocabulary import BOOL_WORDS, SLUG

warnings.warn(
    "figdate.schemas is deprecated: import from figdate.contract (see docs/api.md)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = [
    "BOOL_WORDS",
    "OPTIONAL_SHARE_MAX",
    "SLUG",
    "ArticleModel",
    "GoldMentionModel",
    "PredictionModel",
    "RowRule",
    "TableRule",
    "article_schema",
    "mention_schema",
    "parse_bool",
    "row_rules",
    "table_rules",
]
