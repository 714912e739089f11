"""Text-only predictions get the offsets a plain search would give them: against a naive
reference that tries every position of the article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from figdate.scoring.alignment import ArticleIndex


def _naive(text: str, needle: str, used: set[int]) -> int | None:
    free = [at for at in range(len(text)) if text.startswith(needle, at) and at not in used]

    def whole(at: int) -> bool:
        end = at + len(needle)
        before = text[at - 1] if at > 0 else " "
        after = text[end] if end < len(text) else " "
        return not before.isalnum() and not after.isalnum()

    return next((at for at in free if whole(at)), free[0] if free else None)


PIECES = st.sampled_from(["5", "50", "5 March", "March", "2020", " ", ", ", "$5", "_5", "é5", "x"])


@settings(max_examples=400, deadline=None)
@given(
    st.lists(PIECES, max_size=12).map("".join),
    st.lists(st.tuples(st.sampled_from(["figure", "date"]), PIECES.filter(str.strip)), max_size=8),
)
def test_each_prediction_takes_the_occurrence_a_full_search_finds(
    text: str, asks: list[tuple[str, str]]
) -> None:
    index = ArticleIndex.of(text)
    used: dict[str, set[int]] = {}
    for kind, needle in asks:
        taken = used.setdefault(kind, set())
        want = _naive(text, needle, taken)
        assert index.take(kind, needle) == want
        if want is not None:
            taken.add(want)


def test_a_long_article_is_indexed_once() -> None:
    text = " ".join(f"{i} people" for i in range(20_000))
    index = ArticleIndex.of(text)
    starts = [index.take("figure", str(i)) for i in range(0, 20_000, 7)]
    assert starts == [text.index(f" {i} people") + 1 if i else 0 for i in range(0, 20_000, 7)]
