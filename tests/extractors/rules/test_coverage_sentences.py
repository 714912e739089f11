"""The rules extractor on the held-out coverage sentences (issue 19)."""

from __future__ import annotations

import pytest

from tests.extractors.rules.coverage_sentences import COVERAGE_CASES
from tests.extractors.rules.test_sentences import expected, found

NOT_YET = pytest.mark.xfail(reason="issue 19: not read yet", strict=True)
PASSING_BEFORE = ("2000 people crossed", "A 1998 survey", "Its 2015 report")
"""Read right already: a year before a counted noun is a figure, before other nouns a date."""
CASES = [
    pytest.param(
        *case, id=case[0][:40], marks=[] if case[0].startswith(PASSING_BEFORE) else [NOT_YET]
    )
    for case in COVERAGE_CASES
]


@pytest.mark.parametrize(("text", "published", "mentions"), CASES)
def test_sentence(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)
