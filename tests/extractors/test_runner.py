"""Faults, time limits, parallel runs and the cache, through the real command."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from figdate.goldset.card import write_card
from figdate.goldset.manifest import write_manifest
from figdate.goldset.store import GoldSet, load
from tests.extractors.fixtures import FAULTY_ARTICLE
from tests.support import Run, repo_gold

FIXTURES = "tests.extractors.fixtures"


@pytest.fixture(params=["fork", pytest.param("spawn", marks=pytest.mark.slow)])
def each_start_method(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test once with forked workers and once with spawned ones (slow: each spawned
    worker imports figdate afresh; `make test-slow`)."""
    method = str(request.param)
    monkeypatch.setenv("FIGDATE_START_METHOD", method)
    return method


def per_article_value(stdout: str, article: str, kind: str = "figure") -> list[str]:
    for line in stdout.splitlines():
        parts = line.split()
        if parts[:2] == [article, kind]:
            return parts
    raise AssertionError(f"no per-article row for {article} {kind}")


@pytest.mark.usefixtures("each_start_method")
def test_an_extractor_that_raises_on_one_article(figdate: Run, tmp_path: Path) -> None:
    result = figdate(
        "eval", "--extractor", f"{FIXTURES}:raises_on_one", "--per-article", cwd=tmp_path
    )
    assert result.returncode == 3, result.stderr
    assert f"  {FAULTY_ARTICLE}: raised RuntimeError: boom on purpose" in result.stdout
    row = per_article_value(result.stdout, FAULTY_ARTICLE)
    assert row[5] == "0"  # tp: nothing counted for the failed article...
    assert int(row[7]) > 0  # ...and its gold figures are missed
    other = per_article_value(result.stdout, "idlib-civilians-return")
    assert int(other[5]) > 0  # the other articles were scored


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@pytest.mark.usefixtures("each_start_method")
def test_an_extractor_that_hangs_is_stopped(figdate: Run, tmp_path: Path) -> None:
    began = time.monotonic()
    result = figdate(
        "eval", "--extractor", f"{FIXTURES}:sleeps_on_one", "--timeout", "2", cwd=tmp_path
    )
    assert time.monotonic() - began < 40
    assert result.returncode == 3, result.stderr
    assert f"  {FAULTY_ARTICLE}: timed out after 2 s" in result.stdout


def test_a_command_that_hangs_is_stopped(figdate: Run, tmp_path: Path) -> None:
    script = tmp_path / "slow.sh"
    script.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    result = figdate(
        "eval", "--extractor", f"cmd:sh {script}", "--timeout", "1", "--jobs", "8", cwd=tmp_path
    )
    assert result.returncode == 3
    assert result.stdout.count("timed out after 1 s") == len(repo_gold().articles)


@pytest.mark.usefixtures("each_start_method")
def test_output_that_does_not_fit_the_schema_fails_its_article(
    figdate: Run, tmp_path: Path
) -> None:
    result = figdate("eval", "--extractor", f"{FIXTURES}:invalid_on_one", cwd=tmp_path)
    assert result.returncode == 3
    assert re.search(
        rf"  {FAULTY_ARTICLE}: output does not fit the schema: date value '2020-13' has month 13",
        result.stdout,
    )
    assert f"invalid_on_one on {FAULTY_ARTICLE}: row " in result.stderr


