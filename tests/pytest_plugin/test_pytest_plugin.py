"""The pytest plugin, driven through pytester in a subprocess."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from figdate.goldset.store import load
from tests.support import GOLD, REPO, repo_gold

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


def articles() -> int:
    """How many articles the gold set has: one figdate item each."""
    return len(repo_gold().articles)


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rA", *args)


def test_table_on_a_passing_run(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.9')
    result = run(project)
    result.assert_outcomes(passed=1 + 1 + articles())  # test_ok, one threshold, an item per article
    result.stdout.fnmatch_lines(
        [
            "*= figdate =*",
            f"digits * on gold set * ({articles()} articles)",
            "figure  value    1.000 ?1.00, 1.00?*",
            "*short test summary info*",
            "PASSED*test_threshold?figure.value.precision>=0.9?*",
            "PASSED*test_article?idlib-civilians-return?*",
        ]
    )


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_a_threshold_that_fails_gives_the_figure(project: pytest.Pytester) -> None:
    configure(project, '"date.value.recall" = 0.5\n"figure.value.f1" = 0.2')
    result = run(project)
    assert result.ret == 1
    result.assert_outcomes(passed=1 + 1 + articles(), failed=1)
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


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_per_article_thresholds_fail_only_their_articles(project: pytest.Pytester) -> None:
    configure(project, '"article.value.recall" = 0.3')
    result = run(project)
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] >= 1
    assert outcomes["passed"] >= 2
    result.stdout.fnmatch_lines(["*: value.recall = 0.* is below the threshold 0.3*"])


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
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
    result.assert_outcomes(passed=1 + 2 + articles())
    assert len(log.read_text().splitlines()) == articles()
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["schema"] == "figdate.score/1"


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_headline_figures_go_into_junit_xml(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.f1" = 0.1')
    result = run(project, "--junitxml=out.xml")
    assert result.ret == 0
    root = ET.parse(project.path / "out.xml").getroot()
    names = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert names["figdate.figure.value.precision"] == "1.0000"
    assert "figdate.all.value.f1" in names
    assert names["figure.value.f1"]  # the threshold item's own measured figure


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_the_compare_gate_passes_and_fails(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    saved = run(project, "--figdate-save", "baseline")
    saved.stdout.fnmatch_lines(["figdate: saved this run as *0001_baseline.json"])
    same = run(project, "--figdate-compare=0001", "--figdate-compare-fail=value.f1:0.02")
    same.assert_outcomes(passed=1 + 1 + articles() + 1)
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
        (
            ["--figdate-compare=0001", "--figdate-compare-fail=valeu.f1:0.1"],
            "*'valeu' is not a scheme; did you mean 'value'?*",
        ),
        (
            ["--figdate-compare=0001", "--figdate-compare-fail=value.recal:0.1"],
            "*'recal' is not a metric; did you mean 'recall'?*",
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


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_a_different_gold_version_warns(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    run(project, "--figdate-save", "old")
    path = next((project.path / ".figdate").glob("0001_*.json"))
    record = json.loads(path.read_text())
    record["gold"]["version"] = "0.0.1"
    path.write_text(json.dumps(record))
    result = run(project, "--figdate-compare=0001", "--figdate-compare-fail=value.f1:0.5")
    result.stdout.fnmatch_lines(
        ["*comparing with 0001_old.json: the saved run used gold set 0.0.1, this run uses*"]
    )


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_changed_gold_files_warn_even_when_the_version_is_the_same(
    project: pytest.Pytester,
) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    run(project, "--figdate-save", "old")
    path = next((project.path / ".figdate").glob("0001_*.json"))
    record = json.loads(path.read_text())
    record["gold"]["checksum"] = "0123456789abcdef" * 4
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
    project.makeconftest(
        "import sys\n"
        "def pytest_sessionfinish(session):\n"
        "    heavy = [m for m in ('pandas', 'pandera', 'scipy') if m in sys.modules]\n"
        "    open('loaded.txt', 'w').write(' '.join(heavy))\n"
    )
    configure(project, '"figure.value.precision" = 0.5', extractor="counting:counted")
    result = run(project, *args, "--figdate-extractor", "counting:counted")
    assert "= figdate =" not in result.stdout.str()
    assert not (project.path / "calls.txt").exists()
    assert (project.path / "loaded.txt").read_text() == ""  # the items named, nothing loaded
    if args[0] != "--collect-only":
        result.assert_outcomes(passed=1)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_figdate_items_carry_the_figdate_marker(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    result = run(project, "-m", "figdate", "--strict-markers")
    result.assert_outcomes(passed=1 + articles())  # the threshold and the articles, no test_ok
    result.stdout.fnmatch_lines(["*= figdate =*"])


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@pytest.mark.parametrize(
    ("extractor", "gold", "cause"),
    [
        ("nosuchmodule:extract", str(GOLD), "*figdate: nosuchmodule:extract: cannot import *"),
        ("myextractors:digits", "no-such-gold", "*figdate: *no-such-gold: no such gold folder*"),
        ("myextractors:nope", str(GOLD), "*figdate: myextractors:nope: *has no 'nope'*"),
    ],
    ids=["module", "gold", "attribute"],
)
def test_setup_errors_are_one_short_usage_error(
    project: pytest.Pytester, extractor: str, gold: str, cause: str
) -> None:
    project.makefile(
        ".toml",
        pyproject=f'[tool.figdate]\nextractor = "{extractor}"\ngold = "{gold}"\n'
        '[tool.figdate.thresholds]\n"figure.value.f1" = 0.5\n',
    )
    result = run(project)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([cause])
    output = result.stdout.lines + result.stderr.lines
    assert len(output) < 30, "\n".join(output)
    assert "Traceback" not in "\n".join(output)


def test_setup_errors_wait_until_a_figdate_item_is_selected(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.f1" = 0.5', extractor="nosuchmodule:extract")
    result = run(project, "-m", "not figdate")
    result.assert_outcomes(passed=1)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_a_json_report_and_a_saved_run_are_one_format(
    project: pytest.Pytester, tmp_path: Path
) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    report = tmp_path / "report.json"
    run(project, "--figdate-json", str(report), "--figdate-save", "base")
    saved = next((project.path / ".figdate").glob("0001_*.json"))
    for document in (json.loads(report.read_text()), json.loads(saved.read_text())):
        assert document["schema"] == "figdate.score/1"
        assert document["gold"]["checksum"] == repo_gold().checksum
    again = run(project, f"--figdate-compare={report}", "--figdate-compare-fail=value.f1:0.01")
    again.assert_outcomes(passed=1 + 1 + articles() + 1)


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_a_run_saved_by_figdate_01_is_read(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    old = {
        "figdate_run": 1,
        "saved": "2026-01-02T03:04:05+00:00",
        "extractor": "digits",
        "gold_version": repo_gold().version,
        "gold_checksum": repo_gold().checksum,
        "figures": {"figure.value.f1": 0.99, "all.value.f1": 0.99},
    }
    (project.path / ".figdate").mkdir()
    (project.path / ".figdate" / "0001_old.json").write_text(json.dumps(old))
    result = run(project, "--figdate-compare=1", "--figdate-compare-fail=figure.value.f1:0.01")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["*figure.value.f1 dropped from 0.990 to 0.*0001_old.json*"])


def test_something_else_is_refused_as_a_saved_run(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.precision" = 0.5')
    (project.path / "other.json").write_text('{"figures": {}}')
    result = run(project, "--figdate-compare=other.json", "--figdate-compare-fail=value.f1:0.1")
    result.stdout.fnmatch_lines(["*other.json: not a figdate saved run*"])


def test_the_summary_goes_to_github_actions(
    project: pytest.Pytester, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    configure(project, '"figure.value.precision" = 0.5')
    run(project)
    text = summary.read_text()
    assert text.startswith("earlier step\n")
    assert "### figdate: digits" in text
    assert "| figure | value |" in text


def test_thresholds_per_tag_read_the_breakdown(project: pytest.Pytester) -> None:
    configure(
        project,
        '"figure.value.recall[digits]" = 0.3\n"figure.value.recall[words]" = 0.1\n'
        '"figure.value.f1[no-such-tag]" = 0.5',
    )
    result = run(project)
    assert result.ret == 1
    result.assert_outcomes(passed=1 + 1 + articles(), failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "PASSED*test_threshold?figure.value.recall?digits?>=0.3?*",
            "*figure.value.recall[[]words[]] = 0.000 (95% interval 0.000 to 0.000) is below*",
            "*figure.value.f1[[]no-such-tag[]]: 'no-such-tag' is not a tag of the gold set*digits*",
            "per tag (95% intervals*",  # the summary shows the breakdown the gate read
            "digits * figure  value *",
        ]
    )


def test_a_malformed_tag_in_a_threshold_is_a_usage_error(project: pytest.Pytester) -> None:
    configure(project, '"figure.value.f1[Not A Tag]" = 0.5')
    result = run(project)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*is not a figure figdate reports*date.value.f1[[]relative[]]*"])


def test_a_threshold_on_a_kind_the_dataset_does_not_label_says_so(
    project: pytest.Pytester, tmp_path: Path
) -> None:
    from figdate.goldset.timeml_import import import_timeml

    sample = tmp_path / "tml"
    sample.mkdir()
    (sample / "sample.tml").write_bytes((REPO / "tests/data/timeml/sample.tml").read_bytes())
    dates = import_timeml(sample, tmp_path / "dates").folder
    project.makefile(
        ".toml",
        pyproject=f'[tool.figdate]\nextractor = "myextractors:nothing"\ngold = "{dates}"\n'
        '[tool.figdate.thresholds]\n"figure.value.f1" = 0.5\n"date.value.recall" = 0.0\n',
    )
    result = run(project, "-k", "threshold")
    result.assert_outcomes(passed=1, failed=1, deselected=1 + len(load(dates).articles))
    result.stdout.fnmatch_lines(["*figure.value.f1: the gold set does not label figure mentions*"])
    assert not [line for line in result.stdout.lines if line.startswith("figure  value")]
