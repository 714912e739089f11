"""pytest plugin: report precision and recall, and gate CI on them.

Shaped like pytest-benchmark: one option group, a session object made in
``pytest_configure``, the table in ``pytest_terminal_summary``, and a regression gate
against saved runs (direction-aware: for these figures higher is better). It is on with
``--figdate`` or when ``pyproject.toml`` has ``[tool.figdate.thresholds]``.

    [tool.figdate]
    extractor = "rules"
    [tool.figdate.thresholds]
    "figure.value.f1" = 0.95          # KIND.SCHEME.METRIC, one test item each
    "article.value.recall" = 0.5      # article.SCHEME.METRIC: per gold article
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import tomllib
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from figdate.evaluate import Evaluation
    from figdate.gold import GoldSet

KINDS = ("figure", "date", "all")
SCHEMES = ("strict", "exact", "relaxed", "value", "bag")
METRICS = ("precision", "recall", "f1", "macro_precision", "macro_recall", "macro_f1")
ARTICLE_METRICS = ("precision", "recall", "f1")
SAVE_DIR = ".figdate"
HEADLINE = [(kind, "value", metric) for kind in KINDS for metric in ("precision", "recall", "f1")]
_COMPARE_FAIL = re.compile(
    r"^(?:(?P<kind>figure|date|all)\.)?(?P<scheme>\w+)\.(?P<metric>\w+):(?P<amount>\d+(?:\.\d+)?)(?P<percent>%)?$"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("figdate", "figdate: precision and recall of an extractor")
    group.addoption("--figdate", action="store_true", help="evaluate an extractor in this run")
    group.addoption("--figdate-extractor", metavar="SPEC", help="extractor spec (default: rules)")
    group.addoption("--figdate-gold", metavar="PATH", help="gold folder (default: ./gold)")
    group.addoption("--figdate-json", metavar="PATH", help="write the JSON report here")
    group.addoption("--figdate-save", metavar="NAME", help=f"save this run under {SAVE_DIR}/")
    group.addoption(
        "--figdate-compare",
        metavar="PATH|NUMBER",
        help=f"compare with a saved run: its file, or its number in {SAVE_DIR}/ (0003)",
    )
    group.addoption(
        "--figdate-compare-fail",
        metavar="EXPR",
        action="append",
        default=[],
        help="fail when [KIND.]SCHEME.METRIC dropped by more than AMOUNT (value.f1:0.02) "
        "or a share (value.f1:5%%) against the compared run",
    )


@dataclass(frozen=True)
class Threshold:
    kind: str  # figure, date, all; or "article"
    scheme: str
    metric: str
    minimum: float

    @property
    def key(self) -> str:
        return f"{self.kind}.{self.scheme}.{self.metric}"


@dataclass(frozen=True)
class CompareFail:
    kinds: tuple[str, ...]
    scheme: str
    metric: str
    amount: float
    relative: bool


def _settings(config: pytest.Config) -> dict[str, Any]:
    path = Path(config.rootpath) / "pyproject.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    section = data.get("tool", {}).get("figdate", {})
    return section if isinstance(section, dict) else {}


def parse_thresholds(raw: dict[str, Any]) -> list[Threshold]:
    """``{"figure.value.f1": 0.95}`` as Thresholds; pytest.UsageError on an unknown key."""
    valid = [f"{k}.{s}.{m}" for k in KINDS for s in SCHEMES for m in METRICS]
    valid += [f"article.{s}.{m}" for s in SCHEMES for m in ARTICLE_METRICS]
    out = []
    for key, value in raw.items():
        if key not in valid:
            raise pytest.UsageError(
                f"[tool.figdate.thresholds] {key!r} is not a figure figdate reports; use "
                f"KIND.SCHEME.METRIC with KIND in {'/'.join((*KINDS, 'article'))}, SCHEME in "
                f"{'/'.join(SCHEMES)}, METRIC in {'/'.join(METRICS)} (e.g. 'figure.value.f1')"
            )
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
            raise pytest.UsageError(f"[tool.figdate.thresholds] {key!r} must be a number in [0, 1]")
        kind, scheme, metric = key.split(".")
        out.append(Threshold(kind, scheme, metric, float(value)))
    return out


def parse_compare_fail(expression: str) -> CompareFail:
    found = _COMPARE_FAIL.match(expression.strip())
    if not found or found["scheme"] not in SCHEMES or found["metric"] not in METRICS:
        raise pytest.UsageError(
            f"--figdate-compare-fail={expression!r}: expected [KIND.]SCHEME.METRIC:AMOUNT "
            "or :PERCENT%, e.g. value.f1:0.02 or figure.value.recall:5%"
        )
    kinds = (found["kind"],) if found["kind"] else KINDS
    return CompareFail(
        kinds, found["scheme"], found["metric"], float(found["amount"]), bool(found["percent"])
    )


class FigdateSession:
    """What one pytest run knows about figdate: settings, and the evaluation, made once."""

    def __init__(self, config: pytest.Config) -> None:
        settings = _settings(config)
        self.config = config
        self.thresholds = parse_thresholds(settings.get("thresholds", {}) or {})
        self.enabled = bool(config.getoption("figdate")) or bool(self.thresholds)
        self.extractor = config.getoption("figdate_extractor") or settings.get("extractor")
        gold = config.getoption("figdate_gold") or settings.get("gold")
        self.gold = str(Path(config.rootpath) / gold) if gold else None
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
        self.error: str | None = None

    @property
    def loaded_gold(self) -> GoldSet:
        """The gold set, read and validated once for collection and evaluation alike."""
        if self._gold is None:
            from figdate import gold

            self._gold = gold.load(self.gold)
        return self._gold

    @property
    def evaluation(self) -> Evaluation:
        """The extractor's evaluation, run on first use and kept for the session."""
        if self._evaluation is None:
            from figdate.evaluate import evaluate
            from figdate.problems import InputError

            try:
                self._evaluation = evaluate(self.extractor, self.loaded_gold, resamples=1000)
            except InputError as exc:
                self.error = "; ".join(str(p) for p in exc.problems)
                raise
        return self._evaluation

    def measured(self, kind: str, scheme: str, metric: str) -> tuple[float, float, float]:
        """The figure with its 95% interval (low, high); macro figures have none."""
        score = self.evaluation.score
        value = score.get(kind, scheme, metric)
        if metric.startswith("macro"):
            return value, value, value
        return (
            value,
            score.get(kind, scheme, metric + "_low"),
            score.get(kind, scheme, metric + "_high"),
        )


