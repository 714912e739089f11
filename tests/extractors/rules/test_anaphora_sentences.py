"""The rules extractor on the held-out counted-anaphora sentences."""

from __future__ import annotations

import pytest

from tests.extractors.rules.anaphora_sentences import ANAPHORA_CASES
from tests.extractors.rules.test_sentences import expected, found

BEFORE_THE_CHANGE = pytest.mark.xfail(reason="issue 19: counted anaphora not read", strict=True)
CASES = [
    pytest.param(*case, id=case[0][:40], marks=[] if "than" in case[0] else [BEFORE_THE_CHANGE])
    for case in ANAPHORA_CASES
]


@pytest.mark.parametrize(("text", "published", "mentions"), CASES)
def test_sentence(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)
