"""figdate as a user gets it: the wheel and sdist built, the wheel installed into a fresh
venv outside the repository, and used from an empty folder and from a tiny project of the
user's own (its module, its thresholds, no other setup), as docs/ci/figdate.yml runs it.

Slow (a build and a pip install, a minute or two); ``.ci/run`` runs it with the suite.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from figdate.extractors.rules import RulesExtractor
from tests.support import REPO, repo_gold, write_gold_as_predictions

pytestmark = [pytest.mark.install, pytest.mark.slow]

MYEXT = '''
import re

def extract(article):
    """Every number with thousands separators, as a figure."""
    for m in re.finditer(r"\\b\\d{1,3}(?:,\\d{3})+\\b", article.text):
        yield {"kind": "figure", "start": m.start(), "end": m.end(), "text": m.group(),
               "value": m.group().replace(",", "")}
'''


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "FIGDATE"))}
    clean.pop("VIRTUAL_ENV", None)
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=900, check=False,
        env={**clean, **env},
    )  # fmt: skip


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """figdate's wheel, built once, with its sdist checked for the gold set."""
    root = tmp_path_factory.mktemp("build")
    dist = root / "dist"
    built = _run([sys.executable, "-m", "build", "--outdir", str(dist), str(REPO)], root)
    assert built.returncode == 0, built.stderr[-3000:]
    wheel = next(dist.glob("figdate-*.whl"))
    sdist = next(dist.glob("figdate-*.tar.gz"))
    names = zipfile.ZipFile(wheel).namelist()
    for article in repo_gold().articles:
        assert f"figdate/_gold/articles/{article}.txt" in names
    assert "figdate/_gold/MANIFEST.json" in names
    with tarfile.open(sdist) as archive:
        assert any(n.endswith("/gold/mentions.csv") for n in archive.getnames())
    return wheel


def _venv(root: Path, requirement: str) -> Path:
    """A fresh venv, outside the repository, with ``requirement`` and pytest installed."""
    venv = root / "venv"
    made = _run([sys.executable, "-m", "venv", str(venv)], root)
    assert made.returncode == 0, made.stderr
    pip = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", requirement,
                "pytest"], root)  # fmt: skip
    assert pip.returncode == 0, pip.stderr[-3000:]
    return venv / "bin"


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """figdate installed from its wheel with no extras, as `pip install figdate` does."""
    return _venv(tmp_path_factory.mktemp("install"), str(wheel))


