"""Inter-annotator agreement between two mention tables over the same articles.

Annotator A's table plays gold and B's predictions in the scorer's own optimal matching,
with every mention required: exact and relaxed span F1 are then symmetric (swapping A and
B swaps precision and recall, not F1). Over the relaxed pairs: how often the values agree
(an empty value agrees only with an empty one, unlike scoring, where an empty gold value
accepts anything), and Cohen's kappa for the figures' qualifiers. The disagreements are
listed for adjudication.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from figdate.model import Article
from figdate.scoring.matching import SCHEMES, match, values_equal
from figdate.scoring.prepare import prepare
from figdate.values import is_empty

COLUMNS = ("article", "kind", "disagreement", "a_start", "a_end", "a_text", "a_value",
           "b_start", "b_end", "b_text", "b_value")  # fmt: skip


@dataclass
class Agreement:
    f1_exact: float
    f1_relaxed: float
    pairs: int
    value_agreement: float
    qualifier_kappa: float
    qualifier_pairs: int
    disagreements: pd.DataFrame

    def render(self, names: tuple[str, str] = ("A", "B"), limit: int = 50) -> str:
        a, b = names
        lines = [
            f"agreement between {a} and {b}",
            f"span F1, exact     {self.f1_exact:.3f}",
            f"span F1, relaxed   {self.f1_relaxed:.3f}",
            f"values agree       {self.value_agreement:.3f} over {self.pairs} matched pairs",
            f"qualifier kappa    {self.qualifier_kappa:.3f} over {self.qualifier_pairs} "
            "figure pairs",
            f"{len(self.disagreements)} disagreement(s) to adjudicate"
            + (f" (first {limit})" if len(self.disagreements) > limit else "")
            + ":",
        ]
        for row in self.disagreements.head(limit).to_dict("records"):
            left = _span(row["a_start"], row["a_end"], row["a_text"])
            right = _span(row["b_start"], row["b_end"], row["b_text"])
            values = ""
            if row["disagreement"] in {"value", "qualifier"}:
                values = f" values {row['a_value']!r} / {row['b_value']!r}"
            lines.append(
                f"  {row['article']} {row['kind']:<6} {row['disagreement']:<9} {a}: {left}  "
                f"{b}: {right}{values}"
            )
        return "\n".join(lines) + "\n"


def _span(start: object, end: object, text: object) -> str:
    if is_empty(start):
        return "-"
    return f"{int(float(str(start)))}-{int(float(str(end)))} {text!r}"


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa of two raters' labels for the same items (1.0 when both agree on a
    single label throughout, where the usual formula divides by zero)."""
    if len(a) != len(b):
        raise ValueError("the two raters must label the same items")
    if not a:
        return float("nan")
    labels = sorted(set(a) | set(b))
    index = {label: i for i, label in enumerate(labels)}
    table = np.zeros((len(labels), len(labels)))
    for x, y in zip(a, b, strict=True):
        table[index[x], index[y]] += 1
    n = table.sum()
    observed = np.trace(table) / n
    expected = float((table.sum(axis=0) * table.sum(axis=1)).sum() / n**2)
    if expected == 1.0:
        return 1.0
    return float((observed - expected) / (1 - expected))


