"""Deprecated alias of ``figdate.goldset``.

``figdate.gold`` goes in the next minor version: import from ``figdate.goldset``.
"""

from __future__ import annotations

import warnings

from figdate.goldset.audit import check, inspect
from figdate.goldset.card import card_text, render_counts, stats, write_card
from figdate.goldset.layout import (
    ARTICLES,
    CARD,
    COUNTS_END,
    COUNTS_START,
    MANIFEST,
    MENTIONS,
    TEXTS,
)
from figdate.goldset.location import locate
from figdate.goldset.manifest import (
    checksum,
    data_files,
    file_hashes,
    read_manifest,
    write_manifest,
)
from figdate.goldset.store import GoldSet, load, load_articles

warnings.warn(
    "figdate.gold is deprecated: import from figdate.goldset (see docs/api.md)",
    DeprecationWarning,
    stacklevel=2,
)

__all__ = [
    "ARTICLES",
    "CARD",
    "COUNTS_END",
    "COUNTS_START",
    "MANIFEST",
    "MENTIONS",
    "TEXTS",
    "GoldSet",
    "card_text",
    "check",
    "checksum",
    "data_files",
    "file_hashes",
    "inspect",
    "load",
    "load_articles",
    "locate",
    "read_manifest",
    "render_counts",
    "stats",
    "write_card",
    "write_manifest",
]
