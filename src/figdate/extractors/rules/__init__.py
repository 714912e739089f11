"""``rules``: figdate's default extractor. Pure Python, deterministic, no downloads.

One pass over the text with one pattern that tries, at each word, a date (``dates``), a
URL, a clock time or a telephone number (which hide the numbers in them), and a number
(``numbers``, kept as a figure by ``figures``, or as two in a range: "5-7"). Dates come
first, so "5 March" is a date and not the figure 5; a year that turns out not to be a date
("2000 people") is read again as a number. Relative dates are resolved by ``calendar``.
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

# Candidates are found in the text lowercased (``str.lower`` runs in C), where every start
# word is a plain literal: ``re`` skips an alternative that begins with a literal after one
# comparison, but enters every case-insensitive one, which made this scan half the cost.
_NUMBER_WORDS = {*UNITS, *TENS, *VAGUE, "tens", "half"}
_CASELESS_STARTS = {
    *["early", "late", "mid", "last", "next", "recent", "today", "yesterday", "tomorrow"],
    *["http", "https", "www"],
}
# Month and weekday names: a match only when capitalised in the text, checked there.
_NAMES = {
    *["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
    *["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
}
# Frequent words that start an expression only before certain words: checked in full.
_THE_BEFORE = [
    *["beginning", "start", "end", "middle", "first", "second", "last", "previous"],
    *["coming", "current", "following", "next", "same", "preceding", "past", "day"],
]
_A_BEFORE = [
    *["dozen", "hundred", "thousand", "million", "billion", "year", "month", "week", "day"],
    *["few", "third", "quarter"],
]
_THIS_BEFORE = ["year", "month", "week", "day", "same", "fiscal", *_NAMES]
# What a match can start with. The named group says which kind of word it is, so that a
# number (most matches) is not first tried against the dozens of date alternatives; the
# class of first characters in front rejects most words after one test.
_FIRSTS = "".join(sorted({w[0] for w in (*_NUMBER_WORDS, *_CASELESS_STARTS, *_NAMES, "the", "a")}))
STARTS = (
    rf"(?=[\d{_FIRSTS}])(?:(?P<digit>\d)"
    rf"|(?P<word>{trie(_NUMBER_WORDS)}\b|an?\s+{trie(_A_BEFORE)})"
    rf"|{trie(_CASELESS_STARTS)}\b|the\s+(?:{trie(_THE_BEFORE)}|\d)"
    rf"|th(?:is|at)\s+{trie(_THIS_BEFORE)}|(?P<name>{trie(_NAMES)}))"
)

# Where a match can start: after a separator and before one of STARTS. A pattern that
# begins with a character class lets ``re`` skip everything else in C, the costly part.
SEPARATORS = "\\s([{\"'\u201c\u2018\u2014\u2013$\u20ac\u00a3"
CANDIDATES = re.compile(rf"[{SEPARATORS}](?={STARTS})")
_START = re.compile(rf"(?={STARTS})")  # the same test at the text's first character
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

PATTERN = re.compile(
    rf"""\b(?:
      {dates.DATES}
    | (?P<url>{figures.URL})
    | (?P<clock>{figures.CLOCK})
    | (?P<phone>{figures.PHONE})
    | (?P<number>{NUMBERS})
    )""",
    re.VERBOSE,
)


_NUMBER_ONLY = re.compile(rf"(?P<number>{NUMBERS})", re.VERBOSE)


class RulesExtractor:
    name = "rules"
    version = "0.3.8"

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
                elif text.startswith("-", match.end()):
                    yield from figures.hyphen_range(match, text)


# A word starting with a digit is a date or a clock time only in these shapes; any other
# is tried as a number alone, which spares the dozen date alternatives that start with one.
_DIGIT_DATE_OR_TIME = re.compile(
    r"(?:1[89]|20)\d\d\b"  # a year
    r"|\d{1,4}[-/.:]\d"  # 2023-11-02, 25/12/2022, 05.02.2019, 1:11
    r"|\d{1,2}(?:st|nd|rd|th)?\s*(?:[\u2013\u2014-]|to|and|of)?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?:of\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"  # 12 January, 8 and 10 October
    r"|\d+[\s-]+(?i:years?|months?|weeks?|days?)[\s-]+(?i:ago|later|earlier)"
    r"|\d{1,2}\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)|\d{3,4}\s*(?:GMT|UTC|hrs|hours\ local)\b"
    r"|0\d"  # a telephone number, or an identifier
)


# A number word begins a date only as a count of days, weeks, months or years before
# "ago", "later" or "earlier" (dates.DATES's ``ago`` and ``ana``); others are numbers.
_WORD_DATE = re.compile(
    rf"{dates.COUNT}[\s-]+(?i:years?|months?|weeks?|days?)[\s-]+(?i:ago|later|earlier)"
)


def _match_at(text: str, position: int, start: str | None) -> re.Match[str] | None:
    """PATTERN's match at a candidate ``position``; ``start`` is the kind of word there."""
    if start == "digit":
        if not _DIGIT_DATE_OR_TIME.match(text, position):
            return _NUMBER_ONLY.match(text, position)
    elif start == "word":
        if not _WORD_DATE.match(text, position):
            return _NUMBER_ONLY.match(text, position)
    elif start == "name" and not text[position].isupper():  # "may", "march": verbs
        return None
    return PATTERN.match(text, position)


def _matches(text: str) -> Iterator[re.Match[str]]:
    """PATTERN's matches, tried only at candidate word starts: those of
    ``PATTERN.finditer(text)`` except words glued to a hyphen or slash ("F-16",
    "COVID-19", "24/7"), which are parts of names and codes, never figures or dates."""
    folded = text.lower()
    if len(folded) != len(text):  # a letter that lowercases to two ("İ"): keep offsets
        folded = text.translate(_ASCII_LOWER)
    end = 0
    start = _START.match(folded)
    first = _match_at(text, 0, start.lastgroup) if start else None
    if first is not None:
        yield first
        end = first.end()
    for candidate in CANDIDATES.finditer(folded, max(end - 1, 0)):
        position = candidate.end()
        if position < end:
            continue
        match = _match_at(text, position, candidate.lastgroup)
        if match is not None:
            yield match
            end = match.end()