def agree(a: pd.DataFrame, b: pd.DataFrame, articles: Mapping[str, Article]) -> Agreement:
    """Agreement of mention tables ``a`` and ``b`` (gold columns) over ``articles``."""
    a_req = a.assign(optional=False)
    data = prepare(a_req, b.drop(columns=["optional", "note"], errors="ignore"), articles)
    matches = match(data)
    totals = matches.counts.sum(axis=(0, 1))  # [scheme, (tp, fp, fn, neutral)]
    f1 = {s: _f1(totals[i]) for i, s in enumerate(SCHEMES)}
    ga, gb = data.gold, data.pred
    pa, pb = matches.pairs_gold, matches.pairs_pred
    same_value = values_equal(ga, pa, gb, pb) & (ga.empty[pa] == gb.empty[pb])
    figures = ga.kind[pa] == 0
    qa = [_qualifier(ga.frame, i) for i in pa[figures]]
    qb = [_qualifier(gb.frame, i) for i in pb[figures]]
    return Agreement(
        f1_exact=f1["exact"],
        f1_relaxed=f1["relaxed"],
        pairs=len(pa),
        value_agreement=float(same_value.mean()) if len(pa) else float("nan"),
        qualifier_kappa=cohen_kappa(qa, qb),
        qualifier_pairs=len(qa),
        disagreements=_disagreements(data, pa, pb, same_value, qa, qb, figures, articles),
    )


def _f1(counts: np.ndarray) -> float:
    tp, fp, fn = (float(x) for x in counts[:3])
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def _qualifier(frame: pd.DataFrame, index: int) -> str:
    value = frame["qualifier"].iloc[index] if "qualifier" in frame else None
    return "(none)" if value is None or pd.isna(value) or str(value) == "" else str(value)


def _disagreements(
    data: object,
    pa: np.ndarray,
    pb: np.ndarray,
    same_value: np.ndarray,
    qa: list[str],
    qb: list[str],
    figures: np.ndarray,
    articles: Mapping[str, Article],
) -> pd.DataFrame:
    from figdate.scoring.errors import shown_values
    from figdate.scoring.prepare import Prepared

    assert isinstance(data, Prepared)
    ga, gb = data.gold, data.pred
    rows: list[dict[str, object]] = []

    def add(kind: str, i: int | None, j: int | None, a_value: object, b_value: object) -> None:
        side, k = (ga, i) if i is not None else (gb, j)
        assert k is not None
        name = data.articles[int(side.article[k])]
        text = articles[name].text
        rows.append(
            {
                "article": name,
                "kind": "figure" if side.kind[k] == 0 else "date",
                "disagreement": kind,
                "a_start": None if i is None else int(ga.start[i]),
                "a_end": None if i is None else int(ga.end[i]),
                "a_text": None if i is None else text[int(ga.start[i]) : int(ga.end[i])],
                "a_value": a_value,
                "b_start": None if j is None else int(gb.start[j]),
                "b_end": None if j is None else int(gb.end[j]),
                "b_text": None if j is None else text[int(gb.start[j]) : int(gb.end[j])],
                "b_value": b_value,
            }
        )

    a_values, b_values = shown_values(ga, pa), shown_values(gb, pb)
    q = iter(zip(qa, qb, strict=True))
    for n, (i, j) in enumerate(zip(pa.tolist(), pb.tolist(), strict=True)):
        qualifiers = next(q) if figures[n] else None
        if (ga.start[i], ga.end[i]) != (gb.start[j], gb.end[j]):
            add("boundary", i, j, a_values[n], b_values[n])
        if not same_value[n]:
            add("value", i, j, a_values[n], b_values[n])
        if qualifiers is not None and qualifiers[0] != qualifiers[1]:
            add("qualifier", i, j, qualifiers[0], qualifiers[1])
    only_a = np.setdiff1d(np.arange(len(ga.start)), pa)
    only_b = np.setdiff1d(np.flatnonzero(gb.located), pb)
    for i, value in zip(only_a.tolist(), shown_values(ga, only_a), strict=True):
        add("only A", i, None, value, None)
    for j, value in zip(only_b.tolist(), shown_values(gb, only_b), strict=True):
        add("only B", None, j, None, value)
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("a_start", "a_end", "b_start", "b_end"):
        frame[column] = frame[column].astype("Int64")  # None where a side has no span
    if frame.empty:
        return frame
    start = frame["a_start"].fillna(frame["b_start"])
    return frame.assign(_s=start).sort_values(["article", "_s", "disagreement"]).drop(columns="_s")
