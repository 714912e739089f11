"""The rules extractor on the held-out scheduled-event sentences: every expected date,
nothing more."""

from __future__ import annotations

import pytest

from tests.extractors.rules.scheduled_sentences import ADJECTIVE_CASES, SCHEDULED_CASES
from tests.extractors.rules.test_future_sentences import _forward
from tests.extractors.rules.test_sentences import expected, found

CASES = [pytest.param(*case, id=case[0][:40]) for case in SCHEDULED_CASES]


def test_the_cases_are_distinct_and_both_ways() -> None:
    assert len({text for text, _, _ in SCHEDULED_CASES}) == len(SCHEDULED_CASES) >= 26
    forward = [c for c in SCHEDULED_CASES if _forward(c[1], c[2])]
    assert len(forward) >= 20
    assert len(SCHEDULED_CASES) - len(forward) >= 6  # past controls


@pytest.mark.parametrize(("text", "published", "mentions"), CASES)
def test_sentence(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)


@pytest.mark.parametrize(("text", "published", "mentions"), ADJECTIVE_CASES,
                         ids=[c[0][:40] for c in ADJECTIVE_CASES])  # fmt: skip
def test_a_cue_as_an_adjective(
    text: str, published: object, mentions: list[tuple[object, ...]]
) -> None:
    assert found(text, published) == expected(mentions)
