"""dateparser as a figdate extractor, so users see how the usual library does.

``search_dates`` with ``RELATIVE_BASE`` at the publication date and
``PREFER_DATES_FROM='past'``; each date is cut to the granularity dateparser reports for
its substring (year, month or day); offsets are recovered by finding the returned
substrings in order. Needs ``pip install 'figdate[dateparser]'``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from figdate.core.model import Article

PRECISION = {"year": 4, "month": 7}


class DateparserExtractor:
    name = "dateparser"

    def __init__(self) -> None:
        import dateparser
        from dateparser.date import DateDataParser

        self.version = str(dateparser.__version__)
        self._parser = DateDataParser(languages=["en"])

    def extract(self, article: Article) -> Iterator[dict[str, Any]]:
        from dateparser.search import search_dates

        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
        if article.published is not None:
            base = dt.datetime.combine(article.published, dt.time(12), tzinfo=dt.UTC)
            settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
        found = search_dates(article.text, languages=["en"], settings=settings) or []
        position = 0
        for substring, when in found:
            start = article.text.find(substring, position)
            if start < 0:
                continue
            position = start + len(substring)
            data = self._parser.get_date_data(substring)
            width = PRECISION.get(str(data.period), 10)
            yield {
                "kind": "date",
                "start": start,
                "end": start + len(substring),
                "text": substring,
                "value": when.date().isoformat()[:width],
            }
