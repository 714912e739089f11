"""``rules``: figdate's default extractor. Pure Python, deterministic, no downloads.

Dates are found first (``dates``), then figures outside them (``figures``); numbers in
words and digits are read by ``numbers``, relative dates resolved by ``calendar``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from figdate.extractors.rules.dates import find_dates
from figdate.extractors.rules.figures import find_figures
from figdate.model import Article

__all__ = ["RulesExtractor"]


class RulesExtractor:
    name = "rules"
    version = "0.1.0"

    def extract(self, article: Article) -> Iterator[dict[str, Any]]:
        dates = find_dates(article.text, article.published)
        yield from dates
        spans = [(int(d["start"]), int(d["end"])) for d in dates]  # type: ignore[call-overload]
        yield from find_figures(article.text, spans)
