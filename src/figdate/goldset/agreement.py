"""Inter-annotator agreement between two mention tables over the same articles.

Annotator A's table plays gold and B's predictions in the scorer's own optimal matching,
with every mention required, and everything here reads that score's outcome table. Exact
and relaxed span F1 are then symmetric (swapping A and B swaps precision and recall, not
F1). Over the relaxed pairs: how often the values agree (an empty value agrees only with an
empty one, unlike scoring, where an empty gold value accepts anything), and Cohen's kappa
for the figures' qualifiers. The disagreements are listed for adjudication.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from figdate.core.model import Article
from figdate.core.values import is_empty
from figdate.core.vocabulary import SCHEMES, Kind, Outcome
from figdate.scoring import score

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
    scored = score(a_req, b.drop(columns=["optional", "note"], errors="ignore"), articles,
                   resamples=0)  # fmt: skip
    totals = scored.counts.sum(axis=(0, 1))  # [scheme, (tp, fp, fn, neutral)]
    f1 = {s: _f1(totals[i]) for i, s in enumerate(SCHEMES)}
    table = scored.outcomes
    pairs = table[table["start"].notna() & table["predicted_start"].notna()]
    same_value = pairs["value_equal"] & (pairs["gold_empty"] == pairs["predicted_empty"])
    figures = pairs[pairs["kind"] == Kind.FIGURE]
    qa = [_qualifier(q) for q in figures["gold_qualifier"]]
    qb = [_qualifier(q) for q in figures["predicted_qualifier"]]
    return Agreement(
        f1_exact=f1["exact"],
        f1_relaxed=f1["relaxed"],
        pairs=len(pairs),
        value_agreement=float(same_value.mean()) if len(pairs) else float("nan"),
        qualifier_kappa=cohen_kappa(qa, qb),
        qualifier_pairs=len(qa),
        disagreements=_disagreements(table, same_value),
    )


def _f1(counts: np.ndarray) -> float:
    tp, fp, fn = (float(x) for x in counts[:3])
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def _qualifier(value: object) -> str:
    return "(none)" if is_empty(value) else str(value)


def _disagreements(table: pd.DataFrame, same_value: pd.Series) -> pd.DataFrame:
    """Each disagreement of the outcome table: a pair's boundary, value and qualifier, and
    the mentions only one annotator has (missed: only A; spurious: only B)."""
    rows: list[dict[str, object]] = []
    records = [{str(k): v for k, v in r.items()} for r in table.to_dict("records")]
    for index, row in zip(table.index, records, strict=True):
        values = (row["gold_value"], row["predicted_value"])
        if index not in same_value.index:
            only = "only A" if row["outcome"] == Outcome.MISSED else "only B"
            rows.append(_disagreement(row, only, *values))
            continue
        if not row["same_span"]:
            rows.append(_disagreement(row, "boundary", *values))
        if not same_value[index]:
            rows.append(_disagreement(row, "value", *values))
        qa, qb = _qualifier(row["gold_qualifier"]), _qualifier(row["predicted_qualifier"])
        if row["kind"] == Kind.FIGURE and qa != qb:
            rows.append(_disagreement(row, "qualifier", qa, qb))
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("a_start", "a_end", "b_start", "b_end"):
        frame[column] = frame[column].astype("Int64")  # None where a side has no span
    if frame.empty:
        return frame
    start = frame["a_start"].fillna(frame["b_start"])
    return frame.assign(_s=start).sort_values(["article", "_s", "disagreement"]).drop(columns="_s")


def _disagreement(
    row: Mapping[str, object], kind: str, a_value: object, b_value: object
) -> dict[str, object]:
    a = row["outcome"] != Outcome.SPURIOUS  # A has a mention here
    b = row["outcome"] != Outcome.MISSED
    return {
        "article": row["article"], "kind": row["kind"], "disagreement": kind,
        "a_start": row["start"] if a else None, "a_end": row["end"] if a else None,
        "a_text": row["text"] if a else None, "a_value": a_value,
        "b_start": row["predicted_start"] if b else None,
        "b_end": row["predicted_end"] if b else None,
        "b_text": row["predicted_text"] if b else None, "b_value": b_value,
    }  # fmt: skip
