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


@pytest.mark.parametrize("scale", [1, 2**31])
def test_the_summary_counts_are_exact_whatever_their_size(scale: int) -> None:
    """32-bit counts where they fit, 64-bit beyond: micro counts and macro scores exact."""
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 5, size=(40, 2, 5, 4)).astype(np.int64) * scale
    table = metrics.summary(counts, tuple(f"s{i}" for i in range(5)), resamples=20, seed=0)
    full = metrics.with_all_kinds(counts)
    for row in table.itertuples():
        k = ("figure", "date", "all").index(row.kind)
        s = int(row.scheme[1:])
        assert row.tp == full[:, k, s, metrics.TP].sum()
        assert row.fn == full[:, k, s, metrics.FN].sum()
        cell = full[:, k, s, :]
        active = cell[:, metrics.TP] + cell[:, metrics.FP] + cell[:, metrics.FN] > 0
        expected = metrics.prf(cell[active])[2].mean() if active.any() else 0.0
        assert row.macro_f1 == pytest.approx(expected)
