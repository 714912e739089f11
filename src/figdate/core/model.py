"""The data model: articles and the figure and date mentions in them.

Offsets are half-open indices into ``Article.text`` as a Python ``str`` (code points), so
``mention.text == article.text[mention.start:mention.end]``. Tables (pandas DataFrames)
are the exchange format; these classes are the typed view of one row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from figdate.core.values import is_empty, parse_date, parse_figure
from figdate.core.vocabulary import KINDS, Kind, tags_of

if TYPE_CHECKING:
    import pandas as pd

ARTICLE_COLUMNS = ("id", "title", "source", "url", "published", "note")
MENTION_COLUMNS = (
    "article_id",
    "kind",
    "start",
    "end",
    "text",
    "value",
    "qualifier",
    "unit",
    "optional",
    "note",
)
PREDICTION_COLUMNS = MENTION_COLUMNS[:-2]

Value = int | float | str | None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its verbatim text and the metadata that dates its relative dates."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | None = None
    note: str | None = None
    tags: str | None = None
    """The phenomena the article tests, space-separated (``articles.csv``'s optional column)."""

    def metadata(self) -> dict[str, Any]:
        """The article's row in ``articles.csv`` (everything but the text)."""
        row = {name: getattr(self, name) for name in ARTICLE_COLUMNS}
        row["published"] = self.published.isoformat() if self.published else None
        return row


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure or date mention. In predictions, offsets and text may be missing."""

    article_id: str
    kind: Kind
    start: int | None
    end: int | None
    text: str | None
    value: Value
    qualifier: str | None = None
    unit: str | None = None
    optional: bool = False
    note: str | None = field(default=None, compare=False)

    @classmethod
    def from_dict(cls, row: Mapping[str, Any]) -> Mention:
        """Build a mention from a table row or an extractor's dict, normalising the value."""
        kind = row["kind"]
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        value: Value = None
        raw = row.get("value")
        if not is_empty(raw):
            value = parse_figure(raw) if kind == "figure" else _date_value(raw)
        return cls(
            article_id=str(row["article_id"]),
            kind=Kind(kind),
            start=_int_or_none(row.get("start")),
            end=_int_or_none(row.get("end")),
            text=_verbatim_or_none(row.get("text")),
            value=value,
            qualifier=_str_or_none(row.get("qualifier")),
            unit=_str_or_none(row.get("unit")),
            optional=bool(row.get("optional") or False),
            note=_str_or_none(row.get("note")),
        )

    def as_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["kind"] = str(self.kind)  # the plain word, as tables hold it
        return row


def _int_or_none(value: object) -> int | None:
    return None if is_empty(value) else int(value)  # type: ignore[call-overload]


def _verbatim_or_none(value: object) -> str | None:
    """Mention text is article text: kept as is, spaces included; only "" or NA is missing."""
    if isinstance(value, str):
        return value or None
    return None if is_empty(value) else str(value)


def _str_or_none(value: object) -> str | None:
    return None if is_empty(value) else str(value)


def tags_in(mentions: pd.DataFrame, articles: Mapping[str, Article]) -> list[str]:
    """Every tag of the mentions (a ``tags`` column) and of the articles, sorted."""
    found = {tag for article in articles.values() for tag in tags_of(article.tags)}
    if "tags" in mentions:
        found.update(tag for cell in mentions["tags"].dropna().unique() for tag in tags_of(cell))
    return sorted(found)


def tag_scope(
    mentions: pd.DataFrame, articles: Mapping[str, Article], tag: str
) -> tuple[set[str], pd.Series, pd.Series]:
    """What ``tag`` covers: the articles it names, and over ``mentions`` whether each is in
    one of them and whether it carries the tag itself (the breakdown's and the card's
    scope, defined once)."""
    named = {ident for ident, article in articles.items() if tag in tags_of(article.tags)}
    whole = mentions["article_id"].isin(named)
    if "tags" in mentions:
        own = mentions["tags"].map(lambda cell: tag in tags_of(cell)).astype(bool)
    else:
        own = whole & False
    return named, whole, own


def articles_to_frame(articles: Iterable[Article], *, with_text: bool = False) -> pd.DataFrame:
    """Articles as a DataFrame with the ``articles.csv`` columns (and ``text`` if asked)."""
    import pandas as pd

    columns = [*ARTICLE_COLUMNS, "text"] if with_text else list(ARTICLE_COLUMNS)
    rows = [{**a.metadata(), "text": a.text} for a in articles]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def articles_from_frame(frame: pd.DataFrame, texts: Mapping[str, str]) -> list[Article]:
    """Articles from a validated metadata table and their texts, keyed by id."""
    out = []
    for row in records(frame):
        published = _str_or_none(row.get("published"))
        out.append(
            Article(
                id=str(row["id"]),
                text=texts[str(row["id"])],
                title=_str_or_none(row.get("title")),
                source=_str_or_none(row.get("source")),
                url=_str_or_none(row.get("url")),
                published=dt.date.fromisoformat(published) if published else None,
                note=_str_or_none(row.get("note")),
                tags=_str_or_none(row.get("tags")),
            )
        )
    return out


def _date_value(raw: object) -> str:
    """figdate's value cut to the day, or a TIMEX3 value beyond its model as written (it
    scores as a wrong value, ``core.timex``); ValueError for anything else."""
    try:
        return parse_date(raw, allow_time=True)
    except ValueError:
        from figdate.core.timex import TIMEX3_PATTERN

        if isinstance(raw, str) and re.fullmatch(TIMEX3_PATTERN, raw):
            return raw.strip()
        raise


def mentions_to_frame(mentions: Iterable[Mention], *, gold: bool = True) -> pd.DataFrame:
    """Mentions as a DataFrame with the gold (or prediction) columns and nullable dtypes."""
    import pandas as pd

    columns = list(MENTION_COLUMNS if gold else PREDICTION_COLUMNS)
    frame = pd.DataFrame([m.as_dict() for m in mentions], columns=list(MENTION_COLUMNS))
    frame = frame.astype({"start": "Int64", "end": "Int64", "value": object, "optional": bool})
    return frame[columns]


def mentions_from_frame(frame: pd.DataFrame) -> list[Mention]:
    """Mentions from a validated gold or prediction table."""
    return [Mention.from_dict(row) for row in records(frame)]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts keyed by column name."""
    return [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]
