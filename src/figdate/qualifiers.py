"""The words before a figure and the qualifier they give (GUIDELINES.md 2.5).

One vocabulary for the annotation guidelines' check (``figdate.guidelines``) and for the
``rules`` extractor, so that what the gold check expects and what the extractor reads agree.
"""

from __future__ import annotations

QUALIFIERS: dict[str, str] = {
    "some": "approx", "about": "approx", "around": "approx", "roughly": "approx",
    "approximately": "approx", "an estimated": "approx", "estimated": "approx",
    "close to": "approx",
    "over": "min", "more than": "min", "at least": "min", "just over": "min", "above": "min",
    "in excess of": "min", "no fewer than": "min", "no less than": "min", "upwards of": "min",
    "nearly": "max", "almost": "max", "up to": "max", "under": "max", "less than": "max",
    "fewer than": "max", "as many as": "max", "no more than": "max", "just under": "max",
    "below": "max",
}  # fmt: skip
