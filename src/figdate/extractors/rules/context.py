"""The context a single date expression cannot see: whether the words around a match make
it a date (a bare year, a month name alone, "the 14th") or something else ("2000 people",
"may" the verb, "the 14th amendment")."""

from __future__ import annotations

import re

from figdate.extractors.rules.figures import previous_words, unit

PREPOSITIONS = frozenset([
    "in", "since", "until", "till", "from", "by", "during", "before", "after", "through",
    "throughout", "of", "to", "between", "and", "for", "around", "circa", "c.", "as",
])  # fmt: skip

DETERMINERS = frozenset(["a", "an", "its", "their", "his", "her", "our", "whose"])
"""Before a year and a noun, these make the year a modifier ("a 2009 analysis"): a date."""
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def plausible(text: str, match: re.Match[str]) -> bool:
    """Context a single expression cannot see. A bare year is a date after a temporal
    preposition, or when no counted noun follows it ("in 2017", "2017 saw"; but "2000
    people" is a figure; "a 2009 analysis" is a date). A month name alone is a date only
    after a preposition ("in March") or as a modifier after "the" ("the September deal"),
    since "March" and "May" are also words."""
    start, end = match.span()
    before = [word.lower() for word in previous_words(text, start, 3)]
    if match.group("month_alone"):  # "in March"; "the September deal": a month as modifier
        return bool(before) and (
            before[-1] in PREPOSITIONS
            or (before[-1] == "the" and _NOUN_AFTER.match(text, end) is not None)
        )
    if match.group("nth"):  # "on the 14th", not "the 14th amendment"
        return bool(before) and before[-1] in {
            "on",
            "since",
            "until",
            "by",
            "before",
            "after",
            "from",
        }
    if not match.group("year"):
        return True
    while before and before[-1] in {"the", "year"}:  # "in the year 2020"
        before.pop()
    if before and (before[-1] in PREPOSITIONS or before[-1] == "of"):
        return True
    if before and before[-1] in DETERMINERS:  # "a 2009 analysis": one analysis, of 2009
        return True
    return unit(text, end) is None
