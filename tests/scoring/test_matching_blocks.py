"""Matching a block of whole articles at a time gives the matching of the whole corpus."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.scoring import matching
from figdate.scoring.matching import Matches, match
from figdate.scoring.prepare import prepare


def corpus(seed: int, n_articles: int) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Article]]:
    """Articles of 0 to 12 gold spans, predictions that copy, shift, stretch over two gold
    spans (competing pairs), drop or add; some articles with no gold or no predictions."""
    rng = np.random.default_rng(seed)
    gold, pred = [], []
    for a in range(n_articles):
        for k in range(int(rng.integers(0, 13))):
            start = 10 * k + int(rng.integers(0, 3))
            kind = "figure" if rng.random() < 0.6 else "date"
            value = str(int(rng.integers(0, 4))) if kind == "figure" else "2020-01-0" + "12"[k % 2]
            row = {"article_id": f"a{a}", "kind": kind, "start": start, "end": start + 4,
                   "value": value, "qualifier": "exact" if kind == "figure" else None}  # fmt: skip
            gold.append({**row, "optional": bool(rng.random() < 0.1)})
            roll = rng.random()
            if roll < 0.5:
                pred.append(row)
            elif roll < 0.7:
                pred.append({**row, "end": row["end"] + 8})  # overlaps the next span too
            elif roll < 0.85:
                pred.append({**row, "start": row["start"] + 1, "value": "9"})
        if rng.random() < 0.3:
            pred.append({"article_id": f"a{a}", "kind": "figure", "start": 200, "end": 203,
                         "value": "1", "qualifier": "exact"})  # fmt: skip
    texts = {f"a{a}": Article(f"a{a}", "x" * 300) for a in range(n_articles)}
    columns = ["article_id", "kind", "start", "end", "value", "qualifier"]
    return (
        pd.DataFrame(gold, columns=[*columns, "optional"]),
        pd.DataFrame(pred, columns=columns),
        texts,
    )


def _pairs(gold: np.ndarray, pred: np.ndarray) -> set[tuple[int, int]]:
    return set(zip(gold.tolist(), pred.tolist(), strict=True))


def _same(ours: Matches, whole: Matches) -> None:
    assert np.array_equal(ours.counts, whole.counts)
    assert _pairs(ours.pairs_gold, ours.pairs_pred) == _pairs(whole.pairs_gold, whole.pairs_pred)
    assert _pairs(ours.value_gold, ours.value_pred) == _pairs(whole.value_gold, whole.value_pred)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 40), block=st.integers(1, 60))
def test_blocks_of_whole_articles_match_as_the_whole(seed: int, n: int, block: int) -> None:
    data = prepare(*corpus(seed, n))
    whole = match(data, block_rows=10**9)
    _same(match(data, block_rows=block), whole)


@pytest.mark.parametrize("block", [1, 5, 100])
def test_a_corpus_of_many_blocks(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = prepare(*corpus(7, 300))
    whole = match(data, block_rows=10**9)
    assert whole.counts[..., 0].sum() > 0  # matches
    assert whole.counts[..., 1].sum() > 0  # and spurious predictions
    blocks = []
    one_block = matching._match_block
    monkeypatch.setattr(matching, "_match_block", lambda d: blocks.append(d) or one_block(d))
    _same(match(data, block_rows=block), whole)
    rows = len(data.gold.article) + len(data.pred.article)
    assert len(blocks) >= rows // (block + 25)  # an article holds at most 25 rows here
