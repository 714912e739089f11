"""``rules``: figdate's default extractor. Pure Python, deterministic, no downloads.

One pass over the text with one pattern that tries, at each word, a date (``dates``), a
URL or a clock time (which hide the numbers in them), and a number (``numbers``, kept as
a figure by ``figures``). Dates come first, so "5 March" is a date and not the figure 5;
a year that turns out not to be a date ("2000 people") is read again as a number.
Relative dates are resolved by ``calendar``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from figdate.core.model import Article
from figdate.core.numerals import TENS, UNITS, VAGUE
from figdate.extractors.rules import dates, figures
from figdate.extractors.rules.numbers import NUMBER, NUMBERS
from figdate.extractors.rules.trie import trie

__all__ = ["RulesExtractor"]

# Every word a match can begin with, as a prefix tree: most words fail it at once.
_CASELESS_STARTS = {
    *["early", "late", "mid", "last", "next", "recent", "today", "yesterday", "tomorrow"],
    *UNITS,
    *TENS,
    *VAGUE,
    "tens",
    "half",
    "http",
    "https",
    "www",
}
# Frequent words that start an expression only before certain words: checked in full.
_GUARDED = (
    r"the\s+(?:beginning|start|end|middle|first|second|last|previous|coming|current"
    r"|following|next|same|preceding|past|day|\d)"
    r"|an?\s+(?:dozen|hundred|thousand|million|billion|year|month|week|day|few)"
    r"|th(?:is|at)\s+(?:year|month|week|day|same|[A-Z])"
)
_CASED_STARTS = {
    *["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    *["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
STARTS = rf"\d|(?i:{trie(_CASELESS_STARTS)}\b|{_GUARDED})|{trie(_CASED_STARTS)}"

# Where a match can start: after a separator and before one of STARTS. A pattern that
# begins with a character class lets ``re`` skip everything else in C, the costly part.
SEPARATORS = "\\s([{\"'\u201c\u2018\u2014\u2013$\u20ac\u00a3"
CANDIDATES = re.compile(rf"[{SEPARATORS}](?={STARTS})")

PATTERN = re.compile(
    rf"""\b(?={STARTS})(?:
      {dates.DATES}
    | (?P<url>{figures.URL})
    | (?P<clock>{figures.CLOCK})
    | (?P<number>{NUMBERS})
    )""",
    re.VERBOSE,
)


_NUMBER_ONLY = re.compile(rf"(?P<number>{NUMBERS})", re.VERBOSE)


class RulesExtractor:
    name = "rules"
    version = "0.3.3"

    def extract(self, article: Article) -> Iterator[dict[str, Any]]:
        text, published = article.text, article.published
        anchor = published.isoformat() if published else None  # for "the following day"
        for match in _matches(text):
            kind = match.lastgroup  # the outermost named group: which alternative matched
            if kind in dates.RESOLVERS:
                found = dates.resolve(match, text, published, anchor, kind)
                if found is None:  # not a date after all: perhaps a number
                    number = NUMBER.match(text, match.start())
                    row = figures.figure(number, text) if number else None
                    if row is not None:
                        yield row
                    continue
                for date in found:
                    yield {
                        "kind": "date",
                        "start": date.start,
                        "end": date.end,
                        "text": text[date.start : date.end],
                        "value": date.value,
                    }
                    anchor = date.value or anchor
            elif kind == "number":
                row = figures.figure(match, text)
                if row is not None:
                    yield row


# A word starting with a digit is a date or a clock time only in these shapes; any other
# is tried as a number alone, which spares the dozen date alternatives that start with one.
_DIGIT_DATE_OR_TIME = re.compile(
    r"(?:1[89]|20)\d\d\b"  # a year
    r"|\d{1,4}[-/.:]\d"  # 2023-11-02, 25/12/2022, 05.02.2019, 1:11
    r"|\d{1,2}(?:st|nd|rd|th)?\s*(?:[\u2013\u2014-]|to|and|of)?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"  # 12 January, 8 and 10 October
    r"|\d+[\s-]+(?i:years?|months?|weeks?|days?)[\s-]+(?i:ago|later|earlier)"
    r"|\d{1,2}\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)|\d{3,4}\s*(?:GMT|UTC|hrs|hours\ local)\b"
)


def _match_at(text: str, position: int) -> re.Match[str] | None:
    if text[position].isdigit() and not _DIGIT_DATE_OR_TIME.match(text, position):
        return _NUMBER_ONLY.match(text, position)
    return PATTERN.match(text, position)


def _matches(text: str) -> Iterator[re.Match[str]]:
    """PATTERN's matches, tried only at candidate word starts: those of
    ``PATTERN.finditer(text)`` except words glued to a hyphen or slash ("F-16",
    "COVID-19", "24/7"), which are parts of names and codes, never figures or dates."""
    end = 0
    first = _match_at(text, 0) if text else None
    if first is not None:
        yield first
        end = first.end()
    for candidate in CANDIDATES.finditer(text, max(end - 1, 0)):
        position = candidate.end()
        if position < end:
            continue
        match = _match_at(text, position)
        if match is not None:
            yield match
            end = match.end()
