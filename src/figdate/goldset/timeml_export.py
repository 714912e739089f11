"""``figdate export timeml``: date mentions as TimeML files, one per article, for the
TempEval-3 scorer and other TimeML tools.

Each article's text goes inside ``<TEXT>`` with a TIMEX3 around each located date mention
(its ``type`` where given, else DATE; its value and mod), the publication day as the DCT.
TimeML tags cannot overlap, so of overlapping mentions the earlier (then the longer) is
written and the others counted; figures are not TimeML and are left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from figdate.core.model import Article
from figdate.core.timeml import Document, Timex, write
from figdate.core.transaction import commit
from figdate.core.values import is_empty


@dataclass(frozen=True)
class Exported:
    """What an export wrote: files, TIMEX3s, and date mentions it could not write."""

    files: int
    timexes: int
    overlapping: int
    unlocated: int


def export_timeml(
    mentions: pd.DataFrame, articles: Mapping[str, Article], folder: Path
) -> Exported:
    """Write ``<article>.tml`` into ``folder`` for every article of ``articles``, all files
    or none."""
    dates = mentions[mentions["kind"] == "date"]
    if {"start", "end"} <= set(dates.columns):
        located = dates["start"].notna() & dates["end"].notna()
    else:  # predictions without offsets: nothing to place in the text
        located = pd.Series(False, index=dates.index)
    unlocated = int((~located).sum())
    by_article = dict(tuple(dates[located].groupby("article_id", sort=False)))
    changes: dict[Path, bytes] = {}
    written = overlapping = 0
    for name in sorted(articles):
        article = articles[name]
        timexes, dropped = _timexes(by_article.get(name), article.text)
        written, overlapping = written + len(timexes), overlapping + dropped
        dct = article.published.isoformat() if article.published else None
        document = Document(name, article.text, timexes, dct, None)
        changes[folder / f"{name}.tml"] = write(document).encode("utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    commit(changes, folder)
    return Exported(len(changes), written, overlapping, unlocated)


def _timexes(rows: pd.DataFrame | None, text: str) -> tuple[list[Timex], int]:
    if rows is None:
        return [], 0
    spans = sorted(
        ((int(r["start"]), int(r["end"]), r) for r in rows.to_dict("records")),
        key=lambda t: (t[0], -t[1]),
    )
    out: list[Timex] = []
    dropped, at = 0, 0
    for start, end, row in spans:
        if start < at or not 0 <= start < end <= len(text):
            dropped += 1
            continue
        kind = row.get("type")
        mod = row.get("mod")
        value = row.get("value")
        out.append(Timex(start, end, text[start:end], f"t{len(out) + 1}",
                         "DATE" if is_empty(kind) else str(kind),
                         "" if is_empty(value) else str(value).strip(),
                         None if is_empty(mod) else str(mod)))  # fmt: skip
        at = end
    return out, dropped
