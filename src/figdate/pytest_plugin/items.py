"""The test items: one per threshold, one per gold article, and the regression gate."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from figdate.pytest_plugin import session as sessions
from figdate.pytest_plugin.session import FigdateSession
from figdate.pytest_plugin.storage import FigdateFailure, load_saved
from figdate.pytest_plugin.thresholds import Threshold

MARKER = "figdate"


class FigdateItem(pytest.Item):
    """A figdate check; failures carry the measured figure, not a traceback."""

    def __init__(self, *, check: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.check = check
        self.add_marker(MARKER)  # so that `-m "not figdate"` deselects them

    def runtest(self) -> None:
        sessions.get(self.config).ran = True
        self.check(self)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, FigdateFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)  # type: ignore[return-value]

    def reportinfo(self) -> tuple[Path, int, str]:
        return Path(self.config.rootpath) / "pyproject.toml", 0, f"figdate: {self.name}"


class FigdateFile(pytest.File):
    """The rootdir's ``pyproject.toml`` as a collector of figdate's items: they get real
    node ids (``pyproject.toml::test_threshold[figure.value.f1>=0.95]``), so that ``-k``,
    ``--collect-only``, ``--deselect`` and selection by id count and behave as for any test."""

    def collect(self) -> Iterator[pytest.Item]:
        state = sessions.get(self.config)
        state.collected = True
        yield from items(self, state)


def items(parent: pytest.Collector, state: FigdateSession) -> Iterator[pytest.Item]:
    for threshold in state.thresholds:
        if threshold.kind == "article":
            continue
        name = f"test_threshold[{threshold.key}>={threshold.minimum:g}]"
        yield FigdateItem.from_parent(parent, name=name, check=_threshold_check(state, threshold))
    per_article = [t for t in state.thresholds if t.kind == "article"]
    for article in state.article_ids:
        check = _article_check(state, article, per_article)
        yield FigdateItem.from_parent(parent, name=f"test_article[{article}]", check=check)
    if state.compare:
        yield FigdateItem.from_parent(
            parent, name="test_regression", check=_regression_check(state)
        )


def _threshold_check(state: FigdateSession, threshold: Threshold) -> Any:
    def check(item: FigdateItem) -> None:
        try:
            value, low, high = state.measured(
                threshold.kind, threshold.scheme, threshold.metric, threshold.tag
            )
        except LookupError as exc:
            raise FigdateFailure(f"{threshold.key}: {exc.args[0]}") from None
        item.user_properties.append((threshold.key, f"{value:.4f}"))
        if value < threshold.minimum:
            raise FigdateFailure(
                f"{threshold.key} = {value:.3f} (95% interval {low:.3f} to {high:.3f}) is below "
                f"the threshold {threshold.minimum:g}"
            )

    return check


def _article_check(state: FigdateSession, article: str, thresholds: list[Threshold]) -> Any:
    def check(item: FigdateItem) -> None:
        table = state.evaluation.score.per_article
        rows = table[(table["article"] == article) & (table["kind"] == "all")]
        failures = []
        for row in rows.to_dict("records"):
            if row["scheme"] == "value":
                item.user_properties.append(("precision", f"{row['precision']:.4f}"))
                item.user_properties.append(("recall", f"{row['recall']:.4f}"))
            for threshold in thresholds:
                if threshold.scheme == row["scheme"] and row[threshold.metric] < threshold.minimum:
                    failures.append(
                        f"{article}: {threshold.scheme}.{threshold.metric} = "
                        f"{row[threshold.metric]:.3f} is below the threshold {threshold.minimum:g}"
                    )
        if failures:
            raise FigdateFailure("\n".join(failures))

    return check


def _regression_check(state: FigdateSession) -> Any:
    def check(item: FigdateItem) -> None:
        from figdate.reporting.runs import figure, gold_change

        path, saved = load_saved(state)
        score = state.evaluation.score
        changed = gold_change(saved, score.run.gold_version, score.run.gold_checksum)
        if changed:
            warnings.warn(f"figdate: comparing with {path.name}: {changed}", stacklevel=1)
        failures = []
        for rule in state.compare_fail:
            for kind in rule.kinds:
                key = f"{kind}.{rule.scheme}.{rule.metric}"
                before = figure(saved, kind, rule.scheme, rule.metric)
                now = score.get(kind, rule.scheme, rule.metric)
                if before is None or now is None:
                    continue
                allowed = rule.amount / 100 * before if rule.relative else rule.amount
                if before - now > allowed + 1e-12:
                    limit = f"{rule.amount:g}%" if rule.relative else f"{rule.amount:g}"
                    failures.append(
                        f"{key} dropped from {before:.3f} to {now:.3f} ({now - before:+.3f}), "
                        f"more than {limit} allowed against {path.name}"
                    )
        if failures:
            raise FigdateFailure("\n".join(failures))

    return check
