"""Metamorphic checks: change a drawn passage in a way whose effect on the right answer is
known, and compare what the extractor says before and after.

- ``change_number``: a figure written as plain digits, alone or before a scale word ("35",
  "2 million"), gets another number; the prediction at its span must carry the planted
  value scaled alike (an extractor that ignores "million" fails).
- ``shift_publication``: the publication day moves 52 weeks on; every relative day or
  weekday the extractor read must move with it (one that resolves against today fails).
- ``insert_text``: an unrelated sentence before the passage shifts every prediction's
  offsets by its length and changes nothing else.
- ``add_distractors``: codes, identifiers, ordinals, a year and a telephone number
  appended after the passage add no figure and change none before them.

Each returns None when the relation holds, or one line saying how it broke.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from hypothesis import find, settings
from hypothesis.errors import NoSuchExample

from figdate.core.model import Article
from figdate.core.problems import unknown
from figdate.extractors.protocol import Source
from figdate.extractors.registry import source_of
from figdate.testing.strategies import Example, passages

__all__ = ["CHECKS", "Violation", "check_metamorphic"]

Rows = list[dict[str, Any]]
Extract = Callable[[Article], Rows]
INSERTED = "Officials gave no further details about the visit. "
DISTRACTORS = (
    " The F-16 crossed Route 5 near the 3rd checkpoint. COVID-19 cases rose."
    " Resolution 2254 of 2015 was cited, aid flows 24/7 and the hotline is 0800 641 722."
)
SHIFT = dt.timedelta(weeks=52)
_PLAIN = re.compile(r"(\d+)((?:\s+(?:hundred|thousand|million|billion))?)")


def _spans(rows: Rows, kind: str | None = None) -> dict[tuple[int, int], object]:
    return {(r["start"], r["end"]): r.get("value") for r in rows if kind in (None, r["kind"])}


def _overlapping(rows: Rows, start: int, end: int) -> list[object]:
    return [
        r.get("value")
        for r in rows
        if r["kind"] == "figure" and r["start"] < end and start < r["end"]
    ]


def change_number(extract: Extract, example: Example) -> str | None:
    """Only where the extractor found the figure at all: a miss is a plain error, not this."""
    figures = [m for m in example.mentions if m.kind == "figure" and not m.optional]
    target = next((m for m in figures if _PLAIN.fullmatch(m.text or "")), None)
    if target is None or target.start is None or target.end is None:
        return None
    article = example.article
    if not _overlapping(extract(article), target.start, target.end):
        return None
    head = _PLAIN.fullmatch(target.text or "")
    assert head is not None
    old = int(head.group(1))
    new = old + 1 if old % 10 != 9 else old - 1
    text = f"{new}{head.group(2)}"
    changed = dataclasses.replace(
        article, text=article.text[: target.start] + text + article.text[target.end :]
    )
    expected = float(target.value or 0) * new / old
    end = target.start + len(text)
    found = _overlapping(extract(changed), target.start, end)
    if not any(abs(float(v) - expected) <= 1e-9 * max(1.0, abs(expected)) for v in found):  # type: ignore[arg-type]
        where = f"{target.start}-{end}"
        return f"{target.text!r} -> {text!r}: expected {expected:g} at {where}, got {found}"
    return None


def shift_publication(extract: Extract, example: Example) -> str | None:
    article = example.article
    if article.published is None or example.maker not in {"relative", "weekday", "weekday-future"}:
        return None
    before = _spans(extract(article), "date")
    after = _spans(
        extract(dataclasses.replace(article, published=article.published + SHIFT)), "date"
    )
    for span, value in before.items():
        if isinstance(value, str) and len(value) == 10:  # a day: moves with publication
            want = (dt.date.fromisoformat(value) + SHIFT).isoformat()
            if after.get(span) != want:
                got = after.get(span)
                return f"published +52 weeks: {span} was {value}, expected {want}, got {got}"
    return None


def insert_text(extract: Extract, example: Example) -> str | None:
    article = example.article
    before = extract(article)
    after = extract(dataclasses.replace(article, text=INSERTED + article.text))
    n = len(INSERTED)
    want = sorted((r["start"] + n, r["end"] + n, r["kind"], str(r.get("value"))) for r in before)
    got = sorted((r["start"], r["end"], r["kind"], str(r.get("value"))) for r in after)
    if want != got:
        return f"after inserting {n} characters: expected {want}, got {got}"
    return None


def add_distractors(extract: Extract, example: Example) -> str | None:
    article = example.article
    before = _spans(extract(article), "figure")
    after = _spans(extract(dataclasses.replace(article, text=article.text + DISTRACTORS)), "figure")
    if after != before:
        added = {s: v for s, v in after.items() if before.get(s) != v}
        return f"distractors changed the figures: {added} (before {before})"
    return None


Check = Callable[[Extract, Example], str | None]
CHECKS: dict[str, tuple[Check, list[str] | None]] = {
    "change_number": (change_number, ["figure"]),
    "shift_publication": (shift_publication, ["date"]),
    "insert_text": (insert_text, None),
    "add_distractors": (add_distractors, ["figure"]),
}
"""Each check by name, with the kinds of passage it is drawn over (None: both)."""


@dataclasses.dataclass(frozen=True)
class Violation:
    check: str
    example: Example
    reason: str


def check_metamorphic(
    extractor: object, checks: list[str] | None = None, max_examples: int = 100
) -> list[Violation]:
    """Each check over drawn passages; for a check that breaks, the smallest passage
    hypothesis shrinks to and why. An empty list: every relation held. ValueError for a
    check figdate does not have (with the nearest)."""
    if extra := [name for name in checks or [] if name not in CHECKS]:
        raise ValueError(unknown(extra[0], CHECKS, "a metamorphic check"))
    source: Source = source_of(extractor)
    out = []
    for name in checks or list(CHECKS):
        check, kinds = CHECKS[name]

        def broken(example: Example, check: Check = check) -> bool:
            return check(source.extract, example) is not None

        strategy = passages(kinds=kinds)
        quick = settings(max_examples=max_examples, database=None, derandomize=True, deadline=None)
        try:
            example = find(strategy, broken, settings=quick)
        except NoSuchExample:
            continue
        out.append(Violation(name, example, check(source.extract, example) or ""))
    return out
