"""rules on the held-out figure-form sentences (``form_sentences``)."""

from __future__ import annotations

import pytest

from tests.extractors.rules.form_sentences import CONTROLS, FORM_CASES
from tests.extractors.rules.test_sentences import expected, found


def test_the_cases_are_distinct() -> None:
    texts = [text for text, _, _ in FORM_CASES + CONTROLS]
    assert len(set(texts)) == len(texts) >= 29


@pytest.mark.parametrize(("text", "published", "mentions"), FORM_CASES,
                         ids=[c[0][:40] for c in FORM_CASES])  # fmt: skip
def test_sentence(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)


@pytest.mark.parametrize(("text", "published", "mentions"), CONTROLS,
                         ids=[c[0][:40] for c in CONTROLS])  # fmt: skip
def test_control(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)
