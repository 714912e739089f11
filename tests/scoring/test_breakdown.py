"""The phenomenon breakdown: a tag over every article is the whole score, a mention tag counts
each of its required mentions once, and a spurious prediction counts against a tag only
inside a tagged article."""

from __future__ import annotations

import dataclasses

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figdate.core.model import Article
from figdate.core.vocabulary import SCHEMES
from figdate.scoring import score
from figdate.scoring.breakdown import by_tag
from tests.scoring.helpers import GOLD_COLUMNS, PRED_COLUMNS, gold_row
from tests.support import repo_gold

GOLD = repo_gold()
REQUIRED = GOLD.mentions[~GOLD.mentions["optional"]]


@st.composite
def predictions(draw: st.DrawFn) -> pd.DataFrame:
    """The gold's own mentions, some dropped, some with a wrong value, some moved."""
    rows = []
    for row in GOLD.mentions.drop(columns=["optional", "note", "tags"]).to_dict("records"):
        fate = draw(st.sampled_from(["keep", "keep", "drop", "wrong", "shift"]))
        if fate == "drop":
            continue
        if fate == "wrong":
            row["value"] = 7 if row["kind"] == "figure" else "1999"
        if fate == "shift" and row["start"] > 0:
            row["start"], row["text"] = row["start"] - 1, None
        rows.append(row)
    return pd.DataFrame(rows, columns=PRED_COLUMNS)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    predictions(),
    st.lists(
        st.sampled_from(["a", "b", "a b", None]),
        min_size=len(GOLD.mentions),
        max_size=len(GOLD.mentions),
    ),
)
def test_a_mention_tag_counts_each_tagged_required_mention_once(
    pred: pd.DataFrame, tags: list[str | None]
) -> None:
    gold = GOLD.mentions.assign(tags=tags)
    table = by_tag(gold, pred, GOLD.articles, resamples=0, seed=0)
    required = gold[~gold["optional"]]
    for tag in set(table["tag"]):
        tagged = required[required["tags"].fillna("").str.split().map(lambda t, x=tag: x in t)]
        for kind in ("figure", "date"):
            rows = table[(table["tag"] == tag) & (table["kind"] == kind)]
            expected = int((tagged["kind"] == kind).sum())
            for r in rows.to_dict("records"):
                assert r["tp"] + r["fn"] == expected == r["mentions"], (tag, kind, r["scheme"])


@settings(max_examples=10, deadline=None)
@given(predictions())
def test_a_tag_on_every_article_is_the_whole_score(pred: pd.DataFrame) -> None:
    articles = {k: dataclasses.replace(a, tags="every") for k, a in GOLD.articles.items()}
    whole = score(GOLD.mentions, pred, articles, resamples=0).summary
    table = by_tag(GOLD.mentions.drop(columns=["tags"]), pred, articles, resamples=0, seed=0)
    assert set(table["tag"]) == {"every"}
    columns = ["kind", "scheme", "tp", "fp", "fn", "neutral", "precision", "recall", "f1"]
    pd.testing.assert_frame_equal(
        table[columns].reset_index(drop=True), whole[columns].reset_index(drop=True)
    )


def test_a_spurious_prediction_counts_only_inside_a_tagged_article() -> None:
    text = "On Sunday 40 people fled; 12 more came."
    article = Article("a", text)
    gold = pd.DataFrame([gold_row(article, "figure", "40", 40)], columns=GOLD_COLUMNS)
    spurious = {"article_id": "a", "kind": "figure", "start": 26, "end": 28, "text": "12",
                "value": 12, "qualifier": None, "unit": None}  # fmt: skip
    pred = pd.DataFrame([{**gold.iloc[0].drop(["optional", "note"]).to_dict()}, spurious])
    by_mention = by_tag(gold.assign(tags="digits"), pred, {"a": article}, resamples=0, seed=0)
    value = by_mention[by_mention["scheme"] == "value"].iloc[0]
    assert (value["tp"], value["fp"], value["fn"]) == (1, 0, 0)
    tagged = {"a": dataclasses.replace(article, tags="digits")}
    by_article = by_tag(gold, pred, tagged, resamples=0, seed=0)
    value = by_article[by_article["scheme"] == "value"].iloc[0]
    assert (value["tp"], value["fp"], value["fn"]) == (1, 1, 0)
    assert list(by_article["scheme"].unique()) == list(SCHEMES)


def test_nothing_tagged_is_an_empty_table() -> None:
    table = by_tag(REQUIRED.drop(columns=["tags"]), REQUIRED.iloc[0:0], GOLD.articles,
                   resamples=0, seed=0)  # fmt: skip
    assert table.empty
    assert list(table.columns)[:3] == ["tag", "kind", "scheme"]
