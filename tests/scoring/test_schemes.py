"""Hand-computed scores for each scheme, and the rules of the issue one by one."""

from __future__ import annotations

import pytest

from figdate.core.model import Article
from tests.scoring.helpers import counts, gold_row, pred_row, run

TEXT = "Some 35,000 civilians fled on 12 January 2020, and 200 more in March; three returned."
A = Article("a", TEXT)


@pytest.fixture
def worked_example():
    gold = [
        gold_row(A, "figure", "35,000", "35000", qualifier="approx"),
        gold_row(A, "date", "12 January 2020", "2020-01-12"),
        gold_row(A, "figure", "200", "200"),
        gold_row(A, "date", "March", "2020-03", optional=True),
        gold_row(A, "figure", "three", "3"),
    ]
    pred = [
        pred_row(A, "figure", "35,000", 35000, qualifier="approx"),  # right in every way
        pred_row(A, "date", "12 January", "2020-01-12"),  # short boundary, right value
        pred_row(A, "figure", "200", 20, qualifier="exact"),  # right span, wrong value
        pred_row(A, "date", "March", "2020-03"),  # pairs with an optional mention
        pred_row(A, "figure", "fled", 1, qualifier="exact"),  # spurious
    ]  # "three" is missed
    return run([A], gold, pred)


@pytest.mark.parametrize(
    ("kind", "scheme", "expected"),
    [
        # (tp, fp, fn, neutral), counted by hand from the worked example above
        ("figure", "strict", (1, 2, 2, 0)),  # 35,000 only; 200 (value) and fled are FP
        ("figure", "exact", (2, 1, 1, 0)),  # 35,000 and 200; fled FP; three missed
        ("figure", "relaxed", (2, 1, 1, 0)),
        ("figure", "value", (1, 2, 2, 0)),
        ("figure", "bag", (1, 2, 2, 0)),  # values {35000, 20, 1} vs {35000, 200, 3}
        ("date", "strict", (0, 1, 1, 1)),  # 12 January: short span; March: optional
        ("date", "exact", (0, 1, 1, 1)),
        ("date", "relaxed", (1, 0, 0, 1)),
        ("date", "value", (1, 0, 0, 1)),
        ("date", "bag", (1, 0, 0, 1)),
        ("all", "value", (2, 2, 2, 1)),
    ],
)
def test_worked_example(worked_example, kind, scheme, expected) -> None:
    assert counts(worked_example, kind, scheme) == expected


def test_worked_example_metrics(worked_example) -> None:
    # figure/value: tp 1, fp 2, fn 2 -> P = 1/3, R = 1/3, F1 = 2/(2+2+2) = 1/3
    assert worked_example.get("figure", "value", "precision") == pytest.approx(1 / 3)
    assert worked_example.get("figure", "value", "f1") == pytest.approx(1 / 3)
    # date/relaxed: tp 1, fp 0, fn 0 (the optional pair is neutral)
    assert worked_example.get("date", "relaxed", "f1") == 1.0


def test_worked_example_errors(worked_example) -> None:
    found = {(e.error, e.text or e.predicted_text) for e in worked_example.errors.itertuples()}
    assert found == {
        ("wrong value", "200"),
        ("boundary", "12 January 2020"),
        ("spurious", "fled"),
        ("missed", "three"),
    }
    row = worked_example.errors[worked_example.errors.error == "wrong value"].iloc[0]
    assert (row.gold_value, row.predicted_value) == ("200", "20")
    assert row.before.endswith("12 January 2020, and ")
    assert row.after.startswith(" more in March")


@pytest.mark.parametrize("partial_first", [True, False])
def test_partial_before_exact_does_not_depend_on_order(partial_first: bool) -> None:
    """nervaluate gives strict F1 0 when the partial prediction comes first; figdate 2/3."""
    gold = [gold_row(A, "date", "12 January 2020", "2020-01-12")]
    partial = pred_row(A, "date", "12 January", "2020-01-12")
    exact = pred_row(A, "date", "12 January 2020", "2020-01-12")
    result = run([A], gold, [partial, exact] if partial_first else [exact, partial])
    assert counts(result, "date", "strict") == (1, 1, 0, 0)
    assert result.get("date", "strict", "f1") == pytest.approx(2 / 3)


def test_nervaluate_itself_depends_on_the_order() -> None:
    """The bug figdate fixes, shown on nervaluate (dev extra)."""
    nervaluate = pytest.importorskip("nervaluate")
    true = [[{"label": "DATE", "start": 0, "end": 14}]]
    partial, exact = (
        {"label": "DATE", "start": 0, "end": 9},
        {"label": "DATE", "start": 0, "end": 14},
    )
    f1 = []
    for order in ([partial, exact], [exact, partial]):
        results = nervaluate.Evaluator(true, [order], tags=["DATE"], loader="dict").evaluate()
        f1.append(round(results["overall"]["strict"].f1, 2))
    assert f1 == [0.0, 0.67]


