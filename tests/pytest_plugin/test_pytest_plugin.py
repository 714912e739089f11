"""The pytest plugin, driven through pytester in a subprocess."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.support import GOLD

pytest_plugins = ["pytester"]

# A tiny extractor with known, middling scores: every digit run with commas.
EXTRACTOR = """
import re
def digits(article):
    for m in re.finditer(r"(?<![\\w.,/])\\d{1,3}(?:,\\d{3})+(?![\\w,])", article.text):
        yield {"kind": "figure", "start": m.start(), "end": m.end(), "text": m.group(),
               "value": int(m.group().replace(",", ""))}
def nothing(article):
    return []
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(myextractors=EXTRACTOR, test_plain="def test_ok():\n    assert True\n")
    pytester.syspathinsert()
    return pytester


def configure(
    pytester: pytest.Pytester, thresholds: str, extractor: str = "myextractors:digits"
) -> None:
    pytester.makefile(
        ".toml",
        pyproject=f'[tool.figdate]\nextractor = "{extractor}"\ngold = "{GOLD}"\n'
        f"[tool.figdate.thresholds]\n{thresholds}\n",
    )


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA", *args)


def test_table_on_a_passing_run(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.9')
    result = run(project)
    result.assert_outcomes(passed=1 + 1 + 5)  # test_ok, one threshold, five articles
    result.stdout.fnmatch_lines(
        [
            "*= figdate =*",
            "digits * on gold set * (5 articles)",
            "figure  value    1.000 ?1.00, 1.00?*",
            "*short test summary info*",
            "PASSED*test_threshold?figure.value.precision>=0.9?*",
            "PASSED*test_article?idlib-civilians-return?*",
        ]
    )


def test_a_threshold_that_fails_gives_the_figure(project: pytest.Pytester) -> None:
    configure(project, '"date.value.recall" = 0.5\n"figure.value.f1" = 0.2')
    result = run(project)
    assert result.ret == 1
    result.assert_outcomes(passed=1 + 1 + 5, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*date.value.recall = 0.000 (95% interval 0.000 to 0.000) is below the threshold 0.5*",
            "*= figdate =*",  # the table on a failing run too
            "date    value    0.000*",
            "*short test summary info*",
            "FAILED*test_threshold?date.value.recall>=0.5?*",
        ]
    )


def test_an_unknown_threshold_is_a_usage_error(project: pytest.Pytester) -> None:
    configure(project, '"figure.valu.f1" = 0.9')
    result = run(project)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*'figure.valu.f1' is not a figure figdate reports*figure.value.f1*"]
    )


def test_per_article_thresholds_fail_only_their_articles(project: pytest.Pytester) -> None:
    configure(project, '"article.value.recall" = 0.3')
    result = run(project)
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] >= 1
    assert outcomes["passed"] >= 2
    result.stdout.fnmatch_lines(["*: value.recall = 0.* is below the threshold 0.3*"])


def test_the_extractor_runs_once_per_session(project: pytest.Pytester, tmp_path: Path) -> None:
    log = tmp_path / "calls.log"
    project.makepyfile(
        counting=f"""
from myextractors import digits
def counted(article):
    with open({str(log)!r}, "a") as handle:
        handle.write(article.id + "\\n")
    return list(digits(article))
"""
    )
    configure(
        project, '"figure.value.precision" = 0.5\n"figure.value.recall" = 0.1', "counting:counted"
    )
    result = run(project, "--figdate-json", str(tmp_path / "report.json"))
    result.assert_outcomes(passed=1 + 2 + 5)
    assert len(log.read_text().splitlines()) == 5
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["schema"] == "figdate.score/1"


