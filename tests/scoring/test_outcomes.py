"""One outcome table drives the error list, the HTML highlights and ``figdate agree``: their
counts are the outcome table's, and the outcome table's are the scorer's."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from figdate.core.tables import read_table
from figdate.core.vocabulary import ERRORS, Outcome
from figdate.goldset.agreement import agree
from figdate.goldset.store import GoldSet
from figdate.reporting.html import of_score
from figdate.scoring import Score, score
from tests.data.golden.cases import NOISY, REPO


def _predictions(which: str, gold: GoldSet) -> pd.DataFrame:
    if which == "gold":
        return gold.mentions.drop(columns=["optional", "note"])
    from figdate.contract.predictions import read_predictions

    return read_predictions(REPO / NOISY, gold.articles)


def _relaxed(result: Score) -> pd.Series:
    table = result.summary
    return table[(table["kind"] == "all") & (table["scheme"] == "relaxed")].iloc[0]


@pytest.mark.parametrize("which", ["gold", "noisy"])
def test_every_view_counts_what_the_outcome_table_counts(which: str, gold_set: GoldSet) -> None:
    predictions = _predictions(which, gold_set)
    result = score(gold_set.mentions, predictions, gold_set.articles, resamples=0)
    outcomes = Counter(result.outcomes["outcome"])
    relaxed = _relaxed(result)
    paired = result.outcomes["predicted_start"].notna() & result.outcomes["start"].notna()
    optional = result.outcomes["outcome"] == Outcome.OPTIONAL
    assert outcomes[Outcome.CORRECT] + outcomes[Outcome.WRONG_VALUE] + outcomes[
        Outcome.BOUNDARY
    ] == int(relaxed["tp"])
    assert outcomes[Outcome.MISSED] == int(relaxed["fn"])
    assert outcomes[Outcome.SPURIOUS] == int(relaxed["fp"])
    assert int((paired & optional).sum()) == int(relaxed["neutral"])
    errors = Counter(result.errors["error"])
    assert errors == Counter({e: outcomes[e] for e in ERRORS if outcomes[e]})
    highlights = Counter(h.category for h in of_score(result))
    assert highlights == outcomes
    if which == "noisy":  # the file plants every kind of outcome
        assert all(outcomes[o] > 0 for o in Outcome)


@pytest.mark.parametrize("which", ["gold", "noisy"])
def test_agree_lists_what_the_outcome_table_says(which: str, gold_set: GoldSet) -> None:
    b = _predictions(which, gold_set).assign(optional=False, note=None)
    b = b[b["start"].notna()].reset_index(drop=True)  # annotators give offsets
    a = gold_set.mentions
    result = agree(a, b, gold_set.articles)
    scored = score(a.assign(optional=False), b.drop(columns=["optional", "note"]),
                   gold_set.articles, resamples=0)  # fmt: skip
    table = scored.outcomes
    pairs = table[table["start"].notna() & table["predicted_start"].notna()]
    same_value = pairs["value_equal"] & (pairs["gold_empty"] == pairs["predicted_empty"])
    listed = Counter(result.disagreements["disagreement"])
    assert listed["only A"] == (table["outcome"] == Outcome.MISSED).sum()
    assert listed["only B"] == (table["outcome"] == Outcome.SPURIOUS).sum()
    assert listed["boundary"] == (~pairs["same_span"]).sum()
    assert listed["value"] == (~same_value).sum()
    assert result.pairs == len(pairs)


def test_the_outcome_table_does_not_depend_on_the_order_of_predictions(
    gold_set: GoldSet,
) -> None:
    predictions = _predictions("noisy", gold_set)
    shuffled = predictions.sample(frac=1.0, random_state=7).reset_index(drop=True)
    first = score(gold_set.mentions, predictions, gold_set.articles, resamples=0)
    second = score(gold_set.mentions, shuffled, gold_set.articles, resamples=0)
    pd.testing.assert_frame_equal(first.outcomes, second.outcomes)


def test_the_noisy_file_is_what_its_generator_writes() -> None:
    import json

    from tests.data.golden import make_noisy

    written = (REPO / NOISY).read_text(encoding="utf-8")
    assert written == "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in make_noisy.rows())
    assert len(read_table(REPO / NOISY).frame) == len(make_noisy.rows())
