"""The rules extractor on the held-out counted-anaphora sentences."""

from __future__ import annotations

import pytest

from tests.extractors.rules.anaphora_sentences import ANAPHORA_CASES, REGRESSIONS
from tests.extractors.rules.test_sentences import expected, found

CASES = [pytest.param(*case, id=case[0][:40]) for case in [*ANAPHORA_CASES, *REGRESSIONS]]


@pytest.mark.parametrize(("text", "published", "mentions"), CASES)
def test_sentence(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)
