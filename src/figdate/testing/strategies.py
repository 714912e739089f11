"""Hypothesis strategies: news-style passages with planted, labelled figures and dates.

``passages(kinds=..., phenomena=...)`` draws an ``Example``: an ``Article`` and its gold
``Mention`` objects, written by one of ``figdate.testing.phenomena``'s makers (the makers
of the challenge suite, so ``phenomena`` are its tags). The maker draws every choice from
a ``random.Random`` that hypothesis controls, so a failing example shrinks like any other.
Imports neither pandas nor the extractors.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hypothesis import strategies as st

from figdate.core.model import Article, Mention
from figdate.core.vocabulary import KINDS
from figdate.testing.phenomena import boundaries, dates, figures
from figdate.testing.phenomena.passages import Passage

__all__ = ["Example", "passages", "phenomena"]

Maker = Callable[[random.Random], Passage]
_MODULES = {"figure": (figures,), "date": (dates, boundaries)}


@dataclass(frozen=True)
class Example:
    """One drawn passage: the article, its gold mentions, the maker's name and tags."""

    article: Article
    mentions: tuple[Mention, ...]
    maker: str
    tags: tuple[str, ...]
    note: str


SURVEY = 64
"""Seeds each maker is run with to learn the tags it can plant (some vary by draw: a weekday
may fall on the publication day)."""


@functools.cache
def _makers() -> dict[str, tuple[str, Maker, frozenset[str]]]:
    """Every maker by name: (kind, maker, the tags its passages can carry)."""
    out = {}
    for kind, modules in _MODULES.items():
        for module in modules:
            for name, make in module.PHENOMENA.items():
                tags = {t for seed in range(SURVEY) for t in make(random.Random(seed)).tags}
                out[name] = (kind, make, frozenset(tags))
    return out


def phenomena(kinds: Iterable[str] | None = None) -> list[str]:
    """The phenomenon tags the strategies can plant, for ``kinds`` (both by default)."""
    wanted = set(kinds or KINDS)
    return sorted({t for kind, _, tags in _makers().values() if kind in wanted for t in tags})


def passages(
    kinds: Iterable[str] | None = None, phenomena: Iterable[str] | None = None
) -> st.SearchStrategy[Example]:
    """Examples of the given kinds whose maker plants at least one of ``phenomena`` (any,
    by default). An unknown kind or phenomenon is an error that lists the known ones."""
    wanted_kinds = set(kinds or KINDS)
    if unknown := wanted_kinds - set(KINDS):
        raise ValueError(f"unknown kinds {sorted(unknown)}; known: {', '.join(KINDS)}")
    known = _known(wanted_kinds)
    wanted = set(phenomena) if phenomena is not None else None
    if wanted is not None and (unknown := wanted - set(known)):
        raise ValueError(f"unknown phenomena {sorted(unknown)}; known: {', '.join(known)}")
    names = [
        name
        for name, (kind, _, tags) in _makers().items()
        if kind in wanted_kinds and (wanted is None or wanted & tags)
    ]
    drawn = st.sampled_from(names).flatmap(
        lambda name: st.randoms(use_true_random=False).map(functools.partial(_example, name))
    )
    if wanted is None:
        return drawn
    return drawn.filter(lambda example: not wanted.isdisjoint(example.tags))


def _known(kinds: set[str]) -> list[str]:
    """``phenomena()``, for ``passages``, whose parameter of that name hides it."""
    return phenomena(kinds)


def _example(name: str, rng: random.Random) -> Example:
    passage = _makers()[name][1](rng)
    ident = f"{name}-example"
    rows = passage.rows(ident)
    mentions = tuple(
        Mention.from_dict({**row, "optional": row["optional"] == "true"}) for row in rows
    )
    article = Article(
        id=ident,
        text=passage.text,
        published=passage.published,
        note=passage.note,
        tags=" ".join(passage.tags),
    )
    return Example(article, mentions, name, passage.tags, passage.note)
