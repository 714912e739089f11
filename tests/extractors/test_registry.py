"""Every way of naming an extractor, through the real command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from figdate.core.problems import InputError
from figdate.extractors import registered, resolve
from figdate.goldset.store import load
from tests.extractors import fixtures
from tests.support import REPO, Run

HERE = Path(__file__).parent


def value_rows(stdout: str) -> list[str]:
    """The value-scheme rows of the table, without the extractor's name."""
    return [line for line in stdout.splitlines() if line.split()[1:2] == ["value"]]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What the digits extractor scores, to compare every other way of naming it with."""
    exe = Path(sys.executable).with_name("figdate")
    done = subprocess.run(
        [str(exe), "eval", "--extractor", "tests.extractors.fixtures:digits", "--no-cache"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path_factory.mktemp("ref"),
        env={
            "PYTHONPATH": str(REPO),
            "PATH": str(Path(sys.executable).parent),
            **{k: v for k, v in os.environ.items() if k == "FIGDATE_GOLD"},  # the suite's gold
        },
    )
    rows = value_rows(done.stdout)
    assert len(rows) == 3
    return rows


@pytest.mark.parametrize(
    "spec",
    [
        "tests.extractors.fixtures:digits",  # a function
        "tests.extractors.fixtures:DigitsExtractor",  # a class
        "tests.extractors.fixtures:instance",  # an instance
    ],
)
def test_module_attr(figdate: Run, tmp_path: Path, reference: list[str], spec: str) -> None:
    result = figdate("eval", "--extractor", spec, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert value_rows(result.stdout) == reference


def test_a_registered_name(figdate: Run, tmp_path: Path) -> None:
    result = figdate("eval", "--extractor", "rules", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("rules ")


@pytest.mark.slow  # among the slowest of `make test`: run by `make test-slow`
def test_an_installed_entry_point(figdate: Run, tmp_path: Path, reference: list[str]) -> None:
    """A third-party package registers itself in the figdate.extractors group."""
    info = tmp_path / "site" / "figdate_demo_plugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: figdate-demo-plugin\nVersion: 1.0\n"
    )
    (info / "entry_points.txt").write_text(
        "[figdate.extractors]\ndemo = tests.extractors.fixtures:digits\n"
    )
    env = {"PYTHONPATH": f"{tmp_path / 'site'}:{REPO}"}
    result = figdate("eval", "--extractor", "demo", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert value_rows(result.stdout) == reference
    listed = figdate("leaderboard", "--timeout", "30", cwd=tmp_path, env=env)
    assert any(line.startswith("demo ") for line in listed.stdout.splitlines()), listed.stdout


@pytest.mark.parametrize(("program", "script"), [("perl", "digits.pl"), ("node", "digits.js")])
def test_a_command_in_another_language(
    figdate: Run, tmp_path: Path, reference: list[str], program: str, script: str
) -> None:
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed")
    result = figdate("eval", "--extractor", f"cmd:{program} {HERE / script}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert value_rows(result.stdout) == reference


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_a_predictions_file(
    figdate: Run, tmp_path: Path, reference: list[str], suffix: str
) -> None:
    rows = [
        {**row, "article_id": article.id}
        for article in load().articles.values()
        for row in fixtures.digits(article)
    ]
    path = tmp_path / f"digits{suffix}"
    frame = pd.DataFrame(rows)
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    elif suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_parquet(path)
    result = figdate("eval", "--extractor", f"file:{path}", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert value_rows(result.stdout) == reference


def test_an_unknown_name_lists_the_registered_and_suggests(figdate: Run, tmp_path: Path) -> None:
    result = figdate("eval", "--extractor", "rulez", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "did you mean 'rules'?" in result.stderr
    assert f"Registered: {', '.join(registered())}." in result.stderr
    assert "Registered: dateparser, " in result.stderr  # the bundled ones among them


@pytest.mark.parametrize(
    ("spec", "says"),
    [
        ("no_such_module:thing", "cannot import 'no_such_module'"),
        ("tests.extractors.fixtures:missing", "has no 'missing'"),
        ("tests.extractors.fixtures:FAULTY_ARTICLE", "neither an extractor nor a function"),
        ("cmd:", "cmd: needs a command"),
    ],
)
def test_unusable_specs_say_why(spec: str, says: str) -> None:
    with pytest.raises(InputError) as caught:
        resolve(spec)
    assert says in str(caught.value)


def test_the_bundled_extractors_are_registered_as_entry_points() -> None:
    """The installed metadata itself, not the registry's built-in fallback."""
    from importlib.metadata import entry_points

    declared = {point.name: point.value for point in entry_points(group="figdate.extractors")}
    bundled = {name: registered()[name] for name in ("rules", "dateparser", "quantulum3")}
    assert declared.items() >= bundled.items()  # a third-party extractor may be there too
    assert registered().items() >= declared.items()
    plugins = {point.name: point.value for point in entry_points(group="pytest11")}
    assert plugins["figdate"] == "figdate.pytest_plugin"
