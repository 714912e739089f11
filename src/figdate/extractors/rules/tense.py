"""Whether a year-less date, month or weekday is in the future (GUIDELINES.md 3.4.2).

News reports the past, so such a date is the latest on or before publication, unless its
own clause, before it, carries a future or modal construction: "will", "shall", "'ll",
"would" (reported speech: "said the bridge would reopen on 3 March"), "must" and "should"
(not "must have"), "is/are to",
"is/are due", "is/are scheduled/expected/set/slated/planned", "plan(s)/intend(s) to",
"upcoming"; or a scheduled event in the present tense: "takes effect", "comes into force",
"expires", "payable", "of record", "record date", "deadline", "effective", "extended
until", "expect(s) ... to", "to be" done, bare "set to", and "slated", "scheduled", "due"
or "effective" before a preposition, a number or a name ("due on", "effective 2 October";
before a noun they describe it: "Scheduled flights resumed on Monday" is past). A
scheduled event counts only where the clause has no past auxiliary before the date ("the
grant was payable on 15 January" stays in the past). The clause is what follows the last
comma, semicolon, colon, sentence end or "that" before the date, so "the talks that were
due to resume on Monday collapsed" and "on Tuesday the council said it will review the
plan" stay in the past.
"""

from __future__ import annotations

import re

FUTURE = re.compile(
    r"(?:\b(?:will|shall|won't|would|(?:must|should)(?!\s+have)|upcoming|(?:is|are|am)\s+(?:to|due|scheduled|expected|set"
    r"|slated|planned|poised)|plans?\s+to|planning\s+to|intends?\s+to)\b|'ll\b)",
    re.IGNORECASE,
)
SCHEDULED = re.compile(
    r"\b(?:(?:takes?|comes?|goes?|enters?)\s+(?:into\s+)?(?:effect|force)|expires?|payable"
    r"|of\s+record|record\s+date|deadline|extend(?:s|ed)?\s+(?:\w+\s+){0,3}?(?:to|until"
    r"|through)|expects?\s+(?:\w+\s+){0,3}?to|to\s+be\s+\w+ed|set\s+to"
    r"|(?:slated|scheduled|due|effective)(?=\s+(?:to|for|on|in|by|from|until|at|between|around"
    r"|next|this|early|late|mid|an?|the|its|their|his|her|\d|(?-i:[A-Z]))))\b",
    re.IGNORECASE,
)
PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)
CLAUSE_END = re.compile(r"[.;:!?,\n]|\bthat\b", re.IGNORECASE)
REACH = 100
"""How far back a clause is read, in characters."""


def is_future(text: str, start: int) -> bool:
    """Whether the date at ``start`` of ``text`` follows a future construction, or a
    scheduled event not put in the past, in its clause."""
    window = text[max(0, start - REACH) : start]
    ends = list(CLAUSE_END.finditer(window))
    clause = window[ends[-1].end() :] if ends else window
    if FUTURE.search(clause):
        return True
    if PAST_AUXILIARY.search(clause):
        return False
    cue = SCHEDULED.search(clause + text[start : start + 12])  # "effective 2 October"
    return cue is not None and cue.start() < len(clause)
