"""The matcher's assignment: optimal against brute force, one solve for all groups, and
sized by candidate pairs (a long chain and a dense nest of overlaps still solve)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.scoring import SCHEMES, clusters, matching
from figdate.scoring.prepare import prepare
from figdate.scoring.score import score
from tests.scoring.helpers import GOLD_COLUMNS, PRED_COLUMNS, row
from tests.scoring.test_properties import ARTICLES, gold_frame, pred_frame, spans


def _objective(pairs: list[int], levels: list[np.ndarray]) -> tuple[float, ...]:
    return (float(len(pairs)), *(float(sum(level[k] for k in pairs)) for level in levels))


def _best(gi: np.ndarray, pj: np.ndarray, levels: list[np.ndarray]) -> tuple[float, ...]:
    """The lexicographically best objective over every matching, by exhaustive search."""
    best: tuple[float, ...] = (0.0,) * (len(levels) + 1)

    def extend(k: int, used_g: frozenset[int], used_p: frozenset[int], taken: list[int]) -> None:
        nonlocal best
        if k == len(gi):
            best = max(best, _objective(taken, levels))
            return
        extend(k + 1, used_g, used_p, taken)
        if gi[k] not in used_g and pj[k] not in used_p:
            extend(k + 1, used_g | {gi[k]}, used_p | {pj[k]}, [*taken, k])

    extend(0, frozenset(), frozenset(), [])
    return best


@st.composite
def candidate_pairs(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    n_g = draw(st.integers(1, 5))
    n_p = draw(st.integers(1, 5))
    cells = draw(st.sets(st.tuples(st.integers(0, n_g - 1), st.integers(0, n_p - 1)), max_size=12))
    pairs = sorted(cells)
    n_levels = draw(st.integers(0, 3))
    flag, share = st.sampled_from([0.0, 1.0]), st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0])
    levels = [  # as match() passes them: 0/1 levels, the last one any share in [0, 1]
        np.array(draw(st.lists(unit, min_size=len(pairs), max_size=len(pairs))))
        for unit in [flag] * (n_levels - 1) + [share] * (n_levels > 0)
    ]
    gi = np.array([g * 7 for g, _ in pairs], dtype=np.int64)  # indices need not be compact
    pj = np.array([p * 3 + 1 for _, p in pairs], dtype=np.int64)
    return gi, pj, levels


@settings(max_examples=300, deadline=None)
@given(candidate_pairs())
def test_the_matching_is_a_best_one(case: tuple[np.ndarray, np.ndarray, list[np.ndarray]]) -> None:
    """Both solvers: the sparse one, and the dense one (forced here on every group in
    which half the cells are candidates)."""
    gi, pj, levels = case
    want = _best(gi, pj, levels)
    default = clusters.DENSE_AREA
    for dense_area in (default, 1):
        clusters.DENSE_AREA = dense_area
        try:
            chosen = matching.solve(gi, pj, levels)
        finally:
            clusters.DENSE_AREA = default
        assert len(set(gi[chosen])) == chosen.sum() == len(set(pj[chosen]))
        got = _objective(list(np.flatnonzero(chosen)), levels)
        assert all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(got, want, strict=True))


def _frames(
    gold: list[tuple[str, int, int]], pred: list[tuple[str, int, int]]
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Article]]:
    """Figure mentions at the given spans."""

    def frame(rows: list[tuple[str, int, int]], *, is_gold: bool) -> pd.DataFrame:
        data = [  # values 0, 1, 2, ...: gold i and prediction i agree (no wildcards)
            row(a, "figure", s, e, str(i), text="x" * (e - s), qualifier="exact", gold=is_gold)
            for i, (a, s, e) in enumerate(rows)
        ]
        return pd.DataFrame(data, columns=GOLD_COLUMNS if is_gold else PRED_COLUMNS)

    names = sorted({a for a, _, _ in gold + pred})
    longest = max(e for _, _, e in gold + pred)
    articles = {a: Article(a, "x" * longest, None) for a in names}
    return frame(gold, is_gold=True), frame(pred, is_gold=False), articles


def _relaxed_tp(gold: pd.DataFrame, pred: pd.DataFrame, articles: dict[str, Article]) -> int:
    table = score(gold, pred, articles, resamples=0).summary
    row = table[(table["scheme"] == "relaxed") & (table["kind"] == "figure")]
    return int(row["tp"].iloc[0])


def test_every_group_of_every_article_is_one_solve(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two gold spans and one prediction covering both, in 20 and then 200 articles: the
    solver is called as often either way (a batch, not a Python loop over groups)."""
    calls: list[int] = []
    real = matching.min_weight_full_bipartite_matching

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(matching, "min_weight_full_bipartite_matching", counted)
    made = []
    for n in (20, 200):
        calls.clear()
        gold = [(f"a{i}", 0, 7) for i in range(n)] + [(f"a{i}", 8, 12) for i in range(n)]
        pred = [(f"a{i}", 0, 12) for i in range(n)]
        assert _relaxed_tp(*_frames(gold, pred)) == n
        made.append(len(calls))
    assert made[0] == made[1] <= len(SCHEMES)


def test_a_long_chain_of_overlaps_is_matched_whole() -> None:
    """Prediction i overlaps gold i and i + 1: one group of 2n pairs, all n matchable."""
    n = 3000
    gold = [("a", 10 * i, 10 * i + 8) for i in range(n + 1)]
    pred = [("a", 10 * i + 4, 10 * i + 14) for i in range(n)]
    assert _relaxed_tp(*_frames(gold, pred)) == n


def test_a_dense_nest_of_overlaps_is_matched_whole() -> None:
    """Every prediction overlaps every gold span (nested spans): n x n pairs."""
    n = 400
    gold = [("a", i, 2 * n - i) for i in range(n)]
    pred = [("a", i, 2 * n + 1 - i) for i in range(n)]
    assert _relaxed_tp(*_frames(gold, pred)) == n


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@settings(max_examples=200, deadline=None)
@given(spans(gold=True, max_size=14), spans(gold=False, max_size=14))
def test_dense_clusters_count_as_the_sparse_path(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> None:
    """Every cluster solved as a matrix (forced) or none: the same counts in every
    scheme, article and kind, and the same number of relaxed pairs."""
    results = []
    for area, share in ((1, 0.0), (math.inf, 1.0)):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(clusters, "DENSE_AREA", area)
            patch.setattr(clusters, "DENSE_SHARE", share)
            data = prepare(gold_frame(gold), pred_frame(pred), ARTICLES)
            found = matching.match(data)
        results.append((found.counts, len(found.pairs_gold)))
    (forced, n_forced), (sparse, n_sparse) = results
    assert np.array_equal(forced, sparse)
    assert n_forced == n_sparse


def test_a_dense_cluster_is_found_and_the_rest_is_left_to_the_sparse_path() -> None:
    """A 120 x 120 nest beside a chain in another article: only the nest is a dense cluster."""
    n = 120
    gold = [("a", i, 2 * n - i) for i in range(n)] + [("b", 10 * i, 10 * i + 8) for i in range(50)]
    pred = [("a", i, 2 * n + 1 - i) for i in range(n)] + [
        ("b", 10 * i + 4, 10 * i + 14) for i in range(49)
    ]
    g, p, articles = _frames(gold, pred)
    data = prepare(g, p, articles)
    dense = clusters.dense_clusters(data.gold, data.pred)
    assert [len(x) for x in dense.gold] == [n]
    assert [len(x) for x in dense.pred] == [n]
    assert set(data.gold.article[dense.gold[0]].tolist()) == {data.articles.index("a")}
    assert _relaxed_tp(g, p, articles) == n + 49
