"""What scoring counts, before any interval is drawn: a ``Tally`` can be made for each part
of a corpus (a Spark partition, a batch of a stream) and the parts merged, and the merged
tally summarised gives the numbers scoring the whole at once gives.

Everything a ``Score`` reports but the outcome table derives from a tally: the counts per
article, kind and scheme (micro and macro figures and their bootstrap intervals), the
qualifier tallies, and the notes (which need only counts and two totals).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from figdate.core.model import Article
from figdate.core.vocabulary import KINDS, SCHEMES
from figdate.scoring.matching import Matches, match
from figdate.scoring.prepare import Prepared, prepare

BAG = SCHEMES.index("bag")  # spans ignored: counts every prediction, located or not


@dataclass(frozen=True)
class Tally:
    """Counts of one part of a corpus: ``counts[article, kind, scheme]`` is (tp, fp, fn,
    neutral), articles in ``articles`` order; the rest are sums over the part."""

    articles: list[str]
    counts: np.ndarray
    qualifier_correct: int = 0  # figure pairs under the value scheme with equal qualifiers
    qualifier_pairs: int = 0  # ... of all such pairs
    qualifier_missing: int = 0  # ... whose prediction gives no qualifier
    bag_only: int = 0  # predictions with neither offsets nor text
    unaligned: int = 0  # predictions whose text occurs nowhere unused in their article
    timex_only: int = 0  # predicted date values beyond figdate's model (TIMEX3: P2Y, ...)

    def notes(self, labelled: Sequence[str] = KINDS) -> list[str]:
        """What a reader needs to know to read the figures (conventions that applied);
        ``labelled``: the kinds the gold set labels (the others are not scored at all)."""
        predicted = self.counts[:, :, BAG, :].sum(axis=0)  # per kind: tp + fp + neutral
        n_pred = predicted[:, 0] + predicted[:, 1] + predicted[:, 3]
        required = predicted[:, 0] + predicted[:, 2]  # tp + fn
        notes = [f"{kind} mentions are not labelled in this dataset: {kind} predictions are "
                 f"not scored, and no {kind} row is shown"
                 for kind in KINDS if kind not in labelled]  # fmt: skip
        if n_pred.sum() == 0:
            notes.append("no predictions: precision and F1 are 0 by convention")
        else:
            for code, kind in enumerate(KINDS):
                if n_pred[code] == 0 and kind in labelled:
                    notes.append(
                        f"no {kind} predictions: {kind} precision and F1 are 0 by convention"
                    )
        for code, kind in enumerate(KINDS):
            if required[code] == 0 and kind in labelled:
                notes.append(f"no required gold {kind} mentions: {kind} recall is 0 by convention")
        if self.bag_only:
            notes.append(
                f"{self.bag_only} prediction(s) have neither offsets nor text: scored under "
                "'bag' only"
            )
        if self.timex_only:
            notes.append(
                f"{self.timex_only} predicted date value(s) are TimeML values beyond figdate's "
                "value model (a duration, week, season, reference or underspecified date): "
                "they equal no gold value, so they count as wrong values; spans still count"
            )
        if self.unaligned:
            notes.append(
                f"{self.unaligned} prediction(s) give text that has no unused occurrence in their "
                "article: scored under 'bag' only"
            )
        return notes


def tally(
    gold: pd.DataFrame, predictions: pd.DataFrame, articles: Mapping[str, Article]
) -> tuple[Tally, Prepared, Matches]:
    """Match and count one part (schema-valid tables); the prepared arrays and the matches
    come back too, for the outcome table."""
    data = prepare(gold, predictions, articles)
    matches = match(data)
    correct, pairs, missing = _qualifiers(data, matches.value_gold, matches.value_pred)
    part = Tally(
        data.articles, matches.counts, correct, pairs, missing, data.bag_only, data.unaligned,
        0 if _timex_only(data.gold.iso) else _timex_only(data.pred.iso),  # TimeML gold: none
    )  # fmt: skip
    return part, data, matches


def merge(parts: Iterable[Tally]) -> Tally:
    """One tally of disjoint parts (no article in two), its articles sorted by name."""
    parts = [p for p in parts if len(p.articles)]
    if not parts:
        return Tally([], np.zeros((0, len(KINDS), len(SCHEMES), 4), dtype=np.int64))
    names = [name for p in parts for name in p.articles]
    order = np.argsort(np.asarray(names, dtype=object), kind="stable")
    counts = np.concatenate([p.counts for p in parts])[order]
    if len(set(names)) != len(names):
        raise ValueError("an article is in two parts of the corpus: tallies would double it")
    return Tally(
        [names[i] for i in order.tolist()],
        counts,
        *(sum(getattr(p, name) for p in parts) for name in _SUMS),
    )


_SUMS = (
    "qualifier_correct", "qualifier_pairs", "qualifier_missing", "bag_only", "unaligned",
    "timex_only",
)  # fmt: skip


def _timex_only(iso: np.ndarray) -> int:
    """How many predicted date values (cut to the day) figdate's gold cannot hold: each
    distinct value is judged once."""
    from figdate.core.timex import beyond_model

    distinct = pd.unique(iso)
    beyond = [v for v in distinct.tolist() if v and beyond_model(v)]
    return int(pd.Series(iso).isin(beyond).sum()) if beyond else 0


def _qualifiers(
    data: Prepared, gold_index: np.ndarray, pred_index: np.ndarray
) -> tuple[int, int, int]:
    """(equal, all, missing on the prediction) over figure pairs matched under the value
    scheme with a required gold mention."""
    gold, pred = data.gold, data.pred
    gold_q = gold.frame["qualifier"].take(gold.rows[gold_index]).to_numpy(dtype=object)
    if "qualifier" in pred.frame:
        pred_q = pred.frame["qualifier"].take(pred.rows[pred_index]).to_numpy(dtype=object)
    else:
        pred_q = np.full(len(pred_index), None, dtype=object)
    missing = int(pd.isna(pred_q).sum())
    correct = int(np.sum(gold_q == pred_q)) if len(gold_q) else 0  # Python's == per pair
    return correct, len(gold_index), missing
