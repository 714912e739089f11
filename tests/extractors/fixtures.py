"""Extractors for the runner's tests: well-behaved, faulty, slow and call-counting ones."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from figdate.core.model import Article, Mention

FAULTY_ARTICLE = "idlib-january-deaths"


def digits(article: Article) -> Iterator[dict[str, Any]]:
    """A plain function: every run of digits with commas, as a figure."""
    for match in re.finditer(r"(?<![\w.,/])\d{1,3}(?:,\d{3})+(?![\w,])", article.text):
        yield {
            "kind": "figure",
            "start": match.start(),
            "end": match.end(),
            "text": match.group(),
            "value": int(match.group().replace(",", "")),
        }


class DigitsExtractor:
    """A class with name and version, returning Mention objects."""

    name = "digits-class"
    version = "1.0"

    def extract(self, article: Article) -> list[Mention]:
        return [
            Mention(article.id, "figure", r["start"], r["end"], r["text"], r["value"])
            for r in digits(article)
        ]


instance = DigitsExtractor()


def raises_on_one(article: Article) -> Iterator[dict[str, Any]]:
    if article.id == FAULTY_ARTICLE:
        raise RuntimeError("boom on purpose")
    yield from digits(article)


def sleeps_on_one(article: Article) -> Iterator[dict[str, Any]]:
    if article.id == FAULTY_ARTICLE:
        time.sleep(60)
    yield from digits(article)


def invalid_on_one(article: Article) -> Iterator[dict[str, Any]]:
    yield from digits(article)
    if article.id == FAULTY_ARTICLE:
        yield {"kind": "date", "value": "2020-13"}


def counted(article: Article) -> Iterator[dict[str, Any]]:
    """Appends a line per call to $FIGDATE_TEST_CALLS: to tell cache hits from misses."""
    with Path(os.environ["FIGDATE_TEST_CALLS"]).open("a", encoding="utf-8") as log:
        log.write(article.id + "\n")
    yield from digits(article)


def slow(article: Article) -> Iterator[dict[str, Any]]:
    """A third of a second per article: a run that passes the progress bar's one second."""
    time.sleep(0.35)
    yield from digits(article)


class GpuExtractor:
    """Like a model put on a GPU in ``__init__``: usable only in the process that made it,
    as CUDA refuses a forked child ("Cannot re-initialize CUDA in forked subprocess")."""

    name = "gpu"
    version = "1"

    def __init__(self) -> None:
        self.device_pid = os.getpid()

    def extract(self, article: Article) -> Iterator[dict[str, Any]]:
        if os.getpid() != self.device_pid:
            raise RuntimeError("Cannot re-initialize CUDA in forked subprocess")
        yield from digits(article)
