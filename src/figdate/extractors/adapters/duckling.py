"""Duckling (Facebook's rule-based parser, via ``pyduckling-native-phihos``) as a figdate
extractor: numbers, quantities and money as figures, times as dates.

Each article is parsed once, with the publication day at noon UTC as the reference time.
A time's value is cut to the grain Duckling reports: a year as ``YYYY``, a month as
``YYYY-MM``, a day or finer as ``YYYY-MM-DD``, a week as the TIMEX3 week ``YYYY-Www``
(figdate's gold cannot hold a week, a TimeML dataset can); an interval takes its start.
In an undated article a time is kept only where its text states a year (else its value
would be resolved against an arbitrary day), and durations are not dates. Duckling gives
character offsets. Needs ``pip install 'figdate[duckling]'`` and the system's time zone
files (``/usr/share/zoneinfo``, Debian's tzdata).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

from figdate.core.model import Article

ZONES = Path("/usr/share/zoneinfo")
DIMENSIONS = ["time", "number", "quantity", "amount-of-money"]
WIDTH = {"year": 4, "month": 7}
YEAR = re.compile(r"\b[12][0-9]{3}\b")
UNDATED_REFERENCE = dt.datetime(2000, 1, 1, 12, tzinfo=dt.UTC)
"""Only to parse an undated article: values resolved against it are dropped."""


class DucklingExtractor:
    name = "duckling"

    def __init__(self) -> None:
        import duckling

        if not ZONES.is_dir():
            raise ImportError(f"Duckling needs the time zone files at {ZONES} (tzdata)")
        self.version = metadata.version("pyduckling-native-phihos")
        self._duckling = duckling
        self._zones = duckling.load_time_zones(str(ZONES))
        language = duckling.parse_lang("EN")
        self._locale = duckling.parse_locale("EN_US", duckling.default_locale_lang(language))
        self._dimensions = duckling.parse_dimensions(DIMENSIONS)

    def extract(self, article: Article) -> Iterator[dict[str, Any]]:
        if article.published is not None:
            when = dt.datetime.combine(article.published, dt.time(12), tzinfo=dt.UTC)
        else:
            when = UNDATED_REFERENCE
        reference = self._duckling.parse_ref_time(self._zones, "UTC", int(when.timestamp()))
        context = self._duckling.Context(reference, self._locale)
        found = self._duckling.parse(article.text, context, self._dimensions, False)
        seen: set[tuple[str, int, int]] = set()
        for entity in found:
            row = _row(entity, dated=article.published is not None)
            if row is None:
                continue
            start, end = int(entity["start"]), int(entity["end"])
            if (row["kind"], start, end) in seen:  # one span read as two dimensions (a
                continue  # quantity and money): the first reading, not a duplicate row
            seen.add((row["kind"], start, end))
            yield {"start": start, "end": end, "text": article.text[start:end], **row}


def _row(entity: dict[str, Any], *, dated: bool) -> dict[str, Any] | None:
    """The kind, value and unit of one Duckling entity, or None for what is not ours."""
    value = entity.get("value") or {}
    if entity.get("dim") == "time":
        if not dated and not YEAR.search(str(entity.get("body", ""))):
            return None
        moment = value.get("from", value) if value.get("type") == "interval" else value
        return {"kind": "date", "value": _date(moment.get("value"), moment.get("grain"))}
    number = value.get("value")
    if not isinstance(number, int | float) or isinstance(number, bool) or number < 0:
        return None
    unit = value.get("unit") if entity.get("dim") != "number" else None
    return {"kind": "figure", "value": number, "unit": unit}


def _date(stamp: object, grain: object) -> str | None:
    if not isinstance(stamp, str) or len(stamp) < 10:
        return None
    day = stamp[:10]
    if grain == "week":
        year, week, _ = dt.date.fromisoformat(day).isocalendar()
        return f"{year}-W{week:02d}"
    if grain == "quarter":
        return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    return day[: WIDTH.get(str(grain), 10)]
