"""The rules extractor on held-out sentences: every expected mention, nothing more."""

from __future__ import annotations

from collections import Counter

import pytest

from figdate.core.model import Article
from figdate.core.values import is_empty
from figdate.extractors.rules import RulesExtractor
from tests.extractors.rules.sentences import CASES

EXTRACTOR = RulesExtractor()


def found(text: str, published: object) -> Counter[tuple[object, ...]]:
    article = Article("s", text, published=published)  # type: ignore[arg-type]
    out: Counter[tuple[object, ...]] = Counter()
    for row in EXTRACTOR.extract(article):
        assert text[row["start"] : row["end"]] == row["text"]
        value = None if is_empty(row["value"]) else row["value"]
        out[(row["kind"], row["text"], value, row.get("qualifier"))] += 1
    return out


def expected(mentions: list[tuple[object, ...]]) -> Counter[tuple[object, ...]]:
    out: Counter[tuple[object, ...]] = Counter()
    for mention in mentions:
        kind, text, value = mention[:3]
        qualifier = mention[3] if len(mention) > 3 else ("exact" if kind == "figure" else None)
        out[(kind, text, value, qualifier)] += 1
    return out


def test_there_are_at_least_sixty_sentences() -> None:
    assert len(CASES) >= 60
    assert len({text for text, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("text", "published", "mentions"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(text: str, published: object, mentions: list[tuple[object, ...]]) -> None:
    assert found(text, published) == expected(mentions)
