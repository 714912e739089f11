"""Hypothesis strategies: news-style passages with planted, labelled figures and dates.

``passages(kinds=..., phenomena=..., published=...)`` draws an ``Example``: an ``Article``
and its gold ``Mention`` objects, written by one of ``figdate.testing.phenomena``'s makers
(the makers of the challenge suite, so ``phenomena`` are its tags). The maker draws every
choice from a ``random.Random`` that hypothesis controls, so a failing example shrinks like
any other. Imports neither pandas nor the extractors.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hypothesis import strategies as st

from figdate.core.model import Article, Mention
from figdate.core.problems import unknown
from figdate.core.vocabulary import KINDS
from figdate.testing.phenomena import boundaries, dates, figures
from figdate.testing.phenomena.passages import Passage

__all__ = ["Example", "known_phenomena", "passages"]

Maker = Callable[..., Passage]
_MODULES = {"figure": (figures,), "date": (dates, boundaries)}


@dataclass(frozen=True)
class Example:
    """One drawn passage: the article, its gold mentions, the maker's name and tags."""

    article: Article
    mentions: tuple[Mention, ...]
    maker: str
    tags: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class _Maker:
    kind: str
    make: Maker
    tags: frozenset[str]
    takes_published: bool
    """False for the makers whose phenomenon is where the publication day falls (a year
    or month boundary, a leap day) or that it is unknown: they choose their own."""


SURVEY = 64
"""Seeds each maker is run with to learn the tags it can plant (some vary by draw: a weekday
may fall on the publication day)."""


@functools.cache
def _makers() -> dict[str, _Maker]:
    """Every maker by name, with the tags its passages can carry."""
    out = {}
    for kind, modules in _MODULES.items():
        for module in modules:
            for name, make in module.PHENOMENA.items():
                tags = {t for seed in range(SURVEY) for t in make(random.Random(seed)).tags}
                takes = "published" in inspect.signature(make).parameters
                out[name] = _Maker(kind, make, frozenset(tags), takes)
    return out


def known_kinds(kinds: Iterable[str] | None) -> set[str]:
    """``kinds`` as a set (both by default); ValueError with the nearest kind for a name
    that is none (``"figures"`` would otherwise select nothing and check nothing)."""
    wanted = set(kinds or KINDS)
    if extra := sorted(wanted - set(KINDS)):
        raise ValueError(unknown(extra[0], KINDS, "a kind"))
    return wanted


def known_phenomena(kinds: Iterable[str] | None = None) -> list[str]:
    """The phenomenon tags the strategies can plant, for ``kinds`` (both by default)."""
    wanted = known_kinds(kinds)
    return sorted({t for m in _makers().values() if m.kind in wanted for t in m.tags})


Published = dt.date | st.SearchStrategy[dt.date] | None
SAFE_DAYS = (dt.date(1010, 1, 1), dt.date(9989, 12, 31))
"""Publication days the makers can count from: they reach some years either way, and
figdate's values have four-digit years."""


def passages(
    kinds: Iterable[str] | None = None,
    phenomena: Iterable[str] | None = None,
    published: Published = None,
) -> st.SearchStrategy[Example]:
    """Examples of the given kinds whose maker plants at least one of ``phenomena`` (any,
    by default). ``published`` fixes the publication day (a date, or a strategy of dates,
    such as ``st.dates()``; days outside ``SAFE_DAYS`` are not drawn) and every value is
    resolved against it; the makers whose
    phenomenon is the publication day itself (year-boundary, month-boundary, leap-day,
    undated) are then left out, though other makers still plant those tags when the day
    falls so. An unknown kind or phenomenon is an error that lists the known ones."""
    wanted_kinds = known_kinds(kinds)
    known = known_phenomena(wanted_kinds)
    wanted = set(phenomena) if phenomena is not None else None
    if extra := sorted((wanted or set()) - set(known)):
        raise ValueError(unknown(extra[0], known, "a phenomenon of these kinds"))
    names = [
        name
        for name, m in _makers().items()
        if m.kind in wanted_kinds
        and (wanted is None or wanted & m.tags)
        and (published is None or m.takes_published)
    ]
    if not names:
        raise ValueError(
            f"no maker plants {sorted(wanted or [])} on a publication day given by "
            "published=: those phenomena are where the day falls; leave published out"
        )
    if isinstance(published, dt.date) and not SAFE_DAYS[0] <= published <= SAFE_DAYS[1]:
        raise ValueError(
            f"published={published}: choose a day from {SAFE_DAYS[0]} to {SAFE_DAYS[1]}"
        )
    days: st.SearchStrategy[dt.date | None] = (
        st.none()
        if published is None
        else st.just(published)
        if isinstance(published, dt.date)
        else published.filter(lambda day: SAFE_DAYS[0] <= day <= SAFE_DAYS[1])
    )
    drawn = st.sampled_from(names).flatmap(
        lambda name: st.builds(
            functools.partial(_example, name), st.randoms(use_true_random=False), days
        )
    )
    if wanted is None:
        return drawn
    return drawn.filter(lambda example: not wanted.isdisjoint(example.tags))


def _example(name: str, rng: random.Random, published: dt.date | None = None) -> Example:
    make = _makers()[name].make
    passage = make(rng) if published is None else make(rng, published=published)
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
