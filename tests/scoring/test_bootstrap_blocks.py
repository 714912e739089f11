"""The bootstrap drawn block by block is still n draws with replacement per resample."""

from __future__ import annotations

import numpy as np
import pytest

from figdate.scoring import metrics


@pytest.mark.parametrize("block_cells", [10_000_000, 1_000, 7])
def test_each_resample_draws_every_article_once_on_average(
    monkeypatch: pytest.MonkeyPatch, block_cells: int
) -> None:
    monkeypatch.setattr(metrics, "BLOCK_CELLS", block_cells)
    n, resamples = 40, 4_000
    weights = metrics.resampled([np.eye(n)], resamples, seed=3)[0]  # one-hot: the weights
    assert weights.shape == (resamples, n)
    assert np.all(weights.sum(axis=1) == n)  # n draws in every resample
    assert np.all(weights >= 0)
    assert np.all(weights == np.round(weights))
    # multinomial(n, 1/n): mean 1, variance 1 - 1/n, and no article favoured
    assert abs(weights.mean() - 1) < 1e-12
    assert weights.var() == pytest.approx(1 - 1 / n, rel=0.05)
    assert np.abs(weights.mean(axis=0) - 1).max() < 0.1


def test_the_arrays_share_their_resamples() -> None:
    counts = np.arange(30.0).reshape(10, 3)
    a, b = metrics.resampled([counts, 2 * counts], 50, seed=0)
    assert np.array_equal(b, 2 * a)


def test_the_same_seed_gives_the_same_resamples() -> None:
    counts = np.random.default_rng(1).integers(0, 5, size=(100, 4))
    first = metrics.resampled([counts], 20, seed=9)[0]
    assert np.array_equal(first, metrics.resampled([counts], 20, seed=9)[0])
    assert not np.array_equal(first, metrics.resampled([counts], 20, seed=10)[0])
