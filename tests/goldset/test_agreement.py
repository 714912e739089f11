"""Agreement between annotators: Cohen's kappa on textbook tables and its properties, span
F1 from the scorer's matching, and the disagreements listed for adjudication.

(scikit-learn's ``cohen_kappa_score`` would be the natural peer, but installing
scikit-learn makes quantulum3 load an incompatible pickled classifier, so it is not a
dependency; the textbook tables below were computed by hand.)"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from figdate.goldset.agreement import agree, cohen_kappa
from tests.support import GOLD, Run, repo_gold


def _raters(table: list[list[int]]) -> tuple[list[str], list[str]]:
    """Label lists for a confusion table: rows rater A, columns rater B."""
    a: list[str] = []
    b: list[str] = []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a += [str(i)] * count
            b += [str(j)] * count
    return a, b


@pytest.mark.parametrize(
    ("table", "kappa"),
    [
        ([[20, 5], [10, 15]], 0.4),  # po = 0.7, pe = 0.5
        ([[45, 15], [25, 15]], 0.1304),  # po = 0.6, pe = 0.54
        ([[25, 35], [5, 35]], 0.2593),  # po = 0.6, pe = 0.46
        ([[10, 0], [0, 10]], 1.0),
        ([[0, 10], [10, 0]], -1.0),
    ],
)
def test_kappa_on_textbook_tables(table: list[list[int]], kappa: float) -> None:
    assert cohen_kappa(*_raters(table)) == pytest.approx(kappa, abs=5e-5)


@given(
    st.lists(st.tuples(st.sampled_from("abcd"), st.sampled_from("abcd")), min_size=1, max_size=40)
)
def test_kappa_is_symmetric_bounded_and_one_on_agreement(pairs: list[tuple[str, str]]) -> None:
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    ours = cohen_kappa(a, b)
    assert math.isclose(cohen_kappa(b, a), ours, abs_tol=1e-12)
    assert -1.0 - 1e-12 <= ours <= 1.0 + 1e-12
    assert cohen_kappa(a, a) == 1.0


def test_a_table_agrees_with_itself() -> None:
    result = agree(repo_gold().mentions, repo_gold().mentions, repo_gold().articles)
    assert (result.f1_exact, result.f1_relaxed, result.value_agreement) == (1.0, 1.0, 1.0)
    assert result.qualifier_kappa == 1.0
    assert result.pairs == len(repo_gold().mentions)
    assert result.disagreements.empty


def _changed() -> pd.DataFrame:
    b = repo_gold().mentions.copy()
    figures = b.index[b["kind"] == "figure"]
    first = figures[0]
    b.loc[first, "end"] = b.loc[first, "end"] - 1  # boundary
    text = repo_gold().articles[b.loc[first, "article_id"]].text
    b.loc[first, "text"] = text[b.loc[first, "start"] : b.loc[first, "end"]]
    b.loc[figures[1], "value"] = "123456"  # value
    b.loc[figures[2], "qualifier"] = "max" if b.loc[figures[2], "qualifier"] != "max" else "min"
    return b.drop(index=figures[3])  # only in A


def test_each_kind_of_disagreement_is_listed_once() -> None:
    a, b = repo_gold().mentions, _changed()
    result = agree(a, b, repo_gold().articles)
    assert sorted(result.disagreements["disagreement"]) == [
        "boundary", "only A", "qualifier", "value"
    ]  # fmt: skip
    n = len(a)
    assert math.isclose(result.f1_relaxed, 2 * (n - 1) / (2 * (n - 1) + 1))
    assert math.isclose(result.f1_exact, 2 * (n - 2) / (2 * (n - 2) + 3))
    assert math.isclose(result.value_agreement, (n - 2) / (n - 1))
    assert result.qualifier_kappa < 1.0


def test_agreement_is_symmetric() -> None:
    ab = agree(repo_gold().mentions, _changed(), repo_gold().articles)
    ba = agree(_changed(), repo_gold().mentions, repo_gold().articles)
    assert (ab.f1_exact, ab.f1_relaxed) == pytest.approx((ba.f1_exact, ba.f1_relaxed))
    assert ab.qualifier_kappa == pytest.approx(ba.qualifier_kappa)
    assert ab.value_agreement == pytest.approx(ba.value_agreement)
    assert sorted(ba.disagreements["disagreement"]) == ["boundary", "only B", "qualifier", "value"]


def test_an_empty_value_agrees_only_with_an_empty_one() -> None:
    b = repo_gold().mentions.copy()
    empty = b.index[b["value"].isna() & (b["kind"] == "date")][0]
    b.loc[empty, "value"] = "2020-01-01"
    result = agree(repo_gold().mentions, b, repo_gold().articles)
    assert list(result.disagreements["disagreement"]) == ["value"]


def test_cli_agree(figdate: Run, tmp_path: Path) -> None:
    b = tmp_path / "b.csv"
    _changed().to_csv(b, index=False)
    out = tmp_path / "disagreements.csv"
    result = figdate("agree", str(GOLD / "mentions.csv"), str(b), "--csv", str(out))
    assert result.returncode == 0, result.stderr
    assert "span F1, exact" in result.stdout
    assert "4 disagreement(s) to adjudicate" in result.stdout
    assert len(pd.read_csv(out)) == 4
