"""pytest plugin hooks: report precision and recall, and gate CI on them.

Shaped like pytest-benchmark: one option group, a session object made in
``pytest_configure`` (``session``), the table in ``pytest_terminal_summary``, and a
regression gate against saved runs (``storage``; direction-aware: for these figures higher
is better). It is on with ``--figdate`` or when ``pyproject.toml`` has
``[tool.figdate.thresholds]``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from figdate.core.vocabulary import (
    HEADLINE_SCHEME,
    METRICS,
    REPORT_KINDS,
    SCHEMES,
    START_METHODS,
)
from figdate.pytest_plugin import session as sessions
from figdate.pytest_plugin.items import MARKER, FigdateFile, FigdateItem
from figdate.pytest_plugin.storage import SAVE_DIR, run_document, save

PYPROJECT = "pyproject.toml"
HEADLINE = [(kind, HEADLINE_SCHEME, metric) for kind in REPORT_KINDS for metric in METRICS]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("figdate", "figdate: precision and recall of an extractor")
    group.addoption("--figdate", action="store_true", help="evaluate an extractor in this run")
    group.addoption("--figdate-extractor", metavar="SPEC", help="extractor spec (default: rules)")
    group.addoption(
        "--figdate-gold", metavar="PATH", help="gold folder (default: as `figdate gold path`)"
    )
    group.addoption(
        "--figdate-start-method",
        choices=START_METHODS,
        help="how the extractor's worker processes start (default: the platform's)",
    )
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
    group.addoption(
        "--figdate-examples",
        type=int,
        default=50,
        metavar="N",
        help="passages the figdate_check fixture draws per phenomenon (default 50)",
    )


@pytest.fixture
def figdate_check(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """``figdate.testing.check_extractor`` with ``--figdate-examples`` passages per
    phenomenon: ``figdate_check(my_extractor, phenomena=[...]).assert_ok()``."""
    examples: int = request.config.getoption("figdate_examples")

    def check(
        extractor: object,
        phenomena: list[str] | None = None,
        kinds: list[str] | None = None,
        max_examples: int | None = None,
        published: Any = None,
    ) -> Any:
        from figdate.testing.checks import check_extractor  # hypothesis: only when used

        return check_extractor(extractor, phenomena, kinds, max_examples or examples, published)

    return check


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}: a figdate threshold, article or gate check")
    sessions.start(config)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> FigdateFile | None:
    """The rootdir's pyproject.toml holds the figdate items: met in a walk of the rootdir,
    or named on the command line (``pytest pyproject.toml::test_article[ID]``)."""
    config = parent.config
    if file_path != Path(config.rootpath) / PYPROJECT or not sessions.get(config).enabled:
        return None
    return FigdateFile.from_parent(parent, path=file_path)


@pytest.hookimpl(tryfirst=True)  # before -k and -m deselect, so that the counts add up
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Add the figdate items when a plain ``pytest`` (or its testpaths) did not walk past
    pyproject.toml, or ``--figdate`` asks for them; not when the command line names other
    tests (``pytest tests/test_unit.py`` runs no extractor)."""
    state = sessions.get(config)
    named = config.args_source == pytest.Config.ArgsSource.ARGS
    if not state.enabled or state.collected or (named and not config.getoption("figdate")):
        return
    node = FigdateFile.from_parent(session, path=Path(config.rootpath) / PYPROJECT)
    items.extend(session.genitems(node))  # reports the collection: counts include them


def pytest_collection_finish(session: pytest.Session) -> None:
    """Once -k and -m have chosen: if any figdate item is to run, check the gold set and the
    extractor now, so a mistake stops the run once, as a usage error."""
    state = sessions.get(session.config)
    if not state.enabled or session.config.option.collectonly:
        return
    if any(isinstance(item, FigdateItem) for item in session.items):
        state.setup()


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    state = sessions.get(config)
    if not state.enabled or not state.ran:  # deselected (-k, -m), or --collect-only
        return
    from figdate.core.problems import InputError
    from figdate.reporting import markdown, text
    from figdate.reporting.markdown import step_summary

    terminalreporter.section("figdate")
    try:
        evaluation = state.evaluation
    except InputError:
        terminalreporter.write_line(f"figdate could not evaluate: {state.error}")
        return
    schemes = SCHEMES if config.get_verbosity() > 0 else (HEADLINE_SCHEME,)
    tagged = schemes if any(t.tag for t in state.thresholds) else ()
    table = text.terminal(evaluation.score, schemes, by_tag=tagged)
    for line in table.rstrip("\n").splitlines():
        terminalreporter.write_line(line)
    if schemes != SCHEMES:
        terminalreporter.write_line("(the value scheme; pytest -v shows every scheme)")
    if config.getoption("figdate_json"):
        Path(config.getoption("figdate_json")).write_text(run_document(state), encoding="utf-8")
    if os.environ.get("GITHUB_STEP_SUMMARY"):  # the summary's error list costs a table
        against = _against(state)
        summary = step_summary(markdown.markdown(evaluation.score, against=against))
        terminalreporter.write_line(f"figdate: wrote the summary to {summary}")
    name = config.getoption("figdate_save")
    if name:
        path = save(state, name)
        terminalreporter.write_line(f"figdate: saved this run as {path}")


def _against(state: sessions.FigdateSession) -> dict[str, Any] | None:
    """The run --figdate-compare names, for the summary's change column; None if unreadable
    (the regression item has said why)."""
    if not state.compare:
        return None
    from figdate.pytest_plugin.storage import FigdateFailure, load_saved

    try:
        return load_saved(state)[1]
    except FigdateFailure:
        return None


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
    state = sessions.get(session.config)
    xml = _junit(session.config)
    if not state.enabled or xml is None or state._evaluation is None:
        return
    for kind, scheme, metric in HEADLINE:
        xml.add_global_property(
            f"figdate.{kind}.{scheme}.{metric}",
            f"{state.evaluation.score.get(kind, scheme, metric):.4f}",
        )
