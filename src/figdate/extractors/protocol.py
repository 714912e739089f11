"""What an extractor is, and what every source of predictions gives the runner.

An ``Extractor`` is the user's object (or a plain function); a ``Source`` is how the runner
sees any origin of predictions (Python, a command, a file): a name, a version for the
cache key, ``extract(article, timeout)``, and two facts the runner decides by, never by
asking what type a source is: whether its output may be cached, and whether it must run
in a worker process for a time limit to hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, is_dataclass
from typing import Any, Protocol, runtime_checkable

from figdate.core.model import Article, Mention

Row = dict[str, Any]


@runtime_checkable
class Extractor(Protocol):
    """What an extractor provides. A plain function ``(article) -> iterable`` also works."""

    name: str
    version: str

    def extract(self, article: Article) -> Iterable[Mention | Mapping[str, Any]]: ...


class ExtractionError(Exception):
    """One article could not be extracted; the run goes on without it."""


def article_payload(article: Article) -> Row:
    """The JSON form of an article given to commands (and sent to worker processes)."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "text": article.text,
    }


def as_row(item: object, article: Article) -> Row:
    """A mention dict from what an extractor returned, tagged with the article's id."""
    if type(item) is dict:  # the common case first: is_dataclass costs more than a copy
        row = dict(item)
    elif isinstance(item, Mention):
        row = item.as_dict()
        row.pop("optional", None)
        row.pop("note", None)
    elif is_dataclass(item) and not isinstance(item, type):
        row = asdict(item)
    elif isinstance(item, Mapping):
        row = dict(item)
    else:
        raise ExtractionError(f"returned {type(item).__name__}, not a Mention or a dict")
    row.setdefault("article_id", article.id)
    if row["article_id"] != article.id:
        raise ExtractionError(
            f"returned a mention tagged {row['article_id']!r} for article {article.id!r}"
        )
    return row


class Source(Protocol):
    """Any origin of predictions, as the runner sees it."""

    spec: str
    name: str
    version: str
    cacheable: bool  # False where the output is not computed (a file of predictions)
    isolated: bool  # True: run in a worker process, which the runner stops at the limit

    def extract(self, article: Article, timeout: float | None = None) -> list[Row]:
        """The article's mention rows; ``timeout`` applies where the source enforces it
        itself (a command); an isolated source is stopped by the runner instead."""
        ...

    def ready(self) -> None:
        """Construct what runs the extraction, in the calling process (the runner calls it
        before forking workers; a spawned worker calls it itself)."""
        ...

    def prepare(self, articles: Mapping[str, Article]) -> None:
        """Before the run, with the articles it will see (a file validates itself here)."""
        ...

    def unknown_articles(self, known: Iterable[str]) -> list[str]:
        """Articles the source has output for that are not among ``known``."""
        ...