def test_optional_mentions_are_neither_rewarded_nor_penalised() -> None:
    gold = [
        gold_row(A, "figure", "200", "200", optional=True),
        gold_row(A, "figure", "three", "3", optional=True),
    ]
    result = run([A], gold, [pred_row(A, "figure", "200", 200)])
    assert counts(result, "figure", "value") == (0, 0, 0, 1)  # paired: neutral; three: no miss
    assert result.errors.empty


def test_required_gold_is_preferred_over_optional() -> None:
    """A prediction overlapping a required and an optional mention counts as a true positive."""
    text = "twenty five"
    article = Article("b", text)
    gold = [
        gold_row(article, "figure", "twenty", "20", optional=True),
        gold_row(article, "figure", "five", "5"),
    ]
    result = run([article], gold, [pred_row(article, "figure", "twenty five", 25)])
    assert counts(result, "figure", "relaxed") == (1, 0, 0, 0)


def test_empty_gold_value_matches_any_value() -> None:
    gold = [gold_row(A, "date", "March", None)]
    result = run([A], gold, [pred_row(A, "date", "March", "1999-03")])
    assert counts(result, "date", "strict") == (1, 0, 0, 0)
    assert counts(result, "date", "bag") == (1, 0, 0, 0)


@pytest.mark.parametrize(
    ("gold_value", "predicted", "equal"),
    [
        ("2020-03-31", "2020-03-31T01:11", True),
        ("2020-03-31", "2020-03-31 23:59:59Z", True),
        ("2020-03", "2020-03-05", False),
        ("2020", "2020-03", False),
        ("1800000", 1.8 * 10**6 + 2e-10, True),
        ("1800000", 1800001, False),
        ("0.5", "0.5000000000001", True),
    ],
)
def test_value_equality(gold_value: str, predicted: object, equal: bool) -> None:
    kind = (
        "date"
        if "-" in gold_value or (len(gold_value) == 4 and gold_value.startswith("20"))
        else "figure"
    )
    needle = "12 January 2020" if kind == "date" else "200"
    gold = [gold_row(A, kind, needle, gold_value)]
    result = run([A], gold, [pred_row(A, kind, needle, predicted)])
    assert counts(result, kind, "strict")[0] == int(equal)
    assert counts(result, kind, "bag")[0] == int(equal)


def test_text_only_predictions_align_to_the_earliest_unused_occurrence() -> None:
    text = "two soldiers and two children; two-years ago"
    article = Article("c", text)
    gold = [
        gold_row(article, "figure", "two", "2", nth=0),
        gold_row(article, "figure", "two", "2", nth=1),
    ]
    pred = [pred_row(article, "figure", "two", 2, located=False)] * 2
    result = run([article], gold, pred)
    assert counts(result, "figure", "strict") == (2, 0, 0, 0)


def test_predictions_without_offsets_or_text_score_under_bag_only() -> None:
    gold = [gold_row(A, "figure", "200", "200")]
    result = run([A], gold, [pred_row(A, "figure", None, 200, located=False)])
    assert counts(result, "figure", "strict") == (0, 0, 1, 0)
    assert counts(result, "figure", "bag") == (1, 0, 0, 0)
    assert any("scored under 'bag' only" in note for note in result.notes)


def test_unfindable_text_is_noted_and_scored_as_bag() -> None:
    gold = [gold_row(A, "figure", "200", "200")]
    result = run([A], gold, [pred_row(A, "figure", "4,000", 200, located=False)])
    assert counts(result, "figure", "bag") == (1, 0, 0, 0)
    assert any("no unused occurrence" in note for note in result.notes)


def test_empty_predictions_give_zero_with_a_note() -> None:
    result = run([A], [gold_row(A, "figure", "200", "200")], [])
    assert result.get("figure", "value", "precision") == 0.0
    assert result.get("figure", "value", "recall") == 0.0
    assert result.get("date", "value", "f1") == 0.0
    assert "no predictions: precision and F1 are 0 by convention" in result.notes
    assert any("no required gold date" in note for note in result.notes)


def test_qualifier_accuracy_over_value_matched_figures(worked_example) -> None:
    assert worked_example.qualifier == {"accuracy": 1.0, "correct": 1, "n": 1, "missing": 0}
    gold = [
        gold_row(A, "figure", "35,000", "35000", qualifier="approx"),
        gold_row(A, "figure", "200", "200"),
    ]
    pred = [
        pred_row(A, "figure", "35,000", 35000, qualifier="exact"),
        pred_row(A, "figure", "200", 200),
    ]
    assert run([A], gold, pred).qualifier == {"accuracy": 0.0, "correct": 0, "n": 2, "missing": 1}


def test_intervals_are_seeded_and_bracket_the_estimate(worked_example) -> None:
    again = run(
        [A, Article("z", "nothing")],
        [gold_row(A, "figure", "200", "200")],
        [pred_row(A, "figure", "200", 200)],
        seed=3,
    )
    same = run(
        [A, Article("z", "nothing")],
        [gold_row(A, "figure", "200", "200")],
        [pred_row(A, "figure", "200", 200)],
        seed=3,
    )
    assert again.summary.equals(same.summary)
    row = worked_example.summary.iloc[0]
    assert row.f1_low <= row.f1 <= row.f1_high
