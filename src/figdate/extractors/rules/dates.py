"""Dates: absolute, partial, relative and anaphoric expressions, resolved to ISO values.

``DATES`` is one expression with named alternatives, the more specific first, that the
extractor's single pattern tries before numbers; ``resolve`` turns a match into dates with
the alternative's resolver, or rejects it on context. Spans follow GUIDELINES.md:
modifiers in ("early 2019", "the beginning of February last year"), a leading
preposition out ("on 12 January" is "12 January"), clock times out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from figdate.extractors.rules import calendar as cal
from figdate.extractors.rules.context import plausible
from figdate.extractors.rules.numbers import value_of
from figdate.extractors.rules.tense import is_future

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[89]\d\d|20\d\d)\b"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Month and weekday names are matched case-sensitively ("may", "march" are verbs); the
# words around them are not ("Last month", "The following day").
MOD = (
    r"(?i:early|late|mid|the\s+(?:beginning|start|end|middle|first\s+half|second\s+half|"
    r"first\s+days|last\s+days)\s+of)"
)
REL = r"(?i:last|this|next)"
COUNT = r"(?i:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few)"
# The first word of every alternative below.
TRIGGER = (
    r"\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|(?i:early|late|mid|the|last|this|next|that|an?|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|recent|today|yesterday|tomorrow)\b"
)

# The date expression, for use inside a larger pattern; it starts only at words that
# can begin a date, which rejects most positions at once.
DATES = rf"""
    (?={TRIGGER})
    (?:
      (?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)
    | (?P<ymd>\b\d{{4}}/\d{{1,2}}/\d{{1,2}}\b)
    | (?P<dmy_num>\b\d{{1,2}}(?P<sep>[./])\d{{1,2}}(?P=sep)\d{{4}}\b)
    | (?P<day_range>{DAY}\s*(?:[\u2013\u2014-]|to|and)\s*{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?)
    | (?P<month_day_range>{MONTH}\s+{DAY}\s*(?:[\u2013\u2014-]|to|and)\s*{DAY}(?:,?\s+{YEAR})?)
    | (?P<md_rel>(?:{MOD}\s+)?{MONTH}\s+{DAY}(?:\s+of)?\s+{REL}\s+year)
    | (?P<dm_rel>(?:{MOD}\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:\s+of)?\s+{REL}\s+year)
    | (?P<mdy>(?:{MOD}\s+)?{MONTH}\s+{DAY},?\s+{YEAR})
    | (?P<dmy>(?:{MOD}\s+)?{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR})
    | (?P<md>{MONTH}\s+{DAY}(?![,.]?\s*\d|:))
    | (?P<dm>{DAY}\s+(?:of\s+)?{MONTH}(?!\s*,?\s*\d))
    | (?P<my>(?:{MOD}[\s-]+)?{MONTH},?\s+(?:of\s+)?{YEAR})
    | (?P<m_rel>(?:{MOD}\s+)?{FULL_MONTH}(?:\s+of)?\s+{REL}\s+year)
    | (?P<rel_m>(?:{MOD}\s+)?{REL}\s+{FULL_MONTH})
    | (?P<range>{YEAR}\s*[\u2013\u2014-]\s*{YEAR})
    | (?P<season>{YEAR}-\d\d\b(?!-))
    | (?P<year_mod>{MOD}[\s-]+{YEAR})
    | (?P<year>(?<![\d,.$€£]){YEAR}(?![.,]\d|\s*(?:GMT|UTC|hrs)\b))
    | (?P<mod_month>{MOD}[\s-]+{FULL_MONTH}(?!\s*,?\s*\d))
    | (?P<month_alone>{FULL_MONTH}\b(?!\s*,?\s*\d|\s+(?:of\s+)?{REL}\s+year))
    | (?P<ago>{COUNT}[\s-]+(?i:years?|months?|weeks?|days?)[\s-]+(?i:ago))
    | (?P<rel_unit>(?:{MOD}\s+)?(?:{REL}|(?i:the\s+(?:previous|coming|current)))
        \s+(?i:month|(?:fiscal\s+)?year|week)\b)
    | (?P<year_end>(?i:the\s+(?:end|beginning|start|middle)\s+of\s+the\s+year)\b)
    | (?P<ana>(?i:the\s+(?:following|next|previous|preceding|same)\s+(?:day|month|year)\b
        |that\s+(?:same\s+)?(?:day|month|year)\b|the\s+day\s+(?:before|after)\b
        |{COUNT}[\s-]+(?:days?|months?|years?)\s+(?:later|earlier)\b(?!\s+than\b)))
    | (?P<vague_time>(?i:(?:the\s+past|recent|the\s+coming)\s+(?:few\s+)?
        (?:days|weeks|months|week|month)\b))
    | (?P<deictic>\b(?i:today|yesterday|tomorrow)\b)
    | (?P<weekday>(?:(?P<which>{REL})\s+)?{WEEKDAY}\b)
    | (?P<nth>(?i:the)\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{MONTH}))
    )"""


# Small patterns the resolvers use, compiled once.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_DIGITS = re.compile(r"\d+")
_MONTH = re.compile(MONTH)
_FULL_MONTH = re.compile(FULL_MONTH)
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR_WORD = re.compile(r"\b\d{4}\b")
_DAY_WORD = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_DOT_OR_SLASH = re.compile(r"[./]")
_REL_YEAR = re.compile(REL + r"\s+year")
_SPACES_OR_HYPHENS = re.compile(r"[\s-]+")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    value: str | None


Resolver = Callable[[re.Match[str], dt.date | None, str | None], "list[Found]"]


def resolve(
    match: re.Match[str],
    text: str,
    published: dt.date | None,
    anchor: str | None,
    kind: str | None = None,
) -> list[Found] | None:
    """The date(s) one match of DATES stands for, resolved against ``published`` or, for
    anaphoric ones, against ``anchor`` (the previous date in the text); None when the
    context says it is not a date after all."""
    if not plausible(text, match):
        return None
    if kind is None:
        kind = next(name for name in RESOLVERS if match.group(name) is not None)
    found: list[Found] | None
    try:
        found = RESOLVERS[kind](match, published, anchor)
    except (OverflowError, ValueError):  # arithmetic past year 1 or 9999: value unknown
        found = _unresolved(match, published, anchor, kind)
    if found is None:
        return None
    return [f if _in_calendar(f.value) else dataclasses.replace(f, value=None) for f in found]


def _in_calendar(value: str | None) -> bool:
    """A value in years 1-9999 (``datetime``'s), as the contract requires."""
    if value is None:
        return True
    year = value[:4]
    return (
        len(year) == 4
        and year.isdigit()
        and 1 <= int(year) <= 9999
        and (len(value) < 5 or value[4] == "-")
    )


def _unresolved(
    match: re.Match[str], published: dt.date | None, anchor: str | None, kind: str
) -> list[Found] | None:
    """The expression's span with an unknown value: what an undated article gets."""
    try:
        found = RESOLVERS[kind](match, None, None)
    except (OverflowError, ValueError):
        return None
    return None if found is None else [dataclasses.replace(f, value=None) for f in found]


def _one(match: re.Match[str], value: str | None, group: str | None = None) -> list[Found]:
    start, end = match.span(group or 0)
    return [Found(start, end, value)]


def _day_month(text: str) -> tuple[int, int]:
    day = int(_DIGITS.search(text).group())  # type: ignore[union-attr]
    month = cal.month_number(_MONTH.search(text).group())  # type: ignore[union-attr]
    return day, month


def _year_in(text: str) -> int:
    return int(_FOUR_DIGITS.findall(text)[-1])


def _iso(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    return _one(m, cal.day_iso(*(int(x) for x in m.group().split("-"))))


def _ymd(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    year, month, day = (int(x) for x in m.group().split("/"))
    return _one(m, cal.day_iso(year, month, day))


def _dmy_num(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    first, second, year = (int(x) for x in _DOT_OR_SLASH.split(m.group()))
    day, month = first, second
    if m.group("sep") == "/" and second > 12 >= first:  # month-first, as 03/31/2020
        day, month = second, first
    return _one(m, cal.day_iso(year, month, day))


def _full(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    day, month = _day_month(m.group())
    return _one(m, cal.day_iso(_year_in(m.group()), month, day))


def _day_relative_year(
    m: re.Match[str], published: dt.date | None, anchor: str | None
) -> list[Found]:
    day, month = _day_month(m.group())
    which = _REL_YEAR.search(m.group()).group().split()[0]  # type: ignore[union-attr]
    year = cal.relative_year(published, which)
    return _one(m, cal.day_iso(year, month, day) if year else None)


def _year_less_day(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    day, month = _day_month(m.group())
    if is_future(m.string, m.start()):
        return _one(m, cal.earliest_day(published, month, day))
    return _one(m, cal.latest_day(published, month, day))


def _month_year(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    month = cal.month_number(_MONTH.search(m.group()).group())  # type: ignore[union-attr]
    return _one(m, cal.month_iso(_year_in(m.group()), month))


def _month_relative_year(
    m: re.Match[str], published: dt.date | None, anchor: str | None
) -> list[Found]:
    month = cal.month_number(_FULL_MONTH.search(m.group()).group())  # type: ignore[union-attr]
    which = _REL_YEAR.search(m.group()).group().split()[0]  # type: ignore[union-attr]
    year = cal.relative_year(published, which)
    return _one(m, cal.month_iso(year, month) if year else None)


def _relative_month(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    which, name = m.group().lower().split()[-2:]  # "late last July": the modifier stays in
    return _one(m, cal.shifted_month(published, which.lower(), cal.month_number(name)))


def _season(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    """ "1957-58": two dates, the second year's century from the first."""
    first, second = m.group().split("-")
    year = int(first[:2] + second)
    year += 100 if year < int(first) else 0
    dash = m.start() + len(first)
    return [Found(m.start(), dash, first), Found(dash + 1, m.end(), f"{year:04d}")]


def _this_year(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    """ "the end of the year": the publication year (GUIDELINES.md 3.4.3)."""
    return _one(m, str(published.year) if published else None)


def _range(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    return [
        Found(y.start() + m.start(), y.end() + m.start(), y.group())
        for y in _FOUR_DIGITS.finditer(m.group())
    ]


def _day_range(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    """ "8 and 10 October", "March 8-10, 2020": two dates sharing a month (and year)."""
    text = m.group()
    month = cal.month_number(_MONTH.search(text).group())  # type: ignore[union-attr]
    year = _YEAR_WORD.search(text)
    days = [d for d in _DAY_WORD.finditer(text) if len(d.group()) <= 4]
    out = []
    for day in days[:2]:
        number = int(_DIGITS.match(day.group()).group())  # type: ignore[union-attr]
        value = (
            cal.day_iso(int(year.group()), month, number)
            if year
            else cal.latest_day(published, month, number)
        )
        out.append((day, value))
    first, second = out
    start, end = m.start(), m.end()
    if m.group("day_range"):  # "8 and 10 October 2023": the first is the day alone
        return [
            Found(start + first[0].start(), start + first[0].end(), first[1]),
            Found(start + second[0].start(), end, second[1]),
        ]
    # "March 8-10, 2020": the month and first day, then the second day (and year)
    return [
        Found(start, start + first[0].end(), first[1]),
        Found(start + second[0].start(), end, second[1]),
    ]


def _nth(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    """ "on the 14th": the latest 14th on or before publication."""
    day = int(_DIGITS.search(m.group()).group())  # type: ignore[union-attr]
    if is_future(m.string, m.start()):
        return _one(m, cal.earliest_day_of_month(published, day))
    return _one(m, cal.latest_day_of_month(published, day))


def _year(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    return _one(m, str(_year_in(m.group())))


def _month_only(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    name = _FULL_MONTH.search(m.group()).group()  # type: ignore[union-attr]
    number = cal.month_number(name)
    if (
        anchor
        and len(anchor) >= 7
        and int(anchor[5:7]) == number
        and _THE_BEFORE.search(m.string, 0, m.start())
    ):  # "in September 2018 ... the September deal": the month pointed back to
        return _one(m, anchor[:7])
    if is_future(m.string, m.start()):
        return _one(m, cal.earliest_month(published, cal.month_number(name)))
    return _one(m, cal.latest_month(published, cal.month_number(name)))


def _ago(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    words = _SPACES_OR_HYPHENS.split(m.group().lower())
    count_text, unit = " ".join(words[:-2]), words[-2]
    count = 3 if count_text == "a few" else int(value_of(count_text))
    value = None if count_text == "a few" else cal.ago(published, count, unit)
    return _one(m, value)


def _relative_unit(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    words = [w for w in m.group().lower().split() if w != "fiscal"]  # a year, as named
    which = words[-2] if words[-2] in cal.OFFSETS else "this"
    return _one(m, cal.relative_unit(published, which, words[-1]))


ANAPHORA = {
    "following": 1, "next": 1, "after": 1, "later": 1, "previous": -1, "preceding": -1,
    "before": -1, "earlier": -1, "same": 0, "that": 0,
}  # fmt: skip


def _anaphoric(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    words = m.group().lower().replace("-", " ").split()
    units = [w.removesuffix("s") for w in words]  # "two days later": the unit "day"
    unit = next(w for w in units if w in ("day", "month", "year"))
    step = next((ANAPHORA[w] for w in words if w in ANAPHORA and w != "that"), 0)
    counted = words[: units.index(unit)]  # "two days later", "a month earlier", "10 days"
    if counted and counted[0] not in ("the", "that"):
        count = " ".join(counted)
        step *= 1 if count in ("a", "an") else int(value_of(count))
    return _one(m, cal.anaphoric(anchor, step, unit))


def _vague(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    return _one(m, None)  # "recent weeks", "the past week": no single calendar unit


def _deictic(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    return _one(m, cal.deictic(published, m.group()))


def _weekday(m: re.Match[str], published: dt.date | None, anchor: str | None) -> list[Found]:
    which = m.group("which")
    name = m.group().split()[-1]
    if which is None and is_future(m.string, m.start()):
        which = "future"  # "will meet on Friday": the first Friday from publication on
    return _one(m, cal.weekday(published, name, which.lower() if which else None))


RESOLVERS: dict[str, Resolver] = {
    "iso": _iso,
    "ymd": _ymd,
    "dmy_num": _dmy_num,
    "day_range": _day_range,
    "month_day_range": _day_range,
    "md_rel": _day_relative_year,
    "dm_rel": _day_relative_year,
    "mdy": _full,
    "dmy": _full,
    "md": _year_less_day,
    "dm": _year_less_day,
    "my": _month_year,
    "m_rel": _month_relative_year,
    "rel_m": _relative_month,
    "range": _range,
    "season": _season,
    "year_end": _this_year,
    "year_mod": _year,
    "year": _year,
    "mod_month": _month_only,
    "month_alone": _month_only,
    "ago": _ago,
    "rel_unit": _relative_unit,
    "ana": _anaphoric,
    "vague_time": _vague,
    "deictic": _deictic,
    "weekday": _weekday,
    "nth": _nth,
}
