"""quantulum3 as a figdate extractor, so users see how the usual library does.

Every quantity quantulum3 finds becomes a figure, with its unit where it has one, except
years and the day numbers of dates, which it reports as plain numbers. Spans are
quantulum3's own (they include the unit). Needs ``pip install 'figdate[quantulum3]'``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

from figdate.core.model import Article

MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_BEFORE_DAY = re.compile(rf"\b{MONTH}\s*$", re.IGNORECASE)
_AFTER_DAY = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d\b(?![,.]\d)")


class Quantulum3Extractor:
    name = "quantulum3"

    def __init__(self) -> None:
        import quantulum3

        self.version = str(getattr(quantulum3, "__version__", "unknown"))

    def extract(self, article: Article) -> Iterator[dict[str, Any]]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "classifier dependencies not installed"
            from quantulum3 import parser

            quantities = parser.parse(article.text)
        text = article.text
        for quantity in quantities:
            start, end = quantity.span
            surface = text[start:end]
            if _is_date_part(text, start, end, surface) or quantity.value < 0:
                continue
            unit = quantity.unit.name
            yield {
                "kind": "figure",
                "start": start,
                "end": end,
                "text": surface,
                "value": float(quantity.value),
                "unit": None if unit == "dimensionless" else unit,
            }


def _is_date_part(text: str, start: int, end: int, surface: str) -> bool:
    """A year ("2017", "2020 at"), or a day beside a month name ("12 January", "Sept. 17")."""
    if _YEAR.match(surface.strip()):
        return True
    if surface.strip().isdigit() and int(surface) <= 31:
        return bool(_BEFORE_DAY.search(text[max(0, start - 12) : start])) or bool(
            _AFTER_DAY.match(text[end : end + 14])
        )
    return False
