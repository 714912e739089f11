"""Whether a year-less date, month or weekday is in the future (GUIDELINES.md 3.4.2).

News reports the past, so such a date is the latest on or before publication, unless its
own clause, before it, carries a future or modal construction: "will", "shall", "'ll",
"would" (reported speech: "said the bridge would reopen on 3 March"), "is/are to",
"is/are due", "is/are scheduled/expected/set/slated/planned", "plan(s)/intend(s) to",
"upcoming". The clause is what follows the last comma, semicolon, colon, sentence end or
"that" before the date, so "the talks that were due to resume on Monday collapsed" and
"on Tuesday the council said it will review the plan" stay in the past.
"""

from __future__ import annotations

import re

FUTURE = re.compile(
    r"(?:\b(?:will|shall|won't|would|upcoming|(?:is|are|am)\s+(?:to|due|scheduled|expected|set"
    r"|slated|planned|poised)|plans?\s+to|planning\s+to|intends?\s+to)\b|'ll\b)",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"[.;:!?,\n]|\bthat\b", re.IGNORECASE)
REACH = 100
"""How far back a clause is read, in characters."""


def is_future(text: str, start: int) -> bool:
    """Whether the date at ``start`` of ``text`` follows a future construction in its clause."""
    window = text[max(0, start - REACH) : start]
    ends = list(CLAUSE_END.finditer(window))
    clause = window[ends[-1].end() :] if ends else window
    return FUTURE.search(clause) is not None
