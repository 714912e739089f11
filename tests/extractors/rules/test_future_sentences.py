"""The rules extractor on the held-out tense sentences: every expected date, nothing more."""

from __future__ import annotations

import pytest

from tests.extractors.rules.future_sentences import FUTURE_CASES, MODAL_CASES
from tests.extractors.rules.test_sentences import expected, found


def _forward(published: object, mentions: list[tuple[object, ...]]) -> bool:
    """A case whose date lies after publication: the new behaviour."""
    return any(str(m[2]) > str(published) for m in mentions)


CASES = [pytest.param(*case, id=case[0][:40]) for case in [*FUTURE_CASES, *MODAL_CASES]]


def test_the_cases_are_distinct_and_both_ways() -> None:
    assert len({text for text, _, _ in FUTURE_CASES}) == len(FUTURE_CASES) >= 35
    forward = [c for c in FUTURE_CASES if _forward(c[1], c[2])]
    assert len(forward) >= 25
    assert len(FUTURE_CASES) - len(forward) >= 8  # past controls


@pytest.mark.parametrize(("text", "published", "mentions"), CASES)
def test_sentence(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)
