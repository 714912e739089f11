"""``check_extractor``: any extractor against drawn passages, one phenomenon at a time.

An example passes when the extractor finds every planted mention of the checked kinds with
the right value and nothing more (figdate's ``value`` scheme: overlapping span, equal
value; no miss, no spurious mention), as scored by figdate's own scorer. For each
phenomenon the report gives the pass rate over ``max_examples`` drawn passages and, where
one failed, the smallest failing passage hypothesis shrinks to.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis.errors import NoSuchExample

from figdate.core.problems import unknown
from figdate.core.vocabulary import KINDS
from figdate.evaluation.evaluate import evaluate
from figdate.extractors.protocol import Source
from figdate.extractors.registry import source_of
from figdate.testing.folder import load_drawn, unique_ids, write_gold
from figdate.testing.strategies import (
    Example,
    Published,
    known_kinds,
    known_phenomena,
    passages,
)

__all__ = ["Outcome", "Report", "check_extractor", "passes"]


@dataclass(frozen=True)
class Outcome:
    """One phenomenon: passed of tried, and the shrunk counter-example (with what the
    extractor returned for it) when any example failed."""

    phenomenon: str
    passed: int
    tried: int
    counterexample: Example | None = None
    predicted: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.tried if self.tried else 1.0


@dataclass(frozen=True)
class Report:
    extractor: str
    kinds: tuple[str, ...]
    outcomes: tuple[Outcome, ...]

    @property
    def ok(self) -> bool:
        return all(o.passed == o.tried for o in self.outcomes)

    def table(self) -> str:
        """Pass rates per phenomenon, then each shrunk counter-example."""
        lines = [f"{'phenomenon':<18} {'passed':>7} {'tried':>6} {'rate':>6}"]
        lines += [
            f"{o.phenomenon:<18} {o.passed:>7} {o.tried:>6} {o.rate:>6.2f}" for o in self.outcomes
        ]
        for o in self.outcomes:
            if o.counterexample is not None:
                lines += ["", describe(o)]
        return "\n".join(lines)

    def assert_ok(self) -> None:
        """Raise AssertionError with the table when any phenomenon has a failing example."""
        if not self.ok:
            raise AssertionError(f"{self.extractor} fails on drawn passages:\n{self.table()}")


def describe(outcome: Outcome) -> str:
    """A counter-example as a reader needs it: text, publication day, planted, predicted."""
    example = outcome.counterexample
    assert example is not None
    planted = ", ".join(f"{m.text!r}={m.value}" for m in example.mentions) or "nothing"
    found = ", ".join(f"{r.get('text')!r}={r.get('value')}" for r in outcome.predicted)
    return (
        f"{outcome.phenomenon}: smallest failing passage (maker {example.maker})\n"
        f"  text:      {example.article.text!r}\n"
        f"  published: {example.article.published or 'unknown'}\n"
        f"  planted:   {planted}\n"
        f"  predicted: {found or 'nothing'}"
    )


def passes(source: Source, examples: list[Example], kinds: Iterable[str]) -> list[bool]:
    """For each example, whether ``source`` finds exactly its planted mentions of ``kinds``
    with equal values, scored by figdate's scorer (a temporary gold folder of them all)."""
    wanted = set(kinds)
    with tempfile.TemporaryDirectory() as folder:
        gold = load_drawn(write_gold(examples, Path(folder) / "gold"))
        score = evaluate(source, gold, cache=None, resamples=0, progress=False,
                         start_method="inline", timeout=None).score  # fmt: skip
    rows = score.per_article
    rows = rows[(rows["scheme"] == "value") & rows["kind"].isin(wanted)]
    failing = set(rows.loc[(rows["fp"] > 0) | (rows["fn"] > 0), "article"])
    return [ident not in failing for ident in unique_ids(examples)]


def _draw(
    phenomenon: str, kinds: tuple[str, ...], count: int, published: Published = None
) -> list[Example]:
    """``count`` examples of one phenomenon, hypothesis-drawn, the same on every run."""
    drawn: list[Example] = []

    @settings(max_examples=count, database=None, derandomize=True, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(passages(kinds=kinds, phenomena=[phenomenon], published=published))
    def collect(example: Example) -> None:
        drawn.append(example)

    collect()
    return drawn[:count]


SHRINK_SECONDS = 15.0
"""How long shrinking may take per phenomenon; then the smallest passage so far is kept (a
slow extractor scored example by example would otherwise shrink for minutes)."""


def _shrink(
    source: Source, phenomenon: str, kinds: tuple[str, ...], tries: int, published: Published
) -> Example:
    deadline = time.monotonic() + SHRINK_SECONDS
    seen: dict[tuple[str, object, str], bool] = {}  # answers stay the same when replayed

    def fails(example: Example) -> bool:
        key = (example.article.text, example.article.published, example.maker)
        if key not in seen:  # out of time, an unseen passage is taken as passing
            seen[key] = time.monotonic() <= deadline and not passes(source, [example], kinds)[0]
        return seen[key]

    quick = settings(max_examples=tries, database=None, derandomize=True, deadline=None)
    strategy = passages(kinds=kinds, phenomena=[phenomenon], published=published)
    return find(strategy, fails, settings=quick)


def check_extractor(
    extractor: object,
    phenomena: Iterable[str] | None = None,
    kinds: Iterable[str] | None = None,
    max_examples: int = 50,
    published: Published = None,
) -> Report:
    """Check ``extractor`` (a spec such as ``"rules"``, a function, a class or an object
    with ``extract``) on ``max_examples`` drawn passages per phenomenon; ``published`` as
    for ``passages`` (then the phenomena only the makers' own days plant are left out)."""
    chosen_kinds = tuple(sorted(known_kinds(kinds), key=KINDS.index))
    names = list(phenomena) if phenomena is not None else known_phenomena(chosen_kinds)
    if extra := sorted(set(names) - set(known_phenomena(chosen_kinds))):
        raise ValueError(unknown(extra[0], known_phenomena(chosen_kinds), "a phenomenon"))
    source = source_of(extractor)
    if phenomena is None and published is not None:
        names = [n for n in names if _plantable(n, chosen_kinds, published)]
    outcomes = []
    for name in names:
        examples = _draw(name, chosen_kinds, max_examples, published)
        ok = passes(source, examples, chosen_kinds)
        counterexample, predicted = None, []
        if not all(ok):
            try:
                tries = max(max_examples, 20)
                counterexample = _shrink(source, name, chosen_kinds, tries, published)
            except NoSuchExample:  # failed in the batch, not alone: keep the batch's first
                counterexample = examples[ok.index(False)]
            predicted = source.extract(counterexample.article)
        outcomes.append(Outcome(name, sum(ok), len(ok), counterexample, predicted))
    return Report(source.name, chosen_kinds, tuple(outcomes))


def _plantable(phenomenon: str, kinds: tuple[str, ...], published: Published) -> bool:
    try:
        passages(kinds=kinds, phenomena=[phenomenon], published=published)
    except ValueError:
        return False
    return True
