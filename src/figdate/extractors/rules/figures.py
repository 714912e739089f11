"""Figures: cardinal numbers with their qualifier and the noun they count.

Candidates come from ``numbers.NUMBER``; what is not a figure is filtered out by position
(inside a date, a clock time, a URL, an identifier) or by form (ordinals, "no one"). The
qualifier is read from the words just before the number, the unit from the words after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from figdate.extractors.rules.numbers import NUMBER, is_vague, value_of

Span = tuple[int, int]

QUALIFIERS: dict[str, str] = {
    "some": "approx", "about": "approx", "around": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx",
    "close to": "approx", "nearly": "max", "almost": "max", "up to": "max", "under": "max",
    "less than": "max", "fewer than": "max", "as many as": "max", "no more than": "max",
    "just under": "max", "below": "max", "over": "min", "more than": "min", "at least": "min",
    "just over": "min", "above": "min", "in excess of": "min", "no fewer than": "min",
    "no less than": "min", "upwards of": "min",
}  # fmt: skip
_qualifier_words = "|".join(sorted((re.escape(w) for w in QUALIFIERS), key=len, reverse=True))
_BEFORE = re.compile(rf"\b({_qualifier_words})\s+(?:the\s+)?$", re.IGNORECASE)

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
_MEASURE = re.compile(
    r"^\s*(" + "|".join(re.escape(m) for m in sorted(MEASURES, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"|\b\d{1,2}\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    r"|\b\d{3,4}\s*(?:GMT|UTC|hrs|hours local)\b",
    re.IGNORECASE,
)
# A number after a capitalised label noun names something ("Resolution 2254", "Highway 5").
_LABEL_BEFORE = re.compile(
    r"\b(?:Resolution|Highway|Route|Road|Street|Article|Chapter|Section|Paragraph|Flight"
    r"|Gate|Platform|Sector|Block|Building|Room|Unit|Brigade|Division|Battalion|Regiment"
    r"|Protocol|Decree|Law|Act|No\.|Number|Phase|Level|Category|Grade|Class|Page|Annex"
    r"|Item|Camp|Checkpoint|Terminal|Tower|Ward)\s+$"
)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_NOT_A_COUNT_AFTER = re.compile(
    r"^(?:st|nd|rd|th)\b|^'?s\b|^[/:]\d|^\.\d|^-\d|^[A-Za-z]\d", re.IGNORECASE
)
_NOT_A_COUNT_BEFORE = re.compile(r"(?:[A-Za-z][-]?|[/#:]|\d[.,]|\$?\d\s?-|No\.\s?)$")
_PRONOUN_ONE = re.compile(
    r"(?:\bno\s+|\bthe\s+|\bthis\s+|\bthat\s+|\bwhich\s+|\beach\s+|\bevery\s+)$", re.IGNORECASE
)
_ONE_AFTER = re.compile(
    r"^\s+(?:another|day\b(?!s)|of\s+(?:its|his|her|their|our)\s+own)|^'s", re.IGNORECASE
)


def excluded_spans(text: str) -> list[Span]:
    """Spans where no figure can start: clock times and URLs (and their broken tails)."""
    spans = [m.span() for m in _CLOCK.finditer(text)]
    for url in _URL.finditer(text):
        end = url.end()
        tail = re.match(r"\n[\w./-]*[\w/-]\b", text[end:])  # a URL broken across lines
        if tail and "/" in url.group() and not text[end - 1].isspace():
            end += tail.end()
        spans.append((url.start(), end))
    return spans


def _inside(span: Span, blocks: Sequence[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in blocks)


def find_figures(text: str, dates: Sequence[Span]) -> Iterator[dict[str, object]]:
    """Figure mentions in ``text``, given the date spans already found (they take priority)."""
    blocked = [*excluded_spans(text), *dates]
    for match in NUMBER.finditer(text):
        start, end = match.span()
        surface = match.group()
        if _inside((start, end), blocked) or not _counts(text, match):
            continue
        value = value_of(surface)
        yield {
            "kind": "figure",
            "start": start,
            "end": end,
            "text": surface,
            "value": int(value) if float(value).is_integer() else value,
            "qualifier": "min" if is_vague(surface) else qualifier(text, start),
            "unit": unit(text, end),
        }


def _counts(text: str, match: re.Match[str]) -> bool:
    """False for numbers that do not count: ordinals, identifiers, parts of codes and
    dates, pronoun "one"; and lone words like "one" when used as a pronoun."""
    start, end = match.span()
    before, after = text[max(0, start - 6) : start], text[end : end + 12]
    if _NOT_A_COUNT_AFTER.match(after) or _NOT_A_COUNT_BEFORE.search(before):
        return False
    if _LABEL_BEFORE.search(text[max(0, start - 14) : start]):
        return False
    return not (
        match.group().lower() == "one"
        and (_PRONOUN_ONE.search(text[max(0, start - 8) : start]) or _ONE_AFTER.match(after))
    )


def qualifier(text: str, start: int) -> str:
    found = _BEFORE.search(text[max(0, start - 30) : start])
    return QUALIFIERS[found.group(1).lower()] if found else "exact"


def unit(text: str, end: int) -> str | None:
    """The noun counted: a unit of measure, a hyphenated "-Week", or the first plural noun
    among the next three words ("61 civilian settlements" gives "settlements")."""
    rest = text[end : end + 60]
    hyphen = re.match(r"^-([A-Za-z]+)(?:-old)?", rest)
    if hyphen:
        return hyphen.group(1)
    measure = _MEASURE.match(rest)
    if measure:
        return measure.group(1)
    rest = re.sub(r"^\s+(?:of\s+(?:the\s+)?)", " ", rest)
    words: list[str] = re.findall(r"[\w'-]+|[^\w\s'-]", rest)[:4]
    for word in words[:3]:
        lowered = word.lower()
        if not re.match(r"^[a-z][a-z'-]*$", lowered) or lowered in STOP:
            if word in QUOTES:
                continue
            return None
        if lowered in IRREGULAR_PLURALS or (
            lowered.endswith("s") and not lowered.endswith("ss") and lowered not in NOT_NOUNS
        ):
            return word
    return None
