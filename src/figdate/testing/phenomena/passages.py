"""How a challenge passage is written down: text pieces and labelled mentions, in order.

A passage is a list of pieces, plain strings and ``M`` (a mention: its text and label). The
text is their concatenation, so every offset is known by construction and no label is
found by searching the text. Each phenomenon module returns ``Passage`` objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class M:
    """One labelled mention, as it appears in the passage."""

    text: str
    kind: str
    value: object
    qualifier: str | None = None
    unit: str | None = None
    optional: bool = False
    note: str | None = None


def fig(
    text: str,
    value: float,
    unit: str | None = None,
    qualifier: str = "exact",
    note: str | None = None,
    optional: bool = False,
) -> M:
    return M(text, "figure", value, qualifier, unit, optional, note)


def date(text: str, value: str | None, note: str | None = None) -> M:
    return M(text, "date", value, note=note)


@dataclass
class Passage:
    """One challenge passage: pieces, publication day (None: unknown), tags and a note."""

    pieces: list[str | M]
    published: dt.date | None
    tags: tuple[str, ...]
    note: str
    mentions: list[dict[str, object]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p if isinstance(p, str) else p.text for p in self.pieces)

    def rows(self, ident: str) -> list[dict[str, object]]:
        """The passage's mention rows, offsets counted over the pieces."""
        out, at = [], 0
        for piece in self.pieces:
            if isinstance(piece, M):
                out.append(
                    {
                        "article_id": ident,
                        "kind": piece.kind,
                        "start": at,
                        "end": at + len(piece.text),
                        "text": piece.text,
                        "value": piece.value,
                        "qualifier": piece.qualifier if piece.kind == "figure" else None,
                        "unit": piece.unit,
                        "optional": "true" if piece.optional else "false",
                        "note": piece.note,
                    }
                )
                at += len(piece.text)
            else:
                at += len(piece)
        return out


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


def latest_on_or_before(day: dt.date, month: int, dom: int) -> dt.date:
    """The latest ``month``/``dom`` on or before ``day`` (guidelines 3.4.2); a 29 February
    goes back to the last leap year."""
    year = day.year
    while True:
        try:
            found = dt.date(year, month, dom)
        except ValueError:
            year -= 1
            continue
        if found <= day:
            return found
        year -= 1


def earliest_after(day: dt.date, month: int, dom: int) -> dt.date:
    """The earliest ``month``/``dom`` after ``day`` (a future tense, guidelines 3.4.2)."""
    year = day.year
    while True:
        try:
            found = dt.date(year, month, dom)
        except ValueError:
            year += 1
            continue
        if found > day:
            return found
        year += 1


def weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def weekday_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def month_shift(day: dt.date, months: int) -> str:
    """``YYYY-MM`` of the month ``months`` from ``day``'s."""
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def cap(text: str) -> str:
    """``text`` with its first letter in upper case, as at the start of a sentence."""
    return text[0].upper() + text[1:]


def long_day(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
