"""Figures: cardinal numbers with their qualifier and the noun they count.

Candidates come from ``numbers.NUMBER``; what is not a figure is filtered out by position
(inside a date, a clock time, a URL, an identifier) or by form (ordinals, "no one"). The
qualifier is read from the words just before the number, the unit from the words after.
"""

from __future__ import annotations

import math
import re

from figdate.core.vocabulary import QUALIFIER_WORDS
from figdate.extractors.rules.numbers import GROUP_SPACES, is_vague, ungrouped, value_of
from figdate.extractors.rules.trie import trie

MEASURES = (
    "square kilometers", "square kilometres", "square miles", "square metres",
    "square meters", "kilometers", "kilometres", "miles", "metres", "meters", "km", "kg",
    "tonnes", "tons", "hectares", "acres", "per cent", "percent", "%", "dollars", "euros",
)  # fmt: skip
IRREGULAR_PLURALS = {
    "people",
    "children",
    "women",
    "men",
    "police",
    "personnel",
    "staff",
    "cattle",
    "livestock",
    "youth",
    "troops",
}
STOP = {
    "and", "or", "were", "was", "have", "has", "had", "are", "is", "in", "on", "at", "to",
    "from", "by", "with", "who", "that", "which", "while", "since", "for", "as", "than",
    "including", "during", "after", "before", "per", "out", "the",
}  # fmt: skip
QUOTES = "\"'\u201c\u201d\u2018\u2019"
NOT_NOUNS = {"this", "was", "has", "is", "its", "us", "as", "his", "hers", "ours", "yes"}
# Clock times, URLs and telephone numbers: matched before numbers so that nothing inside
# them is a figure. A dot between hours and minutes makes a clock time only with a time
# word after it or "at" before it ("10.30 am", "at 10.30"): "4.75 tonnes" is a decimal.
CLOCK = (
    r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    r"|\d{1,2}\.\d{2}\s*(?i:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT\b|UTC\b)"
    r"|(?<=\b[Aa]t\s)\d{1,2}\.[0-5]\d(?!\d)"
    r"|\d{1,2}\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\d{3,4}\s*(?:GMT|UTC|hrs|hours\ local)\b"
)
URL = r"(?i:https?://|www\.)\S+"
# A leading 0 and more groups: "0800 641 722", "020 7946 0958", "0300-123-4567".
PHONE = rf"0\d{{1,4}}(?:[-.{GROUP_SPACES}]\d{{2,4}})+(?![\d.,]\d)"
# A number after a capitalised label noun names something ("Resolution 2254", "Highway 5").
LABELS = frozenset(
    [
        "Resolution",
        "Highway",
        "Route",
        "Road",
        "Street",
        "Article",
        "Chapter",
        "Section",
        "Paragraph",
        "Flight",
        "Gate",
        "Platform",
        "Sector",
        "Block",
        "Building",
        "Room",
        "Unit",
        "Brigade",
        "Division",
        "Battalion",
        "Regiment",
        "Protocol",
        "Decree",
        "Law",
        "Act",
        "No.",
        "Number",
        "Phase",
        "Level",
        "Category",
        "Grade",
        "Class",
        "Page",
        "Annex",
        "Item",
        "Camp",
        "Checkpoint",
        "Terminal",
        "Tower",
        "Ward",
    ]
)


def previous_words(text: str, start: int, count: int = 1, reach: int = 24) -> list[str]:
    """The ``count`` words just before ``start``, nearest last (a cheap look behind)."""
    return text[max(0, start - reach) : start].split()[-count:]


