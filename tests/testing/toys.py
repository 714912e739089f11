"""Deliberately broken extractors, each wrong in one way a metamorphic check names: it
ignores multipliers, resolves relative dates against a fixed "today", drops the first
mention after text is inserted before the passage, or reads the numbers in codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from figdate.core.model import Article
from figdate.extractors.rules import RulesExtractor
from figdate.testing.metamorphic import INSERTED

RULES = RulesExtractor()
TODAY = dt.date(2026, 12, 3)


def no_multipliers(article: Article) -> list[dict[str, Any]]:
    """rules, but "2 million" is read as 2 (the digits alone)."""
    out = []
    for row in RULES.extract(article):
        head = re.match(r"[\d.,]+", str(row["text"])) if row["kind"] == "figure" else None
        if head and head.group() != row["text"]:
            digits = head.group()
            row = {**row, "value": float(digits.replace(",", "")), "text": digits,
                   "end": row["start"] + len(digits)}  # fmt: skip
        out.append(row)
    return out


def against_today(article: Article) -> list[dict[str, Any]]:
    """rules, but relative dates count from a fixed today, not the publication day."""
    return list(RULES.extract(dataclasses.replace(article, published=TODAY)))


def drops_after_insert(article: Article) -> list[dict[str, Any]]:
    """rules, but the first mention is lost when the text starts with inserted words."""
    rows = list(RULES.extract(article))
    return rows[1:] if article.text.startswith(INSERTED) else rows


_CODE = re.compile(r"(?<=[A-Z]-)\d+")


def reads_codes(article: Article) -> list[dict[str, Any]]:
    """rules, but the number in a code ("F-16", "COVID-19") is a figure."""
    rows = list(RULES.extract(article))
    for code in _CODE.finditer(article.text):
        rows.append({"kind": "figure", "start": code.start(), "end": code.end(),
                     "text": code.group(), "value": int(code.group()), "qualifier": "exact",
                     "unit": None})  # fmt: skip
    return rows
