"""The candidate scan is a shortcut: ``rules`` tries its pattern only where a start word
follows a separator, found in the lowercased text, and tries numbers alone where the word
cannot begin a date. For any text, what it finds must be what the full pattern finds when
tried at every word start in turn; a start word the scan forgot would lose dates."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.extractors.rules import PATTERN, SEPARATORS, RulesExtractor, _matches

_AFTER = re.compile(rf"[{SEPARATORS}]")

WORDS = [
    "1", "12", "2020", "1,234", "1.5", "35,000", "10:30", "5pm", "05.02.2019",
    "one", "Two", "THREE", "twenty-five", "hundred", "thousand", "Dozens", "tens", "half",
    "a", "an", "A", "few", "dozen", "million", "of", "thousands",
    "January", "MARCH", "march", "May", "may", "MAY", "Sept.", "Dec", "decided", "Monday",
    "SUNDAY", "sunday", "last", "Last", "next", "this", "This", "that", "That", "year",
    "month", "week", "days", "ago", "later", "earlier", "Yesterday", "today", "the", "The",
    "THE", "following", "same", "previous", "beginning", "end", "early", "Late", "mid",
    "recent", "past", "coming", "on", "in", "people", "km", "www.example.org", "http://x.y",
    "\u0130stanbul", "\u0130", "\u212a", "caf\u00e9", "F-16", "1957-58", "24/7",
]  # fmt: skip
# One phrase or more for each alternative of the pattern, in the cases news prints them.
PHRASES = [
    "2023-11-02", "2019/5/3", "05.02.2019", "3/31/2020", "8 to 10 October", "March 3-5, 2020",
    "May 5 last year", "5 May of next year", "early March 5, 2019", "late 5 March 2019",
    "April 7", "7 April", "mid-March 2019", "March of last year", "late last July",
    "2009-2011", "1957-58", "early 2019", "in 2017", "2,000 people", "in late March",
    "the September deal", "two weeks ago", "A year ago", "last month", "The previous week",
    "the end of the year", "the following day", "That same day", "the day after",
    "three days later", "a few years earlier", "recent days", "the past few weeks",
    "The coming months", "Today", "yesterday", "next Thursday", "on Sunday", "on the 14th",
    "the 14th amendment", "this May", "that Friday", "this spring", "a dozen", "half a million",
    "an estimated 1.8m", "3bn", "tens of thousands", "some 35,000", "Fifty-one",
]  # fmt: skip
GLUE = [" ", " ", ", ", ". ", "-", "/", "\n", " (", ") ", "\u201c", "\u2014", "$", "\u00a0"]
words = st.one_of(st.sampled_from(WORDS), st.sampled_from(PHRASES))
texts = st.lists(st.tuples(words, st.sampled_from(GLUE)), max_size=30).map(
    lambda parts: "".join(w + g for w, g in parts)
)


def reference(text: str) -> list[tuple[int, int, str | None]]:
    """The full pattern at every position after a separator, left to right, no overlaps."""
    found, end = [], 0
    for position in range(len(text)):
        if position < end or (position and not _AFTER.match(text, position - 1)):
            continue
        match = PATTERN.match(text, position)
        if match is not None:
            found.append((match.start(), match.end(), match.lastgroup))
            end = match.end()
    return found


@settings(max_examples=400, deadline=None)
@given(texts)
def test_the_scan_finds_what_the_full_pattern_finds(text: str) -> None:
    assert [(m.start(), m.end(), m.lastgroup) for m in _matches(text)] == reference(text)


def test_a_letter_that_lowercases_to_two_keeps_every_offset() -> None:
    text = "In \u0130stanbul on 5 March 2020, 3,000 people marched."
    assert len(text.lower()) != len(text)  # the case the scan must not be misled by
    rows = list(RulesExtractor().extract(Article(id="a", text=text, published=dt.date(2020, 3, 9))))
    assert [(r["text"], text[r["start"] : r["end"]]) for r in rows] == [
        ("5 March 2020", "5 March 2020"),
        ("3,000", "3,000"),
    ]
