"""The saved-run document: a score as versioned JSON (``"schema": "figdate.score/1"``).

A change that renames or removes a field bumps the number, so dashboards that read it can
tell.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

import pandas as pd

from figdate.scoring import Score

JSON_SCHEMA = "figdate.score/1"


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): _clean(v) for k, v in row.items()} for row in frame.to_dict("records")]


def to_json(score: Score, *, commit: str | None = None) -> str:
    """The versioned JSON report; ``commit``: the code's git commit, when known."""
    run = score.run
    document = {
        "schema": JSON_SCHEMA,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "figdate_version": run.figdate_version,
        "gold": {
            "version": run.gold_version,
            "checksum": run.gold_checksum,
            "articles": score.articles,
        },
        "extractor": {
            "name": run.extractor,
            "version": run.extractor_version,
        },
        "bootstrap": {"resamples": run.resamples, "seed": run.seed},
        "kinds": list(score.kinds),
        "summary": _records(score.labelled(score.summary)),
        "qualifier": score.qualifier,
        "timex_type": score.timex_type,
        "per_article": _records(score.labelled(score.per_article)),
        "errors": _records(score.errors) if score.has_outcomes else None,
        "by_tag": _records(score.by_tag) if score.has_outcomes else None,
        "notes": list(score.notes),
        "failures": [{"article": f.article, "reason": f.reason} for f in run.failures],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
