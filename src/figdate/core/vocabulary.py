"""figdate's words, defined once: kinds, schemes, outcomes, tables, qualifiers, slugs.

Every other module takes these names from here, so that the gold check, the scorer, the
reports, the CLI and the pytest plugin cannot drift apart. Pure Python and cheap to import:
the CLI's parser and the pytest plugin read it before anything heavy is loaded.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.StrEnum):
    """What a mention is. ``Kind.FIGURE == "figure"``: tables keep the plain strings."""

    FIGURE = "figure"
    DATE = "date"

    @property
    def code(self) -> int:
        """The kind's number in the scorer's arrays (figure 0, date 1)."""
        return KIND_CODES[self]


KINDS: tuple[str, ...] = tuple(Kind)
"""The kinds a mention may have, in report order."""
KIND_CODES: dict[str, int] = {kind: code for code, kind in enumerate(KINDS)}
FIGURE_CODE, DATE_CODE = KIND_CODES[Kind.FIGURE], KIND_CODES[Kind.DATE]
N_KINDS = len(KINDS)
ALL = "all"
REPORT_KINDS: tuple[str, ...] = (*KINDS, ALL)
"""The kinds a report has a row for: each kind, and both together."""


class TableKind(enum.StrEnum):
    """The three tables of the contract."""

    ARTICLES = "articles"
    GOLD = "gold"
    PREDICTIONS = "predictions"


TABLE_KINDS: tuple[str, ...] = tuple(TableKind)


class Outcome(enum.StrEnum):
    """What the scorer made of one mention, under the relaxed one-to-one matching
    (nervaluate's and TempEval-3's words: correct, missed, spurious)."""

    CORRECT = "correct"  # paired with a required gold mention, equal value and span
    WRONG_VALUE = "wrong value"  # paired, values differ
    BOUNDARY = "boundary"  # paired, equal values, other offsets
    MISSED = "missed"  # a required gold mention with no prediction
    SPURIOUS = "spurious"  # a located prediction paired with nothing
    OPTIONAL = "optional"  # an optional gold mention, predicted or not: neutral


OUTCOMES: tuple[str, ...] = tuple(Outcome)
ERRORS: tuple[str, ...] = (Outcome.MISSED, Outcome.SPURIOUS, Outcome.WRONG_VALUE, Outcome.BOUNDARY)
"""The outcomes an error list shows, in the order of its label column."""


@dataclass(frozen=True)
class Scheme:
    """A scoring scheme: when a prediction counts as correct. All report P/R/F1, for which
    higher is better (the pytest plugin's regression gate reads ``higher_is_better``)."""

    name: str
    rule: str
    description: str
    spans: bool = True  # False: the scheme ignores offsets (bag)
    higher_is_better: bool = True


SCHEME_TABLE: tuple[Scheme, ...] = (
    Scheme("strict", "the same kind, identical offsets, an equal value",
           "exact extraction and normalisation"),
    Scheme("exact", "the same kind, identical offsets (value ignored)", "span detection"),
    Scheme("relaxed", "the same kind, overlapping spans (value ignored)",
           "detection with loose boundaries"),
    Scheme("value", "the same kind, overlapping spans, an equal value",
           "the headline, like TempEval-3's value F1"),
    Scheme("bag", "per article and kind, the same multiset of values (spans ignored)",
           "extractors that give no offsets (many LLM prompts)", spans=False),
)  # fmt: skip
SCHEMES: tuple[str, ...] = tuple(s.name for s in SCHEME_TABLE)
SPAN_SCHEMES: tuple[str, ...] = tuple(s.name for s in SCHEME_TABLE if s.spans)
HEADLINE_SCHEME = "value"
SUMMARY_SCHEMES: tuple[str, ...] = ("value", "strict", "relaxed")
"""The schemes a short summary shows (Markdown, the HTML headline): the headline first."""
CHANGE = "B - A"
"""The one sign convention of every comparison (``compare``, ``runs compare``, the HTML
comparison, the regression gate): the second run minus the first, so that a gain is
positive and, every figure being higher-is-better, a drop is negative."""
CHANGE_NOTE = f"change = {CHANGE}: positive when B scores higher (higher is better)"
METRICS = ("precision", "recall", "f1")
MACRO_METRICS = tuple(f"macro_{m}" for m in METRICS)

QUALIFIERS: tuple[str, ...] = ("exact", "approx", "min", "max")
"""A figure's qualifier (GUIDELINES.md 2.5)."""
QUALIFIER_WORDS: dict[str, str] = {
    "some": "approx", "about": "approx", "around": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx",
    "close to": "approx",
    "over": "min", "more than": "min", "at least": "min", "just over": "min", "above": "min",
    "in excess of": "min", "no fewer than": "min", "no less than": "min", "upwards of": "min",
    "nearly": "max", "almost": "max", "up to": "max", "under": "max", "less than": "max",
    "fewer than": "max", "as many as": "max", "no more than": "max", "just under": "max",
    "below": "max",
}  # fmt: skip
"""The words before a figure and the qualifier they give: one vocabulary for the gold
check (``goldset.guidelines``) and the ``rules`` extractor."""

BOOL_WORDS: dict[str, bool] = {
    "true": True, "false": False, "1": True, "0": False, "yes": True, "no": False,
}  # fmt: skip
"""The spellings of true and false a CSV cell may use."""
TRUE_WORDS = frozenset(word for word, value in BOOL_WORDS.items() if value)

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""An article id: lowercase a-z, 0-9 and single hyphens (safe as a file name)."""
URL = r"^https?://\S+$"
"""An article's URL."""
TAGS = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?: [a-z0-9]+(?:-[a-z0-9]+)*)*$"
"""A ``tags`` cell: phenomena as slugs, one space between them (``relative weekday``)."""


def tags_of(cell: object) -> tuple[str, ...]:
    """The tags of a ``tags`` cell (none for an empty cell)."""
    return tuple(cell.split()) if isinstance(cell, str) else ()


TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
"""TimeML TIMEX3 types: a date mention's ``type`` in a TimeML dataset."""
TIMEX_MODS = (
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
)  # fmt: skip
"""TimeML TIMEX3 ``mod`` values (TimeML 1.2.1): a date mention's ``mod``."""

START_METHODS: tuple[str, ...] = ("fork", "spawn", "forkserver", "inline")
"""How a Python extractor's worker processes start (``figdate.extractors.workers``), as
``--start-method``, ``--figdate-start-method`` and ``start_method`` name them."""