_NOT_A_COUNT_AFTER = re.compile(  # matched at the number's end: no ``^``
    r"(?:st|nd|rd|th)\b|'?s\b|[/:]\d|\.\d|-\d|[A-Za-z]\d", re.IGNORECASE
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[A-Za-z][-]?|[/#:]|\d[.,]|\$?\d\s?-|No\.\s?)$")
_PRONOUN_ONE = re.compile(
    r"(?:\bno\s+|\bthe\s+|\bthis\s+|\bthat\s+|\bwhich\s+|\beach\s+|\bevery\s+)$", re.IGNORECASE
)
_ONE_AFTER = re.compile(
    r"^\s+(?:another|day\b(?!s)|of\s+(?:its|his|her|their|our)\s+own)|^'s", re.IGNORECASE
)


def figure(match: re.Match[str], text: str) -> dict[str, object] | None:
    """The figure a match of ``numbers.NUMBERS`` stands for, or None if it counts nothing."""
    start, end = match.span()
    before = text[max(0, start - 40) : start].split()  # read once, used by both checks
    if not _counts(text, match, before):
        return None
    surface = match.group()
    number = _number(surface, "." in surface and _decimal_dot(surface, text, start, end))
    if number is None:
        return None
    return {
        "kind": "figure",
        "start": start,
        "end": end,
        "text": surface,
        "value": number,
        "qualifier": "min" if surface[0] > "9" and is_vague(surface) else qualifier_of(before),
        "unit": unit(text, end),
    }


MAX_ID_DIGITS = 12
"""A run of more digits than this, with no thousands separators, is an identifier (a
tracking code, an account or phone number), not a count."""
MAX_FIGURE = 10**30
"""Figures the contract can hold: at most 30 digits before the point."""


_ONE_DOT = re.compile(r"\d{1,3}\.\d{3}(?![\d.])")
_MONEY_AFTER = re.compile(
    r"\s*(?:%|(?:[A-Z][a-z]+\s+)?(?:cents|dollars|euros|pounds|yen|marks|francs)\b"
    r"|(?:percent|per\s+cent|points)\b)"
)


def _decimal_dot(surface: str, text: str, start: int, end: int) -> bool:
    """Whether the dot in "16.125" is a decimal point, not a thousands separator (2.4): in
    money ("$16.125", "1.125 cents"), a rate ("2.125%") or before a multiplier
    ("1.125 million"), where the digits are not a count."""
    head = _ONE_DOT.match(surface)
    if head is None:
        return False
    return (
        head.end() < len(surface)
        or (start > 0 and text[start - 1] in "$\u20ac\u00a3")
        or _MONEY_AFTER.match(text, end) is not None
    )


def _number(surface: str, decimal: bool = False) -> int | float | None:
    """The figure's value, exact for digits (no float rounding of long numbers), or None
    for an identifier or a number beyond what a figure can be. ``decimal``: a dot before
    three digits is a decimal point."""
    plain = surface.replace(",", "")
    digits = plain.isdigit()
    if not (digits or decimal) and "0" <= plain[0] <= "9":
        plain = ungrouped(surface)  # "12.400", "441 150", "1 500 million"
        digits = plain.isdigit()
    if digits:
        if (len(plain) > MAX_ID_DIGITS and plain == surface) or surface[0] == "0" != plain:
            return None  # an identifier: too long to be a count, or "0800", "007"
        number: int | float = int(plain)
    else:
        number = value_of(plain)
        if not math.isfinite(number):
            return None
        whole = round(number)
        if abs(number - whole) <= 1e-9 * max(1.0, abs(number)):  # "4.1 million": 4100000,
            number = whole  # not float arithmetic's 4099999.9999999995
    return number if number < MAX_FIGURE else None


def _counts(text: str, match: re.Match[str], before: list[str]) -> bool:
    """False for numbers that do not count: ordinals, identifiers, parts of codes and
    names ("Resolution 2254"), decades, and "one" used as a pronoun."""
    start, end = match.span()
    if _NOT_A_COUNT_AFTER.match(text, end, end + 12) or _NOT_A_COUNT_BEFORE.search(
        text, max(0, start - 6), start
    ):
        return False
    if before and before[-1] in LABELS and text[start - 1].isspace():
        return False
    return not (
        end - start == 3
        and match.group().lower() == "one"
        and (
            _PRONOUN_ONE.search(text[max(0, start - 8) : start])
            or _ONE_AFTER.match(text[end : end + 12])
        )
    )


_QUALIFIER_ENDS = frozenset(words.split()[-1] for words in QUALIFIER_WORDS)


def qualifier_of(before: list[str]) -> str:
    """From the one to three words before the number ("at least", "the more than")."""
    last = before[-1].lower() if before else ""
    if last == "the":
        last = before[-2].lower() if len(before) > 1 else ""
    if last not in _QUALIFIER_ENDS:  # most numbers: no qualifier
        return "exact"
    words = [w.lower() for w in before[-4:]]
    if words[-1] == "the":
        words.pop()
    for size in (3, 2, 1):
        if len(words) >= size:
            found = QUALIFIER_WORDS.get(" ".join(words[-size:]))
            if found:
                return found
    return "exact"


# What may follow the number, tried in this order at its end: "-year" (the unit), a unit of
# measure, or "of (the)" before the noun ("dozens of the displaced").
_AFTER = re.compile(
    rf"-(?P<hyphen>[A-Za-z]+)(?:-old)?|\s*(?P<measure>{trie(MEASURES, caseless=True)})(?!\w)"
    r"|\s+of\s+(?:the\s+)?"
)
_TOKENS = re.compile(r"[\w'-]+|[^\w\s'-]")
_LOWER_WORD = re.compile(r"[a-z][a-z'-]*$")


def unit(text: str, end: int) -> str | None:
    """The noun counted: a unit of measure, a hyphenated "-Week", or the first plural noun
    among the next three words ("61 civilian settlements" gives "settlements"). Reads at
    most 60 characters after the number."""
    found = _AFTER.match(text, end, end + 60)
    start, stop = end, end + 40
    if found:
        if found.lastgroup:
            return found.group(found.lastgroup)
        start, stop = found.end(), min(found.end() + 39, end + 60)
    words: list[str] = _TOKENS.findall(text, start, stop)[:3]
    for word in words:
        lowered = word.lower()
        if not _LOWER_WORD.match(lowered) or lowered in STOP:
            if word in QUOTES:
                continue
            return None
        if lowered in IRREGULAR_PLURALS or (
            lowered.endswith("s") and not lowered.endswith("ss") and lowered not in NOT_NOUNS
        ):
            return word
    return None


_RANGE_END = re.compile(r"-([1-9]\d{0,6})\b(?![-/:.,]\d)")


def hyphen_range(match: re.Match[str], text: str) -> list[dict[str, object]]:
    """ "5-7 families": two figures, a range (GUIDELINES.md 2.1), when both are plain
    numbers, the first the smaller, and nothing before makes them a code ("F-5-7",
    "Route 5-7"); otherwise none ("3-1" is a score, "7-11" a name, both as rules reads)."""
    low, start = match.group(), match.start()
    second = _RANGE_END.match(text, match.end())
    if not (second and low.isdigit() and low[0] != "0" and int(low) < int(second.group(1))):
        return []
    before = text[max(0, start - 40) : start].split()
    if _NOT_A_COUNT_BEFORE.search(text, max(0, start - 6), start) or (
        before and before[-1] in LABELS
    ):
        return []
    noun = unit(text, second.end())
    return [
        {"kind": "figure", "start": start, "end": match.end(), "text": low, "value": int(low),
         "qualifier": qualifier_of(before), "unit": noun},
        {"kind": "figure", "start": second.start(1), "end": second.end(),
         "text": second.group(1), "value": int(second.group(1)), "qualifier": "exact",
         "unit": noun},
    ]  # fmt: skip
