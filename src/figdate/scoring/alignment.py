"""Offsets for predictions that give a text but none: each takes the earliest occurrence
of its text not already taken by a prediction of the same kind, preferring whole-word ones.

Each article is indexed once (its runs of letters and digits, by word), so a prediction's
whole-word occurrences are looked up, not searched for: the cost follows the number of
predictions, not predictions x article length. Only a text that starts with neither a
letter nor a digit, or one found only inside words, falls back to a scan.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from figdate.core.model import Article
from figdate.core.values import is_empty

WORD = re.compile(r"[^\W_]+")  # exactly the characters str.isalnum() accepts


@dataclass
class ArticleIndex:
    """Where each word of one article starts, and which starts each kind has taken."""

    text: str
    words: dict[str, list[int]] = field(default_factory=dict)
    taken: dict[str, set[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> ArticleIndex:
        words: dict[str, list[int]] = {}
        for found in WORD.finditer(text):
            words.setdefault(found.group(), []).append(found.start())
        return cls(text, words)

    def take(self, kind: str, needle: str) -> int | None:
        """The earliest free whole-word occurrence of ``needle``, else the earliest free one
        anywhere; marked taken for ``kind``."""
        used = self.taken.setdefault(kind, set())
        found = self._whole_word(needle, used)
        if found is None:
            found = next((c for c in _occurrences(self.text, needle) if c not in used), None)
        if found is not None:
            used.add(found)
        return found

    def _whole_word(self, needle: str, used: set[int]) -> int | None:
        head = WORD.match(needle)
        if head is None:  # starts with a sign or a space: no word to look up
            candidates = _occurrences(self.text, needle)
        else:
            candidates = self.words.get(head.group(), [])
        for at in candidates:
            if at not in used and _whole_word(self.text, needle, at):
                return at
        return None


def _occurrences(text: str, needle: str) -> list[int]:
    """Every start of ``needle`` in ``text``, overlapping ones included."""
    found: list[int] = []
    at = text.find(needle) if needle else -1
    while at != -1:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _whole_word(text: str, needle: str, at: int) -> bool:
    if not text.startswith(needle, at):
        return False
    end = at + len(needle)
    before = text[at - 1] if at > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column of ``frame``, or one of None where it has none (offsets are optional)."""
    if name in frame:
        return frame[name]
    return pd.Series([None] * len(frame), index=frame.index, dtype=object)


def align(
    predictions: pd.DataFrame, articles: Mapping[str, Article]
) -> tuple[pd.DataFrame, int, int]:
    """(predictions with offsets filled in, how many found no occurrence, how many have
    neither offsets nor text). Rows are processed in a canonical order (by article, kind,
    text, value) so the result never depends on the order of the input."""
    frame = predictions.reset_index(drop=True).copy()
    for name in ("start", "end", "text"):
        frame[name] = column(frame, name)
    start = pd.to_numeric(frame["start"], errors="coerce")
    unlocated = frame[start.isna()]
    has_text = unlocated["text"].map(lambda t: not is_empty(t)).astype(bool)
    todo = unlocated[has_text]
    bag_only = int((~has_text).sum())
    if todo.empty:
        return frame, 0, bag_only
    indexes: dict[str, ArticleIndex] = {}
    for article in todo["article_id"].astype(str).unique():
        indexes[article] = ArticleIndex.of(articles[article].text)
    located = frame[start.notna()]
    for article, kind, at in zip(
        located["article_id"].astype(str), located["kind"], start[start.notna()], strict=True
    ):
        if article in indexes:
            indexes[article].taken.setdefault(str(kind), set()).add(int(at))
    keyed = todo.assign(_value=todo["value"].astype(str))
    ordered = keyed.sort_values(["article_id", "kind", "text", "_value"], kind="stable")
    found_at = [
        indexes[str(article)].take(str(kind), str(text))
        for article, kind, text in zip(
            ordered["article_id"], ordered["kind"], ordered["text"], strict=True
        )
    ]
    starts = pd.Series(found_at, index=ordered.index, dtype="Int64").dropna()
    frame = frame.astype({"start": object, "end": object})
    lengths = frame.loc[starts.index, "text"].astype(str).str.len()
    frame.loc[starts.index, "start"] = starts.astype(int).astype(object)
    frame.loc[starts.index, "end"] = (starts.astype(int) + lengths).astype(object)
    return frame, len(found_at) - len(starts), bag_only