def test_headline_figures_go_into_junit_xml(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.f1" = 0.1')
    result = run(project, "--junitxml=out.xml")
    assert result.ret == 0
    root = ET.parse(project.path / "out.xml").getroot()
    names = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert names["figdate.figure.value.precision"] == "1.0000"
    assert "figdate.all.value.f1" in names
    assert names["figure.value.f1"]  # the threshold item's own measured figure


def test_the_compare_gate_passes_and_fails(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    saved = run(project, "--figdate-save", "baseline")
    saved.stdout.fnmatch_lines(["figdate: saved this run as *0001_baseline.json"])
    same = run(project, "--figdate-compare=0001", "--figdate-compare-fail=value.f1:0.02")
    same.assert_outcomes(passed=1 + 1 + 5 + 1)
    configure(project, '"figure.value.precision" = 0.0', "myextractors:nothing")
    worse = run(project, "--figdate-compare=0001", "--figdate-compare-fail=figure.value.f1:5%")
    assert worse.ret == 1
    worse.stdout.fnmatch_lines(
        [
            "*figure.value.f1 dropped from 0.* to 0.000 (-0.*), "
            "more than 5% allowed against 0001_baseline.json*"
        ]
    )


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--figdate-compare-fail=value.f1:0.02"],
            "*--figdate-compare-fail needs --figdate-compare*",
        ),
        (
            ["--figdate-compare=0001", "--figdate-compare-fail=value.f1"],
            "*expected ?KIND.?SCHEME.METRIC:AMOUNT*",
        ),
        (
            ["--figdate-compare=0001", "--figdate-compare-fail=value.f2:0.1"],
            "*expected ?KIND.?SCHEME.METRIC:AMOUNT*",
        ),
    ],
)
def test_malformed_gates_are_usage_errors(
    project: pytest.Pytester, args: list[str], says: str
) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    result = run(project, *args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([says])


def test_a_different_gold_version_warns(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    run(project, "--figdate-save", "old")
    path = next((project.path / ".figdate").glob("0001_*.json"))
    record = json.loads(path.read_text())
    record["gold_version"] = "0.0.1"
    path.write_text(json.dumps(record))
    result = run(project, "--figdate-compare=0001", "--figdate-compare-fail=value.f1:0.5")
    result.stdout.fnmatch_lines(
        ["*comparing with 0001_old.json: the saved run used gold set 0.0.1, this run uses*"]
    )


def test_changed_gold_files_warn_even_when_the_version_is_the_same(
    project: pytest.Pytester,
) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    run(project, "--figdate-save", "old")
    path = next((project.path / ".figdate").glob("0001_*.json"))
    record = json.loads(path.read_text())
    record["gold_checksum"] = "0123456789abcdef" * 4
    path.write_text(json.dumps(record))
    result = run(project, "--figdate-compare=0001", "--figdate-compare-fail=value.f1:0.5")
    result.stdout.fnmatch_lines(
        ["*the gold set's files changed since the saved run (checksum 0123456789ab then*"]
    )


def test_off_without_thresholds_or_flag(project: pytest.Pytester) -> None:
    project.makefile(".toml", pyproject="[tool.other]\nx = 1\n")
    result = run(project)
    result.assert_outcomes(passed=1)
    assert "= figdate =" not in result.stdout.str()


COUNTING = """
from pathlib import Path
def counted(article):
    with Path("calls.txt").open("a") as handle:
        handle.write(article.id + "\\n")
    return []
"""


@pytest.mark.parametrize(
    "args", [("-k", "test_ok"), ("-m", "not figdate"), ("--collect-only",)], ids=str
)
def test_the_extractor_runs_only_when_a_figdate_item_is_selected(
    project: pytest.Pytester, args: tuple[str, ...]
) -> None:
    project.makepyfile(counting=COUNTING)
    configure(project, '"figure.value.precision" = 0.5', extractor="counting:counted")
    result = run(project, *args, "--figdate-extractor", "counting:counted")
    assert "= figdate =" not in result.stdout.str()
    assert not (project.path / "calls.txt").exists()
    if args[0] != "--collect-only":
        result.assert_outcomes(passed=1)


def test_figdate_items_carry_the_figdate_marker(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    result = run(project, "-m", "figdate", "--strict-markers")
    result.assert_outcomes(passed=1 + 5)  # the threshold and the five articles, not test_ok
    result.stdout.fnmatch_lines(["*= figdate =*"])
