"""The Python API: ``figdate.evaluate``, ``figdate.score``, ``figdate.load_gold`` and the
``Result`` they answer, as a user's own code calls them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import figdate
from figdate.core.model import Article
from figdate.goldset.store import GoldSet
from tests.support import REPO

NOISY = REPO / "tests" / "data" / "golden" / "noisy.jsonl"


def _first_mentions(gold: GoldSet) -> list[dict[str, Any]]:
    """The gold set's own first required mention of each article, as a predictor gives it."""
    rows = gold.mentions[~gold.mentions["optional"]].groupby("article_id").head(1)
    return [
        {k: row[k] for k in ("article_id", "kind", "start", "end", "text", "value")}
        for row in rows.to_dict("records")
    ]


class Thirty:
    """An extractor class: figdate constructs it."""

    name = "thirty"

    def extract(self, article: Article) -> list[dict[str, Any]]:
        at = article.text.find("Thirty")
        if at < 0:
            return []
        return [{"kind": "figure", "start": at, "end": at + 6, "text": "Thirty", "value": "30"}]


@pytest.mark.parametrize("extractor", ["rules", lambda article: [], Thirty, Thirty()])
def test_evaluate_takes_a_spec_a_function_a_class_or_an_object(
    extractor: object, gold_set: GoldSet
) -> None:
    result = figdate.evaluate(extractor, gold_set, resamples=0, timeout=None)
    assert isinstance(result, figdate.Result)
    assert result.score.articles == sorted(gold_set.articles)
    assert result.get("all", "value", "tp") + result.get("all", "value", "fn") == len(
        gold_set.mentions[~gold_set.mentions["optional"]]
    )


def test_the_result_has_every_view(gold_set: GoldSet) -> None:
    result = figdate.evaluate(Thirty, gold_set, resamples=0, timeout=None)
    frame = result.to_frame()
    assert {"kind", "scheme", "precision", "recall", "f1"} <= set(frame.columns)
    figure = frame[(frame["kind"] == "figure") & (frame["scheme"] == "value")].iloc[0]
    assert figure["tp"] == result.get("figure", "value", "tp")
    document = result.to_dict()
    assert document["schema"] == "figdate.score/1"
    assert document["extractor"]["name"] == "thirty"
    json.dumps(document)  # plain JSON all the way down
    assert result.table().startswith("thirty")
    assert str(result) == result.table()


def test_score_takes_a_frame_a_list_or_a_path(gold_set: GoldSet) -> None:
    rows = _first_mentions(gold_set)
    from_list = figdate.score(rows, gold_set, resamples=0)
    from_frame = figdate.score(pd.DataFrame(rows), gold_set, resamples=0)
    assert from_list.get("all", "strict", "tp") == len(gold_set.articles)
    assert from_frame.to_frame().equals(from_list.to_frame())
    from_path = figdate.score(NOISY, gold_set, resamples=0)
    assert from_path.score.run.extractor == "noisy"
    assert figdate.score(str(NOISY), gold_set, resamples=0).to_frame().equals(from_path.to_frame())


def test_nothing_predicted_is_scored_not_refused(gold_set: GoldSet) -> None:
    for empty in ([], pd.DataFrame()):
        result = figdate.score(empty, gold_set, resamples=0)
        assert result.get("all", "value", "recall") == 0.0


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"value": "35,000"}, "35,000"),
        ({"article_id": "no-such-article"}, "unknown article 'no-such-article'"),
        ({"start": "x"}, "start"),
    ],
)
def test_bad_predictions_are_refused_with_reasons(
    change: dict[str, object], said: str, gold_set: GoldSet
) -> None:
    rows = _first_mentions(gold_set)
    rows[0] = {**rows[0], **change}
    with pytest.raises(figdate.InputError) as raised:
        figdate.score(rows, gold_set)
    assert any(said in str(p) for p in raised.value.problems), raised.value.problems
    assert all(p.row == 1 for p in raised.value.problems)


@pytest.mark.parametrize("bad", [42, [1, 2], {"article_id": "x"}])
def test_what_is_not_predictions_is_refused(bad: object, gold_set: GoldSet) -> None:
    with pytest.raises(figdate.InputError, match="predictions"):
        figdate.score(bad, gold_set)  # type: ignore[arg-type]


def test_load_gold_reads_a_folder_or_the_default(gold_copy: Path) -> None:
    loaded = figdate.load_gold(gold_copy)
    assert isinstance(loaded, figdate.GoldSet)
    assert loaded.checksum == figdate.load_gold().checksum


def test_the_old_score_call_warns_and_still_scores(gold_set: GoldSet) -> None:
    frame = figdate.score(_first_mentions(gold_set), gold_set, resamples=0).score
    predictions = gold_set.mentions.head(0)
    with pytest.warns(DeprecationWarning, match=r"figdate\.scoring\.score"):
        old = figdate.score(gold_set.mentions, predictions, gold_set.articles, resamples=0)
    assert old.get("all", "value", "recall") == 0.0
    assert frame.articles == old.score.articles
