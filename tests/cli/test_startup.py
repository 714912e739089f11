"""The command starts at once: what ``python -X importtime`` shows each start loading.

``--help`` and the command-line and plugin modules load none of the heavy libraries; a
command loads only what it uses (``gold check`` needs pandas and pandera, never scipy,
tqdm, Great Expectations or hypothesis). Times are in benchmarks/startup.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

HEAVY = ("pandas", "pandera", "scipy", "numpy", "great_expectations", "tqdm", "hypothesis",
         "pyarrow", "polars", "pyspark")  # fmt: skip
FIGDATE = shutil.which("figdate", path=os.path.dirname(sys.executable))


def loaded(argv: list[str]) -> set[str]:
    """Top-level packages that ``argv`` imports (see ``modules``)."""
    return {name for name in modules(argv) if "." not in name}


def modules(argv: list[str]) -> set[str]:
    """Modules that ``argv`` imports, from Python's import-time log (a package is imported
    when its own line is there: ``hypothesis.strategies`` alone is an import that failed,
    as pandera's does when the command hides hypothesis from it)."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    names = set()
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and line.count("|") == 2:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "encodings" in names  # the log was read
    return names


def test_importing_the_cli_and_the_plugin_loads_nothing_heavy() -> None:
    code = "import figdate.cli, figdate.pytest_plugin, figdate.core.vocabulary"
    assert loaded([sys.executable, "-c", code]) & set(HEAVY) == set()


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["eval", "--help"],
        ["gold", "--help"],
        ["validate", "--help"],
        ["runs", "--help"],
        ["add", "--help"],
    ],
    ids=" ".join,
)
def test_help_loads_nothing_heavy(args: list[str]) -> None:
    assert FIGDATE is not None
    assert loaded([FIGDATE, *args]) & set(HEAVY) == set()


def test_gold_check_loads_only_what_it_uses() -> None:
    assert FIGDATE is not None
    names = modules([FIGDATE, "gold", "check"])
    assert {"pandas", "pandera"} <= names  # the log shows what a check needs ...
    unused = {"scipy", "tqdm", "great_expectations", "hypothesis", "polars", "figdate.extractors"}
    assert names & unused == set()  # ... only (the number words come from figdate.core)


def test_the_command_hides_hypothesis_from_pandera_only_while_it_loads() -> None:
    code = (
        "import sys\n"
        "from figdate.cli.startup import hide_hypothesis_from_pandera\n"
        "hide_hypothesis_from_pandera()\n"
        "import pandera.pandas\n"
        "import pandera.strategies.base_strategies as strategies\n"
        "assert not strategies.HAS_HYPOTHESIS and 'hypothesis' not in sys.modules\n"
        "import hypothesis  # an extractor that needs it still gets it\n"
        "print(hypothesis.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "hypothesis"
