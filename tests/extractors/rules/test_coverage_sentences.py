"""The rules extractor on the held-out coverage sentences (issue 19)."""

from __future__ import annotations

import pytest

from tests.extractors.rules.coverage_sentences import COVERAGE_CASES, FISCAL_CASES
from tests.extractors.rules.test_sentences import expected, found

CASES = [pytest.param(*case, id=case[0][:40]) for case in [*COVERAGE_CASES, *FISCAL_CASES]]


@pytest.mark.parametrize(("text", "published", "mentions"), CASES)
def test_sentence(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)
