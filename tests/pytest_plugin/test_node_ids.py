"""figdate's items have real node ids under the rootdir's pyproject.toml: selection by id,
``-k``, ``--collect-only`` and the collection counts behave as for any test, and naming other
tests on the command line leaves them (and the extractor) out."""

from __future__ import annotations

import re

import pytest

from tests.pytest_plugin.test_pytest_plugin import COUNTING, articles, configure

pytest_plugins = ["pytester"]

FIRST = "idlib-airstrikes-halted"


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(counting=COUNTING, test_plain="def test_ok():\n    assert True\n")
    pytester.syspathinsert()
    configure(pytester, '"figure.value.recall" = 0.0\n"date.value.recall" = 0.0',
              extractor="counting:counted")  # fmt: skip
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", *args)


def _ran(pytester: pytest.Pytester) -> bool:
    return (pytester.path / "calls.txt").exists()


TOTAL = 1 + 2  # test_ok and two thresholds, and an item per article


def test_collect_only_lists_and_counts_every_item(project: pytest.Pytester) -> None:
    result = run(project, "--collect-only", "-q")
    ids = [line for line in result.stdout.lines if "::" in line]
    assert len(ids) == TOTAL + articles()
    assert f"pyproject.toml::test_article[{FIRST}]" in ids
    assert "pyproject.toml::test_threshold[figure.value.recall>=0]" in ids
    result.stdout.fnmatch_lines([f"{TOTAL + articles()} tests collected*"])
    assert not _ran(project)


def test_k_deselects_and_the_counts_add_up(project: pytest.Pytester) -> None:
    result = run(project, "-k", "test_ok")
    result.assert_outcomes(passed=1)
    out = result.stdout.str()
    assert f"collected {TOTAL + articles()} items / {TOTAL + articles() - 1} deselected / " \
           "1 selected" in out, out  # fmt: skip
    assert not re.search(r"-\d+ selected", out)
    assert not _ran(project)


def test_an_item_is_selected_by_its_id(project: pytest.Pytester) -> None:
    result = run(project, f"pyproject.toml::test_article[{FIRST}]")
    result.assert_outcomes(passed=1)
    assert _ran(project)
    deselected = run(project, "--deselect", f"pyproject.toml::test_article[{FIRST}]")
    deselected.assert_outcomes(passed=TOTAL + articles() - 1)


def test_naming_other_tests_leaves_the_figdate_items_out(project: pytest.Pytester) -> None:
    result = run(project, "test_plain.py")
    result.assert_outcomes(passed=1)
    assert not _ran(project)
    assert "= figdate =" not in result.stdout.str()
    asked = run(project, "test_plain.py", "--figdate")
    asked.assert_outcomes(passed=TOTAL + articles())
    assert _ran(project)


def test_testpaths_elsewhere_still_get_the_items_once(project: pytest.Pytester) -> None:
    """With testpaths (no walk past pyproject.toml) the items are added; walking the rootdir
    (``pytest .``) finds them in pyproject.toml itself: once either way."""
    tests = project.mkdir("tests")
    (project.path / "test_plain.py").rename(tests / "test_plain.py")
    with (project.path / "pyproject.toml").open("a") as handle:
        handle.write('\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    plain = run(project)
    plain.assert_outcomes(passed=TOTAL + articles())
    plain.stdout.fnmatch_lines([f"collected {TOTAL + articles()} items"])
    walked = run(project, ".", "--figdate")
    walked.assert_outcomes(passed=TOTAL + articles())
