"""The phenomenon breakdown: P/R/F1 per tag, with intervals, for datasets whose gold carries
``tags``.

A tag names what a mention is an example of (``relative``, ``words``) or what a whole
article tests (a challenge passage about numbers that are not figures). A tag's row is the
score of its scope, counted by the same matching as the whole:

- a tagged article brings all its gold mentions and all its predictions, so a spurious
  prediction there counts against the tag's precision;
- a tagged mention brings itself and the predictions that overlap it (same article and
  kind): recall is exact, and precision counts the wrong values and boundaries among them.
  A spurious prediction that overlaps no gold mention has no tag to count against outside
  a tagged article.

Intervals are bootstrapped over the scope's articles, as for the whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from figdate.core.model import Article, tag_scope, tags_in
from figdate.core.vocabulary import KINDS, SCHEMES
from figdate.scoring import metrics
from figdate.scoring.tally import tally

COLUMNS = ("tag", "kind", "scheme", "articles", "mentions")
"""The breakdown's leading columns; the rest are ``metrics.summary``'s."""


def by_tag(
    gold: pd.DataFrame,
    predictions: pd.DataFrame,
    articles: Mapping[str, Article],
    *,
    resamples: int,
    seed: int,
    kinds: Sequence[str] = KINDS,
) -> pd.DataFrame:
    """One row per tag, kind and scheme (the kinds the tag's scope has gold or predictions
    of, and ``all`` when that is both); empty, with the columns, when nothing is tagged."""
    frames = []
    for tag in tags_in(gold, articles):
        tagged, whole, own = tag_scope(gold, articles, tag)
        gold_in = gold[whole | own]
        near = _overlapping(predictions, gold[own & ~whole])
        pred_in = predictions[predictions["article_id"].isin(tagged) | near]
        scope = tagged | set(gold_in["article_id"])
        part, _, _ = tally(gold_in, pred_in, {name: articles[name] for name in sorted(scope)})
        table = metrics.summary(part.counts, SCHEMES, resamples=resamples, seed=seed)
        required = gold_in[~gold_in["optional"].astype(bool)]["kind"].value_counts()
        table.insert(0, "mentions", [int(required.get(k, required.sum() if k == "all" else 0))
                                     for k in table["kind"]])  # fmt: skip
        table.insert(0, "articles", len(scope))
        table.insert(0, "tag", tag)
        seen = ((table["tp"] + table["fp"] + table["fn"] + table["neutral"]) > 0) & table[
            "kind"
        ].isin(kinds)
        both = table["kind"][seen].nunique() > 1  # an "all" row only adds up two kinds
        frames.append(table[seen | ((table["kind"] == "all") & both)])
    if not frames:
        return pd.DataFrame(columns=[*COLUMNS])
    out = pd.concat(frames, ignore_index=True)
    return out[[*COLUMNS, *(c for c in out.columns if c not in COLUMNS)]]


def _overlapping(predictions: pd.DataFrame, gold: pd.DataFrame) -> pd.Series:
    """Which predictions overlap one of ``gold``'s mentions (same article and kind)."""
    near = pd.Series(False, index=predictions.index)
    if gold.empty or not {"start", "end"} <= set(predictions.columns):
        return near
    located = predictions[predictions["start"].notna() & predictions["end"].notna()]
    keys = ["article_id", "kind"]
    pairs = (
        located[[*keys, "start", "end"]]
        .reset_index(names="_row")
        .merge(gold[[*keys, "start", "end"]], on=keys, suffixes=("", "_gold"))
    )
    hit = (pairs["start"] < pairs["end_gold"]) & (pairs["end"] > pairs["start_gold"])
    return near | predictions.index.isin(pairs.loc[hit.astype(bool), "_row"])
