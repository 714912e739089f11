"""Checks that encode rules of ``gold/GUIDELINES.md`` a schema cannot state.

Each finds a labelling slip a reviewer would otherwise have to spot by eye: a span that
swallowed its qualifier, preposition or noun; a qualifier that contradicts the words before
the figure; a value that contradicts the digits it was read from; overlapping spans.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pandas as pd

from figdate.core.model import Article, records
from figdate.core.numerals import SCALES, TENS, UNITS, VAGUE
from figdate.core.values import is_empty, parse_figure
from figdate.core.vocabulary import QUALIFIER_WORDS

OPENING_PUNCTUATION = ",.;:(\"'\u201c\u201d\u2018\u2019"
PREPOSITIONS = ("on", "in", "at", "since", "from", "until", "by", "during", "of", "to")

_WORDS = "|".join(sorted((re.escape(w) for w in QUALIFIER_WORDS), key=len, reverse=True))
_BEFORE = re.compile(rf"\b({_WORDS})\s+(?:the\s+)?$", re.IGNORECASE)
_SPAN_START = re.compile(rf"^({_WORDS})\b", re.IGNORECASE)
_PREPOSITION = re.compile(rf"^({'|'.join(PREPOSITIONS)})\s", re.IGNORECASE)
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")

Finding = tuple[int, str, str]  # (row index, column, reason)
Rule = Callable[[Mapping[str, Any], str], "str | None"]


def check_mentions(mentions: pd.DataFrame, articles: Mapping[str, Article]) -> list[Finding]:
    """Guideline findings for a schema-valid gold mention table, by row index."""
    findings: list[Finding] = []
    for index, row in zip(mentions.index, records(mentions), strict=True):
        text = articles[row["article_id"]].text
        for column, rule in RULES:
            reason = rule(row, text)
            if reason:
                findings.append((int(index), column, reason))
    findings.extend(_overlaps(mentions))
    return sorted(findings)


def _edges(row: Mapping[str, Any], text: str) -> str | None:
    span = str(row["text"])
    if span != span.strip() or span[-1] in ",.;:" or span[0] in OPENING_PUNCTUATION:
        return f"span {span!r} starts or ends with spaces or punctuation"
    return None


def _swallowed_qualifier(row: Mapping[str, Any], text: str) -> str | None:
    found = _SPAN_START.match(str(row["text"]))
    if row["kind"] == "figure" and found:
        return f"span swallowed the qualifier word {found.group(1)!r}; it belongs in 'qualifier'"
    return None


def _swallowed_preposition(row: Mapping[str, Any], text: str) -> str | None:
    found = _PREPOSITION.match(str(row["text"]))
    if row["kind"] == "date" and found:
        return f"span starts with the preposition {found.group(1)!r}, which is not part of a date"
    return None


def _swallowed_unit(row: Mapping[str, Any], text: str) -> str | None:
    unit = row.get("unit")
    if (
        row["kind"] == "figure"
        and not is_empty(unit)
        and str(row["text"]).lower().endswith(" " + str(unit).lower())
    ):
        return f"span swallowed the unit {unit!r}; it belongs in 'unit'"
    return None


def _qualifier_agrees(row: Mapping[str, Any], text: str) -> str | None:
    if row["kind"] != "figure" or _SPAN_START.match(str(row["text"])):
        return None  # a swallowed qualifier word is reported by _swallowed_qualifier
    before = text[max(0, row["start"] - 30) : row["start"]]
    found = _BEFORE.search(before)
    qualifier = row["qualifier"]
    if found:
        expected = QUALIFIER_WORDS[found.group(1).lower()]
        if qualifier != expected:
            return (
                f"qualifier is {qualifier!r} but the figure follows {found.group(1)!r} ({expected})"
            )
    elif qualifier != "exact" and not row["optional"]:
        return f"qualifier is {qualifier!r} but no qualifier word precedes the figure"
    return None


def _value_agrees(row: Mapping[str, Any], text: str) -> str | None:
    span = str(row["text"])
    if row["kind"] == "figure" and _DIGITS.match(span):
        wanted = int(span.replace(",", ""))
        if parse_figure(row["value"]) != wanted:
            return f"value {row['value']!r} disagrees with the digits {span!r} ({wanted})"
    if row["kind"] == "date" and re.fullmatch(r"\d{4}", span) and row["value"] != span:
        return f"value {row['value']!r} disagrees with the year {span!r}"
    return None


_NUMBER_WORDS = frozenset([*UNITS, *TENS, *SCALES, *VAGUE, "dozen", "tens", "half", "a", "an"])


def _has_a_number(row: Mapping[str, Any], text: str) -> str | None:
    """A figure's span holds the number: a digit or a number word ("35,000", "Thirty",
    "tens of thousands", "a dozen"), never only the noun it counts ("people")."""
    span = str(row["text"])
    if row["kind"] != "figure" or any(ch.isdigit() for ch in span):
        return None
    words = re.split(r"[^a-z]+", span.lower())
    if _NUMBER_WORDS.intersection(words):
        return None
    return f"figure span {span!r} holds no number (digits or a number word)"


RULES: tuple[tuple[str, Rule], ...] = (
    ("text", _has_a_number),
    ("text", _edges),
    ("text", _swallowed_qualifier),
    ("text", _swallowed_preposition),
    ("text", _swallowed_unit),
    ("qualifier", _qualifier_agrees),
    ("value", _value_agrees),
)


def _overlaps(mentions: pd.DataFrame) -> Iterator[Finding]:
    """No two gold mentions overlap: a number inside a date is part of the date."""
    for _, group in mentions.groupby("article_id", sort=False):
        ordered = group.sort_values(["start", "end"])
        previous: tuple[int, Any] | None = None
        for index, row in ordered.iterrows():
            if previous is not None and row["start"] < previous[1]["end"]:
                other = previous[1]
                yield (
                    int(str(index)),
                    "start",
                    f"overlaps the {other['kind']} {other['text']!r} at "
                    f"{other['start']}-{other['end']}",
                )
            if previous is None or row["end"] > previous[1]["end"]:
                previous = (int(str(index)), row)
