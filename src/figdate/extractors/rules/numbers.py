"""Numbers in words and digits: "Fifty-one", "two million", "1.8 million", "half a million",
"a dozen", "16,549", "12.400", "441 150"; vague magnitudes: "tens of thousands", "dozens";
and vague fractions before "of": "Three quarters of", "half of".

``NUMBER`` finds candidate number expressions; ``value_of`` turns one into a number.
"""

from __future__ import annotations

import re

from figdate.core.numerals import SCALES, SHORT_SCALES, TENS, UNITS, VAGUE

_unit = "|".join(sorted(UNITS, key=len, reverse=True))
_ten = "|".join(TENS)
_scale = "|".join(SCALES)
WORD = rf"\b(?:(?:{_ten})(?:[-\s](?:{_unit}))?|{_unit}|{_ten})\b"
GROUP_SPACES = " \u00a0\u202f"
"""A space, a no-break space, a narrow no-break space: between groups of three digits."""
# Thousands: a comma, a dot or a space between groups of exactly three digits after one to
# three (GUIDELINES.md 2.4), so "12.400" is 12400 and "2.5" stays a decimal.
DIGITS = (
    r"\d{1,3}(?:(?:,\d{3})+(?:\.\d+)?"
    rf"|(?:(?:\.\d{{3}})+|(?:[{GROUP_SPACES}]\d{{3}})+)(?![.,]?\d))"
    r"|\d+(?:\.\d+)?"
)
_words = rf"{WORD}(?:\s+(?:and\s+)?(?:{WORD}|(?:{_scale}|dozen)\b))*"
_digits = rf"(?:{DIGITS})(?:\s*(?:{_scale}|bn|mn|m|k)\b)?(?:\s+(?:{_scale}))?"

FRACTIONS = {"half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25}
_FRACTION = r"half|(?:an?|one)[\s-]+(?:half|third|quarter)|(?:two|three)[\s-]+(?:thirds|quarters)"
# "the first half of the month" is a period and "the first two quarters" a count: not
# fractions after an ordinal (fixed-width look-behinds, one per word).
_NOT_AFTER = "".join(
    rf"(?<!{word}\s)"
    for word in ("first", "second", "third", "fourth", "final", "last", "latter", "former", "other")
)

# The number expression, case-insensitive, for use inside a larger pattern.
NUMBERS = rf"""(?i:
    (?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds
        |thousands|millions|billions)\b)
    |(?P<half>\bhalf\s+a\s+(?:{_scale}|dozen)\b)
    |(?P<a>\ban?\s+(?:dozen|{_scale})(?:\s+(?:{_scale}))?\b)
    |(?P<digits>{_digits})
    |(?P<fraction>\b(?=[hato]){_NOT_AFTER}(?:{_FRACTION})(?=\s+of\b))
    |(?P<words>{_words})
    )"""
NUMBER = re.compile(rf"\b{NUMBERS}", re.VERBOSE)


_ONE_WORD = {word: float(n) for word, n in {**UNITS, **TENS, **VAGUE}.items()}
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
_SEPARATORS = re.compile(r"[\s-]+")


_GROUPED = re.compile(
    rf"(?<![\d.,])\d{{1,3}}(?:(?P<sep>[,.{GROUP_SPACES}])\d{{3}})(?:(?P=sep)\d{{3}})*(?!\d)"
)


def ungrouped(text: str) -> str:
    """``text`` with the thousands separators of its grouped numbers taken out."""
    if "." not in text and " " not in text and "\u00a0" not in text and "\u202f" not in text:
        return text.replace(",", "")  # str methods only: "35,000", "two"
    return _GROUPED.sub(_joined, text) if _GROUPED.search(text) else text.replace(",", "")


def _joined(group: re.Match[str]) -> str:
    return group.group().replace(group.group("sep"), "")


def value_of(text: str) -> float:
    """The value of one expression matched by NUMBER (vague ones give their base), its
    thousands separators other than commas already taken out (``ungrouped``): a dot left
    is a decimal point."""
    plain = text.replace(",", "")
    if _PLAIN.fullmatch(plain):  # the common case: digits
        return float(plain)
    lowered = plain.lower()
    if lowered in _ONE_WORD:  # the next most common: "three", "dozens"
        return _ONE_WORD[lowered]
    words = _SEPARATORS.sub(" ", lowered).split()
    if words[-1] in FRACTIONS:  # "Three quarters", "a third", "half"
        count = UNITS.get(words[0], 1) if len(words) > 1 else 1
        return count * FRACTIONS[words[-1]]
    if len(words) >= 3 and words[1] == "of" and words[0] in {"tens", "hundreds"}:
        return {"tens": 10, "hundreds": 100}[words[0]] * VAGUE[words[2]]
    if len(words) == 1 and words[0] in VAGUE:
        return VAGUE[words[0]]
    if words[0] == "half":
        return 0.5 * (12 if words[-1] == "dozen" else SCALES[words[-1]])
    total, current = 0.0, 0.0
    for word in words:
        number = _digit_value(word)
        if number is not None:
            current += number
        elif word in ("a", "an"):
            current += 1
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES or word in SHORT_SCALES:
            scale = SCALES.get(word) or SHORT_SCALES[word]
            total += (current or 1) * scale
            current = 0.0
        # "and" adds nothing
    return total + current


_DIGIT_WORD = re.compile(r"(\d+(?:\.\d+)?)(m|mn|bn|k)?")


def _digit_value(word: str) -> float | None:
    match = _DIGIT_WORD.fullmatch(word)
    if not match:
        return None
    number = float(match.group(1))
    return number * SHORT_SCALES[match.group(2)] if match.group(2) else number


def is_vague(text: str) -> bool:
    first = text.lower().split()[0]
    return first in VAGUE or first == "tens"