@pytest.fixture(scope="module", params=["no-extras", "all-extras"])
def any_install(
    request: pytest.FixtureRequest, wheel: Path, installed: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:  # fmt: skip
    """The plain install, and one with every extra (``figdate[all]``)."""
    if request.param == "no-extras":
        return installed
    return _venv(tmp_path_factory.mktemp("install-all"), f"figdate[all] @ {wheel.as_uri()}")


def test_eval_scores_rules_on_the_packaged_gold_set(installed: Path, tmp_path: Path) -> None:
    where = _run([str(installed / "figdate"), "gold", "path"], tmp_path)
    assert where.returncode == 0, where.stderr
    assert "site-packages/figdate/_gold" in where.stdout
    assert "packaged with figdate" in where.stderr
    done = _run([str(installed / "figdate"), "eval", "--resamples", "100"], tmp_path)
    assert done.returncode == 0, done.stderr
    gold = repo_gold()
    shown = (
        f"rules {RulesExtractor.version} on gold set {gold.version} ({len(gold.articles)} articles)"
    )
    assert shown in done.stdout
    checked = _run([str(installed / "figdate"), "gold", "check"], tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_challenge_suite_ships_in_the_wheel(installed: Path, tmp_path: Path) -> None:
    where = _run([str(installed / "figdate"), "gold", "path", "--dataset", "challenge"], tmp_path)
    assert "site-packages/figdate/_challenge" in where.stdout, where.stderr
    checked = _run(
        [str(installed / "figdate"), "gold", "check", "--dataset", "challenge"], tmp_path
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "432 articles" in checked.stdout
    done = _run([str(installed / "figdate"), "eval", "--dataset", "challenge", "--by", "tag",
                 "--resamples", "0"], tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "leap-day " in done.stdout


def test_the_python_api_from_an_empty_folder(installed: Path, tmp_path: Path) -> None:
    code = "import figdate; print(figdate.evaluate(lambda a: []).table())"
    done = _run([str(installed / "python"), "-c", code], tmp_path)
    assert done.returncode == 0, done.stderr
    assert re.search(r"^all +value +0\.000", done.stdout, re.MULTILINE)


def _project(folder: Path, threshold: float) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "myext.py").write_text(MYEXT, encoding="utf-8")
    (folder / "pyproject.toml").write_text(
        '[tool.figdate]\nextractor = "myext:extract"\n\n'
        f'[tool.figdate.thresholds]\n"figure.value.recall" = {threshold}\n',
        encoding="utf-8",
    )


def test_a_user_project_gates_on_its_thresholds(installed: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    _project(project, 0.9)  # numbers with commas are a fifth of the figures: recall is low
    failed = _run([str(installed / "python"), "-m", "pytest"], project)
    lines = (failed.stdout + failed.stderr).splitlines()
    assert failed.returncode == 1, "\n".join(lines)
    assert len(lines) < 30, "\n".join(lines)
    assert any("figure.value.recall = 0." in line for line in lines)
    assert "Traceback" not in failed.stdout
    _project(project, 0.1)
    passed = _run([str(installed / "python"), "-m", "pytest"], project)
    assert passed.returncode == 0, passed.stdout[-3000:]


def test_the_sample_workflow_runs_in_a_user_project(installed: Path, tmp_path: Path) -> None:
    """The Evaluate step of docs/ci/figdate.yml, as GitHub would run it, before and after a
    baseline is committed; its summary goes to $GITHUB_STEP_SUMMARY."""
    workflow = (REPO / "docs" / "ci" / "figdate.yml").read_text(encoding="utf-8")
    assert "pip install -e . figdate" not in workflow
    step = re.search(r"- name: Evaluate.*?run: \|\n(.*?)\n      - name", workflow, re.DOTALL)
    assert step is not None
    script = "\n".join(line[10:] for line in step.group(1).splitlines())
    project = tmp_path / "project"
    _project(project, 0.1)
    summary = tmp_path / "summary.md"
    env = {"PATH": f"{installed}:{os.environ['PATH']}", "GITHUB_STEP_SUMMARY": str(summary)}
    first = _run(["bash", "-e", "-c", script], project, **env)
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr
    assert "no figdate-baseline.json yet" in summary.read_text()
    assert "### figdate: extract" in summary.read_text()
    (project / "figdate.json").rename(project / "figdate-baseline.json")
    second = _run(["bash", "-e", "-c", script], project, **env)
    assert second.returncode == 0, second.stdout[-3000:]
    assert 'name="test_regression"' in (project / "figdate.xml").read_text()
    assert "Change against the saved run" in summary.read_text()


def test_a_new_user_in_an_empty_folder(any_install: Path, tmp_path: Path) -> None:
    """Every way in, from an empty folder: score, validate and eval on JSONL and CSV (a plain
    install has no pyarrow: it reads text tables without it), the API, the plugin."""
    figdate = str(any_install / "figdate")
    write_gold_as_predictions(tmp_path, "p.jsonl", "p.csv")
    version = _run([figdate, "--version"], tmp_path)
    assert re.fullmatch(r"figdate \d+\.\d+\.\d+(\.dev\d+)?\n", version.stdout), version.stdout
    for name in ("p.jsonl", "p.csv"):
        for args in (["score", name], ["eval", "--extractor", f"file:{name}"]):
            done = _run([figdate, *args, "--resamples", "0"], tmp_path)
            assert done.returncode == 0, (args, done.stderr[-2000:])
            assert re.search(r"^all +value +1\.000", done.stdout, re.MULTILINE), done.stdout
        checked = _run([figdate, "validate", name], tmp_path)
        assert checked.returncode == 0, checked.stdout + checked.stderr[-2000:]
    missing = _run([figdate, "score", "nope.jsonl"], tmp_path)
    assert missing.returncode == 1
    assert missing.stderr.startswith("nope.jsonl: cannot read"), missing.stderr
    done = _run([figdate, "eval", "--resamples", "0"], tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    code = "import figdate; print(figdate.__version__); print(figdate.score('p.csv').table())"
    api = _run([str(any_install / "python"), "-c", code], tmp_path)
    assert api.returncode == 0, api.stderr[-2000:]
    assert re.search(r"^all +value +1\.000", api.stdout, re.MULTILINE)
    assert api.stdout.splitlines()[0] == version.stdout.split()[1]
    project = tmp_path / "project"
    _project(project, 0.1)
    gated = _run([str(any_install / "python"), "-m", "pytest", "-q"], project)
    assert gated.returncode == 0, gated.stdout[-3000:]
    assert (
        "pyproject.toml::test_threshold"
        in _run(
            [str(any_install / "python"), "-m", "pytest", "--collect-only", "-q"], project
        ).stdout
    )