def _session(config: pytest.Config) -> FigdateSession:
    session: FigdateSession = config.stash[_KEY]
    return session


_KEY = pytest.StashKey[FigdateSession]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_KEY] = FigdateSession(config)


class FigdateItem(pytest.Item):
    """A figdate check; failures carry the measured figure, not a traceback."""

    def __init__(self, *, check: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.check = check

    def runtest(self) -> None:
        self.check(self)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, FigdateFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)  # type: ignore[return-value]

    def reportinfo(self) -> tuple[Path, int, str]:
        return Path(self.config.rootpath) / "pyproject.toml", 0, f"figdate: {self.name}"


class FigdateFailure(Exception):
    pass


def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    state = _session(config)
    if not state.enabled:
        return
    items.extend(_items(session, state))


def _items(session: pytest.Session, state: FigdateSession) -> Iterator[pytest.Item]:
    for threshold in state.thresholds:
        if threshold.kind == "article":
            continue
        name = f"test_threshold[{threshold.key}>={threshold.minimum:g}]"
        yield FigdateItem.from_parent(session, name=name, check=_threshold_check(state, threshold))
    from figdate.problems import InputError

    try:
        articles = sorted(state.loaded_gold.articles)
    except InputError:  # reported by the first item that needs the evaluation
        articles = []
    per_article = [t for t in state.thresholds if t.kind == "article"]
    for article in articles:
        check = _article_check(state, article, per_article)
        yield FigdateItem.from_parent(session, name=f"test_article[{article}]", check=check)
    if state.compare:
        yield FigdateItem.from_parent(
            session, name="test_regression", check=_regression_check(state)
        )


