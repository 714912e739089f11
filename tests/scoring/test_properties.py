"""Properties of the scorer over generated gold and predictions (hypothesis)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.scoring import SCHEMES, SPAN_SCHEMES, score
from tests.scoring.helpers import GOLD_COLUMNS, PRED_COLUMNS, row

ARTICLES = {name: Article(name, "x" * 60) for name in ("a", "b", "c")}
FIGURE_VALUES = ["1", "2", "3"]
DATE_VALUES = ["2019", "2020-01", "2020-01-12"]


@st.composite
def spans(draw: st.DrawFn, *, gold: bool, max_size: int = 8) -> list[dict[str, Any]]:
    rows, seen = [], set()
    for _ in range(draw(st.integers(0, max_size))):
        article = draw(st.sampled_from(sorted(ARTICLES)))
        kind = draw(st.sampled_from(["figure", "date"]))
        start = draw(st.integers(0, 50))
        end = start + draw(st.integers(1, 8))
        if (article, kind, start, end) in seen:
            continue
        seen.add((article, kind, start, end))
        values = FIGURE_VALUES if kind == "figure" else DATE_VALUES
        value = draw(st.sampled_from(values + ([None] if gold else [])))
        if gold and kind == "figure" and value is None:
            value = "1"
        qualifier = "exact" if kind == "figure" else None
        optional = draw(st.booleans()) if gold else False
        rows.append(
            row(article, kind, start, end, value, qualifier=qualifier, gold=gold, optional=optional)
        )
    return rows


def gold_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=GOLD_COLUMNS)


def pred_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=PRED_COLUMNS)


def run(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Any:
    return score(gold_frame(gold), pred_frame(pred), ARTICLES, resamples=20, seed=0)


def tp(result: Any, kind: str, scheme: str) -> int:
    s = result.summary
    return int(s[(s.kind == kind) & (s.scheme == scheme)].tp.iloc[0])


props = settings(max_examples=150, deadline=None)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@props
@given(spans(gold=True), spans(gold=False), st.randoms(use_true_random=False))
def test_permutation_invariance(gold, pred, rnd) -> None:
    first = run(gold, pred)
    shuffled_pred, shuffled_gold = pred[:], gold[:]
    rnd.shuffle(shuffled_pred)
    rnd.shuffle(shuffled_gold)
    second = run(shuffled_gold, shuffled_pred)
    assert np.array_equal(first.counts, second.counts)
    pd.testing.assert_frame_equal(first.summary, second.summary)
    key = ["article", "start", "predicted_start", "error"]
    pd.testing.assert_frame_equal(
        first.errors.sort_values(key).reset_index(drop=True),
        second.errors.sort_values(key).reset_index(drop=True),
    )


@props
@given(spans(gold=True))
def test_perfect_predictions_score_one_everywhere(gold) -> None:
    pred = [{k: v for k, v in g.items() if k not in ("optional", "note")} for g in gold]
    for p in pred:
        p["value"] = p["value"] or "2000"  # any value matches an empty gold value
    result = run(gold, pred)
    for kind in ("figure", "date"):
        if any(r["kind"] == kind and not r["optional"] for r in gold):
            for scheme in SCHEMES:
                assert result.get(kind, scheme, "f1") == 1.0, (kind, scheme)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@props
@given(
    spans(gold=True),
    spans(gold=False),
    st.sampled_from(sorted(ARTICLES)),
    st.sampled_from(["figure", "date"]),
)
def test_a_spurious_prediction_never_raises_precision(gold, pred, article, kind) -> None:
    # spurious: no span overlaps it and, for bag, no gold of its group is an empty wildcard
    assume(
        not any(
            r["article_id"] == article and r["kind"] == kind and r["value"] is None for r in gold
        )
    )
    extra = row(article, kind, 70, 75, "9" if kind == "figure" else "1999", gold=False)
    before, after = run(gold, pred), run(gold, [*pred, extra])
    for scheme in SCHEMES:
        for k in ("figure", "date", "all"):
            assert after.get(k, scheme, "precision") <= before.get(k, scheme, "precision") + 1e-12


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@props
@given(spans(gold=True), spans(gold=False), st.data())
def test_removing_a_prediction_never_raises_recall(gold, pred, data) -> None:
    if not pred:
        return
    drop = data.draw(st.integers(0, len(pred) - 1))
    before, after = run(gold, pred), run(gold, pred[:drop] + pred[drop + 1 :])
    for scheme in SCHEMES:
        for k in ("figure", "date", "all"):
            assert after.get(k, scheme, "recall") <= before.get(k, scheme, "recall") + 1e-12


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@props
@given(spans(gold=True), spans(gold=False))
def test_every_metric_lies_in_the_unit_interval(gold, pred) -> None:
    result = run(gold, pred)
    values = result.summary.drop(columns=["scheme", "kind", "tp", "fp", "fn", "neutral"])
    assert ((values >= 0) & (values <= 1)).all().all()
    per_article = result.per_article[["precision", "recall", "f1"]]
    assert ((per_article >= 0) & (per_article <= 1)).all().all()
    assert (result.summary.precision_low <= result.summary.precision_high).all()


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@props
@given(spans(gold=True), spans(gold=False))
def test_schemes_are_ordered_in_true_positives(gold, pred) -> None:
    result = run(gold, pred)
    for kind in ("figure", "date", "all"):
        strict, exact, relaxed, value = (tp(result, kind, s) for s in SPAN_SCHEMES)
        assert strict <= exact <= relaxed
        assert strict <= value <= relaxed


@st.composite
def disjoint(draw: st.DrawFn, *, gold: bool) -> list[dict[str, Any]]:
    """Non-overlapping spans per article: where nervaluate is order-independent."""
    rows = []
    for article in sorted(ARTICLES):
        cuts = sorted(draw(st.sets(st.integers(0, 59), max_size=12)))
        for start, end in zip(cuts[::2], cuts[1::2], strict=False):
            if not draw(st.booleans()):
                continue
            kind = draw(st.sampled_from(["figure", "date"]))
            value = draw(st.sampled_from(FIGURE_VALUES if kind == "figure" else DATE_VALUES))
            rows.append(row(article, kind, start, end, value, gold=gold))
    return rows


@props
@given(disjoint(gold=True), disjoint(gold=False))
def test_strict_and_exact_counts_equal_nervaluates(gold, pred) -> None:
    nervaluate = pytest.importorskip("nervaluate")
    result = run(gold, pred)

    def docs(rows: list[dict[str, Any]], with_value: bool) -> list[list[dict[str, Any]]]:
        return [
            [
                {
                    "label": r["kind"] + (":" + r["value"] if with_value else ""),
                    "start": r["start"],
                    "end": r["end"] - 1,
                }
                for r in rows
                if r["article_id"] == article
            ]
            for article in sorted(ARTICLES)
        ]

    for scheme, with_value in (("exact", False), ("strict", True)):
        labels = sorted(
            {d["label"] for doc in docs(gold, with_value) + docs(pred, with_value) for d in doc}
        )
        if not labels:
            continue
        theirs = nervaluate.Evaluator(
            docs(gold, with_value), docs(pred, with_value), tags=labels, loader="dict"
        ).evaluate()["overall"]["strict"]
        ours = result.summary[
            (result.summary.kind == "all") & (result.summary.scheme == scheme)
        ].iloc[0]
        assert ours.tp == theirs.correct
        assert ours.tp + ours.fp == theirs.actual
        assert ours.tp + ours.fn == theirs.possible
