"""Figure phenomena: separators, words, multipliers, decimals, percentages, fractions,
ranges, qualifiers, money, and numbers that are not figures."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from figdate.testing.phenomena.passages import Passage, cap, fig
from figdate.testing.phenomena.words import AGENCIES, MEASURES, PEOPLE, PLACES, THINGS, WORD_NUMBERS

QUALIFIED = (
    ("about", "approx"),
    ("around", "approx"),
    ("some", "approx"),
    ("roughly", "approx"),
    ("an estimated", "approx"),
    ("at least", "min"),
    ("more than", "min"),
    ("over", "min"),
    ("no fewer than", "min"),
    ("nearly", "max"),
    ("almost", "max"),
    ("up to", "max"),
    ("fewer than", "max"),
    ("as many as", "max"),
)


def _day(rng: random.Random, published: dt.date | None) -> dt.date:
    """The publication day: the one asked for, or a draw (figures do not depend on it)."""
    if published is not None:
        return published
    return dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))


def _count(rng: random.Random, low: int, high: int) -> int:
    return rng.randrange(low, high)


def digits_comma(rng: random.Random, published: dt.date | None = None) -> Passage:
    n = _count(rng, 1_000, 999_999)
    noun, verb = rng.choice(PEOPLE)
    shown = f"{n:,}"
    return Passage(
        [
            f"{cap(rng.choice(AGENCIES))} said ",
            fig(shown, n, noun),
            f" {noun} {verb} in {rng.choice(PLACES)}.",
        ],
        _day(rng, published),
        ("digits-comma",),
        "thousands separated by commas",
    )


def digits_dot(rng: random.Random, published: dt.date | None = None) -> Passage:
    n = _count(rng, 1_000, 99_999)
    noun, verb = rng.choice(PEOPLE)
    shown = f"{n:,}".replace(",", ".")
    return Passage(
        [
            f"In {rng.choice(PLACES)}, ",
            fig(shown, n, noun),
            f" {noun} {verb}, according to {rng.choice(AGENCIES)}.",
        ],
        _day(rng, published),
        ("digits-dot",),
        "thousands separated by dots, as many European outlets write them (GUIDELINES.md 2.4)",
    )


def digits_space(rng: random.Random, published: dt.date | None = None) -> Passage:
    n = _count(rng, 1_000, 999_999)
    noun, verb = rng.choice(PEOPLE)
    space = rng.choice([" ", "\u00a0", "\u202f"])
    shown = f"{n:,}".replace(",", space)
    return Passage(
        [
            fig(shown, n, noun),
            f" {noun} {verb} in {rng.choice(PLACES)}, {rng.choice(AGENCIES)} said.",
        ],
        _day(rng, published),
        ("digits-space",),
        f"thousands separated by U+{ord(space):04X} (GUIDELINES.md 2.4)",
    )


def words(rng: random.Random, published: dt.date | None = None) -> Passage:
    shown, n = rng.choice(WORD_NUMBERS)
    noun, verb = rng.choice(PEOPLE + THINGS)
    start = shown[0].upper() + shown[1:]
    return Passage(
        [fig(start, n, noun), f" {noun} {verb} in {rng.choice(PLACES)}."],
        _day(rng, published),
        ("words",),
        "a number in words at the start of a sentence",
    )


def multiplier(rng: random.Random, published: dt.date | None = None) -> Passage:
    forms: list[Callable[[], tuple[str, str]]] = [
        (lambda: (f"{rng.randrange(11, 99) / 10:g} million", "m")),
        (lambda: (f"{rng.randrange(11, 99) / 10:g}m", "m")),
        (lambda: (f"{rng.randrange(2, 9)} million", "m")),
        (lambda: (rng.choice(["two", "three", "five"]) + " million", "w")),
        (lambda: ("half a million", "w")),
        (lambda: (f"{rng.randrange(11, 40) / 10:g} billion", "b")),
        (lambda: (f"{rng.randrange(11, 40) / 10:g}bn", "b")),
    ]
    shown, _ = rng.choice(forms)()
    value = _multiplied(shown)
    noun, verb = rng.choice(PEOPLE)
    return Passage(
        [
            f"{cap(rng.choice(AGENCIES))} estimates that ",
            fig(shown, value, noun),
            f" {noun} {verb} across the region.",
        ],
        _day(rng, published),
        ("multiplier",),
        "a multiplier, spelt out or abbreviated",
    )


WORD_VALUES = {"two": 2, "three": 3, "five": 5, "half a": 0.5}


def _multiplied(shown: str) -> int:
    scale = 1_000_000_000 if ("billion" in shown or shown.endswith("bn")) else 1_000_000
    head = shown.replace(" million", "").replace(" billion", "").removesuffix("bn")
    head = head.removesuffix("m")
    number = WORD_VALUES[head] if head in WORD_VALUES else float(head)
    return round(number * scale)


def decimal(rng: random.Random, published: dt.date | None = None) -> Passage:
    value = rng.randrange(1, 99) + rng.randrange(1, 10) / 10
    unit, rest = rng.choice(MEASURES)
    return Passage(
        [fig(f"{value:g}", value, unit), f" {unit} {rest} in {rng.choice(PLACES)}."],
        _day(rng, published),
        ("decimal",),
        "a decimal quantity with a unit of measure",
    )


def percent(rng: random.Random, published: dt.date | None = None) -> Passage:
    value = rng.choice([rng.randrange(2, 95), rng.randrange(11, 999) / 10])
    unit = rng.choice(["percent", "per cent", "%"])
    gap = "" if unit == "%" else " "
    shown = f"{value:g}"
    return Passage(
        [
            f"Prices in {rng.choice(PLACES)} rose by ",
            fig(shown, value, unit),
            f"{gap}{unit}, {rng.choice(AGENCIES)} said.",
        ],
        _day(rng, published),
        ("percent",),
        "a percentage: the number is the span, the percent word or sign its unit "
        "(GUIDELINES.md 2.6)",
    )


def fraction(rng: random.Random, published: dt.date | None = None) -> Passage:
    word, value = rng.choice([("Half", 0.5), ("A quarter", 0.25), ("Three quarters", 0.75)])
    n = rng.randrange(20, 900)
    noun, verb = rng.choice(PEOPLE)
    return Passage(
        [
            fig(word, value, None, "exact", "a vague fraction: optional (2.7)", True),
            " of the ",
            fig(str(n), n, noun),
            f" {noun} {verb} in {rng.choice(PLACES)}.",
        ],
        _day(rng, published),
        ("fraction", "digits"),
        "a fraction of a counted whole",
    )


def ranges(rng: random.Random, published: dt.date | None = None) -> Passage:
    low = rng.randrange(5, 400)
    high = low + rng.randrange(2, 60)
    noun, verb = rng.choice(PEOPLE + THINGS)
    joiner = rng.choice(["between {a} and {b}", "from {a} to {b}", "{a} to {b}", "{a}-{b}"])
    before, middle, after = _split(joiner)
    note = "a range is two figures, each with the shared noun (GUIDELINES.md 2.1)"
    return Passage(
        [
            f"Officials said {before}",
            fig(str(low), low, noun, note=note),
            middle,
            fig(str(high), high, noun, note=note),
            f"{after} {noun} {verb} in {rng.choice(PLACES)}.",
        ],
        _day(rng, published),
        ("range",),
        "a range of figures",
    )


def _split(joiner: str) -> tuple[str, str, str]:
    before, rest = joiner.split("{a}")
    middle, after = rest.split("{b}")
    return before, middle, after


def approximate(rng: random.Random, published: dt.date | None = None) -> Passage:
    return _qualified(rng, [q for q in QUALIFIED if q[1] == "approx"], published)


def bound(rng: random.Random, published: dt.date | None = None) -> Passage:
    return _qualified(rng, [q for q in QUALIFIED if q[1] != "approx"], published)


def _qualified(
    rng: random.Random, choices: list[tuple[str, str]], published: dt.date | None
) -> Passage:
    words, qualifier = rng.choice(choices)
    n = rng.choice([rng.randrange(20, 999), rng.randrange(1_000, 90_000)])
    shown = f"{n:,}"
    noun, verb = rng.choice(PEOPLE)
    tag = "approximate" if qualifier == "approx" else "bound"
    return Passage(
        [
            f"{cap(rng.choice(AGENCIES))} said {words} ",
            fig(shown, n, noun, qualifier),
            f" {noun} {verb} in {rng.choice(PLACES)}.",
        ],
        _day(rng, published),
        (tag,),
        f"the words before the figure give its qualifier ({words!r}: {qualifier})",
    )


def money(rng: random.Random, published: dt.date | None = None) -> Passage:
    forms = [
        ("$", "{n} million", 1_000_000),
        ("€", "{n:,}", 1),
        ("£", "{n}bn", 1_000_000_000),
        ("", "{n} million dollars", 1_000_000),
        ("US$", "{n:,}", 1),
    ]
    symbol, shape, scale = rng.choice(forms)
    n = rng.randrange(2, 90) if scale > 1 else rng.randrange(10_000, 900_000)
    shown = shape.format(n=n).replace(" dollars", "")
    unit = symbol or "dollars"
    after = " dollars" if not symbol else ""
    return Passage(
        [
            f"Donors pledged {symbol}",
            fig(shown, n * scale, unit),
            f"{after} for {rng.choice(PLACES)}, {rng.choice(AGENCIES)} said.",
        ],
        _day(rng, published),
        ("money",),
        "money: the number is the span, the currency its unit (GUIDELINES.md 2.6)",
    )


NOT_FIGURES = (
    "{n} {noun} were counted after {code} strike hit {place}.",
    "Under Resolution {res}, {n} {noun} were allowed through {place}.",
    "{n} {noun} waited on Highway M{road} outside {place}.",
    "The hotline, 0800 {phone}, took calls as {n} {noun} reached {place}.",
    "It was the third convoy to arrive: {n} {noun} reached {place}.",
    "{n} {noun} tested positive for COVID-19 in {place}.",
    "At the G20 summit, envoys said {n} {noun} remained trapped in {place}.",
    "Flight 417 landed with {n} {noun} from {place} on board.",
)
CODES = ("an F-16", "a Su-24", "a MiG-29", "an MQ-9")


def not_figures(rng: random.Random, published: dt.date | None = None) -> Passage:
    template = rng.choice(NOT_FIGURES)
    shown, n = rng.choice(WORD_NUMBERS[:12])
    noun = rng.choice(["families", "trucks", "patients", "people"])
    phone = f"{rng.randrange(100, 999)} {rng.randrange(100, 999)}"
    fields = {
        "code": rng.choice(CODES),
        "res": rng.choice(["2254", "2139", "2401"]),
        "road": rng.randrange(2, 9),
        "phone": phone,
        "place": rng.choice(PLACES),
        "noun": noun,
    }
    head, tail = template.split("{n}")
    start = shown if head else shown[0].upper() + shown[1:]
    return Passage(
        [head.format(**fields), fig(start, n, noun), tail.format(**fields)],
        _day(rng, published),
        ("not-figure",),
        "a model name, a resolution, a road, a phone number, an "
        "ordinal, a flight or a name beside a real figure: only the count is a figure",
    )


PHENOMENA = {
    "digits-comma": digits_comma,
    "digits-dot": digits_dot,
    "digits-space": digits_space,
    "words": words,
    "multiplier": multiplier,
    "decimal": decimal,
    "percent": percent,
    "fraction": fraction,
    "range": ranges,
    "approximate": approximate,
    "bound": bound,
    "money": money,
    "not-figure": not_figures,
}