def _threshold_check(state: FigdateSession, threshold: Threshold) -> Any:
    def check(item: FigdateItem) -> None:
        value, low, high = state.measured(threshold.kind, threshold.scheme, threshold.metric)
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


# Saved runs and the regression gate ---------------------------------------------------------


def _run_record(state: FigdateSession) -> dict[str, Any]:
    score = state.evaluation.score
    return {
        "figdate_run": 1,
        "saved": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "commit": _commit(Path(state.config.rootpath)),
        "extractor": score.meta.get("extractor"),
        "extractor_version": score.meta.get("extractor_version"),
        "gold_version": score.meta.get("gold_version"),
        "gold_checksum": score.meta.get("gold_checksum"),
        "figures": {
            f"{r['kind']}.{r['scheme']}.{m}": r[m]
            for r in score.summary.to_dict("records")
            for m in METRICS
        },
    }


def _commit(root: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return done.stdout.strip() or None


def _save(state: FigdateSession, name: str) -> Path:
    folder = Path(state.config.rootpath) / SAVE_DIR
    folder.mkdir(exist_ok=True)
    numbers = [int(p.name[:4]) for p in folder.glob("[0-9][0-9][0-9][0-9]_*.json")]
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") or "run"
    path = folder / f"{max(numbers, default=0) + 1:04d}_{slug}.json"
    path.write_text(json.dumps(_run_record(state), indent=2) + "\n", encoding="utf-8")
    return path


def _load_saved(state: FigdateSession) -> tuple[Path, dict[str, Any]]:
    reference = str(state.compare)
    path = Path(reference)
    if reference.isdigit():
        folder = Path(state.config.rootpath) / SAVE_DIR
        found = sorted(folder.glob(f"{int(reference):04d}_*.json"))
        if not found:
            raise FigdateFailure(f"no saved run {int(reference):04d} in {folder}")
        path = found[0]
    try:
        return path, json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FigdateFailure(f"cannot read the saved run {path}: {exc}") from None


def _regression_check(state: FigdateSession) -> Any:
    def check(item: FigdateItem) -> None:
        path, saved = _load_saved(state)
        current = _run_record(state)
        if saved.get("gold_version") != current["gold_version"]:
            warnings.warn(
                f"figdate: comparing with {path.name}, made on gold set "
                f"{saved.get('gold_version')}, while this run uses {current['gold_version']}",
                stacklevel=1,
            )
        failures = []
        for rule in state.compare_fail:
            for kind in rule.kinds:
                key = f"{kind}.{rule.scheme}.{rule.metric}"
                before, now = saved["figures"].get(key), current["figures"][key]
                if before is None:
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


# Reporting -----------------------------------------------------------------------------------


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = _session(config)
    if not state.enabled:
        return
    from figdate import reports
    from figdate.problems import InputError

    terminalreporter.section("figdate")
    try:
        evaluation = state.evaluation
    except InputError:
        terminalreporter.write_line(f"figdate could not evaluate: {state.error}")
        return
    text = reports.terminal(evaluation.score, ("strict", "exact", "relaxed", "value", "bag"))
    for line in text.rstrip("\n").splitlines():
        terminalreporter.write_line(line)
    if config.getoption("figdate_json"):
        Path(config.getoption("figdate_json")).write_text(
            reports.to_json(evaluation.score), encoding="utf-8"
        )
    name = config.getoption("figdate_save")
    if name:
        path = _save(state, name)
        terminalreporter.write_line(f"figdate: saved this run as {path}")


def _junit(config: pytest.Config) -> Any:
    """pytest's JUnit XML writer, if --junitxml is on (kept in the config's stash)."""
    try:
        from _pytest.junitxml import xml_key  # no public handle for suite properties
    except ImportError:
        return getattr(config, "_xml", None)
    return config.stash.get(xml_key, None)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The headline figures as JUnit XML properties of the test suite, for CI dashboards."""
    state = _session(session.config)
    xml = _junit(session.config)
    if not state.enabled or xml is None or state._evaluation is None:
        return
    for kind, scheme, metric in HEADLINE:
        xml.add_global_property(
            f"figdate.{kind}.{scheme}.{metric}",
            f"{state.evaluation.score.get(kind, scheme, metric):.4f}",
        )