def test_a_failing_command_fails_its_articles(figdate: Run, tmp_path: Path) -> None:
    script = tmp_path / "bad.sh"
    script.write_text("#!/bin/sh\necho 'not json'\n", encoding="utf-8")
    result = figdate("eval", "--extractor", f"cmd:sh {script}", cwd=tmp_path)
    assert result.returncode == 3
    assert "stdout line 1 is not JSON" in result.stdout


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@pytest.mark.usefixtures("each_start_method")
def test_parallel_runs_give_the_same_scores(figdate: Run, tmp_path: Path) -> None:
    one = figdate("eval", "--no-cache", "--jobs", "1", cwd=tmp_path)
    three = figdate("eval", "--no-cache", "--jobs", "3", cwd=tmp_path)
    assert one.returncode == three.returncode == 0
    assert one.stdout == three.stdout


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@pytest.mark.usefixtures("each_start_method")
def test_the_cache_hits_and_misses(figdate: Run, tmp_path: Path, gold_copy: Path) -> None:
    calls = tmp_path / "calls.log"
    env = {"FIGDATE_TEST_CALLS": str(calls), "FIGDATE_GOLD": str(gold_copy)}
    spec = f"{FIXTURES}:counted"
    n = len(load(gold_copy).articles)

    def run(*extra: str) -> list[str]:
        result = figdate("eval", "--extractor", spec, *extra, cwd=tmp_path, env=env)
        assert result.returncode == 0, result.stderr
        return calls.read_text(encoding="utf-8").splitlines() if calls.exists() else []

    assert len(run()) == n  # first run: every article extracted
    assert len(run()) == n  # second run: all from the cache
    assert len(run("--no-cache")) == 2 * n  # --no-cache extracts again
    text = gold_copy / "articles" / "idlib-civilians-return.txt"
    text.write_text(text.read_text(encoding="utf-8") + " 1,000 more.", encoding="utf-8")
    write_manifest(gold_copy)
    write_card(gold_copy)
    assert run()[2 * n :] == ["idlib-civilians-return"]  # only the changed article again
    assert (tmp_path / ".figdate-cache").is_dir()


def test_make_eval_names_another_extractor(tmp_path: Path) -> None:
    import os
    import subprocess

    from tests.support import REPO

    done = subprocess.run(
        ["make", "--no-print-directory", "eval", f"EXTRACTOR={FIXTURES}:digits"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert done.returncode == 0, done.stderr
    assert re.search(r"^digits src-\w+ on gold set", done.stdout, re.MULTILINE)
    assert "figure  value" in done.stdout


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
@pytest.mark.parametrize("spec", ["dateparser", "quantulum3"])
def test_the_adapters_run_on_the_gold_set(figdate: Run, tmp_path: Path, spec: str) -> None:
    result = figdate("eval", "--extractor", spec, "--no-cache", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    kind = "date" if spec == "dateparser" else "figure"
    row = next(line for line in result.stdout.splitlines() if line.startswith(f"{kind:7} value"))
    _precision, _recall, f1, _macro = (float(x) for x in re.findall(r"\d\.\d{3}", row))
    assert f1 > 0.3  # they find a fair share


@pytest.mark.slow
def test_a_gpu_extractor_needs_spawn(figdate: Run, tmp_path: Path) -> None:
    spec = f"{FIXTURES}:GpuExtractor"
    forked = figdate("eval", "--extractor", spec, "--start-method", "fork", cwd=tmp_path)
    assert forked.returncode == 3  # the simulation bites: every article fails under fork
    assert "Cannot re-initialize CUDA in forked subprocess" in forked.stdout
    for method in ("spawn", "inline"):
        done = figdate("eval", "--extractor", spec, "--start-method", method, cwd=tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "failed articles" not in done.stdout


def test_spawn_refuses_what_it_cannot_send(gold_set: GoldSet) -> None:
    import figdate

    with pytest.raises(figdate.InputError, match="cannot be sent to a spawn worker"):
        figdate.evaluate(lambda article: [], gold_set, start_method="spawn")
    assert figdate.evaluate(lambda article: [], gold_set, start_method="inline", resamples=0)


def test_an_unknown_start_method_is_refused(figdate: Run, tmp_path: Path) -> None:
    done = figdate("eval", cwd=tmp_path, env={"FIGDATE_START_METHOD": "clone"})
    assert done.returncode != 0
    assert "'clone' is not a start method" in done.stderr
