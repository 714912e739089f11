"""What one pytest run knows about figdate: its settings, the gold set and the evaluation,
each made once and only when first needed."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from figdate.core.problems import unknown
from figdate.pytest_plugin.thresholds import parse_compare_fail, parse_thresholds, settings

if TYPE_CHECKING:
    from figdate.evaluation.evaluate import Evaluation
    from figdate.extractors.protocol import Source
    from figdate.goldset.store import GoldSet


class FigdateSession:
    """What one pytest run knows about figdate: settings, and the evaluation, made once."""

    def __init__(self, config: pytest.Config) -> None:
        found = settings(config)
        self.config = config
        self.thresholds = parse_thresholds(found.get("thresholds", {}) or {})
        self.enabled = bool(config.getoption("figdate")) or bool(self.thresholds)
        self.extractor = config.getoption("figdate_extractor") or found.get("extractor")
        gold = config.getoption("figdate_gold") or found.get("gold")
        self.gold = str(Path(config.rootpath) / gold) if gold else None
        self.start_method = (
            config.getoption("figdate_start_method")
            or found.get("start_method")
            or found.get("start-method")
        )
        self.compare = config.getoption("figdate_compare")
        self.compare_fail = [
            parse_compare_fail(e) for e in config.getoption("figdate_compare_fail")
        ]
        if self.compare_fail and not self.compare:
            raise pytest.UsageError("--figdate-compare-fail needs --figdate-compare")
        if self.compare_fail or self.compare or config.getoption("figdate_save"):
            self.enabled = True
        self._evaluation: Evaluation | None = None
        self._gold: GoldSet | None = None
        self._source: Source | None = None
        self.document: str | None = None  # the saved-run document, once written
        self.error: str | None = None
        self.ran = False  # a figdate item ran: only then is the extractor evaluated
        self.collected = False  # the figdate file was collected (a walk, or named by id)

    @property
    def loaded_gold(self) -> GoldSet:
        """The gold set, read and validated once for collection and evaluation alike."""
        if self._gold is None:
            from figdate.goldset.store import load

            self._gold = load(self.gold)
        return self._gold

    @property
    def article_ids(self) -> list[str]:
        """The gold set's article ids, to name the items while collecting: read from
        ``articles.csv`` alone, so collecting (``--collect-only``, ``-k``) never loads
        pandas. Empty when the file cannot be read: ``setup`` then says why."""
        from figdate.core.problems import InputError
        from figdate.goldset.layout import article_ids
        from figdate.goldset.location import locate

        try:
            return article_ids(locate(self.gold))
        except (InputError, OSError, KeyError, UnicodeDecodeError, csv.Error):
            return []

    def setup(self) -> None:
        """Load the gold set and resolve the extractor, once a figdate item is selected;
        what is wrong becomes one short usage error, its cause first, no traceback. The
        rootdir goes on ``sys.path`` first, as pytest's ``pythonpath`` would put it, so
        that ``module:attr`` finds the project's own modules."""
        from figdate.core.problems import InputError
        from figdate.extractors.registry import source_of
        from figdate.extractors.workers import start_method

        root = str(self.config.rootpath)
        if root not in sys.path:
            sys.path.insert(0, root)
        try:
            start_method(self.start_method)
            self._source = source_of(self.extractor)
            self._source.prepare(self.loaded_gold.articles)
        except InputError as exc:
            self.error = "; ".join(str(p) for p in exc.problems)
            raise pytest.UsageError(f"figdate: {self.error}") from None

    @property
    def evaluation(self) -> Evaluation:
        """The extractor's evaluation, run on first use and kept for the session."""
        if self._evaluation is None:
            from figdate.core.problems import InputError
            from figdate.evaluation.evaluate import evaluate

            if self._source is None:
                self.setup()
            try:
                self._evaluation = evaluate(
                    self._source, self.loaded_gold, resamples=1000, start_method=self.start_method
                )
            except InputError as exc:
                self.error = "; ".join(str(p) for p in exc.problems)
                pytest.exit(f"figdate: {self.error}", returncode=pytest.ExitCode.USAGE_ERROR)
        return self._evaluation

    def measured(
        self, kind: str, scheme: str, metric: str, tag: str | None = None
    ) -> tuple[float, float, float]:
        """The figure with its 95% interval (low, high), of the whole or of one tag's row of
        the breakdown; macro figures have none. LookupError for a tag the gold lacks."""
        score = self.evaluation.score
        if kind not in (*score.kinds, "all", "article"):
            raise LookupError(f"the gold set does not label {kind} mentions (it labels "
                              f"{', '.join(score.kinds)})")  # fmt: skip
        if tag is None:
            row = score.summary
        else:
            row = score.by_tag[score.by_tag["tag"] == tag]
            if row.empty:
                reason = unknown(tag, set(score.by_tag["tag"]), "a tag of the gold set")
                raise LookupError(reason)
        row = row[(row["kind"] == kind) & (row["scheme"] == scheme)]
        if row.empty:
            raise LookupError(f"the tag {tag!r} has no {kind} mentions or predictions")
        found = row.iloc[0]
        if metric.startswith("macro"):
            return (float(found[metric]),) * 3
        return float(found[metric]), float(found[metric + "_low"]), float(found[metric + "_high"])


_KEY = pytest.StashKey[FigdateSession]()


def get(config: pytest.Config) -> FigdateSession:
    """The session object made in ``pytest_configure``."""
    return config.stash[_KEY]


def start(config: pytest.Config) -> None:
    config.stash[_KEY] = FigdateSession(config)
